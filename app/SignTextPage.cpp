#include "SignTextPage.h"

#include "ProblemMarker.h"
#include "MarkdownPreview.h"
#include "RequestValidator.h"
#include "SimpleMarkdown.h"
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
    , m_titleLabel(new QLabel(this))
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
{
    setObjectName(QStringLiteral("signTextPage"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_textPlainTextEdit->setObjectName(QStringLiteral("textPlainTextEdit"));
    m_markdownCheckBox->setObjectName(QStringLiteral("markdownCheckBox"));
    m_counterLabel->setObjectName(QStringLiteral("counterLabel"));
    m_previewTextBrowser->setObjectName(QStringLiteral("previewTextBrowser"));
    m_issuesLabel->setObjectName(QStringLiteral("issuesLabel"));
    m_nonVisibleLineEdit->setObjectName(QStringLiteral("nonVisibleLineEdit"));
    m_signPushButton->setObjectName(QStringLiteral("signPushButton"));

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
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
        if (error.field() == QLatin1String("userVisibleData") && error.rule() == ValidationError::Rule::Required)
            m_issues << tr("Enter the text the person signs.");
        else
            m_issues << error.message();
    }

    const qint64 length = RequestValidator::base64Length(candidate.userVisibleData.size());
    const int limit = RequestValidator::maxUserVisibleDataLength(Flow::Sign);
    m_counterLabel->setText(tr("%1 / %2 characters after base64")
                                .arg(ValidationError::groupDigits(length), ValidationError::groupDigits(limit)));
    m_counterLabel->setAccessibleName(tr("Length of the text after base64"));
    m_counterLabel->setAccessibleDescription(length > limit ? tr("Over the limit") : tr("Within the limit"));
    ProblemMarker::mark(m_counterLabel, length > limit);

    m_issuesLabel->setText(m_issues.join(QLatin1Char('\n')));
    m_issuesLabel->setVisible(!m_issues.isEmpty());
    ProblemMarker::mark(m_issuesLabel, !m_issues.isEmpty());
    m_textPlainTextEdit->setAccessibleDescription(m_issues.isEmpty() ? tr("No problems") : m_issues.join(QLatin1Char(' ')));
    m_signPushButton->setEnabled(errors.isEmpty() && m_issues.isEmpty());
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
    m_textLabel->setText(tr("Text the pe&rson signs (userVisibleData):"));
    m_textPlainTextEdit->setAccessibleName(tr("Text the person signs"));
    m_textPlainTextEdit->setPlaceholderText(tr("For example: I accept the terms of the agreement."));
    m_markdownCheckBox->setText(tr("F&ormatted text (simpleMarkdownV1)"));
    m_markdownCheckBox->setAccessibleName(tr("Formatted text (simpleMarkdownV1)"));
    m_previewLabel->setText(tr("&Preview:"));
    m_previewTextBrowser->setAccessibleName(tr("Preview of the text as the BankID app shows it"));
    m_nonVisibleLabel->setText(tr("Hidd&en data (userNonVisibleData, optional):"));
    m_nonVisibleLineEdit->setAccessibleName(tr("Hidden data signed along, not shown to the person"));
    m_signPushButton->setText(tr("&Sign with BankID"));
    m_signPushButton->setAccessibleName(tr("Sign with BankID"));
    updateState();
}

} // namespace bankid
