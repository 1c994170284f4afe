// Not connected is no dead end (issue 9, finding 5): with the test environment and no RP certificate the
// main window shows the warning bar with Open Settings…, the environment badge and the title say TEST,
// and a start request from a page is ignored (no order, no session) rather than failing silently.

#include "AppSettings.h"
#include "ConnectionManager.h"
#include "ConnectionWarningBar.h"
#include "DeskLoginPage.h"
#include "DeskOptions.h"
#include "EnvironmentBadge.h"
#include "MainWindow.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

class TestConnectionWarning : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void warningBarAndNoStartWithoutCertificate();
    void environmentBadgeColoursAreDistinct();
};

void TestConnectionWarning::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConnectionWarning::warningBarAndNoStartWithoutCertificate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setEnvironment(DeskEnvironment::Test);
    settings.setCertificateFile(QString());
    ConnectionManager connections(&settings, DeskOptions());
    QSignalSpy failed(&connections, &ConnectionManager::configurationFailed);
    MainWindow window(&connections, &settings, DeskOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    connections.configure();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!window.connectionUsable());

    ConnectionWarningBar *bar = window.connectionWarningBar();
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->problem().contains(connections.lastError()), qPrintable(bar->problem()));
    auto *openSettings = bar->findChild<QPushButton *>(QStringLiteral("openSettingsPushButton"));
    QVERIFY(openSettings && openSettings->isVisible() && openSettings->isEnabled());
    QSignalSpy settingsRequested(bar, &ConnectionWarningBar::settingsRequested);
    // The real slot opens a modal SettingsDialog; only the wiring of the button is checked here.
    QObject::disconnect(bar, &ConnectionWarningBar::settingsRequested, &window, nullptr);
    openSettings->click();
    QCOMPARE(settingsRequested.count(), 1);

    QCOMPARE(window.environmentBadge()->environment(), DeskEnvironment::Test);
    QVERIFY2(window.windowTitle().contains(window.environmentBadge()->text()), qPrintable(window.windowTitle()));

    // Defence in depth: a start request that arrives anyway starts nothing.
    OrderRequest request;
    request.flow = Flow::Auth;
    emit window.loginPage()->startRequested(request, StartMethod::QrCode);
    QCoreApplication::processEvents();
    QVERIFY(!window.session());
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.loginPage()));
    QVERIFY(bar->isVisible());

    // Pages that offer setStartAllowed (the pages' side of finding 5) have their start disabled.
    auto *login = window.loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"));
    QVERIFY(login);
    if (window.loginPage()->metaObject()->indexOfMethod("setStartAllowed(bool,QString)") >= 0)
        QVERIFY(!login->isEnabled());
}

void TestConnectionWarning::environmentBadgeColoursAreDistinct()
{
    const DeskEnvironment environments[] = {DeskEnvironment::Simulator, DeskEnvironment::Test,
                                            DeskEnvironment::Production, DeskEnvironment::Custom};
    QSet<QRgb> colours;
    QSet<QString> words;
    for (DeskEnvironment environment : environments) {
        colours.insert(EnvironmentBadge::background(environment).rgb());
        words.insert(EnvironmentBadge::label(environment));
    }
    QCOMPARE(colours.size(), 4);
    QCOMPARE(words.size(), 4); // never colour alone
    EnvironmentBadge badge;
    badge.setEnvironment(DeskEnvironment::Production);
    QCOMPARE(badge.text(), QStringLiteral("PRODUCTION"));
    QVERIFY(badge.accessibleName().contains(QStringLiteral("PRODUCTION")));
}

QTEST_MAIN(TestConnectionWarning)
#include "TestConnectionWarning.moc"
