#pragma once

#include "CertifiedKey.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace bankid::sim {

// Mints X.509 material with the OpenSSL 3 C API: CAs, TLS server certificates with chosen SANs and
// validity windows (also already expired ones), TLS client certificates, and modern PKCS#12 files.
//
// Contract: keys are EC P-256 (fast to generate, accepted by Qt's TLS backend); certificates are X.509 v3,
// signed with SHA-256, carry basicConstraints, keyUsage, extendedKeyUsage (serverAuth or clientAuth),
// subjectKeyIdentifier and (when issued by a CA) authorityKeyIdentifier. Every function returns a null
// value / empty bytes on failure and, when `error` is given, a sentence saying what failed.
// Tests of other components use it to build TLS rejection matrices:
//
//     const auto ca = CertificateFactory::createCa(QStringLiteral("Rogue CA"));
//     const auto expired = CertificateFactory::issueServer(ca, {QStringLiteral("127.0.0.1")},
//         QDateTime::currentDateTimeUtc().addDays(-10), QDateTime::currentDateTimeUtc().addDays(-1));
//     const auto client = CertificateFactory::issueClient(ca, QStringLiteral("RP"));
//     const QByteArray p12 = CertificateFactory::toPkcs12(client, QStringLiteral("qwerty123"));
class CertificateFactory
{
public:
    /// A self-signed CA (basicConstraints CA:TRUE, keyUsage keyCertSign+cRLSign), valid from one hour
    /// ago for `validDays` days.
    static CertifiedKey createCa(const QString &commonName, int validDays = 3650, QString *error = nullptr);

    /// A TLS server certificate issued by `ca`. Each entry of `sans` that parses as an IPv4/IPv6 address
    /// becomes an iPAddress SAN, every other entry a dNSName SAN; the first entry is also the CN.
    static CertifiedKey issueServer(const CertifiedKey &ca, const QStringList &sans, const QDateTime &notBefore,
                                    const QDateTime &notAfter, QString *error = nullptr);

    /// issueServer() valid from one hour ago for `validDays` days.
    static CertifiedKey issueServer(const CertifiedKey &ca, const QStringList &sans, int validDays = 365,
                                    QString *error = nullptr);

    /// A TLS client certificate (extendedKeyUsage clientAuth) issued by `ca`.
    static CertifiedKey issueClient(const CertifiedKey &ca, const QString &commonName, const QDateTime &notBefore,
                                    const QDateTime &notAfter, QString *error = nullptr);

    /// issueClient() valid from one hour ago for `validDays` days.
    static CertifiedKey issueClient(const CertifiedKey &ca, const QString &commonName, int validDays = 730,
                                    QString *error = nullptr);

    /// PKCS#12 bytes of `identity` (key, certificate and its chain) protected by `password` with modern
    /// encryption: PBES2/PBKDF2 with AES-256-CBC for key and certificates, SHA-256 MAC. Such a file imports
    /// with plain QSslCertificate::importPkcs12 on OpenSSL 3 (no legacy provider needed).
    static QByteArray toPkcs12(const CertifiedKey &identity, const QString &password, QString *error = nullptr);

    /// Verifies `certificate` against `ca` as the only trust anchor with OpenSSL (chain, validity period and,
    /// when `host` is given, the SAN match for that DNS name or IP). Returns an empty string when valid,
    /// otherwise OpenSSL's reason, e.g. "certificate has expired". (QSslCertificate::verify() cannot be used
    /// for this: it only trusts the system store.)
    static QString verify(const QSslCertificate &certificate, const QSslCertificate &ca, const QString &host = {});

    /// A CertifiedKey from PEM bytes (certificate, unencrypted key, optional chain PEM). Null when any part
    /// does not parse or the key does not belong to the certificate.
    static CertifiedKey fromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                                const QByteArray &chainPem = {}, QString *error = nullptr);
};

} // namespace bankid::sim
