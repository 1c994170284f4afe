// bankid-bench: round-trip and throughput figures of bankid_core's client and of the simulator.
//
//   bankid-bench client     [--requests N] [--server neutral|simulator] [--transport direct|qnam] [--no-tcp-nodelay]
//                                              curl vs core client, sequential on one connection:
//                                              collects, /sign bodies of 20 KB and 200 KB
//   bankid-bench simulator  [--requests N] [--concurrency C] [--client-threads T]
//                                              collects/s the in-process simulator serves
//   bankid-bench collect --url URL --ca FILE --cert FILE [--key FILE] --password-env VAR
//                        [--requests N] [--concurrency C]      any RP API server
//
// Every run ends with lines "<N> requests, concurrency <C>: <X> µs/request, <Y> requests/s, p50 <A> µs,
// p99 <B> µs". Figures and how to read them: README "Performance".
#include "CertificateFactory.h"
#include "ClientIdentity.h"
#include "CoreClientLoad.h"
#include "CurlLoad.h"
#include "NeutralServer.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>
#include <memory>

using namespace bankid;
using namespace bankid::bench;

namespace {

void print(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bankid-bench: %s\n", message.toUtf8().constData());
    return 1;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// Runs `work` in `thread`'s event loop and waits for it: servers are created and live in their own
// thread, so the client thread measured here never serves.
void runIn(QObject *context, const std::function<void()> &work)
{
    QMetaObject::invokeMethod(context, work, Qt::BlockingQueuedConnection);
}

// The server both clients talk to in `client` mode, running in its own thread: the neutral responder
// (what the clients cost) or the simulator (a realistic server, ~100 µs of work per request).
struct ComparisonServer
{
    QUrl baseUrl;
    QString caPath;
    QString certPath;
    QString keyPath;
    std::function<int()> connections;  // TLS connections accepted (neutral server only)
    std::function<int()> h2Negotiations;
};

// curl vs the core client (QNetworkAccessManager), sequential on one kept-alive connection. Goal for
// collect: ≤ 3× curl, p99 < 1 ms, no request over 30 ms, also when the server offers h2. /sign bodies of
// 20 KB and 200 KB are shown as they are: QNAM's socket has no TCP_NODELAY, so a body above one TLS record
// can wait for the server's delayed ACK (~40 ms); the "over 30 ms" count shows how often.
int runClientBench(int requests, bool useSimulator)
{
    QTemporaryDir dir;
    QString error;
    QThread serverThread;
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    serverThread.start();
    std::unique_ptr<NeutralServer> neutral;
    std::unique_ptr<sim::Simulator> simulator;
    const auto stopServer = qScopeGuard([&] {
        runIn(&serverContext, [&] {
            neutral.reset();
            simulator.reset();
        });
        serverThread.quit();
        serverThread.wait();
    });

    ComparisonServer server;
    if (useSimulator) {
        bool started = false;
        runIn(&serverContext, [&] {
            sim::SimulatorOptions options;
            options.stateDir = dir.path();
            options.userMode = sim::UserMode::Manual;
            simulator = std::make_unique<sim::Simulator>(options);
            started = simulator->start(&error);
        });
        if (!started)
            return fail(QStringLiteral("the simulator did not start: ") + error);
        server = {simulator->baseUrl(), simulator->caCertificatePath(), simulator->clientCertificatePath(),
                  simulator->clientKeyPath(), {}, {}};
    } else {
        const auto ca = sim::CertificateFactory::createCa(QStringLiteral("bankid-bench CA"), 30, &error);
        const auto serverIdentity = sim::CertificateFactory::issueServer(ca, {QStringLiteral("127.0.0.1")}, 30, &error);
        const auto client = sim::CertificateFactory::issueClient(ca, QStringLiteral("bankid-bench RP"), 30, &error);
        if (ca.isNull() || serverIdentity.isNull() || client.isNull())
            return fail(QStringLiteral("cannot create certificates: ") + error);
        server.caPath = dir.filePath(QStringLiteral("ca.pem"));
        server.certPath = dir.filePath(QStringLiteral("client.pem"));
        server.keyPath = dir.filePath(QStringLiteral("client-key.pem"));
        if (!writeFile(server.caPath, ca.certificatePem) || !writeFile(server.certPath, client.certificatePem)
            || !writeFile(server.keyPath, client.keyPem))
            return fail(QStringLiteral("cannot write certificates to ") + dir.path());
        bool listening = false;
        runIn(&serverContext, [&] {
            neutral = std::make_unique<NeutralServer>(serverIdentity, ca.certificate);
            listening = neutral->listen(QHostAddress::LocalHost, 0);
        });
        if (!listening)
            return fail(QStringLiteral("the neutral server cannot listen on 127.0.0.1"));
        server.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/rp/v6.0").arg(neutral->port()));
        server.connections = [&] { return neutral->connections(); };
        server.h2Negotiations = [&] { return neutral->h2Negotiations(); };
    }
    print(useSimulator ? QStringLiteral("server: bankid-simulator (in-process thread) at %1").arg(server.baseUrl.toString())
                       : QStringLiteral("server: neutral mTLS HTTP/1.1 responder offering ALPN h2, at %1").arg(server.baseUrl.toString()));
    print(QStringLiteral("bankid_core transport: QNetworkAccessManager (HTTP/1.1)"));

    auto configured = RpConfig::forCustomServer(server.baseUrl, server.caPath, server.certPath, {}, &error, server.keyPath);
    if (!configured)
        return fail(error);
    RpConfig config = *configured;
    QNetworkAccessManager nam;
    RpClient rpClient(&nam, config);
    CoreClientLoad load(&rpClient);
    if (!load.prepareOrders(1, &error)) // also the TLS handshake, outside the measured requests
        return fail(error);

    struct Row {
        QString name;
        LatencyStats curl;
        LatencyStats core;
    };
    QList<Row> rows;
    const auto measure = [&](const QString &name, CoreClientLoad::Kind kind, int count, int bodyBytes) -> bool {
        Row row {name, {}, {}};
        QByteArray body = QByteArrayLiteral("{\"orderRef\":\"") + load.orderRefs().constFirst().toUtf8() + QByteArrayLiteral("\"}");
        if (kind == CoreClientLoad::Kind::Sign)
            body = QByteArrayLiteral("{\"endUserIp\":\"127.0.0.1\",\"userVisibleData\":\"YmVuY2g=\",\"userNonVisibleData\":\"")
                + QByteArray(bodyBytes, 'A') + QByteArrayLiteral("\"}");
        if (CurlLoad::isAvailable()) {
            const QString path = kind == CoreClientLoad::Kind::Collect ? QStringLiteral("collect") : QStringLiteral("sign");
            row.curl = CurlLoad::run(config.endpointUrl(path), body, server.caPath, server.certPath, server.keyPath, count, &error);
            if (!error.isEmpty())
                return false;
        }
        row.core = load.run(kind, count, 1, bodyBytes, &error);
        if (!error.isEmpty())
            return false;
        rows.append(row);
        return true;
    };

    if (!measure(QStringLiteral("collect"), CoreClientLoad::Kind::Collect, requests, 0)
        || !measure(QStringLiteral("sign 12 KB"), CoreClientLoad::Kind::Sign, qMax(50, requests / 10), 12 * 1000)
        || !measure(QStringLiteral("sign 20 KB"), CoreClientLoad::Kind::Sign, qMax(50, requests / 10), 20 * 1000)
        || !measure(QStringLiteral("sign 200 KB"), CoreClientLoad::Kind::Sign, qMax(20, requests / 25), 200 * 1000))
        return fail(error);

    for (const Row &row : std::as_const(rows)) {
        print(QString());
        print(QStringLiteral("== %1, sequential on one kept-alive connection").arg(row.name));
        if (row.curl.count() > 0)
            print(QStringLiteral("curl:        ") + row.curl.summaryLine(1));
        print(QStringLiteral("bankid_core: ") + row.core.summaryLine(1));
        if (row.curl.count() > 0)
            print(QStringLiteral("ratio bankid_core/curl: mean %1, p50 %2, p99 %3%4")
                      .arg(row.core.meanUs() / row.curl.meanUs(), 0, 'f', 2)
                      .arg(row.core.percentileUs(50) / row.curl.percentileUs(50), 0, 'f', 2)
                      .arg(row.core.percentileUs(99) / row.curl.percentileUs(99), 0, 'f', 2)
                      .arg(row.name == QLatin1String("collect") ? QStringLiteral("   (goal: mean ≤ 3.00, p99 < 1 ms)")
                                                                : QString()));
        print(QStringLiteral("requests over 30 ms (Nagle stalls): bankid_core %1, curl %2; bankid_core max %3 µs")
                  .arg(row.core.countSlowerThanUs(30000))
                  .arg(row.curl.countSlowerThanUs(30000))
                  .arg(qRound(row.core.maxUs())));
    }
    if (server.connections) {
        print(QString());
        print(QStringLiteral("server: %1 TLS connections in all (curl opens one per row), %2 negotiated h2 "
                             "(bankid_core must stay on HTTP/1.1)")
                  .arg(server.connections())
                  .arg(server.h2Negotiations()));
    }
    return 0;
}

// Collect throughput of the simulator: the simulator in its own thread, T client threads each with its
// own QNetworkAccessManager, C lanes in all.
int runSimulatorBench(int requests, int concurrency, int clientThreads)
{
    QTemporaryDir dir;
    QThread serverThread;
    QObject serverContext;
    serverContext.moveToThread(&serverThread);
    serverThread.start();
    std::unique_ptr<sim::Simulator> simulator;
    QString error;
    bool started = false;
    runIn(&serverContext, [&] {
        sim::SimulatorOptions options;
        options.stateDir = dir.path();
        options.userMode = sim::UserMode::Manual;
        options.cancelOlderOrderOfSamePerson = false;
        simulator = std::make_unique<sim::Simulator>(options);
        started = simulator->start(&error);
    });
    const auto stopServer = qScopeGuard([&] {
        runIn(&serverContext, [&] { simulator.reset(); });
        serverThread.quit();
        serverThread.wait();
    });
    if (!started)
        return fail(QStringLiteral("the simulator did not start: ") + error);

    const auto configured = RpConfig::forCustomServer(simulator->baseUrl(), simulator->caCertificatePath(),
                                                      simulator->clientP12Path(), sim::Simulator::clientPassword, &error);
    if (!configured)
        return fail(error);
    const RpConfig config = *configured;
    print(QStringLiteral("simulator at %1, %2 client thread(s)").arg(config.baseUrl.toString()).arg(clientThreads));

    LatencyStats merged;
    QMutex mutex;
    QList<QThread *> threads;
    QElapsedTimer wall;
    wall.start();
    for (int t = 0; t < clientThreads; ++t) {
        const int lanes = concurrency / clientThreads + (t < concurrency % clientThreads ? 1 : 0);
        const int share = requests / clientThreads + (t < requests % clientThreads ? 1 : 0);
        threads.append(QThread::create([&, lanes, share] {
            QNetworkAccessManager nam;
            RpClient rpClient(&nam, config);
            CoreClientLoad load(&rpClient);
            QString threadError;
            if (load.prepareOrders(lanes, &threadError)) {
                const LatencyStats stats = load.run(CoreClientLoad::Kind::Collect, share, lanes, 0, &threadError);
                load.cancelOrders();
                QMutexLocker lock(&mutex);
                for (const qint64 sample : stats.samples())
                    merged.add(sample);
            }
            if (!threadError.isEmpty()) {
                QMutexLocker lock(&mutex);
                error = threadError;
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        thread->wait();
        delete thread;
    }
    merged.setWallTimeNs(wall.nsecsElapsed());
    if (!error.isEmpty())
        return fail(error);
    print(merged.summaryLine(concurrency));
    print(QStringLiteral("target: at least 5000 requests/s (wall time includes creating %1 orders)").arg(concurrency));
    return 0;
}

int runCollectBench(const QCommandLineParser &parser, int requests, int concurrency)
{
    const QString url = parser.value(QStringLiteral("url"));
    const QString caFile = parser.value(QStringLiteral("ca"));
    const QString certFile = parser.value(QStringLiteral("cert"));
    if (url.isEmpty() || caFile.isEmpty() || certFile.isEmpty())
        return fail(QStringLiteral("collect needs --url, --ca and --cert"));
    QByteArray password;
    if (parser.isSet(QStringLiteral("password-env"))) {
        const QByteArray variable = parser.value(QStringLiteral("password-env")).toLocal8Bit();
        if (!qEnvironmentVariableIsSet(variable.constData()))
            return fail(QStringLiteral("--password-env: %1 is not set").arg(QString::fromLocal8Bit(variable)));
        password = qgetenv(variable.constData());
    }
    QString error;
    const auto configured = RpConfig::forCustomServer(QUrl(url), caFile, certFile, password, &error,
                                                      parser.value(QStringLiteral("key")));
    if (!configured)
        return fail(error);
    const RpConfig config = *configured;
    QNetworkAccessManager nam;
    RpClient rpClient(&nam, config);
    CoreClientLoad load(&rpClient);
    if (!load.prepareOrders(concurrency, &error))
        return fail(error);
    const LatencyStats stats = load.run(CoreClientLoad::Kind::Collect, requests, concurrency, 0, &error);
    load.cancelOrders();
    if (!error.isEmpty())
        return fail(error);
    print(stats.summaryLine(concurrency));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bankid-bench"));
    QLoggingCategory::setFilterRules(QStringLiteral("bankid.*.info=false\nbankid.*.debug=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Round-trip and throughput figures of bankid_core and the simulator.\n"
                                                    "Modes: client (default), simulator, collect."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("client | simulator | collect"));
    parser.addOptions({
        {QStringLiteral("requests"), QStringLiteral("Number of measured requests."), QStringLiteral("N")},
        {QStringLiteral("concurrency"), QStringLiteral("Requests in flight at once."), QStringLiteral("C")},
        {QStringLiteral("client-threads"), QStringLiteral("simulator: client threads (default 2)."), QStringLiteral("T")},
        {QStringLiteral("url"), QStringLiteral("collect: RP API base URL."), QStringLiteral("URL")},
        {QStringLiteral("ca"), QStringLiteral("collect: CA PEM to pin."), QStringLiteral("FILE")},
        {QStringLiteral("cert"), QStringLiteral("collect: client certificate (p12 or PEM)."), QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("collect: PEM key file."), QStringLiteral("FILE")},
        {QStringLiteral("password-env"), QStringLiteral("collect: environment variable holding the password."), QStringLiteral("VAR")},
        {QStringLiteral("server"), QStringLiteral("client: neutral (default) or simulator."), QStringLiteral("KIND")},
    });
    parser.process(app);
    const QString mode = parser.positionalArguments().value(0, QStringLiteral("client"));
    const int requests = parser.value(QStringLiteral("requests")).isEmpty() ? (mode == QLatin1String("simulator") ? 20000 : 2000)
                                                                             : parser.value(QStringLiteral("requests")).toInt();
    const int concurrency = parser.value(QStringLiteral("concurrency")).isEmpty() ? (mode == QLatin1String("client") ? 1 : 8)
                                                                                  : parser.value(QStringLiteral("concurrency")).toInt();
    const int clientThreads = parser.value(QStringLiteral("client-threads")).isEmpty() ? 2 : parser.value(QStringLiteral("client-threads")).toInt();
    if (requests < 1 || concurrency < 1 || clientThreads < 1 || (mode == QLatin1String("simulator") && clientThreads > concurrency))
        return fail(QStringLiteral("--requests and --concurrency must be positive, --client-threads at most --concurrency"));

    if (mode == QLatin1String("client"))
        return runClientBench(requests, parser.value(QStringLiteral("server")) == QLatin1String("simulator"));
    if (mode == QLatin1String("simulator"))
        return runSimulatorBench(requests, concurrency, clientThreads);
    if (mode == QLatin1String("collect"))
        return runCollectBench(parser, requests, concurrency);
    return fail(QStringLiteral("unknown mode '%1' (client, simulator or collect)").arg(mode));
}
