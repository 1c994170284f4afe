#include "StartMethodChooser.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QEvent>
#include <QRadioButton>

namespace bankid {

StartMethodChooser::StartMethodChooser(Qt::Orientation orientation, QWidget *parent)
    : QWidget(parent)
    , m_qrRadioButton(new QRadioButton(this))
    , m_sameDeviceRadioButton(new QRadioButton(this))
{
    setObjectName(QStringLiteral("startMethodChooser"));
    m_qrRadioButton->setObjectName(QStringLiteral("qrRadioButton"));
    m_sameDeviceRadioButton->setObjectName(QStringLiteral("sameDeviceRadioButton"));
    m_qrRadioButton->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_qrRadioButton);
    group->addButton(m_sameDeviceRadioButton);

    auto *layout = new QBoxLayout(orientation == Qt::Horizontal ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom, this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_qrRadioButton);
    layout->addWidget(m_sameDeviceRadioButton);
    setTabOrder(m_qrRadioButton, m_sameDeviceRadioButton);
    retranslateUi();
}

StartMethod StartMethodChooser::startMethod() const
{
    return m_sameDeviceRadioButton->isChecked() ? StartMethod::SameDevice : StartMethod::QrCode;
}

void StartMethodChooser::setStartMethod(StartMethod method)
{
    (method == StartMethod::SameDevice ? m_sameDeviceRadioButton : m_qrRadioButton)->setChecked(true);
}

void StartMethodChooser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StartMethodChooser::retranslateUi()
{
    m_qrRadioButton->setText(tr("QR code on another dev&ice"));
    m_qrRadioButton->setAccessibleName(tr("QR code on another device"));
    m_sameDeviceRadioButton->setText(tr("&BankID on this device"));
    m_sameDeviceRadioButton->setAccessibleName(tr("BankID on this device"));
}

} // namespace bankid
