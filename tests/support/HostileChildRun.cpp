#include "HostileChildRun.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace bankid::test {

namespace {

/// A "VmHWM:"/"VmRSS:" figure (kB) of /proc/<pid>/status; 0 when unreadable (e.g. the process is gone).
long procStatusKb(const QString &pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

} // namespace

HostileChildRun HostileChildRun::run(const QString &program, const QStringList &arguments,
                                     const QProcessEnvironment &environment, int timeoutMs)
{
    HostileChildRun result;
    QTemporaryDir outputs;
    if (!outputs.isValid()) {
        result.error = QStringLiteral("no temporary folder for the child's output: ") + outputs.errorString();
        return result;
    }
    const QByteArray outPath = QFile::encodeName(outputs.filePath(QStringLiteral("stdout")));
    const QByteArray errPath = QFile::encodeName(outputs.filePath(QStringLiteral("stderr")));

    // Everything the child needs is prepared before the fork: between fork and exec it may only make
    // async-signal-safe calls (the test process has other threads).
    std::vector<QByteArray> argumentBytes{QFile::encodeName(program)};
    for (const QString &argument : arguments)
        argumentBytes.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &bytes : argumentBytes)
        argv.push_back(bytes.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> environmentBytes;
    for (const QString &entry : environment.toStringList())
        environmentBytes.push_back(entry.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &bytes : environmentBytes)
        envp.push_back(bytes.data());
    envp.push_back(nullptr);

    result.testRssAtForkKb = procStatusKb(QStringLiteral("self"), "VmRSS:");
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.error = QStringLiteral("fork failed: ") + QString::fromLocal8Bit(strerror(errno));
        return result;
    }
    if (pid == 0) {
        const int out = ::open(outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int in = ::open("/dev/null", O_RDONLY);
        if (out < 0 || err < 0 || in < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0 || ::dup2(in, 0) < 0)
            ::_exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    result.started = true;
    const QString pidText = QString::number(pid);
    int status = 0;
    rusage usage {};
    for (;;) {
        const pid_t waited = ::wait4(pid, &status, WNOHANG, &usage);
        if (waited == pid) {
            result.finished = true;
            break;
        }
        if (waited < 0 && errno != EINTR) {
            result.error = QStringLiteral("wait4 failed: ") + QString::fromLocal8Bit(strerror(errno));
            break;
        }
        if (const long hwm = procStatusKb(pidText, "VmHWM:"); hwm > 0)
            result.peakOwnRssKb = hwm;
        if (timer.elapsed() > timeoutMs) {
            ::kill(pid, SIGKILL);
            while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
            }
            break;
        }
        QTest::qWait(10);
    }
    result.elapsedMs = timer.elapsed();
    result.peakRssKb = usage.ru_maxrss;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile outFile(QFile::decodeName(outPath));
    if (outFile.open(QIODevice::ReadOnly))
        result.out = outFile.readAll();
    QFile errFile(QFile::decodeName(errPath));
    if (errFile.open(QIODevice::ReadOnly))
        result.err = errFile.readAll();
    return result;
}

QByteArray HostileChildRun::describe() const
{
    return "exit " + QByteArray::number(exitCode) + (finished ? "" : " (killed at the timeout)") + ", stdout: ["
           + out.left(2000) + "], stderr: [" + err.left(2000) + "]" + (error.isEmpty() ? QByteArray() : ", " + error.toUtf8());
}

} // namespace bankid::test
