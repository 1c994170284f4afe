#include "QrContent.h"

#include <QMessageAuthenticationCode>

namespace bankid {

QString QrContent::authCode(const QString &qrStartSecret, qint64 qrTime)
{
    // The secret and the time are ASCII on the wire (a UUID and a decimal number); toLatin1 is exact.
    const QByteArray mac = QMessageAuthenticationCode::hash(QByteArray::number(qrTime), qrStartSecret.toLatin1(),
                                                            QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.toHex());
}

QString QrContent::at(const QString &qrStartToken, const QString &qrStartSecret, qint64 elapsedSeconds)
{
    const qint64 qrTime = elapsedSeconds < 0 ? 0 : elapsedSeconds;
    return QLatin1String("bankid.") + qrStartToken + QLatin1Char('.') + QString::number(qrTime) + QLatin1Char('.')
        + authCode(qrStartSecret, qrTime);
}

} // namespace bankid
