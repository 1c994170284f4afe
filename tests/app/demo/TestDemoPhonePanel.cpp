// DemoPhonePanel, the demonstrator's simulated BankID app, against a real in-process simulator and a real
// OrderSession shown by an OrderView: "Scan QR code" decodes the pixels of the QR widget as shown (a code
// too small to read is refused even though its content is valid), the order moves on; three wrong codes
// end in certificateErr; a phone order is answered and declined; faults are injected and cleared; buttons
// are enabled only when they make sense.
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "DemoPhonePanel.h"
#include "DemoPhoneSignerText.h"
#include "Order.h"
#include "OrderSession.h"
#include "OrderView.h"
#include "QrCodeWidget.h"
#include "Screenshots.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"
#include "TestPerson.h"
#include "Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTextDocument>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace bankid;
using bankid::sim::UserMode;

namespace {

constexpr int FlowTimeoutMs = 15000;

} // namespace

class TestDemoPhonePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void buttonsDisabledWithoutOrder();
    void scanDecodesShownPixels();
    void unreadableQrIsRefused();
    void wrongCodeThreeTimesIsCertificateErr();
    void phoneOrderDeclined();
    void injectAndClearFaults_data();
    void injectAndClearFaults();
    void actAutomatically();
    void personListUsableAfterPhoneOrder();
    void staleClickIsRefused();
    void signerTextShownWhilePickedUp();
    void signerTextRendersMarkdown();
    void compactPanelFitsLaptop();
    void screenshots();

private:
    void startOrder(Flow flow, StartMethod method);
    QPushButton *button(const char *name) const;

    test::SimulatorFixture m_fixture;
    SteadyClock m_clock;
    std::unique_ptr<OrderSession> m_session;
    std::unique_ptr<QWidget> m_window;
    OrderView *m_view = nullptr;
    DemoPhonePanel *m_panel = nullptr;
};

void TestDemoPhonePanel::initTestCase()
{
    qRegisterMetaType<OrderSession::State>();
    qRegisterMetaType<OrderFailure>();
    qRegisterMetaType<Rfa>();
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
}

void TestDemoPhonePanel::init()
{
    sim::SimulatorOptions options = m_fixture.manualOptions();
    options.startedDurationMs = 300;
    const QString error = m_fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_session = std::make_unique<OrderSession>(m_fixture.client(), &m_clock);

    // The desk as the main window composes it: the order view and, beside it, the phone.
    m_window = std::make_unique<QWidget>();
    auto *layout = new QHBoxLayout(m_window.get());
    m_view = new OrderView(m_window.get());
    m_panel = new DemoPhonePanel(m_fixture.simulator(), m_window.get());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_panel);
    m_panel->setQrSource(m_view->qrWidget());
    m_window->resize(980, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDemoPhonePanel::cleanup()
{
    Translations::remove();
    m_window.reset();
    m_view = nullptr;
    m_panel = nullptr;
    m_session.reset();
    m_fixture.stop();
}

QPushButton *TestDemoPhonePanel::button(const char *name) const
{
    return m_panel->findChild<QPushButton *>(QLatin1String(name));
}

void TestDemoPhonePanel::startOrder(Flow flow, StartMethod method)
{
    OrderRequest request;
    request.flow = flow;
    if (isPhoneFlow(flow)) {
        request.personalNumber = sim::TestPerson::builtIn().at(1).personalNumber;
        request.callInitiator = CallInitiator::RP;
    } else {
        request.endUserIp = QStringLiteral("192.0.2.10");
    }
    if (flow == Flow::Sign || flow == Flow::PhoneSign) {
        request.userVisibleData =
            QStringLiteral("# Flytt av sparkonto\nJag godkänner *flytten* av mitt sparkonto.").toUtf8();
        request.userVisibleDataIsMarkdown = true;
    }
    OrderSession::Options options;
    options.startMethod = method;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    m_view->attach(m_session.get(), QStringLiteral("Demo"));
    // The main window tells the phone about each order once it is out.
    connect(m_session.get(), &OrderSession::stateChanged, m_panel, [this, method](OrderSession::State state) {
        if (state == OrderSession::State::Pending)
            m_panel->setOrder(m_session->orderRef(), m_session->autoStartToken(), method);
    });
    m_session->start(request, options);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Pending, FlowTimeoutMs);
    if (method == StartMethod::QrCode)
        QTRY_VERIFY_WITH_TIMEOUT(m_view->qrWidget()->isVisible() && !m_view->qrWidget()->content().isEmpty(),
                                 FlowTimeoutMs);
}

void TestDemoPhonePanel::buttonsDisabledWithoutOrder()
{
    for (const char *name : {"scanPushButton", "openPushButton", "confirmCallPushButton", "approvePushButton",
                             "cancelInAppPushButton", "wrongCodePushButton", "declinePushButton"}) {
        QPushButton *b = button(name);
        QVERIFY2(b, name);
        QVERIFY2(!b->isEnabled(), name);
        QVERIFY2(!b->accessibleName().isEmpty(), name);
    }
    QVERIFY(button("injectPushButton")->isEnabled());
    auto *persons = m_panel->findChild<QComboBox *>(QStringLiteral("personComboBox"));
    QCOMPARE(persons->count(), sim::TestPerson::builtIn().size());
    // The demo list never shows a full personal number.
    QVERIFY(!persons->itemText(0).contains(sim::TestPerson::builtIn().first().personalNumber));
}

void TestDemoPhonePanel::scanDecodesShownPixels()
{
    startOrder(Flow::Auth, StartMethod::QrCode);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(button("scanPushButton")->isEnabled());
    QVERIFY(!button("openPushButton")->isEnabled()); // one start method per order
    QVERIFY(!button("approvePushButton")->isEnabled());

    // Pick another test person: the completion must name them.
    auto *persons = m_panel->findChild<QComboBox *>(QStringLiteral("personComboBox"));
    persons->setCurrentIndex(2);
    const QString expectedSigner = sim::TestPerson::builtIn().at(2).personalNumber;

    QSignalSpy acted(m_panel, &DemoPhonePanel::acted);
    QTest::mouseClick(button("scanPushButton"), Qt::LeftButton);
    QCOMPARE(acted.count(), 1);
    QVERIFY2(acted.first().first().toString().contains(QStringLiteral("accepted")),
             qPrintable(acted.first().first().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_session->hintCode(), QStringLiteral("userSign"), FlowTimeoutMs);
    QVERIFY(m_view->qrWidget()->isHidden());
    QTRY_VERIFY(button("approvePushButton")->isEnabled());
    QVERIFY(!button("scanPushButton")->isEnabled());

    QTest::mouseClick(button("approvePushButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Complete, FlowTimeoutMs);
    QCOMPARE(m_session->completion()->personalNumber, expectedSigner);
    QVERIFY(m_panel->logText().contains(QStringLiteral("complete")));
    QVERIFY(!button("approvePushButton")->isEnabled());
}

void TestDemoPhonePanel::unreadableQrIsRefused()
{
    startOrder(Flow::Auth, StartMethod::QrCode);
    if (QTest::currentTestFailed())
        return;
    // The content is valid, but a 12-pixel code cannot be read from its pixels: the phone must fail too.
    QrCodeWidget tiny;
    tiny.setContent(m_view->qrWidget()->content());
    tiny.resize(12, 12);
    tiny.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tiny));
    m_panel->setQrSource(&tiny);
    QSignalSpy acted(m_panel, &DemoPhonePanel::acted);
    QTest::mouseClick(button("scanPushButton"), Qt::LeftButton);
    QCOMPARE(acted.count(), 1);
    QVERIFY2(acted.first().first().toString().contains(QStringLiteral("no readable QR code")),
             qPrintable(acted.first().first().toString()));
    QCOMPARE(m_session->state(), OrderSession::State::Pending);
    QVERIFY(m_session->hintCode().isEmpty() || m_session->hintCode() == QLatin1String("outstandingTransaction"));

    // The same code at a readable size is accepted.
    tiny.resize(240, 240);
    tiny.setContent(QString());
    tiny.setContent(m_view->qrWidget()->content());
    QTest::mouseClick(button("scanPushButton"), Qt::LeftButton);
    QCOMPARE(acted.count(), 2);
    QVERIFY2(acted.last().first().toString().contains(QStringLiteral("accepted")), qPrintable(acted.last().first().toString()));
    m_panel->setQrSource(m_view->qrWidget());
}

void TestDemoPhonePanel::wrongCodeThreeTimesIsCertificateErr()
{
    startOrder(Flow::Sign, StartMethod::QrCode);
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(button("scanPushButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(button("wrongCodePushButton")->isEnabled(), FlowTimeoutMs);
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(button("wrongCodePushButton")->isEnabled(), qPrintable(QString::number(i)));
        QTest::mouseClick(button("wrongCodePushButton"), Qt::LeftButton);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Failed, FlowTimeoutMs);
    QCOMPARE(m_session->failure()->hintCode, QStringLiteral("certificateErr"));
    QCOMPARE(m_view->currentRfa(), Rfa::Rfa16);
    QVERIFY(!button("wrongCodePushButton")->isEnabled());
    QVERIFY(m_panel->logText().contains(QStringLiteral("certificateErr")));
}

void TestDemoPhonePanel::phoneOrderDeclined()
{
    startOrder(Flow::PhoneAuth, StartMethod::Phone);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!button("scanPushButton")->isEnabled());
    QVERIFY(button("openPushButton")->isEnabled());
    QVERIFY(!button("declinePushButton")->isEnabled());
    QTest::mouseClick(button("openPushButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(button("declinePushButton")->isEnabled(), FlowTimeoutMs);
    QVERIFY(button("confirmCallPushButton")->isEnabled());
    QTest::mouseClick(button("declinePushButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Failed, FlowTimeoutMs);
    QCOMPARE(m_session->failure()->hintCode, QStringLiteral("userDeclinedCall"));
}

void TestDemoPhonePanel::injectAndClearFaults_data()
{
    QTest::addColumn<int>("endpointIndex");
    QTest::addColumn<int>("kindIndex");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("spec");
    QTest::newRow("collect_503_twice") << 3 << 0 << 2 << QStringLiteral("collect:503:count=2");
    QTest::newRow("auth_html_once") << 0 << 4 << 1 << QStringLiteral("auth:html:count=1");
    QTest::newRow("all_delay_unlimited") << 5 << 7 << 0 << QStringLiteral("*:delay=3000");
}

void TestDemoPhonePanel::injectAndClearFaults()
{
    QFETCH(int, endpointIndex);
    QFETCH(int, kindIndex);
    QFETCH(int, count);
    QFETCH(QString, spec);
    m_panel->findChild<QComboBox *>(QStringLiteral("endpointComboBox"))->setCurrentIndex(endpointIndex);
    m_panel->findChild<QComboBox *>(QStringLiteral("kindComboBox"))->setCurrentIndex(kindIndex);
    m_panel->findChild<QSpinBox *>(QStringLiteral("countSpinBox"))->setValue(count);
    QSignalSpy acted(m_panel, &DemoPhonePanel::acted);
    QTest::mouseClick(button("injectPushButton"), Qt::LeftButton);
    QCOMPARE(acted.count(), 1);
    const QJsonArray faults = m_fixture.simulator()->faults();
    QCOMPARE(faults.size(), 1);
    QString error;
    const auto expected = sim::FaultRule::parse(spec, &error);
    QVERIFY2(expected, qPrintable(error));
    const QJsonObject fault = faults.first().toObject();
    QCOMPARE(fault.value(QLatin1String("spec")).toString(), expected->toSpec());
    QVERIFY(acted.first().first().toString().contains(spec));

    QTest::mouseClick(button("clearFaultsPushButton"), Qt::LeftButton);
    QCOMPARE(m_fixture.simulator()->faults().size(), 0);
    QVERIFY(acted.last().first().toString().contains(QStringLiteral("1")));
}

void TestDemoPhonePanel::actAutomatically()
{
    auto *automatic = m_panel->findChild<QCheckBox *>(QStringLiteral("automaticCheckBox"));
    QVERIFY(automatic);
    QVERIFY(!automatic->isChecked());
    QCOMPARE(m_fixture.simulator()->orderBook()->userMode(), UserMode::Manual);
    automatic->setChecked(true);
    QCOMPARE(m_fixture.simulator()->orderBook()->userMode(), UserMode::Auto);
    automatic->setChecked(false);
    QCOMPARE(m_fixture.simulator()->orderBook()->userMode(), UserMode::Manual);
}

void TestDemoPhonePanel::personListUsableAfterPhoneOrder()
{
    auto *persons = m_panel->findChild<QComboBox *>(QStringLiteral("personComboBox"));
    QVERIFY(persons->isEnabled());
    startOrder(Flow::PhoneAuth, StartMethod::Phone);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!persons->isEnabled()); // the phone order names its person
    QTest::mouseClick(button("openPushButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(button("declinePushButton")->isEnabled(), FlowTimeoutMs);
    QTest::mouseClick(button("declinePushButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Failed, FlowTimeoutMs);
    // Ended, still shown as the panel's last order: the next (QR) order's person can be chosen.
    QTRY_VERIFY_WITH_TIMEOUT(persons->isEnabled(), FlowTimeoutMs);
    // As the main window does when the session ends: still usable.
    m_panel->setOrder({}, {}, StartMethod::Phone);
    QVERIFY(persons->isEnabled());
}

void TestDemoPhonePanel::staleClickIsRefused()
{
    startOrder(Flow::Auth, StartMethod::QrCode);
    if (QTest::currentTestFailed())
        return;
    QTest::mouseClick(button("scanPushButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(button("approvePushButton")->isEnabled(), FlowTimeoutMs);

    // The order ends while the panel has not heard of it yet (its signal still on the way): Approve is
    // still enabled, and a click on it must not count as an approval.
    const QByteArray orderRef = m_session->orderRef().toUtf8();
    m_fixture.simulator()->blockSignals(true);
    QVERIFY(m_fixture.simulator()->userCancel(orderRef).ok);
    m_fixture.simulator()->blockSignals(false);
    QVERIFY(button("approvePushButton")->isEnabled());
    QSignalSpy acted(m_panel, &DemoPhonePanel::acted);
    QTest::mouseClick(button("approvePushButton"), Qt::LeftButton);
    QCOMPARE(acted.count(), 1);
    const QString line = acted.first().first().toString();
    QVERIFY2(line.contains(QStringLiteral("refused")) && line.contains(QStringLiteral("userCancel")), qPrintable(line));
    QVERIFY(!m_panel->logText().contains(QStringLiteral("approved")));
    QVERIFY(!button("approvePushButton")->isEnabled()); // the panel caught up
    QCOMPARE(m_fixture.simulator()->orderBook()->find(orderRef)->failedHint, QByteArrayLiteral("userCancel"));

    // With no order at all (the desk ended the session), a click that still arrives is refused too.
    m_panel->setOrder({}, {}, StartMethod::QrCode);
    emit button("wrongCodePushButton")->clicked(false);
    QCOMPARE(acted.count(), 2);
    QVERIFY2(acted.last().first().toString().contains(QStringLiteral("refused")),
             qPrintable(acted.last().first().toString()));
    QVERIFY(!m_panel->logText().contains(QStringLiteral("Entered a wrong security code")));
}

void TestDemoPhonePanel::signerTextShownWhilePickedUp()
{
    startOrder(Flow::Sign, StartMethod::QrCode);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_panel->signerText().isEmpty()); // not picked up: the app shows nothing yet
    QTest::mouseClick(button("scanPushButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(button("approvePushButton")->isEnabled(), FlowTimeoutMs);
    const QString shown = m_panel->signerText();
    for (const char *word : {"Flytt av sparkonto", "godkänner", "flytten", "sparkonto"})
        QVERIFY2(shown.contains(QString::fromUtf8(word)), qPrintable(shown));
    QVERIFY2(!shown.contains(QLatin1Char('#')) && !shown.contains(QLatin1Char('*')), qPrintable(shown)); // rendered
    auto *browser = m_panel->findChild<QWidget *>(QStringLiteral("signerTextBrowser"));
    QVERIFY(browser->isVisible());
    QVERIFY(browser->focusPolicy() & Qt::TabFocus);
    test::saveScreenshot(m_window.get(), QStringLiteral("DemoPhonePanel-signer-text-en.png"));
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY(m_panel->signerText().contains(QStringLiteral("godkänner")));
    test::saveScreenshot(m_window.get(), QStringLiteral("DemoPhonePanel-signer-text-sv.png"));

    QTest::mouseClick(button("approvePushButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), OrderSession::State::Complete, FlowTimeoutMs);
    QTRY_VERIFY(m_panel->signerText().isEmpty());
}

void TestDemoPhonePanel::signerTextRendersMarkdown()
{
    sim::Order order;
    order.request.kind = sim::OrderKind::Sign;
    order.request.userVisibleData = QStringLiteral("# Avtal\nJag godkänner *villkoren*.").toUtf8().toBase64();
    order.request.userVisibleDataIsMarkdown = true;
    QTextDocument document;
    document.setHtml(DemoPhoneSignerText::toHtml(order));
    const QString rendered = document.toPlainText();
    QVERIFY2(rendered.contains(QStringLiteral("Avtal")) && rendered.contains(QStringLiteral("villkoren")),
             qPrintable(rendered));
    QVERIFY2(!rendered.contains(QLatin1Char('#')) && !rendered.contains(QLatin1Char('*')), qPrintable(rendered));
    QVERIFY(rendered.startsWith(QStringLiteral("Sign"))); // the app's heading first

    // Without the format the app shows the text literally.
    order.request.userVisibleDataIsMarkdown = false;
    document.setHtml(DemoPhoneSignerText::toHtml(order));
    QVERIFY(document.toPlainText().contains(QStringLiteral("*villkoren*")));

    // A login: "Log in" heading.
    order.request.kind = sim::OrderKind::Auth;
    order.request.userVisibleData.clear();
    QVERIFY(DemoPhoneSignerText::heading(order).startsWith(QStringLiteral("Log in")));
}

void TestDemoPhonePanel::compactPanelFitsLaptop()
{
    // 1366 px at 150 % leaves ~910 logical px for the whole window: the panel must stay narrow.
    auto *toggle = m_panel->findChild<QToolButton *>(QStringLiteral("compactToolButton"));
    QVERIFY(toggle);
    QVERIFY(toggle->focusPolicy() & Qt::TabFocus);
    QSignalSpy compactChanged(m_panel, &DemoPhonePanel::compactChanged);
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        const QString suffix = language == QLocale::Swedish ? QStringLiteral("-sv") : QStringLiteral("-en");
        m_panel->setCompact(false);
        const int fullWidth = m_panel->minimumSizeHint().width();
        QVERIFY2(fullWidth <= 380, qPrintable(QString::number(fullWidth)));
        toggle->click();
        QVERIFY(m_panel->isCompact());
        QVERIFY(!compactChanged.isEmpty() && compactChanged.last().first().toBool()); // the dock may narrow
        QVERIFY(m_panel->findChild<QWidget *>(QStringLiteral("logPlainTextEdit"))->isHidden());
        const int compactWidth = m_panel->minimumSizeHint().width();
        QVERIFY2(compactWidth <= 300, qPrintable(QString::number(compactWidth)));
        QVERIFY(button("approvePushButton")->isVisibleTo(m_panel));
        test::saveScreenshot(m_panel, QStringLiteral("DemoPhonePanel-compact") + suffix + QStringLiteral(".png"));
        toggle->click();
        QVERIFY(!m_panel->isCompact());
        QVERIFY(!m_panel->findChild<QWidget *>(QStringLiteral("logPlainTextEdit"))->isHidden());
        qInfo("demo phone minimum width%s: full %d, compact %d", qPrintable(suffix), fullWidth, compactWidth);
    }
}

void TestDemoPhonePanel::screenshots()
{
    startOrder(Flow::Auth, StartMethod::QrCode);
    if (QTest::currentTestFailed())
        return;
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(m_panel, language == QLocale::Swedish ? QStringLiteral("DemoPhonePanel-sv.png")
                                                             : QStringLiteral("DemoPhonePanel-en.png"));
    }
}

QTEST_MAIN(TestDemoPhonePanel)
#include "TestDemoPhonePanel.moc"
