// OrderView against a real OrderSession talking to the in-process BankID simulator over mutual TLS on
// loopback (manual simulated user, short delays): the QR code is shown while the order is outstanding and
// what it shows is what the simulator accepts (grab -> libzbar -> Simulator::scan); it hides once the order
// is picked up and the RFA text follows the hint codes; the buttons emit their requests; a failure shows
// the RFA text with collapsed, expandable technical details; a live language switch re-translates.
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "OrderSession.h"
#include "OrderView.h"
#include "QrCodeWidget.h"
#include "QrImageDecoder.h"
#include "Screenshots.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"
#include "Translations.h"
#include "UserMessages.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace bankid;
using bankid::sim::SimulatorOptions;

namespace {

constexpr int FlowTimeoutMs = 15000;

OrderRequest authRequest()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("192.0.2.10");
    request.userVisibleData = QStringLiteral("Logga in på BankID Desk").toUtf8();
    return request;
}

} // namespace

class TestOrderView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void qrShownThenHiddenAfterScan();
    void buttonsEmitRequests();
    void failureShowsRfaAndCollapsedDetails_data();
    void failureShowsRfaAndCollapsedDetails();
    void autoRestartIsCounted();
    void languageSwitchIsLive();
    void detachOnSessionDestroyed();
    void screenshots();

private:
    /// A simulator with a manual user and a client configured like an operator would (custom URL + CA).
    void startSimulator(const SimulatorOptions &options);
    SimulatorOptions manualOptions() const;
    /// Starts an order shown by m_view and waits until its QR code is on screen.
    void startQrOrder(int maxAutoRestarts = 0);
    /// startSimulator(options), then startQrOrder(maxAutoRestarts). Check QTest::currentTestFailed() after.
    void startSimulatorAndQrOrder(const SimulatorOptions &options, int maxAutoRestarts = 0);
    QString shownQr() const;

    test::SimulatorFixture m_fixture;
    SteadyClock m_clock;
    std::unique_ptr<OrderSession> m_session;
    std::unique_ptr<OrderView> m_view;
};

void TestOrderView::initTestCase()
{
    qRegisterMetaType<OrderSession::State>();
    qRegisterMetaType<OrderFailure>();
    qRegisterMetaType<Rfa>();
    qRegisterMetaType<StartMethod>();
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
}

void TestOrderView::init()
{
    m_view = std::make_unique<OrderView>();
    m_view->resize(520, 720);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestOrderView::cleanup()
{
    Translations::remove();
    m_view.reset();
    m_session.reset();
    m_fixture.stop();
}

SimulatorOptions TestOrderView::manualOptions() const
{
    SimulatorOptions options = m_fixture.manualOptions();
    // Longer than a poll interval, so the view is guaranteed to see "started" before "userSign".
    options.startedDurationMs = OrderSession::MinPollIntervalMs + 500;
    return options;
}

void TestOrderView::startSimulator(const SimulatorOptions &options)
{
    const QString error = m_fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_session = std::make_unique<OrderSession>(m_fixture.client(), &m_clock);
}

void TestOrderView::startQrOrder(int maxAutoRestarts)
{
    m_view->attach(m_session.get(), QStringLiteral("Log in"));
    OrderSession::Options options;
    options.startMethod = StartMethod::QrCode;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    options.deadlineMs = 60000;
    options.maxAutoRestarts = maxAutoRestarts;
    m_session->start(authRequest(), options);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->qrWidget()->isVisible() && !m_view->qrWidget()->content().isEmpty(),
                             FlowTimeoutMs);
}

void TestOrderView::startSimulatorAndQrOrder(const SimulatorOptions &options, int maxAutoRestarts)
{
    startSimulator(options);
    if (QTest::currentTestFailed())
        return;
    startQrOrder(maxAutoRestarts);
}

QString TestOrderView::shownQr() const
{
    const QStringList decoded = QrImageDecoder::decode(m_view->qrWidget()->grab().toImage());
    return decoded.size() == 1 ? decoded.first() : QString();
}

void TestOrderView::qrShownThenHiddenAfterScan()
{
    QSignalSpy shown(m_view.get(), &OrderView::qrContentShown);
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;

    auto *title = m_view->findChild<QLabel *>(QStringLiteral("titleLabel"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Log in"));
    QCOMPARE(m_view->currentRfa(), Rfa::Rfa1);
    QCOMPARE(m_view->messageText(), UserMessages::text(Rfa::Rfa1));
    auto *countdown = m_view->findChild<QLabel *>(QStringLiteral("countdownLabel"));
    QVERIFY(countdown && countdown->isVisible());
    QVERIFY2(countdown->text().contains(QRegularExpression(QStringLiteral("\\b([12]?[0-9]|30)\\b"))),
             qPrintable(countdown->text()));
    QTRY_VERIFY(!shown.isEmpty());
    QCOMPARE(shown.last().first().toString(), m_view->qrWidget()->content());

    // The QR animates: a new whole second gives a new code on screen.
    const QString first = m_view->qrWidget()->content();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->qrWidget()->content() != first, 3000);

    // The simulated phone scans the pixels that are on screen; the simulator accepts them.
    const QString decoded = shownQr();
    QCOMPARE(decoded, m_view->qrWidget()->content());
    const auto result = m_fixture.simulator()->scan(decoded.toUtf8());
    QVERIFY2(result.ok, qPrintable(result.message));

    // Picked up: the QR code goes away (started, then userSign) and the RFA text follows.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->qrWidget()->isHidden(), FlowTimeoutMs);
    QVERIFY(m_view->qrWidget()->content().isEmpty());
    QCOMPARE(shown.last().first().toString(), QString()); // followers were told to hide the code
    QTRY_COMPARE_WITH_TIMEOUT(m_view->messageText(), UserMessages::text(Rfa::Rfa9), FlowTimeoutMs);
    QVERIFY(m_view->qrWidget()->isHidden());
    QVERIFY(!countdown->isVisible());
    auto *fullScreen = m_view->findChild<QPushButton *>(QStringLiteral("fullScreenPushButton"));
    QVERIFY(fullScreen && !fullScreen->isVisible());
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(cancel && cancel->isVisible() && cancel->isEnabled());

    QVERIFY(m_fixture.simulator()->approve(m_session->orderRef().toUtf8()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Complete, FlowTimeoutMs);
    QVERIFY(!cancel->isVisible());
}

void TestOrderView::buttonsEmitRequests()
{
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;

    QSignalSpy cancelSpy(m_view.get(), &OrderView::cancelRequested);
    QSignalSpy switchSpy(m_view.get(), &OrderView::switchStartMethodRequested);
    QSignalSpy fullScreenSpy(m_view.get(), &OrderView::fullScreenRequested);

    auto *openOnDevice = m_view->findChild<QPushButton *>(QStringLiteral("openOnDevicePushButton"));
    auto *fullScreen = m_view->findChild<QPushButton *>(QStringLiteral("fullScreenPushButton"));
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    auto *showQr = m_view->findChild<QPushButton *>(QStringLiteral("showQrPushButton"));
    QVERIFY(openOnDevice && fullScreen && cancel && showQr);
    QVERIFY(!showQr->isVisible()); // a QR order offers the other method, not itself
    QVERIFY(!cancel->accessibleName().isEmpty());

    // "Open BankID on this device" from a QR order asks for a new same-device order (one method per order).
    QTest::mouseClick(openOnDevice, Qt::LeftButton);
    QCOMPARE(switchSpy.count(), 1);
    QCOMPARE(switchSpy.first().first().value<StartMethod>(), StartMethod::SameDevice);

    QVERIFY(fullScreen->isVisible());
    QTest::mouseClick(fullScreen, Qt::LeftButton);
    QCOMPARE(fullScreenSpy.count(), 1);
    m_view->setFullScreenAvailable(false);
    QVERIFY(!fullScreen->isVisible());
    m_view->setFullScreenAvailable(true);

    // Keyboard: F11 and Esc reach the actions from anywhere in the view.
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QTest::keyClick(m_view.get(), Qt::Key_F11);
    QCOMPARE(fullScreenSpy.count(), 2);
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QCOMPARE(cancelSpy.count(), 1);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancelSpy.count(), 2);

    // The owner carries out the cancel; the view then offers "Try again".
    connect(m_view.get(), &OrderView::cancelRequested, m_session.get(), &OrderSession::cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Cancelled, FlowTimeoutMs);
    QVERIFY(m_view->qrWidget()->isHidden());
    QVERIFY(!cancel->isVisible());
    auto *retry = m_view->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
    QVERIFY(retry && retry->isVisible());
    QSignalSpy retrySpy(m_view.get(), &OrderView::retryRequested);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(retrySpy.count(), 1);
}

void TestOrderView::failureShowsRfaAndCollapsedDetails_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("expectedRfa");
    QTest::addColumn<QString>("detailsContain");
    QTest::newRow("userCancel_in_app") << QStringLiteral("userCancel") << int(Rfa::Rfa6) << QStringLiteral("userCancel");
    QTest::newRow("wrong_code_three_times_certificateErr")
        << QStringLiteral("wrongCode") << int(Rfa::Rfa16) << QStringLiteral("certificateErr");
    QTest::newRow("collect_internalError_500")
        << QStringLiteral("collect500") << int(Rfa::Rfa5) << QStringLiteral("internalError");
}

void TestOrderView::failureShowsRfaAndCollapsedDetails()
{
    QFETCH(QString, scenario);
    QFETCH(int, expectedRfa);
    QFETCH(QString, detailsContain);
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;
    const QByteArray orderRef = m_session->orderRef().toUtf8();

    if (scenario == QLatin1String("collect500")) {
        QString error;
        QVERIFY2(m_fixture.simulator()->addFault(QStringLiteral("collect:500"), &error) > 0, qPrintable(error));
    } else {
        QVERIFY(m_fixture.simulator()->scan(shownQr().toUtf8()).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->hintCode(), QStringLiteral("userSign"), FlowTimeoutMs);
        if (scenario == QLatin1String("userCancel")) {
            QVERIFY(m_fixture.simulator()->userCancel(orderRef).ok);
        } else {
            for (int i = 0; i < 3; ++i)
                QVERIFY(m_fixture.simulator()->wrongCode(orderRef).ok);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Failed, FlowTimeoutMs);

    QCOMPARE(int(m_view->currentRfa()), expectedRfa);
    QCOMPARE(m_view->messageText(), UserMessages::text(Rfa(expectedRfa)));
    QVERIFY(m_view->qrWidget()->isHidden());

    auto *detailsButton = m_view->findChild<QToolButton *>(QStringLiteral("detailsToolButton"));
    auto *details = m_view->findChild<QPlainTextEdit *>(QStringLiteral("detailsPlainTextEdit"));
    QVERIFY(detailsButton && details);
    QVERIFY(detailsButton->isVisible());
    QVERIFY(!detailsButton->isChecked()); // collapsed by default
    QVERIFY(!details->isVisible());
    QCOMPARE(detailsButton->arrowType(), Qt::RightArrow);
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    QVERIFY(details->isVisible());
    QCOMPARE(detailsButton->arrowType(), Qt::DownArrow);
    QVERIFY2(details->toPlainText().contains(detailsContain), qPrintable(details->toPlainText()));
    QVERIFY(details->toPlainText().contains(m_session->failure()->technicalMessage));
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    QVERIFY(!details->isVisible());

    auto *retry = m_view->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(retry->isVisible());
    QVERIFY(!cancel->isVisible());
}

void TestOrderView::autoRestartIsCounted()
{
    SimulatorOptions options = manualOptions();
    options.startFailedTimeoutMs = 1500; // the start window ends fast: startFailed, then a new order
    startSimulatorAndQrOrder(options, 2);
    if (QTest::currentTestFailed())
        return;
    const QString firstOrder = m_session->orderRef();
    auto *restart = m_view->findChild<QLabel *>(QStringLiteral("restartLabel"));
    QVERIFY(restart);
    QVERIFY(!restart->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_session->restartCount(), 1, FlowTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(restart->isVisible(), FlowTimeoutMs);
    QCOMPARE(restart->text(), QStringLiteral("New QR code 1 of 2"));
    // The new order's QR code is shown (not the old one's) and it is what the simulator accepts.
    QTRY_VERIFY_WITH_TIMEOUT(m_session->orderRef() != firstOrder && m_view->qrWidget()->isVisible()
                                 && !m_view->qrWidget()->content().isEmpty(),
                             FlowTimeoutMs);
    QVERIFY(m_fixture.simulator()->scan(shownQr().toUtf8()).ok);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->qrWidget()->isHidden(), FlowTimeoutMs);
}

void TestOrderView::languageSwitchIsLive()
{
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_view->messageText(), QStringLiteral("Start your BankID app."));
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));

    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    // Installing a translator posts LanguageChange to every widget: the view re-reads the stored RFA.
    QTRY_COMPARE(m_view->messageText(), QStringLiteral("Starta BankID-appen."));
    QCOMPARE(m_view->currentRfa(), Rfa::Rfa1);

    QVERIFY(m_fixture.simulator()->scan(shownQr().toUtf8()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_view->currentRfa(), Rfa::Rfa9, FlowTimeoutMs);
    QCOMPARE(m_view->messageText(), UserMessages::text(Rfa::Rfa9));
    QVERIFY(m_view->messageText().startsWith(QStringLiteral("Skriv in din säkerhetskod")));

    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QTRY_COMPARE(m_view->messageText(), UserMessages::englishText(Rfa::Rfa9));
    QCOMPARE(cancel->text(), QStringLiteral("&Cancel"));
}

void TestOrderView::detachOnSessionDestroyed()
{
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;
    m_session.reset(); // a live session cancels itself; the view must not keep a dangling pointer
    QVERIFY(m_view->qrWidget()->isHidden());
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(!cancel->isVisible());
    m_view->attach(nullptr, QString());
    QCOMPARE(m_view->currentRfa(), Rfa::None);
}

void TestOrderView::screenshots()
{
    startSimulatorAndQrOrder(manualOptions(), 2);
    if (QTest::currentTestFailed())
        return;
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(m_view.get(), language == QLocale::Swedish ? QStringLiteral("OrderView-sv.png")
                                                                   : QStringLiteral("OrderView-en.png"));
    }
}

QTEST_MAIN(TestOrderView)
#include "TestOrderView.moc"
