#include "OperatorStatusPanel.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace bankid {

OperatorStatusPanel::OperatorStatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_busyProgressBar(new QProgressBar(this))
    , m_stepLabels{new QLabel(this), new QLabel(this), new QLabel(this)}
    , m_operatorLineLabel(new QLabel(this))
    , m_aboutLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("operatorStatusPanel"));
    m_busyProgressBar->setObjectName(QStringLiteral("busyProgressBar"));
    m_stepLabels[0]->setObjectName(QStringLiteral("scanStepLabel"));
    m_stepLabels[1]->setObjectName(QStringLiteral("confirmStepLabel"));
    m_stepLabels[2]->setObjectName(QStringLiteral("doneStepLabel"));
    m_operatorLineLabel->setObjectName(QStringLiteral("operatorLineLabel"));
    m_aboutLabel->setObjectName(QStringLiteral("aboutLabel"));

    // A range of 0..0 is Qt's "busy" (indeterminate) bar; it carries no text.
    m_busyProgressBar->setRange(0, 0);
    m_busyProgressBar->setTextVisible(false);
    m_busyProgressBar->setMaximumHeight(m_busyProgressBar->fontMetrics().height() / 2 + 4);
    m_busyProgressBar->setVisible(false);

    auto *steps = new QHBoxLayout;
    for (int i = 0; i < 3; ++i) {
        m_stepLabels[i]->setTextFormat(Qt::PlainText);
        m_stepLabels[i]->setWordWrap(true);
        steps->addWidget(m_stepLabels[i], 1);
    }

    QFont operatorFont = m_operatorLineLabel->font();
    operatorFont.setBold(true);
    m_operatorLineLabel->setFont(operatorFont);
    for (QLabel *label : {m_operatorLineLabel, m_aboutLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setVisible(false);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busyProgressBar);
    layout->addLayout(steps);
    layout->addWidget(m_operatorLineLabel);
    layout->addWidget(m_aboutLabel);

    retranslateUi();
}

void OperatorStatusPanel::setStep(Step step)
{
    m_step = step;
    updateSteps();
}

void OperatorStatusPanel::setBusy(bool busy)
{
    m_busyProgressBar->setVisible(busy);
}

bool OperatorStatusPanel::isBusy() const
{
    return !m_busyProgressBar->isHidden();
}

void OperatorStatusPanel::setOperatorLine(const QString &text)
{
    if (text == m_operatorLineLabel->text())
        return;
    m_operatorLineLabel->setText(text);
    m_operatorLineLabel->setVisible(!text.isEmpty());
    // Read out like the customer text: the operator is told when the situation changes.
    m_operatorLineLabel->setAccessibleDescription(text);
    QAccessibleEvent event(m_operatorLineLabel, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

QString OperatorStatusPanel::operatorLine() const
{
    return m_operatorLineLabel->text();
}

void OperatorStatusPanel::setAbout(const QString &text)
{
    m_aboutLabel->setText(text);
    m_aboutLabel->setVisible(!text.isEmpty());
}

QString OperatorStatusPanel::about() const
{
    return m_aboutLabel->text();
}

QStringList OperatorStatusPanel::stepTexts() const
{
    QStringList texts;
    for (const QLabel *label : m_stepLabels)
        texts << label->text();
    return texts;
}

void OperatorStatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OperatorStatusPanel::retranslateUi()
{
    setAccessibleName(tr("Order progress"));
    m_busyProgressBar->setAccessibleName(tr("Waiting"));
    m_operatorLineLabel->setAccessibleName(tr("For you"));
    m_aboutLabel->setAccessibleName(tr("What the order is about"));
    updateSteps();
}

void OperatorStatusPanel::updateSteps()
{
    const QString names[3] = {tr("1. Scan or open"), tr("2. Confirm in the app"), tr("3. Done")};
    const int current = m_step == Step::ScanOrOpen ? 0 : m_step == Step::Confirm ? 1 : m_step == Step::Done ? 2 : -1;
    for (int i = 0; i < 3; ++i) {
        // Marked by a sign and by weight, never by colour alone: ✔ done, ▶ now, nothing still to come.
        const bool done = current > i || m_step == Step::Done;
        const bool now = i == current && m_step != Step::Done;
        const QString mark = now ? QStringLiteral("▶ ") : done ? QStringLiteral("✔ ") : QString();
        m_stepLabels[i]->setText(mark + names[i]);
        QFont font = m_stepLabels[i]->font();
        font.setBold(now);
        m_stepLabels[i]->setFont(font);
        m_stepLabels[i]->setEnabled(now || done);
        m_stepLabels[i]->setVisible(m_step != Step::None); // an ended order shows its outcome, not steps
        m_stepLabels[i]->setAccessibleName(now ? tr("Current step: %1").arg(names[i])
                                           : done ? tr("Done: %1").arg(names[i])
                                                  : names[i]);
    }
}

} // namespace bankid
