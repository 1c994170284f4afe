// Receipt: the JSON round trip, strict and specific errors (missing members, wrong types, future versions),
// fuzzing with random bytes and mutations of a valid receipt, and the receipt file names.

#include "DocumentSignRequest.h"
#include "Receipt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace bankid;

namespace {

Receipt sampleReceipt()
{
    DocumentDigest digest;
    digest.fileName = QStringLiteral("Avtal *2026*.pdf");
    digest.size = 1234567;
    digest.sha256 = QByteArray::fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const OrderRequest request = DocumentSignRequest::build(digest, QStringLiteral("192.0.2.10"));

    Receipt receipt;
    receipt.documentFileName = digest.fileName;
    receipt.documentSize = digest.size;
    receipt.documentSha256 = digest.sha256;
    receipt.environmentName = QStringLiteral("simulator");
    receipt.baseUrl = QStringLiteral("https://127.0.0.1:8443/rp/v6.0");
    receipt.requestBody = request.toJson();
    const QJsonObject user{{QStringLiteral("personalNumber"), QStringLiteral("199001012385")},
                           {QStringLiteral("name"), QStringLiteral("Anna Andersson")},
                           {QStringLiteral("givenName"), QStringLiteral("Anna")},
                           {QStringLiteral("surname"), QStringLiteral("Andersson")}};
    receipt.collectResponse = QJsonObject{
        {QStringLiteral("orderRef"), QStringLiteral("131daac9-16c6-4618-beb0-365768f37288")},
        {QStringLiteral("status"), QStringLiteral("complete")},
        {QStringLiteral("completionData"),
         QJsonObject{{QStringLiteral("user"), user},
                     {QStringLiteral("device"), QJsonObject{{QStringLiteral("ipAddress"), QStringLiteral("192.0.2.10")}}},
                     {QStringLiteral("bankIdIssueDate"), QStringLiteral("2024-01-01")},
                     {QStringLiteral("signature"), QStringLiteral("PD94bWwgdmVyc2lvbj0iMS4wIj8+")},
                     {QStringLiteral("ocspResponse"), QStringLiteral("MIIHfgoBAKCCB3cwggdzBgkrBgEFBQcwAQEEggdkMIIHYDCB")}}}};
    // A local time in a zone with an offset, and a UTC one, both with milliseconds.
    receipt.startedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 41, 2, 345), QTimeZone(3600));
    receipt.completedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 41, 9, 7), QTimeZone(3600));
    receipt.writtenAt = QDateTime(QDate(2026, 11, 28), QTime(8, 41, 9, 500), Qt::UTC);
    receipt.application = QStringLiteral("bankid-desk");
    receipt.applicationVersion = QStringLiteral("1.0.0");
    return receipt;
}

QJsonObject sampleJson()
{
    return sampleReceipt().toJson();
}

QByteArray bytesOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

/// Sets (or removes, for an Undefined value) the member at a dotted path.
QJsonObject withMember(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    const QString key = path.first();
    if (path.size() == 1) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    }
    object.insert(key, withMember(object.value(key).toObject(), path.mid(1), value));
    return object;
}

QJsonObject withMember(const QJsonObject &object, const QString &dottedPath, const QJsonValue &value)
{
    return withMember(object, dottedPath.split(QLatin1Char('.')), value);
}

/// Every member path of an object, depth first ("document", "document.size", ...).
void collectPaths(const QJsonObject &object, const QString &prefix, QStringList *paths)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        paths->append(path);
        if (it.value().isObject())
            collectPaths(it.value().toObject(), path, paths);
    }
}

} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void timesKeepTheirOffsetAndMilliseconds();
    void accessors();
    void unknownMembersAreIgnored();
    void requiredMemberMissing_data();
    void requiredMemberMissing();
    void wrongTypesAndValues_data();
    void wrongTypesAndValues();
    void versions_data();
    void versions();
    void notAReceipt_data();
    void notAReceipt();
    void randomBytesNeverCrash();
    void mutationsNeverCrash();
    void documentPathFor_data();
    void documentPathFor();
    void defaultPathFor();
};

void TestReceipt::roundTrip()
{
    const Receipt receipt = sampleReceipt();
    const QByteArray bytes = receipt.toBytes();
    QVERIFY(bytes.endsWith("}\n"));
    QString error;
    const auto parsed = Receipt::fromJson(bytes, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->toBytes(), bytes);
    QCOMPARE(parsed->toJson(), receipt.toJson());
    QCOMPARE(parsed->version, Receipt::CurrentVersion);
    QCOMPARE(parsed->documentFileName, receipt.documentFileName);
    QCOMPARE(parsed->documentSize, receipt.documentSize);
    QCOMPARE(parsed->documentSha256, receipt.documentSha256);
    QCOMPARE(parsed->environmentName, receipt.environmentName);
    QCOMPARE(parsed->baseUrl, receipt.baseUrl);
    QCOMPARE(parsed->endpoint, QStringLiteral("sign"));
    QCOMPARE(parsed->requestBody, receipt.requestBody);
    QCOMPARE(parsed->collectResponse, receipt.collectResponse);
    QCOMPARE(parsed->startedAt, receipt.startedAt);
    QCOMPARE(parsed->completedAt, receipt.completedAt);
    QCOMPARE(parsed->writtenAt, receipt.writtenAt);
    QCOMPARE(parsed->application, receipt.application);
    QCOMPARE(parsed->applicationVersion, receipt.applicationVersion);

    const QJsonObject json = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("bankid-desk-receipt"));
    QCOMPARE(json.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("document")).toObject().value(QLatin1String("sha256")).toString(),
             QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(json.value(QLatin1String("document")).toObject().value(QLatin1String("size")).toDouble(), 1234567.0);
}

void TestReceipt::timesKeepTheirOffsetAndMilliseconds()
{
    const QJsonObject times = sampleJson().value(QLatin1String("times")).toObject();
    QCOMPARE(times.value(QLatin1String("started")).toString(), QStringLiteral("2026-11-28T09:41:02.345+01:00"));
    QCOMPARE(times.value(QLatin1String("completed")).toString(), QStringLiteral("2026-11-28T09:41:09.007+01:00"));
    QCOMPARE(times.value(QLatin1String("written")).toString(), QStringLiteral("2026-11-28T08:41:09.500Z"));

    // A local-time QDateTime keeps its local offset.
    Receipt receipt = sampleReceipt();
    receipt.startedAt = QDateTime::currentDateTime();
    const QString written = receipt.toJson().value(QLatin1String("times")).toObject().value(QLatin1String("started")).toString();
    QVERIFY2(written.endsWith(QLatin1Char('Z')) || written.contains(QLatin1Char('+')) || written.lastIndexOf(QLatin1Char('-')) > 10,
             qPrintable(written));
    QString error;
    const auto parsed = Receipt::fromJson(receipt.toBytes(), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->startedAt, receipt.startedAt);
    QCOMPARE(parsed->startedAt.offsetFromUtc(), receipt.startedAt.offsetFromUtc());
}

void TestReceipt::accessors()
{
    const Receipt receipt = sampleReceipt();
    QCOMPARE(receipt.signature(), QStringLiteral("PD94bWwgdmVyc2lvbj0iMS4wIj8+"));
    QCOMPARE(receipt.ocspResponse(), QStringLiteral("MIIHfgoBAKCCB3cwggdzBgkrBgEFBQcwAQEEggdkMIIHYDCB"));
    QCOMPARE(receipt.signerName(), QStringLiteral("Anna Andersson"));
    QCOMPARE(receipt.signerPersonalNumber(), QStringLiteral("199001012385"));
    QCOMPARE(receipt.orderRef(), QStringLiteral("131daac9-16c6-4618-beb0-365768f37288"));
    QVERIFY(receipt.sentUserNonVisibleData().has_value());
    QCOMPARE(*receipt.sentUserNonVisibleData(),
             QByteArrayLiteral("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QVERIFY(receipt.sentUserVisibleData().has_value());
    QVERIFY(receipt.sentUserVisibleData()->startsWith("# "));

    Receipt empty;
    QVERIFY(empty.signature().isEmpty());
    QVERIFY(empty.signerName().isEmpty());
    QVERIFY(!empty.sentUserVisibleData().has_value());
    QVERIFY(!empty.sentUserNonVisibleData().has_value());
    empty.requestBody.insert(QStringLiteral("userNonVisibleData"), QStringLiteral("not base64!"));
    QVERIFY(!empty.sentUserNonVisibleData().has_value());
}

void TestReceipt::unknownMembersAreIgnored()
{
    QJsonObject json = sampleJson();
    json = withMember(json, QStringLiteral("futureTopLevel"), QJsonArray{1, 2, 3});
    json = withMember(json, QStringLiteral("document.mimeType"), QStringLiteral("application/pdf"));
    json = withMember(json, QStringLiteral("times.archived"), QStringLiteral("whatever"));
    QString error;
    const auto parsed = Receipt::fromJson(bytesOf(json), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->documentSize, 1234567);
}

void TestReceipt::requiredMemberMissing_data()
{
    QTest::addColumn<QString>("path");
    const QStringList required{
        QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("document"),
        QStringLiteral("document.fileName"), QStringLiteral("document.size"), QStringLiteral("document.sha256"),
        QStringLiteral("environment"), QStringLiteral("environment.name"), QStringLiteral("environment.baseUrl"),
        QStringLiteral("request"), QStringLiteral("request.endpoint"), QStringLiteral("request.body"),
        QStringLiteral("request.body.userVisibleData"), QStringLiteral("request.body.userNonVisibleData"),
        QStringLiteral("collectResponse"), QStringLiteral("collectResponse.status"),
        QStringLiteral("collectResponse.completionData"), QStringLiteral("collectResponse.completionData.signature"),
        QStringLiteral("collectResponse.completionData.ocspResponse"), QStringLiteral("times"),
        QStringLiteral("times.started"), QStringLiteral("times.completed"), QStringLiteral("times.written"),
        QStringLiteral("client"), QStringLiteral("client.application"), QStringLiteral("client.version")};
    for (const QString &path : required)
        QTest::newRow(qPrintable(path)) << path;
}

void TestReceipt::requiredMemberMissing()
{
    QFETCH(QString, path);
    const QJsonObject json = withMember(sampleJson(), path, QJsonValue(QJsonValue::Undefined));
    QString error;
    QVERIFY(!Receipt::fromJson(bytesOf(json), &error).has_value());
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("missing")), qPrintable(error));
}

void TestReceipt::wrongTypesAndValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected"); // a fragment of the error after "path: "

    QTest::newRow("format_other") << QStringLiteral("format") << QJsonValue(QStringLiteral("other")) << QStringLiteral("bankid-desk-receipt");
    QTest::newRow("format_number") << QStringLiteral("format") << QJsonValue(1) << QStringLiteral("string");
    QTest::newRow("version_string") << QStringLiteral("version") << QJsonValue(QStringLiteral("1")) << QStringLiteral("number");
    QTest::newRow("version_fraction") << QStringLiteral("version") << QJsonValue(1.5) << QStringLiteral("whole number");
    QTest::newRow("version_negative") << QStringLiteral("version") << QJsonValue(-1) << QStringLiteral("out of range");
    QTest::newRow("version_zero") << QStringLiteral("version") << QJsonValue(0) << QStringLiteral("start at 1");
    QTest::newRow("document_array") << QStringLiteral("document") << QJsonValue(QJsonArray{}) << QStringLiteral("object");
    QTest::newRow("fileName_empty") << QStringLiteral("document.fileName") << QJsonValue(QString()) << QStringLiteral("empty");
    QTest::newRow("fileName_folder") << QStringLiteral("document.fileName") << QJsonValue(QStringLiteral("a/b.pdf")) << QStringLiteral("folder");
    QTest::newRow("fileName_null") << QStringLiteral("document.fileName") << QJsonValue(QJsonValue::Null) << QStringLiteral("null");
    QTest::newRow("size_string") << QStringLiteral("document.size") << QJsonValue(QStringLiteral("12")) << QStringLiteral("number");
    QTest::newRow("size_negative") << QStringLiteral("document.size") << QJsonValue(-1) << QStringLiteral("out of range");
    QTest::newRow("size_fraction") << QStringLiteral("document.size") << QJsonValue(12.5) << QStringLiteral("whole number");
    QTest::newRow("size_too_big") << QStringLiteral("document.size") << QJsonValue(1e300) << QStringLiteral("out of range");
    QTest::newRow("size_bool") << QStringLiteral("document.size") << QJsonValue(true) << QStringLiteral("boolean");
    QTest::newRow("sha256_short") << QStringLiteral("document.sha256") << QJsonValue(QStringLiteral("ba7816bf8f01"))
                                  << QStringLiteral("expected 64 hex digits, got 12 characters");
    QTest::newRow("sha256_non_hex") << QStringLiteral("document.sha256") << QJsonValue(QString(64, QLatin1Char('g')))
                                    << QStringLiteral("64 hex digits");
    QTest::newRow("sha256_number") << QStringLiteral("document.sha256") << QJsonValue(5) << QStringLiteral("string");
    QTest::newRow("environment_unknown") << QStringLiteral("environment.name") << QJsonValue(QStringLiteral("staging")) << QStringLiteral("simulator");
    QTest::newRow("baseUrl_object") << QStringLiteral("environment.baseUrl") << QJsonValue(QJsonObject{}) << QStringLiteral("string");
    QTest::newRow("endpoint_auth") << QStringLiteral("request.endpoint") << QJsonValue(QStringLiteral("auth")) << QStringLiteral("sign");
    QTest::newRow("body_string") << QStringLiteral("request.body") << QJsonValue(QStringLiteral("{}")) << QStringLiteral("object");
    QTest::newRow("visible_not_base64") << QStringLiteral("request.body.userVisibleData") << QJsonValue(QStringLiteral("#### not base64"))
                                        << QStringLiteral("base64");
    QTest::newRow("nonvisible_non_ascii") << QStringLiteral("request.body.userNonVisibleData") << QJsonValue(QStringLiteral("åäö="))
                                          << QStringLiteral("base64");
    QTest::newRow("status_pending") << QStringLiteral("collectResponse.status") << QJsonValue(QStringLiteral("pending")) << QStringLiteral("complete");
    QTest::newRow("status_failed") << QStringLiteral("collectResponse.status") << QJsonValue(QStringLiteral("failed")) << QStringLiteral("complete");
    QTest::newRow("completionData_null") << QStringLiteral("collectResponse.completionData") << QJsonValue(QJsonValue::Null) << QStringLiteral("object");
    QTest::newRow("signature_empty") << QStringLiteral("collectResponse.completionData.signature") << QJsonValue(QString()) << QStringLiteral("empty");
    // Raw XML where base64 belongs. (A leading U+FEFF, which Qt's JSON reader may keep or drop: the fuzz
    // regression tests/data/fuzz-regressions/receipt/bom-in-signature.json.)
    QTest::newRow("signature_xml_not_base64") << QStringLiteral("collectResponse.completionData.signature")
                                              << QJsonValue(QStringLiteral("<?xml version=\"1.0\"?><Signature/>")) << QStringLiteral("base64");
    QTest::newRow("ocsp_not_base64") << QStringLiteral("collectResponse.completionData.ocspResponse")
                                     << QJsonValue(QStringLiteral("MIIH fgo<>")) << QStringLiteral("base64");
    QTest::newRow("ocsp_number") << QStringLiteral("collectResponse.completionData.ocspResponse") << QJsonValue(42) << QStringLiteral("string");
    QTest::newRow("time_without_offset") << QStringLiteral("times.started") << QJsonValue(QStringLiteral("2026-11-28T09:41:02.345"))
                                         << QStringLiteral("offset");
    QTest::newRow("time_date_only") << QStringLiteral("times.completed") << QJsonValue(QStringLiteral("2026-11-28")) << QStringLiteral("ISO 8601");
    QTest::newRow("time_invalid_date") << QStringLiteral("times.written") << QJsonValue(QStringLiteral("2026-02-30T10:00:00Z")) << QStringLiteral("ISO 8601");
    QTest::newRow("time_text") << QStringLiteral("times.written") << QJsonValue(QStringLiteral("yesterday")) << QStringLiteral("ISO 8601");
    QTest::newRow("time_number") << QStringLiteral("times.written") << QJsonValue(1700000000) << QStringLiteral("string");
    QTest::newRow("application_empty") << QStringLiteral("client.application") << QJsonValue(QString()) << QStringLiteral("empty");
    QTest::newRow("client_version_array") << QStringLiteral("client.version") << QJsonValue(QJsonArray{1}) << QStringLiteral("string");
}

void TestReceipt::wrongTypesAndValues()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QJsonObject json = withMember(sampleJson(), path, value);
    QString error;
    QVERIFY(!Receipt::fromJson(bytesOf(json), &error).has_value());
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestReceipt::versions_data()
{
    QTest::addColumn<QJsonValue>("version");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("expected");
    QTest::newRow("current") << QJsonValue(Receipt::CurrentVersion) << true << QString();
    QTest::newRow("current_as_1.0") << QJsonValue(1.0) << true << QString();
    QTest::newRow("next") << QJsonValue(Receipt::CurrentVersion + 1) << false
                          << QStringLiteral("version: 2 is newer than this program understands (1)");
    QTest::newRow("far_future") << QJsonValue(1000) << false << QStringLiteral("version: 1000 is newer");
}

void TestReceipt::versions()
{
    QFETCH(QJsonValue, version);
    QFETCH(bool, accepted);
    QFETCH(QString, expected);
    // A newer version is rejected for its version even when the rest looks different.
    QJsonObject json = withMember(sampleJson(), QStringLiteral("version"), version);
    if (!accepted)
        json = withMember(json, QStringLiteral("document"), QJsonValue(QJsonValue::Undefined));
    QString error;
    const auto parsed = Receipt::fromJson(bytesOf(json), &error);
    QCOMPARE(parsed.has_value(), accepted);
    if (!accepted)
        QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void TestReceipt::notAReceipt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray valid = sampleReceipt().toBytes();
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[1,2,3]") << QStringLiteral("not an object");
    QTest::newRow("string") << QByteArray("\"receipt\"") << QStringLiteral("not");
    QTest::newRow("empty_object") << QByteArray("{}") << QStringLiteral("format: required member is missing");
    QTest::newRow("nul_bytes") << QByteArray(100, '\0') << QStringLiteral("not valid JSON");
    QTest::newRow("trailing_garbage") << valid + "xyz" << QStringLiteral("not valid JSON");
    QTest::newRow("too_large") << QByteArray(17 * 1024 * 1024, ' ') << QStringLiteral("bytes");
}

void TestReceipt::notAReceipt()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!Receipt::fromJson(bytes, &error).has_value());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestReceipt::randomBytesNeverCrash()
{
    QRandomGenerator random(20261128);
    int parsed = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray bytes(int(random.bounded(0, 600)), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        if (i % 3 == 0 && !bytes.isEmpty())
            bytes[0] = '{'; // get past the first byte more often
        QString error;
        const auto receipt = Receipt::fromJson(bytes, &error);
        if (receipt)
            ++parsed;
        else
            QVERIFY2(!error.isEmpty(), qPrintable(QString::fromLatin1(bytes.toBase64())));
    }
    QCOMPARE(parsed, 0); // random bytes are never a complete receipt
}

void TestReceipt::mutationsNeverCrash()
{
    const QByteArray valid = sampleReceipt().toBytes();
    QStringList paths;
    collectPaths(sampleJson(), QString(), &paths);
    QVERIFY(paths.size() > 20);

    QRandomGenerator random(42);
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < 1500; ++i) {
        QByteArray bytes;
        switch (i % 5) {
        case 0: { // flip bytes
            bytes = valid;
            const int flips = 1 + int(random.bounded(4));
            for (int f = 0; f < flips; ++f)
                bytes[qsizetype(random.bounded(bytes.size()))] ^= char(1 << random.bounded(8));
            break;
        }
        case 1: // truncate
            bytes = valid.left(qsizetype(random.bounded(valid.size())));
            break;
        case 2: { // delete one member anywhere
            const QString path = paths.at(qsizetype(random.bounded(paths.size())));
            bytes = bytesOf(withMember(sampleJson(), path, QJsonValue(QJsonValue::Undefined)));
            break;
        }
        case 3: { // replace one member with a value of a random type
            const QString path = paths.at(qsizetype(random.bounded(paths.size())));
            const QJsonValue values[] = {QJsonValue(QJsonValue::Null), QJsonValue(true), QJsonValue(-3.5),
                                         QJsonValue(QStringLiteral("x")), QJsonValue(QJsonArray{1}), QJsonValue(QJsonObject{}),
                                         QJsonValue(1e308), QJsonValue(QString())};
            bytes = bytesOf(withMember(sampleJson(), path, values[random.bounded(8)]));
            break;
        }
        case 4: { // insert random bytes at a random place
            bytes = valid;
            QByteArray noise(int(random.bounded(1, 16)), Qt::Uninitialized);
            for (char &c : noise)
                c = char(random.bounded(256));
            bytes.insert(qsizetype(random.bounded(bytes.size())), noise);
            break;
        }
        }
        QString error;
        const auto receipt = Receipt::fromJson(bytes, &error);
        if (receipt) {
            ++parsed;
            // Whatever parsed must be usable: its own bytes parse again to the same receipt.
            QString again;
            const auto reparsed = Receipt::fromJson(receipt->toBytes(), &again);
            QVERIFY2(reparsed.has_value(), qPrintable(again));
            QCOMPARE(reparsed->toJson(), receipt->toJson());
        } else {
            ++rejected;
            QVERIFY(!error.isEmpty());
        }
    }
    QVERIFY(rejected > 0);
    QCOMPARE(parsed + rejected, 1500);
}

void TestReceipt::documentPathFor_data()
{
    QTest::addColumn<QString>("receiptPath");
    QTest::addColumn<QString>("documentPath");

    QTest::newRow("first") << QStringLiteral("/home/a/contract.pdf.bankid-receipt.json") << QStringLiteral("/home/a/contract.pdf");
    QTest::newRow("second") << QStringLiteral("/home/a/contract.pdf.bankid-receipt-2.json") << QStringLiteral("/home/a/contract.pdf");
    QTest::newRow("seventh") << QStringLiteral("contract.pdf.bankid-receipt-7.json") << QStringLiteral("contract.pdf");
    QTest::newRow("999") << QStringLiteral("/x/c.pdf.bankid-receipt-999.json") << QStringLiteral("/x/c.pdf");
    QTest::newRow("relative_folder") << QStringLiteral("docs/c.bankid-receipt-10.json") << QStringLiteral("docs/c");
    QTest::newRow("dots_in_folder") << QStringLiteral("/a.bankid-receipt.json/b.txt.bankid-receipt.json") << QStringLiteral("/a.bankid-receipt.json/b.txt");
    QTest::newRow("receipt_of_receipt") << QStringLiteral("/x/a.bankid-receipt.json.bankid-receipt.json") << QStringLiteral("/x/a.bankid-receipt.json");
    QTest::newRow("spaces") << QStringLiteral("/x/my file.pdf.bankid-receipt-3.json") << QStringLiteral("/x/my file.pdf");

    QTest::newRow("one") << QStringLiteral("/x/c.pdf.bankid-receipt-1.json") << QString();
    QTest::newRow("zero") << QStringLiteral("/x/c.pdf.bankid-receipt-0.json") << QString();
    QTest::newRow("leading_zero") << QStringLiteral("/x/c.pdf.bankid-receipt-07.json") << QString();
    QTest::newRow("1000") << QStringLiteral("/x/c.pdf.bankid-receipt-1000.json") << QString();
    QTest::newRow("letters") << QStringLiteral("/x/c.pdf.bankid-receipt-a.json") << QString();
    QTest::newRow("no_document_name") << QStringLiteral("/x/.bankid-receipt.json") << QString();
    QTest::newRow("plain_json") << QStringLiteral("/x/c.json") << QString();
    QTest::newRow("document_itself") << QStringLiteral("/x/c.pdf") << QString();
    QTest::newRow("upper_case") << QStringLiteral("/x/c.pdf.BANKID-RECEIPT.JSON") << QString();
    QTest::newRow("suffix_plus_more") << QStringLiteral("/x/c.pdf.bankid-receipt.json.bak") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestReceipt::documentPathFor()
{
    QFETCH(QString, receiptPath);
    QFETCH(QString, documentPath);
    QCOMPARE(Receipt::documentPathFor(receiptPath), documentPath);
}

void TestReceipt::defaultPathFor()
{
    QCOMPARE(Receipt::fileSuffix(), QStringLiteral(".bankid-receipt.json"));
    QCOMPARE(Receipt::defaultPathFor(QStringLiteral("/home/a/contract.pdf")),
             QStringLiteral("/home/a/contract.pdf.bankid-receipt.json"));
    for (const QString &document : {QStringLiteral("/home/a/contract.pdf"), QStringLiteral("x"), QStringLiteral("a b/ c.d")})
        QCOMPARE(Receipt::documentPathFor(Receipt::defaultPathFor(document)), document);
}

QTEST_GUILESS_MAIN(TestReceipt)
#include "TestReceipt.moc"
