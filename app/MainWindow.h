#pragma once

#include "ApiTypes.h"
#include "AppSettings.h"
#include "DemoPhonePanel.h"
#include "DocumentDigest.h"
#include "DeskOptions.h"
#include "FullScreenQrWindow.h"
#include "OrderSession.h"
#include "ResultContext.h"
#include "StartMethod.h"
#include "SteadyClock.h"
#include "UrlOpener.h"

#include <QMainWindow>
#include <QPointer>

#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QScrollArea;
class QStackedWidget;

namespace bankid {

class AuditRecorder;
class CallerPage;
class ConnectionManager;
class ConnectionWarningBar;
class EnvironmentBadge;
class DeskLoginPage;
class OrderView;
class ResultView;
class SignDocumentPage;
class SignTextPage;
class VerifyIdCardPage;
class VerifyReceiptPage;

/// The desk's main window: the task list (Log in, Identify caller, Sign text, Sign document, Verify receipt,
/// Verify ID card; Ctrl+1..6) on the left, a
/// stack in the centre (the task pages, the OrderView while an order runs, the ResultView once complete),
/// and in the simulator environment the DemoPhonePanel in a dock on the right (Ctrl+D).
///
/// Contract:
/// - One OrderSession per order (this window's SteadyClock; poll interval and auto-restarts from
///   AppSettings). A new order, a start-method switch, a task switch, new settings and closing the window
///   all end the pending order: the session is cancelled (its /cancel goes out). On close the window
///   waits until the session has ended and every call in flight of the ConnectionManager (a /cancel sent
///   just before, a retired client's) is answered or has hit its request deadline, at most twice
///   RpConfig::requestDeadlineMs, so the application does not quit over an unanswered /cancel.
/// - It renders OrderSession through OrderView and ResultView only; it adds endUserIp (from the
///   ConnectionManager), app device data and returnRisk (AppSettings::returnRisk(), default on) to the pages'
///   non-phone requests, nothing else of the protocol.
/// - An order started from the Sign document page, once complete, leaves a Receipt (the /sign body as sent,
///   the final /collect response, the stable environment key, base URL, times, "bankid-desk" and its
///   version) written next to the document by ReceiptWriter; the ResultView says where (or why not, with
///   Save receipt as…). Retry and a start-method switch keep the document.
/// - Verify receipt works offline: it needs no connection.
/// - Verify ID card makes its own one-shot requests through the ConnectionManager's current client (no
///   OrderSession); its verifications go to the same audit log, and in the simulator environment it reads
///   the demo phone's ID card.
/// - A same-device order started by the operator (a page's start button, Try again, "Open BankID on this
///   device") launches the BankID app through the OrderView as soon as that order is out; --start never
///   launches. The launcher is QDesktopServices::openUrl, except in the simulator environment, where a
///   simulator token would only confuse a real BankID app: there the demo phone plays the app and the
///   launch is a status-bar hint. setUrlOpener() replaces both (tests).
/// - While the connection is not usable (not ready: no RP certificate, a configuration error, still being
///   set up) the ConnectionWarningBar says why and offers Open Settings…, the pages' start is disabled
///   (setStartAllowed) and a startRequested() that arrives anyway is ignored: no order without a client.
/// - The EnvironmentBadge (SIMULATOR / TEST / PRODUCTION / CUSTOM) sits in the menu bar's corner and is
///   repeated in the window title.
/// - Every text is re-translated on QEvent::LanguageChange; View > Language switches live.
/// - Single-order mode (DeskOptions::once, for OnceRun): exactly one order is started in this window's life
///   (--start's, or the first a page asks for); no auto-restart, Try again and the start-method switch are
///   ignored, the task list, the task shortcuts and Settings are disabled (each would end the order), and
///   the order's Cancel (Esc) closes the window, so it is cancelled at BankID first like any close.
/// - orderCompleted() / orderFailed() tell what became of each order (after the ResultView / OrderView
///   show it); closed() follows an accepted closeEvent, after the order was cancelled at BankID and the
///   calls in flight were answered or timed out.
///
/// \code
///   bankid::MainWindow window(&connections, &settings, options);
///   window.show();
///   connections.configure();
/// \endcode
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// The desk's tasks, in list order.
    enum class Task {
        Login,  ///< desk login (auth)
        Caller, ///< identify a caller (phone auth / phone sign)
        Sign,   ///< sign a text
        Document, ///< sign a document (by its SHA-256), leaving a receipt
        Verify,   ///< verify a document against its receipt, offline
        IdCard,   ///< verify a visitor's digital ID card (BankID Verify API)
    };
    static constexpr int TaskCount = 6;

    MainWindow(ConnectionManager *connections, AppSettings *settings, const DeskOptions &options,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows a task page; cancels a pending order first.
    void showTask(Task task);
    /// Whether the administrator allows `task` at this desk (AppSettings::isTaskAllowed).
    bool isTaskAllowed(Task task) const;
    Task currentTask() const { return m_task; }
    /// Starts an order (the pages' startRequested lands here). Cancels any pending order first.
    void startOrder(const bankid::OrderRequest &request, bankid::StartMethod method);
    /// --start: shows the task for `flow` and starts its order when the page's inputs allow it.
    void startTask(Flow flow);
    /// Live language switch: "sv" or "en"; saved to the settings.
    void setLanguage(const QString &language);
    /// Opens the full-screen QR window (View > Full-screen QR, F11).
    void openFullScreenQr();
    /// How the BankID app is launched for same-device orders in every environment (default: see the class
    /// contract).
    void setUrlOpener(const bankid::UrlOpener &opener);

    /// Where a receipt goes when the document's folder refuses it: AppDataLocation + "/receipts".
    static QString receiptFallbackDir();

    OrderSession *session() const { return m_session; }
    OrderView *orderView() const { return m_orderView; }
    ResultView *resultView() const { return m_resultView; }
    DemoPhonePanel *demoPhonePanel() const { return m_demoPanel; }
    FullScreenQrWindow *fullScreenQrWindow() const { return m_fullScreen; }
    DeskLoginPage *loginPage() const { return m_loginPage; }
    CallerPage *callerPage() const { return m_callerPage; }
    SignTextPage *signTextPage() const { return m_signPage; }
    SignDocumentPage *signDocumentPage() const { return m_documentPage; }
    VerifyReceiptPage *verifyReceiptPage() const { return m_verifyPage; }
    VerifyIdCardPage *verifyIdCardPage() const { return m_idCardPage; }
    /// Appends one audit log entry per order (log: AppDataLocation/audit.jsonl).
    AuditRecorder *auditRecorder() const { return m_auditRecorder; }
    /// The widget the centre stack shows now.
    QWidget *currentPage() const;
    /// Shown while the connection is not usable (see the class contract).
    ConnectionWarningBar *connectionWarningBar() const { return m_warningBar; }
    EnvironmentBadge *environmentBadge() const { return m_environmentBadge; }
    /// True while orders may start: the ConnectionManager is ready.
    bool connectionUsable() const;
    /// Single-order mode (see the class contract): DeskOptions::once.
    bool singleOrder() const { return m_singleOrder; }
    /// The current (or last) order's flow, orderRef and times, as the ResultView got them.
    const ResultContext &resultContext() const { return m_context; }

signals:
    /// The current order completed (emitted after the ResultView shows it; resultContext() is filled).
    void orderCompleted(const bankid::CompletionData &completion);
    /// The current order failed: a failed hintCode, an error, the deadline or a risk block. Not emitted for
    /// an order this window cancelled.
    void orderFailed(const bankid::OrderFailure &failure);
    /// The window accepted a close: its order is cancelled at BankID and no call is in flight any more (or
    /// the wait timed out).
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// The document an order signs (orders from the Sign document page only).
    struct DocumentOrder {
        QString path;
        DocumentDigest digest;
    };

    /// Who started an order: only an operator's click may launch the BankID app (api digest §6).
    enum class StartedBy {
        Operator,    ///< a page's start button (or Enter), Try again, the start-method switch
        CommandLine, ///< --start
    };

    void startOrderFor(const OrderRequest &request, StartMethod method, const std::optional<DocumentOrder> &document,
                       StartedBy startedBy = StartedBy::Operator);
    /// Builds and writes the receipt of the completed document order; tells the ResultView the outcome.
    void writeReceipt();
    void createActions();
    void createMenus();
    void retranslateUi();
    void onConnectionReady();
    void onConnectionFailed(const QString &message);
    void onPasswordRequired(const QString &certificatePath, const QString &problem);
    void onSessionStateChanged(OrderSession::State state);
    void onSessionHintChanged();
    void onCompleted(const bankid::CompletionData &completion);
    void onCancelRequested();
    void onRetryRequested();
    void onSwitchStartMethod(bankid::StartMethod method);
    void onTaskRowChanged(int row);
    void onExportResult();
    void onSettings();
    void onAbout();
    void onAuditLog();
    void updateStatusBar();
    void updateDemoPanel();
    /// No saved geometry: 1100x720, or less so the window fits its screen's available geometry.
    void fitFirstWindowToScreen();
    /// Sizes the task list to its rows (after a language switch too): no scrollbar, nothing cut.
    void fitTaskListToContent();
    /// The pages' scroll area as wide as the page shown needs, bounded by the screen (see the .cpp).
    void updatePagesMinimumWidth();
    /// Shows or clears the warning bar and enables or disables the pages' start, from the connection.
    void updateConnectionState();
    /// Tells the four order pages whether their start may be used, and why not (`reason`, shown by them).
    void setPagesStartAllowed(bool allowed, const QString &reason);
    /// Cancels and releases the current session (its destructor sends /cancel when still live).
    void endSession();
    /// closeEvent(): runs the event loop (no user input) until the session has ended and no call is in
    /// flight, bounded by the request deadline (see the class contract).
    void waitForCallsInFlight();
    /// The opener for an order in `environment` (see the class contract).
    UrlOpener urlOpenerFor(DeskEnvironment environment);
    QWidget *pageFor(Task task) const;

    ConnectionManager *m_connections;
    AppSettings *m_settings;
    DeskOptions m_options;
    SteadyClock m_clock;
    QPointer<OrderSession> m_session;
    OrderRequest m_lastRequest; ///< as the page asked (retry and start-method switch start it again)
    OrderRequest m_sentRequest; ///< as sent: with endUserIp and app data
    std::optional<DocumentOrder> m_document; ///< the current order's document, for its receipt
    StartMethod m_lastMethod = StartMethod::QrCode;
    ResultContext m_context;
    bool m_hasResult = false;
    Task m_task = Task::Login;
    bool m_fullScreenWithFirstOrder = false;
    std::optional<Flow> m_pendingStart;
    std::optional<UrlOpener> m_injectedUrlOpener;
    bool m_singleOrder = false;  ///< DeskOptions::once
    bool m_orderStarted = false; ///< an order was started (single-order mode allows one)

    QListWidget *m_taskListWidget;
    QStackedWidget *m_stackedWidget;
    ConnectionWarningBar *m_warningBar;
    EnvironmentBadge *m_environmentBadge;
    QScrollArea *m_pagesScrollArea;
    DeskLoginPage *m_loginPage;
    CallerPage *m_callerPage;
    SignTextPage *m_signPage;
    SignDocumentPage *m_documentPage;
    VerifyReceiptPage *m_verifyPage;
    VerifyIdCardPage *m_idCardPage;
    OrderView *m_orderView;
    ResultView *m_resultView;
    QDockWidget *m_demoDockWidget;
    QPointer<DemoPhonePanel> m_demoPanel;
    QPointer<FullScreenQrWindow> m_fullScreen;
    QLabel *m_environmentStatusLabel;
    QLabel *m_certificateStatusLabel;
    AuditRecorder *m_auditRecorder = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_tasksMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_taskActions[TaskCount] = {};
    QAction *m_fullScreenAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_auditLogAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_swedishAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace bankid
