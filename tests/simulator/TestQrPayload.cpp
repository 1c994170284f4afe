// QrPayload against the official BankID vector and the made-up vector of facts §5.

#include "QrPayload.h"

#include <QTest>

using namespace bankid::sim;

class TestQrPayload : public QObject
{
    Q_OBJECT

private slots:
    void authCodeMatchesVectors_data();
    void authCodeMatchesVectors();
    void payloadMatchesVectors_data();
    void payloadMatchesVectors();
    void parseRejects_data();
    void parseRejects();
};

void TestQrPayload::authCodeMatchesVectors_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<qint64>("qrTime");
    QTest::addColumn<QByteArray>("authCode");
    const QByteArray official = "d28db9a7-4cde-429e-a983-359be676944c";
    QTest::newRow("official_t0") << official << qint64(0)
                                 << QByteArray("dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8");
    QTest::newRow("official_t1") << official << qint64(1)
                                 << QByteArray("949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2");
    QTest::newRow("official_t2") << official << qint64(2)
                                 << QByteArray("a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3");
}

void TestQrPayload::authCodeMatchesVectors()
{
    QFETCH(QByteArray, secret);
    QFETCH(qint64, qrTime);
    QFETCH(QByteArray, authCode);
    QCOMPARE(QrPayload::authCode(secret, qrTime), authCode);
}

void TestQrPayload::payloadMatchesVectors_data()
{
    QTest::addColumn<qint64>("qrTime");
    QTest::addColumn<QByteArray>("payload");
    const QByteArray prefix = "bankid.11111111-2222-4333-8444-555555555555.";
    QTest::newRow("made_up_t0") << qint64(0)
                                << QByteArray(prefix + "0.f9554cff6694cd5a01012ae047be7c41718281c1ed75b0e17212e04f250120b3");
    QTest::newRow("made_up_t1") << qint64(1)
                                << QByteArray(prefix + "1.7d66f073f8a24d5ff19a0b33e902aedbd681f21e7ed678ed19a16e26e8295def");
    QTest::newRow("made_up_t2") << qint64(2)
                                << QByteArray(prefix + "2.fea580dfc55c08fac26d8340dcd988a39611d01f4e70819f54cdc1e8be8deddc");
    QTest::newRow("made_up_t30") << qint64(30)
                                 << QByteArray(prefix + "30.8f70c541ce73b9798aea2764bbbf4a6fa08f1e173a03c112aeebe5bcf93e8d84");
}

void TestQrPayload::payloadMatchesVectors()
{
    QFETCH(qint64, qrTime);
    QFETCH(QByteArray, payload);
    const QByteArray token = "11111111-2222-4333-8444-555555555555";
    QCOMPARE(QrPayload::build(token, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee", qrTime), payload);
    const auto parts = QrPayload::parse(payload);
    QVERIFY(parts.has_value());
    QCOMPARE(parts->qrStartToken, token);
    QCOMPARE(parts->qrTime, qrTime);
    QCOMPARE(parts->authCode, payload.mid(payload.lastIndexOf('.') + 1));
}

void TestQrPayload::parseRejects_data()
{
    QTest::addColumn<QByteArray>("qrData");
    const QByteArray code(64, 'a');
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong_prefix") << QByteArray("bankld.t.0." + code);
    QTest::newRow("three_fields") << QByteArray("bankid.t." + code);
    QTest::newRow("negative_time") << QByteArray("bankid.t.-1." + code);
    QTest::newRow("plus_time") << QByteArray("bankid.t.+1." + code);
    QTest::newRow("time_not_number") << QByteArray("bankid.t.x." + code);
    QTest::newRow("short_code") << QByteArray("bankid.t.0.abc");
    QTest::newRow("empty_token") << QByteArray("bankid..0." + code);
}

void TestQrPayload::parseRejects()
{
    QFETCH(QByteArray, qrData);
    QVERIFY(!QrPayload::parse(qrData).has_value());
}

QTEST_APPLESS_MAIN(TestQrPayload)
#include "TestQrPayload.moc"
