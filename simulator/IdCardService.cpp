#include "IdCardService.h"

#include "EvidencePki.h"
#include "OcspResponder.h"
#include "PersonDirectory.h"
#include "SignatureDocument.h"
#include "VerificationSignature.h"

#include <QLoggingCategory>
#include <QTimeZone>
#include <QUuid>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSimIdCard, "bankid.sim.idcard", QtInfoMsg)

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

/// Today in Sweden: an age turns over at midnight Swedish time, whatever the machine's zone.
QDate swedishToday(const QDateTime &now)
{
    const QTimeZone stockholm(QByteArrayLiteral("Europe/Stockholm"));
    return stockholm.isValid() ? now.toTimeZone(stockholm).date() : now.toLocalTime().date();
}

} // namespace

IdCardService::IdCardService(EvidencePki *pki, const PersonDirectory *persons, int codeLifetimeMs)
    : m_pki(pki)
    , m_persons(persons)
    , m_codes(codeLifetimeMs)
{
}

IdCardService::Outcome IdCardService::failure(int status, const QString &errorCode, const QString &details)
{
    Outcome outcome;
    outcome.httpStatus = status;
    outcome.errorCode = errorCode;
    outcome.details = details;
    return outcome;
}

QString IdCardService::logForm(const QByteArray &qrCode)
{
    return QString::fromLatin1(qrCode.left(12)) + QStringLiteral("…");
}

IdCardService::Outcome IdCardService::mint(const QString &personalNumber)
{
    if (!TestPerson::isWellFormed(personalNumber))
        return failure(400, QStringLiteral("invalidParameters"), QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)"));
    const auto person = m_persons->find(personalNumber);
    if (!person)
        return failure(404, QStringLiteral("notFound"),
                       QStringLiteral("no such test person (built-in, or added with POST /sim/v1/persons)"));

    // The holder identifies in the app before it shows the card: evidence exactly like a completed auth order.
    IdCardCodeBook::Identification identification;
    identification.orderRef = newUuid().toLatin1();
    identification.identifiedAt = QDateTime::currentDateTimeUtc();
    QString why;
    const CertifiedKey signer = m_pki ? m_pki->userFor(*person, &why) : CertifiedKey();
    if (!signer.isNull()) {
        SignatureDocument::Content content;
        content.funcId = QStringLiteral("Identification");
        content.rpName = QStringLiteral("CN=BankID Desk Simulator ID Card,O=BankID Desk Simulator,C=SE");
        content.rpDisplayName = QStringLiteral("BankID ID-kort");
        content.nonce = identification.orderRef.toBase64();
        content.uhi = person->deviceUhi();
        identification.signatureBase64 = SignatureDocument::sign(content, signer, &why).toBase64();
    }
    if (!identification.signatureBase64.isEmpty())
        identification.ocspBase64 = OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                                        .respond(signer.certificate, identification.signatureBase64,
                                                 identification.identifiedAt, m_pki->revokedAt(personalNumber), &why)
                                        .toBase64();
    if (identification.ocspBase64.isEmpty()) {
        qCWarning(lcSimIdCard) << "no identification evidence for" << TestPerson::mask(personalNumber) << ":"
                               << (m_pki ? why : QStringLiteral("no signing PKI"));
        return failure(500, QStringLiteral("internalError"), QStringLiteral("the identification could not be signed: ") + why);
    }
    Outcome outcome;
    outcome.ok = true;
    outcome.code = m_codes.mint(personalNumber, identification);
    qCInfo(lcSimIdCard) << "ID card code" << logForm(outcome.code) << "for" << TestPerson::mask(personalNumber);
    return outcome;
}

IdCardService::Outcome IdCardService::verify(const QByteArray &qrCode)
{
    const IdCardCodeBook::Redemption redemption = m_codes.redeem(qrCode);
    if (!redemption.ok) {
        qCInfo(lcSimIdCard) << "verify" << logForm(qrCode) << "refused:" << redemption.details;
        return failure(400, QStringLiteral("invalidParameters"), redemption.details);
    }
    const TestPerson person = m_persons->forNumber(redemption.personalNumber);
    const QDateTime verifiedAt = QDateTime::currentDateTimeUtc();
    const int age = person.ageOn(swedishToday(verifiedAt));

    VerificationSignature::Content content;
    content.verificationId = newUuid();
    content.verifiedAt = verifiedAt;
    content.personalNumber = person.personalNumber;
    content.givenName = person.givenName;
    content.surname = person.surname;
    content.age = age;
    content.authenticationOrderRef = QString::fromLatin1(redemption.identification.orderRef);
    QString why;
    const QByteArray signature = VerificationSignature::sign(content, m_pki->verifyService(), &why);
    if (signature.isEmpty()) {
        qCWarning(lcSimIdCard) << "verification of" << TestPerson::mask(person.personalNumber) << "not signed:" << why;
        return failure(500, QStringLiteral("internalError"), QStringLiteral("the verification could not be signed"));
    }

    Outcome outcome;
    outcome.ok = true;
    outcome.body = QJsonObject{
        {QStringLiteral("transactionType"), QStringLiteral("ID-kort-validering")},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("personalNumber"), person.personalNumber},
                                             {QStringLiteral("givenName"), person.givenName},
                                             {QStringLiteral("surname"), person.surname},
                                             {QStringLiteral("name"), person.name()},
                                             {QStringLiteral("age"), age}}},
        {QStringLiteral("verification"),
         QJsonObject{{QStringLiteral("verificationId"), content.verificationId},
                     {QStringLiteral("verifiedAt"), isoUtc(verifiedAt)},
                     {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}}},
        {QStringLiteral("authentication"),
         QJsonObject{{QStringLiteral("identifiedAt"), isoUtc(redemption.identification.identifiedAt)},
                     {QStringLiteral("orderRef"), QString::fromLatin1(redemption.identification.orderRef)},
                     {QStringLiteral("signature"), QString::fromLatin1(redemption.identification.signatureBase64)},
                     {QStringLiteral("ocspResponse"), QString::fromLatin1(redemption.identification.ocspBase64)}}}};
    qCInfo(lcSimIdCard) << "verified" << logForm(qrCode) << "for" << TestPerson::mask(person.personalNumber) << "age" << age;
    return outcome;
}

} // namespace bankid::sim
