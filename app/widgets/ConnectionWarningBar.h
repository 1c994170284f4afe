#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace bankid {

/// The warning bar above the task pages while the connection to BankID is not usable (no RP certificate,
/// a configuration error, still being set up): a warning mark, the problem in words and an
/// "Open Settings…" button (settingsRequested()). Hidden while the connection is usable. It only shows
/// what MainWindow tells it; whether an order may start is MainWindow's decision.
///
/// \code
///   auto *bar = new ConnectionWarningBar(this);
///   connect(bar, &ConnectionWarningBar::settingsRequested, this, &MainWindow::onSettings);
///   bar->showProblem(tr("No RP certificate is configured."));
///   bar->clear(); // connected
/// \endcode
class ConnectionWarningBar : public QFrame
{
    Q_OBJECT

public:
    explicit ConnectionWarningBar(QWidget *parent = nullptr);

    /// Shows the bar with `problem` (one or more sentences, plain text).
    void showProblem(const QString &problem);
    /// Hides the bar: the connection is usable.
    void clear();
    /// The problem shown now (empty when hidden).
    QString problem() const { return m_problem; }

signals:
    void settingsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyColours();

    QString m_problem;
    QLabel *m_markLabel;
    QLabel *m_messageLabel;
    QPushButton *m_settingsPushButton;
};

} // namespace bankid
