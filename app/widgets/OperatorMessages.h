#pragma once

#include "RpError.h"
#include "StartMethod.h"

#include <QCoreApplication>
#include <QString>

namespace bankid {

/// The operator's own line for an order, shown beside BankID's customer text (the RFA): what the person
/// at the counter is doing now and what the operator should (not) do. BankID's RFA texts are written for
/// the end user; these are written for the operator and are never shown to the customer.
///
/// Contract: pure text lookup, translated in the installed language (context "bankid::OperatorMessages");
/// an unknown hint code gives a neutral line, never an empty one while an order runs.
///
/// \code
///   operatorLabel->setText(bankid::OperatorMessages::forPending(session.hintCode(), method));
/// \endcode
class OperatorMessages
{
    Q_DECLARE_TR_FUNCTIONS(bankid::OperatorMessages)

public:
    OperatorMessages() = delete;

    /// The line for a pending order with \a hintCode (empty: just sent, treated as outstandingTransaction).
    static QString forPending(const QString &hintCode, StartMethod method);
    /// The line for an order that failed with \a hintCode (empty: failed without a hint, e.g. a transport
    /// error). userDeclinedCall tells the operator not to continue.
    static QString forFailed(const QString &hintCode);
    /// Whether a failure with \a hintCode means the operator must not simply try again (the person denied
    /// the call: the caller may not be who they claim).
    static bool mustNotContinue(const QString &hintCode);
    /// Verify ID card: why a verification failed and what to do, for each RpError kind; BankID's refusals of
    /// a code (400 invalidParameters: expired, already used, not valid) each in their own words. BankID's
    /// exact details texts are UNCONFIRMED (api digest §11): an unknown one reads as "not a valid ID card code".
    static QString forIdCardError(const RpError &error);
    /// Verify ID card: a scanned text that is not an ID card code (IdCardCode::parse's `problem`, English
    /// technical text, in brackets) and what to do.
    static QString forNotIdCardCode(const QString &problem);
};

} // namespace bankid
