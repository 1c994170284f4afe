#include "AuditLog.h"

#include "PersonalNumber.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcAudit, "bankid.audit")

namespace bankid {

namespace {

// Holds flock(LOCK_EX) for one scope; the lock goes with the file description, so it also serializes two
// AuditLog objects of one process (each has its own open()).
class FileLock
{
public:
    explicit FileLock(int fd)
        : m_fd(fd)
    {
        int result = 0;
        do {
            result = ::flock(m_fd, LOCK_EX);
        } while (result != 0 && errno == EINTR);
        m_locked = result == 0;
    }
    ~FileLock()
    {
        if (m_locked)
            ::flock(m_fd, LOCK_UN);
    }
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;
    bool locked() const { return m_locked; }

private:
    int m_fd;
    bool m_locked = false;
};

// A new directory entry is only durable once its folder is fsynced.
void syncFolder(const QString &filePath)
{
    const QByteArray folder = QFile::encodeName(QFileInfo(filePath).absolutePath());
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t written = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        done += written;
    }
    return true;
}

// JSON string literal of plain ASCII text (the timestamp): no escaping needed.
QByteArray quoted(const QString &asciiText)
{
    return '"' + asciiText.toLatin1() + '"';
}

} // namespace

AuditLog::AuditLog(const QString &path)
    : m_path(path)
{
}

AuditLog::~AuditLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString AuditLog::deskLogPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QLatin1String("/BankID Desk/bankid-desk/audit.jsonl");
}

QString AuditLog::keyPathFor(const QString &logPath)
{
    const QFileInfo info(logPath);
    return info.dir().filePath(info.completeBaseName() + QLatin1String(".key"));
}

QByteArray AuditLog::lineHash(const QByteArray &line)
{
    return QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
}

QByteArray AuditLog::firstPrev()
{
    return QByteArray(64, '0');
}

QString AuditLog::errnoText(const QString &what) const
{
    //: %1 what failed ("cannot open the audit log"), %2 the file, %3 the operating system's reason
    return tr("%1 %2: %3").arg(what, QDir::toNativeSeparators(m_path), QString::fromLocal8Bit(std::strerror(errno)));
}

bool AuditLog::open(QString *error)
{
    QMutexLocker locker(&m_mutex);
    if (m_fd >= 0)
        return true;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("cannot create the audit log folder %1").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (!loadOrCreateKey(error))
        return false;

    const bool existed = info.exists();
    const QByteArray name = QFile::encodeName(m_path);
    m_fd = ::open(name.constData(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        *error = errnoText(tr("cannot open the audit log"));
        return false;
    }
    if (!existed)
        syncFolder(m_path);

    const FileLock lock(m_fd);
    if (!lock.locked()) {
        *error = errnoText(tr("cannot lock the audit log"));
        ::close(m_fd);
        m_fd = -1;
        return false;
    }
    Tail tail;
    QString tailProblem;
    if (readTail(&tail, &tailProblem)) {
        qCInfo(lcAudit).noquote() << "audit log open:" << m_path << "last seq" << tail.seq;
    } else {
        // A damaged end is no reason to keep the file closed: each append() names the problem again.
        qCWarning(lcAudit).noquote() << tailProblem;
    }
    return true;
}

bool AuditLog::loadOrCreateKey(QString *error)
{
    const QString keyFile = keyPath();
    const QByteArray keyName = QFile::encodeName(keyFile);
    for (int attempt = 0; attempt < 2; ++attempt) {
        QFile file(keyFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray key = QByteArray::fromHex(file.readAll().trimmed());
            if (key.size() != KeyBytes) {
                *error = tr("the audit key %1 is damaged: it must hold %2 bytes as hex")
                             .arg(QDir::toNativeSeparators(keyFile))
                             .arg(KeyBytes);
                return false;
            }
            if (file.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)) {
                qCWarning(lcAudit).noquote() << "the audit key" << keyFile
                                             << "was readable by others; restricting it to its owner";
                ::chmod(keyName.constData(), 0600);
            }
            m_key = key;
            return true;
        }
        if (QFileInfo::exists(keyFile)) {
            *error = tr("cannot read the audit key %1: %2").arg(QDir::toNativeSeparators(keyFile), file.errorString());
            return false;
        }
        // First use: write the key to a private temporary file, then link() it into place, so that a
        // concurrent first writer either wins with a complete key or reads ours.
        QByteArray key(KeyBytes, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), KeyBytes / 4);
        const QByteArray temporary = keyName + ".tmp." + QByteArray::number(::getpid()) + '.'
            + QByteArray::number(QRandomGenerator::system()->generate());
        const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            *error = tr("cannot create the audit key %1: %2")
                         .arg(QDir::toNativeSeparators(keyFile), QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        const bool written = writeAll(fd, key.toHex() + '\n') && ::fsync(fd) == 0;
        ::close(fd);
        const bool linked = written && ::link(temporary.constData(), keyName.constData()) == 0;
        const int linkErrno = errno;
        ::unlink(temporary.constData());
        if (linked) {
            syncFolder(keyFile);
            qCInfo(lcAudit).noquote() << "created the audit key" << keyFile;
            m_key = key;
            return true;
        }
        if (!written || linkErrno != EEXIST) {
            *error = tr("cannot create the audit key %1: %2")
                         .arg(QDir::toNativeSeparators(keyFile), QString::fromLocal8Bit(std::strerror(linkErrno)));
            return false;
        }
        // Another writer created it first: read theirs.
    }
    *error = tr("cannot create the audit key %1").arg(QDir::toNativeSeparators(keyFile));
    return false;
}

bool AuditLog::readTail(Tail *tail, QString *error)
{
    struct stat status {};
    if (::fstat(m_fd, &status) != 0) {
        *error = errnoText(tr("cannot read the size of the audit log"));
        return false;
    }
    qint64 size = status.st_size;
    if (size == 0) {
        *tail = {0, firstPrev()};
        return true;
    }

    // Read backwards until the start of the last line (lines are a few hundred bytes).
    QByteArray data;
    qint64 start = size;
    qint64 lastNewline = -1;   // offset of the last '\n' in the file
    qint64 lineStart = -1;     // offset where the last whole line starts
    while (start > 0) {
        const qint64 chunk = qMin<qint64>(start, 4096);
        start -= chunk;
        QByteArray buffer(chunk, Qt::Uninitialized);
        const ssize_t got = ::pread(m_fd, buffer.data(), size_t(chunk), start);
        if (got != chunk) {
            *error = errnoText(tr("cannot read the audit log"));
            return false;
        }
        data.prepend(buffer);
        if (lastNewline < 0) {
            const qsizetype at = data.lastIndexOf('\n');
            if (at >= 0)
                lastNewline = start + at;
        }
        if (lastNewline >= 0) {
            const qsizetype relative = lastNewline - start;
            const qsizetype previous = relative > 0 ? data.lastIndexOf('\n', relative - 1) : -1;
            if (previous >= 0) {
                lineStart = start + previous + 1;
                break;
            }
        }
    }
    if (lastNewline >= 0 && lineStart < 0)
        lineStart = 0; // the last whole line is the first line of the file

    if (lastNewline != size - 1) {
        // Torn tail: the bytes after the last '\n' were never a whole line. Cut them (and only them).
        const qint64 keep = lastNewline + 1;
        const qint64 torn = size - keep;
        // What a crash leaves is a prefix of one of our lines, or zeros (a file extended before its data
        // reached the disk). Anything else is not ours to cut.
        const QByteArray tornBytes = data.mid(keep - start);
        const QByteArray linePrefix = QByteArrayLiteral("{\"v\":");
        const bool ours = tornBytes.left(linePrefix.size()) == linePrefix.left(tornBytes.size())
            || tornBytes.count('\0') == tornBytes.size();
        if (!ours) {
            *error = tr("the audit log %1 ends in %n byte(s) that are not part of an audit entry; the file is left "
                        "as it is", nullptr, int(torn))
                         .arg(QDir::toNativeSeparators(m_path));
            return false;
        }
        if (::ftruncate(m_fd, keep) != 0 || ::fsync(m_fd) != 0) {
            *error = errnoText(tr("cannot cut the incomplete last line of the audit log"));
            return false;
        }
        m_repairedTornBytes += torn;
        m_repairReport = tr("The audit log %1 ended in an incomplete line (%n byte(s), left by a crash or a full disk "
                            "while writing); it was removed and the log continues after the last whole entry.",
                            nullptr, int(torn))
                             .arg(QDir::toNativeSeparators(m_path));
        qCWarning(lcAudit).noquote() << "cut a torn last line of" << torn << "bytes from" << m_path;
        size = keep;
        if (size == 0) {
            *tail = {0, firstPrev()};
            return true;
        }
    }

    const QByteArray line = data.mid(lineStart - start, lastNewline - lineStart);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    const QJsonObject object = document.object();
    const std::optional<qint64> seq = sequenceNumber(object.value(QLatin1String("seq")));
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || object.value(QLatin1String("v")).toInt() != FormatVersion || !seq) {
        *error = tr("the last entry of the audit log %1 is damaged (not a v%2 audit entry), so no entry can be "
                    "chained to it; run \"bankid-cli audit verify\" to find out more")
                     .arg(QDir::toNativeSeparators(m_path))
                     .arg(FormatVersion);
        return false;
    }
    *tail = {*seq, lineHash(line)};
    return true;
}

std::optional<qint64> AuditLog::sequenceNumber(const QJsonValue &seq)
{
    if (!seq.isDouble())
        return std::nullopt;
    const double value = seq.toDouble();
    // Range first: converting a double outside qint64's range is undefined behaviour (UBSan found a
    // "seq":2.2e80 in the audit_log fuzz harness).
    if (!(value >= 1.0 && value <= double(MaxSeq)) || value != std::floor(value))
        return std::nullopt;
    return qint64(value);
}

qint64 AuditLog::append(const AuditEntry &entry, QString *error)
{
    if (!open(error))
        return 0;
    QMutexLocker locker(&m_mutex);
    const FileLock lock(m_fd);
    if (!lock.locked()) {
        *error = errnoText(tr("cannot lock the audit log"));
        return 0;
    }
    Tail tail;
    if (!readTail(&tail, error))
        return 0;

    const qint64 seq = tail.seq + 1;
    QByteArray line = "{\"v\":" + QByteArray::number(FormatVersion) + ",\"seq\":" + QByteArray::number(seq)
        + ",\"time\":" + quoted(auditTimestamp(QDateTime::currentDateTimeUtc())) + ",\"prev\":\"" + tail.hash + '"';
    const QByteArray fields = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact);
    line += fields.size() > 2 ? ',' + fields.mid(1) : QByteArray("}");
    line += '\n';

    struct stat status {};
    const qint64 sizeBefore = ::fstat(m_fd, &status) == 0 ? qint64(status.st_size) : -1;
    // One write() for the whole line: a crash leaves either nothing or a prefix without '\n' (a torn tail).
    const ssize_t written = ::write(m_fd, line.constData(), size_t(line.size()));
    if (written != line.size()) {
        *error = errnoText(tr("cannot write to the audit log"));
        if (written > 0 && sizeBefore >= 0 && ::ftruncate(m_fd, sizeBefore) != 0)
            qCWarning(lcAudit).noquote() << "a partial line stays in" << m_path << "; the next append cuts it";
        return 0;
    }
    if (::fsync(m_fd) != 0) {
        *error = errnoText(tr("cannot flush the audit log to disk"));
        return 0;
    }
    qCInfo(lcAudit).noquote() << "appended seq" << seq << entry.flow << AuditEntry::outcomeName(entry.outcome)
                              << entry.personalNumberMasked;
    return seq;
}

QString AuditLog::personalNumberHash(const QString &number) const
{
    if (m_key.isEmpty() || number.trimmed().isEmpty())
        return {};
    const QByteArray digits = PersonalNumber::normalized(number).toLatin1();
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(digits, m_key, QCryptographicHash::Sha256).toHex());
}

} // namespace bankid
