// The simulator's hot path under concurrency: 8 keep-alive mutual-TLS clients collecting back to back,
// every answer checked. Correctness only: the speed target (5 000 collects/s) is shown by
// `bankid-bench simulator`, not asserted in a timed unit test. The clients run in a second thread (their
// own event loop), the simulator in the test's main thread.

#include "SimulatorTestClient.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QThread>
#include <QTimer>

using namespace bankid::sim;
using namespace simtest;

// Keeps `connections` sockets busy with back-to-back collects for `durationMs`, counting 200 answers that
// arrive after a warm-up of `warmUpMs` (handshakes excluded).
class LoadWorker : public QObject
{
    Q_OBJECT

public:
    LoadWorker(const QSslConfiguration &ssl, quint16 port, const QByteArray &request, int connections, int warmUpMs,
               int durationMs)
        : m_ssl(ssl)
        , m_port(port)
        , m_request(request)
        , m_connections(connections)
        , m_warmUpMs(warmUpMs)
        , m_durationMs(durationMs)
    {
    }

public slots:
    void run()
    {
        m_clock.start();
        for (int i = 0; i < m_connections; ++i) {
            auto *socket = new QSslSocket(this);
            socket->setSslConfiguration(m_ssl);
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            auto *buffer = new QByteArray;
            connect(socket, &QSslSocket::encrypted, this, [this, socket]() { socket->write(m_request); });
            connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer]() { onReadyRead(socket, buffer); });
            connect(socket, &QObject::destroyed, this, [buffer]() { delete buffer; });
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        }
        QTimer::singleShot(m_durationMs, this, [this]() {
            m_running = false;
            const double seconds = (m_clock.elapsed() - m_warmUpMs) / 1000.0;
            Q_EMIT finished(m_counted, m_failed, seconds);
            qDeleteAll(findChildren<QSslSocket *>());
        });
    }

signals:
    void finished(qint64 completed, qint64 failed, double seconds);

private:
    void onReadyRead(QSslSocket *socket, QByteArray *buffer)
    {
        buffer->append(socket->readAll());
        for (;;) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype lengthAt = buffer->indexOf("Content-Length: ");
            if (lengthAt < 0 || lengthAt > end)
                return;
            const qsizetype lineEnd = buffer->indexOf("\r\n", lengthAt);
            const int length = buffer->mid(lengthAt + 16, lineEnd - lengthAt - 16).toInt();
            if (buffer->size() < end + 4 + length)
                return;
            const bool ok = buffer->startsWith("HTTP/1.1 200 OK\r\n")
                            && buffer->mid(end + 4, length).endsWith("\"status\":\"pending\",\"hintCode\":\"outstandingTransaction\"}");
            buffer->remove(0, end + 4 + length);
            if (m_clock.elapsed() >= m_warmUpMs && m_running)
                ok ? ++m_counted : ++m_failed;
            if (m_running)
                socket->write(m_request);
        }
    }

    QSslConfiguration m_ssl;
    quint16 m_port;
    QByteArray m_request;
    int m_connections;
    int m_warmUpMs;
    int m_durationMs;
    QElapsedTimer m_clock;
    bool m_running = true;
    qint64 m_counted = 0;
    qint64 m_failed = 0;
};

class TestSimulatorConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void concurrentCollects();
};

void TestSimulatorConcurrency::concurrentCollects()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    Simulator &sim = fx.simulator();
    const QString orderRef =
        fx.client().rp(QStringLiteral("auth"), authBody()).json.value(QStringLiteral("orderRef")).toString();
    QVERIFY(!orderRef.isEmpty());

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(sim.caCertificatePath()));
    ssl.setLocalCertificate(QSslCertificate::fromPath(sim.clientCertificatePath()).value(0));
    QFile keyFile(sim.clientKeyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    const QByteArray body = "{\"orderRef\":\"" + orderRef.toLatin1() + "\"}";
    const QByteArray request = "POST /rp/v6.0/collect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body;

    QThread thread;
    auto *worker = new LoadWorker(ssl, sim.port(), request, 8, 500, 2500);
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    QSignalSpy done(worker, &LoadWorker::finished);
    thread.start();
    QMetaObject::invokeMethod(worker, &LoadWorker::run, Qt::QueuedConnection);
    QVERIFY(done.wait(15000));
    thread.quit();
    thread.wait();
    const qint64 completed = done.first().at(0).toLongLong();
    const qint64 failed = done.first().at(1).toLongLong();
    const double seconds = done.first().at(2).toDouble();
    qInfo("%lld collects in %.2f s over 8 connections, all answers checked", completed, seconds);
    QCOMPARE(failed, 0);
    QVERIFY2(completed >= 8, "every connection must have completed collects");
}

QTEST_GUILESS_MAIN(TestSimulatorConcurrency)
#include "TestSimulatorConcurrency.moc"
