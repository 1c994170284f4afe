// TcpReceiveCounter on loopback: bytes a client socket of this process receives from a server port are
// counted from the counter's creation on (also on a connection opened afterwards), other ports are not.

#include "TcpReceiveCounter.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using bankid::TcpReceiveCounter;

class TestTcpReceiveCounter : public QObject
{
    Q_OBJECT

private slots:
    void countsBytesFromThePeerPort();
};

void TestTcpReceiveCounter::countsBytesFromThePeerPort()
{
    if (!TcpReceiveCounter::isSupported())
        QSKIP("TcpReceiveCounter reads TCP_INFO through /proc/self/fd: Linux only");
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpServer otherServer;
    QVERIFY(otherServer.listen(QHostAddress::LocalHost, 0));

    // Bytes received before the counter exists are not counted.
    QTcpSocket early;
    early.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(server.waitForNewConnection(5000));
    QTcpSocket *earlyPeer = server.nextPendingConnection();
    QVERIFY(early.waitForConnected(5000));
    earlyPeer->write(QByteArray(10000, 'x'));
    qint64 readBefore = 0;
    QTRY_VERIFY_WITH_TIMEOUT((readBefore += early.readAll().size()) == 10000, 5000);

    const TcpReceiveCounter counter(server.serverPort());
    const TcpReceiveCounter otherCounter(otherServer.serverPort());
    QCOMPARE(counter.receivedSinceStart(), qint64(0));

    // A connection opened after the counter counts from 0; the early one counts only what is new.
    QTcpSocket later;
    later.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(server.waitForNewConnection(5000));
    QTcpSocket *laterPeer = server.nextPendingConnection();
    QVERIFY(later.waitForConnected(5000));
    laterPeer->write(QByteArray(300000, 'y'));
    earlyPeer->write(QByteArray(5000, 'z'));
    qint64 readLater = 0;
    qint64 readEarly = 0;
    QTRY_VERIFY_WITH_TIMEOUT((readLater += later.readAll().size(), readEarly += early.readAll().size(),
                              readLater == 300000 && readEarly == 5000),
                             10000);
    QCOMPARE(counter.receivedSinceStart(), qint64(305000));
    QCOMPARE(otherCounter.receivedSinceStart(), qint64(0));
}

QTEST_GUILESS_MAIN(TestTcpReceiveCounter)
#include "TestTcpReceiveCounter.moc"
