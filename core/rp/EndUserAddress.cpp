#include "EndUserAddress.h"

#include <QNetworkInterface>

namespace bankid {

QString EndUserAddress::detect()
{
    QString ipv6Candidate;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &interface : interfaces) {
        const auto flags = interface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        const auto entries = interface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress address = entry.ip();
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLinkLocal())
                return address.toString();
            if (ipv6Candidate.isEmpty() && address.protocol() == QAbstractSocket::IPv6Protocol
                && address.isGlobal() && !address.isLinkLocal())
                ipv6Candidate = address.toString();
        }
    }
    return ipv6Candidate.isEmpty() ? QStringLiteral("127.0.0.1") : ipv6Candidate;
}

} // namespace bankid
