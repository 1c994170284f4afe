// QrContent: the animated QR payload against BankID's official vector and an openssl-computed vector.
#include "QrContent.h"

#include <QTest>

using bankid::QrContent;

class TestQrContent : public QObject
{
    Q_OBJECT

private slots:
    void officialVector_data();
    void officialVector();
    void opensslVector_data();
    void opensslVector();
    void negativeTimeClampedToZero();
    void secretNeverInPayload();
};

void TestQrContent::officialVector_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("authCode");
    // BankID's published vector (facts file §5).
    QTest::newRow("t0") << qint64(0) << "dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8";
    QTest::newRow("t1") << qint64(1) << "949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2";
    QTest::newRow("t2") << qint64(2) << "a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3";
}

void TestQrContent::officialVector()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, authCode);
    const QString token = QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8");
    const QString secret = QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c");
    QCOMPARE(QrContent::authCode(secret, seconds), authCode);
    QCOMPARE(QrContent::at(token, secret, seconds),
             QLatin1String("bankid.") + token + QLatin1Char('.') + QString::number(seconds) + QLatin1Char('.') + authCode);
}

void TestQrContent::opensslVector_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("payload");
    // Computed with `printf '%s' T | openssl dgst -sha256 -hmac SECRET` (facts file §5).
    QTest::newRow("t0") << qint64(0)
                        << "bankid.11111111-2222-4333-8444-555555555555.0."
                           "f9554cff6694cd5a01012ae047be7c41718281c1ed75b0e17212e04f250120b3";
    QTest::newRow("t1") << qint64(1)
                        << "bankid.11111111-2222-4333-8444-555555555555.1."
                           "7d66f073f8a24d5ff19a0b33e902aedbd681f21e7ed678ed19a16e26e8295def";
    QTest::newRow("t2") << qint64(2)
                        << "bankid.11111111-2222-4333-8444-555555555555.2."
                           "fea580dfc55c08fac26d8340dcd988a39611d01f4e70819f54cdc1e8be8deddc";
    QTest::newRow("t30_two_digit_time") << qint64(30)
                                        << "bankid.11111111-2222-4333-8444-555555555555.30."
                                           "8f70c541ce73b9798aea2764bbbf4a6fa08f1e173a03c112aeebe5bcf93e8d84";
}

void TestQrContent::opensslVector()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, payload);
    QCOMPARE(QrContent::at(QStringLiteral("11111111-2222-4333-8444-555555555555"),
                           QStringLiteral("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), seconds),
             payload);
}

void TestQrContent::negativeTimeClampedToZero()
{
    const QString token = QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8");
    const QString secret = QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c");
    QCOMPARE(QrContent::at(token, secret, -5), QrContent::at(token, secret, 0));
}

void TestQrContent::secretNeverInPayload()
{
    const QString secret = QStringLiteral("d28db9a7-4cde-429e-a983-359be676944c");
    const QString payload = QrContent::at(QStringLiteral("67df3917-fa0d-44e5-b327-edcc928297f8"), secret, 7);
    QVERIFY(!payload.contains(secret));
    QCOMPARE(payload.split(QLatin1Char('.')).size(), 4);
}

QTEST_APPLESS_MAIN(TestQrContent)
#include "TestQrContent.moc"
