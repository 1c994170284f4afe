#pragma once

#include "ApiTypes.h"
#include "BackgroundJobs.h"
#include "DocumentDigest.h"
#include "StartMethod.h"

#include <QList>
#include <QUrl>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace bankid {

class DropArea;
class StartBlockedLabel;
class StartMethodChooser;

/// The "Sign document" task: the operator picks one file (Choose file… or drag and drop onto the page), the
/// page computes its SHA-256 in a background thread and shows the file name, size, full digest, the summary
/// the signer will read in the BankID app (DocumentSignRequest::summaryFor, rendered) and where the receipt
/// will be saved; Sign starts a /sign order for the digest (DocumentSignRequest::build).
///
/// Contract:
/// - Hashing never blocks the UI thread: "Computing SHA-256…" is shown meanwhile, and a newer choice
///   supersedes an older computation (its result is dropped). digestFinished() is emitted once per
///   choice that was not superseded, with or without a digest.
/// - A drop must be exactly one local file: several items, folders and remote URLs are refused with a
///   sentence saying which (the current document stays). An unreadable file shows DocumentDigest's error.
/// - Sign is enabled only while a digest for the current document is ready. startRequested() carries
///   Flow::Sign built with a placeholder endUserIp, which the MainWindow replaces.
/// - The receipt line is re-checked whenever the page is shown: when the default receipt name is taken the
///   page says a numbered one will be used.
///
/// \code
///   auto *page = new bankid::SignDocumentPage;
///   connect(page, &bankid::SignDocumentPage::startRequested, window, &Window::startDocumentOrder);
///   page->setDocument(QStringLiteral("/home/anna/contract.pdf"));
/// \endcode
class SignDocumentPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignDocumentPage(QWidget *parent = nullptr);
    ~SignDocumentPage() override;

    /// Chooses `path` (what Choose file… and a valid drop do): starts hashing it in the background.
    void setDocument(const QString &path);
    /// Applies a drop's URLs (what dropEvent() does): exactly one local file, otherwise a message.
    void handleDroppedUrls(const QList<QUrl> &urls);
    QString documentPath() const { return m_documentPath; }
    /// The digest of documentPath() once computed; nullopt while hashing, on error, or with no document.
    const std::optional<DocumentDigest> &digest() const { return m_digest; }
    bool isHashing() const { return m_hashing; }
    /// The message shown under the drop area (hashing, a refused drop, a read error); empty when none.
    QString statusText() const;
    /// Whether the status is a problem (refused drop or unreadable file).
    bool hasProblem() const { return m_problem; }
    /// The request Sign would emit (placeholder endUserIp); only meaningful when canStart().
    OrderRequest request() const;
    StartMethod startMethod() const;
    /// Whether Sign is enabled.
    bool canStart() const;
    /// Allows or blocks starting (e.g. while the connection is unusable): when blocked, the start button is
    /// disabled and \a reason is its tooltip and shown beside it. The MainWindow calls this.
    Q_INVOKABLE void setStartAllowed(bool allowed, const QString &reason);

signals:
    void startRequested(const bankid::OrderRequest &request, bankid::StartMethod method);
    /// The computation for the current document ended (digest() set, or statusText() says why not).
    void digestFinished();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void chooseFile();
    void emitStart();
    void showProblem(const QString &message);
    void onHashed(quint64 generation, const std::optional<DocumentDigest> &digest, const QString &error);

    QString m_documentPath;
    std::optional<DocumentDigest> m_digest;
    QString m_status;
    bool m_problem = false;
    bool m_hashing = false;
    quint64 m_generation = 0; ///< bumped by every choice; a finished hash of an older one is dropped

    QLabel *m_titleLabel;
    QLabel *m_introLabel;
    DropArea *m_dropArea;
    QPushButton *m_choosePushButton;
    QLabel *m_statusLabel;
    QLabel *m_fileCaptionLabel;
    QLabel *m_fileLabel;
    QLabel *m_sizeCaptionLabel;
    QLabel *m_sizeLabel;
    QLabel *m_digestCaptionLabel;
    QLabel *m_digestLabel;
    QLabel *m_receiptCaptionLabel;
    QLabel *m_receiptLabel;
    QLabel *m_previewLabel;
    QTextBrowser *m_previewTextBrowser;
    StartMethodChooser *m_startMethodChooser;
    QPushButton *m_signPushButton;
    StartBlockedLabel *m_startBlockedLabel;
    bool m_startAllowed = true;

    BackgroundJobs m_jobs; ///< last member: destroyed first, so no hash outlives the page's state
};

} // namespace bankid
