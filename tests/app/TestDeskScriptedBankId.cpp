// The desk (MainWindow, as the app composes it) against a scripted BankID over real mutual TLS, for what
// the simulator does not answer: returnRisk in the bodies the server receives, risk "high" and
// transactionRiskBlocked shown as a blocked failure (and no receipt for a blocked document order), an order
// request whose connection closes unanswered (state unknown: RFA5 with the technical detail), a /cancel
// that outlives the client the settings dialog replaces, and a window close that waits for a slow /cancel.
#include "AuditEntry.h"
#include "AuditRecorder.h"
#include "CallerPage.h"
#include "DeskLoginPage.h"
#include "MainWindow.h"
#include "MinimalPdf.h"
#include "OrderView.h"
#include "Receipt.h"
#include "ResultView.h"
#include "RiskBlockedNotice.h"
#include "RpCall.h"
#include "RpClient.h"
#include "ScriptedDeskFixture.h"
#include "SettingsDialog.h"
#include "SignDocumentPage.h"
#include "SignTextPage.h"
#include "UserMessages.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace bankid;

namespace {

/// Long enough that a /cancel is still unanswered while the test acts (and longer than the 2 s the window
/// used to wait on close), short against the 20 s request deadline.
constexpr int SlowCancelMs = 3000;

} // namespace

class TestDeskScriptedBankId : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void returnRiskInEveryOrder_data();
    void returnRiskInEveryOrder();
    void riskBlockedIsAFailure_data();
    void riskBlockedIsAFailure();
    void orderStateUnknownShowsRfa5WithDetails();
    void cancelSurvivesTheSettingsReplacingTheClient();
    void closeWaitsForTheCancelAnswer();

private:
    /// Starts the order a task page's button starts: "login", "signText", "document" or "phone".
    void startFromPage(const QString &task);
    QString documentPath() const { return QDir(m_desk.directory()).filePath(QStringLiteral("contract.pdf")); }

    test::ScriptedDeskFixture m_desk;
};

void TestDeskScriptedBankId::initTestCase()
{
    qRegisterMetaType<test::RecordedRequest>();
    bool skip = false;
    const QString error = m_desk.setUp(&skip);
    if (skip)
        QSKIP(qPrintable(error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDeskScriptedBankId::cleanupTestCase()
{
    m_desk.tearDown();
}

void TestDeskScriptedBankId::init()
{
    const QString error = m_desk.openWindow();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestDeskScriptedBankId::cleanup()
{
    m_desk.closeWindow();
}

void TestDeskScriptedBankId::startFromPage(const QString &task)
{
    MainWindow *window = m_desk.window();
    if (task == QLatin1String("login")) {
        window->showTask(MainWindow::Task::Login);
        QTest::mouseClick(window->loginPage()->findChild<QPushButton *>(QStringLiteral("loginPushButton")), Qt::LeftButton);
    } else if (task == QLatin1String("signText")) {
        window->showTask(MainWindow::Task::Sign);
        window->signTextPage()->findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))
            ->setPlainText(QStringLiteral("I accept the terms of loan 4711"));
        QTest::mouseClick(window->signTextPage()->findChild<QPushButton *>(QStringLiteral("signPushButton")), Qt::LeftButton);
    } else if (task == QLatin1String("document")) {
        QVERIFY(test::writeFile(documentPath(), test::minimalPdf("Contract 4711")));
        QFile::remove(Receipt::defaultPathFor(documentPath()));
        window->showTask(MainWindow::Task::Document);
        SignDocumentPage *page = window->signDocumentPage();
        QSignalSpy hashed(page, &SignDocumentPage::digestFinished);
        page->setDocument(documentPath());
        QTRY_VERIFY_WITH_TIMEOUT(hashed.count() > 0, 10000);
        QVERIFY2(page->canStart(), qPrintable(page->statusText()));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("signPushButton")), Qt::LeftButton);
    } else if (task == QLatin1String("phone")) {
        window->showTask(MainWindow::Task::Caller);
        QTest::keyClicks(window->callerPage()->findChild<QLineEdit *>(QStringLiteral("personalNumberLineEdit")),
                         QStringLiteral("198506155129"));
        QTest::mouseClick(window->callerPage()->findChild<QPushButton *>(QStringLiteral("startPushButton")), Qt::LeftButton);
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown task ") + task));
    }
}

void TestDeskScriptedBankId::returnRiskInEveryOrder_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<bool>("setting");
    QTest::addColumn<bool>("sent");
    QTest::newRow("login") << QStringLiteral("login") << QStringLiteral("auth") << true << true;
    QTest::newRow("sign_text") << QStringLiteral("signText") << QStringLiteral("sign") << true << true;
    QTest::newRow("sign_document") << QStringLiteral("document") << QStringLiteral("sign") << true << true;
    // /phone/auth does not accept returnRisk (api digest §2; the core refuses to send it).
    QTest::newRow("identify_caller_phone") << QStringLiteral("phone") << QStringLiteral("phone/auth") << true << false;
    QTest::newRow("login_setting_off") << QStringLiteral("login") << QStringLiteral("auth") << false << false;
}

void TestDeskScriptedBankId::returnRiskInEveryOrder()
{
    QFETCH(QString, task);
    QFETCH(QString, endpoint);
    QFETCH(bool, setting);
    QFETCH(bool, sent);
    m_desk.settings()->setReturnRisk(setting);
    startFromPage(task);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!m_desk.waitPending().isEmpty());
    const QList<test::RecordedRequest> orders = m_desk.requestsTo(endpoint);
    QCOMPARE(orders.size(), 1);
    const QByteArray body = orders.first().body;
    QCOMPARE(body.contains("\"returnRisk\":true"), sent);
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    QCOMPARE(json.contains(QStringLiteral("returnRisk")), sent);
}

void TestDeskScriptedBankId::riskBlockedIsAFailure_data()
{
    QTest::addColumn<QString>("task");
    QTest::addColumn<QString>("answer");
    QTest::newRow("login_risk_high") << QStringLiteral("login") << QStringLiteral("risk high");
    QTest::newRow("login_transactionRiskBlocked") << QStringLiteral("login") << QStringLiteral("transactionRiskBlocked");
    QTest::newRow("sign_document_risk_high") << QStringLiteral("document") << QStringLiteral("risk high");
}

void TestDeskScriptedBankId::riskBlockedIsAFailure()
{
    QFETCH(QString, task);
    QFETCH(QString, answer);
    const bool riskHigh = answer == QLatin1String("risk high");
    const QStringList fallbackReceiptsBefore = QDir(MainWindow::receiptFallbackDir()).entryList(QDir::Files);
    m_desk.script(QStringLiteral("collect"), [riskHigh](const QJsonObject &body) {
        return riskHigh ? test::ScriptedDeskFixture::complete(body, QStringLiteral("high"))
                        : test::ScriptedDeskFixture::failed(body, QStringLiteral("transactionRiskBlocked"));
    });
    QSignalSpy audited(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);
    startFromPage(task);
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = m_desk.window();
    QTRY_VERIFY_WITH_TIMEOUT(window->session() && !window->session()->isActive(), 15000);
    QCOMPARE(window->session()->state(), OrderSession::State::Failed);
    QVERIFY(window->session()->failure()->isRiskBlocked());
    QCOMPARE(audited.count(), 1);
    const auto entry = audited.first().first().value<AuditEntry>();
    QCOMPARE(entry.outcome, AuditEntry::Outcome::Failed);
    QCOMPARE(entry.outcomeDetail, riskHigh ? QStringLiteral("risk:high") : QStringLiteral("transactionRiskBlocked"));
    if (riskHigh)
        QCOMPARE(window->session()->failure()->kind, OrderFailure::Kind::RiskBlocked);

    // A failure in the order view, not a result: the blocked notice, no Try again that would hide it.
    QCOMPARE(window->currentPage(), window->orderView());
    QCOMPARE(window->orderView()->messageText(), RiskBlockedNotice::text());
    auto *retry = window->orderView()->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
    QVERIFY(retry && !retry->isVisible());
    auto *details = window->orderView()->findChild<QToolButton *>(QStringLiteral("detailsToolButton"));
    QVERIFY(details && details->isVisible());
    QVERIFY(!window->resultView()->isTrusted());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled());
    if (task == QLatin1String("document")) {
        QVERIFY2(!QFile::exists(Receipt::defaultPathFor(documentPath())), "no receipt for a blocked order");
        QCOMPARE(QDir(MainWindow::receiptFallbackDir()).entryList(QDir::Files), fallbackReceiptsBefore);
    }
}

void TestDeskScriptedBankId::orderStateUnknownShowsRfa5WithDetails()
{
    // The /auth request arrives and the connection closes without an answer: BankID may have created the
    // order. The core does not send it again and reports the order's state as unknown.
    m_desk.script(QStringLiteral("auth"), [](const QJsonObject &) {
        test::CannedResponse drop;
        drop.closeWithoutAnswer = true;
        return drop;
    });
    startFromPage(QStringLiteral("login"));
    MainWindow *window = m_desk.window();
    QTRY_VERIFY_WITH_TIMEOUT(window->session() && !window->session()->isActive(), 15000);
    QCOMPARE(window->session()->state(), OrderSession::State::Failed);
    const OrderFailure failure = *window->session()->failure();
    QVERIFY(failure.orderStateUnknown);
    QCOMPARE(failure.rfa, Rfa::Rfa5);
    QCOMPARE(m_desk.requestsTo(QStringLiteral("auth")).size(), 1); // not sent twice

    OrderView *view = window->orderView();
    QCOMPARE(view->currentRfa(), Rfa::Rfa5);
    QCOMPARE(view->messageText(), UserMessages::text(Rfa::Rfa5));
    auto *detailsButton = view->findChild<QToolButton *>(QStringLiteral("detailsToolButton"));
    auto *details = view->findChild<QPlainTextEdit *>(QStringLiteral("detailsPlainTextEdit"));
    QVERIFY(detailsButton && details);
    QVERIFY(detailsButton->isVisible() && !details->isVisible()); // collapsed until asked
    QTest::mouseClick(detailsButton, Qt::LeftButton);
    QVERIFY(details->isVisible());
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(failure.technicalMessage), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Order state at BankID: unknown")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Message shown: ") + rfaId(Rfa::Rfa5)), qPrintable(text));
    auto *retry = view->findChild<QPushButton *>(QStringLiteral("retryPushButton"));
    QVERIFY(retry && retry->isVisible()); // RFA5 says "try again": the operator can
}

void TestDeskScriptedBankId::cancelSurvivesTheSettingsReplacingTheClient()
{
    m_desk.setCancelDelayMs(SlowCancelMs);
    startFromPage(QStringLiteral("login"));
    const QString orderRef = m_desk.waitPending();
    QVERIFY(!orderRef.isEmpty());
    const QPointer<RpClient> before = m_desk.connections()->client();
    QVERIFY(before);

    // The operator's settings path: File > Settings…, OK (the modal dialog is accepted from the event loop).
    // When the cancel goes out, follow it on the old client.
    QPointer<RpCall> cancelCall;
    bool cancelSent = false;
    connect(before.data(), &RpClient::requestSent, this, [&cancelCall, &cancelSent, &before](const QString &path) {
        if (path != QLatin1String("cancel") || !before)
            return;
        cancelSent = true;
        for (RpCall *call : before->findChildren<RpCall *>()) {
            if (call->endpoint() == RpCall::Endpoint::Cancel && !call->isFinished())
                cancelCall = call;
        }
    });
    bool cancelAnswered = false;
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->accept();
    });
    QSignalSpy ready(m_desk.connections(), &ConnectionManager::ready);
    m_desk.window()->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
    QVERIFY(m_desk.connections()->client() != before);
    QVERIFY2(cancelSent, "the /cancel of the pending order did not go out on the old client");
    QVERIFY2(cancelCall, "the /cancel was dropped together with the old client");
    connect(cancelCall.data(), &RpCall::finished, this, [&cancelAnswered, call = cancelCall.data()] {
        cancelAnswered = call->ok();
    });

    // The old client is kept while its /cancel is in flight, and released once it was answered.
    QTRY_COMPARE_WITH_TIMEOUT(m_desk.requestsTo(QStringLiteral("cancel")).size(), 1, 5000);
    QCOMPARE(QJsonDocument::fromJson(m_desk.requestsTo(QStringLiteral("cancel")).first().body)
                 .object().value(QStringLiteral("orderRef")).toString(),
             orderRef);
    QVERIFY2(before, "the client was deleted with its /cancel in flight");
    QTRY_VERIFY_WITH_TIMEOUT(cancelAnswered, SlowCancelMs + 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!before, 5000);
    QCOMPARE(m_desk.connections()->callsInFlight(), 0);
}

void TestDeskScriptedBankId::closeWaitsForTheCancelAnswer()
{
    m_desk.setCancelDelayMs(SlowCancelMs);
    startFromPage(QStringLiteral("login"));
    QVERIFY(!m_desk.waitPending().isEmpty());
    RpClient *client = m_desk.connections()->client();
    QVERIFY(client);
    bool cancelAnswered = false;
    connect(client, &RpClient::requestSent, this, [this, client, &cancelAnswered](const QString &path) {
        if (path != QLatin1String("cancel"))
            return;
        for (RpCall *call : client->findChildren<RpCall *>()) {
            if (call->endpoint() == RpCall::Endpoint::Cancel && !call->isFinished())
                connect(call, &RpCall::finished, this, [call, &cancelAnswered] { cancelAnswered = call->ok(); });
        }
    });
    QElapsedTimer closing;
    closing.start();
    QVERIFY(m_desk.window()->close());
    // close() returned only after BankID answered the /cancel: nothing is in flight any more.
    QCOMPARE(m_desk.requestsTo(QStringLiteral("cancel")).size(), 1);
    QVERIFY(cancelAnswered);
    QCOMPARE(client->inFlightCount(), 0);
    QCOMPARE(m_desk.connections()->callsInFlight(), 0);
    // The server's delay timer is coarse (it may fire up to 5 % early).
    QVERIFY2(closing.elapsed() >= SlowCancelMs * 9 / 10, qPrintable(QString::number(closing.elapsed())));
    QVERIFY(!m_desk.window()->session());
}

QTEST_MAIN(TestDeskScriptedBankId)
#include "TestDeskScriptedBankId.moc"
