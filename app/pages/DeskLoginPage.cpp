#include "DeskLoginPage.h"

#include "PageTitleLabel.h"
#include "StartBlockedLabel.h"
#include "StartMethodChooser.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace bankid {

namespace {

// Relative font sizes: they follow the platform font and the screen's DPI, never fixed pixels.
void scaleFont(QWidget *widget, qreal factor, bool bold)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    widget->setFont(font);
}

} // namespace

DeskLoginPage::DeskLoginPage(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new PageTitleLabel(this))
    , m_introLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_textLineEdit(new QLineEdit(this))
    , m_methodLabel(new QLabel(this))
    , m_startMethodChooser(new StartMethodChooser(Qt::Vertical, this))
    , m_loginPushButton(new QPushButton(this))
    , m_startBlockedLabel(new StartBlockedLabel(this))
{
    setObjectName(QStringLiteral("deskLoginPage"));
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_textLineEdit->setObjectName(QStringLiteral("textLineEdit"));
    m_loginPushButton->setObjectName(QStringLiteral("loginPushButton"));

    scaleFont(m_loginPushButton, 1.5, true);
    m_introLabel->setWordWrap(true);
    m_textLabel->setBuddy(m_textLineEdit);
    m_loginPushButton->setDefault(true);
    m_loginPushButton->setAutoDefault(true);
    m_loginPushButton->setMinimumHeight(m_loginPushButton->fontMetrics().height() * 3);
    m_loginPushButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto *form = new QFormLayout;
    form->addRow(m_textLabel, m_textLineEdit);
    form->addRow(m_methodLabel, m_startMethodChooser);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addSpacing(m_introLabel->fontMetrics().height());
    layout->addWidget(m_loginPushButton);
    layout->addWidget(m_startBlockedLabel);
    layout->addSpacing(m_introLabel->fontMetrics().height());
    layout->addLayout(form);
    layout->addStretch(1);

    setTabOrder(m_loginPushButton, m_textLineEdit);
    setTabOrder(m_textLineEdit, m_startMethodChooser->firstButton());
    setTabOrder(m_startMethodChooser->firstButton(), m_startMethodChooser->lastButton());
    setFocusProxy(m_loginPushButton);

    connect(m_textLineEdit, &QLineEdit::textEdited, this, [this] { m_textEdited = true; });
    connect(m_textLineEdit, &QLineEdit::returnPressed, this, &DeskLoginPage::emitStart);
    connect(m_loginPushButton, &QPushButton::clicked, this, &DeskLoginPage::emitStart);
    retranslateUi();
}

OrderRequest DeskLoginPage::request() const
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.userVisibleData = m_textLineEdit->text().trimmed().toUtf8();
    return request;
}

StartMethod DeskLoginPage::startMethod() const
{
    return m_startMethodChooser->startMethod();
}

void DeskLoginPage::setStartMethod(StartMethod method)
{
    m_startMethodChooser->setStartMethod(method);
}

void DeskLoginPage::setStartAllowed(bool allowed, const QString &reason)
{
    m_startAllowed = allowed;
    m_startBlockedLabel->showReason(allowed, reason, m_loginPushButton);
    m_loginPushButton->setEnabled(allowed);
}

void DeskLoginPage::emitStart()
{
    if (!m_startAllowed)
        return; // Enter in the text field must not bypass the disabled button
    emit startRequested(request(), startMethod());
}

void DeskLoginPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DeskLoginPage::retranslateUi()
{
    m_titleLabel->setText(tr("Log in at the desk"));
    m_introLabel->setText(tr("The person in front of you logs in with BankID: they scan the QR code with the "
                             "BankID app on their phone, or BankID starts on this computer."));
    m_loginPushButton->setText(tr("&Log in with BankID"));
    m_loginPushButton->setAccessibleName(tr("Log in with BankID"));
    m_loginPushButton->setAccessibleDescription(tr("Starts a BankID login order"));
    m_textLabel->setText(tr("Text &shown in the app:"));
    // The default text follows the language until the operator types their own.
    if (!m_textEdited)
        m_textLineEdit->setText(tr("Log in at the service desk"));
    m_textLineEdit->setAccessibleName(tr("Text shown in the BankID app"));
    m_methodLabel->setText(tr("Start method:"));
}

} // namespace bankid
