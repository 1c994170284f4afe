#include "EnvironmentBadge.h"

#include <QEvent>

namespace bankid {

EnvironmentBadge::EnvironmentBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("environmentBadge"));
    setAlignment(Qt::AlignCenter);
    QFont bold = font();
    bold.setBold(true);
    setFont(bold);
    retranslateUi();
}

QString EnvironmentBadge::label(DeskEnvironment environment)
{
    switch (environment) {
    case DeskEnvironment::Simulator: return tr("SIMULATOR");
    case DeskEnvironment::Test: return tr("TEST");
    case DeskEnvironment::Production: return tr("PRODUCTION");
    case DeskEnvironment::Custom: return tr("CUSTOM");
    }
    return {};
}

QColor EnvironmentBadge::background(DeskEnvironment environment)
{
    // Contrast with the text colour chosen in retranslateUi() is at least 4.5:1 (WCAG AA) for each.
    switch (environment) {
    case DeskEnvironment::Simulator: return QColor(0x5e, 0x35, 0xb1); // purple: a demo
    case DeskEnvironment::Test: return QColor(0xff, 0xc1, 0x07);      // amber: BankID's test system
    case DeskEnvironment::Production: return QColor(0xb7, 0x1c, 0x1c); // red: real customers
    case DeskEnvironment::Custom: return QColor(0x45, 0x5a, 0x64);     // grey: the operator's own URL
    }
    return {};
}

void EnvironmentBadge::setEnvironment(DeskEnvironment environment)
{
    m_environment = environment;
    retranslateUi();
}

void EnvironmentBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLabel::changeEvent(event);
}

void EnvironmentBadge::retranslateUi()
{
    const QColor text = m_environment == DeskEnvironment::Test ? QColor(Qt::black) : QColor(Qt::white);
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; padding: 1px 8px; }")
                      .arg(background(m_environment).name(), text.name()));
    setText(label(m_environment));
    setAccessibleName(tr("Environment: %1").arg(label(m_environment)));
    switch (m_environment) {
    case DeskEnvironment::Simulator:
        setToolTip(tr("The built-in simulator: no real BankID, nothing reaches a customer."));
        break;
    case DeskEnvironment::Test:
        setToolTip(tr("BankID's test system: test identities only."));
        break;
    case DeskEnvironment::Production:
        setToolTip(tr("BankID's production system: real customers, real signatures."));
        break;
    case DeskEnvironment::Custom:
        setToolTip(tr("A BankID service at an address from the settings."));
        break;
    }
}

} // namespace bankid
