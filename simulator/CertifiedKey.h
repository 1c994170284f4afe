#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>

namespace bankid::sim {

// A certificate together with its private key and the issuers above it, in Qt types and as PEM bytes.
//
// Contract: certificatePem holds exactly one certificate; keyPem is an UNENCRYPTED PKCS#8 PEM key (the
// simulator and the tests need no password on it); chain lists the issuing CAs, nearest first, and is
// empty for a self-signed CA. A default-constructed value isNull().
//
//     const CertifiedKey ca = CertificateFactory::createCa(QStringLiteral("Test CA"));
//     sslConfig.setLocalCertificate(ca.certificate);
//     sslConfig.setPrivateKey(ca.key);
struct CertifiedKey {
    QSslCertificate certificate;
    QSslKey key;
    QByteArray certificatePem;
    QByteArray keyPem;
    QList<QSslCertificate> chain;

    bool isNull() const { return certificate.isNull() || key.isNull(); }
};

} // namespace bankid::sim
