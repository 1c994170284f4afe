#pragma once

#include <QString>

namespace bankid {

/// Moves a finished file to its final name only if that name is free, atomically: of two processes
/// publishing the same name at once exactly one wins and the other learns that the name is taken, and a
/// reader never sees a half-written file under the final name.
///
/// Why not QFile::rename(): when the system's rename fails (also because the target appeared after Qt's
/// own existence check), QFile falls back to copying the file over the target with Truncate, which would
/// replace what the winner just published.
///
/// Contract: POSIX: link(from, to) then unlink(from) (link() fails with EEXIST on any existing entry, even
/// a dangling link; a hard link works on every local file system this runs on). Windows: MoveFileExW(from,
/// to, MOVEFILE_WRITE_THROUGH) without MOVEFILE_REPLACE_EXISTING, which fails with ERROR_ALREADY_EXISTS or
/// ERROR_FILE_EXISTS. `from` is gone afterwards in every outcome except Failed before anything happened
/// (the caller removes it then). `reason` (may be null) holds the system's reason for Failed.
///
/// POSIX branch: built and tested on Linux (tests/core/platform/TestPlatformRenameNoReplace.cpp).
/// Windows branch: written against the Win32 documentation, not built here.
class PlatformRenameNoReplace
{
public:
    enum class Outcome { Renamed, TargetExists, Failed };

    static Outcome rename(const QString &from, const QString &to, QString *reason);
};

} // namespace bankid
