#pragma once

#include <QString>

namespace bankid {

/// Why a client identity (the RP certificate and its private key) could not be loaded. The message always
/// names the file concerned and never contains the password.
///
/// \code
///   const auto identity = bankid::ClientIdentity::load(path, password);
///   if (identity.error().isError())
///       std::cerr << qPrintable(identity.error().message());
/// \endcode
class ClientIdentityError
{
public:
    /// The failure, most specific first; checked in this order while loading.
    enum class Kind {
        None,              ///< no error
        FileNotFound,      ///< the certificate or key file does not exist
        FileUnreadable,    ///< it exists but cannot be read (permissions, a directory, I/O error)
        UnsupportedFormat, ///< neither PKCS#12 nor PEM, or an algorithm OpenSSL cannot read
        WrongPassword,     ///< the PKCS#12 MAC or the encrypted PEM key does not verify with the password
        NoCertificate,     ///< the file holds no certificate
        NoPrivateKey,      ///< the file (and key file) holds no private key
        KeyMismatch,       ///< the private key does not belong to the certificate
        // A key on a PKCS#11 token (ClientIdentity::isTokenUri()); path() is then the URI without its query.
        // A wrong or missing PIN is WrongPassword, so front ends ask again exactly as for a PKCS#12 password.
        Pkcs11EngineMissing,     ///< OpenSSL's pkcs11 engine (libengine-pkcs11-openssl) cannot be loaded
        Pkcs11ModuleMissing,     ///< the PKCS#11 module (.so) does not exist or does not load
        InvalidTokenUri,         ///< not a usable RFC 7512 URI (no object/id, a pin-value, bad syntax)
        TokenNotFound,           ///< no token with that label (or manufacturer/model/serial) is present
        PinLocked,               ///< the token's user PIN is locked (too many wrong PINs)
        TokenKeyNotFound,        ///< the token has no private key with that object label / id
        TokenCertificateNotFound, ///< no certificate with that object / id on the token (give --cert-file)
    };

    ClientIdentityError() = default;
    ClientIdentityError(Kind kind, const QString &path, const QString &detail);

    Kind kind() const { return m_kind; }
    bool isError() const { return m_kind != Kind::None; }
    /// The file the error is about (the key file for key errors of a PEM pair).
    QString path() const { return m_path; }
    /// Extra detail, e.g. OpenSSL's reason; may be empty.
    QString detail() const { return m_detail; }
    /// One sentence naming the file and the problem, e.g. "wrong password for the PKCS#12 file /x/rp.p12".
    QString message() const;

    /// "file-not-found", "wrong-password", ...: stable names for logs and scripts.
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_path;
    QString m_detail;
};

} // namespace bankid
