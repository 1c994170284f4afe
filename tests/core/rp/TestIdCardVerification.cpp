// IdCardVerification::fromJson on BankID's Verify API answer: a complete one is read member by member; each
// missing, mistyped or out-of-range member is refused with a sentence naming it by its dotted path.

#include "IdCardVerification.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace bankid;

namespace {

const QByteArray answer = R"({"transactionType":"ID-kort-validering",
 "user":{"personalNumber":"199001012385","givenName":"Karl","surname":"Karlsson","name":"Karl Karlsson","age":36},
 "verification":{"verificationId":"5f0f8bd2-3d9e-4c55-9a43-0c1e8d7b2a61","verifiedAt":"2026-12-05T01:02:03.456Z","signature":"PHg+"},
 "authentication":{"identifiedAt":"2026-12-05T01:01:43.000Z","orderRef":"131daac9-16c6-4618-beb0-365768f37288","signature":"PHk+","ocspResponse":"MAo="}})";

QJsonObject complete()
{
    return QJsonDocument::fromJson(answer).object();
}

// `object` with the member at `path` ("user.age") set to `value`, or removed when `value` is undefined.
QJsonObject with(QJsonObject object, const QString &path, const QJsonValue &value)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    object.insert(parts.first(), with(object.value(parts.first()).toObject(), parts.mid(1).join(QLatin1Char('.')), value));
    return object;
}

} // namespace

class TestIdCardVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsACompleteAnswer();
    void everyMemberIsRequired_data();
    void everyMemberIsRequired();
    void badValues_data();
    void badValues();
    void acceptedVariants_data();
    void acceptedVariants();
};

void TestIdCardVerification::readsACompleteAnswer()
{
    QString error;
    const auto parsed = IdCardVerification::fromJson(complete(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->transactionType, QStringLiteral("ID-kort-validering"));
    QCOMPARE(parsed->user.personalNumber, QStringLiteral("199001012385"));
    QCOMPARE(parsed->user.givenName, QStringLiteral("Karl"));
    QCOMPARE(parsed->user.surname, QStringLiteral("Karlsson"));
    QCOMPARE(parsed->user.name, QStringLiteral("Karl Karlsson"));
    QCOMPARE(parsed->user.age, 36);
    QCOMPARE(parsed->verificationId, QStringLiteral("5f0f8bd2-3d9e-4c55-9a43-0c1e8d7b2a61"));
    QCOMPARE(parsed->verifiedAt, QDateTime(QDate(2026, 12, 5), QTime(1, 2, 3, 456), Qt::UTC));
    QCOMPARE(parsed->verifiedAt.timeSpec(), Qt::UTC);
    QCOMPARE(parsed->verificationSignature, QStringLiteral("PHg+"));
    QCOMPARE(parsed->identifiedAt, QDateTime(QDate(2026, 12, 5), QTime(1, 1, 43), Qt::UTC));
    QCOMPARE(parsed->authenticationOrderRef, QStringLiteral("131daac9-16c6-4618-beb0-365768f37288"));
    QCOMPARE(parsed->authenticationSignature, QStringLiteral("PHk+"));
    QCOMPARE(parsed->ocspResponse, QStringLiteral("MAo="));
    QCOMPARE(parsed->userJson(), complete().value(QStringLiteral("user")).toObject());
}

void TestIdCardVerification::everyMemberIsRequired_data()
{
    QTest::addColumn<QString>("member");
    for (const char *member : {"transactionType", "user", "user.personalNumber", "user.givenName", "user.surname", "user.name",
                               "user.age", "verification", "verification.verificationId", "verification.verifiedAt",
                               "verification.signature", "authentication", "authentication.identifiedAt",
                               "authentication.orderRef", "authentication.signature", "authentication.ocspResponse"})
        QTest::newRow(member) << QString::fromLatin1(member);
}

void TestIdCardVerification::everyMemberIsRequired()
{
    QFETCH(QString, member);
    QString error;
    QVERIFY(!IdCardVerification::fromJson(with(complete(), member, QJsonValue::Undefined), &error));
    QCOMPARE(error, member + QStringLiteral(" is missing"));
    QVERIFY(!IdCardVerification::fromJson(with(complete(), member, QJsonValue::Null), &error));
    QCOMPARE(error, member + QStringLiteral(" is null"));
    // Mistyped: an array where a string, number or object belongs.
    QVERIFY(!IdCardVerification::fromJson(with(complete(), member, QJsonArray{1}), &error));
    QVERIFY2(error.startsWith(member + QStringLiteral(" is not ")), qPrintable(error));
}

void TestIdCardVerification::badValues_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    QTest::newRow("other_transaction_type") << QStringLiteral("transactionType") << QJsonValue(QStringLiteral("auth"))
                                            << QStringLiteral("transactionType is \"auth\", not \"ID-kort-validering\"");
    QTest::newRow("transaction_type_case") << QStringLiteral("transactionType") << QJsonValue(QStringLiteral("id-kort-validering"))
                                           << QStringLiteral("transactionType is \"id-kort-validering\", not \"ID-kort-validering\"");
    QTest::newRow("user_not_object") << QStringLiteral("user") << QJsonValue(QStringLiteral("Karl"))
                                     << QStringLiteral("user is not an object");
    QTest::newRow("pnr_number") << QStringLiteral("user.personalNumber") << QJsonValue(199001012385.0)
                                << QStringLiteral("user.personalNumber is not a string");
    QTest::newRow("pnr_ten_digits") << QStringLiteral("user.personalNumber") << QJsonValue(QStringLiteral("9001012385"))
                                    << QStringLiteral("user.personalNumber is not 12 digits (YYYYMMDDNNNN)");
    QTest::newRow("pnr_with_dash") << QStringLiteral("user.personalNumber") << QJsonValue(QStringLiteral("19900101-2385"))
                                   << QStringLiteral("user.personalNumber is not 12 digits (YYYYMMDDNNNN)");
    QTest::newRow("pnr_arabic_indic_digits") << QStringLiteral("user.personalNumber")
                                             << QJsonValue(QStringLiteral("١٩٩٠٠١٠١٢٣٨٥"))
                                             << QStringLiteral("user.personalNumber is not 12 digits (YYYYMMDDNNNN)");
    QTest::newRow("empty_given_name") << QStringLiteral("user.givenName") << QJsonValue(QString())
                                      << QStringLiteral("user.givenName is empty");
    QTest::newRow("age_string") << QStringLiteral("user.age") << QJsonValue(QStringLiteral("36"))
                                << QStringLiteral("user.age is not a number");
    QTest::newRow("age_bool") << QStringLiteral("user.age") << QJsonValue(true) << QStringLiteral("user.age is not a number");
    QTest::newRow("age_fraction") << QStringLiteral("user.age") << QJsonValue(17.5) << QStringLiteral("user.age 17.5 is not a whole number");
    QTest::newRow("age_negative") << QStringLiteral("user.age") << QJsonValue(-1) << QStringLiteral("user.age -1 is negative");
    QTest::newRow("age_huge") << QStringLiteral("user.age") << QJsonValue(1e300)
                              << QStringLiteral("user.age 1e+300 is above 200, which no living person is");
    QTest::newRow("verified_at_not_time") << QStringLiteral("verification.verifiedAt") << QJsonValue(QStringLiteral("yesterday"))
                                          << QStringLiteral("verification.verifiedAt \"yesterday\" is not an ISO 8601 date and time");
    QTest::newRow("verified_at_no_zone") << QStringLiteral("verification.verifiedAt") << QJsonValue(QStringLiteral("2026-12-05T01:02:03.456"))
                                         << QStringLiteral("verification.verifiedAt \"2026-12-05T01:02:03.456\" has no time zone (BankID sends UTC with \"Z\")");
    QTest::newRow("verified_at_bad_date") << QStringLiteral("verification.verifiedAt") << QJsonValue(QStringLiteral("2026-02-30T01:02:03Z"))
                                          << QStringLiteral("verification.verifiedAt \"2026-02-30T01:02:03Z\" is not an ISO 8601 date and time");
    QTest::newRow("identified_at_number") << QStringLiteral("authentication.identifiedAt") << QJsonValue(1733360000)
                                          << QStringLiteral("authentication.identifiedAt is not a string");
    QTest::newRow("verification_id_empty") << QStringLiteral("verification.verificationId") << QJsonValue(QString())
                                           << QStringLiteral("verification.verificationId is empty");
    QTest::newRow("ocsp_object") << QStringLiteral("authentication.ocspResponse") << QJsonValue(QJsonObject())
                                 << QStringLiteral("authentication.ocspResponse is not a string");
}

void TestIdCardVerification::badValues()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QString said;
    QVERIFY(!IdCardVerification::fromJson(with(complete(), member, value), &said));
    QCOMPARE(said, error);
    QVERIFY(!IdCardVerification::fromJson(with(complete(), member, value), nullptr));
}

void TestIdCardVerification::acceptedVariants_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");

    QTest::newRow("age_zero") << QStringLiteral("user.age") << QJsonValue(0);
    QTest::newRow("age_as_double") << QStringLiteral("user.age") << QJsonValue(36.0);
    QTest::newRow("time_with_offset") << QStringLiteral("verification.verifiedAt") << QJsonValue(QStringLiteral("2026-12-05T02:02:03.456+01:00"));
    QTest::newRow("time_without_ms") << QStringLiteral("verification.verifiedAt") << QJsonValue(QStringLiteral("2026-12-05T01:02:03Z"));
    QTest::newRow("unknown_member") << QStringLiteral("verification.future") << QJsonValue(QStringLiteral("x"));
    QTest::newRow("unknown_top_member") << QStringLiteral("risk") << QJsonValue(QStringLiteral("low"));
}

void TestIdCardVerification::acceptedVariants()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QString error;
    const auto parsed = IdCardVerification::fromJson(with(complete(), member, value), &error);
    QVERIFY2(parsed, qPrintable(error));
    if (member == QLatin1String("verification.verifiedAt"))
        QCOMPARE(parsed->verifiedAt.toSecsSinceEpoch(), QDateTime(QDate(2026, 12, 5), QTime(1, 2, 3), Qt::UTC).toSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(TestIdCardVerification)
#include "TestIdCardVerification.moc"
