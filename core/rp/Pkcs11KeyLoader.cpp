#include "Pkcs11KeyLoader.h"

#include <QByteArray>
#include <QFileInfo>
#include <QLibrary>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QUrl>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ui.h>
#include <openssl/x509.h>

// OpenSSL 3 deprecates the ENGINE API in favour of providers, but Debian 12 ships no pkcs11-provider: the
// pkcs11 ENGINE (libp11) is the only way to reach a token through OpenSSL there. The deprecation warnings
// are silenced for this file only; everything ENGINE-related stays in it.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <openssl/engine.h>

Q_LOGGING_CATEGORY(lcPkcs11, "bankid.pkcs11")

namespace bankid {

namespace {

// The few PKCS#11 (OASIS, v2.40) declarations needed to look at the tokens before the engine logs in, so a
// missing token and a locked PIN get their own error (libp11 reports both as "object not found" / a login
// failure). The layouts are fixed by the standard (Unix: default alignment, CK_ULONG = unsigned long); declared
// here so no PKCS#11 development package is needed to build.
namespace ck {
using CK_RV = unsigned long;
using CK_ULONG = unsigned long;
using CK_SLOT_ID = unsigned long;
struct CK_VERSION
{
    unsigned char major;
    unsigned char minor;
};
struct CK_TOKEN_INFO
{
    unsigned char label[32];
    unsigned char manufacturerID[32];
    unsigned char model[16];
    unsigned char serialNumber[16];
    CK_ULONG flags;
    CK_ULONG counts[10]; // session counts, PIN lengths, memory sizes
    CK_VERSION hardwareVersion;
    CK_VERSION firmwareVersion;
    unsigned char utcTime[16];
};
struct CK_FUNCTION_LIST // only the prefix used here; the module owns the structure
{
    CK_VERSION version;
    CK_RV (*C_Initialize)(void *);
    CK_RV (*C_Finalize)(void *);
    CK_RV (*C_GetInfo)(void *);
    CK_RV (*C_GetFunctionList)(void *);
    CK_RV (*C_GetSlotList)(unsigned char tokenPresent, CK_SLOT_ID *slots, CK_ULONG *count);
    CK_RV (*C_GetSlotInfo)(CK_SLOT_ID, void *);
    CK_RV (*C_GetTokenInfo)(CK_SLOT_ID, CK_TOKEN_INFO *);
};
using GetFunctionList = CK_RV (*)(CK_FUNCTION_LIST **);
constexpr CK_RV CKR_OK = 0;
constexpr CK_RV CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
constexpr CK_RV CKR_PIN_INCORRECT = 0xA0;
constexpr CK_RV CKR_PIN_INVALID = 0xA1;
constexpr CK_RV CKR_PIN_LEN_RANGE = 0xA2;
constexpr CK_RV CKR_PIN_EXPIRED = 0xA3;
constexpr CK_RV CKR_PIN_LOCKED = 0xA4;
constexpr CK_ULONG CKF_USER_PIN_LOCKED = 0x00040000;
} // namespace ck

/// An RFC 7512 URI split into its attributes: values decoded for matching and messages, raw (still
/// percent-encoded) for the engine, which decodes them itself.
struct TokenUri
{
    QList<QPair<QString, QString>> pathRaw; // name, raw value (in order)
    QHash<QString, QString> path;           // name -> decoded value
    QHash<QString, QString> query;          // name -> decoded value
    QString problem;                        // non-empty: not usable

    QString engineUri(const QString &type) const
    {
        QStringList parts;
        static const QStringList kept{QStringLiteral("token"), QStringLiteral("manufacturer"), QStringLiteral("serial"),
                                      QStringLiteral("model"), QStringLiteral("object"), QStringLiteral("id")};
        for (const auto &[name, raw] : pathRaw) {
            if (kept.contains(name))
                parts << name + QLatin1Char('=') + raw;
        }
        parts << QStringLiteral("type=") + type;
        return QStringLiteral("pkcs11:") + parts.join(QLatin1Char(';'));
    }
    /// "token "T"" (or the serial / model when no label is given) for messages.
    QString tokenName() const
    {
        if (path.contains(QStringLiteral("token")))
            return QStringLiteral("\"%1\"").arg(path.value(QStringLiteral("token")));
        if (path.contains(QStringLiteral("serial")))
            return QStringLiteral("with serial %1").arg(path.value(QStringLiteral("serial")));
        return QStringLiteral("(any)");
    }
};

QString percentDecoded(const QString &raw)
{
    return QUrl::fromPercentEncoding(raw.toUtf8());
}

TokenUri parseUri(const QString &uri)
{
    TokenUri result;
    const QString body = uri.mid(int(qstrlen("pkcs11:")));
    const qsizetype question = body.indexOf(QLatin1Char('?'));
    const QString pathPart = question < 0 ? body : body.left(question);
    const QString queryPart = question < 0 ? QString() : body.mid(question + 1);
    for (const QString &attribute : pathPart.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype eq = attribute.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            result.problem = QStringLiteral("the attribute '%1' has no value").arg(attribute);
            return result;
        }
        const QString name = attribute.left(eq).toLower();
        result.pathRaw.append({name, attribute.mid(eq + 1)});
        result.path.insert(name, percentDecoded(attribute.mid(eq + 1)));
    }
    for (const QString &attribute : queryPart.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = attribute.indexOf(QLatin1Char('='));
        const QString name = (eq < 0 ? attribute : attribute.left(eq)).toLower();
        result.query.insert(name, eq < 0 ? QString() : percentDecoded(attribute.mid(eq + 1)));
    }
    if (result.query.contains(QStringLiteral("pin-value")) || result.query.contains(QStringLiteral("pin-source"))) {
        result.problem = QStringLiteral("it carries the PIN (pin-value / pin-source); give the PIN through the "
                                        "password sources instead");
    } else if (!result.path.contains(QStringLiteral("object")) && !result.path.contains(QStringLiteral("id"))) {
        result.problem = QStringLiteral("it names no key: give object=LABEL and/or id=%%XX");
    } else if (result.path.contains(QStringLiteral("type"))
               && result.path.value(QStringLiteral("type")) != QLatin1String("private")) {
        result.problem = QStringLiteral("type=%1: the URI must name the private key (type=private or no type)")
                             .arg(result.path.value(QStringLiteral("type")));
    }
    return result;
}

QString trimmedField(const unsigned char *field, int size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(field), size).trimmed();
}

/// What the module says about the token named in `uri`, before any login.
struct TokenCheck
{
    ClientIdentityError::Kind kind = ClientIdentityError::Kind::None;
    QString detail;
};

TokenCheck checkToken(const QString &modulePath, const TokenUri &uri)
{
    TokenCheck check;
    QLibrary module(modulePath); // never unloaded: the engine uses the same module afterwards
    auto getFunctionList = module.load() ? reinterpret_cast<ck::GetFunctionList>(module.resolve("C_GetFunctionList"))
                                         : nullptr;
    ck::CK_FUNCTION_LIST *functions = nullptr;
    if (!getFunctionList || getFunctionList(&functions) != ck::CKR_OK || !functions) {
        check.kind = ClientIdentityError::Kind::Pkcs11ModuleMissing;
        check.detail = QStringLiteral("module %1: %2").arg(modulePath, module.errorString());
        return check;
    }
    const ck::CK_RV initialized = functions->C_Initialize(nullptr);
    if (initialized != ck::CKR_OK && initialized != ck::CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        check.kind = ClientIdentityError::Kind::Pkcs11ModuleMissing;
        check.detail = QStringLiteral("module %1: C_Initialize failed (CKR 0x%2)").arg(modulePath).arg(initialized, 0, 16);
        return check;
    }
    ck::CK_ULONG count = 0;
    QList<ck::CK_SLOT_ID> slotIds; // not "slots": a Qt keyword macro
    if (functions->C_GetSlotList(1, nullptr, &count) == ck::CKR_OK && count > 0) {
        slotIds.resize(qsizetype(count));
        if (functions->C_GetSlotList(1, slotIds.data(), &count) != ck::CKR_OK)
            count = 0;
        slotIds.resize(qsizetype(count));
    }
    QStringList present;
    bool found = false;
    for (const ck::CK_SLOT_ID slot : std::as_const(slotIds)) {
        ck::CK_TOKEN_INFO info{};
        if (functions->C_GetTokenInfo(slot, &info) != ck::CKR_OK)
            continue;
        const QString label = trimmedField(info.label, 32);
        present << QStringLiteral("\"%1\"").arg(label);
        auto matches = [&uri](const char *name, const QString &value) {
            return !uri.path.contains(QLatin1String(name)) || uri.path.value(QLatin1String(name)) == value;
        };
        if (found || !matches("token", label) || !matches("manufacturer", trimmedField(info.manufacturerID, 32))
            || !matches("model", trimmedField(info.model, 16)) || !matches("serial", trimmedField(info.serialNumber, 16)))
            continue;
        found = true;
        if (info.flags & ck::CKF_USER_PIN_LOCKED) {
            check.kind = ClientIdentityError::Kind::PinLocked;
            check.detail = QStringLiteral("token %1 (reset it with the SO PIN)").arg(uri.tokenName());
        }
    }
    if (!found) {
        check.kind = ClientIdentityError::Kind::TokenNotFound;
        check.detail = QStringLiteral("token %1 not among %2 (module %3)")
                           .arg(uri.tokenName(), present.isEmpty() ? QStringLiteral("no tokens") : present.join(QStringLiteral(", ")),
                                modulePath);
    }
    // Leave the module as found: finalising it under the engine would close the engine's sessions.
    if (initialized == ck::CKR_OK)
        functions->C_Finalize(nullptr);
    return check;
}

/// The one pkcs11 ENGINE of the process (functional reference), and the module it was initialised with.
/// It is never finished: libp11's keys keep pointers into the engine's PKCS#11 context (slots, sessions)
/// without holding an engine reference, so finishing it would leave every loaded key dangling.
struct EngineState
{
    QMutex mutex;
    ENGINE *engine = nullptr;
    QString modulePath;
};

EngineState &engineState()
{
    static EngineState state;
    return state;
}

QString drainErrors(ck::CK_RV *pkcs11Reason)
{
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        const char *library = ERR_lib_error_string(code);
        if (library && qstrcmp(library, "PKCS#11 module") == 0 && pkcs11Reason && !*pkcs11Reason)
            *pkcs11Reason = ERR_GET_REASON(code);
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        reasons << QString::fromLatin1(buffer);
    }
    return reasons.join(QStringLiteral("; "));
}

struct CertificateParameters // libp11's LOAD_CERT_CTRL argument
{
    const char *uri;
    X509 *certificate;
};

} // namespace

bool Pkcs11KeyLoader::isTokenUri(const QString &location)
{
    return location.startsWith(QLatin1String("pkcs11:"), Qt::CaseInsensitive);
}

QString Pkcs11KeyLoader::defaultModulePath()
{
    return QStringLiteral("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so");
}

QString Pkcs11KeyLoader::displayUri(const QString &uri)
{
    const qsizetype question = uri.indexOf(QLatin1Char('?'));
    return question < 0 ? uri : uri.left(question);
}

Pkcs11KeyLoader::Result Pkcs11KeyLoader::load(const QString &uriText, const QByteArray &pin, bool withCertificate)
{
    Result result;
    const QString shown = displayUri(uriText);
    auto fail = [&](ClientIdentityError::Kind kind, const QString &detail) {
        result.error = ClientIdentityError(kind, shown, detail);
        return result;
    };
    if (!isTokenUri(uriText))
        return fail(ClientIdentityError::Kind::InvalidTokenUri, QStringLiteral("it does not start with pkcs11:"));
    const TokenUri uri = parseUri(QStringLiteral("pkcs11:") + uriText.mid(7));
    if (!uri.problem.isEmpty())
        return fail(ClientIdentityError::Kind::InvalidTokenUri, uri.problem);

    QString modulePath = qEnvironmentVariable("BANKID_PKCS11_MODULE");
    if (modulePath.isEmpty())
        modulePath = uri.query.value(QStringLiteral("module-path"));
    if (modulePath.isEmpty())
        modulePath = defaultModulePath();
    if (!QFileInfo(modulePath).isFile())
        return fail(ClientIdentityError::Kind::Pkcs11ModuleMissing,
                    QStringLiteral("%1 does not exist (set BANKID_PKCS11_MODULE or module-path)").arg(modulePath));

    EngineState &state = engineState();
    QMutexLocker locker(&state.mutex);
    if (state.engine && state.modulePath != modulePath)
        return fail(ClientIdentityError::Kind::Pkcs11ModuleMissing,
                    QStringLiteral("this process already uses the module %1; one PKCS#11 module per process (restart to "
                                   "use %2)").arg(state.modulePath, modulePath));

    const TokenCheck check = checkToken(modulePath, uri);
    if (check.kind != ClientIdentityError::Kind::None)
        return fail(check.kind, check.detail);
    if (pin.isEmpty())
        return fail(ClientIdentityError::Kind::WrongPassword, QStringLiteral("no PIN was given"));

    ERR_clear_error();
    if (!state.engine) {
        ENGINE *engine = ENGINE_by_id("pkcs11");
        if (!engine)
            return fail(ClientIdentityError::Kind::Pkcs11EngineMissing, drainErrors(nullptr));
        const QByteArray module = QFile::encodeName(modulePath);
        ENGINE_ctrl_cmd(engine, "QUIET", 0, nullptr, nullptr, 0); // libp11 prints to stderr otherwise
        const bool initialised = ENGINE_ctrl_cmd_string(engine, "MODULE_PATH", module.constData(), 0) == 1
                                 && ENGINE_init(engine) == 1;
        ENGINE_free(engine); // the structural reference; ENGINE_init's functional one is kept
        if (!initialised)
            return fail(ClientIdentityError::Kind::Pkcs11ModuleMissing,
                        QStringLiteral("%1: %2").arg(modulePath, drainErrors(nullptr)));
        state.engine = engine;
        state.modulePath = modulePath;
        qCInfo(lcPkcs11).noquote() << "pkcs11 engine initialised with module" << modulePath;
    }

    // The PIN goes to libp11 (which copies it) for this load only and is overwritten right after. UI_null()
    // makes sure nothing ever prompts on a terminal.
    ENGINE_ctrl_cmd_string(state.engine, "PIN", pin.constData(), 0);
    const QByteArray keyUri = uri.engineUri(QStringLiteral("private")).toUtf8();
    EVP_PKEY *key = ENGINE_load_private_key(state.engine, keyUri.constData(),
                                            const_cast<UI_METHOD *>(UI_null()), nullptr);
    ENGINE_ctrl_cmd_string(state.engine, "PIN", "", 0);
    ck::CK_RV reason = 0;
    const QString errors = drainErrors(&reason);
    if (!key) {
        switch (reason) {
        case ck::CKR_PIN_INCORRECT:
        case ck::CKR_PIN_INVALID:
        case ck::CKR_PIN_LEN_RANGE:
            return fail(ClientIdentityError::Kind::WrongPassword, QStringLiteral("token %1").arg(uri.tokenName()));
        case ck::CKR_PIN_LOCKED:
        case ck::CKR_PIN_EXPIRED:
            return fail(ClientIdentityError::Kind::PinLocked, QStringLiteral("token %1").arg(uri.tokenName()));
        default:
            return fail(ClientIdentityError::Kind::TokenKeyNotFound,
                        QStringLiteral("on token %1 (%2)").arg(uri.tokenName(), errors));
        }
    }
    const int type = EVP_PKEY_get_base_id(key);
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_EC) {
        EVP_PKEY_free(key);
        return fail(ClientIdentityError::Kind::UnsupportedFormat, QStringLiteral("the token key is neither RSA nor EC"));
    }
    // Qt 6.4 (TlsKeyOpenSSL::fromHandle) takes the EVP_PKEY over: it keeps its own reference to the RSA /
    // EC_KEY inside (which carries libp11's methods, so signing runs on the token) and frees the EVP_PKEY.
    result.key = QSslKey(Qt::HANDLE(key), QSsl::PrivateKey);
    if (result.key.isNull())
        return fail(ClientIdentityError::Kind::UnsupportedFormat, QStringLiteral("Qt could not take over the token key"));

    if (withCertificate) {
        const QByteArray certUri = uri.engineUri(QStringLiteral("cert")).toUtf8();
        CertificateParameters parameters{certUri.constData(), nullptr};
        ENGINE_ctrl_cmd(state.engine, "LOAD_CERT_CTRL", 0, &parameters, nullptr, 0);
        ERR_clear_error();
        if (!parameters.certificate)
            return fail(ClientIdentityError::Kind::TokenCertificateNotFound, QStringLiteral("token %1").arg(uri.tokenName()));
        unsigned char *der = nullptr;
        const int length = i2d_X509(parameters.certificate, &der);
        if (length > 0)
            result.certificate = QSslCertificate(QByteArray(reinterpret_cast<const char *>(der), length), QSsl::Der);
        OPENSSL_free(der);
        X509_free(parameters.certificate);
        if (result.certificate.isNull())
            return fail(ClientIdentityError::Kind::TokenCertificateNotFound,
                        QStringLiteral("token %1: the certificate object could not be read").arg(uri.tokenName()));
    }
    return result;
}

} // namespace bankid

#pragma GCC diagnostic pop
