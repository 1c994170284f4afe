#pragma once

#include "BackgroundJobs.h"
#include "IdCardVerification.h"
#include "RpError.h"
#include "VerificationReport.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace bankid {

class AgeLimitChooser;
class AppSettings;
class AuditRecorder;
class ConnectionManager;
class DemoPhonePanel;
class IdCardCameraView;
class IdCardScannerInput;
class OutcomeBadge;
class RpCall;

/// The "Verify ID card" task: a visitor shows the digital ID card in their BankID app; the desk reads its QR
/// code ("BANKIDF.…") and asks BankID (Verify API v1, api digest §11) whether the card is genuine, whose it
/// is and how old the holder is, and shows whether the holder meets the operator's age limit.
///
/// Three ways in, all ending in submitCode(): the scanner input (a handheld 2D scanner types the code and
/// Enter; paste works too; it has the focus whenever the page is shown), the webcam (IdCardCameraView), and
/// in demo mode "Scan from the demo phone" (the demo phone's ID card QR code as shown on screen, decoded with
/// libzbar like the demo phone's own scan).
///
/// Contract:
/// - One request per code: the code is checked locally first (IdCardCode::parse: not an ID card code is
///   refused without a request); a code already sent from this page is never sent again (the result shown,
///   or a sentence asking for a fresh code); while a request is in flight, the same code scanned again is
///   ignored and another code is refused with a sentence (scan it again afterwards).
/// - The request goes through the desk's connection (ConnectionManager::client(), RpClient::verifyIdCard);
///   without one the page says so and sends nothing.
/// - The result: a large OutcomeBadge for the age limit chosen when the code was sent (Passed: meets it,
///   Failed: below it; AgeCheck decides), the name, the personal number masked until Show, the age, when
///   the holder identified and when BankID verified (local time, seconds), a reminder that the photo to
///   compare is on the holder's phone, and the evidence (IdCardEvidenceVerifier, on a background thread,
///   against the simulator's signing root in demo mode and no root otherwise: then the chain cannot pass and
///   the summary says why) summarised in one line and expandable check by check.
/// - An error (expired, already used or unknown code, not an ID card code, network, TLS, configuration) is a
///   "Not verified" badge and OperatorMessages::forIdCardError's sentence saying what to do; no stale result
///   stays on screen.
/// - Every request that got an answer or an error is appended to the audit log (AuditRecorder::
///   recordIdCardVerification): operator, environment, masked personal number + keyed hash, age limit and
///   outcome, verificationId, times. Nothing else about the holder is kept: the result on screen is cleared
///   by clearResult() and by the next scan.
/// - Every answer puts the focus back into the scanner input (when the page is shown), ready for the next scan.
/// - The age limit is remembered (AppSettings::idCardAgeLimit), as are the chosen camera and whether it was on.
/// - The camera runs only while the page is shown.
///
/// \code
///   auto *page = new bankid::VerifyIdCardPage(&settings, this);
///   page->setConnection(&connections);
///   page->setAuditRecorder(recorder);
///   page->submitCode(QStringLiteral("BANKIDF.74226FAAE…"));
/// \endcode
class VerifyIdCardPage : public QWidget
{
    Q_OBJECT

public:
    /// What the page shows now.
    enum class State {
        Waiting,   ///< waiting for a scan
        Verifying, ///< a request is in flight
        Verified,  ///< BankID verified the card: result() is set
        Refused,   ///< not verified: messageText() says why
    };
    Q_ENUM(State)

    explicit VerifyIdCardPage(AppSettings *settings, QWidget *parent = nullptr);
    ~VerifyIdCardPage() override;

    void setConnection(ConnectionManager *connections);
    void setAuditRecorder(AuditRecorder *recorder);
    /// Demo mode: "Scan from the demo phone" reads this panel's ID card QR code; nullptr hides the button.
    void setDemoPhone(DemoPhonePanel *panel);

    /// A scanned or pasted code (see the class contract).
    void submitCode(const QString &scanned);
    /// Demo mode: grabs the demo phone's ID card QR code as shown and submits what it decodes.
    void scanFromDemoPhone();
    /// Back to "waiting for a scan": the result and the message are cleared (also Esc on the page).
    void clearResult();

    State state() const { return m_state; }
    const std::optional<IdCardVerification> &result() const { return m_result; }
    /// The age limit of the result shown (the one chosen when its code was sent).
    int resultAgeLimit() const { return m_requestAgeLimit; }
    /// The evidence report of the result, once its background check finished.
    const std::optional<VerificationReport> &evidence() const { return m_evidence; }
    /// The plain-words problem shown (state Refused) or the notice (a duplicate scan); empty when none.
    QString messageText() const { return m_message; }
    /// Number of requests sent since the page was created.
    int requestCount() const { return m_requestCount; }
    OutcomeBadge *outcomeBadge() const { return m_outcomeBadge; }
    IdCardScannerInput *scannerInput() const { return m_scannerInput; }
    IdCardCameraView *cameraView() const { return m_cameraView; }
    AgeLimitChooser *ageLimitChooser() const { return m_ageLimitChooser; }

signals:
    /// The request for a code ended (verified or not); state() and result() are set.
    void finished();
    /// The evidence of the result shown was checked; evidence() is set.
    void evidenceChecked();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshEvidence();
    void setNotice(const QString &notice);
    void onFinished(RpCall *call);
    void checkEvidence();
    void recordAudit(const RpError *error);

    AppSettings *m_settings;
    QPointer<ConnectionManager> m_connections;
    QPointer<AuditRecorder> m_auditRecorder;
    QPointer<DemoPhonePanel> m_demoPhone;
    QPointer<RpCall> m_call;
    QString m_inFlightCode;
    QSet<QString> m_sentCodes; ///< every code sent from this page: never sent twice
    QString m_resultCode;      ///< the code of the result shown
    State m_state = State::Waiting;
    std::optional<IdCardVerification> m_result;
    std::optional<VerificationReport> m_evidence;
    QString m_rootsDescription;
    QString m_message;
    bool m_messageIsProblem = false;
    int m_requestAgeLimit = 0;
    QDateTime m_requestedAt;
    int m_requestCount = 0;
    quint64 m_generation = 0; ///< bumped per result: a late evidence check of an older one is dropped

    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    QLabel *m_scannerLabel;
    IdCardScannerInput *m_scannerInput;
    QPushButton *m_verifyPushButton;
    QPushButton *m_demoScanPushButton;
    AgeLimitChooser *m_ageLimitChooser;
    IdCardCameraView *m_cameraView;
    QLabel *m_messageLabel;
    OutcomeBadge *m_outcomeBadge;
    QWidget *m_resultWidget;
    QLabel *m_nameCaptionLabel;
    QLabel *m_nameLabel;
    QLabel *m_personalNumberCaptionLabel;
    QLabel *m_personalNumberLabel;
    QPushButton *m_revealPushButton;
    QLabel *m_ageCaptionLabel;
    QLabel *m_ageLabel;
    QLabel *m_identifiedAtCaptionLabel;
    QLabel *m_identifiedAtLabel;
    QLabel *m_verifiedAtCaptionLabel;
    QLabel *m_verifiedAtLabel;
    QLabel *m_photoReminderLabel;
    QLabel *m_evidenceLabel;
    QToolButton *m_evidenceToolButton;
    QTreeWidget *m_evidenceTreeWidget;

    BackgroundJobs m_jobs; ///< last member: destroyed first, so no evidence check outlives the page's state
};

} // namespace bankid
