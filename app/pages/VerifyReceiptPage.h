#pragma once

#include "BackgroundJobs.h"
#include "ReceiptReport.h"

#include <QList>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace bankid {

class DropArea;
class OutcomeBadge;

/// The "Verify receipt" task: checks offline that a document was signed with BankID, from the document and
/// its receipt (ReceiptVerifier). The operator drops the document, its receipt or both onto the drop area
/// (or uses Open document… / Open receipt…); the page finds the partner by name (Receipt::defaultPathFor /
/// Receipt::documentPathFor), verifies, and shows a headline ("All N checks passed" / "N checks failed: …"),
/// every check with its outcome in words (not colour alone) and detail, the signer, the signing time, both
/// paths and which roots were trusted.
///
/// Contract:
/// - No network: it works whether or not the desk's connection is configured.
/// - Trust: the root certificates the operator added (listed, removable) and nothing else; when none were
///   added and the receipt's environment is "simulator", the local simulator roots
///   (EvidenceRoots::localSimulatorRootPaths()), described as "local simulator — not a BankID signature".
/// - Verification runs in a background thread (it hashes the document); a newer request supersedes an older
///   one. verified() is emitted once per request that was not superseded, when report() is set.
/// - The signer's personal number is masked (PersonalNumber::mask) until Show is pressed.
/// - Refused input (a folder, a remote URL, more than two items, a missing partner) is a sentence in
///   messageText(), and no stale result stays on screen.
/// - The outcome is an OutcomeBadge (a pass a green check with words, a failure a red cross with words).
/// - Check names and what each check means are shown in the UI language (checkTitle(), checkExplanation():
///   core's names are stable English identifiers), re-rendered on a language switch; the verifier's own
///   technical detail (English) is in each row's tooltip and in an expandable child row. Nothing is cut off
///   silently: the table wraps, and every cell's full text is its tooltip.
/// - When the verification did not pass, the signer is qualified ("Signer (not verified):").
/// - Dates in the UI language's short format (24-hour in Swedish).
///
/// \code
///   auto *page = new bankid::VerifyReceiptPage;
///   page->addRootFile(simulator.signingRootPath());
///   page->setFiles(QStringLiteral("/tmp/contract.pdf"), QStringLiteral("/tmp/contract.pdf.bankid-receipt.json"));
/// \endcode
class VerifyReceiptPage : public QWidget
{
    Q_OBJECT

public:
    explicit VerifyReceiptPage(QWidget *parent = nullptr);

    /// Verifies `documentPath` against `receiptPath` (both given: no partner search).
    void setFiles(const QString &documentPath, const QString &receiptPath);
    /// One document or receipt (a drop of one file, Open document…, Open receipt…): finds its partner and
    /// verifies, or says what is missing.
    void openPath(const QString &path);
    /// A drop's URLs: one file (openPath), or a document and its receipt in either order.
    void handleDroppedUrls(const QList<QUrl> &urls);
    /// Runs the verification again for the current files (Verify again).
    void verify();

    /// Trusts the certificates in `path` (PEM or DER) from now on; false with messageText() naming the file
    /// when it holds none. Re-verifies the current files.
    bool addRootFile(const QString &path);
    void removeRootFile(const QString &path);
    QStringList rootFiles() const { return m_rootFiles; }

    QString documentPath() const { return m_documentPath; }
    QString receiptPath() const { return m_receiptPath; }
    bool isVerifying() const { return m_verifying; }
    /// The last finished verification of the current files.
    const std::optional<ReceiptReport> &report() const { return m_report; }
    /// The outcome heading and its detail (e.g. "2 of 15 checks failed" and the failed checks), or the
    /// neutral line when nothing was verified.
    QString headlineText() const;
    /// The translated title of core's check `name` (VerificationReport/ReceiptReport::checkNames()), e.g.
    /// "document digest" -> "Document unchanged"; an unknown name is returned as it is.
    static QString checkTitle(const QString &name);
    /// What the check with `name` found, in the operator's words, for `outcome`.
    static QString checkExplanation(const QString &name, VerificationCheck::Outcome outcome);
    /// The problem or notice shown under the drop area; empty when none.
    QString messageText() const { return m_message; }

signals:
    void verified();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void refreshRoots();
    void setMessage(const QString &message);
    /// Refused input: the message, and the previous files and result are cleared (no stale result).
    void refuse(const QString &message);
    void onVerified(quint64 generation, const ReceiptReport &report);
    void onOpenDocument();
    void onOpenReceipt();
    void onAddRoot();
    void onRemoveRoot();

    QString m_documentPath;
    QString m_receiptPath;
    QStringList m_rootFiles;
    std::optional<ReceiptReport> m_report;
    QString m_message;
    bool m_verifying = false;
    quint64 m_generation = 0; ///< bumped by every request; an older result is dropped

    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    DropArea *m_dropArea;
    QPushButton *m_openDocumentPushButton;
    QPushButton *m_openReceiptPushButton;
    QLabel *m_messageLabel;
    QLabel *m_documentCaptionLabel;
    QLabel *m_documentLabel;
    QLabel *m_receiptCaptionLabel;
    QLabel *m_receiptLabel;
    QLabel *m_headlineLabel; ///< the neutral line while nothing was verified
    OutcomeBadge *m_outcomeBadge; ///< verifying, passed or failed
    QLabel *m_checksCaptionLabel;
    QTreeWidget *m_checksTreeWidget;
    QLabel *m_signerCaptionLabel;
    QLabel *m_signerLabel;
    QPushButton *m_revealPushButton; ///< the personal number is masked until shown
    QLabel *m_signedAtCaptionLabel;
    QLabel *m_signedAtLabel;
    QLabel *m_trustedCaptionLabel;
    QLabel *m_trustedLabel;
    QLabel *m_rootsCaptionLabel;
    QListWidget *m_rootsListWidget;
    QPushButton *m_addRootPushButton;
    QPushButton *m_removeRootPushButton;
    QPushButton *m_verifyAgainPushButton;

    BackgroundJobs m_jobs; ///< last member: destroyed first, so no verification outlives the page's state
};

} // namespace bankid
