#include "ClientIdentity.h"

#include "BoundedFileReader.h"

#include "OpenSslProviders.h"
#include "Pkcs11KeyLoader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstring>
#include <memory>
#include <optional>

Q_LOGGING_CATEGORY(lcClientIdentity, "bankid.identity")

namespace bankid {

namespace {

struct OpenSslDeleter
{
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
    void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); }
};

template<typename T>
using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter>;

/// OpenSSL's thread-local error queue, drained into one readable line (and left empty, so a later,
/// unrelated TLS operation never reports our leftovers).
struct OpenSslErrors
{
    QString text;
    /// An algorithm is not available in the loaded providers (error:0308010C "unsupported"): what a
    /// legacy PKCS#12 file (RC2-40, 3DES) gives until the legacy provider is loaded.
    bool unsupportedAlgorithm = false;
};

OpenSslErrors takeOpenSslErrors()
{
    OpenSslErrors errors;
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        reasons << QString::fromLatin1(buffer);
        if (ERR_GET_REASON(code) == ERR_R_UNSUPPORTED)
            errors.unsupportedAlgorithm = true;
    }
    errors.text = reasons.join(QStringLiteral("; "));
    return errors;
}

OpenSslPtr<X509> toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return OpenSslPtr<X509>(d2i_X509(nullptr, &p, der.size()));
}

QSslCertificate toQt(X509 *certificate)
{
    unsigned char *der = nullptr;
    const int length = i2d_X509(certificate, &der);
    if (length <= 0)
        return QSslCertificate();
    const QSslCertificate result(QByteArray(reinterpret_cast<const char *>(der), length), QSsl::Der);
    OPENSSL_free(der);
    return result;
}

/// Only RSA (BankID's RP certificates) and EC keys: Qt 6.4 keeps other key types as opaque handles, which
/// its TLS context setup does not reference-count.
bool isSupportedKeyType(const EVP_PKEY *key)
{
    const int type = EVP_PKEY_get_base_id(key);
    return type == EVP_PKEY_RSA || type == EVP_PKEY_EC;
}

/// Hands `key` to Qt by handle: the key material is never serialised. Qt 6.4's OpenSSL backend
/// (TlsKeyOpenSSL::fromHandle) takes ownership of the EVP_PKEY: it takes its own reference to the RSA or
/// EC key inside and frees the EVP_PKEY, so the caller gives up its reference here.
QSslKey toQt(OpenSslPtr<EVP_PKEY> key)
{
    return QSslKey(Qt::HANDLE(key.release()), QSsl::PrivateKey);
}

/// A new reference to the EVP_PKEY behind a QSslKey, without serialising it. Qt 6.4's OpenSSL backend,
/// built with OpenSSL 3's deprecated API enabled (Debian's), hands out the legacy RSA / EC_KEY object for
/// those algorithms and the EVP_PKEY itself for opaque keys; wrapping the legacy objects needs the
/// deprecated EVP_PKEY_set1_* functions.
OpenSslPtr<EVP_PKEY> toEvpKey(const QSslKey &key)
{
    if (key.isNull() || !key.handle())
        return nullptr;
    if (key.algorithm() == QSsl::Opaque) {
        auto *evp = static_cast<EVP_PKEY *>(key.handle());
        return EVP_PKEY_up_ref(evp) == 1 ? OpenSslPtr<EVP_PKEY>(evp) : nullptr;
    }
    OpenSslPtr<EVP_PKEY> evp(EVP_PKEY_new());
    if (!evp)
        return nullptr;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    bool wrapped = false;
    if (key.algorithm() == QSsl::Rsa)
        wrapped = EVP_PKEY_set1_RSA(evp.get(), static_cast<RSA *>(key.handle())) == 1;
    else if (key.algorithm() == QSsl::Ec)
        wrapped = EVP_PKEY_set1_EC_KEY(evp.get(), static_cast<EC_KEY *>(key.handle())) == 1;
#pragma GCC diagnostic pop
    return wrapped ? std::move(evp) : nullptr;
}

bool keyMatches(const QSslKey &key, const QSslCertificate &certificate)
{
    const auto x509 = toX509(certificate);
    const auto pkey = toEvpKey(key);
    const bool matches = x509 && pkey && X509_check_private_key(x509.get(), pkey.get()) == 1;
    ERR_clear_error();
    return matches;
}

/// Gives OpenSSL the password of a PEM key; never prompts on a terminal (OpenSSL's default without a
/// callback). An empty password fails the decryption of an encrypted key.
int pemPassword(char *buffer, int size, int, void *userData)
{
    const auto *password = static_cast<const QByteArray *>(userData);
    if (!password || password->size() > size)
        return 0;
    std::memcpy(buffer, password->constData(), size_t(password->size()));
    return int(password->size());
}

QString distinguishedName(const X509_NAME *name)
{
    OpenSslPtr<BIO> bio(BIO_new(BIO_s_mem()));
    const unsigned long flags = XN_FLAG_SEP_CPLUS_SPC | XN_FLAG_FN_SN | XN_FLAG_DUMP_UNKNOWN_FIELDS
                                | (ASN1_STRFLGS_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    X509_NAME_print_ex(bio.get(), name, 0, flags);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(length));
}

/// Reads a whole certificate or key file (bounded, regular files only), or says precisely why not.
std::optional<QByteArray> readFile(const QString &path, ClientIdentityError *error)
{
    if (!QFileInfo::exists(path)) {
        *error = ClientIdentityError(ClientIdentityError::Kind::FileNotFound, path, {});
        return std::nullopt;
    }
    QString reason;
    std::optional<QByteArray> data = BoundedFileReader::read(path, BoundedFileReader::MaxCertificateBytes, &reason);
    if (!data)
        *error = ClientIdentityError(ClientIdentityError::Kind::FileUnreadable, path, reason);
    return data;
}

/// The first "-----BEGIN ... PRIVATE KEY-----" block (PKCS#8, encrypted PKCS#8, RSA or EC), or empty.
QByteArray privateKeyBlock(const QByteArray &pem)
{
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN ");
    qsizetype from = 0;
    while ((from = pem.indexOf(begin, from)) >= 0) {
        const qsizetype lineEnd = pem.indexOf('\n', from);
        const QByteArray header = pem.mid(from, lineEnd < 0 ? -1 : lineEnd - from).trimmed();
        if (header.endsWith("PRIVATE KEY-----")) {
            const QByteArray label = header.mid(begin.size(), header.size() - begin.size() - 5);
            const QByteArray footer = "-----END " + label + "-----";
            const qsizetype end = pem.indexOf(footer, from);
            if (end < 0)
                return {};
            return pem.mid(from, end + footer.size() - from) + '\n';
        }
        from += begin.size();
    }
    return {};
}

} // namespace

ClientIdentity ClientIdentity::failure(ClientIdentityError::Kind kind, const QString &path, const QString &detail)
{
    ClientIdentity identity;
    identity.m_error = ClientIdentityError(kind, path, detail);
    identity.m_sourcePath = path;
    qCWarning(lcClientIdentity).noquote() << "cannot load client identity:" << identity.m_error.message();
    return identity;
}

bool ClientIdentity::isTokenUri(const QString &location)
{
    return Pkcs11KeyLoader::isTokenUri(location);
}

ClientIdentity ClientIdentity::load(const QString &path, const QByteArray &password, const QString &keyPath)
{
    if (isTokenUri(path))
        return loadToken(path, password, keyPath);
    ClientIdentityError readError;
    const std::optional<QByteArray> data = readFile(path, &readError);
    if (!data)
        return failure(readError.kind(), path, readError.detail());

    ClientIdentity identity = data->contains("-----BEGIN ") ? loadPem(path, *data, password, keyPath)
                                                            : loadPkcs12(path, *data, password);
    if (!identity.isNull()) {
        identity.m_sourcePath = path;
        qCInfo(lcClientIdentity).noquote()
            << "loaded client identity" << identity.subject() << "from" << path << "expires"
            << identity.expiry().toString(Qt::ISODate) << "sha256" << identity.sha256Fingerprint();
    }
    return identity;
}

ClientIdentity ClientIdentity::loadPkcs12(const QString &path, const QByteArray &data, const QByteArray &password)
{
    ERR_clear_error();
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const OpenSslPtr<PKCS12> p12(d2i_PKCS12(nullptr, &p, data.size()));
    if (!p12) {
        ERR_clear_error();
        return failure(ClientIdentityError::Kind::UnsupportedFormat, path,
                       QStringLiteral("it is neither PEM nor DER-encoded PKCS#12"));
    }

    // Modern files (AES-256, PBKDF2) need only OpenSSL's default algorithms. Legacy ones (RC2-40, 3DES,
    // SHA-1 MAC) fail with "unsupported" until the legacy provider is loaded: that is done then, and
    // only then, and the failed step repeated. True when the step is worth repeating.
    auto loadLegacyProviderFor = [&path](const OpenSslErrors &errors) {
        if (!errors.unsupportedAlgorithm || OpenSslProviders::legacyLoaded())
            return false;
        const bool loaded = OpenSslProviders::ensureLegacyLoaded();
        if (loaded)
            qCInfo(lcClientIdentity).noquote() << path << "uses legacy PKCS#12 algorithms: OpenSSL's legacy provider loaded";
        return loaded;
    };

    // OpenSSL treats "no password" as either an empty string or NULL depending on the creator; try both.
    const char *pass = password.constData();
    const int passLength = int(password.size());
    if (PKCS12_mac_present(p12.get())) {
        auto macVerifies = [&] {
            return PKCS12_verify_mac(p12.get(), pass, passLength) == 1
                   || (password.isEmpty() && PKCS12_verify_mac(p12.get(), nullptr, 0) == 1);
        };
        bool verified = macVerifies();
        OpenSslErrors errors = takeOpenSslErrors();
        if (!verified && loadLegacyProviderFor(errors)) {
            verified = macVerifies();
            errors = takeOpenSslErrors();
        }
        if (!verified) {
            // An algorithm we cannot run (legacy provider unavailable) is not a password problem.
            if (errors.unsupportedAlgorithm)
                return failure(ClientIdentityError::Kind::UnsupportedFormat, path,
                               QStringLiteral("its MAC algorithm is not available in this OpenSSL (%1)").arg(errors.text));
            return failure(ClientIdentityError::Kind::WrongPassword, path,
                           QStringLiteral("the PKCS#12 integrity check (MAC) failed"));
        }
    }

    OpenSslPtr<EVP_PKEY> key;
    OpenSslPtr<X509> cert;
    OpenSslPtr<STACK_OF(X509)> ca;
    auto parse = [&] {
        EVP_PKEY *rawKey = nullptr;
        X509 *rawCert = nullptr;
        STACK_OF(X509) *rawCa = nullptr;
        // PKCS12_parse() frees and nulls its outputs when it fails.
        const bool parsed = PKCS12_parse(p12.get(), pass, &rawKey, &rawCert, &rawCa) == 1
                            || (password.isEmpty() && PKCS12_parse(p12.get(), nullptr, &rawKey, &rawCert, &rawCa) == 1);
        key.reset(rawKey);
        cert.reset(rawCert);
        ca.reset(rawCa);
        return parsed;
    };
    bool parsed = parse();
    OpenSslErrors errors = takeOpenSslErrors();
    if (!parsed && loadLegacyProviderFor(errors)) {
        parsed = parse();
        errors = takeOpenSslErrors();
    }
    if (!parsed) {
        return failure(ClientIdentityError::Kind::UnsupportedFormat, path,
                       QStringLiteral("OpenSSL cannot decrypt its contents (%1)").arg(errors.text));
    }
    // Without a key, PKCS12_parse() puts every certificate into the CA list (it pairs the leaf by key id).
    const bool anyCertificate = cert || (ca && sk_X509_num(ca.get()) > 0);
    if (!key && !anyCertificate)
        return failure(ClientIdentityError::Kind::NoCertificate, path, QStringLiteral("and no private key"));
    if (!key)
        return failure(ClientIdentityError::Kind::NoPrivateKey, path, QStringLiteral("only certificates"));
    if (!cert)
        return failure(ClientIdentityError::Kind::NoCertificate, path,
                       QStringLiteral("matching its private key"));
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        return failure(ClientIdentityError::Kind::KeyMismatch, path);
    }
    if (!isSupportedKeyType(key.get()))
        return failure(ClientIdentityError::Kind::UnsupportedFormat, path,
                       QStringLiteral("its private key is neither RSA nor EC"));

    ClientIdentity identity;
    identity.m_certificate = toQt(cert.get());
    for (int i = 0; ca && i < sk_X509_num(ca.get()); ++i)
        identity.m_chain << toQt(sk_X509_value(ca.get(), i));
    identity.m_privateKey = toQt(std::move(key));
    ERR_clear_error();
    if (identity.m_certificate.isNull() || identity.m_privateKey.isNull())
        return failure(ClientIdentityError::Kind::UnsupportedFormat, path,
                       QStringLiteral("Qt could not take over its certificate or private key"));
    identity.m_format = Format::Pkcs12;
    identity.readNames();
    return identity;
}

ClientIdentity ClientIdentity::loadPem(const QString &path, const QByteArray &data, const QByteArray &password,
                                       const QString &keyPath)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        return failure(ClientIdentityError::Kind::NoCertificate, path,
                       QStringLiteral("(expected a \"-----BEGIN CERTIFICATE-----\" block)"));

    const QString keySource = keyPath.isEmpty() ? path : keyPath;
    QByteArray keyData = data;
    if (!keyPath.isEmpty()) {
        ClientIdentityError readError;
        const std::optional<QByteArray> read = readFile(keyPath, &readError);
        if (!read)
            return failure(readError.kind(), keyPath, readError.detail());
        keyData = *read;
    }
    const QByteArray block = privateKeyBlock(keyData);
    if (block.isEmpty()) {
        return failure(ClientIdentityError::Kind::NoPrivateKey, keySource,
                       keyPath.isEmpty() ? QStringLiteral("give the key file separately") : QString());
    }

    // OpenSSL reads the key (PKCS#8, encrypted PKCS#8, traditional RSA or EC) into an EVP_PKEY that goes to
    // Qt by handle below.
    ERR_clear_error();
    const OpenSslPtr<BIO> bio(BIO_new_mem_buf(block.constData(), int(block.size())));
    QByteArray passwordCopy = password;
    OpenSslPtr<EVP_PKEY> key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, pemPassword, &passwordCopy) : nullptr);
    const OpenSslErrors keyErrors = takeOpenSslErrors();
    if (!key) {
        const bool encrypted = block.contains("ENCRYPTED");
        if (encrypted && password.isEmpty())
            return failure(ClientIdentityError::Kind::WrongPassword, keySource,
                           QStringLiteral("the private key is encrypted and no password was given"));
        if (encrypted)
            return failure(ClientIdentityError::Kind::WrongPassword, keySource,
                           QStringLiteral("the encrypted private key could not be decrypted"));
        return failure(ClientIdentityError::Kind::UnsupportedFormat, keySource,
                       QStringLiteral("its private key could not be read (%1)").arg(keyErrors.text));
    }
    if (!isSupportedKeyType(key.get()))
        return failure(ClientIdentityError::Kind::UnsupportedFormat, keySource,
                       QStringLiteral("its private key is neither RSA nor EC"));

    // The leaf is the certificate the key belongs to; every other certificate is sent as chain.
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        const auto x509 = toX509(certificates.at(i));
        const bool matches = x509 && X509_check_private_key(x509.get(), key.get()) == 1;
        ERR_clear_error();
        if (!matches)
            continue;
        ClientIdentity identity;
        identity.m_certificate = certificates.at(i);
        for (qsizetype j = 0; j < certificates.size(); ++j) {
            if (j != i)
                identity.m_chain << certificates.at(j);
        }
        identity.m_privateKey = toQt(std::move(key));
        if (identity.m_privateKey.isNull())
            return failure(ClientIdentityError::Kind::UnsupportedFormat, keySource,
                           QStringLiteral("Qt could not take over its private key"));
        identity.m_format = Format::Pem;
        identity.readNames();
        return identity;
    }
    return failure(ClientIdentityError::Kind::KeyMismatch, keySource,
                   QStringLiteral("no certificate in %1 matches it").arg(path));
}

ClientIdentity ClientIdentity::loadToken(const QString &uri, const QByteArray &pin, const QString &certificatePath)
{
    const QString shown = Pkcs11KeyLoader::displayUri(uri);
    // The certificate file first: a typo there should not cost a PIN attempt.
    QList<QSslCertificate> certificates;
    if (!certificatePath.isEmpty()) {
        ClientIdentityError readError;
        const std::optional<QByteArray> data = readFile(certificatePath, &readError);
        if (!data)
            return failure(readError.kind(), certificatePath, readError.detail());
        certificates = data->contains("-----BEGIN ") ? QSslCertificate::fromData(*data, QSsl::Pem)
                                                     : QSslCertificate::fromData(*data, QSsl::Der);
        if (certificates.isEmpty())
            return failure(ClientIdentityError::Kind::NoCertificate, certificatePath,
                           QStringLiteral("(expected a PEM or DER certificate for the token key)"));
    }

    Pkcs11KeyLoader::Result loaded = Pkcs11KeyLoader::load(uri, pin, certificatePath.isEmpty());
    if (loaded.error.isError()) {
        ClientIdentity identity = failure(loaded.error.kind(), loaded.error.path(), loaded.error.detail());
        return identity;
    }
    if (certificatePath.isEmpty())
        certificates = {loaded.certificate};

    // The leaf is the certificate the key belongs to; every other certificate is sent as chain.
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        if (!keyMatches(loaded.key, certificates.at(i)))
            continue;
        ClientIdentity identity;
        identity.m_certificate = certificates.at(i);
        for (qsizetype j = 0; j < certificates.size(); ++j) {
            if (j != i)
                identity.m_chain << certificates.at(j);
        }
        identity.m_privateKey = loaded.key;
        identity.m_format = Format::Token;
        identity.m_sourcePath = shown;
        identity.readNames();
        qCInfo(lcClientIdentity).noquote()
            << "loaded client identity" << identity.subject() << "with its key on the token" << shown << "expires"
            << identity.expiry().toString(Qt::ISODate) << "sha256" << identity.sha256Fingerprint();
        return identity;
    }
    return failure(ClientIdentityError::Kind::KeyMismatch, shown,
                   certificatePath.isEmpty() ? QStringLiteral("the certificate on the token does not match the key")
                                             : QStringLiteral("no certificate in %1 matches it").arg(certificatePath));
}

ClientIdentity ClientIdentity::fromParts(const QSslCertificate &certificate, const QSslKey &privateKey,
                                         const QList<QSslCertificate> &chain)
{
    if (certificate.isNull())
        return failure(ClientIdentityError::Kind::NoCertificate, QStringLiteral("(in memory)"));
    if (privateKey.isNull())
        return failure(ClientIdentityError::Kind::NoPrivateKey, QStringLiteral("(in memory)"));
    if (!keyMatches(privateKey, certificate))
        return failure(ClientIdentityError::Kind::KeyMismatch, QStringLiteral("(in memory)"));
    ClientIdentity identity;
    identity.m_certificate = certificate;
    identity.m_privateKey = privateKey;
    identity.m_chain = chain;
    identity.readNames();
    return identity;
}

void ClientIdentity::readNames()
{
    if (auto x509 = toX509(m_certificate)) {
        m_subject = distinguishedName(X509_get_subject_name(x509.get()));
        m_issuer = distinguishedName(X509_get_issuer_name(x509.get()));
    }
}

QString ClientIdentity::subject() const
{
    return m_subject;
}

QString ClientIdentity::commonName() const
{
    return m_certificate.subjectInfo(QSslCertificate::CommonName).value(0);
}

QString ClientIdentity::issuer() const
{
    return m_issuer;
}

QString ClientIdentity::serialNumber() const
{
    return QString::fromLatin1(m_certificate.serialNumber());
}

QDateTime ClientIdentity::notBefore() const
{
    return m_certificate.effectiveDate();
}

QDateTime ClientIdentity::expiry() const
{
    return m_certificate.expiryDate();
}

qint64 ClientIdentity::daysLeft(const QDateTime &now) const
{
    // Whole days, rounded towards the past: 23 hours left is 0 days, 1 hour overdue is -1.
    const qint64 seconds = now.secsTo(expiry());
    return seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
}

ClientIdentity::Validity ClientIdentity::validityAt(const QDateTime &now) const
{
    if (now < notBefore())
        return Validity::NotYetValid;
    if (now > expiry())
        return Validity::Expired;
    return Validity::Valid;
}

QString ClientIdentity::validityWarning(const QDateTime &now) const
{
    switch (validityAt(now)) {
    case Validity::Valid: return {};
    case Validity::NotYetValid:
        return QStringLiteral("the client certificate %1 is not valid before %2")
            .arg(commonName(), notBefore().toString(Qt::ISODate));
    case Validity::Expired:
        return QStringLiteral("the client certificate %1 expired on %2")
            .arg(commonName(), expiry().toString(Qt::ISODate));
    }
    return {};
}

QString ClientIdentity::sha256Fingerprint() const
{
    if (m_certificate.isNull())
        return {};
    return QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace bankid
