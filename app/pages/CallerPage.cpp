#include "CallerPage.h"

#include "PageTitleLabel.h"
#include "PersonalNumber.h"
#include "ProblemMarker.h"
#include "StartBlockedLabel.h"

#include <QButtonGroup>
#include <QDate>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace bankid {

CallerPage::CallerPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new PageTitleLabel(this))
    , m_personalNumberLabel(new QLabel(this))
    , m_personalNumberLineEdit(new QLineEdit(this))
    , m_validationLabel(new QLabel(this))
    , m_initiatorLabel(new QLabel(this))
    , m_userCalledRadioButton(new QRadioButton(this))
    , m_rpCalledRadioButton(new QRadioButton(this))
    , m_actionLabel(new QLabel(this))
    , m_identifyRadioButton(new QRadioButton(this))
    , m_signRadioButton(new QRadioButton(this))
    , m_textLabel(new QLabel(this))
    , m_textLineEdit(new QLineEdit(this))
    , m_startPushButton(new QPushButton(this))
    , m_startBlockedLabel(new StartBlockedLabel(this))
{
    setObjectName(QStringLiteral("callerPage"));
    m_personalNumberLineEdit->setObjectName(QStringLiteral("personalNumberLineEdit"));
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_userCalledRadioButton->setObjectName(QStringLiteral("userCalledRadioButton"));
    m_rpCalledRadioButton->setObjectName(QStringLiteral("rpCalledRadioButton"));
    m_identifyRadioButton->setObjectName(QStringLiteral("identifyRadioButton"));
    m_signRadioButton->setObjectName(QStringLiteral("signRadioButton"));
    m_textLineEdit->setObjectName(QStringLiteral("textLineEdit"));
    m_startPushButton->setObjectName(QStringLiteral("startPushButton"));

    m_personalNumberLabel->setBuddy(m_personalNumberLineEdit);
    m_textLabel->setBuddy(m_textLineEdit);
    m_validationLabel->setWordWrap(true);
    m_personalNumberLineEdit->setMaxLength(13); // YYYYMMDD-NNNN
    m_personalNumberLineEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhNoPredictiveText);

    m_userCalledRadioButton->setChecked(true);
    auto *initiators = new QButtonGroup(this);
    initiators->addButton(m_userCalledRadioButton);
    initiators->addButton(m_rpCalledRadioButton);
    m_identifyRadioButton->setChecked(true);
    auto *actions = new QButtonGroup(this);
    actions->addButton(m_identifyRadioButton);
    actions->addButton(m_signRadioButton);
    m_startPushButton->setDefault(true);

    auto *numberLayout = new QVBoxLayout;
    numberLayout->addWidget(m_personalNumberLineEdit);
    numberLayout->addWidget(m_validationLabel);
    auto *initiatorLayout = new QVBoxLayout;
    initiatorLayout->addWidget(m_userCalledRadioButton);
    initiatorLayout->addWidget(m_rpCalledRadioButton);
    auto *actionLayout = new QVBoxLayout;
    actionLayout->addWidget(m_identifyRadioButton);
    actionLayout->addWidget(m_signRadioButton);
    auto *form = new QFormLayout;
    form->addRow(m_personalNumberLabel, numberLayout);
    form->addRow(m_initiatorLabel, initiatorLayout);
    form->addRow(m_actionLabel, actionLayout);
    form->addRow(m_textLabel, m_textLineEdit);

    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_startBlockedLabel, 1);
    buttonRow->addStretch(0);
    buttonRow->addWidget(m_startPushButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addLayout(form);
    layout->addLayout(buttonRow);
    layout->addStretch(1);

    setTabOrder(m_personalNumberLineEdit, m_userCalledRadioButton);
    setTabOrder(m_userCalledRadioButton, m_rpCalledRadioButton);
    setTabOrder(m_rpCalledRadioButton, m_identifyRadioButton);
    setTabOrder(m_identifyRadioButton, m_signRadioButton);
    setTabOrder(m_signRadioButton, m_textLineEdit);
    setTabOrder(m_textLineEdit, m_startPushButton);
    setFocusProxy(m_personalNumberLineEdit);

    connect(m_personalNumberLineEdit, &QLineEdit::textChanged, this, &CallerPage::updateValidation);
    connect(m_personalNumberLineEdit, &QLineEdit::textEdited, this, [this] { m_leftNumberField = false; });
    connect(m_personalNumberLineEdit, &QLineEdit::editingFinished, this, [this] {
        m_leftNumberField = !m_personalNumberLineEdit->text().trimmed().isEmpty();
        updateValidation();
    });
    connect(m_textLineEdit, &QLineEdit::textChanged, this, &CallerPage::updateValidation);
    connect(m_signRadioButton, &QRadioButton::toggled, this, &CallerPage::updateValidation);
    connect(m_personalNumberLineEdit, &QLineEdit::returnPressed, this, &CallerPage::emitStart);
    connect(m_textLineEdit, &QLineEdit::returnPressed, this, &CallerPage::emitStart);
    connect(m_startPushButton, &QPushButton::clicked, this, &CallerPage::emitStart);
    retranslateUi();
}

OrderRequest CallerPage::request() const
{
    OrderRequest request;
    request.flow = m_signRadioButton->isChecked() ? Flow::PhoneSign : Flow::PhoneAuth;
    const QString expanded = expandedNumber();
    request.personalNumber = expanded.isEmpty() ? m_personalNumberLineEdit->text().trimmed() : expanded;
    request.callInitiator = m_rpCalledRadioButton->isChecked() ? CallInitiator::RP : CallInitiator::User;
    request.userVisibleData = m_textLineEdit->text().trimmed().toUtf8();
    return request;
}

QString CallerPage::expandedNumber() const
{
    return PersonalNumber::expandedDigits(m_personalNumberLineEdit->text(), QDate::currentDate());
}

bool CallerPage::inputComplete() const
{
    const QString text = m_personalNumberLineEdit->text().trimmed();
    int digits = 0;
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            ++digits;
        else if (c != QLatin1Char('-') && c != QLatin1Char('+'))
            return true; // no personal number has it: typing more cannot help
    }
    // 10 digits alone may still become 12; with a separator after YYMMDD they are a complete short form.
    const bool shortFormWithSeparator = text.size() == 11 && (text.at(6) == QLatin1Char('-') || text.at(6) == QLatin1Char('+'));
    return digits >= 12 || (digits == 10 && shortFormWithSeparator);
}

bool CallerPage::canStart() const
{
    if (!m_startAllowed)
        return false;
    if (PersonalNumber::check(expandedNumber()) != PersonalNumber::Rule::Ok)
        return false;
    return !m_signRadioButton->isChecked() || !m_textLineEdit->text().trimmed().isEmpty();
}

CallerPage::~CallerPage()
{
    m_personalNumberLineEdit->disconnect(this);
}

void CallerPage::setStartAllowed(bool allowed, const QString &reason)
{
    m_startAllowed = allowed;
    m_startBlockedLabel->showReason(allowed, reason, m_startPushButton);
    updateValidation();
}

void CallerPage::updateValidation()
{
    const QString typed = m_personalNumberLineEdit->text();
    const QString expanded = expandedNumber();
    // An input that is no accepted form is checked as typed, so the rule says what is wrong with it.
    const PersonalNumber::Rule rule = PersonalNumber::check(expanded.isEmpty() ? typed : expanded);
    const bool showProblem = rule != PersonalNumber::Rule::Ok && !typed.trimmed().isEmpty()
        && (inputComplete() || m_leftNumberField);
    QString message;
    if (rule == PersonalNumber::Rule::Ok) {
        const auto number = PersonalNumber::parse(expanded);
        const QString shown = expanded.left(8) + QLatin1Char('-') + expanded.mid(8);
        message = number && number->isCoordinationNumber() ? tr("Valid coordination number: %1").arg(shown)
                                                           : tr("Valid personal identity number: %1").arg(shown);
    } else if (!showProblem) {
        message = tr("12 digits (YYYYMMDDNNNN), or the 10-digit form YYMMDD-NNNN (YYMMDD+NNNN from age 100).");
    } else if (rule == PersonalNumber::Rule::Format) {
        message = tr("A personal identity number has 12 digits (YYYYMMDDNNNN or YYYYMMDD-NNNN) or 10 digits "
                     "(YYMMDD-NNNN, YYMMDDNNNN, or YYMMDD+NNNN from age 100).");
    } else {
        message = PersonalNumber::ruleMessage(rule);
    }
    if (m_signRadioButton->isChecked() && m_textLineEdit->text().trimmed().isEmpty())
        m_textLineEdit->setAccessibleDescription(tr("Required for signing: the text the person signs"));
    else
        m_textLineEdit->setAccessibleDescription(tr("Optional"));
    m_validationLabel->setText(message);
    ProblemMarker::mark(m_validationLabel, showProblem);
    m_personalNumberLineEdit->setAccessibleDescription(message);
    m_startPushButton->setEnabled(canStart());
}

void CallerPage::emitStart()
{
    if (!canStart()) {
        m_leftNumberField = !m_personalNumberLineEdit->text().trimmed().isEmpty(); // Enter: say what is missing
        updateValidation();
        return;
    }
    emit startRequested(request(), StartMethod::Phone);
}

void CallerPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CallerPage::retranslateUi()
{
    m_titleLabel->setText(tr("Identify a caller"));
    m_personalNumberLabel->setText(tr("&Personal number:"));
    m_personalNumberLineEdit->setPlaceholderText(tr("YYYYMMDDNNNN or YYMMDD-NNNN"));
    m_personalNumberLineEdit->setAccessibleName(tr("Personal identity number"));
    m_initiatorLabel->setText(tr("Who called?"));
    m_userCalledRadioButton->setText(tr("The person ca&lled us"));
    m_userCalledRadioButton->setAccessibleName(tr("The person called us"));
    m_rpCalledRadioButton->setText(tr("&We called the person"));
    m_rpCalledRadioButton->setAccessibleName(tr("We called the person"));
    m_actionLabel->setText(tr("Action:"));
    m_identifyRadioButton->setText(tr("&Identify"));
    m_identifyRadioButton->setAccessibleName(tr("Identify the caller"));
    m_signRadioButton->setText(tr("Si&gn"));
    m_signRadioButton->setAccessibleName(tr("Let the caller sign a text"));
    m_textLabel->setText(tr("Te&xt shown in the app:"));
    m_textLineEdit->setAccessibleName(tr("Text shown in the BankID app"));
    m_textLineEdit->setPlaceholderText(tr("Optional for identification, required for signing"));
    m_startPushButton->setText(tr("&Start"));
    m_startPushButton->setAccessibleName(tr("Start the phone order"));
    updateValidation();
}

} // namespace bankid
