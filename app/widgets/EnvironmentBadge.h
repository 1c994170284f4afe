#pragma once

#include "AppSettings.h"

#include <QLabel>

namespace bankid {

/// Which BankID system the desk talks to, readable from across the room: SIMULATOR, TEST, PRODUCTION or
/// CUSTOM in capitals on a colour of its own (simulator purple, test amber, production red, custom grey),
/// never colour alone. Production is red with the word PRODUCTION so it is never mistaken for a demo.
/// MainWindow shows it in the menu bar's corner and repeats text() in the window title.
///
/// \code
///   auto *badge = new EnvironmentBadge(this);
///   badge->setEnvironment(DeskEnvironment::Production);
///   setWindowTitle(tr("BankID Desk — %1").arg(badge->text()));
/// \endcode
class EnvironmentBadge : public QLabel
{
    Q_OBJECT

public:
    explicit EnvironmentBadge(QWidget *parent = nullptr);

    void setEnvironment(DeskEnvironment environment);
    DeskEnvironment environment() const { return m_environment; }
    /// The badge's word in the current language ("PRODUCTION", "PRODUKTION").
    static QString label(DeskEnvironment environment);
    /// The badge's background colour (text is white on all but the amber test badge, which has black).
    static QColor background(DeskEnvironment environment);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    DeskEnvironment m_environment = DeskEnvironment::Simulator;
};

} // namespace bankid
