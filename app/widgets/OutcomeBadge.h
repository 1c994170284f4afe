#pragma once

#include <QWidget>

class QLabel;

namespace bankid {

/// The one way the desk shows whether something worked, readable from across the room: a large mark
/// (✔ / ✖ / ⚠ / …) and a heading in words, coloured for the outcome but never by colour alone (the mark
/// and the words carry it for colour-blind operators and screen readers). Used by the order result, the
/// Verify receipt page and every later outcome, so they all look the same.
///
/// Colours keep their contrast on light and dark palettes (like ProblemMarker). The accessible name is
/// "<outcome word>: <heading>", e.g. "Passed: every check passed".
///
///     m_badge->setOutcome(OutcomeBadge::Outcome::Passed, tr("Identified"), tr("Karl Karlsson"));
class OutcomeBadge : public QWidget
{
    Q_OBJECT

public:
    enum class Outcome {
        None,    ///< nothing shown (the badge hides itself)
        Waiting, ///< in progress: neutral colour, a clock face
        Passed,  ///< worked: green, a check mark
        Failed,  ///< did not work: red, a cross
        Blocked, ///< must not be trusted or continued: red, a warning sign
        Cancelled, ///< stopped on purpose: neutral colour, a stop sign
    };
    Q_ENUM(Outcome)

    explicit OutcomeBadge(QWidget *parent = nullptr);

    void setOutcome(Outcome outcome, const QString &heading, const QString &detail = {});
    Outcome outcome() const { return m_outcome; }
    QString heading() const;
    QString detail() const;

    /// The outcome in one translated word ("Passed", "Failed", ...), as read out and as in the accessible name.
    static QString outcomeWord(Outcome outcome);

    /// How much larger than usual the mark and the heading are drawn (1.0, the default: the order result's
    /// size); the detail keeps the normal size. Verify ID card uses 2 so the answer reads across the counter.
    void setEmphasis(qreal factor);
    qreal emphasis() const { return m_emphasis; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    Outcome m_outcome = Outcome::None;
    qreal m_emphasis = 1.0;
    QLabel *m_markLabel;
    QLabel *m_headingLabel;
    QLabel *m_detailLabel;
};

} // namespace bankid
