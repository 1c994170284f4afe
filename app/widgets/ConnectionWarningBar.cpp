#include "ConnectionWarningBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace bankid {

ConnectionWarningBar::ConnectionWarningBar(QWidget *parent)
    : QFrame(parent)
    , m_markLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_settingsPushButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("connectionWarningBar"));
    m_markLabel->setObjectName(QStringLiteral("connectionWarningMarkLabel"));
    m_messageLabel->setObjectName(QStringLiteral("connectionWarningLabel"));
    m_settingsPushButton->setObjectName(QStringLiteral("openSettingsPushButton"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleDescription(QString());

    // The mark is text, not an image: it scales with the font and stays readable in every palette.
    m_markLabel->setText(QStringLiteral("\u26A0"));
    QFont markFont = m_markLabel->font();
    markFont.setPointSizeF(markFont.pointSizeF() * 1.6);
    m_markLabel->setFont(markFont);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_messageLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_markLabel, 0, Qt::AlignTop);
    layout->addWidget(m_messageLabel, 1);
    layout->addWidget(m_settingsPushButton, 0, Qt::AlignVCenter);
    connect(m_settingsPushButton, &QPushButton::clicked, this, &ConnectionWarningBar::settingsRequested);
    applyColours();
    retranslateUi();
    setVisible(false);
}

void ConnectionWarningBar::showProblem(const QString &problem)
{
    m_problem = problem;
    m_messageLabel->setText(problem);
    setAccessibleDescription(problem);
    setVisible(true);
}

void ConnectionWarningBar::clear()
{
    m_problem.clear();
    m_messageLabel->clear();
    setAccessibleDescription(QString());
    setVisible(false);
}

void ConnectionWarningBar::applyColours()
{
    // Amber background with dark text in every palette (a warning, not an error; contrast > 7:1).
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xff, 0xe0, 0x8a));
    colours.setColor(QPalette::WindowText, QColor(0x3d, 0x2c, 0x00));
    setPalette(colours);
    m_markLabel->setPalette(colours);
    m_messageLabel->setPalette(colours);
}

void ConnectionWarningBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void ConnectionWarningBar::retranslateUi()
{
    setAccessibleName(tr("Connection problem"));
    m_markLabel->setAccessibleName(tr("Warning"));
    m_settingsPushButton->setText(tr("Open Settings…"));
    m_settingsPushButton->setToolTip(tr("Choose the environment and the RP certificate"));
}

} // namespace bankid
