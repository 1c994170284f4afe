#pragma once

#include "OrderFailure.h"
#include "OrderSession.h"
#include "Rfa.h"
#include "StartMethod.h"

#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QToolButton;
class QPlainTextEdit;

namespace bankid {

class QrCodeWidget;

/// Renders one OrderSession: title, the animated QR code (only while the order waits to be picked up with
/// StartMethod::QrCode), the official RFA text for the current hint (always visible, large, re-translated
/// live), a countdown of the start window and the auto-restart count, Cancel, a start-method switch, and
/// on failure the RFA text with collapsible technical details and "Try again".
///
/// Contract: the view never talks to BankID: it reads the session and emits requests (cancelRequested,
/// switchStartMethodRequested, retryRequested, fullScreenRequested) that the owner carries out. The
/// session is not owned; it may be destroyed while attached (QPointer), attach(nullptr) detaches.
/// "Open BankID on this device" opens session->launchUrl() itself (a user action, facts §6).
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
    explicit OrderView(QWidget *parent = nullptr);
    ~OrderView() override;

    /// Shows \a session (not owned) under \a title; nullptr detaches and clears the view.
    void attach(bankid::OrderSession *session, const QString &title);
    QrCodeWidget *qrWidget() const;
    /// Whether the "Full screen" action is offered (only meaningful for the QR start method).
    void setFullScreenAvailable(bool available);

    /// The RFA currently shown (Rfa::None before any).
    Rfa currentRfa() const { return m_rfa; }
    /// The RFA text as shown (in the installed language).
    QString messageText() const;

signals:
    /// Cancel button (Esc shortcut); always enabled while the order is active.
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
    void retranslateUi();
    void onStateChanged(bankid::OrderSession::State state);
    void onHintChanged(const QString &hintCode, bankid::Rfa rfa);
    void onFailed(const bankid::OrderFailure &failure);
    void onRestarted(int restartCount);
    void onOpenOnThisDevice();
    void onShowQrInstead();
    void setRfa(Rfa rfa);
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
    /// The person asked for BankID on this device: launch it once the same-device order is out.
    bool m_launchWhenPending = false;
    QTimer m_countdownTimer;

    QLabel *m_titleLabel = nullptr;
    QrCodeWidget *m_qr = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_countdownLabel = nullptr;
    QLabel *m_restartLabel = nullptr;
    QToolButton *m_detailsToolButton = nullptr;
    QPlainTextEdit *m_detailsPlainTextEdit = nullptr;
    QPushButton *m_cancelPushButton = nullptr;
    QPushButton *m_openOnDevicePushButton = nullptr;
    QPushButton *m_showQrPushButton = nullptr;
    QPushButton *m_fullScreenPushButton = nullptr;
    QPushButton *m_retryPushButton = nullptr;
};

} // namespace bankid
