#pragma once

#include "OrderFailure.h"
#include "OrderSession.h"
#include "Rfa.h"
#include "StartMethod.h"
#include "UrlOpener.h"

#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QToolButton;
class QPlainTextEdit;
class QSpacerItem;

namespace bankid {

class OperatorStatusPanel;
class OutcomeBadge;
class QrCodeWidget;

/// Renders one OrderSession: title, the animated QR code (only while the order waits to be picked up with
/// StartMethod::QrCode), the official RFA text for the current hint (always visible, large, re-translated
/// live), a countdown of the start window and the auto-restart count, Cancel, a start-method switch, and
/// on failure the RFA text with collapsible technical details and "Try again".
///
/// Contract: the view never talks to BankID: it reads the session and emits requests (cancelRequested,
/// switchStartMethodRequested, retryRequested, fullScreenRequested) that the owner carries out. The
/// session is not owned; it may be destroyed while attached (QPointer), attach(nullptr) detaches.
///
/// Launching the BankID app (api digest §6: only after a user click, one start method per order):
/// - The owner calls launchBankIdWhenOrderIsOut() for a same-device session the operator's click started;
///   the view then opens session->launchUrl() through its UrlOpener exactly once, as soon as that
///   session's order has its autoStartToken (Pending). "Open BankID on this device" on a same-device order
///   launches its current order the same way. Nothing else launches: not an attach, not an automatic
///   restart's new order (its token waits for the operator's click on "Open BankID on this device").
/// - RFA13 ("Trying to start your BankID app") is shown only once the current order's launch was handed to
///   the desktop. Before that the outstanding order shows RFA1 ("Start your BankID app"). When the opener
///   reports that nothing handles bankid: links, the view shows RFA17A and, for the operator, that BankID
///   could not be started here and the QR code is the way on ("Show QR code instead").
///
/// The operator status panel (OperatorStatusPanel) under the customer text shows the step, a busy
/// indicator while waiting, the operator's own line (OperatorMessages) and what the order is about
/// (setOrderDetails()). An ended order shows an OutcomeBadge: Passed when complete, Failed or Blocked on a
/// failure (so BankID's advice is not mistaken for an instruction), Cancelled after a cancel.
///
/// Protecting the person's order: the start-method switch is offered only while the order waits to be
/// picked up (no hint yet, outstandingTransaction or noClient); once the person has scanned or opened
/// BankID, Cancel first asks the operator (CancelConfirmation; No, the default and Esc, keeps the order).
/// A declined call (userDeclinedCall) offers no "Try again": the operator must not continue.
///
/// A failure the core marks as blocked for risk (OrderFailure::isRiskBlocked()) shows RiskBlockedNotice
/// instead of the RFA text, marked as a problem, and offers no "Try again": the operator must not continue.
///
/// \code
///   auto *view = new bankid::OrderView(this);
///   view->attach(&session, tr("Log in"));
///   connect(view, &bankid::OrderView::cancelRequested, &session, &bankid::OrderSession::cancel);
/// \endcode
class OrderView : public QWidget
{
    Q_OBJECT

public:
    /// Asks the operator whether to cancel an order the person already picked up; true cancels.
    using CancelConfirmation = std::function<bool(QWidget *parent)>;

    explicit OrderView(QWidget *parent = nullptr);
    ~OrderView() override;

    /// Shows \a session (not owned) under \a title; nullptr detaches and clears the view.
    void attach(bankid::OrderSession *session, const QString &title);
    /// The operator's click chose BankID on this device for the attached (same-device) session: launch the
    /// app once its order is out (see the class contract). May be called before session->start(); nothing
    /// is launched for a session whose start method turns out not to be SameDevice.
    void launchBankIdWhenOrderIsOut();
    /// What the attached order is about, for the operator status panel: the flow, the text to sign (first
    /// line) or \a documentName, and the person (masked) for phone orders; the person of a completed order
    /// is added from its completion. Call after attach(); attach() clears it.
    void setOrderDetails(const bankid::OrderRequest &request, const QString &documentName = {});
    /// Replaces the question asked before cancelling a picked-up order (default: a QMessageBox).
    void setCancelConfirmation(const CancelConfirmation &confirmation);
    /// Replaces how URLs are opened (default: QDesktopServices::openUrl).
    void setUrlOpener(const bankid::UrlOpener &opener);
    QrCodeWidget *qrWidget() const;
    /// Whether the "Full screen" action is offered (only meaningful for the QR start method).
    void setFullScreenAvailable(bool available);

    /// The RFA currently shown (Rfa::None before any); for a same-device order it reflects the launch.
    Rfa currentRfa() const;
    /// The RFA text as shown (in the installed language).
    QString messageText() const;

signals:
    /// Cancel button (Esc shortcut); always enabled while the order is active. After the person picked
    /// the order up, emitted only once the operator confirmed.
    void cancelRequested();
    /// "Open BankID on this device" (from a QR order) / "Show QR code instead" (from a same-device order).
    void switchStartMethodRequested(bankid::StartMethod method);
    /// "Full screen" (F11).
    void fullScreenRequested();
    /// "Try again" after a failure.
    void retryRequested();
    /// Each QR refresh actually painted (the full-screen window follows it).
    void qrContentShown(const QString &content);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// Whether the app was launched for the current order of a same-device session.
    enum class LaunchState {
        NotAttempted, ///< no launch for this order's autoStartToken (yet)
        Launched,     ///< handed to the desktop's bankid: handler
        NoHandler,    ///< the opener reported that nothing handles bankid: links
    };

    void retranslateUi();
    void onStateChanged(bankid::OrderSession::State state);
    void onHintChanged(const QString &hintCode, bankid::Rfa rfa);
    void onFailed(const bankid::OrderFailure &failure);
    void onRestarted(int restartCount);
    void onOpenOnThisDevice();
    void onShowQrInstead();
    void onCancelClicked();
    /// The status panel and the outcome badge for the session's current state.
    void updateStatus();
    /// "Sign · contract.pdf · 19850615****": flow, text or document, masked person (empty: nothing known).
    QString orderAbout() const;
    void setRfa(Rfa rfa);
    /// Renders m_rfa (adjusted by shownRfa()), the blocked notice and the launch problem.
    void updateMessage();
    /// The session's RFA as the view shows it: a same-device RFA13 only once the launch was attempted.
    Rfa shownRfa(Rfa rfa) const;
    LaunchState launchState() const;
    /// Launches the current order if the operator asked for it and its autoStartToken is there.
    void launchIfRequested();
    void launch(const QUrl &url);
    bool showsRiskBlocked() const;
    void updateQrVisibility();
    void updateCountdown();
    void updateButtons();
    void setDetailsExpanded(bool expanded);
    StartMethod method() const;

    QPointer<OrderSession> m_session;
    QString m_title;
    Rfa m_rfa = Rfa::None;
    std::optional<OrderFailure> m_failure;
    bool m_fullScreenAvailable = true;
    UrlOpener m_urlOpener;
    /// The session whose order is to be launched when it is out (set by the operator's click, cleared by
    /// the launch: one launch per click).
    QPointer<OrderSession> m_launchFor;
    /// The autoStartToken a launch was attempted for, and whether the opener refused it.
    QString m_launchedToken;
    bool m_launchRefused = false;
    QTimer m_countdownTimer;
    /// What setOrderDetails() was told, kept raw so a language switch re-words it.
    struct OrderDetails {
        Flow flow = Flow::Auth;
        QString textStart;
        QString documentName;
        QString personalNumber;
    };
    std::optional<OrderDetails> m_orderDetails;
    CancelConfirmation m_cancelConfirmation;

    QLabel *m_titleLabel = nullptr;
    QrCodeWidget *m_qr = nullptr;
    QLabel *m_howToScanLabel = nullptr;
    QSpacerItem *m_topSpacer = nullptr;    ///< expands only while no QR code is shown
    QSpacerItem *m_bottomSpacer = nullptr;
    OperatorStatusPanel *m_statusPanel = nullptr;
    OutcomeBadge *m_outcomeBadge = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_countdownLabel = nullptr;
    QLabel *m_restartLabel = nullptr;
    QLabel *m_launchProblemLabel = nullptr;
    QToolButton *m_detailsToolButton = nullptr;
    QPlainTextEdit *m_detailsPlainTextEdit = nullptr;
    QPushButton *m_cancelPushButton = nullptr;
    QPushButton *m_openOnDevicePushButton = nullptr;
    QPushButton *m_showQrPushButton = nullptr;
    QPushButton *m_fullScreenPushButton = nullptr;
    QPushButton *m_retryPushButton = nullptr;
};

} // namespace bankid
