#pragma once

#include "Rfa.h"
#include "RpError.h"

#include <QMetaType>
#include <QString>

namespace bankid {

/// Why an OrderSession ended in State::Failed: a failed collect (hintCode), an error that was not (or no
/// longer) retried, or the session's overall deadline. rfa is the message to show the person;
/// technicalMessage is for logs and a details pane.
///
/// \code
///   connect(&session, &bankid::OrderSession::failed, this, [this](const bankid::OrderFailure &f) {
///       showMessage(f.rfa);
///       log(f.technicalMessage);
///   });
/// \endcode
struct OrderFailure
{
    /// What ended the order.
    enum class Kind {
        HintCode, ///< /collect answered status "failed" with hintCode (startFailed, userCancel, ...)
        Error,    ///< an RpError from /auth,/sign,... or /collect that was not retriable or ran out of retries
        Deadline, ///< OrderSession::Options::deadlineMs passed before the order completed
        /// collect answered "complete" but with completionData.risk "high": BankID rates the order as high
        /// risk, and the RP must treat it as blocked (api digest §10). completion holds what BankID sent.
        RiskBlocked,
    };

    Kind kind = Kind::Error;
    QString hintCode; ///< set for Kind::HintCode (also "transactionRiskBlocked")
    RpError error;    ///< set for Kind::Error
    /// Kind::Error on an order-creating request that may have reached BankID (a timeout, a close or reset
    /// after the request was written, a partial answer, a gateway error): it was not re-sent, so no second
    /// order exists, but whether BankID created one is unknown. rfa is RFA5.
    bool orderStateUnknown = false;
    Rfa rfa = Rfa::Rfa22;
    QString technicalMessage;

    /// True for an order BankID or the RP blocked for risk: Kind::RiskBlocked, or hintCode
    /// "transactionRiskBlocked".
    bool isRiskBlocked() const
    {
        return kind == Kind::RiskBlocked || hintCode == QLatin1String("transactionRiskBlocked");
    }
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::OrderFailure)
