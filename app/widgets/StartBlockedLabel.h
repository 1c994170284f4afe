#pragma once

#include <QLabel>

namespace bankid {

/// The line beside a task page's start button that says why no order can start now (no connection to
/// BankID, an order already running): the operator sees the reason without hovering. Hidden while starting
/// is allowed. Its object name is "startBlockedLabel".
///
/// \code
///   m_startBlockedLabel->showReason(allowed, reason, m_signPushButton);
/// \endcode
class StartBlockedLabel : public QLabel
{
    Q_OBJECT

public:
    explicit StartBlockedLabel(QWidget *parent = nullptr);

    /// Shows `reason` while !allowed (hidden when allowed or when there is no reason) and makes it the start
    /// button's tooltip too.
    void showReason(bool allowed, const QString &reason, QWidget *startButton);
};

} // namespace bankid
