#pragma once

#include <QCoreApplication>
#include <QString>

namespace bankid {

/// The one wording the desk uses for an order blocked for risk (OrderFailure::isRiskBlocked(): BankID's
/// completionData.risk "high", or hintCode transactionRiskBlocked; api digest §10), so the order view and
/// the result view say the same thing. The operator must not continue with the person.
///
/// \code
///   if (failure.isRiskBlocked())
///       label->setText(bankid::RiskBlockedNotice::text());
/// \endcode
class RiskBlockedNotice
{
    Q_DECLARE_TR_FUNCTIONS(bankid::RiskBlockedNotice)

public:
    RiskBlockedNotice() = delete;

    /// "⚠ Blocked: BankID rates this order as high risk. Do not continue." in the installed language.
    static QString text();
};

} // namespace bankid
