#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QString>

namespace bankid {

/// Opens a user-given path for reading only if it is a regular file, without ever blocking in the open.
///
/// Why: QFile::open() on a FIFO waits until a writer comes (and with it the event loop and Ctrl+C), and Qt
/// has no non-blocking open. BoundedFileReader checks the type with QFileInfo first; this closes the gap
/// of a path swapped for a FIFO, a device or a socket between that check and the open.
///
/// Contract:
/// - POSIX: open(O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) returns at once even for a FIFO without a
///   writer and never makes a terminal the controlling one; fstat() of the opened descriptor must say
///   S_ISREG. Windows: CreateFileW(GENERIC_READ, OPEN_EXISTING) shared for read, write and delete, and
///   GetFileType() must say FILE_TYPE_DISK (refuses pipes, consoles, NUL and COM devices); a folder fails
///   the open itself (no FILE_FLAG_BACKUP_SEMANTICS).
/// - Opened: `file` is open ReadOnly on the new descriptor and owns it (closed with `file`). Otherwise
///   nothing stays open and `reason` (may be null) holds the system's reason for Failed.
///
/// POSIX branch: built and tested on Linux (tests/core/platform/TestPlatformRegularFile.cpp).
/// Windows branch: written against the Win32 documentation, not built here.
class PlatformRegularFile
{
public:
    enum class Outcome { Opened, Missing, NotRegular, Failed };

    static Outcome openForReading(const QString &path, QFile *file, QString *reason);
};

} // namespace bankid
