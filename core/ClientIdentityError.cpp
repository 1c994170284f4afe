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
    switch (m_kind) {
    case Kind::None: return {};
    case Kind::FileNotFound: text = QStringLiteral("the file %1 does not exist"); break;
    case Kind::FileUnreadable: text = QStringLiteral("the file %1 cannot be read"); break;
    case Kind::UnsupportedFormat:
        text = QStringLiteral("the file %1 is not a supported client certificate (PKCS#12 .p12/.pfx or PEM)");
        break;
    case Kind::WrongPassword: text = QStringLiteral("wrong password for %1"); break;
    case Kind::NoCertificate: text = QStringLiteral("the file %1 contains no certificate"); break;
    case Kind::NoPrivateKey: text = QStringLiteral("the file %1 contains no private key"); break;
    case Kind::KeyMismatch: text = QStringLiteral("the private key in %1 does not belong to the certificate"); break;
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
    }
    return {};
}

} // namespace bankid
