#include "AbuseSimulatorProcess.h"

#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

AbuseSimulatorProcess::AbuseSimulatorProcess(QStringList extraArguments, int descriptorLimit)
    : m_extraArguments(std::move(extraArguments))
    , m_descriptorLimit(descriptorLimit)
{
}

AbuseSimulatorProcess::~AbuseSimulatorProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString AbuseSimulatorProcess::program()
{
    return QStringLiteral(BANKID_BIN_DIR "/bankid-simulator");
}

bool AbuseSimulatorProcess::start(QString *error)
{
    const QString state = QDir(m_dir.path()).filePath(QStringLiteral("state"));
    QStringList arguments = {QStringLiteral("--state-dir"), state, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0"), QStringLiteral("--latency-ms"), QStringLiteral("0"),
                             QStringLiteral("--user"), QStringLiteral("manual")};
    arguments += m_extraArguments;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) instead of being reused,
    // so the RSS a test reads would grow with every buffer the simulator drops. Without the quarantine the
    // figures measure the simulator's own buffers again; outside ASan the variable is ignored.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString asan = environment.value(QStringLiteral("ASAN_OPTIONS"));
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       (asan.isEmpty() ? QString() : asan + QLatin1Char(':'))
                           + QStringLiteral("quarantine_size_mb=0:thread_local_quarantine_size_kb=0"));
    m_process.setProcessEnvironment(environment);
    if (m_descriptorLimit > 0) {
        // `ulimit -n` in sh sets the soft and the hard limit, so the simulator cannot raise it again.
        m_process.start(QStringLiteral("/bin/sh"),
                        QStringList{QStringLiteral("-c"),
                                    QStringLiteral("ulimit -n %1 && exec \"$0\" \"$@\"").arg(m_descriptorLimit),
                                    program()}
                            + arguments);
    } else {
        m_process.start(program(), arguments);
    }
    QByteArray out;
    const bool ready = QTest::qWaitFor([&] {
        out += m_process.readAllStandardOutput();
        return out.contains("Ready.") || m_process.state() == QProcess::NotRunning;
    }, 60000);
    static const QRegularExpression baseLine(QStringLiteral("base URL: +https://127\\.0\\.0\\.1:(\\d+)/"));
    const auto match = baseLine.match(QString::fromUtf8(out));
    if (!ready || !match.hasMatch()) {
        if (error)
            *error = QStringLiteral("bankid-simulator did not get ready: ") + QString::fromUtf8(out)
                     + QString::fromUtf8(m_process.readAllStandardError());
        return false;
    }
    m_port = quint16(match.captured(1).toUInt());
    return true;
}

qint64 AbuseSimulatorProcess::statusField(const char *name) const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(name))
            return line.mid(qsizetype(qstrlen(name))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 AbuseSimulatorProcess::cpuTicks() const
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid()));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are
    // fields 14 and 15 of the whole line, i.e. 12 and 13 after "pid (comm)".
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return fields.at(11).toLongLong() + fields.at(12).toLongLong();
}

int AbuseSimulatorProcess::openDescriptors() const
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid())).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

QByteArray AbuseSimulatorProcess::log()
{
    m_log += m_process.readAllStandardError();
    return m_log;
}
