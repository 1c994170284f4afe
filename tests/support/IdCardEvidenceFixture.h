#pragma once

#include "CertifiedKey.h"
#include "EvidencePki.h"
#include "TestPerson.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSslCertificate>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace bankid::test {

/// Genuine Verify API v1 answers (idcard-contract §1) for tests, with real evidence: the holder's
/// authentication signed by the simulator's signing PKI (SignatureDocument, funcId "Identification", with an
/// OcspResponder response over it) and the verification signed as XAdES by a "Test Verify Service"
/// certificate from the same bank CA (IdCardXadesSigner). Everything verifies against root().
///
/// \code
///   IdCardEvidenceFixture fixture;
///   QVERIFY2(fixture.setUp(&error), qPrintable(error));
///   const QJsonObject answer = fixture.response(IdCardEvidenceFixture::Options(), &error);
///   const auto verification = IdCardVerification::fromJson(answer, &error);
///   IdCardEvidenceVerifier::verify(*verification, {fixture.root()}).allPassed(); // true
/// \endcode
class IdCardEvidenceFixture
{
public:
    /// What to put into one answer; the defaults make a consistent, verifying one.
    struct Options {
        sim::TestPerson person = sim::TestPerson::builtIn().first();
        int age = 36;
        QDateTime verifiedAt;            ///< default: now (UTC, milliseconds)
        QString verificationId = QStringLiteral("5f0f8bd2-3d9e-4c55-9a43-0c1e8d7b2a61");
        QString signedPersonalNumber;    ///< the personalNumber inside the XAdES content; default: the person's
        QSslCertificate certDigestOf;    ///< CertDigest of this certificate instead of the signer's
        sim::CertifiedKey xadesSigner;   ///< default: verifyService()
        bool identifiersInContent = true; ///< false: the signed content names no verificationId / personalNumber
    };

    /// Creates the PKI in a temporary directory; false with `error` naming the problem.
    bool setUp(QString *error);

    const sim::EvidencePki &pki() const { return *m_pki; }
    QSslCertificate root() const { return m_pki->root().certificate; }
    /// The XAdES signer, issued by the signing PKI's bank CA; chain: bank CA, root.
    const sim::CertifiedKey &verifyService() const { return m_verifyService; }

    /// A complete answer as BankID names its members; an empty object with `error` on failure.
    QJsonObject response(const Options &options, QString *error) const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::EvidencePki> m_pki;
    sim::CertifiedKey m_verifyService;
};

} // namespace bankid::test
