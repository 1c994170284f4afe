#pragma once

#include <QByteArray>

#include <optional>

namespace bankid::sim {

// The animated QR code content of the BankID RP API (facts §5), computed and parsed on the simulator side.
//
// Contract: build() returns "bankid.<qrStartToken>.<qrTime>.<qrAuthCode>" where qrAuthCode is the lower-case
// hex HMAC-SHA256 of the decimal qrTime keyed with the ASCII qrStartSecret. parse() splits such a string and
// returns nullopt when it does not have that shape (it does not check the HMAC: authCode() does).
//
//     const QByteArray qr = QrPayload::build(order.qrStartToken, order.qrStartSecret, 3);
//     const auto parts = QrPayload::parse(qr); // parts->qrTime == 3
class QrPayload
{
public:
    struct Parts {
        QByteArray qrStartToken;
        qint64 qrTime = 0;
        QByteArray authCode;
    };

    static QByteArray authCode(const QByteArray &qrStartSecret, qint64 qrTime);
    static QByteArray build(const QByteArray &qrStartToken, const QByteArray &qrStartSecret, qint64 qrTime);
    static std::optional<Parts> parse(const QByteArray &qrData);
};

} // namespace bankid::sim
