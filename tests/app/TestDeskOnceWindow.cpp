// --once in process: a MainWindow in single-order mode and its OnceRun against a scripted BankID
// (ScriptedDeskFixture: real mutual TLS, answers we choose, a /cancel that answers late).
//
// Covers: Esc (the order's Cancel) and closing the window cancel the order at BankID and wait for the /cancel
// answer before OnceRun finishes with 4 (nothing on its output); a completion gives 0 and the identity object
// (the signature only with --with-evidence); a startFailed is reported (1), never restarted even with
// auto-restarts in the settings, and Try again starts no second order; the exit code of each failure kind.
#include "MainWindow.h"
#include "OnceRun.h"
#include "OrderView.h"
#include "ScriptedDeskFixture.h"
#include "SignTextPage.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace bankid;

class TestDeskOnceWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void operatorEndsTheOrder_data();
    void operatorEndsTheOrder();
    void completionPrintsTheIdentity_data();
    void completionPrintsTheIdentity();
    void startFailedIsNotRestarted();
    void signWaitsForTheOperatorsText();
    void exitCodeForEachFailure_data();
    void exitCodeForEachFailure();

private:
    /// A shown single-order window for --start auth --once, its OnceRun writing into m_output.
    void openOnceWindow(bool withEvidence = false, const QString &task = QStringLiteral("auth"));

    test::ScriptedDeskFixture m_desk;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<OnceRun> m_once;
    QBuffer m_output;
};

void TestDeskOnceWindow::initTestCase()
{
    bool skip = false;
    const QString error = m_desk.setUp(&skip);
    if (skip)
        QSKIP(qPrintable(error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDeskOnceWindow::init()
{
    // Resets the fixture's scripts and request count; its own (normal) window is not used.
    const QString error = m_desk.openWindow();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_desk.closeWindow();
    m_output.close();
    m_output.setData(QByteArray());
    QVERIFY(m_output.open(QIODevice::WriteOnly));
}

void TestDeskOnceWindow::cleanup()
{
    m_once.reset();
    if (m_window)
        m_window->close();
    m_window.reset();
    m_desk.setCancelDelayMs(0);
    m_desk.settings()->setAutoRestarts(AppSettings::DefaultAutoRestarts);
}

void TestDeskOnceWindow::cleanupTestCase()
{
    m_desk.tearDown();
}

void TestDeskOnceWindow::openOnceWindow(bool withEvidence, const QString &task)
{
    DeskOptions options;
    QStringList arguments{QStringLiteral("bankid-desk"), QStringLiteral("--start"), task,
                          QStringLiteral("--once"), QStringLiteral("--json")};
    if (withEvidence)
        arguments << QStringLiteral("--with-evidence");
    QVERIFY(options.parse(arguments).isEmpty());
    m_window = std::make_unique<MainWindow>(m_desk.connections(), m_desk.settings(), options);
    m_window->setUrlOpener(UrlOpener([](const QUrl &) { return true; }));
    QVERIFY(m_window->singleOrder());
    m_once = std::make_unique<OnceRun>(m_window.get(), m_desk.connections(), options, &m_output);
    m_window->resize(1100, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDeskOnceWindow::operatorEndsTheOrder_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("Esc") << QStringLiteral("esc");
    QTest::newRow("close the window") << QStringLiteral("close");
}

void TestDeskOnceWindow::operatorEndsTheOrder()
{
    QFETCH(QString, how);
    const int cancelDelayMs = 1500;
    m_desk.setCancelDelayMs(cancelDelayMs);
    openOnceWindow();
    QSignalSpy finished(m_once.get(), &OnceRun::finished);
    // --start auth started the order by itself.
    QVERIFY(QTest::qWaitFor([this] {
        return m_window->session() && m_window->session()->state() == OrderSession::State::Pending
            && !m_window->session()->hintCode().isEmpty();
    }, 15000));
    const QString orderRef = m_window->session()->orderRef();
    QCOMPARE(m_desk.requestsTo(QStringLiteral("auth")).size(), 1);

    // What had happened at BankID when OnceRun finished.
    int cancelsWhenFinished = -1;
    connect(m_once.get(), &OnceRun::finished, this, [&] { cancelsWhenFinished = int(m_desk.requestsTo(QStringLiteral("cancel")).size()); });
    QElapsedTimer timer;
    timer.start();
    if (how == QLatin1String("esc")) {
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window->orderView(), Qt::Key_Escape);
    } else {
        m_window->close();
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().first().toInt(), int(OnceRun::ClosedByOperator));
    QCOMPARE(m_once->exitCode(), std::optional<int>(OnceRun::ClosedByOperator));
    QCOMPARE(cancelsWhenFinished, 1);
    const QList<test::RecordedRequest> cancels = m_desk.requestsTo(QStringLiteral("cancel"));
    QCOMPARE(QJsonDocument::fromJson(cancels.first().body).object().value(QLatin1String("orderRef")).toString(), orderRef);
    // The /cancel answer came after cancelDelayMs: OnceRun waited for it.
    QVERIFY2(timer.elapsed() >= cancelDelayMs - 100, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!m_window->isVisible());
    QVERIFY2(m_output.data().isEmpty(), m_output.data().constData());
    QCOMPARE(m_desk.requestsTo(QStringLiteral("auth")).size(), 1);
}

void TestDeskOnceWindow::completionPrintsTheIdentity_data()
{
    QTest::addColumn<bool>("withEvidence");
    QTest::newRow("identity") << false;
    QTest::newRow("with-evidence") << true;
}

void TestDeskOnceWindow::completionPrintsTheIdentity()
{
    QFETCH(bool, withEvidence);
    m_desk.script(QStringLiteral("collect"), [](const QJsonObject &body) {
        return test::ScriptedDeskFixture::complete(body, QStringLiteral("low"));
    });
    openOnceWindow(withEvidence);
    QSignalSpy finished(m_once.get(), &OnceRun::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().first().toInt(), int(OnceRun::Verified));
    QVERIFY(m_output.data().endsWith('\n'));
    QCOMPARE(m_output.data().count('\n'), 1);
    const QJsonObject json = QJsonDocument::fromJson(m_output.data()).object();
    QCOMPARE(json.value(QLatin1String("personalNumber")).toString(), QStringLiteral("199001012385"));
    QCOMPARE(json.value(QLatin1String("name")).toString(), QStringLiteral("Karl Karlsson"));
    QCOMPARE(json.value(QLatin1String("givenName")).toString(), QStringLiteral("Karl"));
    QCOMPARE(json.value(QLatin1String("surname")).toString(), QStringLiteral("Karlsson"));
    QCOMPARE(json.value(QLatin1String("flow")).toString(), QStringLiteral("auth"));
    QCOMPARE(json.value(QLatin1String("environment")).toString(), QStringLiteral("custom"));
    QCOMPARE(json.value(QLatin1String("orderRef")).toString(),
             QJsonDocument::fromJson(m_desk.requestsTo(QStringLiteral("collect")).last().body).object().value(QLatin1String("orderRef")).toString());
    QVERIFY(json.value(QLatin1String("completedAt")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(json.value(QLatin1String("signature")).toString(), withEvidence ? QStringLiteral("PHNpZ25hdHVyZS8+") : QString());
    QCOMPARE(json.value(QLatin1String("ocspResponse")).toString(), withEvidence ? QStringLiteral("MAo=") : QString());
    QCOMPARE(json.contains(QLatin1String("signature")), withEvidence);
}

void TestDeskOnceWindow::startFailedIsNotRestarted()
{
    m_desk.settings()->setAutoRestarts(2); // applies to the desk, never to --once
    m_desk.script(QStringLiteral("collect"), [](const QJsonObject &body) {
        return test::ScriptedDeskFixture::failed(body, QStringLiteral("startFailed"));
    });
    openOnceWindow();
    QSignalSpy finished(m_once.get(), &OnceRun::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().first().toInt(), int(OnceRun::Failed));
    const QJsonObject json = QJsonDocument::fromJson(m_output.data()).object();
    QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(json.value(QLatin1String("hintCode")).toString(), QStringLiteral("startFailed"));
    QVERIFY(!json.value(QLatin1String("orderRef")).toString().isEmpty());

    // Try again (and a start-method switch) would be a second order: nothing goes out.
    emit m_window->orderView()->retryRequested();
    emit m_window->orderView()->switchStartMethodRequested(StartMethod::SameDevice);
    QTest::qWait(500);
    QCOMPARE(m_desk.requestsTo(QStringLiteral("auth")).size(), 1);
    QCOMPARE(finished.size(), 1);
}

// --start sign --once: the Sign text page waits for the operator's text; its Sign starts the one order, and
// the identity comes out with flow "sign".
void TestDeskOnceWindow::signWaitsForTheOperatorsText()
{
    m_desk.script(QStringLiteral("collect"), [](const QJsonObject &body) {
        return test::ScriptedDeskFixture::complete(body, QStringLiteral("low"));
    });
    openOnceWindow(false, QStringLiteral("sign"));
    QSignalSpy finished(m_once.get(), &OnceRun::finished);
    QTRY_COMPARE(m_window->currentPage(), static_cast<QWidget *>(m_window->signTextPage()));
    QTest::qWait(300);
    QCOMPARE(m_desk.requestsTo(QStringLiteral("sign")).size(), 0);
    auto *text = m_window->signTextPage()->findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"));
    auto *sign = m_window->signTextPage()->findChild<QPushButton *>(QStringLiteral("signPushButton"));
    QVERIFY(text && sign);
    text->setPlainText(QStringLiteral("I accept the terms of ticket 4711."));
    QTRY_VERIFY(sign->isEnabled());
    sign->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(finished.first().first().toInt(), int(OnceRun::Verified));
    const QJsonObject json = QJsonDocument::fromJson(m_output.data()).object();
    QCOMPARE(json.value(QLatin1String("flow")).toString(), QStringLiteral("sign"));
    QCOMPARE(json.value(QLatin1String("personalNumber")).toString(), QStringLiteral("199001012385"));
    QCOMPARE(m_desk.requestsTo(QStringLiteral("sign")).size(), 1);
}

void TestDeskOnceWindow::exitCodeForEachFailure_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("errorKind");
    QTest::addColumn<int>("exitCode");
    using K = RpError::Kind;
    QTest::newRow("hintCode") << int(OrderFailure::Kind::HintCode) << int(K::None) << int(OnceRun::Failed);
    QTest::newRow("deadline") << int(OrderFailure::Kind::Deadline) << int(K::None) << int(OnceRun::Failed);
    QTest::newRow("risk blocked") << int(OrderFailure::Kind::RiskBlocked) << int(K::None) << int(OnceRun::Failed);
    QTest::newRow("api") << int(OrderFailure::Kind::Error) << int(K::Api) << int(OnceRun::Failed);
    QTest::newRow("invalid response") << int(OrderFailure::Kind::Error) << int(K::InvalidResponse) << int(OnceRun::Failed);
    QTest::newRow("configuration") << int(OrderFailure::Kind::Error) << int(K::Configuration) << int(OnceRun::Usage);
    QTest::newRow("timeout") << int(OrderFailure::Kind::Error) << int(K::Timeout) << int(OnceRun::Network);
    QTest::newRow("connection") << int(OrderFailure::Kind::Error) << int(K::Connection) << int(OnceRun::Network);
    QTest::newRow("server certificate") << int(OrderFailure::Kind::Error) << int(K::ServerCertificateUntrusted) << int(OnceRun::Network);
    QTest::newRow("client certificate") << int(OrderFailure::Kind::Error) << int(K::ClientCertificateRejected) << int(OnceRun::Network);
    QTest::newRow("tls") << int(OrderFailure::Kind::Error) << int(K::Tls) << int(OnceRun::Network);
}

void TestDeskOnceWindow::exitCodeForEachFailure()
{
    QFETCH(int, kind);
    QFETCH(int, errorKind);
    QFETCH(int, exitCode);
    OrderFailure failure;
    failure.kind = OrderFailure::Kind(kind);
    switch (RpError::Kind(errorKind)) {
    case RpError::Kind::None:
        break;
    case RpError::Kind::Configuration:
        failure.error = RpError::configuration(QStringLiteral("no CA"));
        break;
    default: {
        RpError::Outcome outcome;
        outcome.endpoint = QStringLiteral("auth");
        switch (RpError::Kind(errorKind)) {
        case RpError::Kind::Api:
            outcome.httpStatus = 400;
            outcome.body = R"({"errorCode":"invalidParameters","details":"x"})";
            break;
        case RpError::Kind::InvalidResponse:
            outcome.httpStatus = 200;
            outcome.body = "not json";
            break;
        case RpError::Kind::Timeout:
            outcome.networkError = QNetworkReply::TimeoutError;
            outcome.deadlineExceeded = true;
            outcome.requestDeadlineMs = 1000;
            break;
        case RpError::Kind::Connection:
            outcome.networkError = QNetworkReply::ConnectionRefusedError;
            break;
        case RpError::Kind::ServerCertificateUntrusted:
            outcome.networkError = QNetworkReply::SslHandshakeFailedError;
            outcome.sslErrors = {QSslError(QSslError::UnableToGetLocalIssuerCertificate)};
            break;
        case RpError::Kind::ClientCertificateRejected:
            outcome.networkError = QNetworkReply::SslHandshakeFailedError;
            outcome.networkErrorString = QStringLiteral("error:0A000418:SSL routines::tlsv1 alert unknown ca");
            break;
        case RpError::Kind::Tls:
            outcome.networkError = QNetworkReply::SslHandshakeFailedError;
            outcome.networkErrorString = QStringLiteral("error:0A000102:SSL routines::unsupported protocol");
            break;
        default:
            break;
        }
        failure.error = RpError::fromExchange(outcome);
        QCOMPARE(int(failure.error.kind()), errorKind);
    }
    }
    QCOMPARE(int(OnceRun::exitCodeFor(failure)), exitCode);
}

QTEST_MAIN(TestDeskOnceWindow)
#include "TestDeskOnceWindow.moc"
