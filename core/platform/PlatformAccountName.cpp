#include "PlatformAccountName.h"

#ifdef Q_OS_WIN
#include <windows.h>
#include <lmcons.h> // UNLEN
#else
#include <pwd.h>
#include <unistd.h>
#endif

namespace bankid {

QString PlatformAccountName::current()
{
#ifndef Q_OS_WIN
    // POSIX branch: built and tested on Linux.
    if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_name && *entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return {};
#else
    // Windows branch: written against the Win32 documentation, not built here. The buffer size is in
    // characters including the terminating NUL; on success `size` counts that NUL too.
    wchar_t name[UNLEN + 1] = {};
    DWORD size = UNLEN + 1;
    if (!::GetUserNameW(name, &size) || size <= 1)
        return {};
    return QString::fromWCharArray(name, int(size - 1));
#endif
}

} // namespace bankid
