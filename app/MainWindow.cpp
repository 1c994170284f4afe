#include "MainWindow.h"
#include "BankIdVersion.h"

#include "AboutDialog.h"
#include "AppSettings.h"
#include "AuditLogDialog.h"
#include "AuditRecorder.h"
#include "CallerPage.h"
#include "ConnectionManager.h"
#include "ConnectionWarningBar.h"
#include "CurrentPageStack.h"
#include "DemoPhonePanel.h"
#include "DeskLoginPage.h"
#include "EnvironmentBadge.h"
#include "FullScreenQrWindow.h"
#include "OrderView.h"
#include "PersonalNumber.h"
#include "QrCodeWidget.h"
#include "Receipt.h"
#include "ReceiptWriter.h"
#include "ResultView.h"
#include "RpClient.h"
#include "SettingsDialog.h"
#include "SignDocumentPage.h"
#include "SignTextPage.h"
#include "Simulator.h"
#include "Translations.h"
#include "VerifyIdCardPage.h"
#include "VerifyReceiptPage.h"

#include <QFileInfo>
#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSysInfo>
#include <QTimer>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcDesk, "bankid.desk")

namespace bankid {

namespace {

// The app{} device data every order from the desk carries (api digest §2; UNCONFIRMED which members
// BankID uses for risk assessment).
AppDeviceData deskDeviceData()
{
    AppDeviceData data;
    data.appIdentifier = QStringLiteral("se.bankid-desk.desk");
    data.deviceOS = QSysInfo::productType() + QLatin1Char(' ') + QSysInfo::productVersion();
    data.deviceModelName = QSysInfo::prettyProductName().left(64);
    return data;
}

QIcon taskIcon(MainWindow::Task task)
{
    static const char *const names[MainWindow::TaskCount] = {"login", "caller", "sign-text", "sign-document",
                                                             "verify", "id-card"};
    return QIcon(QStringLiteral(":/bankid-desk/icons/tasks/%1.svg").arg(QLatin1String(names[static_cast<int>(task)])));
}

QString orderTitle(Flow flow)
{
    switch (flow) {
    case Flow::Auth: return MainWindow::tr("Log in with BankID");
    case Flow::Sign: return MainWindow::tr("Sign with BankID");
    case Flow::Payment: return MainWindow::tr("Approve the payment with BankID");
    case Flow::PhoneAuth: return MainWindow::tr("Identify the caller with BankID");
    case Flow::PhoneSign: return MainWindow::tr("The caller signs with BankID");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(ConnectionManager *connections, AppSettings *settings, const DeskOptions &options,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_connections(connections)
    , m_settings(settings)
    , m_options(options)
    , m_fullScreenWithFirstOrder(options.fullScreenQr)
    , m_pendingStart(options.startFlow)
    , m_singleOrder(options.once)
    , m_taskListWidget(new QListWidget(this))
    , m_stackedWidget(new CurrentPageStack(this))
    , m_warningBar(new ConnectionWarningBar(this))
    , m_environmentBadge(new EnvironmentBadge(this))
    , m_pagesScrollArea(new QScrollArea(this))
    , m_loginPage(new DeskLoginPage(this))
    , m_callerPage(new CallerPage(this))
    , m_signPage(new SignTextPage(this))
    , m_documentPage(new SignDocumentPage(this))
    , m_verifyPage(new VerifyReceiptPage(this))
    , m_idCardPage(new VerifyIdCardPage(settings, this))
    , m_orderView(new OrderView(this))
    , m_resultView(new ResultView(this))
    , m_demoDockWidget(new QDockWidget(this))
    , m_environmentStatusLabel(new QLabel(this))
    , m_certificateStatusLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/bankid-desk/icons/bankid-desk.svg")));
    m_taskListWidget->setObjectName(QStringLiteral("taskListWidget"));
    m_stackedWidget->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_orderView->setObjectName(QStringLiteral("orderView"));
    m_resultView->setObjectName(QStringLiteral("resultView"));
    m_demoDockWidget->setObjectName(QStringLiteral("demoPhoneDockWidget"));
    m_environmentStatusLabel->setObjectName(QStringLiteral("environmentStatusLabel"));
    m_certificateStatusLabel->setObjectName(QStringLiteral("certificateStatusLabel"));

    // Each task with its icon (resources/icons/tasks, the project's own drawings), in the list and the
    // Tasks menu alike.
    for (int row = 0; row < TaskCount; ++row)
        m_taskListWidget->addItem(new QListWidgetItem(taskIcon(static_cast<Task>(row)), QString()));
    m_taskListWidget->setIconSize(QSize(1, 1) * (m_taskListWidget->fontMetrics().height() * 5 / 4));
    m_taskListWidget->setSpacing(2);
    // Sized to its content in retranslateUi() (every task visible, no scrollbar); the rest of the column
    // is empty, so the list never grows past its rows.
    m_taskListWidget->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_taskListWidget->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_taskListWidget->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_taskListWidget->setTextElideMode(Qt::ElideNone);
    // Tasks the administrator did not allow at this desk (ManagedSettings) are not shown at all; the window
    // opens on the first allowed one.
    for (int row = 0; row < TaskCount; ++row)
        m_taskListWidget->item(row)->setHidden(!isTaskAllowed(static_cast<Task>(row)));
    for (int row = 0; row < TaskCount; ++row) {
        if (isTaskAllowed(static_cast<Task>(row))) {
            m_task = static_cast<Task>(row);
            break;
        }
    }
    m_taskListWidget->setCurrentRow(static_cast<int>(m_task));

    m_stackedWidget->addWidget(m_loginPage);
    m_stackedWidget->addWidget(m_callerPage);
    m_stackedWidget->addWidget(m_signPage);
    m_stackedWidget->addWidget(m_documentPage);
    m_stackedWidget->addWidget(m_verifyPage);
    m_stackedWidget->addWidget(m_idCardPage);
    m_stackedWidget->addWidget(m_orderView);
    m_stackedWidget->addWidget(m_resultView);
    m_stackedWidget->setCurrentWidget(pageFor(m_task)); // the first allowed task

    // The pages scroll rather than push the window past a small screen (1366x768 at 150 %: 911x512
    // logical pixels); at the usual sizes no scrollbar shows.
    auto *pagesScrollArea = m_pagesScrollArea;
    pagesScrollArea->setObjectName(QStringLiteral("pagesScrollArea"));
    pagesScrollArea->setWidgetResizable(true);
    pagesScrollArea->setFrameShape(QFrame::NoFrame);
    pagesScrollArea->setWidget(m_stackedWidget);
    // The stack asks only the page shown for its size: a tall page elsewhere (Verify) must not make the
    // Log in page scroll on a small screen.
    connect(m_stackedWidget, &QStackedWidget::currentChanged, this, [this](int current) {
        for (int index = 0; index < m_stackedWidget->count(); ++index) {
            const QSizePolicy::Policy policy = index == current ? QSizePolicy::Preferred : QSizePolicy::Ignored;
            m_stackedWidget->widget(index)->setSizePolicy(policy, policy);
        }
        m_stackedWidget->updateGeometry();
        updatePagesMinimumWidth();
    });
    for (int index = 1; index < m_stackedWidget->count(); ++index)
        m_stackedWidget->widget(index)->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    auto *central = new QWidget(this);
    auto *centreColumn = new QVBoxLayout;
    centreColumn->addWidget(m_warningBar);
    centreColumn->addWidget(pagesScrollArea, 1);
    auto *taskColumn = new QVBoxLayout;
    taskColumn->addWidget(m_taskListWidget);
    taskColumn->addStretch(1);
    auto *layout = new QHBoxLayout(central);
    layout->addLayout(taskColumn);
    layout->addLayout(centreColumn, 1);
    setCentralWidget(central);

    connect(m_demoDockWidget, &QDockWidget::visibilityChanged, this, &MainWindow::updatePagesMinimumWidth);
    m_demoDockWidget->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, m_demoDockWidget);
    m_demoDockWidget->hide();

    statusBar()->addWidget(m_environmentStatusLabel);
    statusBar()->addPermanentWidget(m_certificateStatusLabel);

    // One audit entry per order, in the user data folder (AuditRecorder, AuditLog).
    m_auditRecorder = new AuditRecorder(m_settings->auditLogFile(), this);
    connect(m_auditRecorder, &AuditRecorder::recordFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The order was not written to the audit log: %1").arg(message));
    });
    m_idCardPage->setConnection(m_connections);
    m_idCardPage->setAuditRecorder(m_auditRecorder);
    connect(m_auditRecorder, &AuditRecorder::logRepaired, this, [this](const QString &report) {
        statusBar()->showMessage(report, 10000);
    });

    createActions();
    createMenus();
    menuBar()->setCornerWidget(m_environmentBadge, Qt::TopRightCorner);
    if (m_singleOrder) {
        // Another task or new settings would end the one order: nothing but that order in this window.
        m_taskListWidget->setEnabled(false);
        for (QAction *action : m_taskActions)
            if (action)
                action->setEnabled(false);
        m_settingsAction->setEnabled(false);
    }
    connect(m_warningBar, &ConnectionWarningBar::settingsRequested, this, &MainWindow::onSettings);

    connect(m_taskListWidget, &QListWidget::currentRowChanged, this, &MainWindow::onTaskRowChanged);
    connect(m_loginPage, &DeskLoginPage::startRequested, this, &MainWindow::startOrder);
    connect(m_callerPage, &CallerPage::startRequested, this, &MainWindow::startOrder);
    connect(m_signPage, &SignTextPage::startRequested, this, &MainWindow::startOrder);
    connect(m_documentPage, &SignDocumentPage::startRequested, this,
            [this](const OrderRequest &request, StartMethod method) {
                if (!connectionUsable()) {
                    updateConnectionState(); // the page's start should have been disabled: say why again
                    return;
                }
                if (const auto &digest = m_documentPage->digest())
                    startOrderFor(request, method, DocumentOrder{m_documentPage->documentPath(), *digest});
            });
    connect(m_orderView, &OrderView::cancelRequested, this, &MainWindow::onCancelRequested);
    connect(m_orderView, &OrderView::retryRequested, this, &MainWindow::onRetryRequested);
    connect(m_orderView, &OrderView::switchStartMethodRequested, this, &MainWindow::onSwitchStartMethod);
    connect(m_orderView, &OrderView::fullScreenRequested, this, &MainWindow::openFullScreenQr);
    connect(m_orderView, &OrderView::qrContentShown, this, [this](const QString &content) {
        if (m_fullScreen)
            m_fullScreen->setContent(content);
    });
    connect(m_resultView, &ResultView::newOrderRequested, this, [this] { showTask(m_task); });
    connect(m_resultView, &ResultView::verifyReceiptRequested, this,
            [this](const QString &documentPath, const QString &receiptPath) {
                showTask(Task::Verify);
                m_verifyPage->setFiles(documentPath, receiptPath);
            });
    connect(m_connections, &ConnectionManager::ready, this, &MainWindow::onConnectionReady);
    connect(m_connections, &ConnectionManager::configurationFailed, this, &MainWindow::onConnectionFailed);
    connect(m_connections, &ConnectionManager::passwordRequired, this, &MainWindow::onPasswordRequired);

    const bool restored = restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    if (!restored)
        fitFirstWindowToScreen();
    m_demoDockWidget->hide(); // shown again once the simulator environment is ready
    retranslateUi();
    updateStatusBar();
    updateConnectionState();
    if (m_connections->isReady())
        QTimer::singleShot(0, this, &MainWindow::onConnectionReady);
    else if (!m_connections->lastError().isEmpty())
        onConnectionFailed(m_connections->lastError());
}

void MainWindow::fitFirstWindowToScreen()
{
    // 1100x720 where there is room; on a small screen (a 1366x768 laptop at 150 %) the available area
    // less a margin for the window frame, so the first window never starts larger than the screen.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    QSize size(1100, 720);
    if (screen) {
        const QRect available = screen->availableGeometry();
        const QSize room = available.size() - QSize(16, 40);
        size = size.boundedTo(room);
        move(available.x() + qMax(0, (available.width() - size.width()) / 2),
             available.y() + qMax(0, (available.height() - size.height() - 30) / 2));
    }
    resize(size);
}

MainWindow::~MainWindow()
{
    m_orderView->attach(nullptr, {});
    delete m_session; // a live session sends its /cancel on destruction
    delete m_fullScreen;
    // ~QWidget closes and deletes the children after this body, and some signal then (the closing demo
    // dock's visibilityChanged, a page stack's currentChanged): nothing may reach this half-destroyed
    // window (found by UBSan: a MainWindow slot called on what is by then only a QWidget).
    const QList<QObject *> children = findChildren<QObject *>();
    for (QObject *child : children)
        disconnect(child, nullptr, this, nullptr);
}

void MainWindow::createActions()
{
    m_exportAction = new QAction(this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::onExportResult);

    m_settingsAction = new QAction(this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::onSettings);

    m_quitAction = new QAction(this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    const Qt::Key keys[TaskCount] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5, Qt::Key_6};
    for (int row = 0; row < TaskCount; ++row) {
        m_taskActions[row] = new QAction(this);
        m_taskActions[row]->setObjectName(QStringLiteral("taskAction%1").arg(row + 1));
        m_taskActions[row]->setShortcut(QKeySequence(Qt::CTRL | keys[row]));
        m_taskActions[row]->setIcon(taskIcon(static_cast<Task>(row)));
        connect(m_taskActions[row], &QAction::triggered, this, [this, row] {
            showTask(static_cast<Task>(row));
        });
        // A task the administrator did not allow has no menu entry and no shortcut.
        m_taskActions[row]->setVisible(isTaskAllowed(static_cast<Task>(row)));
        m_taskActions[row]->setEnabled(isTaskAllowed(static_cast<Task>(row)));
    }

    m_fullScreenAction = new QAction(this);
    m_fullScreenAction->setObjectName(QStringLiteral("fullScreenAction"));
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_fullScreenAction, &QAction::triggered, this, &MainWindow::openFullScreenQr);

    m_demoAction = m_demoDockWidget->toggleViewAction();
    m_demoAction->setObjectName(QStringLiteral("demoPhoneAction"));
    m_demoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_demoAction->setEnabled(false);

    m_auditLogAction = new QAction(this);
    m_auditLogAction->setObjectName(QStringLiteral("auditLogAction"));
    connect(m_auditLogAction, &QAction::triggered, this, &MainWindow::onAuditLog);

    m_languageGroup = new QActionGroup(this);
    m_englishAction = new QAction(QStringLiteral("English"), m_languageGroup);
    m_englishAction->setObjectName(QStringLiteral("englishAction"));
    m_englishAction->setCheckable(true);
    m_swedishAction = new QAction(QStringLiteral("Svenska"), m_languageGroup);
    m_swedishAction->setObjectName(QStringLiteral("swedishAction"));
    m_swedishAction->setCheckable(true);
    (Translations::installedLanguage() == QLocale::Swedish ? m_swedishAction : m_englishAction)->setChecked(true);
    connect(m_englishAction, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });
    connect(m_swedishAction, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("sv")); });

    m_aboutAction = new QAction(this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAbout);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_exportAction);
    m_fileMenu->addAction(m_settingsAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_tasksMenu = menuBar()->addMenu(QString());
    for (QAction *action : m_taskActions)
        m_tasksMenu->addAction(action);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_fullScreenAction);
    m_viewMenu->addAction(m_demoAction);
    m_viewMenu->addAction(m_auditLogAction);
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addAction(m_swedishAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);
}

QWidget *MainWindow::pageFor(Task task) const
{
    switch (task) {
    case Task::Login: return m_loginPage;
    case Task::Caller: return m_callerPage;
    case Task::Sign: return m_signPage;
    case Task::Document: return m_documentPage;
    case Task::Verify: return m_verifyPage;
    case Task::IdCard: return m_idCardPage;
    }
    return m_loginPage;
}

QWidget *MainWindow::currentPage() const
{
    return m_stackedWidget->currentWidget();
}

bool MainWindow::isTaskAllowed(Task task) const
{
    return m_settings->isTaskAllowed(AppSettings::taskKeys().value(static_cast<int>(task)));
}

void MainWindow::showTask(Task task)
{
    if (!isTaskAllowed(task)) {
        statusBar()->showMessage(tr("This task is not allowed at this desk (set by the administrator)."));
        return;
    }
    endSession();
    m_task = task;
    {
        const QSignalBlocker blocker(m_taskListWidget);
        m_taskListWidget->setCurrentRow(static_cast<int>(task));
    }
    m_stackedWidget->setCurrentWidget(pageFor(task));
    pageFor(task)->setFocus();
}

void MainWindow::onTaskRowChanged(int row)
{
    if (row >= 0 && row < TaskCount)
        showTask(static_cast<Task>(row));
}

void MainWindow::startTask(Flow flow)
{
    switch (flow) {
    case Flow::Auth:
        showTask(Task::Login);
        startOrderFor(m_loginPage->request(), m_loginPage->startMethod(), std::nullopt, StartedBy::CommandLine);
        return;
    case Flow::Sign:
        showTask(Task::Sign);
        if (m_signPage->canStart())
            startOrderFor(m_signPage->request(), m_signPage->startMethod(), std::nullopt, StartedBy::CommandLine);
        else
            statusBar()->showMessage(tr("Enter the text to sign, then press Sign."));
        return;
    case Flow::PhoneAuth:
    case Flow::PhoneSign:
        showTask(Task::Caller);
        if (flow == Flow::PhoneAuth && !m_options.personalNumber.isEmpty() && m_options.callInitiator) {
            // --personal-number (checked by DeskOptions) and --call-initiator: no page input needed.
            OrderRequest request;
            request.flow = Flow::PhoneAuth;
            request.personalNumber = m_options.personalNumber;
            request.callInitiator = *m_options.callInitiator;
            startOrderFor(request, StartMethod::Phone, std::nullopt, StartedBy::CommandLine);
        } else if (m_callerPage->canStart())
            startOrderFor(m_callerPage->request(), StartMethod::Phone, std::nullopt, StartedBy::CommandLine);
        else
            statusBar()->showMessage(tr("Enter the caller's personal number, then press Start."));
        return;
    case Flow::Payment:
        return;
    }
}

void MainWindow::startOrder(const OrderRequest &request, StartMethod method)
{
    // Defence in depth: the pages' start is disabled while not connected, but a request may still arrive
    // (a page without setStartAllowed, a queued signal). Nothing starts, the bar says why.
    if (!connectionUsable()) {
        qCInfo(lcDesk) << "start ignored: the connection is not usable";
        updateConnectionState();
        return;
    }
    startOrderFor(request, method, std::nullopt);
}

bool MainWindow::connectionUsable() const
{
    return m_connections->isReady() && m_connections->client() != nullptr;
}

void MainWindow::setPagesStartAllowed(bool allowed, const QString &reason)
{
    QWidget *const pages[] = {m_loginPage, m_callerPage, m_signPage, m_documentPage};
    for (QWidget *page : pages) {
        // The pages declare Q_INVOKABLE void setStartAllowed(bool allowed, const QString &reason); called
        // by name so this window also builds against pages that do not have it yet (then only the guard in
        // startOrder() holds).
        if (page->metaObject()->indexOfMethod("setStartAllowed(bool,QString)") < 0)
            continue;
        QMetaObject::invokeMethod(page, "setStartAllowed", Qt::DirectConnection, Q_ARG(bool, allowed),
                                  Q_ARG(QString, reason));
    }
}

void MainWindow::updateConnectionState()
{
    m_environmentBadge->setEnvironment(m_connections->environment());
    setWindowTitle(tr("BankID Desk — %1").arg(m_environmentBadge->text()));
    if (connectionUsable()) {
        m_warningBar->clear();
        setPagesStartAllowed(true, QString());
        return;
    }
    const QString error = m_connections->lastError();
    if (error.isEmpty()) {
        // Still being set up (a password prompt, the simulator starting): no bar for a moment's wait.
        m_warningBar->clear();
        setPagesStartAllowed(false, tr("Connecting to BankID…"));
        return;
    }
    m_warningBar->showProblem(tr("Not connected to BankID: %1").arg(error));
    setPagesStartAllowed(false, tr("Not connected to BankID. Open Settings to fix the connection."));
}

void MainWindow::setUrlOpener(const UrlOpener &opener)
{
    m_injectedUrlOpener = opener;
    m_orderView->setUrlOpener(opener);
}

UrlOpener MainWindow::urlOpenerFor(DeskEnvironment environment)
{
    if (m_injectedUrlOpener)
        return *m_injectedUrlOpener;
    if (environment != DeskEnvironment::Simulator)
        return UrlOpener();
    // A simulator token means nothing to a real BankID app on this computer: the demo phone plays the app.
    return UrlOpener([this](const QUrl &) {
        statusBar()->showMessage(tr("Simulator: the demo phone plays the BankID app. Use “Open on this device” "
                                    "there."),
                                 10000);
        return true;
    });
}

void MainWindow::startOrderFor(const OrderRequest &request, StartMethod method,
                               const std::optional<DocumentOrder> &document, StartedBy startedBy)
{
    RpClient *client = m_connections->client();
    if (!client) {
        updateConnectionState();
        statusBar()->showMessage(tr("No order was started: not connected to BankID."), 5000);
        return;
    }
    if (m_singleOrder && m_orderStarted) {
        qCInfo(lcDesk) << "single-order mode: no second order";
        return;
    }
    m_orderStarted = true;
    endSession();

    OrderRequest order = request;
    if (!isPhoneFlow(order.flow)) {
        order.endUserIp = m_connections->endUserIp();
        order.app = deskDeviceData();
        // BankID's risk assessment (api digest §10); the phone endpoints do not accept returnRisk.
        order.returnRisk = m_settings->returnRisk();
    }
    OrderSession::Options sessionOptions;
    sessionOptions.startMethod = isPhoneFlow(order.flow) ? StartMethod::Phone : method;
    sessionOptions.pollIntervalMs = m_settings->pollIntervalSeconds() * 1000;
    // Single-order mode: a restart would be a second order (OnceRun reports the startFailed instead).
    sessionOptions.maxAutoRestarts = isPhoneFlow(order.flow) || m_singleOrder ? 0 : m_settings->autoRestarts();

    m_lastRequest = request;
    m_sentRequest = order;
    m_document = document;
    m_lastMethod = sessionOptions.startMethod;
    m_context = ResultContext();
    m_context.flow = order.flow;
    m_context.startMethod = sessionOptions.startMethod;
    m_context.environmentName = m_connections->environmentName();
    m_context.endUserIp = order.endUserIp;
    m_context.startedAt = QDateTime::currentDateTime();
    m_context.userVisibleDataSent = order.userVisibleData;
    m_context.userNonVisibleDataSent = order.userNonVisibleData;
    m_context.userVisibleDataIsMarkdown = order.userVisibleDataIsMarkdown;

    auto *session = new OrderSession(client, &m_clock, this);
    m_session = session;
    m_auditRecorder->track(session, order, deskEnvironmentName(m_connections->environment()));
    connect(session, &OrderSession::stateChanged, this, &MainWindow::onSessionStateChanged);
    connect(session, &OrderSession::completed, this, &MainWindow::onCompleted);
    m_orderView->setFullScreenAvailable(sessionOptions.startMethod == StartMethod::QrCode);
    m_orderView->setUrlOpener(urlOpenerFor(m_connections->environment()));
    m_orderView->attach(session, orderTitle(order.flow));
    m_orderView->setOrderDetails(order, document ? QFileInfo(document->path).fileName() : QString());
    // BankID on this device: the operator's click launches the app as soon as this order is out.
    if (sessionOptions.startMethod == StartMethod::SameDevice && startedBy == StartedBy::Operator)
        m_orderView->launchBankIdWhenOrderIsOut();
    // After the OrderView's own connection, so its message is already updated when this runs.
    connect(session, &OrderSession::hintChanged, this, &MainWindow::onSessionHintChanged);
    connect(session, &OrderSession::failed, this, &MainWindow::onSessionHintChanged);
    connect(session, &OrderSession::failed, this, &MainWindow::orderFailed);
    m_stackedWidget->setCurrentWidget(m_orderView);
    qCInfo(lcDesk).noquote() << "starting" << flowName(order.flow) << "order"
                             << (isPhoneFlow(order.flow) ? PersonalNumber::mask(order.personalNumber) : QString());
    session->start(order, sessionOptions);
    m_orderView->setFocus();

    if (m_fullScreenWithFirstOrder && sessionOptions.startMethod == StartMethod::QrCode) {
        m_fullScreenWithFirstOrder = false;
        openFullScreenQr();
    }
}

void MainWindow::endSession()
{
    if (!m_session)
        return;
    OrderSession *session = m_session;
    m_session = nullptr;
    session->disconnect(this);
    m_orderView->attach(nullptr, {});
    if (m_demoPanel)
        m_demoPanel->setOrder({}, {}, m_lastMethod);
    if (m_fullScreen)
        m_fullScreen->setContent({});
    // A live session sends a fire-and-forget /cancel when destroyed (OrderSession contract).
    delete session;
}

void MainWindow::onSessionStateChanged(OrderSession::State state)
{
    if (!m_session)
        return;
    switch (state) {
    case OrderSession::State::Pending:
        m_context.orderRef = m_session->orderRef();
        if (m_demoPanel)
            m_demoPanel->setOrder(m_session->orderRef(), m_session->autoStartToken(), m_lastMethod);
        break;
    case OrderSession::State::Complete:
    case OrderSession::State::Failed:
    case OrderSession::State::Cancelled:
        if (m_demoPanel)
            m_demoPanel->setOrder({}, {}, m_lastMethod);
        if (m_fullScreen)
            m_fullScreen->setContent({});
        break;
    case OrderSession::State::Idle:
    case OrderSession::State::Starting:
    case OrderSession::State::Cancelling:
        break;
    }
}

void MainWindow::onSessionHintChanged()
{
    if (m_fullScreen)
        m_fullScreen->setMessage(m_orderView->messageText());
}

void MainWindow::onCompleted(const CompletionData &completion)
{
    m_context.completedAt = QDateTime::currentDateTime();
    if (m_session)
        m_context.orderRef = m_session->orderRef();
    m_resultView->showCompletion(completion, m_context);
    if (m_document)
        writeReceipt();
    m_hasResult = true;
    m_exportAction->setEnabled(true);
    m_stackedWidget->setCurrentWidget(m_resultView);
    m_resultView->setFocus();
    if (m_fullScreen)
        m_fullScreen->close();
    emit orderCompleted(completion);
}

void MainWindow::writeReceipt()
{
    Receipt receipt = Receipt::forDocumentOrder(m_document->digest, m_sentRequest,
                                                m_session ? m_session->completedCollectResponse() : QJsonObject());
    // The stable key, never the translated display name: verifiers pick their trust anchors by it.
    receipt.environmentName = deskEnvironmentName(m_connections->environment());
    receipt.baseUrl = m_connections->config().baseUrl.toString();
    receipt.startedAt = m_context.startedAt;
    receipt.completedAt = m_context.completedAt;
    receipt.application = QStringLiteral("bankid-desk");
    receipt.applicationVersion = QStringLiteral(BANKID_VERSION);

    QString error;
    const QString written = ReceiptWriter::write(receipt, m_document->path, &error);
    if (written.isEmpty()) {
        qCWarning(lcDesk).noquote() << "receipt of order" << m_context.orderRef << "not written:" << error;
        // The signature is done and cannot be repeated for free: keep a copy in our own data folder so the
        // proof survives even if the operator closes the window without Save receipt as….
        const QString fallbackDir = receiptFallbackDir();
        QString fallbackError;
        const QString fallback = QDir().mkpath(fallbackDir)
            ? ReceiptWriter::write(receipt, QDir(fallbackDir).filePath(m_document->digest.fileName), &fallbackError)
            : QString();
        if (fallback.isEmpty())
            qCWarning(lcDesk).noquote() << "no fallback copy of the receipt in" << fallbackDir << fallbackError;
        else
            qCInfo(lcDesk).noquote() << "fallback copy of the receipt written to" << fallback;
        m_resultView->showReceiptNotSaved(receipt, m_document->path, error, fallback);
        return;
    }
    qCInfo(lcDesk).noquote() << "receipt of order" << m_context.orderRef << "written to" << written;
    m_resultView->showReceiptSaved(written, written != Receipt::defaultPathFor(m_document->path), m_document->path);
}

void MainWindow::onCancelRequested()
{
    if (m_singleOrder) {
        close(); // closeEvent cancels at BankID and waits for the answer, then closed()
        return;
    }
    showTask(m_task); // ends the session: its /cancel goes out
}

void MainWindow::onRetryRequested()
{
    startOrderFor(m_lastRequest, m_lastMethod, m_document);
}

void MainWindow::onSwitchStartMethod(StartMethod method)
{
    if (m_singleOrder)
        return; // a new start method is a new order
    // One start method per order: the current order is cancelled and a new one started.
    startOrderFor(m_lastRequest, method, m_document);
}

void MainWindow::openFullScreenQr()
{
    if (!m_fullScreen) {
        m_fullScreen = new FullScreenQrWindow(nullptr);
        m_fullScreen->setObjectName(QStringLiteral("fullScreenQrWindow"));
        m_fullScreen->setAttribute(Qt::WA_DeleteOnClose);
        m_fullScreen->setWindowIcon(windowIcon());
    }
    m_fullScreen->setContent(m_orderView->qrWidget()->content());
    m_fullScreen->setMessage(m_orderView->messageText());
    m_fullScreen->showFullScreen();
}

void MainWindow::onConnectionReady()
{
    updateConnectionState();
    updateStatusBar();
    updateDemoPanel();
    if (m_pendingStart) {
        const Flow flow = *m_pendingStart;
        m_pendingStart.reset();
        startTask(flow);
    }
}

void MainWindow::onConnectionFailed(const QString &message)
{
    Q_UNUSED(message) // the same as m_connections->lastError(), which updateConnectionState() shows
    updateConnectionState();
    updateStatusBar();
    updateDemoPanel();
}

void MainWindow::onPasswordRequired(const QString &certificatePath, const QString &problem)
{
    bool ok = false;
    // A key on a token (a pkcs11: URI) is unlocked with the token's PIN, not a file password.
    const bool token = ClientIdentity::isTokenUri(certificatePath);
    const QString label = (problem.isEmpty() ? QString() : problem + QStringLiteral("\n\n"))
        + (token ? tr("PIN for the token %1:") : tr("Password for the RP certificate %1:")).arg(certificatePath);
    const QString password = QInputDialog::getText(this, token ? tr("Token PIN") : tr("Certificate password"), label,
                                                   QLineEdit::Password, QString(), &ok);
    if (ok)
        m_connections->supplyPassword(password.toUtf8(), m_settings->rememberPassword());
    else
        m_connections->declinePassword();
}

void MainWindow::updateDemoPanel()
{
    sim::Simulator *simulator = m_connections->isReady() ? m_connections->simulator() : nullptr;
    if (QWidget *old = m_demoDockWidget->widget()) {
        m_demoDockWidget->setWidget(nullptr);
        delete old; // the scroll area, and the panel in it
    }
    m_demoAction->setEnabled(simulator != nullptr);
    m_idCardPage->setDemoPhone(nullptr);
    if (!simulator) {
        m_demoDockWidget->hide();
        return;
    }
    // In a scroll area: the phone's full height does not fit a small screen; it scrolls instead.
    auto *demoScrollArea = new QScrollArea(m_demoDockWidget);
    demoScrollArea->setObjectName(QStringLiteral("demoPhoneScrollArea"));
    demoScrollArea->setWidgetResizable(true);
    demoScrollArea->setFrameShape(QFrame::NoFrame);
    demoScrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_demoPanel = new DemoPhonePanel(simulator, demoScrollArea);
    m_demoPanel->setObjectName(QStringLiteral("demoPhonePanel"));
    m_demoPanel->setQrSource(m_orderView->qrWidget());
    m_idCardPage->setDemoPhone(m_demoPanel);
    connect(m_demoPanel, &DemoPhonePanel::acted, this, [this](const QString &description) {
        statusBar()->showMessage(description, 5000);
    });
    demoScrollArea->setWidget(m_demoPanel);
    // A dock does not shrink by itself: follow the panel's compact/full width.
    connect(m_demoPanel, &DemoPhonePanel::compactChanged, this, [this, demoScrollArea] {
        demoScrollArea->setMinimumWidth(m_demoPanel->minimumSizeHint().width()
                                        + demoScrollArea->verticalScrollBar()->sizeHint().width());
        resizeDocks({m_demoDockWidget}, {demoScrollArea->minimumWidth()}, Qt::Horizontal);
    });
    // As wide as the phone needs (no horizontal scrollbar), plus the vertical one when it shows.
    demoScrollArea->setMinimumWidth(m_demoPanel->minimumSizeHint().width()
                                    + demoScrollArea->verticalScrollBar()->sizeHint().width());
    m_demoDockWidget->setWidget(demoScrollArea);
    // On a small screen (a 1366x768 laptop at 150 %) the phone beside the widest page does not fit: it
    // starts collapsed, and View > Demo phone (Ctrl+D) shows it; the pages then scroll if they must.
    const int needed = m_taskListWidget->width() + m_stackedWidget->minimumSizeHint().width()
        + demoScrollArea->minimumWidth() + fontMetrics().averageCharWidth() * 8;
    if (width() >= needed) {
        m_demoDockWidget->show();
    } else {
        m_demoDockWidget->hide();
        statusBar()->showMessage(tr("The demo phone is hidden to fit the screen; View > Demo phone (Ctrl+D) "
                                    "shows it."),
                                 15000);
    }
}

void MainWindow::updateStatusBar()
{
    m_environmentStatusLabel->setText(tr("Environment: %1").arg(m_connections->environmentName()));
    const QString commonName = m_connections->identity().isNull() ? QString() : m_connections->identity().commonName();
    m_certificateStatusLabel->setText(commonName.isEmpty() ? tr("No RP certificate loaded")
                                                           : tr("Certificate: %1").arg(commonName));
}

void MainWindow::onExportResult()
{
    if (!m_hasResult)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export result"),
                                                      QStringLiteral("bankid-result-%1.json").arg(m_context.orderRef),
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_resultView->exportJson(path, &error))
        QMessageBox::warning(this, tr("Export result"), tr("The result was not exported: %1").arg(error));
    else
        statusBar()->showMessage(tr("Result exported to %1").arg(path), 5000);
}

void MainWindow::onSettings()
{
    const QString languageBefore = m_settings->language();
    SettingsDialog dialog(m_settings, m_connections, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_settings->language() != languageBefore && !m_settings->language().isEmpty())
        setLanguage(m_settings->language());
    showTask(m_task); // ends a pending order: its client is about to be replaced
    m_connections->configure();
}

void MainWindow::onAbout()
{
    AboutDialog dialog(m_connections->environmentName(), this);
    dialog.exec();
}

void MainWindow::onAuditLog()
{
    AuditLogDialog dialog(m_auditRecorder->logPath(), this);
    dialog.exec();
}

void MainWindow::setLanguage(const QString &language)
{
    const QLocale locale(language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English);
    if (!Translations::install(locale))
        statusBar()->showMessage(tr("The Swedish translation is not available; staying in English."), 5000);
    m_settings->setLanguage(language);
    (Translations::installedLanguage() == QLocale::Swedish ? m_swedishAction : m_englishAction)->setChecked(true);
}

QString MainWindow::receiptFallbackDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/receipts");
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_resultView->receiptOnlyInMemory()) {
        // The proof of a completed signature would be lost: never close silently over it.
        const auto answer = QMessageBox::warning(
            this, tr("Receipt not saved"),
            tr("The receipt of the last signature could not be saved and exists only in this window. Save it "
               "before closing?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel
            || (answer == QMessageBox::Save && !m_resultView->saveReceiptInteractively())) {
            event->ignore();
            return;
        }
    }
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->sync();
    if (m_session && m_session->isActive())
        m_session->cancel(); // the session ends in Cancelled once BankID answered (the audit log says so)
    waitForCallsInFlight();
    endSession();
    if (m_fullScreen)
        m_fullScreen->close();
    event->accept();
    emit closed();
}

void MainWindow::waitForCallsInFlight()
{
    const auto settled = [this] {
        return !(m_session && m_session->isActive()) && m_connections->callsInFlight() == 0;
    };
    if (settled())
        return;
    // Every call has its own deadline (RpConfig::requestDeadlineMs): wait that long, and a little more so
    // a /cancel that times out does so before we give up. A session still Starting needs its order answer
    // first, then its /cancel: the bound is generous on purpose, the window stays painted meanwhile.
    const int deadlineMs = m_connections->config().requestDeadlineMs;
    statusBar()->showMessage(tr("Cancelling the order at BankID…"));
    qCInfo(lcDesk) << "closing: waiting up to" << 2 * deadlineMs << "ms for" << m_connections->callsInFlight()
                   << "call(s) in flight";
    QEventLoop loop;
    QTimer::singleShot(2 * deadlineMs, &loop, &QEventLoop::quit);
    const auto quitWhenSettled = [&loop, settled] {
        if (settled())
            loop.quit();
    };
    connect(m_connections, &ConnectionManager::idle, &loop, quitWhenSettled);
    if (m_session)
        connect(m_session, &OrderSession::stateChanged, &loop, quitWhenSettled);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!settled())
        qCWarning(lcDesk) << "closing with" << m_connections->callsInFlight() << "call(s) still in flight";
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::updatePagesMinimumWidth()
{
    // The page shown gets its full minimum width (no horizontal scrolling) as long as that fits the
    // screen beside the task list and the demo phone; beyond that the page scrolls instead of pushing
    // the window past the screen.
    const int pageWidth = m_stackedWidget->currentWidget()
        ? m_stackedWidget->currentWidget()->minimumSizeHint().width() : 0;
    int room = pageWidth;
    if (const QScreen *shownOn = screen()) {
        const int demoWidth = m_demoDockWidget->isVisible() ? m_demoDockWidget->minimumSizeHint().width() : 0;
        room = shownOn->availableGeometry().width() - m_taskListWidget->width() - demoWidth
            - fontMetrics().averageCharWidth() * 8;
    }
    m_pagesScrollArea->setMinimumWidth(qMax(0, qMin(pageWidth, room)));
    // Widen the window (within its screen) rather than squeezing the page under the demo phone; once the
    // layouts have taken in the new minimum.
    QTimer::singleShot(0, this, [this] {
        if (!isVisible() || width() >= minimumSizeHint().width())
            return;
        int wanted = minimumSizeHint().width();
        if (const QScreen *shownOn = screen())
            wanted = qMin(wanted, shownOn->availableGeometry().width());
        resize(qMax(width(), wanted), height());
    });
}

void MainWindow::fitTaskListToContent()
{
    // Every row visible, none cut: the list is exactly as large as its rows in the current language.
    int width = 0;
    int height = 0;
    for (int row = 0; row < m_taskListWidget->count(); ++row) {
        if (m_taskListWidget->item(row)->isHidden())
            continue;
        width = qMax(width, m_taskListWidget->sizeHintForColumn(0));
        height += m_taskListWidget->sizeHintForRow(row) + 2 * m_taskListWidget->spacing();
    }
    const int frame = 2 * m_taskListWidget->frameWidth();
    const int padding = m_taskListWidget->fontMetrics().averageCharWidth() * 2;
    m_taskListWidget->setFixedSize(width + frame + padding, height + frame);
}

void MainWindow::retranslateUi()
{
    updateConnectionState(); // the window title with the environment badge's word
    const QString taskNames[TaskCount] = {tr("&Log in"), tr("&Identify caller"), tr("&Sign text"),
                                          tr("Sign &document"), tr("&Verify receipt"), tr("Verify ID &card")};
    const QString plainNames[TaskCount] = {tr("Log in"), tr("Identify caller"), tr("Sign text"), tr("Sign document"),
                                           tr("Verify receipt"), tr("Verify ID card")};
    for (int row = 0; row < TaskCount; ++row) {
        m_taskListWidget->item(row)->setText(plainNames[row]);
        m_taskActions[row]->setText(taskNames[row]);
    }
    fitTaskListToContent();
    updatePagesMinimumWidth();
    m_taskListWidget->setAccessibleName(tr("Tasks"));
    m_taskListWidget->setAccessibleDescription(tr("Ctrl+1 to Ctrl+6 switch tasks"));
    m_stackedWidget->setAccessibleName(tr("Current task"));
    m_demoDockWidget->setWindowTitle(tr("Demo phone"));
    m_fileMenu->setTitle(tr("&File"));
    m_tasksMenu->setTitle(tr("&Tasks"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_exportAction->setText(tr("&Export result…"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_fullScreenAction->setText(tr("&Full-screen QR code"));
    m_demoAction->setText(tr("&Demo phone"));
    m_auditLogAction->setText(tr("&Audit log…"));
    m_aboutAction->setText(tr("&About BankID Desk"));
    m_environmentStatusLabel->setAccessibleName(tr("Environment"));
    m_certificateStatusLabel->setAccessibleName(tr("RP certificate"));
    updateStatusBar();
}

} // namespace bankid
