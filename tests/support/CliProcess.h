#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace bankid::test {

/// One run of the bankid-cli binary, as CliProcess::wait() saw it.
struct CliRun
{
    bool finished = false; ///< false: still running when the wait timed out (CliProcess then kills it)
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString out; ///< stdout, decoded as UTF-8
    QString err; ///< stderr, decoded as UTF-8

    /// For failure messages: the exit code and everything the process said.
    QByteArray describe() const;
};

// A bankid-cli (or any) process whose stdout and stderr are collected separately while the test's event loop
// keeps running, so an in-process simulator the child talks to keeps serving.
//
// Contract: the constructor starts `program` with `arguments` in `environment` (the caller builds it: locale,
// XDG_DATA_HOME, HOME, password variables are the test's business). wait() spins the event loop until the
// process ends or `timeoutMs` passes and returns what it collected so far; it may be called again. The
// destructor kills a process that is still running.
//
//     test::CliProcess process(program, {QStringLiteral("auth"), QStringLiteral("--simulator")}, environment());
//     const test::CliRun result = process.wait(30000);
//     QVERIFY2(result.exitCode == 0, result.describe().constData());
class CliProcess
{
public:
    CliProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment);
    ~CliProcess();
    CliProcess(const CliProcess &) = delete;
    CliProcess &operator=(const CliProcess &) = delete;

    QProcess &process() { return m_process; }
    /// stderr so far (decoded as UTF-8), e.g. to wait for a progress line while the process runs.
    QString errSoFar() const { return QString::fromUtf8(m_err); }

    /// Waits (spinning the event loop) until the process ends, at most `timeoutMs`.
    CliRun wait(int timeoutMs);

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace bankid::test
