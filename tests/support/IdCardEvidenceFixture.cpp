#include "IdCardEvidenceFixture.h"

#include "IdCardXadesSigner.h"
#include "OcspResponder.h"
#include "SignatureDocument.h"

#include <QUuid>

namespace bankid::test {

bool IdCardEvidenceFixture::setUp(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    m_pki = std::make_unique<sim::EvidencePki>(m_dir.path());
    if (!m_pki->ensure(error))
        return false;
    m_verifyService = sim::EvidencePki::issueOcspResponder(m_pki->bankCa(), QStringLiteral("Test Verify Service"), error);
    if (m_verifyService.isNull())
        return false;
    m_verifyService.chain = {m_pki->bankCa().certificate, m_pki->root().certificate};
    return true;
}

QJsonObject IdCardEvidenceFixture::response(const Options &options, QString *error) const
{
    const QDateTime verifiedAt = options.verifiedAt.isValid() ? options.verifiedAt.toUTC()
                                                              : QDateTime::currentDateTimeUtc();
    const QDateTime identifiedAt = verifiedAt.addSecs(-20);
    const QString orderRef = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const sim::CertifiedKey user = m_pki->userFor(options.person, error);
    if (user.isNull())
        return {};

    sim::SignatureDocument::Content authentication;
    authentication.funcId = QStringLiteral("Identification");
    authentication.rpName = QStringLiteral("CN=Test RP");
    authentication.rpDisplayName = QStringLiteral("Test RP");
    authentication.nonce = orderRef.toUtf8().toBase64();
    authentication.uhi = QByteArrayLiteral("OZvYM9VvyiAmG7NA5jU5zqGcVpo=");
    const QByteArray authenticationXml = sim::SignatureDocument::sign(authentication, user, error);
    if (authenticationXml.isEmpty())
        return {};
    const QByteArray authenticationBase64 = authenticationXml.toBase64();
    const QByteArray ocsp = sim::OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                                .respond(user.certificate, authenticationBase64, identifiedAt, std::nullopt, error);
    if (ocsp.isEmpty())
        return {};

    const QString verifiedAtText = verifiedAt.toString(Qt::ISODateWithMs);
    IdCardXadesSigner::Content content;
    content.verificationId = options.verificationId;
    content.verifiedAt = verifiedAtText;
    content.personalNumber = options.signedPersonalNumber.isEmpty() ? options.person.personalNumber
                                                                    : options.signedPersonalNumber;
    content.givenName = options.person.givenName;
    content.surname = options.person.surname;
    content.age = options.age;
    content.authenticationOrderRef = orderRef;
    content.certDigestOf = options.certDigestOf;
    content.identifiersInContent = options.identifiersInContent;
    const QByteArray xades = IdCardXadesSigner::sign(content, options.xadesSigner.isNull() ? m_verifyService : options.xadesSigner,
                                                     error);
    if (xades.isEmpty())
        return {};

    const QJsonObject userObject{{QStringLiteral("personalNumber"), options.person.personalNumber},
                                 {QStringLiteral("givenName"), options.person.givenName},
                                 {QStringLiteral("surname"), options.person.surname},
                                 {QStringLiteral("name"), options.person.name()},
                                 {QStringLiteral("age"), options.age}};
    const QJsonObject verification{{QStringLiteral("verificationId"), options.verificationId},
                                   {QStringLiteral("verifiedAt"), verifiedAtText},
                                   {QStringLiteral("signature"), QString::fromLatin1(xades.toBase64())}};
    const QJsonObject authenticationObject{{QStringLiteral("identifiedAt"), identifiedAt.toString(Qt::ISODateWithMs)},
                                           {QStringLiteral("orderRef"), orderRef},
                                           {QStringLiteral("signature"), QString::fromLatin1(authenticationBase64)},
                                           {QStringLiteral("ocspResponse"), QString::fromLatin1(ocsp.toBase64())}};
    return QJsonObject{{QStringLiteral("transactionType"), QStringLiteral("ID-kort-validering")},
                       {QStringLiteral("user"), userObject},
                       {QStringLiteral("verification"), verification},
                       {QStringLiteral("authentication"), authenticationObject}};
}

} // namespace bankid::test
