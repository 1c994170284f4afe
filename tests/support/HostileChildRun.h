#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace bankid::test {

/// One run of a program (bankid-cli) as a direct child of the test, measured the way QProcess cannot:
/// fork/execve and wait4(), so the child's own resource usage is known, not the maximum over every child
/// the test ever waited for (getrusage(RUSAGE_CHILDREN)).
///
/// Contract: run() spins the event loop while the child runs (an in-process server keeps answering it),
/// kills it (SIGKILL) after `timeoutMs`, and returns its exit status, every byte of stdout and stderr
/// (redirected to files, so a chatty child never blocks on a full pipe and NULs survive), the wall time and
/// wait4()'s ru_maxrss. Linux counts in ru_maxrss the pages the child had between fork and exec, i.e. the
/// test process' resident size at the fork (testRssAtForkKb): the figure is an upper bound of the
/// program's own peak, which peakOwnRssKb samples from /proc/<pid>/status (VmHWM, every 10 ms).
///
/// \code
///   const HostileChildRun run = HostileChildRun::run(program, {"auth", "--url", url, ...}, environment, 60000);
///   QVERIFY(run.peakRssKb < 100 * 1024);
/// \endcode
struct HostileChildRun
{
    bool started = false;  ///< false: fork or the output files failed (see error)
    bool finished = false; ///< false: killed at the timeout
    int exitCode = -1;     ///< the exit code; -1 when killed by a signal
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
    long peakRssKb = 0;        ///< wait4()'s ru_maxrss of this child
    long peakOwnRssKb = 0;     ///< the last VmHWM sample of the program itself (after exec)
    long testRssAtForkKb = 0;  ///< the test process' VmRSS just before the fork
    QString error;

    static HostileChildRun run(const QString &program, const QStringList &arguments,
                               const QProcessEnvironment &environment, int timeoutMs);
    /// For failure messages: exit code, stdout and stderr.
    QByteArray describe() const;
};

} // namespace bankid::test
