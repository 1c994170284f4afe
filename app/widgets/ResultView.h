#pragma once

#include "ApiTypes.h"
#include "Receipt.h"
#include "ResultContext.h"
#include "UrlOpener.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QPlainTextEdit;
class QTextBrowser;

namespace bankid {

class OutcomeBadge;

/// Shows a completed order under an OutcomeBadge headed per flow ("Identified with BankID" for a login,
/// "Signed with BankID" for a signature): who (name, personal number masked until "Show" is toggled), the BankID issue
/// date, the device IP (warned when a same-device order was completed from another IP than the end-user
/// IP sent), uhi, stepUp, risk, what was signed (the usrVisibleData decoded from the signature XML), the
/// order times; Copy, Export JSON… and New order. The text the person saw is headed per flow and, when it
/// was simpleMarkdownV1, rendered the way the BankID app showed it (MarkdownPreview). Copy and a saved
/// receipt say so on a status line.
///
/// A saved receipt offers "Open folder" (its folder through the injectable UrlOpener) and "Verify now"
/// (verifyReceiptRequested(); the main window opens the Verify receipt page with both paths).
///
/// A blocked order is a failure, not a result: the core fails a completion with risk "high"
/// (OrderFailure::Kind::RiskBlocked) and the OrderView shows it. Should one still be passed here, the view
/// shows only RiskBlockedNotice: no identity, no Copy, no Export.
///
/// Contract: export writes through QSaveFile (a failed export leaves no file and no half file); the copy
/// text shows the personal number masked unless the operator revealed it. For a document order the main
/// window reports the receipt after showCompletion(): where it was saved (and that a numbered name was used
/// because one already existed), or why it was not saved, with "Save receipt as…" so nothing is lost.
///
/// \code
///   resultView->showCompletion(*session.completion(), context);
///   connect(resultView, &bankid::ResultView::newOrderRequested, this, &Desk::showStartPage);
/// \endcode
class ResultView : public QWidget
{
    Q_OBJECT

public:
    explicit ResultView(QWidget *parent = nullptr);

    void showCompletion(const bankid::CompletionData &completion, const bankid::ResultContext &context);
    /// A document order's receipt was written to `path`; `numbered`: the first-choice name was taken.
    /// `documentPath`: the signed document (for "Verify now"); empty derives it from a default-named receipt.
    void showReceiptSaved(const QString &path, bool numbered, const QString &documentPath = {});
    /// Replaces how "Open folder" opens the receipt's folder (default: QDesktopServices::openUrl).
    void setUrlOpener(const bankid::UrlOpener &opener);
    /// The status line as shown ("Copied to the clipboard", ...; empty when none).
    QString statusText() const;
    /// Writing the receipt next to `documentPath` failed with `error`: shows it and offers Save receipt as….
    /// `fallbackPath`: where the window saved a copy instead (empty: nowhere, it exists only in this view).
    void showReceiptNotSaved(const bankid::Receipt &receipt, const QString &documentPath, const QString &error,
                             const QString &fallbackPath = {});
    /// True when the last receipt exists only in memory: neither next to the document nor as a fallback copy.
    bool receiptOnlyInMemory() const { return m_unsavedReceipt.has_value() && m_receiptFallbackPath.isEmpty(); }
    /// Save receipt as…: asks for a file name and writes the unsaved receipt there. True when it was saved (or
    /// there was nothing to save); false when the user cancelled or writing failed (after saying why).
    bool saveReceiptInteractively();
    /// The receipt line as shown (empty for orders without a receipt).
    QString receiptStatusText() const;
    /// Whether a receipt is waiting to be saved (Save receipt as… is offered).
    bool hasUnsavedReceipt() const { return m_unsavedReceipt.has_value(); }
    /// Saves the unsaved receipt to exactly `path` (ReceiptWriter::writeTo); what Save receipt as… does.
    bool saveReceiptAs(const QString &path, QString *error);
    /// Writes the export JSON to \a path through QSaveFile; false with \a error (naming the path) otherwise.
    bool exportJson(const QString &path, QString *error) const;
    /// What Copy puts on the clipboard (the personal number masked unless revealed).
    QString summaryText() const;

    /// The export document: {"version":1, "environment", "orderRef", "flow", "startedAt", "completedAt",
    /// "endUserIp", "completionData"}.
    QJsonObject exportDocument() const;
    /// The usrVisibleData found in base64 \a signature (XMLDSig), decoded; nullopt when absent/unreadable.
    static std::optional<QByteArray> signedVisibleData(const QString &signature);
    /// Whether the personal number is currently shown in clear.
    bool isPersonalNumberRevealed() const;
    /// Whether the result may be trusted (a result is shown and it is not blocked).
    bool isTrusted() const;
    /// Whether the shown completion has risk "high" (shown as RiskBlockedNotice only).
    bool isBlocked() const;

signals:
    void newOrderRequested();
    /// "Verify now" on a saved receipt: verify \a receiptPath against \a documentPath.
    void verifyReceiptRequested(const QString &documentPath, const QString &receiptPath);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void onCopy();
    void onExport();
    void onSaveReceiptAs();
    void onOpenReceiptFolder();
    void onVerifyReceipt();
    void setStatus(const QString &text);
    /// The document a saved receipt belongs to: as given, or derived from a default receipt name.
    QString receiptDocumentPath() const;
    QString shownPersonalNumber() const;
    QString riskText() const;
    bool deviceIpDiffers() const;

    CompletionData m_completion;
    ResultContext m_context;
    QByteArray m_signedText;
    bool m_signedTextFromSignature = false;
    bool m_hasResult = false;
    QString m_receiptPath;            ///< written receipt (empty: none, or not saved)
    bool m_receiptNumbered = false;
    QString m_receiptError;           ///< why the receipt was not saved
    QString m_receiptDocumentPath;
    QString m_receiptFallbackPath;    ///< the copy the window saved when the document's folder failed
    std::optional<Receipt> m_unsavedReceipt;

    UrlOpener m_urlOpener;
    QString m_savedReceiptDocumentPath; ///< the document of m_receiptPath, when the window said

    OutcomeBadge *m_outcomeBadge = nullptr;
    QLabel *m_headingLabel = nullptr;
    QWidget *m_detailsWidget = nullptr; ///< the form and the signed text
    QLabel *m_nameCaptionLabel = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_personalNumberCaptionLabel = nullptr;
    QLabel *m_personalNumberLabel = nullptr;
    QPushButton *m_revealPushButton = nullptr;
    QLabel *m_issueDateCaptionLabel = nullptr;
    QLabel *m_issueDateLabel = nullptr;
    QLabel *m_deviceIpCaptionLabel = nullptr;
    QLabel *m_deviceIpLabel = nullptr;
    QLabel *m_deviceIpWarningLabel = nullptr;
    QLabel *m_uhiCaptionLabel = nullptr;
    QLabel *m_uhiLabel = nullptr;
    QLabel *m_stepUpCaptionLabel = nullptr;
    QLabel *m_stepUpLabel = nullptr;
    QLabel *m_riskCaptionLabel = nullptr;
    QLabel *m_riskLabel = nullptr;
    QLabel *m_signedCaptionLabel = nullptr;
    QPlainTextEdit *m_signedPlainTextEdit = nullptr;
    QTextBrowser *m_signedTextBrowser = nullptr; ///< the signed text rendered (simpleMarkdownV1)
    QLabel *m_timesCaptionLabel = nullptr;
    QLabel *m_timesLabel = nullptr;
    QLabel *m_receiptLabel = nullptr;
    QPushButton *m_saveReceiptPushButton = nullptr;
    QPushButton *m_openFolderPushButton = nullptr;
    QPushButton *m_verifyNowPushButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_copyPushButton = nullptr;
    QPushButton *m_exportPushButton = nullptr;
    QPushButton *m_newOrderPushButton = nullptr;
};

} // namespace bankid
