#include "VerifyReceiptPage.h"

#include "DropArea.h"
#include "EvidenceRoots.h"
#include "PersonalNumber.h"
#include "ProblemMarker.h"
#include "Receipt.h"
#include "ReceiptVerifier.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

Q_LOGGING_CATEGORY(lcVerifyPage, "bankid.app.verify")

namespace bankid {

namespace {

/// Larger files are not read to guess whether they are receipts (a receipt is a few tens of KB).
constexpr qint64 MaxReceiptGuessBytes = 16 * 1024 * 1024;

std::optional<Receipt> readReceipt(const QString &path)
{
    QFile file(path);
    if (file.size() > MaxReceiptGuessBytes || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QString error;
    return Receipt::fromJson(file.readAll(), &error);
}

/// A receipt by its name (ReceiptWriter's names) or, for other names, by its content.
bool isReceipt(const QString &path)
{
    if (!Receipt::documentPathFor(path).isEmpty())
        return true;
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && readReceipt(path).has_value();
}

/// The receipt for `documentPath`: the first-choice name, else the lowest numbered one that exists.
QString findReceiptFor(const QString &documentPath)
{
    // An empty file is a name claimed by a writer that crashed before its content landed (ReceiptWriter):
    // never the receipt to pick when a numbered one exists.
    const QString first = Receipt::defaultPathFor(documentPath);
    if (QFileInfo(first).size() > 0)
        return first;
    const QFileInfo info(documentPath);
    QDir dir = info.absoluteDir();
    const QStringList candidates =
        dir.entryList({info.fileName() + QStringLiteral(".bankid-receipt-*.json")}, QDir::Files, QDir::Name);
    QString best;
    int bestNumber = 0;
    for (const QString &name : candidates) {
        const QString path = dir.filePath(name);
        if (QFileInfo(Receipt::documentPathFor(path)).fileName() != info.fileName() || QFileInfo(path).size() == 0)
            continue;
        const QString number = name.mid(info.fileName().size() + 16).chopped(5); // ".bankid-receipt-" N ".json"
        bool ok = false;
        const int n = number.toInt(&ok);
        if (ok && (best.isEmpty() || n < bestNumber)) {
            best = path;
            bestNumber = n;
        }
    }
    // Only the empty first one: show it, so the verifier says what is wrong with it.
    return best.isEmpty() && QFileInfo::exists(first) ? first : best;
}

QString outcomeText(VerificationCheck::Outcome outcome)
{
    switch (outcome) {
    case VerificationCheck::Outcome::Passed: return VerifyReceiptPage::tr("✔ passed");
    case VerificationCheck::Outcome::Failed: return VerifyReceiptPage::tr("✘ FAILED");
    case VerificationCheck::Outcome::NotRun: return VerifyReceiptPage::tr("– not run");
    }
    return {};
}

} // namespace

VerifyReceiptPage::VerifyReceiptPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_introLabel(new QLabel(this))
    , m_dropArea(new DropArea(this))
    , m_openDocumentPushButton(new QPushButton(this))
    , m_openReceiptPushButton(new QPushButton(this))
    , m_messageLabel(new QLabel(this))
    , m_documentCaptionLabel(new QLabel(this))
    , m_documentLabel(new QLabel(this))
    , m_receiptCaptionLabel(new QLabel(this))
    , m_receiptLabel(new QLabel(this))
    , m_headlineLabel(new QLabel(this))
    , m_checksCaptionLabel(new QLabel(this))
    , m_checksTreeWidget(new QTreeWidget(this))
    , m_signerCaptionLabel(new QLabel(this))
    , m_signerLabel(new QLabel(this))
    , m_revealPushButton(new QPushButton(this))
    , m_signedAtCaptionLabel(new QLabel(this))
    , m_signedAtLabel(new QLabel(this))
    , m_trustedCaptionLabel(new QLabel(this))
    , m_trustedLabel(new QLabel(this))
    , m_rootsCaptionLabel(new QLabel(this))
    , m_rootsListWidget(new QListWidget(this))
    , m_addRootPushButton(new QPushButton(this))
    , m_removeRootPushButton(new QPushButton(this))
    , m_verifyAgainPushButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("verifyReceiptPage"));
    const QList<std::pair<QWidget *, const char *>> names{
        {m_titleLabel, "titleLabel"},
        {m_openDocumentPushButton, "openDocumentPushButton"},
        {m_openReceiptPushButton, "openReceiptPushButton"},
        {m_messageLabel, "messageLabel"},
        {m_documentLabel, "documentLabel"},
        {m_receiptLabel, "receiptLabel"},
        {m_headlineLabel, "headlineLabel"},
        {m_checksTreeWidget, "checksTreeWidget"},
        {m_signerLabel, "signerLabel"},
        {m_revealPushButton, "revealPushButton"},
        {m_signedAtLabel, "signedAtLabel"},
        {m_trustedLabel, "trustedLabel"},
        {m_rootsListWidget, "rootsListWidget"},
        {m_addRootPushButton, "addRootPushButton"},
        {m_removeRootPushButton, "removeRootPushButton"},
        {m_verifyAgainPushButton, "verifyAgainPushButton"},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    QFont headlineFont = m_headlineLabel->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.25);
    headlineFont.setBold(true);
    m_headlineLabel->setFont(headlineFont);
    m_introLabel->setWordWrap(true);
    for (QLabel *value : {m_messageLabel, m_documentLabel, m_receiptLabel, m_headlineLabel, m_signerLabel,
                          m_signedAtLabel, m_trustedLabel}) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
    }
    m_revealPushButton->setCheckable(true);
    m_dropArea->setMinimumHeight(fontMetrics().lineSpacing() * 3);

    m_checksTreeWidget->setColumnCount(3);
    m_checksTreeWidget->setRootIsDecorated(false);
    m_checksTreeWidget->setUniformRowHeights(true);
    m_checksTreeWidget->setWordWrap(false);
    m_checksTreeWidget->setSelectionMode(QAbstractItemView::SingleSelection);
    m_checksTreeWidget->header()->setStretchLastSection(true);
    m_checksTreeWidget->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checksTreeWidget->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checksTreeWidget->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    m_rootsListWidget->setMaximumHeight(fontMetrics().lineSpacing() * 4);

    const QList<std::pair<QLabel *, QWidget *>> buddies{
        {m_documentCaptionLabel, m_documentLabel},   {m_receiptCaptionLabel, m_receiptLabel},
        {m_checksCaptionLabel, m_checksTreeWidget},  {m_signerCaptionLabel, m_signerLabel},
        {m_signedAtCaptionLabel, m_signedAtLabel},   {m_trustedCaptionLabel, m_trustedLabel},
        {m_rootsCaptionLabel, m_rootsListWidget},
    };
    for (const auto &[caption, value] : buddies)
        caption->setBuddy(value);

    auto *openColumn = new QVBoxLayout;
    openColumn->addWidget(m_openDocumentPushButton);
    openColumn->addWidget(m_openReceiptPushButton);
    openColumn->addStretch(1);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_dropArea, 1);
    openRow->addLayout(openColumn);

    auto *files = new QFormLayout;
    files->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    files->addRow(m_documentCaptionLabel, m_documentLabel);
    files->addRow(m_receiptCaptionLabel, m_receiptLabel);

    auto *details = new QFormLayout;
    details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *signerRow = new QHBoxLayout;
    signerRow->addWidget(m_signerLabel, 1);
    signerRow->addWidget(m_revealPushButton);
    details->addRow(m_signerCaptionLabel, signerRow);
    details->addRow(m_signedAtCaptionLabel, m_signedAtLabel);
    details->addRow(m_trustedCaptionLabel, m_trustedLabel);

    auto *rootButtons = new QVBoxLayout;
    rootButtons->addWidget(m_addRootPushButton);
    rootButtons->addWidget(m_removeRootPushButton);
    rootButtons->addStretch(1);
    auto *rootsRow = new QHBoxLayout;
    rootsRow->addWidget(m_rootsListWidget, 1);
    rootsRow->addLayout(rootButtons);

    auto *bottomRow = new QHBoxLayout;
    bottomRow->addStretch(1);
    bottomRow->addWidget(m_verifyAgainPushButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(openRow);
    layout->addWidget(m_messageLabel);
    layout->addLayout(files);
    layout->addWidget(m_headlineLabel);
    layout->addWidget(m_checksCaptionLabel);
    layout->addWidget(m_checksTreeWidget, 1);
    layout->addLayout(details);
    layout->addWidget(m_rootsCaptionLabel);
    layout->addLayout(rootsRow);
    layout->addLayout(bottomRow);

    setTabOrder(m_openDocumentPushButton, m_openReceiptPushButton);
    setTabOrder(m_openReceiptPushButton, m_checksTreeWidget);
    setTabOrder(m_checksTreeWidget, m_revealPushButton);
    setTabOrder(m_revealPushButton, m_rootsListWidget);
    setTabOrder(m_rootsListWidget, m_addRootPushButton);
    setTabOrder(m_addRootPushButton, m_removeRootPushButton);
    setTabOrder(m_removeRootPushButton, m_verifyAgainPushButton);
    setFocusProxy(m_openDocumentPushButton);

    connect(m_dropArea, &DropArea::dropped, this, &VerifyReceiptPage::handleDroppedUrls);
    connect(m_openDocumentPushButton, &QPushButton::clicked, this, &VerifyReceiptPage::onOpenDocument);
    connect(m_openReceiptPushButton, &QPushButton::clicked, this, &VerifyReceiptPage::onOpenReceipt);
    connect(m_addRootPushButton, &QPushButton::clicked, this, &VerifyReceiptPage::onAddRoot);
    connect(m_removeRootPushButton, &QPushButton::clicked, this, &VerifyReceiptPage::onRemoveRoot);
    connect(m_revealPushButton, &QPushButton::toggled, this, [this] { refresh(); });
    connect(m_verifyAgainPushButton, &QPushButton::clicked, this, &VerifyReceiptPage::verify);
    retranslateUi();
}

void VerifyReceiptPage::setFiles(const QString &documentPath, const QString &receiptPath)
{
    m_documentPath = documentPath;
    m_receiptPath = receiptPath;
    m_message.clear();
    verify();
}

void VerifyReceiptPage::openPath(const QString &path)
{
    if (QFileInfo(path).isDir()) {
        refuse(tr("%1 is a folder: drop a signed document or its receipt.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    QString document;
    QString receipt;
    if (isReceipt(path)) {
        receipt = path;
        document = Receipt::documentPathFor(path);
        if (document.isEmpty() || !QFileInfo::exists(document)) {
            ++m_generation;
            m_receiptPath = receipt;
            m_documentPath.clear();
            m_report.reset();
            m_verifying = false;
            setMessage(document.isEmpty()
                           ? tr("%1 is a receipt, but its name does not say which document it belongs to: open the "
                                "document with Open document….")
                                 .arg(QDir::toNativeSeparators(path))
                           : tr("The document of this receipt is not next to it: %1 does not exist. Open the document "
                                "with Open document….")
                                 .arg(QDir::toNativeSeparators(document)));
            return;
        }
    } else {
        document = path;
        receipt = findReceiptFor(path);
        if (receipt.isEmpty()) {
            ++m_generation;
            m_documentPath = document;
            m_receiptPath.clear();
            m_report.reset();
            m_verifying = false;
            setMessage(tr("No receipt found next to the document: expected %1. Open the receipt with Open receipt….")
                           .arg(QDir::toNativeSeparators(Receipt::defaultPathFor(path))));
            return;
        }
    }
    setFiles(document, receipt);
}

void VerifyReceiptPage::handleDroppedUrls(const QList<QUrl> &urls)
{
    QStringList paths;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile()) {
            refuse(tr("%1 is not a file on this computer: download it first.").arg(url.toDisplayString()));
            return;
        }
        paths << url.toLocalFile();
    }
    if (paths.isEmpty()) {
        refuse(tr("Nothing usable was dropped: drop a signed document, its receipt, or both."));
        return;
    }
    if (paths.size() > 2) {
        refuse(tr("%1 items were dropped: drop one document and its receipt at most.")
                       .arg(QLocale().toString(paths.size())));
        return;
    }
    if (paths.size() == 1) {
        openPath(paths.first());
        return;
    }
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir()) {
            refuse(tr("%1 is a folder: drop a signed document or its receipt.").arg(QDir::toNativeSeparators(path)));
            return;
        }
    }
    const bool firstIsReceipt = isReceipt(paths.at(0));
    const bool secondIsReceipt = isReceipt(paths.at(1));
    if (firstIsReceipt == secondIsReceipt) {
        refuse(firstIsReceipt ? tr("Two receipts were dropped: drop one document and its receipt.")
                                  : tr("Neither dropped file is a receipt: drop one document and its receipt."));
        return;
    }
    setFiles(firstIsReceipt ? paths.at(1) : paths.at(0), firstIsReceipt ? paths.at(0) : paths.at(1));
}

void VerifyReceiptPage::verify()
{
    const quint64 generation = ++m_generation;
    m_report.reset();
    // A new result starts masked, whoever it belongs to (the header's contract: masked until Show).
    m_revealPushButton->setChecked(false);
    if (m_documentPath.isEmpty() || m_receiptPath.isEmpty()) {
        m_verifying = false;
        refresh();
        return;
    }
    m_verifying = true;
    refresh();

    // Everything the worker needs is copied in; it reads files only (no network), and the report comes
    // back on this thread. A newer request cancels the older one.
    const QString documentPath = m_documentPath;
    const QString receiptPath = m_receiptPath;
    const QStringList rootFiles = m_rootFiles;
    auto result = std::make_shared<ReceiptReport>();
    m_jobs.cancelAll();
    m_jobs.run([documentPath, receiptPath, rootFiles, result](const std::atomic_bool &cancelled) {
        ReceiptVerifier::Options options;
        options.cancelled = &cancelled;
        if (!rootFiles.isEmpty()) {
            QString error;
            options.roots = EvidenceRoots::load(rootFiles, &error);
            options.rootsDescription = EvidenceRoots::describe(rootFiles, options.roots);
            if (!error.isEmpty())
                options.rootsDescription += QStringLiteral(" (") + error + QLatin1Char(')');
        } else {
            // None added: a simulator receipt may use the local simulator's (ReceiptVerifier decides, says so).
            options.localSimulatorRootFiles = EvidenceRoots::localSimulatorRootPaths();
            options.rootsDescription = VerifyReceiptPage::tr(
                "none: BankID does not publish its signing roots; add the root certificate you were given with "
                "Add root certificate…");
        }
        *result = ReceiptVerifier::verify(documentPath, receiptPath, options);
    }, [this, generation, result] { onVerified(generation, *result); });
}

void VerifyReceiptPage::onVerified(quint64 generation, const ReceiptReport &report)
{
    if (generation != m_generation)
        return; // superseded
    m_verifying = false;
    m_report = report;
    qCInfo(lcVerifyPage).noquote() << "verified" << QFileInfo(report.documentPath).fileName() << "against"
                                   << QFileInfo(report.receiptPath).fileName() << "-"
                                   << (report.allPassed() ? QStringLiteral("all checks passed")
                                                          : QStringLiteral("not passed"));
    refresh();
    emit verified();
}

bool VerifyReceiptPage::addRootFile(const QString &path)
{
    QString error;
    const QList<QSslCertificate> roots = EvidenceRoots::load({path}, &error);
    if (roots.isEmpty()) {
        setMessage(error.isEmpty() ? tr("%1 holds no certificate.").arg(QDir::toNativeSeparators(path)) : error);
        return false;
    }
    if (!m_rootFiles.contains(path))
        m_rootFiles << path;
    refreshRoots();
    m_message.clear();
    verify();
    return true;
}

void VerifyReceiptPage::removeRootFile(const QString &path)
{
    m_rootFiles.removeAll(path);
    refreshRoots();
    verify();
}

QString VerifyReceiptPage::headlineText() const
{
    return m_headlineLabel->text();
}

void VerifyReceiptPage::refuse(const QString &message)
{
    ++m_generation; // a verification still running belongs to the files shown before
    m_jobs.cancelAll();
    m_report.reset();
    m_verifying = false;
    m_documentPath.clear();
    m_receiptPath.clear();
    setMessage(message);
}

void VerifyReceiptPage::setMessage(const QString &message)
{
    m_message = message;
    refresh();
}

void VerifyReceiptPage::onOpenDocument()
{
    const QString start = m_documentPath.isEmpty() ? QDir::homePath() : QFileInfo(m_documentPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open the signed document"), start);
    if (path.isEmpty())
        return;
    const QString receipt = findReceiptFor(path);
    if (receipt.isEmpty() && !m_receiptPath.isEmpty())
        setFiles(path, m_receiptPath); // the receipt opened before, under another name
    else
        openPath(path);
}

void VerifyReceiptPage::onOpenReceipt()
{
    const QString start = !m_receiptPath.isEmpty() ? QFileInfo(m_receiptPath).absolutePath()
                          : !m_documentPath.isEmpty() ? QFileInfo(m_documentPath).absolutePath()
                                                      : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open the receipt"), start,
                                                      tr("BankID receipts (*.bankid-receipt*.json);;JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString document = Receipt::documentPathFor(path);
    if ((document.isEmpty() || !QFileInfo::exists(document)) && !m_documentPath.isEmpty())
        setFiles(m_documentPath, path); // the document opened before, under another name
    else if (document.isEmpty())
        openPath(path); // says the document is needed
    else
        setFiles(document, path);
}

void VerifyReceiptPage::onAddRoot()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Add a trusted root certificate"), QDir::homePath(),
                                                      tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (!path.isEmpty())
        addRootFile(path);
}

void VerifyReceiptPage::onRemoveRoot()
{
    const int row = m_rootsListWidget->currentRow();
    if (row >= 0 && row < m_rootFiles.size())
        removeRootFile(m_rootFiles.at(row));
}

void VerifyReceiptPage::refresh()
{
    const QLocale locale;
    m_messageLabel->setText(m_message);
    m_messageLabel->setVisible(!m_message.isEmpty());
    ProblemMarker::mark(m_messageLabel, !m_message.isEmpty());
    const QString none = tr("(none)");
    m_documentLabel->setText(m_documentPath.isEmpty() ? none : QDir::toNativeSeparators(m_documentPath));
    m_receiptLabel->setText(m_receiptPath.isEmpty() ? none : QDir::toNativeSeparators(m_receiptPath));

    m_checksTreeWidget->clear();
    bool problem = false;
    if (m_verifying) {
        m_headlineLabel->setText(tr("Verifying…"));
    } else if (!m_report) {
        m_headlineLabel->setText(m_documentPath.isEmpty() && m_receiptPath.isEmpty()
                                     ? tr("Nothing verified yet.")
                                     : tr("Not verified: a document and its receipt are both needed."));
    } else {
        QStringList failed;
        QStringList notRun;
        for (const VerificationCheck &check : m_report->checks) {
            if (check.failed())
                failed << check.name;
            else if (!check.passed())
                notRun << check.name;
            auto *item = new QTreeWidgetItem(m_checksTreeWidget, {check.name, outcomeText(check.outcome), check.detail});
            item->setToolTip(2, check.detail);
            if (!check.passed()) {
                QFont bold = item->font(1);
                bold.setBold(true);
                item->setFont(0, bold);
                item->setFont(1, bold);
            }
        }
        const int total = int(m_report->checks.size());
        if (m_report->allPassed()) {
            m_headlineLabel->setText(m_report->trustedLocalSimulatorRoots
                                         ? tr("✔ All %1 checks passed (against the local simulator root — not a "
                                              "BankID signature)")
                                               .arg(locale.toString(total))
                                         : tr("✔ All %1 checks passed").arg(locale.toString(total)));
        } else if (!failed.isEmpty()) {
            m_headlineLabel->setText(tr("✘ %1 of %2 checks failed: %3")
                                         .arg(locale.toString(int(failed.size())), locale.toString(total),
                                              failed.join(QStringLiteral(", "))));
            problem = true;
        } else {
            m_headlineLabel->setText(tr("✘ Not verified: %n check(s) could not run: %1", "", int(notRun.size()))
                                         .arg(notRun.join(QStringLiteral(", "))));
            problem = true;
        }
    }
    ProblemMarker::mark(m_headlineLabel, problem);
    m_checksTreeWidget->setEnabled(m_report.has_value());

    QString signerName;
    QString personalNumber;
    if (m_report) {
        signerName = m_report->evidence.signerName;
        personalNumber = m_report->evidence.signerPersonalNumber;
        if (signerName.isEmpty() && m_report->receipt)
            signerName = m_report->receipt->signerName();
        if (personalNumber.isEmpty() && m_report->receipt)
            personalNumber = m_report->receipt->signerPersonalNumber();
    }
    const QString shownNumber = m_revealPushButton->isChecked() ? personalNumber : PersonalNumber::mask(personalNumber);
    m_signerLabel->setText(signerName.isEmpty() && personalNumber.isEmpty()
                               ? QString()
                               : tr("%1, personal number %2").arg(signerName, shownNumber));
    m_revealPushButton->setVisible(!personalNumber.isEmpty());
    m_revealPushButton->setText(m_revealPushButton->isChecked() ? tr("Hid&e") : tr("Sho&w"));
    m_revealPushButton->setAccessibleName(m_revealPushButton->isChecked() ? tr("Hide the personal number")
                                                                          : tr("Show the personal number"));
    m_signedAtLabel->setText(m_report && m_report->evidence.signingTime
                                 ? locale.toString(m_report->evidence.signingTime->toLocalTime(), QLocale::LongFormat)
                                 : QString());
    m_trustedLabel->setText(m_report ? m_report->trustedRootsDescription : QString());

    m_removeRootPushButton->setEnabled(!m_rootFiles.isEmpty());
    m_verifyAgainPushButton->setEnabled(!m_documentPath.isEmpty() && !m_receiptPath.isEmpty() && !m_verifying);
}

void VerifyReceiptPage::refreshRoots()
{
    // Rebuilt only when the roots change, so the operator's selection survives other refreshes.
    m_rootsListWidget->clear();
    for (const QString &path : std::as_const(m_rootFiles))
        m_rootsListWidget->addItem(QDir::toNativeSeparators(path));
    if (m_rootFiles.isEmpty()) {
        auto *item = new QListWidgetItem(tr("None added: simulator receipts use the local simulator root."),
                                         m_rootsListWidget);
        item->setFlags(Qt::NoItemFlags);
    } else {
        m_rootsListWidget->setCurrentRow(int(m_rootFiles.size()) - 1);
    }
    m_removeRootPushButton->setEnabled(!m_rootFiles.isEmpty());
}

void VerifyReceiptPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void VerifyReceiptPage::retranslateUi()
{
    m_titleLabel->setText(tr("Verify a receipt"));
    m_introLabel->setText(tr("Checks offline, without BankID, that a document was signed: its SHA-256 against the "
                             "receipt and the signature, the signature itself, the certificate chain and the OCSP "
                             "response."));
    m_dropArea->setPrompt(tr("Drop a signed document or its receipt here (or both)"));
    m_openDocumentPushButton->setText(tr("Open doc&ument…"));
    m_openDocumentPushButton->setAccessibleName(tr("Open the signed document"));
    m_openReceiptPushButton->setText(tr("O&pen receipt…"));
    m_openReceiptPushButton->setAccessibleName(tr("Open the receipt"));
    m_messageLabel->setAccessibleName(tr("Problem"));
    m_documentCaptionLabel->setText(tr("Document:"));
    m_documentLabel->setAccessibleName(tr("Document"));
    m_receiptCaptionLabel->setText(tr("Receipt:"));
    m_receiptLabel->setAccessibleName(tr("Receipt"));
    m_headlineLabel->setAccessibleName(tr("Verification result"));
    m_checksCaptionLabel->setText(tr("Check&s:"));
    m_checksTreeWidget->setHeaderLabels({tr("Check"), tr("Result"), tr("Detail")});
    m_checksTreeWidget->setAccessibleName(tr("Checks and their results"));
    m_signerCaptionLabel->setText(tr("Signer:"));
    m_signerLabel->setAccessibleName(tr("Signer"));
    m_signedAtCaptionLabel->setText(tr("Signed at:"));
    m_signedAtLabel->setAccessibleName(tr("Signing time"));
    m_trustedCaptionLabel->setText(tr("Trusted roots:"));
    m_trustedLabel->setAccessibleName(tr("Trusted roots used"));
    m_rootsCaptionLabel->setText(tr("Added trusted root cert&ificates:"));
    m_rootsListWidget->setAccessibleName(tr("Added trusted root certificates"));
    m_addRootPushButton->setText(tr("Add r&oot certificate…"));
    m_addRootPushButton->setAccessibleName(tr("Add a trusted root certificate"));
    m_removeRootPushButton->setText(tr("&Remove"));
    m_removeRootPushButton->setAccessibleName(tr("Remove the selected root certificate"));
    m_verifyAgainPushButton->setText(tr("Verify a&gain"));
    m_verifyAgainPushButton->setAccessibleName(tr("Verify again"));
    refreshRoots();
    refresh();
}

} // namespace bankid
