#include "OrderView.h"

#include "OperatorMessages.h"
#include "OperatorStatusPanel.h"
#include "OutcomeBadge.h"
#include "PersonalNumber.h"
#include "ProblemMarker.h"
#include "QrCodeWidget.h"
#include "RiskBlockedNotice.h"
#include "RpError.h"
#include "UserMessages.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

Q_LOGGING_CATEGORY(lcOrderView, "bankid.app.orderview")

namespace bankid {

namespace {

const QString OutstandingTransaction = QStringLiteral("outstandingTransaction");
const QString NoClient = QStringLiteral("noClient");

/// Whether the order still waits to be picked up (the QR code / start window matters).
bool waitingForPickUp(const OrderSession &session)
{
    return session.state() == OrderSession::State::Pending
           && (session.hintCode().isEmpty() || session.hintCode() == OutstandingTransaction
               || session.hintCode() == NoClient);
}

/// Whether the person has picked the order up (scanned, opened BankID, answered): switching the start
/// method or cancelling now would end what they are doing.
bool pickedUp(const OrderSession &session)
{
    return session.state() == OrderSession::State::Pending && !waitingForPickUp(session);
}

/// The default question before cancelling a picked-up order: No (keep the order) is the default and Esc.
bool askBeforeCancelling(QWidget *parent)
{
    QMessageBox box(QMessageBox::Question, OrderView::tr("Cancel the order?"),
                    OrderView::tr("The person has already opened BankID and may be confirming right now. "
                                  "Cancel their order?"),
                    QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("cancelConfirmationMessageBox"));
    QPushButton *cancelOrder = box.addButton(OrderView::tr("Cancel the order"), QMessageBox::YesRole);
    QPushButton *keepOrder = box.addButton(OrderView::tr("Keep the order"), QMessageBox::NoRole);
    cancelOrder->setObjectName(QStringLiteral("confirmCancelPushButton"));
    keepOrder->setObjectName(QStringLiteral("keepOrderPushButton"));
    box.setDefaultButton(keepOrder);
    box.setEscapeButton(keepOrder);
    box.exec();
    return box.clickedButton() == cancelOrder;
}

/// The flow in the operator's words.
QString flowWords(Flow flow)
{
    switch (flow) {
    case Flow::Auth: return OrderView::tr("Log in");
    case Flow::Sign: return OrderView::tr("Sign");
    case Flow::Payment: return OrderView::tr("Payment");
    case Flow::PhoneAuth: return OrderView::tr("Identify caller");
    case Flow::PhoneSign: return OrderView::tr("Sign on a call");
    }
    return {};
}

} // namespace

OrderView::OrderView(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_qr(new QrCodeWidget(this))
    , m_howToScanLabel(new QLabel(this))
    , m_statusPanel(new OperatorStatusPanel(this))
    , m_outcomeBadge(new OutcomeBadge(this))
    , m_messageLabel(new QLabel(this))
    , m_countdownLabel(new QLabel(this))
    , m_restartLabel(new QLabel(this))
    , m_launchProblemLabel(new QLabel(this))
    , m_detailsToolButton(new QToolButton(this))
    , m_detailsPlainTextEdit(new QPlainTextEdit(this))
    , m_cancelPushButton(new QPushButton(this))
    , m_openOnDevicePushButton(new QPushButton(this))
    , m_showQrPushButton(new QPushButton(this))
    , m_fullScreenPushButton(new QPushButton(this))
    , m_retryPushButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("orderView"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_howToScanLabel->setObjectName(QStringLiteral("howToScanLabel"));
    m_outcomeBadge->setObjectName(QStringLiteral("outcomeBadge"));
    m_cancelConfirmation = askBeforeCancelling;
    m_countdownLabel->setObjectName(QStringLiteral("countdownLabel"));
    m_restartLabel->setObjectName(QStringLiteral("restartLabel"));
    m_launchProblemLabel->setObjectName(QStringLiteral("launchProblemLabel"));
    m_detailsToolButton->setObjectName(QStringLiteral("detailsToolButton"));
    m_detailsPlainTextEdit->setObjectName(QStringLiteral("detailsPlainTextEdit"));
    m_cancelPushButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_openOnDevicePushButton->setObjectName(QStringLiteral("openOnDevicePushButton"));
    m_showQrPushButton->setObjectName(QStringLiteral("showQrPushButton"));
    m_fullScreenPushButton->setObjectName(QStringLiteral("fullScreenPushButton"));
    m_retryPushButton->setObjectName(QStringLiteral("retryPushButton"));

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextFormat(Qt::PlainText);

    // The RFA text is what the person must read: large (relative to the user's font), wrapped, centred.
    QFont messageFont = m_messageLabel->font();
    messageFont.setPointSizeF(messageFont.pointSizeF() * 1.5);
    m_messageLabel->setFont(messageFont);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_howToScanLabel->setAlignment(Qt::AlignCenter);
    m_howToScanLabel->setWordWrap(true);
    m_howToScanLabel->setTextFormat(Qt::PlainText);
    m_howToScanLabel->setVisible(false);

    m_countdownLabel->setAlignment(Qt::AlignCenter);
    m_restartLabel->setAlignment(Qt::AlignCenter);
    m_restartLabel->setWordWrap(true);
    m_launchProblemLabel->setAlignment(Qt::AlignCenter);
    m_launchProblemLabel->setWordWrap(true);
    m_launchProblemLabel->setTextFormat(Qt::PlainText);
    m_launchProblemLabel->setVisible(false);
    ProblemMarker::mark(m_launchProblemLabel, true);

    m_detailsToolButton->setCheckable(true);
    m_detailsToolButton->setChecked(false);
    m_detailsToolButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_detailsToolButton->setArrowType(Qt::RightArrow);
    m_detailsToolButton->setAutoRaise(true);
    m_detailsPlainTextEdit->setReadOnly(true);
    m_detailsPlainTextEdit->setVisible(false);
    m_detailsPlainTextEdit->setTabChangesFocus(true);
    m_detailsPlainTextEdit->setMaximumHeight(m_detailsPlainTextEdit->fontMetrics().lineSpacing() * 8);

    m_cancelPushButton->setDefault(false);
    m_cancelPushButton->setAutoDefault(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openOnDevicePushButton);
    buttons->addWidget(m_showQrPushButton);
    buttons->addWidget(m_fullScreenPushButton);
    buttons->addStretch(1);
    buttons->addWidget(m_retryPushButton);
    buttons->addWidget(m_cancelPushButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    // Without a QR code the texts sit in the middle of the view instead of above an empty page: the two
    // spacers expand only while the QR code (which takes the space itself) is hidden.
    m_topSpacer = new QSpacerItem(0, 0, QSizePolicy::Minimum, QSizePolicy::Expanding);
    m_bottomSpacer = new QSpacerItem(0, 0, QSizePolicy::Minimum, QSizePolicy::Expanding);
    layout->addSpacerItem(m_topSpacer);
    layout->addWidget(m_outcomeBadge);
    layout->addWidget(m_qr, 1);
    layout->addWidget(m_howToScanLabel);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_countdownLabel);
    layout->addWidget(m_restartLabel);
    layout->addWidget(m_launchProblemLabel);
    layout->addWidget(m_statusPanel);
    layout->addSpacerItem(m_bottomSpacer);
    layout->addWidget(m_detailsToolButton, 0, Qt::AlignLeft);
    layout->addWidget(m_detailsPlainTextEdit);
    layout->addStretch(0);
    layout->addLayout(buttons);

    setTabOrder(m_openOnDevicePushButton, m_showQrPushButton);
    setTabOrder(m_showQrPushButton, m_fullScreenPushButton);
    setTabOrder(m_fullScreenPushButton, m_retryPushButton);
    setTabOrder(m_retryPushButton, m_cancelPushButton);
    setTabOrder(m_cancelPushButton, m_detailsToolButton);
    setTabOrder(m_detailsToolButton, m_detailsPlainTextEdit);

    // Esc cancels and F11 goes full screen from anywhere in the view; the buttons keep their mnemonics.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_cancelPushButton->isVisible() && m_cancelPushButton->isEnabled())
            m_cancelPushButton->click();
    });
    auto *fullScreen = new QShortcut(QKeySequence(Qt::Key_F11), this);
    fullScreen->setContext(Qt::WidgetWithChildrenShortcut);
    connect(fullScreen, &QShortcut::activated, this, [this] {
        if (m_fullScreenPushButton->isVisible() && m_fullScreenPushButton->isEnabled())
            m_fullScreenPushButton->click();
    });

    connect(m_cancelPushButton, &QPushButton::clicked, this, &OrderView::onCancelClicked);
    connect(m_retryPushButton, &QPushButton::clicked, this, &OrderView::retryRequested);
    connect(m_fullScreenPushButton, &QPushButton::clicked, this, &OrderView::fullScreenRequested);
    connect(m_openOnDevicePushButton, &QPushButton::clicked, this, &OrderView::onOpenOnThisDevice);
    connect(m_showQrPushButton, &QPushButton::clicked, this, &OrderView::onShowQrInstead);
    connect(m_detailsToolButton, &QToolButton::toggled, this, &OrderView::setDetailsExpanded);
    connect(m_qr, &QrCodeWidget::contentPainted, this, &OrderView::qrContentShown);

    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this, &OrderView::updateCountdown);

    retranslateUi();
    attach(nullptr, QString());
}

OrderView::~OrderView() = default;

void OrderView::attach(OrderSession *session, const QString &title)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_title = title;
    m_titleLabel->setText(title);
    m_titleLabel->setVisible(!title.isEmpty());
    m_failure.reset();
    m_rfa = Rfa::None;
    m_orderDetails.reset();
    if (m_launchFor != session)
        m_launchFor = nullptr; // a launch asked for another session never carries over
    m_qr->setContent(QString());
    m_detailsToolButton->setChecked(false);
    m_detailsPlainTextEdit->clear();

    if (session) {
        connect(session, &OrderSession::stateChanged, this, &OrderView::onStateChanged);
        connect(session, &OrderSession::hintChanged, this, &OrderView::onHintChanged);
        connect(session, &OrderSession::qrContentChanged, this, [this](const QString &content) {
            m_qr->setContent(content);
            updateQrVisibility();
        });
        connect(session, &OrderSession::failed, this, &OrderView::onFailed);
        connect(session, &OrderSession::restarted, this, &OrderView::onRestarted);
        connect(session, &QObject::destroyed, this, [this] { attach(nullptr, m_title); });
        // Attached mid-order: show what the session already knows.
        if (!session->hintCode().isEmpty() && session->state() == OrderSession::State::Pending)
            m_rfa = UserMessages::forPending(session->hintCode(), method());
        if (session->failure())
            onFailed(*session->failure());
    }
    onStateChanged(session ? session->state() : OrderSession::State::Idle);
}

void OrderView::launchBankIdWhenOrderIsOut()
{
    // The start method is checked at launch time: the owner may call this before session->start().
    m_launchFor = m_session;
    launchIfRequested(); // already out (attached mid-order): launch now
}

void OrderView::setOrderDetails(const OrderRequest &request, const QString &documentName)
{
    m_orderDetails = OrderDetails{request.flow, QString(), documentName, request.personalNumber};
    if (!request.userVisibleData.isEmpty()) {
        // The first line of what the person reads, shortened: the operator recognises the order by it.
        const QString firstLine = QString::fromUtf8(request.userVisibleData).section(QLatin1Char('\n'), 0, 0).trimmed();
        m_orderDetails->textStart = firstLine.size() > 60 ? firstLine.left(59) + QStringLiteral("…") : firstLine;
    }
    updateStatus();
}

QString OrderView::orderAbout() const
{
    QStringList parts;
    if (m_orderDetails) {
        parts << flowWords(m_orderDetails->flow);
        parts << (m_orderDetails->documentName.isEmpty() ? m_orderDetails->textStart : m_orderDetails->documentName);
        if (!m_orderDetails->personalNumber.isEmpty())
            parts << PersonalNumber::mask(m_orderDetails->personalNumber);
    }
    // The person of a completed order, once BankID named them (when not already known from the request).
    if (m_session && m_session->state() == OrderSession::State::Complete && m_session->completion()) {
        const QString masked = PersonalNumber::mask(m_session->completion()->personalNumber);
        if (!masked.isEmpty() && !parts.contains(masked))
            parts << masked;
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

void OrderView::setCancelConfirmation(const CancelConfirmation &confirmation)
{
    m_cancelConfirmation = confirmation;
}

void OrderView::setUrlOpener(const UrlOpener &opener)
{
    m_urlOpener = opener;
}

Rfa OrderView::currentRfa() const
{
    return shownRfa(m_rfa);
}

OrderView::LaunchState OrderView::launchState() const
{
    if (!m_session || m_session->autoStartToken().isEmpty() || m_session->autoStartToken() != m_launchedToken)
        return LaunchState::NotAttempted;
    return m_launchRefused ? LaunchState::NoHandler : LaunchState::Launched;
}

Rfa OrderView::shownRfa(Rfa rfa) const
{
    // RFA13 says the desk is starting the app: only true once the launch was handed on.
    if (rfa != Rfa::Rfa13 || method() != StartMethod::SameDevice)
        return rfa;
    switch (launchState()) {
    case LaunchState::Launched: return Rfa::Rfa13;
    case LaunchState::NoHandler: return Rfa::Rfa17A; // "You don't seem to have the BankID app/program."
    case LaunchState::NotAttempted: return Rfa::Rfa1; // "Start your BankID app."
    }
    return rfa;
}

void OrderView::launchIfRequested()
{
    if (!m_session || m_launchFor != m_session || method() != StartMethod::SameDevice
        || m_session->state() != OrderSession::State::Pending)
        return;
    const QUrl url = m_session->launchUrl();
    if (url.isEmpty())
        return;
    m_launchFor = nullptr; // one launch per click
    launch(url);
}

void OrderView::launch(const QUrl &url)
{
    const QString token = m_session->autoStartToken();
    const bool handedOn = m_urlOpener.open(url);
    if (!m_session)
        return; // the opener ran an event loop in which the session went away
    // Recorded after the attempt: until then the view shows no RFA13.
    m_launchedToken = token;
    m_launchRefused = !handedOn;
    // The URL carries the autoStartToken: log the order, not the URL.
    if (m_launchRefused)
        qCWarning(lcOrderView).noquote() << "order" << m_session->orderRef()
                                         << ": nothing on this computer opens bankid: links; BankID was not started";
    else
        qCInfo(lcOrderView).noquote() << "order" << m_session->orderRef() << ": BankID app launched on this device";
    updateMessage();
}

bool OrderView::showsRiskBlocked() const
{
    return m_failure && m_failure->isRiskBlocked() && m_session
           && m_session->state() == OrderSession::State::Failed;
}

QrCodeWidget *OrderView::qrWidget() const
{
    return m_qr;
}

void OrderView::setFullScreenAvailable(bool available)
{
    m_fullScreenAvailable = available;
    updateButtons();
}

QString OrderView::messageText() const
{
    return m_messageLabel->text();
}

StartMethod OrderView::method() const
{
    return m_session ? m_session->options().startMethod : StartMethod::QrCode;
}

void OrderView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OrderView::retranslateUi()
{
    setAccessibleName(tr("BankID order"));
    m_titleLabel->setAccessibleName(tr("Order"));
    m_messageLabel->setAccessibleName(tr("BankID message"));
    m_countdownLabel->setAccessibleName(tr("Time left to start"));
    m_restartLabel->setAccessibleName(tr("New QR codes"));
    m_launchProblemLabel->setAccessibleName(tr("BankID could not be started"));
    m_detailsToolButton->setText(tr("Technical &details"));
    m_detailsToolButton->setAccessibleName(tr("Technical details"));
    m_detailsToolButton->setToolTip(tr("Show or hide the technical details of the error"));
    m_detailsPlainTextEdit->setAccessibleName(tr("Technical details of the error"));
    m_cancelPushButton->setText(tr("&Cancel"));
    m_cancelPushButton->setAccessibleName(tr("Cancel the order"));
    m_cancelPushButton->setToolTip(tr("Cancel the order (Esc)"));
    m_openOnDevicePushButton->setText(tr("&Open BankID on this device"));
    m_openOnDevicePushButton->setAccessibleName(tr("Open BankID on this device"));
    m_showQrPushButton->setText(tr("Show &QR code instead"));
    m_showQrPushButton->setAccessibleName(tr("Show QR code instead"));
    m_fullScreenPushButton->setText(tr("&Full screen"));
    m_fullScreenPushButton->setAccessibleName(tr("Show the QR code full screen"));
    m_fullScreenPushButton->setToolTip(tr("Show the QR code full screen or on a second screen (F11)"));
    m_retryPushButton->setText(tr("&Try again"));
    m_retryPushButton->setAccessibleName(tr("Try again"));
    m_howToScanLabel->setText(tr("Open the BankID app and tap the QR code icon, then point the camera at this code."));
    m_howToScanLabel->setAccessibleName(tr("How to scan"));
    m_outcomeBadge->setAccessibleName(tr("Outcome"));
    setRfa(m_rfa); // re-reads the RFA text in the new language
    updateStatus();
    updateCountdown();
    onRestarted(m_session ? m_session->restartCount() : 0);
}

void OrderView::onStateChanged(OrderSession::State state)
{
    switch (state) {
    case OrderSession::State::Starting:
        // A new order (first or after a restart): the previous QR code and hint no longer apply.
        m_rfa = Rfa::None;
        m_qr->setContent(QString());
        break;
    case OrderSession::State::Pending:
        if (m_rfa == Rfa::None && m_session && m_session->hintCode().isEmpty())
            m_rfa = UserMessages::forPending(OutstandingTransaction, method()); // an order out is outstanding
        break;
    case OrderSession::State::Cancelled:
        m_rfa = Rfa::Rfa6; // "The action was cancelled.": what BankID advises after a cancel
        break;
    case OrderSession::State::Complete:
        m_rfa = Rfa::None;
        break;
    case OrderSession::State::Idle:
    case OrderSession::State::Cancelling:
    case OrderSession::State::Failed:
        break;
    }
    if (state == OrderSession::State::Pending)
        launchIfRequested(); // the order is out: the click that asked for it launches BankID now
    setRfa(m_rfa);
    updateQrVisibility();
    updateCountdown();
    updateButtons();
    const bool failedOrEnded = state == OrderSession::State::Failed;
    m_detailsToolButton->setVisible(failedOrEnded && m_failure.has_value());
    if (!failedOrEnded) {
        m_detailsToolButton->setChecked(false);
        m_detailsPlainTextEdit->setVisible(false);
    }
}

void OrderView::onHintChanged(const QString &hintCode, Rfa rfa)
{
    Q_UNUSED(hintCode)
    setRfa(rfa);
    updateQrVisibility();
    updateCountdown();
    updateButtons();
}

void OrderView::onFailed(const OrderFailure &failure)
{
    m_failure = failure;
    QStringList details{failure.technicalMessage};
    if (failure.kind == OrderFailure::Kind::HintCode)
        details << tr("hintCode: %1").arg(failure.hintCode);
    if (failure.kind == OrderFailure::Kind::RiskBlocked && m_session && m_session->completion())
        details << tr("completionData.risk: %1").arg(m_session->completion()->risk);
    if (failure.kind == OrderFailure::Kind::Error) {
        const RpError &error = failure.error;
        details << tr("Error kind: %1").arg(RpError::kindName(error.kind()));
        if (!error.endpoint().isEmpty())
            details << tr("Endpoint: %1").arg(error.endpoint());
        if (error.httpStatus() != 0)
            details << tr("HTTP status: %1").arg(error.httpStatus());
        if (!error.errorCode().isEmpty())
            details << tr("errorCode: %1").arg(error.errorCode());
        if (!error.details().isEmpty())
            details << tr("details: %1").arg(error.details());
    }
    if (failure.orderStateUnknown)
        details << tr("Order state at BankID: unknown. The request may have reached BankID; it was not sent again.");
    details << tr("Message shown: %1").arg(rfaId(failure.rfa));
    m_detailsPlainTextEdit->setPlainText(details.join(QLatin1Char('\n')));
    m_detailsToolButton->setChecked(false);
    m_detailsToolButton->setVisible(true);
    setRfa(failure.rfa);
    updateQrVisibility();
    updateCountdown();
    updateButtons();
}

void OrderView::onRestarted(int restartCount)
{
    const int maximum = m_session ? m_session->options().maxAutoRestarts : 0;
    const bool show = m_session && m_session->isActive() && maximum > 0 && restartCount > 0;
    m_restartLabel->setVisible(show);
    if (!show) {
        m_restartLabel->clear();
        return;
    }
    m_restartLabel->setText(method() == StartMethod::QrCode ? tr("New QR code %1 of %2").arg(restartCount).arg(maximum)
                                                            : tr("New start %1 of %2").arg(restartCount).arg(maximum));
}

void OrderView::onOpenOnThisDevice()
{
    if (!m_session)
        return;
    if (method() == StartMethod::QrCode) {
        // One start method per order: the owner cancels this order, starts a same-device one and asks this
        // view to launch it (launchBankIdWhenOrderIsOut()) as soon as it has its autoStartToken.
        emit switchStartMethodRequested(StartMethod::SameDevice);
        return;
    }
    // A same-device order: this click launches its current order (now, or once it is out).
    m_launchFor = m_session;
    if (m_session->launchUrl().isEmpty()) {
        qCInfo(lcOrderView) << "no autostart token yet; BankID is launched when the order is out";
        return;
    }
    launchIfRequested();
}

void OrderView::onShowQrInstead()
{
    m_launchFor = nullptr;
    emit switchStartMethodRequested(StartMethod::QrCode);
}

void OrderView::setRfa(Rfa rfa)
{
    m_rfa = rfa;
    updateMessage();
}

void OrderView::updateMessage()
{
    const Rfa rfa = shownRfa(m_rfa);
    const bool blocked = showsRiskBlocked();
    QString text;
    if (blocked) {
        text = RiskBlockedNotice::text();
    } else if (rfa != Rfa::None) {
        text = UserMessages::text(rfa);
    } else if (m_session) {
        switch (m_session->state()) {
        case OrderSession::State::Starting: text = tr("Starting the order…"); break;
        case OrderSession::State::Cancelling: text = tr("Cancelling the order…"); break;
        case OrderSession::State::Complete: text = tr("Done."); break;
        case OrderSession::State::Idle:
        case OrderSession::State::Pending:
        case OrderSession::State::Failed:
        case OrderSession::State::Cancelled: break;
        }
    }
    ProblemMarker::mark(m_messageLabel, blocked);

    const bool noHandler = m_session && m_session->isActive() && method() == StartMethod::SameDevice
                           && waitingForPickUp(*m_session) && launchState() == LaunchState::NoHandler;
    m_launchProblemLabel->setText(noHandler ? tr("BankID could not be started: nothing on this computer opens BankID "
                                                 "links. Choose “Show QR code instead” and let the person scan the "
                                                 "code with the BankID app on their phone.")
                                            : QString());
    m_launchProblemLabel->setVisible(noHandler);

    if (text == m_messageLabel->text())
        return;
    m_messageLabel->setText(text);
    // A live description: assistive technology is told the message changed, and reads it out.
    m_messageLabel->setAccessibleDescription(text);
    QAccessibleEvent event(m_messageLabel, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

void OrderView::updateQrVisibility()
{
    const bool show = m_session && method() == StartMethod::QrCode && waitingForPickUp(*m_session)
                      && !m_qr->content().isEmpty();
    const bool wasShown = !m_qr->isHidden();
    m_qr->setVisible(show);
    if (!show) {
        m_qr->setContent(QString());
        if (wasShown)
            emit qrContentShown(QString()); // followers (full screen) hide their code too
    }
    updateButtons();
}

void OrderView::updateCountdown()
{
    const bool waiting = m_session && method() != StartMethod::Phone && waitingForPickUp(*m_session);
    if (!waiting) {
        m_countdownTimer.stop();
        m_countdownLabel->setVisible(false);
        m_countdownLabel->clear();
        return;
    }
    if (!m_countdownTimer.isActive())
        m_countdownTimer.start();
    const int seconds = int((m_session->startWindowRemainingMs() + 999) / 1000);
    m_countdownLabel->setText(method() == StartMethod::QrCode
                                  ? tr("Scan within %1 s").arg(seconds)
                                  : tr("Start the BankID app within %1 s").arg(seconds));
    m_countdownLabel->setVisible(true);
}

void OrderView::onCancelClicked()
{
    if (!m_session || !m_session->isActive())
        return;
    if (pickedUp(*m_session)) {
        // The person is in the middle of it: one stray click must not end their order.
        QPointer<OrderSession> asked = m_session;
        const bool cancel = m_cancelConfirmation && m_cancelConfirmation(this);
        if (!cancel || !asked || asked != m_session || !m_session->isActive()) {
            qCInfo(lcOrderView) << "cancel of a picked-up order not confirmed; the order continues";
            return;
        }
    }
    emit cancelRequested();
}

void OrderView::updateStatus()
{
    using Step = OperatorStatusPanel::Step;
    using Outcome = OutcomeBadge::Outcome;
    const OrderSession::State state = m_session ? m_session->state() : OrderSession::State::Idle;
    const QString hint = m_session ? m_session->hintCode() : QString();
    Step step = Step::None;
    QString line;
    switch (state) {
    case OrderSession::State::Starting:
        step = Step::ScanOrOpen;
        break;
    case OrderSession::State::Pending:
        step = waitingForPickUp(*m_session) ? Step::ScanOrOpen : Step::Confirm;
        line = OperatorMessages::forPending(hint, method());
        break;
    case OrderSession::State::Complete:
        step = Step::Done;
        break;
    case OrderSession::State::Failed:
        line = m_failure && m_failure->kind == OrderFailure::Kind::HintCode ? OperatorMessages::forFailed(m_failure->hintCode)
                                                                             : QString();
        break;
    case OrderSession::State::Idle:
    case OrderSession::State::Cancelling:
    case OrderSession::State::Cancelled:
        break;
    }
    m_statusPanel->setVisible(m_session != nullptr && state != OrderSession::State::Idle);
    m_statusPanel->setStep(step);
    m_statusPanel->setBusy(state == OrderSession::State::Starting || state == OrderSession::State::Pending
                           || state == OrderSession::State::Cancelling);
    m_statusPanel->setOperatorLine(line);
    m_statusPanel->setAbout(orderAbout());

    switch (state) {
    case OrderSession::State::Complete:
        m_outcomeBadge->setOutcome(Outcome::Passed, tr("Done"),
                                   m_session->completion() ? m_session->completion()->name : QString());
        break;
    case OrderSession::State::Failed:
        if (showsRiskBlocked())
            m_outcomeBadge->setOutcome(Outcome::Blocked, tr("Blocked: do not continue"));
        else if (m_failure && OperatorMessages::mustNotContinue(m_failure->hintCode))
            m_outcomeBadge->setOutcome(Outcome::Blocked, tr("Call not confirmed: do not continue"));
        else
            m_outcomeBadge->setOutcome(Outcome::Failed, tr("The order did not go through"));
        break;
    case OrderSession::State::Cancelled:
        m_outcomeBadge->setOutcome(Outcome::Cancelled,
                                   m_session->cancelConfirmed() ? tr("Order cancelled at BankID") : tr("Order cancelled"));
        break;
    case OrderSession::State::Idle:
    case OrderSession::State::Starting:
    case OrderSession::State::Pending:
    case OrderSession::State::Cancelling:
        m_outcomeBadge->setOutcome(Outcome::None, QString());
        break;
    }
}

void OrderView::updateButtons()
{
    const bool active = m_session && m_session->isActive();
    const OrderSession::State state = m_session ? m_session->state() : OrderSession::State::Idle;
    const StartMethod current = method();
    const bool phone = current == StartMethod::Phone;

    m_cancelPushButton->setVisible(active);
    m_cancelPushButton->setEnabled(active);
    // The switch ends this order and starts another: offered only while nobody has picked it up yet.
    const bool switchable = active && (state == OrderSession::State::Starting || waitingForPickUp(*m_session));
    m_openOnDevicePushButton->setVisible(switchable && !phone);
    m_openOnDevicePushButton->setEnabled(switchable);
    m_showQrPushButton->setVisible(switchable && current == StartMethod::SameDevice);
    m_showQrPushButton->setEnabled(switchable);
    m_howToScanLabel->setVisible(!m_qr->isHidden());
    const QSizePolicy::Policy spacerPolicy = m_qr->isHidden() ? QSizePolicy::Expanding : QSizePolicy::Fixed;
    if (m_topSpacer->sizePolicy().verticalPolicy() != spacerPolicy) {
        m_topSpacer->changeSize(0, 0, QSizePolicy::Minimum, spacerPolicy);
        m_bottomSpacer->changeSize(0, 0, QSizePolicy::Minimum, spacerPolicy);
        if (this->layout())
            this->layout()->invalidate();
    }
    m_fullScreenPushButton->setVisible(m_fullScreenAvailable && !m_qr->isHidden());
    // A risk-blocked order is final for this person: no "Try again" that would replace the notice.
    // Nor after a declined call: the caller may not be who they say.
    const bool mustNotContinue = m_failure && OperatorMessages::mustNotContinue(m_failure->hintCode);
    m_retryPushButton->setVisible((state == OrderSession::State::Failed && !showsRiskBlocked() && !mustNotContinue)
                                  || state == OrderSession::State::Cancelled);
    updateStatus();
}

void OrderView::setDetailsExpanded(bool expanded)
{
    m_detailsToolButton->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_detailsPlainTextEdit->setVisible(expanded && m_failure.has_value());
}

} // namespace bankid
