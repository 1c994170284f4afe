#include "ClientIdentityError.h"

namespace bankid {

ClientIdentityError::ClientIdentityError(Kind kind, const QString &path, const QString &detail)
    : m_kind(kind)
    , m_path(path)
    , m_detail(detail)
{
}

QString ClientIdentityError::message() const
{
    QString text;
    const bool isToken = m_path.startsWith(QLatin1String("pkcs11:"), Qt::CaseInsensitive);
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::FileNotFound: text = QStringLiteral("the file %1 does not exist"); break;
    case Kind::FileUnreadable: text = QStringLiteral("the file %1 cannot be read"); break;
    case Kind::UnsupportedFormat:
        text = QStringLiteral("the file %1 is not a supported client certificate (PKCS#12 .p12/.pfx or PEM)");
        break;
    case Kind::WrongPassword:
        text = isToken ? QStringLiteral("wrong PIN for the PKCS#11 token of %1") : QStringLiteral("wrong password for %1");
        break;
    case Kind::NoCertificate: text = QStringLiteral("the file %1 contains no certificate"); break;
    case Kind::NoPrivateKey: text = QStringLiteral("the file %1 contains no private key"); break;
    case Kind::KeyMismatch: text = QStringLiteral("the private key in %1 does not belong to the certificate"); break;
    case Kind::Pkcs11EngineMissing:
        text = QStringLiteral("OpenSSL's pkcs11 engine is not available for %1 (install libengine-pkcs11-openssl)");
        break;
    case Kind::Pkcs11ModuleMissing: text = QStringLiteral("the PKCS#11 module for %1 cannot be loaded"); break;
    case Kind::InvalidTokenUri: text = QStringLiteral("%1 is not a usable PKCS#11 URI"); break;
    case Kind::TokenNotFound: text = QStringLiteral("the PKCS#11 token of %1 is not present"); break;
    case Kind::PinLocked: text = QStringLiteral("the PIN of the PKCS#11 token of %1 is locked"); break;
    case Kind::TokenKeyNotFound: text = QStringLiteral("the PKCS#11 token has no private key %1"); break;
    case Kind::TokenCertificateNotFound:
        text = QStringLiteral("the PKCS#11 token has no certificate for %1 (give the certificate file separately)");
        break;
    }
    text = text.arg(m_path);
    if (!m_detail.isEmpty())
        text += QStringLiteral(": ") + m_detail;
    return text;
}

QString ClientIdentityError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None: return QStringLiteral("none");
    case Kind::FileNotFound: return QStringLiteral("file-not-found");
    case Kind::FileUnreadable: return QStringLiteral("file-unreadable");
    case Kind::UnsupportedFormat: return QStringLiteral("unsupported-format");
    case Kind::WrongPassword: return QStringLiteral("wrong-password");
    case Kind::NoCertificate: return QStringLiteral("no-certificate");
    case Kind::NoPrivateKey: return QStringLiteral("no-private-key");
    case Kind::KeyMismatch: return QStringLiteral("key-mismatch");
    case Kind::Pkcs11EngineMissing: return QStringLiteral("pkcs11-engine-missing");
    case Kind::Pkcs11ModuleMissing: return QStringLiteral("pkcs11-module-missing");
    case Kind::InvalidTokenUri: return QStringLiteral("invalid-token-uri");
    case Kind::TokenNotFound: return QStringLiteral("token-not-found");
    case Kind::PinLocked: return QStringLiteral("pin-locked");
    case Kind::TokenKeyNotFound: return QStringLiteral("token-key-not-found");
    case Kind::TokenCertificateNotFound: return QStringLiteral("token-certificate-not-found");
    }
    return {};
}

} // namespace bankid
