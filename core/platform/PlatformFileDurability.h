#pragma once

#include <QCoreApplication>
#include <QFileDevice>
#include <QString>

namespace bankid {

/// Makes written data and new directory entries survive a crash or a power loss: what Qt does not offer for
/// an open QFile (QSaveFile::commit() syncs only its own temporary file, and nothing in Qt syncs a folder).
///
/// Contract:
/// - flushToDisk() writes Qt's buffer and then has the operating system put the file's data and size on
///   the disk before it returns: fsync() on POSIX, FlushFileBuffers() on Windows. False when the file is
///   not open or the system refuses (EIO, ENOSPC on delayed allocation, EBADF for a handle closed behind
///   Qt's back).
/// - syncFolder() makes the entries of `folder` (a file just created or renamed in it) durable: fsync() of
///   the folder opened O_DIRECTORY on POSIX; on Windows FlushFileBuffers() on the folder opened with
///   FILE_FLAG_BACKUP_SEMANTICS (NTFS journals its directory changes, so this is belt and braces there).
///   False for a missing folder (ENOENT) or a path that is not a folder (ENOTDIR).
/// - On false, `reason` (may be null) holds the system's reason ("No such file or directory"); the caller
///   writes the sentence that names the file.
///
/// POSIX branch: built and tested on Linux (tests/core/platform/TestPlatformFileDurability.cpp).
/// Windows branch: written against the Win32 documentation, not built here.
///
/// \code
///   QString reason;
///   if (!PlatformFileDurability::flushToDisk(file, &reason))
///       return fail(tr("cannot flush %1 to disk: %2").arg(file.fileName(), reason));
/// \endcode
class PlatformFileDurability
{
    Q_DECLARE_TR_FUNCTIONS(bankid::PlatformFileDurability)

public:
    static bool flushToDisk(QFileDevice &file, QString *reason);
    static bool syncFolder(const QString &folder, QString *reason);
};

} // namespace bankid
