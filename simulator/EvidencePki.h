#pragma once

#include "CertifiedKey.h"
#include "TestPerson.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace bankid::sim {

// The simulator's signing PKI, separate from its TLS CA: a root "BankID Desk Simulator Signing Root" ->
// "BankID Desk Simulator Bank CA" -> one user certificate per test person (subject CN = name, serialNumber =
// personal number, givenName, surname, C=SE, as BankID's user certificates), plus an OCSP responder
// certificate (extendedKeyUsage OCSPSigning, id-pkix-ocsp-nocheck) issued by the bank CA, so responses are
// "signed by a certificate with the same issuer" as BankID's (facts §9), and a "Verify Service" certificate
// (digitalSignature, nonRepudiation) issued by the bank CA that signs ID card verifications (facts §11).
//
// Files in the state dir (keys mode 0600, unencrypted PKCS#8): signing-root.pem + signing-root-key.pem,
// signing-bank-ca.pem + signing-bank-ca-key.pem, signing-ocsp.pem + signing-ocsp-key.pem,
// signing-verify-service.pem + signing-verify-service-key.pem, and
// signing-user-<personalNumber>.pem + signing-user-<personalNumber>-key.pem. ensure() creates what is
// missing, invalid or not issued by the current parent (a new root re-issues everything below it); users of
// the built-in persons are created at start, other (synthetic) persons on their first signature.
// Keys are EC P-256 (signatures are ecdsa-sha256; real BankID uses RSA, the verifier handles both).
// Revocations (setRevoked) live in memory for the simulator's lifetime only. Thread-safe.
//
//     EvidencePki pki(stateDir);
//     if (!pki.ensure(&error)) ...
//     const CertifiedKey user = pki.userFor(TestPerson::builtIn().first(), &error);
//     rpOptions.roots = {pki.root().certificate}; // what a verifier must trust
class EvidencePki
{
public:
    static constexpr const char *rootName = "BankID Desk Simulator Signing Root";
    static constexpr const char *bankCaName = "BankID Desk Simulator Bank CA";
    static constexpr const char *ocspName = "BankID Desk Simulator OCSP Responder";
    static constexpr const char *verifyServiceName = "BankID Desk Simulator Verify Service";

    explicit EvidencePki(const QString &stateDir);

    /// Creates or reuses the files; false with a message naming the file when something cannot be done.
    bool ensure(QString *error);

    QString rootPath() const;
    const CertifiedKey &root() const { return m_root; }
    const CertifiedKey &bankCa() const { return m_bankCa; }
    const CertifiedKey &ocspResponder() const { return m_ocsp; }
    /// Signs ID card verifications (chain: bank CA, root).
    const CertifiedKey &verifyService() const { return m_verifyService; }

    /// The person's signing certificate (chain: bank CA, root), created and persisted on first use.
    CertifiedKey userFor(const TestPerson &person, QString *error);

    /// Marks the person's certificate revoked (at `at`) or good again.
    void setRevoked(const QString &personalNumber, std::optional<QDateTime> at);
    std::optional<QDateTime> revokedAt(const QString &personalNumber) const;

    // Building blocks, also used by tests to hand-build evidence (e.g. with an already expired user).
    // A null `notBefore` means one hour ago; roots last 20 years, bank CAs 15, responders 10.
    static CertifiedKey createRoot(const QString &commonName, QString *error = nullptr, const QDateTime &notBefore = {});
    static CertifiedKey issueBankCa(const CertifiedKey &root, const QString &commonName, QString *error = nullptr,
                                    const QDateTime &notBefore = {});
    static CertifiedKey issueOcspResponder(const CertifiedKey &bankCa, const QString &commonName,
                                           QString *error = nullptr, const QDateTime &notBefore = {});
    static CertifiedKey issueVerifyService(const CertifiedKey &bankCa, const QString &commonName,
                                           QString *error = nullptr, const QDateTime &notBefore = {});
    static CertifiedKey issueUser(const CertifiedKey &bankCa, const TestPerson &person, const QDateTime &notBefore,
                                  const QDateTime &notAfter, QString *error = nullptr);

private:
    QString file(const QString &name) const;
    CertifiedKey load(const QString &certName, const QString &keyName, const QList<QSslCertificate> &chain) const;
    bool save(const QString &certName, const QString &keyName, const CertifiedKey &key, QString *error) const;

    QString m_dir;
    CertifiedKey m_root;
    CertifiedKey m_bankCa;
    CertifiedKey m_ocsp;
    CertifiedKey m_verifyService;
    mutable QMutex m_mutex;
    QHash<QString, CertifiedKey> m_users;
    QHash<QString, QDateTime> m_revoked;
};

} // namespace bankid::sim
