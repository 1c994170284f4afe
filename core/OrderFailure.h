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
    };

    Kind kind = Kind::Error;
    QString hintCode; ///< set for Kind::HintCode
    RpError error;    ///< set for Kind::Error
    Rfa rfa = Rfa::Rfa22;
    QString technicalMessage;
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::OrderFailure)
