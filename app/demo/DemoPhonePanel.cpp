#include "DemoPhonePanel.h"

#include "DemoPhoneSignerText.h"
#include "OperatorMessages.h"
#include "PersonalNumber.h"
#include "QrCodeWidget.h"
#include "QrImageDecoder.h"
#include "Simulator.h"
#include "TestPerson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcDemoPhone, "bankid.app.demophone")

namespace bankid {

namespace {

const QString Outstanding = QStringLiteral("outstandingTransaction");
const QString UserCallConfirm = QStringLiteral("userCallConfirm");
const QString UserSign = QStringLiteral("userSign");
const QString Pending = QStringLiteral("pending");

/// "refused (409 notPickedUp): the order has not been picked up yet" for a failed control operation.
QString failureText(const sim::OrderBook::Result &result)
{
    return QStringLiteral("%1 %2: %3").arg(QString::number(result.httpStatus), result.errorCode, result.message);
}

} // namespace

DemoPhonePanel::DemoPhonePanel(sim::Simulator *simulator, QWidget *parent)
    : QWidget(parent)
    , m_simulator(simulator)
    , m_phoneGroupBox(new QGroupBox(this))
    , m_compactToolButton(new QToolButton(this))
    , m_signerTextLabel(new QLabel(this))
    , m_signerTextBrowser(new QTextBrowser(this))
    , m_personLabel(new QLabel(this))
    , m_personComboBox(new QComboBox(this))
    , m_orderLabel(new QLabel(this))
    , m_scanPushButton(new QPushButton(this))
    , m_openPushButton(new QPushButton(this))
    , m_confirmCallPushButton(new QPushButton(this))
    , m_approvePushButton(new QPushButton(this))
    , m_cancelInAppPushButton(new QPushButton(this))
    , m_wrongCodePushButton(new QPushButton(this))
    , m_declinePushButton(new QPushButton(this))
    , m_idCardPushButton(new QPushButton(this))
    , m_idCardLabel(new QLabel(this))
    , m_idCardQrWidget(new QrCodeWidget(this))
    , m_persons(sim::TestPerson::builtIn())
    , m_automaticCheckBox(new QCheckBox(this))
    , m_faultsGroupBox(new QGroupBox(this))
    , m_endpointLabel(new QLabel(this))
    , m_endpointComboBox(new QComboBox(this))
    , m_kindLabel(new QLabel(this))
    , m_kindComboBox(new QComboBox(this))
    , m_countLabel(new QLabel(this))
    , m_countSpinBox(new QSpinBox(this))
    , m_injectPushButton(new QPushButton(this))
    , m_clearFaultsPushButton(new QPushButton(this))
    , m_logLabel(new QLabel(this))
    , m_logPlainTextEdit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("demoPhonePanel"));
    const QList<std::pair<QWidget *, const char *>> names{
        {m_phoneGroupBox, "phoneGroupBox"},
        {m_compactToolButton, "compactToolButton"},
        {m_signerTextLabel, "signerTextLabel"},
        {m_signerTextBrowser, "signerTextBrowser"},
        {m_personLabel, "personLabel"},
        {m_personComboBox, "personComboBox"},
        {m_orderLabel, "orderLabel"},
        {m_scanPushButton, "scanPushButton"},
        {m_openPushButton, "openPushButton"},
        {m_confirmCallPushButton, "confirmCallPushButton"},
        {m_approvePushButton, "approvePushButton"},
        {m_cancelInAppPushButton, "cancelInAppPushButton"},
        {m_wrongCodePushButton, "wrongCodePushButton"},
        {m_declinePushButton, "declinePushButton"},
        {m_idCardPushButton, "idCardPushButton"},
        {m_idCardLabel, "idCardLabel"},
        {m_idCardQrWidget, "idCardQrWidget"},
        {m_automaticCheckBox, "automaticCheckBox"},
        {m_faultsGroupBox, "faultsGroupBox"},
        {m_endpointLabel, "endpointLabel"},
        {m_endpointComboBox, "endpointComboBox"},
        {m_kindLabel, "kindLabel"},
        {m_kindComboBox, "kindComboBox"},
        {m_countLabel, "countLabel"},
        {m_countSpinBox, "countSpinBox"},
        {m_injectPushButton, "injectPushButton"},
        {m_clearFaultsPushButton, "clearFaultsPushButton"},
        {m_logLabel, "logLabel"},
        {m_logPlainTextEdit, "logPlainTextEdit"},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    for (const sim::TestPerson &person : std::as_const(m_persons))
        m_personComboBox->addItem(QString(), person.personalNumber);
    m_idCardPushButton->setCheckable(true);
    m_idCardLabel->setWordWrap(true);
    m_idCardLabel->setTextFormat(Qt::PlainText);
    m_idCardLabel->hide();
    // Large enough for a webcam across the desk to read it off the screen.
    m_idCardQrWidget->setMinimumSize(220, 220);
    m_idCardQrWidget->hide();
    m_personLabel->setBuddy(m_personComboBox);
    m_orderLabel->setWordWrap(true);
    m_orderLabel->setTextFormat(Qt::PlainText);
    m_compactToolButton->setCheckable(true);
    m_compactToolButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_signerTextLabel->setBuddy(m_signerTextBrowser);
    m_signerTextLabel->setWordWrap(true);
    m_signerTextBrowser->setReadOnly(true);
    m_signerTextBrowser->setOpenLinks(false);
    m_signerTextBrowser->setTabChangesFocus(true);
    // A few lines of text; long summaries scroll instead of pushing the buttons off a small screen.
    m_signerTextBrowser->setMinimumHeight(m_signerTextBrowser->fontMetrics().lineSpacing() * 4);
    m_signerTextBrowser->setMaximumHeight(m_signerTextBrowser->fontMetrics().lineSpacing() * 12);
    m_signerTextLabel->hide();
    m_signerTextBrowser->hide();

    // Endpoint and fault kind in FaultRule's spec syntax; the display texts are set in retranslateUi().
    for (const char *endpoint : {"auth", "sign", "phone/auth", "collect", "cancel", "*"})
        m_endpointComboBox->addItem(QString(), QLatin1String(endpoint));
    for (const char *kind : {"503", "500", "429", "408", "html", "truncate", "close", "delay=3000"})
        m_kindComboBox->addItem(QString(), QLatin1String(kind));
    m_endpointLabel->setBuddy(m_endpointComboBox);
    m_kindLabel->setBuddy(m_kindComboBox);
    m_countLabel->setBuddy(m_countSpinBox);
    m_countSpinBox->setRange(0, 100);
    m_countSpinBox->setValue(1);
    m_logLabel->setBuddy(m_logPlainTextEdit);
    m_logPlainTextEdit->setReadOnly(true);
    m_logPlainTextEdit->setTabChangesFocus(true);
    m_logPlainTextEdit->setMaximumBlockCount(500);
    m_logPlainTextEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_actionsGridLayout = new QGridLayout;
    arrangeActions(2);

    auto *faultForm = new QFormLayout;
    faultForm->addRow(m_endpointLabel, m_endpointComboBox);
    faultForm->addRow(m_kindLabel, m_kindComboBox);
    faultForm->addRow(m_countLabel, m_countSpinBox);
    auto *faultButtons = new QHBoxLayout;
    faultButtons->addWidget(m_injectPushButton);
    faultButtons->addWidget(m_clearFaultsPushButton);
    auto *faultLayout = new QVBoxLayout(m_faultsGroupBox);
    faultLayout->addLayout(faultForm);
    faultLayout->addLayout(faultButtons);

    auto *personRow = new QHBoxLayout;
    personRow->addWidget(m_personLabel);
    personRow->addWidget(m_personComboBox, 1);

    auto *compactRow = new QHBoxLayout;
    compactRow->addStretch(1);
    compactRow->addWidget(m_compactToolButton);

    auto *phoneLayout = new QVBoxLayout(m_phoneGroupBox);
    phoneLayout->addLayout(compactRow);
    phoneLayout->addLayout(personRow);
    phoneLayout->addWidget(m_orderLabel);
    phoneLayout->addWidget(m_signerTextLabel);
    phoneLayout->addWidget(m_signerTextBrowser);
    phoneLayout->addLayout(m_actionsGridLayout);
    phoneLayout->addWidget(m_idCardPushButton);
    phoneLayout->addWidget(m_idCardLabel);
    phoneLayout->addWidget(m_idCardQrWidget); // draws itself centred
    phoneLayout->addWidget(m_automaticCheckBox);
    phoneLayout->addWidget(m_faultsGroupBox);
    phoneLayout->addWidget(m_logLabel);
    phoneLayout->addWidget(m_logPlainTextEdit, 1);
    // Takes the height the hidden log leaves in compact mode, so the actions stay together at the top.
    phoneLayout->addStretch(0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_phoneGroupBox);

    setTabOrder(m_compactToolButton, m_personComboBox);
    setTabOrder(m_personComboBox, m_signerTextBrowser);
    setTabOrder(m_signerTextBrowser, m_scanPushButton);
    setTabOrder(m_scanPushButton, m_openPushButton);
    setTabOrder(m_openPushButton, m_confirmCallPushButton);
    setTabOrder(m_confirmCallPushButton, m_declinePushButton);
    setTabOrder(m_declinePushButton, m_approvePushButton);
    setTabOrder(m_approvePushButton, m_wrongCodePushButton);
    setTabOrder(m_wrongCodePushButton, m_cancelInAppPushButton);
    setTabOrder(m_cancelInAppPushButton, m_idCardPushButton);
    setTabOrder(m_idCardPushButton, m_automaticCheckBox);
    setTabOrder(m_automaticCheckBox, m_endpointComboBox);
    setTabOrder(m_endpointComboBox, m_kindComboBox);
    setTabOrder(m_kindComboBox, m_countSpinBox);
    setTabOrder(m_countSpinBox, m_injectPushButton);
    setTabOrder(m_injectPushButton, m_clearFaultsPushButton);
    setTabOrder(m_clearFaultsPushButton, m_logPlainTextEdit);

    connect(m_compactToolButton, &QToolButton::toggled, this, &DemoPhonePanel::setCompact);
    connect(m_scanPushButton, &QPushButton::clicked, this, &DemoPhonePanel::onScan);
    connect(m_openPushButton, &QPushButton::clicked, this, &DemoPhonePanel::onOpen);
    connect(m_confirmCallPushButton, &QPushButton::clicked, this, &DemoPhonePanel::onConfirmCall);
    connect(m_approvePushButton, &QPushButton::clicked, this, &DemoPhonePanel::onApprove);
    connect(m_cancelInAppPushButton, &QPushButton::clicked, this, &DemoPhonePanel::onCancelInApp);
    connect(m_wrongCodePushButton, &QPushButton::clicked, this, &DemoPhonePanel::onWrongCode);
    connect(m_declinePushButton, &QPushButton::clicked, this, &DemoPhonePanel::onDecline);
    connect(m_idCardPushButton, &QPushButton::toggled, this, &DemoPhonePanel::onIdCardToggled);
    connect(m_personComboBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_idCardPushButton->isChecked())
            showIdCard(); // the card of the person now selected
    });
    connect(m_injectPushButton, &QPushButton::clicked, this, &DemoPhonePanel::onInjectFault);
    connect(m_clearFaultsPushButton, &QPushButton::clicked, this, &DemoPhonePanel::onClearFaults);

    if (m_simulator) {
        m_automaticCheckBox->setChecked(m_simulator->orderBook()->userMode() == sim::UserMode::Auto);
        connect(m_simulator, &sim::Simulator::orderChanged, this, &DemoPhonePanel::onOrderChanged);
        connect(m_simulator, &sim::Simulator::orderRemoved, this, [this](const QString &orderRef) {
            if (orderRef == m_orderRef)
                onOrderChanged(orderRef, QStringLiteral("removed"), QString());
        });
    }
    connect(m_automaticCheckBox, &QCheckBox::toggled, this, &DemoPhonePanel::onAutomaticToggled);

    retranslateUi();
    updateButtons();
}

void DemoPhonePanel::setQrSource(QrCodeWidget *widget)
{
    m_qrSource = widget;
    updateButtons();
}

void DemoPhonePanel::setOrder(const QString &orderRef, const QString &autoStartToken, StartMethod method)
{
    m_orderRef = orderRef;
    m_autoStartToken = autoStartToken;
    m_method = method;
    // Where the order stands right now (it may have moved on before the desk told us about it).
    refreshFromSimulator();
    retranslateUi();
    updateButtons();
}

void DemoPhonePanel::refreshFromSimulator()
{
    m_status.clear();
    m_hintCode.clear();
    if (!m_simulator || m_orderRef.isEmpty())
        return;
    const QJsonArray orders = m_simulator->orders();
    for (const QJsonValue &value : orders) {
        const QJsonObject order = value.toObject();
        if (order.value(QLatin1String("orderRef")).toString() == m_orderRef) {
            m_status = order.value(QLatin1String("status")).toString();
            m_hintCode = order.value(QLatin1String("hintCode")).toString();
            return;
        }
    }
    m_status = QStringLiteral("removed");
}

bool DemoPhonePanel::orderStillPending(const QString &action)
{
    if (!m_simulator)
        return false;
    if (m_orderRef.isEmpty()) {
        report(tr("%1: refused, no order is waiting for the app. Nothing was done.").arg(action));
        updateButtons();
        return false;
    }
    const sim::Order *order = m_simulator->orderBook()->find(m_orderRef.toUtf8());
    if (order && order->isPending())
        return true;
    refreshFromSimulator();
    report(tr("%1: refused, the order has already ended (%2). Nothing was done.")
               .arg(action, m_hintCode.isEmpty() ? m_status : m_hintCode));
    retranslateUi();
    updateButtons();
    return false;
}

void DemoPhonePanel::setCompact(bool compact)
{
    if (m_compactToolButton->isChecked() != compact) {
        m_compactToolButton->setChecked(compact); // emits toggled, which comes back here once
        return;
    }
    for (QWidget *widget : std::initializer_list<QWidget *>{m_personLabel, m_personComboBox, m_automaticCheckBox,
                                                            m_faultsGroupBox, m_logLabel, m_logPlainTextEdit})
        widget->setVisible(!compact);
    arrangeActions(compact ? 1 : 2);
    retranslateUi();
    // Recompute the size hints now, so a dock (or a test) asking right away sees the narrow panel.
    m_phoneGroupBox->layout()->invalidate();
    m_phoneGroupBox->layout()->activate();
    layout()->activate();
    updateGeometry();
    emit compactChanged(compact);
}

void DemoPhonePanel::arrangeActions(int columns)
{
    // In tab order: scan, open, confirm, decline, approve, wrong code; cancel spans the last row.
    const QList<QPushButton *> buttons{m_scanPushButton,    m_openPushButton,     m_confirmCallPushButton,
                                       m_declinePushButton, m_approvePushButton, m_wrongCodePushButton};
    for (QPushButton *button : buttons)
        m_actionsGridLayout->removeWidget(button);
    m_actionsGridLayout->removeWidget(m_cancelInAppPushButton);
    for (int i = 0; i < buttons.size(); ++i)
        m_actionsGridLayout->addWidget(buttons.at(i), i / columns, i % columns);
    m_actionsGridLayout->addWidget(m_cancelInAppPushButton, int(buttons.size() + columns - 1) / columns, 0, 1,
                                   columns);
}

bool DemoPhonePanel::isCompact() const
{
    return m_compactToolButton->isChecked();
}

QString DemoPhonePanel::signerText() const
{
    return m_signerTextBrowser->isHidden() ? QString() : m_signerTextBrowser->toPlainText();
}

void DemoPhonePanel::updateSignerText()
{
    // The app shows the text once the order is picked up (scanned or opened) until the person is done.
    const sim::Order *order = nullptr;
    if (m_simulator && !m_orderRef.isEmpty() && m_status == Pending && !m_hintCode.isEmpty()
        && m_hintCode != Outstanding)
        order = m_simulator->orderBook()->find(m_orderRef.toUtf8());
    const bool show = order && order->isPending();
    if (show)
        m_signerTextBrowser->setHtml(DemoPhoneSignerText::toHtml(*order));
    else
        m_signerTextBrowser->clear();
    m_signerTextLabel->setVisible(show);
    m_signerTextBrowser->setVisible(show);
}

QString DemoPhonePanel::logText() const
{
    return m_logPlainTextEdit->toPlainText();
}

QString DemoPhonePanel::selectedPerson() const
{
    return m_personComboBox->currentData().toString();
}

void DemoPhonePanel::report(const QString &line)
{
    m_logPlainTextEdit->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + line);
    qCInfo(lcDemoPhone).noquote() << line;
    emit acted(line);
}

void DemoPhonePanel::onScan()
{
    if (!orderStillPending(tr("Scan")))
        return;
    if (!m_qrSource || m_qrSource->isHidden() || m_qrSource->content().isEmpty()) {
        report(tr("Scan: no QR code is shown on the desk."));
        return;
    }
    // The phone sees what the desk shows: the widget's pixels, not its content string.
    const QStringList decoded = QrImageDecoder::decode(m_qrSource->grab().toImage());
    if (decoded.isEmpty()) {
        report(tr("Scan: no readable QR code in the picture."));
        return;
    }
    const QString person = m_method == StartMethod::Phone ? QString() : selectedPerson();
    const sim::OrderBook::Result result = m_simulator->scan(decoded.first().toUtf8(), person);
    report(result.ok ? tr("Scanned the QR code: accepted by BankID.")
                     : tr("Scanned the QR code: refused (%1).").arg(failureText(result)));
}

bool DemoPhonePanel::addPerson(const sim::TestPerson &person, QString *error)
{
    if (!m_simulator || !m_simulator->addPerson(person, error))
        return false;
    for (int i = 0; i < m_persons.size(); ++i) {
        if (m_persons.at(i).personalNumber == person.personalNumber) {
            m_persons[i] = person;
            retranslateUi();
            return true;
        }
    }
    m_persons << person;
    m_personComboBox->addItem(QString(), person.personalNumber);
    retranslateUi();
    return true;
}

void DemoPhonePanel::selectPerson(const QString &personalNumber)
{
    const int index = m_personComboBox->findData(personalNumber);
    if (index >= 0)
        m_personComboBox->setCurrentIndex(index);
}

void DemoPhonePanel::showIdCard()
{
    if (!m_idCardPushButton->isChecked()) {
        m_idCardPushButton->setChecked(true); // toggled comes back here once
        return;
    }
    if (!m_simulator)
        return;
    QString error;
    const QByteArray code = m_simulator->mintIdCardCode(selectedPerson(), &error);
    if (code.isEmpty()) {
        m_idCardQrWidget->setContent({});
        m_idCardQrWidget->hide();
        m_idCardLabel->setText(tr("No ID card: %1").arg(error));
        m_idCardLabel->show();
        report(tr("Show ID card: refused (%1).").arg(error));
        return;
    }
    m_idCardQrWidget->setContent(QString::fromLatin1(code));
    m_idCardQrWidget->show();
    m_idCardLabel->show();
    retranslateUi();
    m_phoneGroupBox->layout()->activate(); // taller now: the dock's scroll area must know at once
    updateGeometry();
    report(tr("Showing the ID card of %1: the QR code is valid once, for %n second(s).", "",
              m_simulator->options().idCardCodeLifetimeMs / 1000)
               .arg(PersonalNumber::mask(selectedPerson())));
}

void DemoPhonePanel::onIdCardToggled(bool show)
{
    if (show) {
        showIdCard();
        return;
    }
    m_idCardQrWidget->setContent({});
    m_idCardQrWidget->hide();
    m_idCardLabel->hide();
    retranslateUi();
}

QString DemoPhonePanel::idCardCode() const
{
    return m_idCardQrWidget->isHidden() ? QString() : m_idCardQrWidget->content();
}

QStringList DemoPhonePanel::scanIdCardCode() const
{
    if (m_idCardQrWidget->isHidden() || m_idCardQrWidget->content().isEmpty())
        return {};
    // What the screen shows, not the content string: a broken drawing fails here as it would on a camera.
    return QrImageDecoder::decode(m_idCardQrWidget->grab().toImage());
}

void DemoPhonePanel::onOpen()
{
    if (!orderStillPending(tr("Open")))
        return;
    sim::OrderBook::Result result;
    if (m_method == StartMethod::Phone) {
        // A phone order has no autostart token: the person opens the app for the order of the call.
        result = m_simulator->orderBook()->act(m_orderRef.toUtf8(), sim::OrderBook::Action::Open);
    } else {
        result = m_simulator->open(m_autoStartToken.toUtf8(), selectedPerson());
    }
    report(result.ok ? tr("Opened the BankID app: the order was picked up.")
                     : tr("Opening the BankID app failed (%1).").arg(failureText(result)));
}

void DemoPhonePanel::onConfirmCall()
{
    if (!orderStillPending(tr("Confirm call")))
        return;
    const sim::OrderBook::Result result = m_simulator->confirmCall(m_orderRef.toUtf8());
    report(result.ok ? tr("Confirmed the call.") : tr("Confirming the call failed (%1).").arg(failureText(result)));
}

void DemoPhonePanel::onApprove()
{
    if (!orderStillPending(tr("Approve")))
        return;
    const sim::OrderBook::Result result = m_simulator->approve(m_orderRef.toUtf8());
    report(result.ok ? tr("Entered the right security code: approved.")
                     : tr("Approving failed (%1).").arg(failureText(result)));
}

void DemoPhonePanel::onCancelInApp()
{
    if (!orderStillPending(tr("Cancel in app")))
        return;
    const sim::OrderBook::Result result = m_simulator->userCancel(m_orderRef.toUtf8());
    report(result.ok ? tr("Pressed Cancel in the BankID app.")
                     : tr("Cancelling in the app failed (%1).").arg(failureText(result)));
}

void DemoPhonePanel::onWrongCode()
{
    if (!orderStillPending(tr("Wrong security code")))
        return;
    const sim::OrderBook::Result result = m_simulator->wrongCode(m_orderRef.toUtf8());
    report(result.ok ? tr("Entered a wrong security code.")
                     : tr("Entering a wrong code failed (%1).").arg(failureText(result)));
}

void DemoPhonePanel::onDecline()
{
    if (!orderStillPending(tr("Decline call")))
        return;
    const sim::OrderBook::Result result = m_simulator->decline(m_orderRef.toUtf8());
    report(result.ok ? tr("Declined: \"I am not on a call\".")
                     : tr("Declining the call failed (%1).").arg(failureText(result)));
}

void DemoPhonePanel::onAutomaticToggled(bool automatic)
{
    if (!m_simulator)
        return;
    m_simulator->setUserMode(automatic ? sim::UserMode::Auto : sim::UserMode::Manual);
    report(automatic ? tr("The app now acts automatically (from the next order on).")
                     : tr("The app now waits for you to act (from the next order on)."));
}

void DemoPhonePanel::onInjectFault()
{
    if (!m_simulator)
        return;
    QString spec = m_endpointComboBox->currentData().toString() + QLatin1Char(':')
                   + m_kindComboBox->currentData().toString();
    if (m_countSpinBox->value() > 0)
        spec += QStringLiteral(":count=%1").arg(m_countSpinBox->value());
    QString error;
    const int id = m_simulator->addFault(spec, &error);
    report(id > 0 ? tr("Fault %1 injected: %2").arg(id).arg(spec)
                  : tr("Fault refused (%1): %2").arg(spec, error));
}

void DemoPhonePanel::onClearFaults()
{
    if (!m_simulator)
        return;
    const int cleared = m_simulator->clearFaults();
    report(tr("Faults cleared: %1").arg(cleared));
}

void DemoPhonePanel::onOrderChanged(const QString &orderRef, const QString &status, const QString &hintCode)
{
    if (orderRef != m_orderRef || orderRef.isEmpty())
        return;
    if (status == m_status && hintCode == m_hintCode)
        return;
    m_status = status;
    m_hintCode = hintCode;
    // The simulator's answer as BankID would report it on /collect: status and hintCode.
    m_logPlainTextEdit->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss "))
                                        + tr("BankID: %1 %2").arg(status, hintCode).trimmed());
    retranslateUi();
    updateButtons();
}

void DemoPhonePanel::updateButtons()
{
    const bool haveOrder = m_simulator && !m_orderRef.isEmpty() && m_status == Pending;
    const bool outstanding = haveOrder && (m_hintCode.isEmpty() || m_hintCode == Outstanding);
    const bool phone = m_method == StartMethod::Phone;
    m_scanPushButton->setEnabled(outstanding && m_method == StartMethod::QrCode && m_qrSource);
    m_openPushButton->setEnabled(outstanding
                                 && ((m_method == StartMethod::SameDevice && !m_autoStartToken.isEmpty()) || phone));
    m_confirmCallPushButton->setEnabled(haveOrder && phone && m_hintCode == UserCallConfirm);
    m_declinePushButton->setEnabled(haveOrder && phone && m_hintCode == UserCallConfirm);
    m_approvePushButton->setEnabled(haveOrder && m_hintCode == UserSign);
    m_wrongCodePushButton->setEnabled(haveOrder && m_hintCode == UserSign);
    m_cancelInAppPushButton->setEnabled(haveOrder && !outstanding);
    // A phone order names its person; once it has ended (or for a QR / same-device order not yet picked
    // up) the next order's person can be chosen again.
    m_personComboBox->setEnabled(!haveOrder || (!phone && outstanding));
    const bool simulator = m_simulator != nullptr;
    m_automaticCheckBox->setEnabled(simulator);
    m_faultsGroupBox->setEnabled(simulator);
    updateSignerText();
}

void DemoPhonePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DemoPhonePanel::retranslateUi()
{
    m_phoneGroupBox->setTitle(tr("Simulated BankID app (demo)"));
    m_compactToolButton->setText(isCompact() ? tr("Show all") : tr("Compact"));
    m_compactToolButton->setToolTip(isCompact() ? tr("Show the test person, faults and log again")
                                                : tr("Hide the test person, faults and log to make the panel narrow"));
    m_compactToolButton->setAccessibleName(tr("Compact demo phone"));
    m_signerTextLabel->setText(tr("W&hat the person reads in the app:"));
    m_signerTextBrowser->setAccessibleName(tr("Text shown to the person in the BankID app"));
    updateSignerText();
    setAccessibleName(tr("Simulated BankID app"));
    m_personLabel->setText(tr("Test person:"));
    m_personComboBox->setAccessibleName(tr("Test person who picks up the order"));
    for (int i = 0; i < m_persons.size() && i < m_personComboBox->count(); ++i)
        m_personComboBox->setItemText(i, tr("%1 (%2)").arg(m_persons.at(i).name(), PersonalNumber::mask(m_persons.at(i).personalNumber)));
    // No mnemonic: the panel shows beside every page, whose letters are taken; Tab reaches it.
    m_idCardPushButton->setText(m_idCardPushButton->isChecked() ? tr("Hide ID card") : tr("Show ID card"));
    m_idCardPushButton->setAccessibleName(m_idCardPushButton->isChecked()
                                              ? tr("Hide the digital ID card")
                                              : tr("Show the selected person's digital ID card as a QR code"));
    m_idCardPushButton->setToolTip(m_idCardPushButton->accessibleName());
    if (!m_idCardQrWidget->isHidden()) {
        const int index = m_personComboBox->currentIndex();
        const QString name = index >= 0 && index < m_persons.size() ? m_persons.at(index).name() : QString();
        m_idCardLabel->setText(tr("ID card of %1").arg(name));
        m_idCardLabel->setToolTip(tr("Show this QR code to the desk's scanner or camera: it is valid once, for a short time."));
    }
    m_idCardQrWidget->setAccessibleName(tr("ID card QR code"));

    if (m_orderRef.isEmpty())
        m_orderLabel->setText(tr("No order to act on."));
    else
    {
        // Plain words on screen (the operator's own lines); BankID's status and hintCode in the tooltip.
        QString state;
        if (m_status == Pending)
            state = OperatorMessages::forPending(m_hintCode, m_method);
        else if (m_status == QLatin1String("failed"))
            state = OperatorMessages::forFailed(m_hintCode);
        else
            state = tr("Completed.");
        m_orderLabel->setText(tr("Order %1: %2").arg(m_orderRef.left(8) + QStringLiteral("…"), state));
        m_orderLabel->setToolTip(tr("BankID reports status “%1”, hintCode “%2”").arg(m_status, m_hintCode));
    }
    m_orderLabel->setAccessibleName(tr("Order state"));

    const std::initializer_list<std::tuple<QPushButton *, QString, QString>> buttons{
        {m_scanPushButton, tr("Scan &QR code"), tr("Scan the QR code shown on the desk")},
        {m_openPushButton, tr("Open on this devi&ce"), tr("Open the BankID app with the autostart token")},
        {m_confirmCallPushButton, tr("Confir&m call"), tr("Confirm that you are on a call with the company")},
        {m_declinePushButton, tr("&Decline call"), tr("Answer that you are not on a call")},
        {m_approvePushButton, tr("&Approve"), tr("Enter the right security code")},
        {m_wrongCodePushButton, tr("Wrong securit&y code"), tr("Enter a wrong security code")},
        {m_cancelInAppPushButton, tr("Ca&ncel in app"), tr("Press Cancel in the BankID app")},
        {m_injectPushButton, tr("In&ject"), tr("Inject the fault")},
        {m_clearFaultsPushButton, tr("Clear faults"), tr("Remove all injected faults")},
    };
    for (const auto &[button, text, accessible] : buttons) {
        button->setText(text);
        button->setAccessibleName(accessible);
        button->setToolTip(accessible);
    }
    m_automaticCheckBox->setText(tr("Act automatically"));
    m_automaticCheckBox->setAccessibleName(tr("The simulated app scans and approves by itself"));

    m_faultsGroupBox->setTitle(tr("Faults"));
    m_endpointLabel->setText(tr("Endpoint:"));
    m_endpointComboBox->setAccessibleName(tr("Endpoint the fault hits"));
    const QStringList endpointTexts{tr("auth"), tr("sign"), tr("phone/auth"), tr("collect"), tr("cancel"), tr("all")};
    for (int i = 0; i < endpointTexts.size() && i < m_endpointComboBox->count(); ++i)
        m_endpointComboBox->setItemText(i, endpointTexts.at(i));
    m_kindLabel->setText(tr("&Kind:"));
    m_kindComboBox->setAccessibleName(tr("Kind of fault"));
    const QStringList kindTexts{tr("503 maintenance"),   tr("500 internal error"), tr("429 too many requests"),
                                tr("408 request timeout"), tr("HTML error page"),  tr("Truncated JSON"),
                                tr("Close connection"),  tr("Delay 3 s")};
    for (int i = 0; i < kindTexts.size() && i < m_kindComboBox->count(); ++i)
        m_kindComboBox->setItemText(i, kindTexts.at(i));
    m_countLabel->setText(tr("Count:"));
    m_countSpinBox->setAccessibleName(tr("How many requests the fault hits"));
    m_countSpinBox->setSpecialValueText(tr("Unlimited"));
    m_logLabel->setText(tr("Log:"));
    m_logPlainTextEdit->setAccessibleName(tr("What the simulated app did"));
}

} // namespace bankid
