#pragma once

#include <QString>

namespace bankid {

/// The animated QR code payload of BankID RP API v6.0 (facts file §5): a pure function of the order's
/// qrStartToken, its qrStartSecret and the whole seconds elapsed since the order response arrived.
///
///   bankid.<qrStartToken>.<qrTime>.<lower-case hex HMAC-SHA256(key = qrStartSecret, msg = qrTime)>
///
/// The caller owns the clock (a monotonic one) and regenerates the payload every second while the hint
/// code is outstandingTransaction. The secret is never logged, not even by this class.
///
/// Usage:
/// \code
///   const qint64 t = clock.elapsedMs(orderReceived) / 1000;
///   qrWidget->setPayload(QrContent::at(order.qrStartToken, order.qrStartSecret, t));
/// \endcode
class QrContent
{
public:
    QrContent() = delete;

    /// The payload for \a elapsedSeconds (negative values are clamped to 0).
    static QString at(const QString &qrStartToken, const QString &qrStartSecret, qint64 elapsedSeconds);
    /// The qrAuthCode alone: lower-case hex HMAC-SHA256 of the decimal \a qrTime keyed with the secret.
    static QString authCode(const QString &qrStartSecret, qint64 qrTime);
};

} // namespace bankid
