#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

// The real bankid-simulator executable as a child process, for tests that attack it over the network and
// watch what it costs (/proc/<pid>/status VmRSS/VmHWM, /proc/<pid>/stat CPU time).
//
// Contract: start() runs BANKID_BIN_DIR/bankid-simulator in a fresh state dir on 127.0.0.1, port 0
// (`--latency-ms 0 --user manual` plus `extraArguments`) and returns once it printed "Ready." and its
// base URL; with descriptorLimit > 0 it runs under `ulimit -n <limit>` (soft and hard). The process is
// stopped (SIGTERM, then SIGKILL) by the destructor.
//
//     AbuseSimulatorProcess simulator({QStringLiteral("--handshake-timeout-ms"), QStringLiteral("1000")});
//     QVERIFY2(simulator.start(&error), qPrintable(error));
//     qInfo() << "RSS" << simulator.rssKiB() << "KiB";
class AbuseSimulatorProcess
{
public:
    explicit AbuseSimulatorProcess(QStringList extraArguments = {}, int descriptorLimit = 0);
    ~AbuseSimulatorProcess();

    static QString program();
    bool start(QString *error);

    quint16 port() const { return m_port; }
    QString stateDir() const { return m_dir.path(); }
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    /// Resident set size now / at its peak (VmRSS / VmHWM), in KiB; -1 when unreadable.
    qint64 rssKiB() const { return statusField("VmRSS:"); }
    qint64 peakRssKiB() const { return statusField("VmHWM:"); }
    /// User + system CPU time consumed so far, in clock ticks (/proc/<pid>/stat utime + stime).
    qint64 cpuTicks() const;
    /// Open file descriptors of the process (entries of /proc/<pid>/fd).
    int openDescriptors() const;
    /// Everything it wrote to stderr so far (its log).
    QByteArray log();

private:
    qint64 statusField(const char *name) const;

    QStringList m_extraArguments;
    int m_descriptorLimit;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_log;
};
