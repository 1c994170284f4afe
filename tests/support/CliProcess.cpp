#include "CliProcess.h"

#include <QSignalSpy>

namespace bankid::test {

QByteArray CliRun::describe() const
{
    return QStringLiteral("exit %1, stdout: [%2], stderr: [%3]").arg(exitCode).arg(out, err).toUtf8();
}

CliProcess::CliProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment)
{
    m_process.setProcessEnvironment(environment);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                     [this] { m_out += m_process.readAllStandardOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_process,
                     [this] { m_err += m_process.readAllStandardError(); });
    m_process.start(program, arguments);
}

CliProcess::~CliProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
}

CliRun CliProcess::wait(int timeoutMs)
{
    CliRun run;
    if (m_process.state() != QProcess::NotRunning) {
        QSignalSpy finished(&m_process, &QProcess::finished);
        finished.wait(timeoutMs);
    }
    run.finished = m_process.state() == QProcess::NotRunning;
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
    run.exitCode = m_process.exitCode();
    run.exitStatus = m_process.exitStatus();
    run.out = QString::fromUtf8(m_out);
    run.err = QString::fromUtf8(m_err);
    return run;
}

} // namespace bankid::test
