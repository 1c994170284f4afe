#include "VerifyReceiptPage.h"

#include "BoundedFileReader.h"
#include "DropArea.h"
#include "EvidenceRoots.h"
#include "OutcomeBadge.h"
#include "PageTitleLabel.h"
#include "PersonalNumber.h"
#include "ProblemMarker.h"
#include "Receipt.h"
#include "ReceiptVerifier.h"

#include <QCoreApplication>
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
    // Bounded and regular files only: a FIFO dropped on the page must not block the GUI in open().
    const std::optional<QByteArray> data = BoundedFileReader::read(path, MaxReceiptGuessBytes, nullptr);
    if (!data)
        return std::nullopt;
    QString error;
    return Receipt::fromJson(*data, &error);
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

/// One translatable title and two explanations per check name; QT_TRANSLATE_NOOP so lupdate sees them.
struct CheckTexts {
    const char *name; ///< core's stable identifier
    const char *title;
    const char *passed;
    const char *failed;
};

const CheckTexts Checks[] = {
    {"receipt", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Receipt"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The receipt is readable and complete."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The receipt cannot be read or is incomplete.")},
    {"document digest", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Document unchanged"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The document is the one the receipt was made for (same SHA-256 and size)."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The document differs from the one the receipt was made for.")},
    {"signed digest", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Signature covers the document"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "What the person signed is this document's SHA-256."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "What the person signed is not this document's SHA-256.")},
    {"signer", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Signer matches"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signer named in the receipt holds the signing certificate."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signer named in the receipt differs from the signing certificate.")},
    {"xml", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Signature readable"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signature is a well-formed BankID signature."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signature is not a readable BankID signature.")},
    {"reference bidSignedData", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Signed data intact"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signed data is unchanged since signing."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signed data was changed after signing.")},
    {"reference bidKeyInfo", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Certificate data intact"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The certificate data in the signature is unchanged since signing."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The certificate data in the signature was changed after signing.")},
    {"signature value", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Signature genuine"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signature was made with the signer's certificate."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signature was not made with the signer's certificate.")},
    {"certificate chain", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Certificate chain"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signer's certificate leads to a trusted root."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signer's certificate does not lead to a trusted root.")},
    {"ocsp signature", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Revocation answer genuine"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The revocation answer (OCSP) is signed by the issuer's responder."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The revocation answer (OCSP) is not signed by the issuer's responder.")},
    {"ocsp status", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Certificate not revoked"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The revocation answer says the certificate was good."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The revocation answer does not say the certificate was good.")},
    {"ocsp nonce", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Revocation answer for this signature"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The revocation answer was given for this signature."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The revocation answer was not given for this signature.")},
    {"ocsp time", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Revocation answer time"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The time of the revocation answer is acceptable."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The time of the revocation answer is not acceptable.")},
    {"usrVisibleData", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Text the person read"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signed text is the expected one."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signed text differs from the expected one.")},
    {"usrNonVisibleData", QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "Hidden data"),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signed hidden data is the expected one."),
     QT_TRANSLATE_NOOP("bankid::VerifyReceiptPage", "The signed hidden data differs from the expected one.")},
};

const CheckTexts *checkTexts(const QString &name)
{
    for (const CheckTexts &texts : Checks) {
        if (name == QLatin1String(texts.name))
            return &texts;
    }
    return nullptr;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("bankid::VerifyReceiptPage", text);
}

} // namespace

QString VerifyReceiptPage::checkTitle(const QString &name)
{
    const CheckTexts *texts = checkTexts(name);
    return texts ? translated(texts->title) : name;
}

QString VerifyReceiptPage::checkExplanation(const QString &name, VerificationCheck::Outcome outcome)
{
    const CheckTexts *texts = checkTexts(name);
    switch (outcome) {
    case VerificationCheck::Outcome::Passed:
        return texts ? translated(texts->passed) : tr("Passed.");
    case VerificationCheck::Outcome::Failed:
        return texts ? translated(texts->failed) : tr("Failed.");
    case VerificationCheck::Outcome::NotRun:
        break;
    }
    return tr("Could not be checked (see the technical detail).");
}

VerifyReceiptPage::VerifyReceiptPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new PageTitleLabel(this))
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
    , m_outcomeBadge(new OutcomeBadge(this))
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
        {m_openDocumentPushButton, "openDocumentPushButton"},
        {m_openReceiptPushButton, "openReceiptPushButton"},
        {m_messageLabel, "messageLabel"},
        {m_documentLabel, "documentLabel"},
        {m_receiptLabel, "receiptLabel"},
        {m_headlineLabel, "headlineLabel"},
        {m_outcomeBadge, "outcomeBadge"},
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
    // Long details wrap (rows grow) and every cell's full text is its tooltip: nothing is cut off silently.
    // A row with a technical detail has it as a child row (Right arrow or a click on the arrow opens it).
    m_checksTreeWidget->setRootIsDecorated(true);
    m_checksTreeWidget->setUniformRowHeights(false);
    m_checksTreeWidget->setWordWrap(true);
    m_checksTreeWidget->setTextElideMode(Qt::ElideNone);
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
    layout->addWidget(m_outcomeBadge);
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
    if (m_outcomeBadge->outcome() == OutcomeBadge::Outcome::None)
        return m_headlineLabel->text();
    return m_outcomeBadge->detail().isEmpty() ? m_outcomeBadge->heading()
                                              : m_outcomeBadge->heading() + QLatin1Char('\n') + m_outcomeBadge->detail();
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
    m_headlineLabel->clear();
    if (m_verifying) {
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Waiting, tr("Verifying…"));
    } else if (!m_report) {
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::None, {});
        m_headlineLabel->setText(m_documentPath.isEmpty() && m_receiptPath.isEmpty()
                                     ? tr("Nothing verified yet.")
                                     : tr("Not verified: a document and its receipt are both needed."));
    } else {
        // Titles and explanations are looked up from core's stable names now, in the current language: a
        // report made before a language switch is shown in the new one.
        QStringList failed;
        QStringList notRun;
        for (const VerificationCheck &check : m_report->checks) {
            const QString title = checkTitle(check.name);
            if (check.failed())
                failed << title;
            else if (!check.passed())
                notRun << title;
            const QString explanation = checkExplanation(check.name, check.outcome);
            auto *item = new QTreeWidgetItem(m_checksTreeWidget, {title, outcomeText(check.outcome), explanation});
            item->setData(0, Qt::UserRole, check.name);
            const QString technical = tr("Technical detail (%1): %2").arg(check.name, check.detail);
            for (int column = 0; column < 3; ++column)
                item->setToolTip(column, item->text(column) + QLatin1Char('\n') + technical);
            if (!check.detail.isEmpty()) {
                auto *child = new QTreeWidgetItem(item, {technical});
                child->setFirstColumnSpanned(true);
                child->setToolTip(0, technical);
            }
            if (!check.passed()) {
                QFont bold = item->font(1);
                bold.setBold(true);
                item->setFont(0, bold);
                item->setFont(1, bold);
            }
        }
        const int total = int(m_report->checks.size());
        if (m_report->allPassed()) {
            m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Passed,
                                       tr("All %1 checks passed").arg(locale.toString(total)),
                                       m_report->trustedLocalSimulatorRoots
                                           ? tr("Against the local simulator root: not a BankID signature.")
                                           : QString());
        } else if (!failed.isEmpty()) {
            m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Failed,
                                       tr("%1 of %2 checks failed").arg(locale.toString(int(failed.size())),
                                                                         locale.toString(total)),
                                       tr("Failed: %1").arg(failed.join(QStringLiteral(", "))));
        } else {
            m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Failed,
                                       tr("Not verified: %n check(s) could not run", "", int(notRun.size())),
                                       tr("Could not run: %1").arg(notRun.join(QStringLiteral(", "))));
        }
    }
    m_headlineLabel->setVisible(!m_headlineLabel->text().isEmpty());
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
    // Who the receipt names is only the signer once every check passed; until then it is a claim.
    const bool signerVerified = m_report && m_report->allPassed();
    m_signerCaptionLabel->setText(m_report && !signerVerified ? tr("Signer (not verified):") : tr("Signer:"));
    m_signerLabel->setAccessibleName(m_report && !signerVerified ? tr("Signer, not verified") : tr("Signer"));
    m_revealPushButton->setVisible(!personalNumber.isEmpty());
    m_revealPushButton->setText(m_revealPushButton->isChecked() ? tr("Hid&e") : tr("Sho&w"));
    m_revealPushButton->setAccessibleName(m_revealPushButton->isChecked() ? tr("Hide the personal number")
                                                                          : tr("Show the personal number"));
    m_signedAtLabel->setText(m_report && m_report->evidence.signingTime
                                 ? locale.toString(m_report->evidence.signingTime->toLocalTime(), QLocale::ShortFormat)
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
