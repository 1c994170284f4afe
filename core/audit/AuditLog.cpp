#include "AuditLog.h"

#include "PersonalNumber.h"
#include "PlatformFileDurability.h"
#include "PlatformFileLock.h"
#include "PlatformRenameNoReplace.h"

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

#include <cmath>

Q_LOGGING_CATEGORY(lcAudit, "bankid.audit")

namespace bankid {

namespace {

// A new directory entry is only durable once its folder is synced; a failure is logged, not fatal (the
// entry is there, only its durability across a power loss is not proven).
void syncFolderOf(const QString &filePath)
{
    const QString folder = QFileInfo(filePath).absolutePath();
    QString reason;
    if (!PlatformFileDurability::syncFolder(folder, &reason))
        qCWarning(lcAudit).noquote() << "cannot flush the folder" << folder << "to disk:" << reason;
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

AuditLog::~AuditLog() = default;

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

QString AuditLog::failure(const QString &what, const QString &reason) const
{
    //: %1 what failed ("cannot open the audit log"), %2 the file, %3 the operating system's reason
    return tr("%1 %2: %3").arg(what, QDir::toNativeSeparators(m_path), reason);
}

bool AuditLog::open(QString *error)
{
    QMutexLocker locker(&m_mutex);
    if (m_file.isOpen())
        return true;
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = tr("cannot create the audit log folder %1").arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (!loadOrCreateKey(error))
        return false;

    const bool existed = info.exists();
    // Append: O_APPEND on POSIX. Unbuffered: each write() of QFile is one write to the system, no copy
    // waits in Qt's buffer. The permissions apply when the file is created.
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Append | QIODevice::Unbuffered,
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = failure(tr("cannot open the audit log"), m_file.errorString());
        return false;
    }
    if (!existed)
        syncFolderOf(m_path);

    const PlatformFileLock lock(m_file);
    if (!lock.isLocked()) {
        *error = failure(tr("cannot lock the audit log"), lock.error());
        m_file.close();
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
                file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            }
            m_key = key;
            return true;
        }
        if (QFileInfo::exists(keyFile)) {
            *error = tr("cannot read the audit key %1: %2").arg(QDir::toNativeSeparators(keyFile), file.errorString());
            return false;
        }
        // First use: write the key to a private temporary file (created exclusively, owner only), then move
        // it into place only if the name is still free (PlatformRenameNoReplace), so that a concurrent first
        // writer either wins with a complete key or reads ours.
        QByteArray key(KeyBytes, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), KeyBytes / 4);
        const QString temporary = keyFile + QLatin1String(".tmp.") + QString::number(QCoreApplication::applicationPid())
            + u'.' + QString::number(QRandomGenerator::system()->generate());
        QFile draft(temporary);
        if (!draft.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            *error = tr("cannot create the audit key %1: %2").arg(QDir::toNativeSeparators(keyFile), draft.errorString());
            return false;
        }
        const QByteArray text = key.toHex() + '\n';
        QString reason;
        const bool written = draft.write(text) == text.size() && PlatformFileDurability::flushToDisk(draft, &reason);
        if (!written && reason.isEmpty())
            reason = draft.errorString();
        draft.close();
        if (!written) {
            QFile::remove(temporary);
            *error = tr("cannot create the audit key %1: %2").arg(QDir::toNativeSeparators(keyFile), reason);
            return false;
        }
        switch (PlatformRenameNoReplace::rename(temporary, keyFile, &reason)) {
        case PlatformRenameNoReplace::Outcome::Renamed:
            syncFolderOf(keyFile);
            qCInfo(lcAudit).noquote() << "created the audit key" << keyFile;
            m_key = key;
            return true;
        case PlatformRenameNoReplace::Outcome::Failed:
            QFile::remove(temporary);
            *error = tr("cannot create the audit key %1: %2").arg(QDir::toNativeSeparators(keyFile), reason);
            return false;
        case PlatformRenameNoReplace::Outcome::TargetExists:
            break;
        }
        // Another writer created it first: read theirs.
    }
    *error = tr("cannot create the audit key %1").arg(QDir::toNativeSeparators(keyFile));
    return false;
}

bool AuditLog::readTail(Tail *tail, QString *error)
{
    qint64 size = m_file.size();
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
        const QByteArray buffer = m_file.seek(start) ? m_file.read(chunk) : QByteArray();
        if (buffer.size() != chunk) {
            *error = failure(tr("cannot read the audit log"), m_file.errorString());
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
        QString reason;
        const bool cut = m_file.resize(keep);
        if (!cut)
            reason = m_file.errorString();
        if (!cut || !PlatformFileDurability::flushToDisk(m_file, &reason)) {
            *error = failure(tr("cannot cut the incomplete last line of the audit log"), reason);
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
    const PlatformFileLock lock(m_file);
    if (!lock.isLocked()) {
        *error = failure(tr("cannot lock the audit log"), lock.error());
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

    const qint64 sizeBefore = m_file.size();
    // One write for the whole line: a crash leaves either nothing or a prefix without '\n' (a torn tail).
    // The seek is for systems without O_APPEND semantics (Windows): under the lock the end is ours.
    m_file.seek(sizeBefore);
    const qint64 written = m_file.write(line);
    if (written != line.size()) {
        *error = failure(tr("cannot write to the audit log"), m_file.errorString());
        if (written > 0 && !m_file.resize(sizeBefore))
            qCWarning(lcAudit).noquote() << "a partial line stays in" << m_path << "; the next append cuts it";
        return 0;
    }
    QString reason;
    if (!PlatformFileDurability::flushToDisk(m_file, &reason)) {
        *error = failure(tr("cannot flush the audit log to disk"), reason);
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
