#include "QrPayload.h"

#include <QByteArray>
#include <QList>
#include <QMessageAuthenticationCode>

namespace bankid::sim {

QByteArray QrPayload::authCode(const QByteArray &qrStartSecret, qint64 qrTime)
{
    return QMessageAuthenticationCode::hash(QByteArray::number(qrTime), qrStartSecret, QCryptographicHash::Sha256)
        .toHex();
}

QByteArray QrPayload::build(const QByteArray &qrStartToken, const QByteArray &qrStartSecret, qint64 qrTime)
{
    QByteArray payload = QByteArrayLiteral("bankid.");
    payload += qrStartToken;
    payload += '.';
    payload += QByteArray::number(qrTime);
    payload += '.';
    payload += authCode(qrStartSecret, qrTime);
    return payload;
}

std::optional<QrPayload::Parts> QrPayload::parse(const QByteArray &qrData)
{
    const QList<QByteArray> fields = qrData.split('.');
    if (fields.size() != 4 || fields.at(0) != "bankid" || fields.at(1).isEmpty() || fields.at(3).size() != 64)
        return std::nullopt;
    bool ok = false;
    const qint64 qrTime = fields.at(2).toLongLong(&ok);
    if (!ok || qrTime < 0 || fields.at(2).startsWith('+'))
        return std::nullopt;
    return Parts{fields.at(1), qrTime, fields.at(3).toLower()};
}

} // namespace bankid::sim
