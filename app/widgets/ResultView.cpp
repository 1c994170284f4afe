#include "ResultView.h"

#include "MarkdownPreview.h"
#include "OutcomeBadge.h"
#include "PersonalNumber.h"
#include "ProblemMarker.h"
#include "ReceiptWriter.h"
#include "RiskBlockedNotice.h"

#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <QXmlStreamReader>

Q_LOGGING_CATEGORY(lcResultView, "bankid.app.result")

namespace bankid {

namespace {

/// Version of the export document; bump when a member changes meaning.
constexpr int ExportVersion = 1;

QJsonValue isoOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

/// A warning label: the palette's text colour on a bold font (no hard-coded colours, so a dark palette
/// stays readable), with a warning sign so the meaning does not depend on colour alone.
void makeWarning(QLabel *label)
{
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
}

} // namespace

ResultView::ResultView(QWidget *parent)
    : QWidget(parent)
    , m_outcomeBadge(new OutcomeBadge(this))
    , m_headingLabel(new QLabel(this))
    , m_detailsWidget(new QWidget(this))
    , m_nameCaptionLabel(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_personalNumberCaptionLabel(new QLabel(this))
    , m_personalNumberLabel(new QLabel(this))
    , m_revealPushButton(new QPushButton(this))
    , m_issueDateCaptionLabel(new QLabel(this))
    , m_issueDateLabel(new QLabel(this))
    , m_deviceIpCaptionLabel(new QLabel(this))
    , m_deviceIpLabel(new QLabel(this))
    , m_deviceIpWarningLabel(new QLabel(this))
    , m_uhiCaptionLabel(new QLabel(this))
    , m_uhiLabel(new QLabel(this))
    , m_stepUpCaptionLabel(new QLabel(this))
    , m_stepUpLabel(new QLabel(this))
    , m_riskCaptionLabel(new QLabel(this))
    , m_riskLabel(new QLabel(this))
    , m_signedCaptionLabel(new QLabel(this))
    , m_signedPlainTextEdit(new QPlainTextEdit(this))
    , m_signedTextBrowser(new QTextBrowser(this))
    , m_timesCaptionLabel(new QLabel(this))
    , m_timesLabel(new QLabel(this))
    , m_receiptLabel(new QLabel(this))
    , m_saveReceiptPushButton(new QPushButton(this))
    , m_openFolderPushButton(new QPushButton(this))
    , m_verifyNowPushButton(new QPushButton(this))
    , m_statusLabel(new QLabel(this))
    , m_copyPushButton(new QPushButton(this))
    , m_exportPushButton(new QPushButton(this))
    , m_newOrderPushButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("resultView"));
    const QList<std::pair<QWidget *, const char *>> names{
        {m_outcomeBadge, "outcomeBadge"},
        {m_headingLabel, "headingLabel"},
        {m_detailsWidget, "detailsWidget"},
        {m_nameCaptionLabel, "nameCaptionLabel"},
        {m_nameLabel, "nameLabel"},
        {m_personalNumberCaptionLabel, "personalNumberCaptionLabel"},
        {m_personalNumberLabel, "personalNumberLabel"},
        {m_revealPushButton, "revealPushButton"},
        {m_issueDateCaptionLabel, "issueDateCaptionLabel"},
        {m_issueDateLabel, "issueDateLabel"},
        {m_deviceIpCaptionLabel, "deviceIpCaptionLabel"},
        {m_deviceIpLabel, "deviceIpLabel"},
        {m_deviceIpWarningLabel, "deviceIpWarningLabel"},
        {m_uhiCaptionLabel, "uhiCaptionLabel"},
        {m_uhiLabel, "uhiLabel"},
        {m_stepUpCaptionLabel, "stepUpCaptionLabel"},
        {m_stepUpLabel, "stepUpLabel"},
        {m_riskCaptionLabel, "riskCaptionLabel"},
        {m_riskLabel, "riskLabel"},
        {m_signedCaptionLabel, "signedCaptionLabel"},
        {m_signedPlainTextEdit, "signedPlainTextEdit"},
        {m_signedTextBrowser, "signedTextBrowser"},
        {m_timesCaptionLabel, "timesCaptionLabel"},
        {m_timesLabel, "timesLabel"},
        {m_receiptLabel, "receiptLabel"},
        {m_saveReceiptPushButton, "saveReceiptPushButton"},
        {m_openFolderPushButton, "openFolderPushButton"},
        {m_verifyNowPushButton, "verifyNowPushButton"},
        {m_statusLabel, "statusLabel"},
        {m_copyPushButton, "copyPushButton"},
        {m_exportPushButton, "exportPushButton"},
        {m_newOrderPushButton, "newOrderPushButton"},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    QFont headingFont = m_headingLabel->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_headingLabel->setFont(headingFont);
    m_headingLabel->setWordWrap(true);
    m_headingLabel->setTextFormat(Qt::PlainText);
    makeWarning(m_deviceIpWarningLabel);

    for (QLabel *value : {m_nameLabel, m_personalNumberLabel, m_issueDateLabel, m_deviceIpLabel, m_uhiLabel,
                          m_stepUpLabel, m_riskLabel, m_timesLabel, m_receiptLabel}) {
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setWordWrap(true);
    }
    m_uhiLabel->setWordWrap(false);

    m_revealPushButton->setCheckable(true);
    m_signedPlainTextEdit->setReadOnly(true);
    m_signedPlainTextEdit->setTabChangesFocus(true);
    m_signedPlainTextEdit->setMaximumHeight(m_signedPlainTextEdit->fontMetrics().lineSpacing() * 10);
    m_signedTextBrowser->setOpenLinks(false); // simpleMarkdownV1 has no links; nothing in it navigates
    m_signedTextBrowser->setMaximumHeight(m_signedTextBrowser->fontMetrics().lineSpacing() * 12);
    m_signedTextBrowser->setTabChangesFocus(true);
    m_signedTextBrowser->setVisible(false);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setVisible(false);

    // Captions are buddies of their values so a screen reader reads "Name: Karl Karlsson".
    const QList<std::pair<QLabel *, QWidget *>> buddies{
        {m_nameCaptionLabel, m_nameLabel},       {m_personalNumberCaptionLabel, m_personalNumberLabel},
        {m_issueDateCaptionLabel, m_issueDateLabel}, {m_deviceIpCaptionLabel, m_deviceIpLabel},
        {m_uhiCaptionLabel, m_uhiLabel},         {m_stepUpCaptionLabel, m_stepUpLabel},
        {m_riskCaptionLabel, m_riskLabel},       {m_timesCaptionLabel, m_timesLabel},
        {m_signedCaptionLabel, m_signedPlainTextEdit},
    };
    for (const auto &[caption, value] : buddies)
        caption->setBuddy(value);

    auto *personalNumberRow = new QHBoxLayout;
    personalNumberRow->addWidget(m_personalNumberLabel, 1);
    personalNumberRow->addWidget(m_revealPushButton);

    auto *deviceIpColumn = new QVBoxLayout;
    deviceIpColumn->addWidget(m_deviceIpLabel);
    deviceIpColumn->addWidget(m_deviceIpWarningLabel);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_nameCaptionLabel, m_nameLabel);
    form->addRow(m_personalNumberCaptionLabel, personalNumberRow);
    form->addRow(m_issueDateCaptionLabel, m_issueDateLabel);
    form->addRow(m_deviceIpCaptionLabel, deviceIpColumn);
    form->addRow(m_uhiCaptionLabel, m_uhiLabel);
    form->addRow(m_stepUpCaptionLabel, m_stepUpLabel);
    form->addRow(m_riskCaptionLabel, m_riskLabel);
    form->addRow(m_timesCaptionLabel, m_timesLabel);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyPushButton);
    buttons->addWidget(m_exportPushButton);
    buttons->addStretch(1);
    buttons->addWidget(m_newOrderPushButton);

    // Everything about the person and the order: hidden as a whole for a blocked order.
    auto *details = new QVBoxLayout(m_detailsWidget);
    details->setContentsMargins(0, 0, 0, 0);
    details->addLayout(form);
    details->addWidget(m_signedCaptionLabel);
    details->addWidget(m_signedPlainTextEdit);
    details->addWidget(m_signedTextBrowser);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_outcomeBadge);
    layout->addWidget(m_headingLabel);
    layout->addWidget(m_detailsWidget);
    auto *receiptRow = new QHBoxLayout;
    receiptRow->addWidget(m_receiptLabel, 1);
    receiptRow->addWidget(m_saveReceiptPushButton, 0, Qt::AlignTop);
    receiptRow->addWidget(m_openFolderPushButton, 0, Qt::AlignTop);
    receiptRow->addWidget(m_verifyNowPushButton, 0, Qt::AlignTop);
    layout->addLayout(receiptRow);
    layout->addStretch(1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(buttons);

    setTabOrder(m_revealPushButton, m_signedPlainTextEdit);
    setTabOrder(m_signedPlainTextEdit, m_signedTextBrowser);
    setTabOrder(m_signedTextBrowser, m_receiptLabel);
    setTabOrder(m_receiptLabel, m_saveReceiptPushButton);
    setTabOrder(m_saveReceiptPushButton, m_openFolderPushButton);
    setTabOrder(m_openFolderPushButton, m_verifyNowPushButton);
    setTabOrder(m_verifyNowPushButton, m_copyPushButton);
    setTabOrder(m_copyPushButton, m_exportPushButton);
    setTabOrder(m_exportPushButton, m_newOrderPushButton);

    connect(m_revealPushButton, &QPushButton::toggled, this, [this] { refresh(); });
    connect(m_copyPushButton, &QPushButton::clicked, this, &ResultView::onCopy);
    connect(m_exportPushButton, &QPushButton::clicked, this, &ResultView::onExport);
    connect(m_saveReceiptPushButton, &QPushButton::clicked, this, &ResultView::onSaveReceiptAs);
    connect(m_newOrderPushButton, &QPushButton::clicked, this, &ResultView::newOrderRequested);
    connect(m_openFolderPushButton, &QPushButton::clicked, this, &ResultView::onOpenReceiptFolder);
    connect(m_verifyNowPushButton, &QPushButton::clicked, this, &ResultView::onVerifyReceipt);

    retranslateUi();
}

void ResultView::showCompletion(const CompletionData &completion, const ResultContext &context)
{
    m_completion = completion;
    m_context = context;
    m_hasResult = true;
    m_revealPushButton->setChecked(false); // every new result starts masked
    m_receiptPath.clear(); // the window reports a document order's receipt after this
    m_receiptNumbered = false;
    m_receiptError.clear();
    m_receiptDocumentPath.clear();
    m_receiptFallbackPath.clear();
    m_unsavedReceipt.reset();
    m_savedReceiptDocumentPath.clear();
    setStatus(QString());
    const std::optional<QByteArray> fromSignature = signedVisibleData(completion.signature);
    m_signedTextFromSignature = fromSignature.has_value();
    m_signedText = fromSignature.value_or(context.userVisibleDataSent);
    if (!completion.signature.isEmpty() && !fromSignature && !context.userVisibleDataSent.isEmpty())
        qCInfo(lcResultView) << "no usrVisibleData in the signature of order" << context.orderRef
                             << "- showing the text that was sent";
    refresh();
}

void ResultView::showReceiptSaved(const QString &path, bool numbered, const QString &documentPath)
{
    m_receiptPath = path;
    m_savedReceiptDocumentPath = documentPath.isEmpty() ? m_receiptDocumentPath : documentPath;
    m_receiptNumbered = numbered;
    m_receiptError.clear();
    m_receiptFallbackPath.clear();
    m_unsavedReceipt.reset();
    refresh();
}

void ResultView::showReceiptNotSaved(const Receipt &receipt, const QString &documentPath, const QString &error,
                                     const QString &fallbackPath)
{
    m_receiptPath.clear();
    m_receiptNumbered = false;
    m_receiptError = error;
    m_receiptDocumentPath = documentPath;
    m_receiptFallbackPath = fallbackPath;
    m_unsavedReceipt = receipt;
    refresh();
}

void ResultView::setUrlOpener(const UrlOpener &opener)
{
    m_urlOpener = opener;
}

QString ResultView::statusText() const
{
    return m_statusLabel->isHidden() ? QString() : m_statusLabel->text();
}

void ResultView::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
    m_statusLabel->setAccessibleDescription(text);
}

QString ResultView::receiptDocumentPath() const
{
    if (!m_savedReceiptDocumentPath.isEmpty())
        return m_savedReceiptDocumentPath;
    // A first-choice receipt is "<document>" + fileSuffix(); a numbered one needs the window to say.
    if (m_receiptPath.endsWith(Receipt::fileSuffix()))
        return m_receiptPath.chopped(Receipt::fileSuffix().size());
    return {};
}

void ResultView::onOpenReceiptFolder()
{
    if (m_receiptPath.isEmpty())
        return;
    const QString folder = QFileInfo(m_receiptPath).absolutePath();
    if (!m_urlOpener.open(QUrl::fromLocalFile(folder)))
        setStatus(tr("The folder %1 could not be opened.").arg(QDir::toNativeSeparators(folder)));
}

void ResultView::onVerifyReceipt()
{
    if (m_receiptPath.isEmpty())
        return;
    emit verifyReceiptRequested(receiptDocumentPath(), m_receiptPath);
}

QString ResultView::receiptStatusText() const
{
    return m_receiptLabel->isHidden() ? QString() : m_receiptLabel->text();
}

bool ResultView::saveReceiptAs(const QString &path, QString *error)
{
    if (!m_unsavedReceipt) {
        if (error)
            *error = tr("There is no unsaved receipt.");
        return false;
    }
    if (!ReceiptWriter::writeTo(*m_unsavedReceipt, path, error))
        return false;
    qCInfo(lcResultView) << "receipt of order" << m_context.orderRef << "saved as" << path;
    showReceiptSaved(path, false);
    return true;
}

void ResultView::onSaveReceiptAs()
{
    saveReceiptInteractively();
}

bool ResultView::saveReceiptInteractively()
{
    if (!m_unsavedReceipt)
        return true;
    const QString suggested = m_receiptDocumentPath.isEmpty()
        ? QDir::home().filePath(m_unsavedReceipt->documentFileName + Receipt::fileSuffix())
        : Receipt::defaultPathFor(m_receiptDocumentPath);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save receipt as"), suggested,
                                                      tr("BankID receipts (*.bankid-receipt*.json);;JSON files (*.json)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (!saveReceiptAs(path, &error)) {
        QMessageBox::warning(this, tr("Receipt not saved"), error);
        return false;
    }
    return true;
}

std::optional<QByteArray> ResultView::signedVisibleData(const QString &signature)
{
    if (signature.isEmpty())
        return std::nullopt;
    const auto xml = QByteArray::fromBase64Encoding(signature.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!xml)
        return std::nullopt;
    QXmlStreamReader reader(*xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != QLatin1String("usrVisibleData"))
            continue;
        const QString encoded = reader.readElementText().trimmed();
        const auto decoded = QByteArray::fromBase64Encoding(encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
        return *decoded;
    }
    return std::nullopt; // not present, or the XML is broken (reader.hasError())
}

bool ResultView::isPersonalNumberRevealed() const
{
    return m_revealPushButton->isChecked();
}

bool ResultView::isTrusted() const
{
    return m_hasResult && !isBlocked();
}

bool ResultView::isBlocked() const
{
    // BankID's risk "high" means the order is blocked (api digest §10). The core fails such an order
    // (OrderFailure::Kind::RiskBlocked), so the desk never routes one here; should a caller still show one,
    // it is a failure, not a result.
    return m_hasResult && m_completion.risk == QLatin1String("high");
}

QString ResultView::shownPersonalNumber() const
{
    return isPersonalNumberRevealed() ? m_completion.personalNumber : PersonalNumber::mask(m_completion.personalNumber);
}

QString ResultView::riskText() const
{
    if (m_completion.risk == QLatin1String("low"))
        return tr("Low");
    if (m_completion.risk == QLatin1String("moderate"))
        return tr("Moderate");
    if (m_completion.risk == QLatin1String("high"))
        return tr("High");
    if (m_completion.risk.isEmpty())
        return tr("Not requested");
    return m_completion.risk; // an unknown value is shown verbatim rather than hidden
}

bool ResultView::deviceIpDiffers() const
{
    if (m_context.startMethod != StartMethod::SameDevice || m_context.endUserIp.isEmpty()
        || m_completion.deviceIpAddress.isEmpty())
        return false;
    const QHostAddress device(m_completion.deviceIpAddress);
    const QHostAddress endUser(m_context.endUserIp);
    if (device.isNull() || endUser.isNull())
        return m_completion.deviceIpAddress != m_context.endUserIp;
    return !device.isEqual(endUser, QHostAddress::TolerantConversion);
}

void ResultView::refresh()
{
    const bool auth = m_context.flow == Flow::Auth || m_context.flow == Flow::PhoneAuth;
    const bool blocked = isBlocked();
    m_headingLabel->setText(!m_hasResult ? QString()
                            : blocked    ? RiskBlockedNotice::text()
                            : auth       ? tr("Identified with BankID")
                                         : tr("Signed with BankID"));
    ProblemMarker::mark(m_headingLabel, blocked);
    // The outcome at a glance; the heading label carries only the blocked notice's full words.
    if (!m_hasResult)
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::None, QString());
    else if (blocked)
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Blocked, tr("Blocked: do not continue"));
    else
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Passed, m_headingLabel->text(), m_completion.name);
    m_headingLabel->setVisible(blocked);
    m_detailsWidget->setVisible(!blocked);
    m_nameLabel->setText(m_completion.name);
    m_personalNumberLabel->setText(shownPersonalNumber());
    m_personalNumberLabel->setAccessibleName(isPersonalNumberRevealed() ? tr("Personal number")
                                                                        : tr("Personal number (hidden)"));
    m_revealPushButton->setText(isPersonalNumberRevealed() ? tr("&Hide") : tr("&Show"));
    m_revealPushButton->setAccessibleName(isPersonalNumberRevealed() ? tr("Hide the personal number")
                                                                     : tr("Show the personal number"));
    m_issueDateLabel->setText(m_completion.bankIdIssueDate);
    m_deviceIpLabel->setText(m_completion.deviceIpAddress);
    m_deviceIpWarningLabel->setVisible(m_hasResult && deviceIpDiffers());
    m_deviceIpWarningLabel->setText(
        tr("⚠ The BankID app ran on %1, but this computer's address is %2. The order may have been completed on "
           "another device.")
            .arg(m_completion.deviceIpAddress, m_context.endUserIp));
    m_uhiLabel->setText(m_completion.deviceUhi);
    m_stepUpLabel->setText(!m_completion.stepUpMrtd ? tr("Not requested")
                           : *m_completion.stepUpMrtd ? tr("ID document checked (mrtd): yes")
                                                      : tr("ID document checked (mrtd): no"));
    m_riskLabel->setText(riskText());

    // A login shows a text too, but nothing was signed: the caption says what the text was for.
    if (auth)
        m_signedCaptionLabel->setText(m_signedTextFromSignature ? tr("What the person was shown when lo&gging in (from the signature):")
                                                                : tr("What the person was shown when lo&gging in (as sent):"));
    else
        m_signedCaptionLabel->setText(m_signedTextFromSignature ? tr("What was si&gned (from the signature):")
                                                                : tr("What was si&gned (as sent):"));
    const bool hasText = !m_signedText.isEmpty();
    const bool rendered = hasText && m_context.userVisibleDataIsMarkdown;
    m_signedCaptionLabel->setVisible(hasText);
    m_signedPlainTextEdit->setVisible(hasText && !rendered);
    m_signedTextBrowser->setVisible(rendered);
    m_signedPlainTextEdit->setPlainText(QString::fromUtf8(m_signedText));
    m_signedTextBrowser->setHtml(rendered ? MarkdownPreview::toHtml(SimpleMarkdown::parse(QString::fromUtf8(m_signedText)))
                                          : QString());
    m_signedCaptionLabel->setBuddy(rendered ? static_cast<QWidget *>(m_signedTextBrowser) : m_signedPlainTextEdit);

    QStringList times;
    const QLocale locale;
    if (m_context.startedAt.isValid())
        times << tr("started %1").arg(locale.toString(m_context.startedAt.toLocalTime(), QLocale::ShortFormat));
    if (m_context.completedAt.isValid())
        times << tr("completed %1").arg(locale.toString(m_context.completedAt.toLocalTime(), QLocale::ShortFormat));
    if (m_context.startedAt.isValid() && m_context.completedAt.isValid())
        times << tr("took %1 s").arg(locale.toString(m_context.startedAt.msecsTo(m_context.completedAt) / 1000.0, 'f', 1));
    m_timesLabel->setText(times.join(QLatin1Char('\n')));

    if (!m_receiptPath.isEmpty()) {
        m_receiptLabel->setText(m_receiptNumbered ? tr("Receipt saved: %1\nA receipt for this document already "
                                                       "existed, so this one has a numbered name.")
                                                        .arg(QDir::toNativeSeparators(m_receiptPath))
                                                  : tr("Receipt saved: %1").arg(QDir::toNativeSeparators(m_receiptPath)));
    } else if (m_unsavedReceipt && !m_receiptFallbackPath.isEmpty()) {
        m_receiptLabel->setText(tr("⚠ The receipt could not be saved next to the document: %1\nA copy was saved as "
                                   "%2. Move it next to the document, or use Save receipt as….")
                                    .arg(m_receiptError, QDir::toNativeSeparators(m_receiptFallbackPath)));
    } else if (m_unsavedReceipt) {
        m_receiptLabel->setText(tr("⚠ The receipt was NOT saved: %1\nSave it elsewhere with Save receipt as…, or "
                                   "the proof of this signature is lost when you leave this view.")
                                    .arg(m_receiptError));
    } else {
        m_receiptLabel->clear();
    }
    m_receiptLabel->setVisible(!m_receiptLabel->text().isEmpty());
    m_receiptLabel->setFocusPolicy(m_receiptLabel->isHidden() ? Qt::NoFocus : Qt::StrongFocus);
    ProblemMarker::mark(m_receiptLabel, m_unsavedReceipt.has_value());
    m_saveReceiptPushButton->setVisible(m_unsavedReceipt.has_value());
    m_openFolderPushButton->setVisible(!m_receiptPath.isEmpty());
    m_verifyNowPushButton->setVisible(!m_receiptPath.isEmpty());

    // Nothing of a blocked order is to be passed on as a result.
    m_copyPushButton->setEnabled(m_hasResult && !blocked);
    m_exportPushButton->setEnabled(m_hasResult && !blocked);
}

QString ResultView::summaryText() const
{
    QStringList lines;
    lines << m_headingLabel->text();
    if (isBlocked())
        return lines.first(); // the notice only: no identity to copy from a blocked order
    lines << tr("Name: %1").arg(m_completion.name);
    lines << tr("Personal number: %1").arg(shownPersonalNumber());
    lines << tr("BankID issued: %1").arg(m_completion.bankIdIssueDate);
    lines << tr("Device IP: %1").arg(m_completion.deviceIpAddress);
    if (deviceIpDiffers())
        lines << m_deviceIpWarningLabel->text();
    lines << tr("Device (uhi): %1").arg(m_completion.deviceUhi);
    lines << tr("Step-up: %1").arg(m_stepUpLabel->text());
    lines << tr("Risk: %1").arg(riskText());
    if (!m_signedText.isEmpty())
        lines << tr("Signed text: %1").arg(QString::fromUtf8(m_signedText));
    lines << tr("Order: %1").arg(m_context.orderRef);
    if (!receiptStatusText().isEmpty())
        lines << receiptStatusText();
    if (!m_timesLabel->text().isEmpty())
        lines << tr("Times: %1").arg(m_timesLabel->text().replace(QLatin1Char('\n'), QLatin1String(", ")));
    return lines.join(QLatin1Char('\n'));
}

QJsonObject ResultView::exportDocument() const
{
    QJsonObject document;
    document.insert(QStringLiteral("version"), ExportVersion);
    document.insert(QStringLiteral("environment"), m_context.environmentName);
    document.insert(QStringLiteral("orderRef"), m_context.orderRef);
    document.insert(QStringLiteral("flow"), flowName(m_context.flow));
    document.insert(QStringLiteral("startedAt"), isoOrNull(m_context.startedAt));
    document.insert(QStringLiteral("completedAt"), isoOrNull(m_context.completedAt));
    document.insert(QStringLiteral("endUserIp"), m_context.endUserIp);
    // BankID's completionData exactly as received (raw), or rebuilt when a caller built it by hand.
    document.insert(QStringLiteral("completionData"),
                    m_completion.raw.isEmpty() ? m_completion.toJson() : m_completion.raw);
    return document;
}

bool ResultView::exportJson(const QString &path, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcResultView).noquote() << message;
        return false;
    };
    if (!m_hasResult || isBlocked())
        return fail(tr("Nothing to export: no completed order is shown."));
    if (path.isEmpty())
        return fail(tr("Nothing exported: no file name was given."));
    // QSaveFile writes a temporary file and renames it on commit(): a failure never leaves half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray bytes = QJsonDocument(exportDocument()).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size()) {
        const QString message = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return fail(message);
    }
    if (!file.commit())
        return fail(tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    qCInfo(lcResultView) << "exported order" << m_context.orderRef << "to" << path;
    return true;
}

void ResultView::onCopy()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return;
    clipboard->setText(summaryText());
    // Visible confirmation: a click that seems to do nothing gets clicked again, or doubted.
    setStatus(isPersonalNumberRevealed() ? tr("Copied to the clipboard.")
                                         : tr("Copied to the clipboard (personal number hidden)."));
}

void ResultView::onExport()
{
    const QString suggested = QDir::home().filePath(
        QStringLiteral("bankid-%1.json").arg(m_context.orderRef.isEmpty() ? QStringLiteral("result") : m_context.orderRef));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export result as JSON"), suggested, tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportJson(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void ResultView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ResultView::retranslateUi()
{
    setAccessibleName(tr("BankID result"));
    m_headingLabel->setAccessibleName(tr("Result"));
    m_nameCaptionLabel->setText(tr("Name:"));
    m_nameLabel->setAccessibleName(tr("Name"));
    m_personalNumberCaptionLabel->setText(tr("Personal number:"));
    m_issueDateCaptionLabel->setText(tr("BankID issued:"));
    m_issueDateLabel->setAccessibleName(tr("BankID issue date"));
    m_deviceIpCaptionLabel->setText(tr("Device IP address:"));
    m_deviceIpLabel->setAccessibleName(tr("Device IP address"));
    m_deviceIpWarningLabel->setAccessibleName(tr("Device IP address warning"));
    m_uhiCaptionLabel->setText(tr("Device identifier (uhi):"));
    m_uhiLabel->setAccessibleName(tr("Device identifier"));
    m_stepUpCaptionLabel->setText(tr("Step-up:"));
    m_stepUpLabel->setAccessibleName(tr("Step-up"));
    m_riskCaptionLabel->setText(tr("Risk:"));
    m_riskLabel->setAccessibleName(tr("Risk"));
    m_signedPlainTextEdit->setAccessibleName(tr("What the person saw"));
    m_signedTextBrowser->setAccessibleName(tr("What the person saw"));
    m_outcomeBadge->setAccessibleName(tr("Outcome"));
    m_openFolderPushButton->setText(tr("&Open folder"));
    m_openFolderPushButton->setAccessibleName(tr("Open the folder of the receipt"));
    m_verifyNowPushButton->setText(tr("Verify now"));
    m_verifyNowPushButton->setAccessibleName(tr("Verify the receipt against the document now"));
    m_statusLabel->setAccessibleName(tr("Status"));
    m_timesCaptionLabel->setText(tr("Order times:"));
    m_timesLabel->setAccessibleName(tr("Order times"));
    m_receiptLabel->setAccessibleName(tr("Receipt"));
    m_saveReceiptPushButton->setText(tr("Save &receipt as…"));
    m_saveReceiptPushButton->setAccessibleName(tr("Save the receipt to another file"));
    m_copyPushButton->setText(tr("&Copy"));
    m_copyPushButton->setAccessibleName(tr("Copy the result to the clipboard"));
    m_exportPushButton->setText(tr("&Export JSON…"));
    m_exportPushButton->setAccessibleName(tr("Export the result as a JSON file"));
    m_newOrderPushButton->setText(tr("&New order"));
    m_newOrderPushButton->setAccessibleName(tr("Start a new order"));
    refresh();
}

} // namespace bankid
