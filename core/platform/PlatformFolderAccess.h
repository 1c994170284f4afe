#pragma once

#include <QString>

namespace bankid {

/// Whether this process may create files in a folder, asked of the operating system with the process's
/// real permissions (ACLs, read-only mounts), before any work that ends in writing there (a receipt next to
/// the signed document). Qt's QFileInfo::isWritable() does not answer it on Windows (it looks at the
/// read-only attribute only, which Windows ignores for folders, unless NTFS permission lookup is on).
///
/// Contract: POSIX: access(folder, W_OK | X_OK) (write: a new entry; search: open it). Windows: the folder's
/// security descriptor (GetFileSecurityW: owner, group, DACL) checked with AccessCheck() against the
/// process token (impersonation copy) for FILE_ADD_FILE | FILE_TRAVERSE. False with the system's reason in
/// `reason` (may be null) otherwise. Only a first check: the write itself still reports its own error.
///
/// POSIX branch: built and tested on Linux (tests/core/platform/TestPlatformFolderAccess.cpp).
/// Windows branch: written against the Win32 documentation, not built here.
class PlatformFolderAccess
{
public:
    static bool canCreateFilesIn(const QString &folder, QString *reason);
};

} // namespace bankid
