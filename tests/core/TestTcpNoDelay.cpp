// TcpNoDelay: finds this process' sockets by their peer and switches Nagle off on exactly those.
#include "TcpNoDelay.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace bankid;

class TestTcpNoDelay : public QObject
{
    Q_OBJECT

private:
    static int noDelayOf(const QTcpSocket &socket)
    {
        int value = -1;
        socklen_t length = sizeof value;
        if (::getsockopt(int(socket.socketDescriptor()), IPPROTO_TCP, TCP_NODELAY, &value, &length) != 0)
            return -1;
        return value;
    }

private slots:
    void switchesOnlyConnectionsToThePeer()
    {
        QTcpServer target;
        QTcpServer other;
        QVERIFY(target.listen(QHostAddress::LocalHost, 0));
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        QTcpSocket toTarget;
        QTcpSocket toOther;
        toTarget.connectToHost(QHostAddress::LocalHost, target.serverPort());
        toOther.connectToHost(QHostAddress::LocalHost, other.serverPort());
        QVERIFY(toTarget.waitForConnected(5000));
        QVERIFY(toOther.waitForConnected(5000));
        QTRY_VERIFY(target.hasPendingConnections());
        QTcpSocket *accepted = target.nextPendingConnection();
        QVERIFY(accepted);
        QCOMPARE(noDelayOf(toTarget), 0); // Qt leaves Nagle on by default: the reason for this class

        QCOMPARE(TcpNoDelay::applyToPeer(QHostAddress::LocalHost, target.serverPort()), 1);
        QVERIFY(noDelayOf(toTarget) != 0);
        QCOMPARE(noDelayOf(toOther), 0);  // another peer: untouched
        QCOMPARE(noDelayOf(*accepted), 0); // the server side's peer is the client's port: untouched
    }

    void matchesByPortForHostNames()
    {
        QTcpServer target;
        QVERIFY(target.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, target.serverPort());
        QVERIFY(client.waitForConnected(5000));
        QCOMPARE(TcpNoDelay::applyToPeer(QHostAddress(), target.serverPort()), 1); // null address: port only
        QVERIFY(noDelayOf(client) != 0);
    }

    void nothingToSwitch()
    {
        QTcpServer unused;
        QVERIFY(unused.listen(QHostAddress::LocalHost, 0));
        QCOMPARE(TcpNoDelay::applyToPeer(QHostAddress::LocalHost, unused.serverPort()), 0);
    }
};

QTEST_GUILESS_MAIN(TestTcpNoDelay)
#include "TestTcpNoDelay.moc"
