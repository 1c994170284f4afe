#pragma once

#include "ClientIdentityError.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace bankid {

/// The Relying Party's TLS client identity: its certificate, private key and any intermediate
/// certificates, loaded from a PKCS#12 file (modern AES/PBKDF2 or legacy RC2/3DES) or from PEM
/// (certificate and key in one file, or the key in a separate, possibly encrypted, file).
///
/// Contract: load() never throws and never logs the password. On failure the result isNull() and error()
/// says which file and why. An expired or not-yet-valid certificate still loads (validityAt() reports
/// it) because the operator must be able to inspect it; BankID will refuse it at the TLS handshake.
///
/// \code
///   const auto identity = bankid::ClientIdentity::load(QStringLiteral("FPTestcert5_20240610.p12"), "qwerty123");
///   if (identity.isNull())
///       return fail(identity.error().message());
///   if (identity.validityAt(QDateTime::currentDateTimeUtc()) != bankid::ClientIdentity::Validity::Valid)
///       warn(identity.validityWarning(QDateTime::currentDateTimeUtc()));
///   config.identity = identity;
/// \endcode
class ClientIdentity
{
public:
    /// Where the identity came from.
    enum class Format {
        None,   ///< nothing loaded
        Pkcs12, ///< a DER PKCS#12 (.p12/.pfx) file
        Pem,    ///< PEM certificate(s) and a PEM private key
        Token,  ///< the private key on a PKCS#11 token (pkcs11: URI), the certificate on it or in a file
    };

    /// The certificate's validity period relative to a given time (a warning state, not an error).
    enum class Validity {
        Valid,       ///< notBefore <= now <= expiry
        NotYetValid, ///< now < notBefore
        Expired,     ///< now > expiry
    };

    ClientIdentity() = default;

    /// Loads `path`, detecting the format by content (PEM armour, else DER PKCS#12). For PEM, the private
    /// key is read from `keyPath` when given, else from `path` itself; `password` decrypts the PKCS#12
    /// file or the encrypted PEM key (empty for none). OpenSSL decodes the key and hands it to Qt by
    /// handle; it is never re-encoded. Legacy PKCS#12 (RC2/3DES) loads OpenSSL's legacy provider
    /// (OpenSslProviders::ensureLegacyLoaded()) when, and only when, the default algorithms cannot read it.
    ///
    /// When `path` is a PKCS#11 URI (isTokenUri(), RFC 7512, e.g. "pkcs11:token=RP;object=rp-key"), the private
    /// key stays on the token and is used through OpenSSL's pkcs11 engine (Pkcs11KeyLoader); `password` is the
    /// token's user PIN (a wrong or missing one is Kind::WrongPassword, like a PKCS#12 password) and `keyPath`
    /// is then the certificate file (PEM or DER; further PEM certificates are the chain), or empty to read
    /// the certificate object with the same label/id from the token.
    static ClientIdentity load(const QString &path, const QByteArray &password, const QString &keyPath = {});

    /// True when `location` is a PKCS#11 URI ("pkcs11:", any case) rather than a file.
    static bool isTokenUri(const QString &location);

    /// An identity from already-loaded parts (tests, key stores); checks that key and certificate match.
    static ClientIdentity fromParts(const QSslCertificate &certificate, const QSslKey &privateKey,
                                   const QList<QSslCertificate> &chain = {});

    /// True when no certificate is loaded (default-constructed, or load() failed).
    bool isNull() const { return m_certificate.isNull(); }
    const ClientIdentityError &error() const { return m_error; }
    Format format() const { return m_format; }
    /// The certificate file it was loaded from, or the token URI without its query (empty for fromParts()).
    QString sourcePath() const { return m_sourcePath; }

    QSslCertificate certificate() const { return m_certificate; }
    QSslKey privateKey() const { return m_privateKey; }
    /// Intermediate certificates sent along with the leaf certificate (may be empty).
    QList<QSslCertificate> chain() const { return m_chain; }

    /// One-line distinguished name, e.g. "C=SE, O=Testbank A AB (publ), ..., CN=FP Testcert 5".
    QString subject() const;
    /// The subject's CN.
    QString commonName() const;
    /// One-line distinguished name of the issuer.
    QString issuer() const;
    /// Serial number as colon-separated hex, as QSslCertificate::serialNumber() gives it.
    QString serialNumber() const;
    QDateTime notBefore() const;
    QDateTime expiry() const;
    /// Whole days from `now` until expiry; negative once expired.
    qint64 daysLeft(const QDateTime &now) const;
    Validity validityAt(const QDateTime &now) const;
    /// Empty while valid, else a sentence such as "the client certificate CN=x expired on 2020-02-01".
    QString validityWarning(const QDateTime &now) const;
    /// SHA-256 of the DER certificate, upper-case hex pairs joined by ':' (as BankID publishes them).
    QString sha256Fingerprint() const;

private:
    static ClientIdentity failure(ClientIdentityError::Kind kind, const QString &path, const QString &detail = {});
    static ClientIdentity loadPkcs12(const QString &path, const QByteArray &data, const QByteArray &password);
    static ClientIdentity loadToken(const QString &uri, const QByteArray &pin, const QString &certificatePath);
    static ClientIdentity loadPem(const QString &path, const QByteArray &data, const QByteArray &password,
                                  const QString &keyPath);
    /// Fills subject and issuer from m_certificate.
    void readNames();

    Format m_format = Format::None;
    QString m_sourcePath;
    QSslCertificate m_certificate;
    QSslKey m_privateKey;
    QList<QSslCertificate> m_chain;
    ClientIdentityError m_error;
    QString m_subject;
    QString m_issuer;
};

} // namespace bankid
