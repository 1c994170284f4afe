#include "CallerPage.h"

#include "ProblemMarker.h"
#include "PersonalNumber.h"

#include <QButtonGroup>
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
    , m_titleLabel(new QLabel(this))
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
{
    setObjectName(QStringLiteral("callerPage"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_personalNumberLineEdit->setObjectName(QStringLiteral("personalNumberLineEdit"));
    m_validationLabel->setObjectName(QStringLiteral("validationLabel"));
    m_userCalledRadioButton->setObjectName(QStringLiteral("userCalledRadioButton"));
    m_rpCalledRadioButton->setObjectName(QStringLiteral("rpCalledRadioButton"));
    m_identifyRadioButton->setObjectName(QStringLiteral("identifyRadioButton"));
    m_signRadioButton->setObjectName(QStringLiteral("signRadioButton"));
    m_textLineEdit->setObjectName(QStringLiteral("textLineEdit"));
    m_startPushButton->setObjectName(QStringLiteral("startPushButton"));

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
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
    buttonRow->addStretch(1);
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
    request.personalNumber = PersonalNumber::normalized(m_personalNumberLineEdit->text());
    request.callInitiator = m_rpCalledRadioButton->isChecked() ? CallInitiator::RP : CallInitiator::User;
    request.userVisibleData = m_textLineEdit->text().trimmed().toUtf8();
    return request;
}

bool CallerPage::canStart() const
{
    if (PersonalNumber::check(m_personalNumberLineEdit->text()) != PersonalNumber::Rule::Ok)
        return false;
    return !m_signRadioButton->isChecked() || !m_textLineEdit->text().trimmed().isEmpty();
}

void CallerPage::updateValidation()
{
    const PersonalNumber::Rule rule = PersonalNumber::check(m_personalNumberLineEdit->text());
    QString message;
    if (rule == PersonalNumber::Rule::Ok) {
        const auto number = PersonalNumber::parse(m_personalNumberLineEdit->text());
        message = number && number->isCoordinationNumber() ? tr("Valid coordination number")
                                                           : tr("Valid personal identity number");
    } else {
        message = PersonalNumber::ruleMessage(rule);
    }
    if (m_signRadioButton->isChecked() && m_textLineEdit->text().trimmed().isEmpty())
        m_textLineEdit->setAccessibleDescription(tr("Required for signing: the text the person signs"));
    else
        m_textLineEdit->setAccessibleDescription(tr("Optional"));
    m_validationLabel->setText(message);
    ProblemMarker::mark(m_validationLabel, rule != PersonalNumber::Rule::Ok && !m_personalNumberLineEdit->text().isEmpty());
    m_personalNumberLineEdit->setAccessibleDescription(message);
    m_startPushButton->setEnabled(canStart());
}

void CallerPage::emitStart()
{
    if (!canStart())
        return;
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
    m_personalNumberLineEdit->setPlaceholderText(tr("YYYYMMDDNNNN"));
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
