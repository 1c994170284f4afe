#include "SignDocumentPage.h"

#include "DocumentSignRequest.h"
#include "DropArea.h"
#include "MarkdownPreview.h"
#include "PageTitleLabel.h"
#include "ProblemMarker.h"
#include "Receipt.h"
#include "SimpleMarkdown.h"
#include "StartBlockedLabel.h"
#include "StartMethodChooser.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <memory>

namespace bankid {

namespace {

// Only for building the request on the page: the MainWindow sends the real endUserIp.
const QString PlaceholderEndUserIp = QStringLiteral("127.0.0.1");

} // namespace

SignDocumentPage::SignDocumentPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new PageTitleLabel(this))
    , m_introLabel(new QLabel(this))
    , m_dropArea(new DropArea(this))
    , m_choosePushButton(new QPushButton(this))
    , m_statusLabel(new QLabel(this))
    , m_fileCaptionLabel(new QLabel(this))
    , m_fileLabel(new QLabel(this))
    , m_sizeCaptionLabel(new QLabel(this))
    , m_sizeLabel(new QLabel(this))
    , m_digestCaptionLabel(new QLabel(this))
    , m_digestLabel(new QLabel(this))
    , m_receiptCaptionLabel(new QLabel(this))
    , m_receiptLabel(new QLabel(this))
    , m_previewLabel(new QLabel(this))
    , m_previewTextBrowser(new QTextBrowser(this))
    , m_startMethodChooser(new StartMethodChooser(Qt::Horizontal, this))
    , m_signPushButton(new QPushButton(this))
    , m_startBlockedLabel(new StartBlockedLabel(this))
{
    setObjectName(QStringLiteral("signDocumentPage"));
    const QList<std::pair<QWidget *, const char *>> names{
        {m_introLabel, "introLabel"},
        {m_choosePushButton, "choosePushButton"},
        {m_statusLabel, "statusLabel"},
        {m_fileLabel, "fileLabel"},
        {m_sizeLabel, "sizeLabel"},
        {m_digestLabel, "digestLabel"},
        {m_receiptLabel, "receiptLabel"},
        {m_previewTextBrowser, "previewTextBrowser"},
        {m_signPushButton, "signPushButton"},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    setAcceptDrops(true); // the whole page is a drop target; the DropArea is the visible one
    m_introLabel->setWordWrap(true);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    for (QLabel *value : {m_fileLabel, m_sizeLabel, m_digestLabel, m_receiptLabel}) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
    }
    m_digestLabel->setWordWrap(false); // 64 hex digits: one unbroken, selectable line
    m_digestLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QList<std::pair<QLabel *, QWidget *>> buddies{
        {m_fileCaptionLabel, m_fileLabel},
        {m_sizeCaptionLabel, m_sizeLabel},
        {m_digestCaptionLabel, m_digestLabel},
        {m_receiptCaptionLabel, m_receiptLabel},
        {m_previewLabel, m_previewTextBrowser},
    };
    for (const auto &[caption, value] : buddies)
        caption->setBuddy(value);
    m_previewTextBrowser->setOpenLinks(false);
    m_signPushButton->setDefault(true);

    auto *chooseRow = new QHBoxLayout;
    chooseRow->addWidget(m_dropArea, 1);
    chooseRow->addWidget(m_choosePushButton, 0, Qt::AlignVCenter);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_fileCaptionLabel, m_fileLabel);
    form->addRow(m_sizeCaptionLabel, m_sizeLabel);
    form->addRow(m_digestCaptionLabel, m_digestLabel);
    form->addRow(m_receiptCaptionLabel, m_receiptLabel);

    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_startMethodChooser);
    methodRow->addStretch(1);
    methodRow->addWidget(m_startBlockedLabel, 2);
    methodRow->addWidget(m_signPushButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(chooseRow);
    layout->addWidget(m_statusLabel);
    layout->addLayout(form);
    layout->addWidget(m_previewLabel);
    layout->addWidget(m_previewTextBrowser, 1);
    layout->addLayout(methodRow);

    setTabOrder(m_choosePushButton, m_digestLabel);
    setTabOrder(m_digestLabel, m_previewTextBrowser);
    setTabOrder(m_previewTextBrowser, m_startMethodChooser->firstButton());
    setTabOrder(m_startMethodChooser->firstButton(), m_startMethodChooser->lastButton());
    setTabOrder(m_startMethodChooser->lastButton(), m_signPushButton);
    setFocusProxy(m_choosePushButton);

    connect(m_dropArea, &DropArea::dropped, this, &SignDocumentPage::handleDroppedUrls);
    connect(m_choosePushButton, &QPushButton::clicked, this, &SignDocumentPage::chooseFile);
    connect(m_signPushButton, &QPushButton::clicked, this, &SignDocumentPage::emitStart);
    retranslateUi();
}

SignDocumentPage::~SignDocumentPage() = default; // m_jobs cancels and waits for a hash still running

void SignDocumentPage::setDocument(const QString &path)
{
    const quint64 generation = ++m_generation;
    m_documentPath = path;
    m_digest.reset();
    m_problem = false;
    m_hashing = !path.isEmpty();
    m_status = m_hashing ? tr("Computing SHA-256…") : QString();
    updateState();
    if (!m_hashing)
        return;

    // The worker owns everything it touches; the result comes back on this thread. A newer choice cancels
    // the older hash and bumps m_generation, so an older result that still arrives is dropped in onHashed().
    struct Outcome {
        std::optional<DocumentDigest> digest;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    m_jobs.cancelAll();
    m_jobs.run([path, outcome](const std::atomic_bool &cancelled) {
                   outcome->digest = DocumentDigest::ofFile(path, &outcome->error, &cancelled);
               },
               [this, generation, outcome] { onHashed(generation, outcome->digest, outcome->error); });
}

void SignDocumentPage::onHashed(quint64 generation, const std::optional<DocumentDigest> &digest, const QString &error)
{
    if (generation != m_generation)
        return; // superseded by a newer choice
    m_hashing = false;
    m_digest = digest;
    m_problem = !digest;
    m_status = digest ? QString() : error;
    updateState();
    emit digestFinished();
}

void SignDocumentPage::handleDroppedUrls(const QList<QUrl> &urls)
{
    if (urls.isEmpty()) {
        showProblem(tr("Nothing usable was dropped: drop one file from this computer."));
        return;
    }
    if (urls.size() > 1) {
        showProblem(tr("%1 items were dropped: drop exactly one file to sign.").arg(QLocale().toString(urls.size())));
        return;
    }
    const QUrl &url = urls.first();
    if (!url.isLocalFile()) {
        showProblem(tr("%1 is not a file on this computer: download it first, then drop the local copy.")
                        .arg(url.toDisplayString()));
        return;
    }
    const QString path = url.toLocalFile();
    if (QFileInfo(path).isDir()) {
        showProblem(tr("%1 is a folder: drop a single file to sign.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    setDocument(path);
}

void SignDocumentPage::showProblem(const QString &message)
{
    // A refused drop leaves the current document (and its digest) as it was; only the message changes.
    m_status = message;
    m_problem = true;
    updateState();
}

QString SignDocumentPage::statusText() const
{
    return m_status;
}

OrderRequest SignDocumentPage::request() const
{
    if (!m_digest)
        return {};
    return DocumentSignRequest::build(*m_digest, PlaceholderEndUserIp);
}

StartMethod SignDocumentPage::startMethod() const
{
    return m_startMethodChooser->startMethod();
}

bool SignDocumentPage::canStart() const
{
    return m_signPushButton->isEnabled();
}

void SignDocumentPage::setStartAllowed(bool allowed, const QString &reason)
{
    m_startAllowed = allowed;
    m_startBlockedLabel->showReason(allowed, reason, m_signPushButton);
    updateState();
}

void SignDocumentPage::chooseFile()
{
    const QString start = m_documentPath.isEmpty() ? QDir::homePath() : QFileInfo(m_documentPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the document to sign"), start);
    if (!path.isEmpty())
        setDocument(path);
}

void SignDocumentPage::emitStart()
{
    if (!canStart())
        return;
    emit startRequested(request(), startMethod());
}

void SignDocumentPage::updateState()
{
    const QLocale locale;
    const bool hasDocument = !m_documentPath.isEmpty();
    m_statusLabel->setText(m_status);
    m_statusLabel->setVisible(!m_status.isEmpty());
    ProblemMarker::mark(m_statusLabel, m_problem);
    m_statusLabel->setAccessibleName(m_problem ? tr("Problem") : tr("Status"));

    m_fileLabel->setText(hasDocument ? QDir::toNativeSeparators(QFileInfo(m_documentPath).absoluteFilePath())
                                     : tr("No document chosen yet"));
    if (!m_digest)
        m_sizeLabel->clear();
    else if (m_digest->size < 1024) // formattedDataSize() already says "609 bytes"
        m_sizeLabel->setText(locale.formattedDataSize(m_digest->size));
    else
        m_sizeLabel->setText(tr("%1 (%2 bytes)").arg(locale.formattedDataSize(m_digest->size),
                                                     locale.toString(m_digest->size)));
    m_digestLabel->setText(m_digest ? m_digest->sha256Hex() : m_hashing ? tr("Computing SHA-256…") : QString());
    m_digestLabel->setFocusPolicy(m_digest ? Qt::StrongFocus : Qt::NoFocus);

    // Receipts are written next to the document: a folder we cannot write to would cost the person a
    // signature whose receipt then has nowhere to go, so Sign waits until the document is somewhere writable.
    const QString folder = hasDocument ? QFileInfo(m_documentPath).absolutePath() : QString();
    const bool folderWritable = !hasDocument || QFileInfo(folder).isWritable();
    if (!hasDocument) {
        m_receiptLabel->setText(QString());
    } else if (!folderWritable) {
        m_receiptLabel->setText(tr("The folder %1 is not writable, so the receipt could not be saved next to the "
                                   "document: copy the document to a folder you can write to first.")
                                    .arg(QDir::toNativeSeparators(folder)));
    } else {
        const QString receiptPath = QDir::toNativeSeparators(Receipt::defaultPathFor(m_documentPath));
        m_receiptLabel->setText(QFileInfo::exists(Receipt::defaultPathFor(m_documentPath))
                                    ? tr("%1 already exists: the new receipt will be saved under the next free "
                                         "numbered name (….bankid-receipt-2.json, -3, …).")
                                          .arg(receiptPath)
                                    : receiptPath);
    }

    if (m_digest)
        m_previewTextBrowser->setHtml(MarkdownPreview::toHtml(SimpleMarkdown::parse(DocumentSignRequest::summaryFor(*m_digest))));
    else
        m_previewTextBrowser->setHtml(MarkdownPreview::plainToHtml(
            m_hashing ? tr("Computing SHA-256…") : tr("Choose a document to see what the person will sign.")));
    ProblemMarker::mark(m_receiptLabel, !folderWritable);
    m_signPushButton->setEnabled(m_startAllowed && m_digest.has_value() && !m_hashing && folderWritable);
}

void SignDocumentPage::showEvent(QShowEvent *event)
{
    updateState(); // a receipt may have been written since the page was last shown
    QWidget::showEvent(event);
}

void SignDocumentPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void SignDocumentPage::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void SignDocumentPage::dropEvent(QDropEvent *event)
{
    if (!event->mimeData() || !event->mimeData()->hasUrls())
        return;
    event->acceptProposedAction();
    handleDroppedUrls(event->mimeData()->urls());
}

void SignDocumentPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SignDocumentPage::retranslateUi()
{
    m_titleLabel->setText(tr("Sign a document"));
    m_introLabel->setText(tr("The person signs the document's SHA-256 digest; the document itself never leaves "
                             "this computer. A receipt that proves the signature offline is saved next to it."));
    m_dropArea->setPrompt(tr("Drop the document to sign here"));
    m_choosePushButton->setText(tr("Ch&oose file…"));
    m_choosePushButton->setAccessibleName(tr("Choose the document to sign"));
    m_fileCaptionLabel->setText(tr("File:"));
    m_fileLabel->setAccessibleName(tr("Document"));
    m_sizeCaptionLabel->setText(tr("Size:"));
    m_sizeLabel->setAccessibleName(tr("Document size"));
    m_digestCaptionLabel->setText(tr("SHA-&256:"));
    m_digestLabel->setAccessibleName(tr("SHA-256 digest of the document"));
    m_receiptCaptionLabel->setText(tr("Receipt:"));
    m_receiptLabel->setAccessibleName(tr("Where the receipt will be saved"));
    m_previewLabel->setText(tr("What the person &reads in the BankID app:"));
    m_previewTextBrowser->setAccessibleName(tr("Summary shown to the person in the BankID app"));
    m_signPushButton->setText(tr("&Sign with BankID"));
    m_signPushButton->setAccessibleName(tr("Sign the document with BankID"));
    if (m_hashing)
        m_status = tr("Computing SHA-256…");
    updateState();
}

} // namespace bankid
