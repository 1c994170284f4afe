// MainWindow end to end against the embedded simulator (real mutual TLS on loopback): desk login by QR
// (decoded from the pixels the OrderView shows) and on the same device (the BankID app launched by that
// click, through an injected URL opener), cancel, close, sign text, phone auth, a collect fault, the live
// language switch, and screenshots of every main view in both languages.
#include "CallerPage.h"
#include "DemoPhonePanel.h"
#include "DeskLoginPage.h"
#include "DeskFixture.h"
#include "LaunchUrl.h"
#include "MainWindow.h"
#include "OffscreenScreen.h"
#include "OrderView.h"
#include "QrCodeWidget.h"
#include "QrImageDecoder.h"
#include "ResultView.h"
#include "Screenshots.h"
#include "SettingsDialog.h"
#include "SignTextPage.h"
#include "Simulator.h"
#include "TestConfig.h"
#include "Translations.h"
#include "UrlOpener.h"
#include "UserMessages.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void deskLoginByQrCode();
    void deskLoginOnSameDevice();
    void sameDeviceWithoutBankIdHandler();
    void switchToThisDeviceLaunchesTheNewOrder();
    void simulatorLaunchGoesToTheDemoPhone();
    void cancelEndsTheOrderAtBankId();
    void closingTheWindowCancelsThePendingOrder();
    void switchingTaskCancelsThePendingOrder();
    void signText();
    void phoneAuth();
    void collectFaultShowsRfa5();
    void languageSwitchIsLive();
    void tasksTheAdministratorDidNotAllowAreHidden();
    void screenshots_data();
    void screenshots();

private:
    /// Grabs the QR code as the OrderView shows it, decodes it and lets the simulated phone scan it.
    bool scanShownQr(QString *problem);
    bool waitResult();
    void shoot(const QString &name);

    test::DeskFixture m_desk;
};

void TestMainWindow::initTestCase()
{
    const QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMainWindow::cleanupTestCase()
{
    Translations::remove();
    m_desk.tearDown();
}

void TestMainWindow::init()
{
    const QString error = m_desk.openWindow(QSize(1100, 720));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMainWindow::cleanup()
{
    m_desk.closeWindow();
}

bool TestMainWindow::scanShownQr(QString *problem)
{
    QrCodeWidget *qr = m_desk.window()->orderView()->qrWidget();
    if (!QTest::qWaitFor([qr] { return qr->isVisible() && !qr->content().isEmpty(); }, 5000)) {
        *problem = QStringLiteral("the QR code is not shown");
        return false;
    }
    const QStringList decoded = QrImageDecoder::decode(qr->grab().toImage());
    if (decoded.size() != 1 || !decoded.first().startsWith(QLatin1String("bankid."))) {
        *problem = QStringLiteral("decoded: ") + decoded.join(QLatin1Char('|'));
        return false;
    }
    const auto result = m_desk.simulator()->scan(decoded.first().toUtf8());
    *problem = result.message;
    return result.ok;
}

bool TestMainWindow::waitResult()
{
    return QTest::qWaitFor([this] { return m_desk.window()->currentPage() == m_desk.window()->resultView(); }, 10000);
}

void TestMainWindow::shoot(const QString &name)
{
    QCoreApplication::processEvents();
    const QString language = Translations::installedLanguage() == QLocale::Swedish ? QStringLiteral("sv")
                                                                                    : QStringLiteral("en");
    test::saveScreenshot(m_desk.window(), QStringLiteral("%1-%2.png").arg(name, language));
}

void TestMainWindow::deskLoginByQrCode()
{
    auto *login = m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"));
    QVERIFY(login && login->isDefault());
    QTest::mouseClick(login, Qt::LeftButton);
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QCOMPARE(m_desk.window()->currentPage(), m_desk.window()->orderView());
    QCOMPARE(m_desk.window()->orderView()->currentRfa(), Rfa::Rfa1);

    QString problem;
    QVERIFY2(scanShownQr(&problem), qPrintable(problem));
    QTRY_COMPARE_WITH_TIMEOUT(m_desk.window()->session()->hintCode(), QStringLiteral("userSign"), 5000);
    QVERIFY(!m_desk.window()->orderView()->qrWidget()->isVisible()); // picked up: the QR is gone
    QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    QVERIFY(waitResult());
    const QString summary = m_desk.window()->resultView()->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("Karl Karlsson")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("19900101****")), qPrintable(summary)); // masked
    QVERIFY(m_desk.window()->findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled());
    QVERIFY2(m_desk.openedUrls().isEmpty(), "a QR order never launches the BankID app here");
}

void TestMainWindow::deskLoginOnSameDevice()
{
    // What the view showed at the moment of the launch: RFA13 must not come before it.
    QList<QUrl> opened;
    QList<Rfa> rfaAtLaunch;
    QStringList textAtLaunch;
    OrderView *view = m_desk.window()->orderView();
    m_desk.window()->setUrlOpener(UrlOpener([&opened, &rfaAtLaunch, &textAtLaunch, view](const QUrl &url) {
        opened << url;
        rfaAtLaunch << view->currentRfa();
        textAtLaunch << view->messageText();
        return true;
    }));
    m_desk.window()->loginPage()->findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
    QTest::mouseClick(m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton")), Qt::LeftButton);
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QCOMPARE(m_desk.window()->session()->options().startMethod, StartMethod::SameDevice);
    QVERIFY(!m_desk.window()->orderView()->qrWidget()->isVisible()); // one start method per order: no QR

    // The click launched BankID once, with this order's autostart URL, as soon as the order was out.
    const QString token = m_desk.window()->session()->autoStartToken();
    QVERIFY(!token.isEmpty());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first(), LaunchUrl::autostartUrl(token));
    QCOMPARE(opened.first().toString(), QStringLiteral("bankid:///?autostarttoken=%1&redirect=null").arg(token));
    QVERIFY(rfaAtLaunch.first() != Rfa::Rfa13);
    QVERIFY2(textAtLaunch.first() != UserMessages::text(Rfa::Rfa13), qPrintable(textAtLaunch.first()));
    QCOMPARE(m_desk.window()->orderView()->currentRfa(), Rfa::Rfa13);
    QCOMPARE(m_desk.window()->orderView()->messageText(), UserMessages::text(Rfa::Rfa13));
    auto *problem = view->findChild<QLabel *>(QStringLiteral("launchProblemLabel"));
    QVERIFY(problem && !problem->isVisible());
    QVERIFY(m_desk.simulator()->open(m_desk.window()->session()->autoStartToken().toUtf8()).ok);
    QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    QVERIFY(waitResult());
    QVERIFY(m_desk.window()->resultView()->summaryText().contains(QStringLiteral("Karl Karlsson")));
    QCOMPARE(opened.size(), 1); // polling and completing launched nothing more
}

void TestMainWindow::sameDeviceWithoutBankIdHandler()
{
    m_desk.setOpenerSucceeds(false); // nothing on this computer opens bankid: links
    m_desk.window()->loginPage()->findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
    QTest::mouseClick(m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton")), Qt::LeftButton);
    QVERIFY(!m_desk.waitPending().isEmpty());
    QCOMPARE(m_desk.openedUrls().size(), 1);
    QCOMPARE(m_desk.openedUrls().first(), m_desk.window()->session()->launchUrl());

    // Not "Trying to start your BankID app": BankID's "you don't seem to have the program", and for the
    // operator what happened and the way on.
    OrderView *view = m_desk.window()->orderView();
    QCOMPARE(view->currentRfa(), Rfa::Rfa17A);
    QCOMPARE(view->messageText(), UserMessages::text(Rfa::Rfa17A));
    auto *problem = view->findChild<QLabel *>(QStringLiteral("launchProblemLabel"));
    QVERIFY(problem && problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("could not be started")), qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(QStringLiteral("Show QR code instead")), qPrintable(problem->text()));
    auto *showQr = view->findChild<QPushButton *>(QStringLiteral("showQrPushButton"));
    QVERIFY(showQr && showQr->isVisible() && showQr->isEnabled());

    QTest::mouseClick(showQr, Qt::LeftButton);
    QVERIFY(!m_desk.waitPending().isEmpty());
    QCOMPARE(m_desk.window()->session()->options().startMethod, StartMethod::QrCode);
    QTRY_VERIFY_WITH_TIMEOUT(view->qrWidget()->isVisible(), 5000);
    QVERIFY(!problem->isVisible());
    QCOMPARE(m_desk.openedUrls().size(), 1); // the QR order launched nothing
}

void TestMainWindow::switchToThisDeviceLaunchesTheNewOrder()
{
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    const QString qrOrder = m_desk.waitPending();
    QVERIFY(!qrOrder.isEmpty());
    QVERIFY(m_desk.openedUrls().isEmpty());
    auto *openOnDevice = m_desk.window()->orderView()->findChild<QPushButton *>(QStringLiteral("openOnDevicePushButton"));
    QVERIFY(openOnDevice && openOnDevice->isVisible());
    QTest::mouseClick(openOnDevice, Qt::LeftButton);
    // One start method per order: a new same-device order, and that click launches it (not the QR order).
    QTRY_VERIFY_WITH_TIMEOUT(m_desk.window()->session()
                                 && m_desk.window()->session()->options().startMethod == StartMethod::SameDevice
                                 && !m_desk.waitPending().isEmpty(),
                             10000);
    QVERIFY(m_desk.window()->session()->orderRef() != qrOrder);
    QCOMPARE(m_desk.openedUrls().size(), 1);
    QCOMPARE(m_desk.openedUrls().first(), LaunchUrl::autostartUrl(m_desk.window()->session()->autoStartToken()));
    QCOMPARE(m_desk.window()->orderView()->currentRfa(), Rfa::Rfa13);
}

void TestMainWindow::simulatorLaunchGoesToTheDemoPhone()
{
    // A window as the app builds it (no injected opener): in the simulator environment the token is not
    // handed to the desktop, whose BankID app would not know the simulator's orders.
    m_desk.closeWindow();
    MainWindow window(m_desk.connections(), m_desk.settings(), DeskOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.loginPage()->findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
    QTest::mouseClick(window.loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.session() && window.session()->state() == OrderSession::State::Pending
                                 && !window.session()->hintCode().isEmpty(),
                             10000);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("demo phone")),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.orderView()->currentRfa(), Rfa::Rfa13);
    QVERIFY(window.close());
    const QString error = m_desk.openWindow(QSize(1100, 720)); // for cleanup()
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMainWindow::cancelEndsTheOrderAtBankId()
{
    QSignalSpy removed(m_desk.simulator(), &sim::Simulator::orderRemoved);
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    auto *cancel = m_desk.window()->orderView()->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(m_desk.window()->currentPage(), static_cast<QWidget *>(m_desk.window()->loginPage()));
    QTRY_VERIFY_WITH_TIMEOUT(removed.contains(QVariantList{orderRef}), 5000);
}

void TestMainWindow::closingTheWindowCancelsThePendingOrder()
{
    QSignalSpy removed(m_desk.simulator(), &sim::Simulator::orderRemoved);
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QVERIFY(m_desk.window()->close());
    // closeEvent waited for the /cancel: the simulator has already dropped the order.
    QVERIFY(removed.contains(QVariantList{orderRef}));
    QVERIFY(!m_desk.window()->session());
}

void TestMainWindow::switchingTaskCancelsThePendingOrder()
{
    QSignalSpy removed(m_desk.simulator(), &sim::Simulator::orderRemoved);
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QTest::keyClick(m_desk.window(), Qt::Key_2, Qt::ControlModifier); // Ctrl+2: Identify caller
    QCOMPARE(m_desk.window()->currentTask(), MainWindow::Task::Caller);
    QCOMPARE(m_desk.window()->currentPage(), static_cast<QWidget *>(m_desk.window()->callerPage()));
    QTRY_VERIFY_WITH_TIMEOUT(removed.contains(QVariantList{orderRef}), 5000);
}

void TestMainWindow::signText()
{
    m_desk.window()->showTask(MainWindow::Task::Sign);
    SignTextPage *page = m_desk.window()->signTextPage();
    page->findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->setChecked(true);
    const QString text = QStringLiteral("# Loan\nI accept *the terms* of loan 4711");
    page->findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))->setPlainText(text);
    auto *sign = page->findChild<QPushButton *>(QStringLiteral("signPushButton"));
    QVERIFY(sign->isEnabled());
    QTest::mouseClick(sign, Qt::LeftButton);
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QString problem;
    QVERIFY2(scanShownQr(&problem), qPrintable(problem));
    QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    QVERIFY(waitResult());
    const QString summary = m_desk.window()->resultView()->summaryText();
    QVERIFY2(summary.contains(text), qPrintable(summary)); // decoded from the signature's usrVisibleData
}

void TestMainWindow::phoneAuth()
{
    QTest::keyClick(m_desk.window(), Qt::Key_2, Qt::ControlModifier);
    CallerPage *page = m_desk.window()->callerPage();
    auto *number = page->findChild<QLineEdit *>(QStringLiteral("personalNumberLineEdit"));
    QTest::keyClicks(number, QStringLiteral("198506155129"));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("startPushButton")), Qt::LeftButton);
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QCOMPARE(m_desk.window()->session()->options().startMethod, StartMethod::Phone);
    QVERIFY(!m_desk.window()->orderView()->qrWidget()->isVisible());
    QVERIFY(m_desk.simulator()->orderBook()->act(orderRef.toUtf8(), sim::OrderBook::Action::Open).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk.window()->session()->hintCode(), QStringLiteral("userCallConfirm"), 5000);
    QCOMPARE(m_desk.window()->orderView()->messageText(), UserMessages::text(Rfa::Rfa21));
    QVERIFY(m_desk.simulator()->confirmCall(orderRef.toUtf8()).ok);
    QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    QVERIFY(waitResult());
    QVERIFY(m_desk.window()->resultView()->summaryText().contains(QStringLiteral("Anna Andersson")));
}

void TestMainWindow::collectFaultShowsRfa5()
{
    QString error;
    QVERIFY2(m_desk.simulator()->addFault(QStringLiteral("collect:500:count=1"), &error) > 0, qPrintable(error));
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    // 500 internalError is not retried (api digest §3): the order fails at once with RFA5, no hang.
    QTRY_VERIFY_WITH_TIMEOUT(m_desk.window()->session() && m_desk.window()->session()->state() == OrderSession::State::Failed, 10000);
    QCOMPARE(m_desk.window()->orderView()->currentRfa(), Rfa::Rfa5);
    QCOMPARE(m_desk.window()->orderView()->messageText(), UserMessages::text(Rfa::Rfa5));
    QCOMPARE(m_desk.window()->currentPage(), m_desk.window()->orderView());
    auto *retry = m_desk.window()->orderView()->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
    QVERIFY(retry && retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton); // the fault was used up: the new order runs
    QVERIFY(!m_desk.waitPending().isEmpty());
}

void TestMainWindow::tasksTheAdministratorDidNotAllowAreHidden()
{
    // An administrator's system file that allows two tasks: the others have no row, no menu entry and no
    // shortcut, and the window opens on the first allowed task.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile system(dir.filePath(QStringLiteral("system.conf")));
    QVERIFY(system.open(QIODevice::WriteOnly));
    system.write("[ui]\nallowedTasks=verify-receipt, verify-id-card\n"
                 "[locked]\nkeys=ui/allowedTasks\nreason=\"Front desk: receipts and ID cards only.\"\n");
    system.close();
    AppSettings settings(dir.filePath(QStringLiteral("user.ini")), system.fileName());
    QVERIFY(!settings.isTaskAllowed(QStringLiteral("login")));
    QVERIFY(settings.isTaskAllowed(QStringLiteral("verify-id-card")));

    MainWindow window(m_desk.connections(), &settings, DeskOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tasks = window.findChild<QListWidget *>(QStringLiteral("taskListWidget"));
    QVERIFY(tasks);
    QStringList shown;
    for (int row = 0; row < tasks->count(); ++row) {
        if (!tasks->item(row)->isHidden())
            shown << AppSettings::taskKeys().at(row);
    }
    QCOMPARE(shown, (QStringList{QStringLiteral("verify-receipt"), QStringLiteral("verify-id-card")}));
    QCOMPARE(tasks->currentRow(), static_cast<int>(MainWindow::Task::Verify));
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(pages);
    QVERIFY(pages->currentWidget()->inherits("bankid::VerifyReceiptPage"));

    auto *loginAction = window.findChild<QAction *>(QStringLiteral("taskAction1"));
    QVERIFY(loginAction);
    QVERIFY(!loginAction->isVisible());
    QVERIFY(!loginAction->isEnabled());
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier); // no shortcut: nothing changes
    QVERIFY(pages->currentWidget()->inherits("bankid::VerifyReceiptPage"));
    window.showTask(MainWindow::Task::Login); // a programmatic switch is refused too
    QVERIFY(pages->currentWidget()->inherits("bankid::VerifyReceiptPage"));
    window.showTask(MainWindow::Task::IdCard);
    QVERIFY(pages->currentWidget()->inherits("bankid::VerifyIdCardPage"));
}

void TestMainWindow::languageSwitchIsLive()
{
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    QVERIFY(!m_desk.waitPending().isEmpty());
    const QString english = m_desk.window()->orderView()->messageText();
    QCOMPARE(english, UserMessages::englishText(Rfa::Rfa1));
    auto *swedish = m_desk.window()->findChild<QAction *>(QStringLiteral("swedishAction"));
    swedish->trigger();
    QCOMPARE(Translations::installedLanguage(), QLocale::Swedish);
    QVERIFY(swedish->isChecked());
    QCOMPARE(m_desk.settings()->language(), QStringLiteral("sv"));
    // LanguageChange is posted to every widget: it arrives with the next event loop turn.
    QTRY_COMPARE(m_desk.window()->orderView()->messageText(), UserMessages::text(Rfa::Rfa1));
    const QString shown = m_desk.window()->orderView()->messageText();
    QVERIFY2(shown != english, qPrintable(shown)); // BankID's Swedish RFA1, live on the pending order
    m_desk.window()->findChild<QAction *>(QStringLiteral("englishAction"))->trigger();
    QCOMPARE(Translations::installedLanguage(), QLocale::English);
    QTRY_COMPARE(m_desk.window()->orderView()->messageText(), english);
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Swedish") << QStringLiteral("sv");
}

void TestMainWindow::screenshots()
{
    QFETCH(QString, language);
    m_desk.window()->setLanguage(language);
    m_desk.window()->showTask(MainWindow::Task::Login);
    shoot(QStringLiteral("main-login"));

    m_desk.window()->showTask(MainWindow::Task::Caller);
    QTest::keyClicks(m_desk.window()->callerPage()->findChild<QLineEdit *>(QStringLiteral("personalNumberLineEdit")),
                     QStringLiteral("19900101238"));
    shoot(QStringLiteral("caller"));

    m_desk.window()->showTask(MainWindow::Task::Sign);
    m_desk.window()->signTextPage()->findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->setChecked(true);
    m_desk.window()->signTextPage()->findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))
        ->setPlainText(QStringLiteral("# Agreement 4711\nI accept *the terms* and +the price list+.\n+ Term one\n+ Term two"));
    shoot(QStringLiteral("sign"));

    m_desk.window()->showTask(MainWindow::Task::Login);
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    QTRY_VERIFY(m_desk.window()->orderView()->qrWidget()->isVisible());
    shoot(QStringLiteral("order-qr"));
    QString problem;
    QVERIFY2(scanShownQr(&problem), qPrintable(problem));
    QVERIFY(m_desk.simulator()->approve(orderRef.toUtf8()).ok);
    QVERIFY(waitResult());
    shoot(QStringLiteral("result"));

    QString error;
    QVERIFY(m_desk.simulator()->addFault(QStringLiteral("collect:500:count=1"), &error) > 0);
    m_desk.window()->showTask(MainWindow::Task::Login);
    m_desk.window()->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_desk.window()->session() && m_desk.window()->session()->state() == OrderSession::State::Failed, 10000);
    shoot(QStringLiteral("error"));

    // Verify ID card on a large screen, the demo phone showing a card.
    m_desk.window()->showTask(MainWindow::Task::IdCard);
    m_desk.window()->demoPhonePanel()->showIdCard();
    QVERIFY(!m_desk.window()->demoPhonePanel()->idCardCode().isEmpty());
    shoot(QStringLiteral("id-card"));
    m_desk.window()->demoPhonePanel()->findChild<QPushButton *>(QStringLiteral("idCardPushButton"))->click();

    SettingsDialog dialog(m_desk.settings(), m_desk.connections(), m_desk.window());
    dialog.resize(dialog.sizeHint().expandedTo(QSize(640, 0)));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    test::saveScreenshot(&dialog, QStringLiteral("settings-%1.png").arg(language));
    dialog.reject();
    m_desk.window()->setLanguage(QStringLiteral("en"));
}

int main(int argc, char **argv)
{
    // A 1920x1080 screen (the offscreen default is 800x600, smaller than the 1100x720 window), so the
    // window and its screenshots get the room they would get on a desk's monitor.
    QTemporaryDir dir;
    if (!dir.isValid() || !test::useOffscreenScreen(QSize(1920, 1080), 1.0, dir.path()))
        return 2;
    QApplication app(argc, argv);
    TestMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "TestMainWindow.moc"
