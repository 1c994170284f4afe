#include "SignTextPage.h"

#include "MarkdownPreview.h"
#include "PageTitleLabel.h"
#include "ProblemMarker.h"
#include "RequestValidator.h"
#include "SimpleMarkdown.h"
#include "StartBlockedLabel.h"
#include "StartMethodChooser.h"
#include "ValidationError.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bankid {

namespace {

// Only for validating on the page: RequestValidator needs an endUserIp for /sign, the MainWindow sends
// the real one.
const QString PlaceholderEndUserIp = QStringLiteral("127.0.0.1");

} // namespace

SignTextPage::SignTextPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new PageTitleLabel(this))
    , m_textLabel(new QLabel(this))
    , m_textPlainTextEdit(new QPlainTextEdit(this))
    , m_markdownCheckBox(new QCheckBox(this))
    , m_counterLabel(new QLabel(this))
    , m_previewLabel(new QLabel(this))
    , m_previewTextBrowser(new QTextBrowser(this))
    , m_issuesLabel(new QLabel(this))
    , m_nonVisibleLabel(new QLabel(this))
    , m_nonVisibleLineEdit(new QLineEdit(this))
    , m_startMethodChooser(new StartMethodChooser(Qt::Horizontal, this))
    , m_signPushButton(new QPushButton(this))
    , m_startBlockedLabel(new StartBlockedLabel(this))
{
    setObjectName(QStringLiteral("signTextPage"));
    m_textPlainTextEdit->setObjectName(QStringLiteral("textPlainTextEdit"));
    m_markdownCheckBox->setObjectName(QStringLiteral("markdownCheckBox"));
    m_counterLabel->setObjectName(QStringLiteral("counterLabel"));
    m_previewTextBrowser->setObjectName(QStringLiteral("previewTextBrowser"));
    m_issuesLabel->setObjectName(QStringLiteral("issuesLabel"));
    m_nonVisibleLineEdit->setObjectName(QStringLiteral("nonVisibleLineEdit"));
    m_signPushButton->setObjectName(QStringLiteral("signPushButton"));

    m_textLabel->setBuddy(m_textPlainTextEdit);
    m_previewLabel->setBuddy(m_previewTextBrowser);
    m_nonVisibleLabel->setBuddy(m_nonVisibleLineEdit);
    m_textPlainTextEdit->setTabChangesFocus(true); // keyboard-only operation: Tab leaves the editor
    m_issuesLabel->setWordWrap(true);
    m_issuesLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_previewTextBrowser->setOpenLinks(false);
    m_signPushButton->setDefault(true);

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addWidget(m_textLabel);
    editorLayout->addWidget(m_textPlainTextEdit, 1);
    editorLayout->addWidget(m_counterLabel, 0, Qt::AlignRight);
    editorLayout->addWidget(m_markdownCheckBox);
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewLabel);
    previewLayout->addWidget(m_previewTextBrowser, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("editorSplitter"));
    splitter->addWidget(editorPane);
    splitter->addWidget(previewPane);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *form = new QFormLayout;
    form->addRow(m_nonVisibleLabel, m_nonVisibleLineEdit);
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_startMethodChooser);
    methodRow->addStretch(1);
    methodRow->addWidget(m_startBlockedLabel, 2);
    methodRow->addWidget(m_signPushButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_issuesLabel);
    layout->addLayout(form);
    layout->addLayout(methodRow);

    setTabOrder(m_textPlainTextEdit, m_markdownCheckBox);
    setTabOrder(m_markdownCheckBox, m_previewTextBrowser);
    setTabOrder(m_previewTextBrowser, m_nonVisibleLineEdit);
    setTabOrder(m_nonVisibleLineEdit, m_startMethodChooser->firstButton());
    setTabOrder(m_startMethodChooser->firstButton(), m_startMethodChooser->lastButton());
    setTabOrder(m_startMethodChooser->lastButton(), m_signPushButton);
    setFocusProxy(m_textPlainTextEdit);

    connect(m_textPlainTextEdit, &QPlainTextEdit::textChanged, this, &SignTextPage::updateState);
    connect(m_markdownCheckBox, &QCheckBox::toggled, this, &SignTextPage::updateState);
    connect(m_nonVisibleLineEdit, &QLineEdit::textChanged, this, &SignTextPage::updateState);
    connect(m_signPushButton, &QPushButton::clicked, this, &SignTextPage::emitStart);
    retranslateUi();
}

OrderRequest SignTextPage::request() const
{
    OrderRequest request;
    request.flow = Flow::Sign;
    request.userVisibleData = m_textPlainTextEdit->toPlainText().toUtf8();
    request.userVisibleDataIsMarkdown = m_markdownCheckBox->isChecked();
    request.userNonVisibleData = m_nonVisibleLineEdit->text().toUtf8();
    return request;
}

StartMethod SignTextPage::startMethod() const
{
    return m_startMethodChooser->startMethod();
}

bool SignTextPage::canStart() const
{
    return m_signPushButton->isEnabled();
}

QStringList SignTextPage::issues() const
{
    return m_issues;
}

void SignTextPage::setStartAllowed(bool allowed, const QString &reason)
{
    m_startAllowed = allowed;
    m_startBlockedLabel->showReason(allowed, reason, m_signPushButton);
    updateState();
}

QString SignTextPage::plainIssue(const ValidationError &error, const OrderRequest &candidate) const
{
    // The operator's words for the two fields this page edits; core's message names the API member.
    const bool visible = error.field() == QLatin1String("userVisibleData");
    const bool hidden = error.field() == QLatin1String("userNonVisibleData");
    if (visible && error.rule() == ValidationError::Rule::Required)
        return tr("Enter the text the person signs.");
    const bool tooLong = error.rule() == ValidationError::Rule::Base64TooLong || error.rule() == ValidationError::Rule::TooLong;
    if (visible && tooLong)
        return tr("The text is too long: %1 characters as sent, at most %2.")
            .arg(ValidationError::groupDigits(RequestValidator::base64Length(candidate.userVisibleData.size())),
                 ValidationError::groupDigits(RequestValidator::maxUserVisibleDataLength(Flow::Sign)));
    if (hidden && tooLong)
        return tr("The hidden data is too long: %1 characters as sent, at most %2.")
            .arg(ValidationError::groupDigits(RequestValidator::base64Length(candidate.userNonVisibleData.size())),
                 ValidationError::groupDigits(RequestValidator::maxUserNonVisibleDataLength(Flow::Sign)));
    if (visible && error.rule() == ValidationError::Rule::Utf8)
        return tr("The text contains characters that cannot be sent.");
    if (hidden && error.rule() == ValidationError::Rule::Utf8)
        return tr("The hidden data contains characters that cannot be sent.");
    return error.message();
}

void SignTextPage::updateState()
{
    const QString text = m_textPlainTextEdit->toPlainText();
    const bool markdown = m_markdownCheckBox->isChecked();
    OrderRequest candidate = request();
    candidate.endUserIp = PlaceholderEndUserIp;

    m_issues.clear();
    if (markdown) {
        const SimpleMarkdown document = SimpleMarkdown::parse(text);
        m_previewTextBrowser->setHtml(MarkdownPreview::toHtml(document));
        for (const MarkdownIssue &issue : document.issues())
            m_issues << issue.toString();
    } else {
        m_previewTextBrowser->setHtml(MarkdownPreview::plainToHtml(text));
    }
    const QList<ValidationError> errors = RequestValidator::validateAll(candidate);
    for (const ValidationError &error : errors) {
        if (error.rule() == ValidationError::Rule::Markdown)
            continue; // listed above, every issue with its position
        m_issues << plainIssue(error, candidate);
    }

    const qint64 length = RequestValidator::base64Length(candidate.userVisibleData.size());
    const int limit = RequestValidator::maxUserVisibleDataLength(Flow::Sign);
    // "As sent": BankID counts the text after base64, about 4/3 of its UTF-8 bytes; the tooltip says so.
    m_counterLabel->setText(tr("%1 / %2 characters as sent")
                                .arg(ValidationError::groupDigits(length), ValidationError::groupDigits(limit)));
    m_counterLabel->setAccessibleName(tr("Length of the text as sent"));
    m_counterLabel->setAccessibleDescription(length > limit ? tr("Over the limit") : tr("Within the limit"));
    ProblemMarker::mark(m_counterLabel, length > limit);

    m_issuesLabel->setText(m_issues.join(QLatin1Char('\n')));
    m_issuesLabel->setVisible(!m_issues.isEmpty());
    ProblemMarker::mark(m_issuesLabel, !m_issues.isEmpty());
    m_textPlainTextEdit->setAccessibleDescription(m_issues.isEmpty() ? tr("No problems") : m_issues.join(QLatin1Char(' ')));
    m_signPushButton->setEnabled(m_startAllowed && errors.isEmpty() && m_issues.isEmpty());
}

void SignTextPage::emitStart()
{
    if (!canStart())
        return;
    emit startRequested(request(), startMethod());
}

void SignTextPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SignTextPage::retranslateUi()
{
    m_titleLabel->setText(tr("Sign a text"));
    // Plain words on screen; the API member names are in the tooltips for those who know them.
    m_textLabel->setText(tr("Text the pe&rson reads:"));
    m_textLabel->setToolTip(tr("Sent as userVisibleData"));
    m_textPlainTextEdit->setToolTip(m_textLabel->toolTip());
    m_textPlainTextEdit->setAccessibleName(tr("Text the person reads and signs"));
    m_textPlainTextEdit->setPlaceholderText(tr("For example: I accept the terms of the agreement."));
    m_markdownCheckBox->setText(tr("F&ormatting (headings, bold, italics, lists, tables)"));
    m_markdownCheckBox->setAccessibleName(tr("Formatting"));
    m_markdownCheckBox->setToolTip(tr("Sent as userVisibleDataFormat simpleMarkdownV1"));
    m_counterLabel->setToolTip(tr("BankID counts userVisibleData after base64 encoding: about 4 characters for "
                                  "every 3 bytes of UTF-8 text"));
    m_previewLabel->setText(tr("&Preview:"));
    m_previewTextBrowser->setAccessibleName(tr("Preview of the text as the BankID app shows it"));
    m_nonVisibleLabel->setText(tr("Hidd&en data (not shown to the person, optional):"));
    m_nonVisibleLabel->setToolTip(tr("Sent as userNonVisibleData"));
    m_nonVisibleLineEdit->setToolTip(m_nonVisibleLabel->toolTip());
    m_nonVisibleLineEdit->setAccessibleName(tr("Hidden data signed along, not shown to the person"));
    m_signPushButton->setText(tr("&Sign with BankID"));
    m_signPushButton->setAccessibleName(tr("Sign with BankID"));
    updateState();
}

} // namespace bankid
