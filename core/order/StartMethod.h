#pragma once

#include <QMetaType>

namespace bankid {

/// How the person reaches the order; decides the RFA text for a hint code and whether a QR is shown.
/// One start method per order: switching means cancelling and starting a new order.
enum class StartMethod {
    QrCode,     ///< another device scans the animated QR code (RFA1, RFA17B)
    SameDevice, ///< BankID on this computer, launched with the autostart URL (RFA13, RFA15A, RFA17A)
    Phone,      ///< /phone/auth or /phone/sign: the person is on a call, no QR, no launch
};

} // namespace bankid

Q_DECLARE_METATYPE(bankid::StartMethod)
