// Harness id_card: the bytes of a digital ID card verification (BankID Verify API v1, api digest §11).
// Each input is read four ways, as the client meets such bytes:
//  - as scanned text: IdCardCode::parse (after UTF-8 decoding, as a scanner line or an argument arrives);
//  - as the 200 answer of /verify: JsonDuplicateKeys, then IdCardVerification::fromJson, as RpCall does;
//  - as the body of every error status /verify can answer: RpError::fromExchange with endpoint "verify";
//  - as the verification signature's XML: IdCardSignatureParser::parse.
// Invariants: an accepted code is printable ASCII, starts with the prefix, is within the bound and is the
// input minus at most one line end, and its loggable form never shows more than 12 characters; an accepted
// answer has every member in range and survives its own userJson(); every refusal says why.
#include "FuzzSupport.h"
#include "FuzzAnsweredOutcome.h"

#include "IdCardCode.h"
#include "IdCardSignatureParser.h"
#include "IdCardVerification.h"
#include "JsonDuplicateKeys.h"
#include "RpError.h"

#include <array>

using namespace bankid;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

namespace {

void checkCode(const QString &scanned)
{
    QString problem;
    const auto code = IdCardCode::parse(scanned, &problem);
    FUZZ_EXPECT(code.has_value() == problem.isEmpty());
    if (!code)
        return;
    const QString text = code->text();
    FUZZ_EXPECT(text.startsWith(IdCardCode::Prefix) && text.size() > IdCardCode::Prefix.size());
    FUZZ_EXPECT(text.size() <= IdCardCode::MaxLength);
    for (const QChar c : text)
        FUZZ_EXPECT(c.unicode() > 0x20 && c.unicode() < 0x7F);
    // Only one scanner line end is removed, nothing else.
    FUZZ_EXPECT(scanned == text || scanned == text + u'\n' || scanned == text + u'\r' || scanned == text + QStringLiteral("\r\n"));
    const QString loggable = code->loggable();
    FUZZ_EXPECT(loggable.size() <= IdCardCode::LoggedCharacters + 1);
    FUZZ_EXPECT(text.startsWith(loggable.left(IdCardCode::LoggedCharacters)));
    // A code is its own parse.
    const auto again = IdCardCode::parse(text, nullptr);
    FUZZ_EXPECT(again && again->text() == text);
}

bool isTwelveDigits(const QString &text)
{
    if (text.size() != 12)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

void checkAnswer(const QByteArray &body, const QJsonObject &json)
{
    // RpCall refuses an answer with a repeated member before reading it; the reader must still be safe alone.
    static_cast<void>(JsonDuplicateKeys::firstDuplicate(body));
    QString error;
    const auto verification = IdCardVerification::fromJson(json, &error);
    FUZZ_EXPECT(verification.has_value() == error.isEmpty());
    if (!verification) {
        static const QStringList members{QStringLiteral("transactionType"), QStringLiteral("user"),
                                         QStringLiteral("verification"), QStringLiteral("authentication")};
        bool named = false;
        for (const QString &member : members)
            named = named || error.startsWith(member);
        FUZZ_EXPECT(named);
        return;
    }
    FUZZ_EXPECT(verification->transactionType == IdCardVerification::TransactionType);
    FUZZ_EXPECT(isTwelveDigits(verification->user.personalNumber));
    FUZZ_EXPECT(verification->user.age >= 0 && verification->user.age <= IdCardVerification::MaxAge);
    FUZZ_EXPECT(verification->verifiedAt.isValid() && verification->verifiedAt.timeSpec() == Qt::UTC);
    FUZZ_EXPECT(verification->identifiedAt.isValid() && verification->identifiedAt.timeSpec() == Qt::UTC);
    for (const QString *text : {&verification->user.givenName, &verification->user.surname, &verification->user.name,
                                &verification->verificationId, &verification->verificationSignature,
                                &verification->authenticationOrderRef, &verification->authenticationSignature,
                                &verification->ocspResponse})
        FUZZ_EXPECT(!text->isEmpty());
    // The user object as BankID names it reads back to the same user.
    QJsonObject again = json;
    again.insert(QStringLiteral("user"), verification->userJson());
    const auto reread = IdCardVerification::fromJson(again, nullptr);
    FUZZ_EXPECT(reread && reread->user.personalNumber == verification->user.personalNumber
                && reread->user.age == verification->user.age && reread->user.name == verification->user.name);
}

void checkErrorAnswers(const QByteArray &body)
{
    // 200 with a schema error (an answer fromJson refused), the statuses contract §1 names, and a gateway's.
    static constexpr std::array statuses{200, 400, 401, 403, 404, 405, 415, 500, 502, 503};
    for (const int status : statuses) {
        const RpError error = RpError::fromExchange(
            fuzz::answeredOutcome(QStringLiteral("verify"), status, body, QStringLiteral("user.age is missing")));
        FUZZ_EXPECT(error.isError());
        FUZZ_EXPECT(error.endpoint() == QLatin1String("verify"));
        FUZZ_EXPECT(error.httpStatus() == status);
        FUZZ_EXPECT(!error.technicalMessage().isEmpty());
        // An ID card refusal is never "retry silently": only the statuses that did nothing may say so.
        if (error.requestNeverProcessed())
            FUZZ_EXPECT(status == 503);
        static_cast<void>(error.rfa());
    }
}

void checkSignatureXml(const QByteArray &xml)
{
    const IdCardSignatureParser::Result parsed = IdCardSignatureParser::parse(xml);
    FUZZ_EXPECT(parsed.ok == parsed.error.isEmpty());
    FUZZ_EXPECT(parsed.fields.size() <= IdCardSignatureParser::MaxFields);
    FUZZ_EXPECT(!parsed.signingTime.isValid() || parsed.signingTime.timeSpec() == Qt::UTC);
    if (!parsed.hasSignedProperties)
        FUZZ_EXPECT(parsed.signedPropertiesId.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    checkCode(QString::fromUtf8(input));
    if (const auto json = fuzz::jsonObject(input))
        checkAnswer(input, *json);
    checkErrorAnswers(input);
    checkSignatureXml(input);
    return 0;
}
