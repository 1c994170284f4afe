// OrderView against a real OrderSession talking to the in-process BankID simulator over mutual TLS on
// loopback (manual simulated user, short delays): the QR code is shown while the order is outstanding and
// what it shows is what the simulator accepts (grab -> libzbar -> Simulator::scan); it hides once the order
// is picked up and the RFA text follows the hint codes; the buttons emit their requests; a failure shows
// the RFA text with collapsed, expandable technical details; a live language switch re-translates.
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "OperatorMessages.h"
#include "OperatorStatusPanel.h"
#include "OrderSession.h"
#include "OrderView.h"
#include "OutcomeBadge.h"
#include "QrCodeWidget.h"
#include "QrImageDecoder.h"
#include "Screenshots.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"
#include "TestPerson.h"
#include "Translations.h"
#include "UserMessages.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
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
    void switchOnlyBeforePickupAndCancelAsksAfter();
    void cancelQuestionAnsweredInTheMessageBox_data();
    void cancelQuestionAnsweredInTheMessageBox();
    void operatorLineForTheCallHints_data();
    void operatorLineForTheCallHints();
    void howToScanShownWithTheQrCode();
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
    /// Scans the QR code on screen and waits until the order is at userSign (picked up).
    void scanAndWaitForUserSign();
    /// A phone order (RP called the person) for a built-in test person, shown by m_view.
    void startPhoneOrder();
    OperatorStatusPanel *statusPanel() const { return m_view->findChild<OperatorStatusPanel *>(); }
    OutcomeBadge *outcomeBadge() const { return m_view->findChild<OutcomeBadge *>(QStringLiteral("outcomeBadge")); }

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

void TestOrderView::scanAndWaitForUserSign()
{
    const auto scanned = m_fixture.simulator()->scan(shownQr().toUtf8());
    QVERIFY2(scanned.ok, qPrintable(scanned.message));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->hintCode(), QStringLiteral("userSign"), FlowTimeoutMs);
}

void TestOrderView::startPhoneOrder()
{
    startSimulator(manualOptions());
    if (QTest::currentTestFailed())
        return;
    OrderRequest request;
    request.flow = Flow::PhoneAuth;
    request.personalNumber = sim::TestPerson::builtIn().at(1).personalNumber;
    request.callInitiator = CallInitiator::RP;
    OrderSession::Options options;
    options.startMethod = StartMethod::Phone;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    m_view->attach(m_session.get(), QStringLiteral("Identify caller"));
    m_view->setOrderDetails(request);
    m_session->start(request, options);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Pending, FlowTimeoutMs);
}

void TestOrderView::switchOnlyBeforePickupAndCancelAsksAfter()
{
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;
    auto *openOnDevice = m_view->findChild<QPushButton *>(QStringLiteral("openOnDevicePushButton"));
    auto *cancel = m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(openOnDevice && cancel);
    QVERIFY(openOnDevice->isVisible() && openOnDevice->isEnabled()); // waiting to be picked up: offered
    QCOMPARE(statusPanel()->step(), OperatorStatusPanel::Step::ScanOrOpen);
    QVERIFY(statusPanel()->isBusy());
    QCOMPARE(statusPanel()->operatorLine(), OperatorMessages::forPending(QString(), StartMethod::QrCode));
    QVERIFY(statusPanel()->stepTexts().at(0).startsWith(QStringLiteral("▶")));

    int asked = 0;
    bool answer = false;
    m_view->setCancelConfirmation([&](QWidget *) { ++asked; return answer; });
    QSignalSpy cancelSpy(m_view.get(), &OrderView::cancelRequested);
    connect(m_view.get(), &OrderView::cancelRequested, m_session.get(), &OrderSession::cancel);

    scanAndWaitForUserSign();
    if (QTest::currentTestFailed())
        return;
    // Picked up: one click on the switch would end the person's order, so it is gone.
    QVERIFY(openOnDevice->isHidden());
    QVERIFY(!openOnDevice->isEnabled());
    QCOMPARE(statusPanel()->step(), OperatorStatusPanel::Step::Confirm);
    QVERIFY(statusPanel()->stepTexts().at(0).startsWith(QStringLiteral("✔")));
    QVERIFY(statusPanel()->stepTexts().at(1).startsWith(QStringLiteral("▶")));
    QCOMPARE(statusPanel()->operatorLine(), QStringLiteral("The person is confirming in the BankID app."));
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(m_view.get(), language == QLocale::Swedish ? QStringLiteral("OrderView-picked-up-sv.png")
                                                                   : QStringLiteral("OrderView-picked-up-en.png"));
    }
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);

    // Cancel now asks; No keeps the order (by the button and by Esc).
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(asked, 1);
    QCOMPARE(cancelSpy.count(), 0);
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QCOMPARE(asked, 2);
    QCOMPARE(cancelSpy.count(), 0);
    QCOMPARE(m_session->state(), OrderSession::State::Pending);

    // Yes cancels, and the view says it was cancelled at BankID.
    answer = true;
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(asked, 3);
    QCOMPARE(cancelSpy.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Cancelled, FlowTimeoutMs);
    QCOMPARE(outcomeBadge()->outcome(), OutcomeBadge::Outcome::Cancelled);
    QCOMPARE(outcomeBadge()->heading(), QStringLiteral("Order cancelled at BankID"));
    QVERIFY(!statusPanel()->isBusy());
}

void TestOrderView::cancelQuestionAnsweredInTheMessageBox_data()
{
    QTest::addColumn<bool>("confirm");
    QTest::newRow("Esc_keeps_the_order") << false;
    QTest::newRow("Cancel_the_order") << true;
}

void TestOrderView::cancelQuestionAnsweredInTheMessageBox()
{
    QFETCH(bool, confirm);
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;
    scanAndWaitForUserSign();
    if (QTest::currentTestFailed())
        return;
    QSignalSpy cancelSpy(m_view.get(), &OrderView::cancelRequested);

    // The default question is a real message box: answer it once it is up (Esc = keep, or the Yes button).
    QString question;
    QTimer answerer;
    answerer.setInterval(50);
    connect(&answerer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        answerer.stop();
        question = box->text();
        test::saveScreenshot(box, QStringLiteral("OrderView-cancel-question-en.png"));
        if (confirm)
            box->findChild<QPushButton *>(QStringLiteral("confirmCancelPushButton"))->click();
        else
            QTest::keyClick(box, Qt::Key_Escape);
    });
    answerer.start();
    m_view->findChild<QPushButton *>(QStringLiteral("cancelPushButton"))->click();
    QVERIFY2(!question.isEmpty(), "no question was asked");
    QCOMPARE(cancelSpy.count(), confirm ? 1 : 0);
}

void TestOrderView::operatorLineForTheCallHints_data()
{
    QTest::addColumn<bool>("decline");
    QTest::newRow("userCallConfirm_then_userDeclinedCall") << true;
    QTest::newRow("userCallConfirm_then_confirmed") << false;
}

void TestOrderView::operatorLineForTheCallHints()
{
    QFETCH(bool, decline);
    startPhoneOrder();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(statusPanel()->about().contains(QStringLiteral("Identify caller")));
    QVERIFY2(!statusPanel()->about().contains(sim::TestPerson::builtIn().at(1).personalNumber),
             "the person is shown masked");
    const QByteArray orderRef = m_session->orderRef().toUtf8();
    QVERIFY(m_fixture.simulator()->orderBook()->act(orderRef, sim::OrderBook::Action::Open).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->hintCode(), QStringLiteral("userCallConfirm"), FlowTimeoutMs);
    QCOMPARE(statusPanel()->operatorLine(), QStringLiteral("Waiting for the person to confirm the call."));
    QCOMPARE(statusPanel()->step(), OperatorStatusPanel::Step::Confirm);

    auto *retry = m_view->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
    if (decline) {
        QVERIFY(m_fixture.simulator()->decline(orderRef).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Failed, FlowTimeoutMs);
        QCOMPARE(statusPanel()->operatorLine(),
                 QStringLiteral("The person says they are not on a call with you. Do not continue."));
        // Not "Try again": the person denied the call, the operator must not go on with this caller.
        QVERIFY(retry->isHidden());
        QCOMPARE(outcomeBadge()->outcome(), OutcomeBadge::Outcome::Blocked);
        test::saveScreenshot(m_view.get(), QStringLiteral("OrderView-declined-call-en.png"));
        QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(m_view.get(), QStringLiteral("OrderView-declined-call-sv.png"));
    } else {
        QVERIFY(m_fixture.simulator()->confirmCall(orderRef).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->hintCode(), QStringLiteral("userSign"), FlowTimeoutMs);
        QCOMPARE(statusPanel()->operatorLine(), QStringLiteral("The person is confirming in the BankID app."));
        QVERIFY(m_fixture.simulator()->approve(orderRef).ok);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Complete, FlowTimeoutMs);
        QCOMPARE(statusPanel()->step(), OperatorStatusPanel::Step::Done);
        QCOMPARE(outcomeBadge()->outcome(), OutcomeBadge::Outcome::Passed);
        QVERIFY(!statusPanel()->isBusy());
    }
}

void TestOrderView::howToScanShownWithTheQrCode()
{
    startSimulatorAndQrOrder(manualOptions());
    if (QTest::currentTestFailed())
        return;
    auto *howTo = m_view->findChild<QLabel *>(QStringLiteral("howToScanLabel"));
    QVERIFY(howTo && howTo->isVisible());
    QVERIFY(howTo->text().contains(QStringLiteral("QR code icon")));
    scanAndWaitForUserSign();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(howTo->isHidden());
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
