#include "PlatformFolderAccess.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_WIN
#include <windows.h>
#include <QByteArray>
#else
#include <cerrno>
#include <unistd.h>
#endif

namespace bankid {

bool PlatformFolderAccess::canCreateFilesIn(const QString &folder, QString *reason)
{
#ifndef Q_OS_WIN
    // POSIX branch: built and tested on Linux.
    if (::access(QFile::encodeName(folder).constData(), W_OK | X_OK) == 0)
        return true;
    if (reason)
        *reason = qt_error_string(errno);
    return false;
#else
    // Windows branch: written against the Win32 documentation, not built here ("How to check access rights
    // of a file": GetFileSecurityW + OpenProcessToken/DuplicateToken + MapGenericMask + AccessCheck).
    const QString native = QDir::toNativeSeparators(folder);
    const auto *path = reinterpret_cast<const wchar_t *>(native.utf16());
    const auto fail = [reason](DWORD number) {
        if (reason)
            *reason = qt_error_string(int(number));
        return false;
    };
    const SECURITY_INFORMATION what = OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    DWORD needed = 0;
    ::GetFileSecurityW(path, what, nullptr, 0, &needed);
    if (needed == 0)
        return fail(::GetLastError());
    QByteArray descriptor(qsizetype(needed), Qt::Uninitialized);
    if (!::GetFileSecurityW(path, what, descriptor.data(), needed, &needed))
        return fail(::GetLastError());
    HANDLE processToken = nullptr;
    if (!::OpenProcessToken(::GetCurrentProcess(), TOKEN_QUERY | TOKEN_DUPLICATE, &processToken))
        return fail(::GetLastError());
    HANDLE token = nullptr;
    const bool duplicated = ::DuplicateToken(processToken, SecurityImpersonation, &token);
    const DWORD duplicateError = ::GetLastError();
    ::CloseHandle(processToken);
    if (!duplicated)
        return fail(duplicateError);
    GENERIC_MAPPING mapping {FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS};
    DWORD desired = FILE_ADD_FILE | FILE_TRAVERSE;
    ::MapGenericMask(&desired, &mapping);
    PRIVILEGE_SET privileges {};
    DWORD privilegesSize = sizeof privileges;
    DWORD granted = 0;
    BOOL allowed = FALSE;
    const bool checked = ::AccessCheck(descriptor.data(), token, desired, &mapping, &privileges, &privilegesSize,
                                       &granted, &allowed);
    const DWORD checkError = ::GetLastError();
    ::CloseHandle(token);
    if (!checked)
        return fail(checkError);
    if (!allowed)
        return fail(ERROR_ACCESS_DENIED);
    return true;
#endif
}

} // namespace bankid
