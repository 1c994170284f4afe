#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace bankid {

/// The operator's view of a running order, shown under BankID's customer text on the order view: a busy
/// indicator while waiting, the steps "Scan or open → Confirm in the app → Done" with the current one
/// marked (by a sign and bold type, not colour alone), the operator's own line (OperatorMessages) and what
/// the order is about (flow, the text or document, the masked person once known).
///
/// Contract: a passive display; OrderView decides every value. Empty texts hide their rows; Step::None
/// hides the steps (an ended order shows its outcome instead).
///
/// \code
///   panel->setStep(bankid::OperatorStatusPanel::Step::Confirm);
///   panel->setOperatorLine(bankid::OperatorMessages::forPending(hint, method));
/// \endcode
class OperatorStatusPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Step {
        None,       ///< no order: no step marked
        ScanOrOpen, ///< the order waits to be picked up (QR scan / app start / phone call answered)
        Confirm,    ///< picked up: the person confirms in the BankID app
        Done,       ///< completed
    };
    Q_ENUM(Step)

    explicit OperatorStatusPanel(QWidget *parent = nullptr);

    void setStep(Step step);
    Step step() const { return m_step; }
    /// The busy indicator runs while \a busy (the order waits on the person or on BankID).
    void setBusy(bool busy);
    bool isBusy() const;
    void setOperatorLine(const QString &text);
    QString operatorLine() const;
    /// What the order is about, e.g. "Sign · contract.pdf · 19•••••••-••12" (empty hides it).
    void setAbout(const QString &text);
    QString about() const;
    /// The step labels' texts as shown (for tests and screen readers): the current one starts with "▶".
    QStringList stepTexts() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSteps();

    Step m_step = Step::None;
    QProgressBar *m_busyProgressBar;
    QLabel *m_stepLabels[3];
    QLabel *m_operatorLineLabel;
    QLabel *m_aboutLabel;
};

} // namespace bankid
