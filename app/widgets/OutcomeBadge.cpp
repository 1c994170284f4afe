#include "OutcomeBadge.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace bankid {

namespace {

/// A colour for `outcome` with contrast on `window`: darker shades on a light window, lighter on a dark one.
QColor outcomeColour(OutcomeBadge::Outcome outcome, const QColor &window, const QColor &text)
{
    const bool dark = window.lightnessF() < 0.5;
    switch (outcome) {
    case OutcomeBadge::Outcome::Passed: return dark ? QColor(0x6c, 0xd6, 0x7a) : QColor(0x1b, 0x7a, 0x2e);
    case OutcomeBadge::Outcome::Failed:
    case OutcomeBadge::Outcome::Blocked: return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    case OutcomeBadge::Outcome::None:
    case OutcomeBadge::Outcome::Waiting:
    case OutcomeBadge::Outcome::Cancelled: return text;
    }
    return text;
}

QString outcomeMark(OutcomeBadge::Outcome outcome)
{
    switch (outcome) {
    case OutcomeBadge::Outcome::None: return {};
    case OutcomeBadge::Outcome::Waiting: return QStringLiteral("◷"); // a clock face: in DejaVu too, unlike ⌛
    case OutcomeBadge::Outcome::Passed: return QStringLiteral("✔");
    case OutcomeBadge::Outcome::Failed: return QStringLiteral("✖");
    case OutcomeBadge::Outcome::Blocked: return QStringLiteral("⚠");
    case OutcomeBadge::Outcome::Cancelled: return QStringLiteral("■");
    }
    return {};
}

} // namespace

OutcomeBadge::OutcomeBadge(QWidget *parent)
    : QWidget(parent)
    , m_markLabel(new QLabel(this))
    , m_headingLabel(new QLabel(this))
    , m_detailLabel(new QLabel(this))
{
    m_markLabel->setObjectName(QStringLiteral("outcomeMarkLabel"));
    m_headingLabel->setObjectName(QStringLiteral("outcomeHeadingLabel"));
    m_detailLabel->setObjectName(QStringLiteral("outcomeDetailLabel"));
    m_headingLabel->setWordWrap(true);
    m_detailLabel->setWordWrap(true);
    m_headingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_markLabel->setAccessibleName(QString()); // the badge's own accessible name says it in words

    auto *text = new QVBoxLayout;
    text->setContentsMargins(0, 0, 0, 0);
    text->setSpacing(2);
    text->addWidget(m_headingLabel);
    text->addWidget(m_detailLabel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_markLabel, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    setOutcome(Outcome::None, {});
}

void OutcomeBadge::setOutcome(Outcome outcome, const QString &heading, const QString &detail)
{
    m_outcome = outcome;
    m_headingLabel->setText(heading);
    m_detailLabel->setText(detail);
    m_detailLabel->setVisible(!detail.isEmpty());
    setVisible(outcome != Outcome::None);
    applyStyle();
}

QString OutcomeBadge::heading() const
{
    return m_headingLabel->text();
}

QString OutcomeBadge::detail() const
{
    return m_detailLabel->text();
}

QString OutcomeBadge::outcomeWord(Outcome outcome)
{
    switch (outcome) {
    case Outcome::None: return {};
    case Outcome::Waiting: return tr("Waiting");
    case Outcome::Passed: return tr("Passed");
    case Outcome::Failed: return tr("Failed");
    case Outcome::Blocked: return tr("Blocked");
    case Outcome::Cancelled: return tr("Cancelled");
    }
    return {};
}

void OutcomeBadge::setEmphasis(qreal factor)
{
    m_emphasis = qMax(qreal(1.0), factor);
    applyStyle();
}

void OutcomeBadge::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        applyStyle();
}

void OutcomeBadge::applyStyle()
{
    const QColor colour = outcomeColour(m_outcome, palette().color(QPalette::Window), palette().color(QPalette::WindowText));
    QFont markFont = font();
    markFont.setPointSizeF(markFont.pointSizeF() * 2.4 * m_emphasis);
    m_markLabel->setFont(markFont);
    QFont headingFont = font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.5 * m_emphasis);
    headingFont.setBold(true);
    m_headingLabel->setFont(headingFont);
    for (QLabel *label : {m_markLabel, m_headingLabel}) {
        QPalette labelPalette = label->palette();
        labelPalette.setColor(QPalette::WindowText, colour);
        label->setPalette(labelPalette);
    }
    m_markLabel->setText(outcomeMark(m_outcome));
    setAccessibleName(m_outcome == Outcome::None ? QString()
                                                 : outcomeWord(m_outcome) + QStringLiteral(": ") + m_headingLabel->text());
}

} // namespace bankid
