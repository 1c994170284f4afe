// EndUserAddress: the detected endUserIp is a usable IP address that RequestValidator accepts, and it is
// one of this machine's own non-loopback addresses whenever the machine has one.
#include "EndUserAddress.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QTest>

#include <algorithm>

using namespace bankid;

class TestEndUserAddress : public QObject
{
    Q_OBJECT

private slots:
    void detectsOwnAddress()
    {
        const QString detected = EndUserAddress::detect();
        const QHostAddress address(detected);
        QVERIFY2(!address.isNull(), qPrintable(detected));

        QList<QHostAddress> candidates;
        const auto interfaces = QNetworkInterface::allInterfaces();
        for (const QNetworkInterface &interface : interfaces) {
            const auto flags = interface.flags();
            if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
                || flags.testFlag(QNetworkInterface::IsLoopBack))
                continue;
            for (const QNetworkAddressEntry &entry : interface.addressEntries()) {
                const QHostAddress ip = entry.ip();
                const bool ipv4 = ip.protocol() == QAbstractSocket::IPv4Protocol;
                if (!ip.isLinkLocal() && (ipv4 || ip.isGlobal()))
                    candidates.append(ip);
            }
        }
        if (candidates.isEmpty()) {
            QCOMPARE(detected, QStringLiteral("127.0.0.1"));
        } else {
            QVERIFY2(candidates.contains(address), qPrintable(detected));
            QVERIFY(!address.isLoopback());
            // IPv4 is preferred: BankID's samples and most RP back ends report IPv4 end-user addresses.
            const bool hasIpv4 = std::any_of(candidates.begin(), candidates.end(), [](const QHostAddress &a) {
                return a.protocol() == QAbstractSocket::IPv4Protocol;
            });
            if (hasIpv4)
                QCOMPARE(address.protocol(), QAbstractSocket::IPv4Protocol);
        }
    }
};

QTEST_GUILESS_MAIN(TestEndUserAddress)
#include "TestEndUserAddress.moc"
