#pragma once

#include <QCoreApplication>
#include <QFileDevice>
#include <QString>

namespace bankid {

/// Holds an exclusive lock on an open file for one scope (RAII): waits until no other holder is left.
///
/// Why not QLockFile: QLockFile is a separate "<name>.lock" file whose holder is found stale by its PID and
/// host name. A holder killed with SIGKILL is recognised on the same host, but on a shared network folder
/// (another host) only after the stale time (30 s by default), a reused PID can keep it "alive", and an
/// older desk that locks the log file itself would not see it during a roll-out. A lock on the file itself
/// is dropped by the operating system when its holder dies, whatever the host or PID, and needs no file.
///
/// Contract:
/// - The lock belongs to the open file description (POSIX flock(LOCK_EX), waited for and retried on
///   EINTR) or handle (Windows LockFileEx with LOCKFILE_EXCLUSIVE_LOCK): two QFile objects on the same
///   file, in one process or in two, exclude each other; a process that dies releases it.
/// - On Windows the locked range is one byte far beyond any real end of file: Windows byte-range locks are
///   mandatory, so locking the data itself would make readers (audit verify) fail while an append runs.
///   Every writer of the file must take this same lock before it writes.
/// - isLocked() false: `error()` holds the system's reason (the caller names the file); nothing is held.
///
/// POSIX branch: built and tested on Linux (tests/core/platform/TestPlatformFileLock.cpp).
/// Windows branch: written against the Win32 documentation, not built here.
///
/// \code
///   const PlatformFileLock lock(file);
///   if (!lock.isLocked()) return fail(tr("cannot lock %1: %2").arg(path, lock.error()));
///   ... read the tail, append, flush ...
/// \endcode
class PlatformFileLock
{
    Q_DECLARE_TR_FUNCTIONS(bankid::PlatformFileLock)

public:
    explicit PlatformFileLock(QFileDevice &file);
    ~PlatformFileLock();
    PlatformFileLock(const PlatformFileLock &) = delete;
    PlatformFileLock &operator=(const PlatformFileLock &) = delete;

    bool isLocked() const { return m_locked; }
    QString error() const { return m_error; }

private:
    QFileDevice &m_file;
    bool m_locked = false;
    QString m_error;
};

} // namespace bankid
