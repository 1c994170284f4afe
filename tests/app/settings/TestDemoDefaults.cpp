// The desk's defaults are demo-friendly: a fresh installation renews an expired QR code (2 automatic
// restarts) instead of ending the demo with "Failed to scan the QR code" after 30 s.

#include "AppSettings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace bankid;

class TestDemoDefaults : public QObject
{
    Q_OBJECT

private slots:
    void freshSettingsRenewTheQrCodeTwice();
};

void TestDemoDefaults::freshSettingsRenewTheQrCodeTwice()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    QCOMPARE(settings.autoRestarts(), 2);
    QVERIFY(AppSettings::DefaultAutoRestarts <= AppSettings::MaxAutoRestarts);
}

QTEST_GUILESS_MAIN(TestDemoDefaults)
#include "TestDemoDefaults.moc"
