// LaunchUrl: the desktop bankid:/// URL (three slashes) and the mobile universal link.
#include "LaunchUrl.h"

#include <QTest>
#include <QUrlQuery>

using bankid::LaunchUrl;

class TestLaunchUrl : public QObject
{
    Q_OBJECT

private slots:
    void desktop_data();
    void desktop();
    void mobile_data();
    void mobile();
};

void TestLaunchUrl::desktop_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default_redirect_null")
        << "46d3f8ea-0a8f-4a41-9f6f-bf3c1f2b1c7e" << QString()
        << "bankid:///?autostarttoken=46d3f8ea-0a8f-4a41-9f6f-bf3c1f2b1c7e&redirect=null";
    QTest::newRow("explicit_redirect_encoded")
        << "46d3f8ea-0a8f-4a41-9f6f-bf3c1f2b1c7e" << "https://rp.example/done?x=1&y=2"
        << "bankid:///?autostarttoken=46d3f8ea-0a8f-4a41-9f6f-bf3c1f2b1c7e"
           "&redirect=https%3A%2F%2Frp.example%2Fdone%3Fx%3D1%26y%3D2";
}

void TestLaunchUrl::desktop()
{
    QFETCH(QString, token);
    QFETCH(QString, redirect);
    QFETCH(QString, expected);
    const QUrl url = redirect.isNull() ? LaunchUrl::autostartUrl(token) : LaunchUrl::autostartUrl(token, redirect);
    QVERIFY(url.isValid());
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
    QCOMPARE(url.scheme(), QStringLiteral("bankid"));
    QVERIFY(url.toString(QUrl::FullyEncoded).startsWith(QLatin1String("bankid:///?")));
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("autostarttoken")), token);
    QCOMPARE(query.queryItemValue(QStringLiteral("redirect"), QUrl::FullyDecoded),
             redirect.isNull() ? QStringLiteral("null") : redirect);
}

void TestLaunchUrl::mobile_data()
{
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<QString>("expected");
    QTest::newRow("redirect_null") << "null"
                                   << "https://app.bankid.com/?autostarttoken=abc-123&redirect=null";
    QTest::newRow("empty_redirect_becomes_null") << ""
                                                 << "https://app.bankid.com/?autostarttoken=abc-123&redirect=null";
    QTest::newRow("return_url_encoded") << "https://rp.example/r?nonce=a b"
                                        << "https://app.bankid.com/?autostarttoken=abc-123"
                                           "&redirect=https%3A%2F%2Frp.example%2Fr%3Fnonce%3Da%20b";
}

void TestLaunchUrl::mobile()
{
    QFETCH(QString, redirect);
    QFETCH(QString, expected);
    const QUrl url = LaunchUrl::mobileAutostartUrl(QStringLiteral("abc-123"), redirect);
    QVERIFY(url.isValid());
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
    QCOMPARE(url.host(), QStringLiteral("app.bankid.com"));
}

QTEST_APPLESS_MAIN(TestLaunchUrl)
#include "TestLaunchUrl.moc"
