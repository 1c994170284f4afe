// TlsListener in this process: when accept() fails for lack of descriptors (EMFILE) it backs off instead of
// spinning on the readable listen socket, and resumes by itself once descriptors are free again (Qt's
// QTcpServer pauses after such an error and never resumes).

#include "TlsListener.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

using bankid::sim::TlsListener;

namespace {

double cpuSecondsOfThisProcess()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

class TestTlsListener : public QObject
{
    Q_OBJECT

private slots:
    void acceptErrorsBackOffAndResume();
};

void TestTlsListener::acceptErrorsBackOffAndResume()
{
    TlsListener listener(QSslConfiguration::defaultConfiguration());
    QVERIFY(listener.listenOn(QHostAddress::LocalHost, 0));
    int acceptErrors = 0;
    connect(&listener, &QTcpServer::acceptError, this, [&acceptErrors]() { ++acceptErrors; });

    // The clients' sockets exist before the limit is lowered: connect() needs no new descriptor.
    std::vector<int> clients;
    for (int i = 0; i < 10; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        clients.push_back(fd);
    }
    rlimit original{};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &original) == 0);
    // The lowest free descriptor number becomes the limit: every new descriptor would be at or above it.
    const int lowestFree = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    QVERIFY(lowestFree >= 0);
    ::close(lowestFree);
    // The listener's accept-error warning stays off while descriptors are short: UBSan's vptr check on the
    // QDebug call needs a pipe to probe memory, fails at the limit and reports a false "invalid vptr".
    QLoggingCategory::setFilterRules(QStringLiteral("bankid.sim.tls.warning=false"));
    rlimit lowered = original;
    lowered.rlim_cur = rlim_t(lowestFree);
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &lowered) == 0);

    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(listener.serverPort());
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (const int fd : clients)
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0); // the kernel's backlog

    const double cpuBefore = cpuSecondsOfThisProcess();
    QTest::qWait(1000);
    const double cpuDuring = cpuSecondsOfThisProcess() - cpuBefore;
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &original) == 0);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY2(acceptErrors >= 1, "accept() never failed: the test did not reach the descriptor limit");
    QVERIFY2(acceptErrors <= 10, qPrintable(QStringLiteral("%1 accept errors in 1 s").arg(acceptErrors)));
    QVERIFY2(cpuDuring < 0.2, qPrintable(QStringLiteral("%1 s CPU in 1 s at the descriptor limit").arg(cpuDuring)));
    // Descriptors are free again: the waiting connections are taken without anyone calling resumeAccepting().
    QTRY_COMPARE_WITH_TIMEOUT(listener.liveConnections(), 10, 3000);
    qInfo() << acceptErrors << "accept errors and" << cpuDuring << "s CPU during 1 s at the limit; then all 10 accepted";
    for (const int fd : clients)
        ::close(fd);
}

QTEST_GUILESS_MAIN(TestTlsListener)
#include "TestTlsListener.moc"
