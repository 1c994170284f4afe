#include "PlatformRenameNoReplace.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <cerrno>
#include <unistd.h>
#endif

namespace bankid {

PlatformRenameNoReplace::Outcome PlatformRenameNoReplace::rename(const QString &from, const QString &to, QString *reason)
{
#ifndef Q_OS_WIN
    // POSIX branch: built and tested on Linux.
    const QByteArray source = QFile::encodeName(from);
    const bool linked = ::link(source.constData(), QFile::encodeName(to).constData()) == 0;
    const int number = errno;
    ::unlink(source.constData());
    if (linked)
        return Outcome::Renamed;
    if (number == EEXIST)
        return Outcome::TargetExists;
    if (reason)
        *reason = qt_error_string(number);
    return Outcome::Failed;
#else
    // Windows branch: written against the Win32 documentation, not built here.
    const QString source = QDir::toNativeSeparators(from);
    if (::MoveFileExW(reinterpret_cast<const wchar_t *>(source.utf16()),
                      reinterpret_cast<const wchar_t *>(QDir::toNativeSeparators(to).utf16()), MOVEFILE_WRITE_THROUGH))
        return Outcome::Renamed;
    const DWORD number = ::GetLastError();
    ::DeleteFileW(reinterpret_cast<const wchar_t *>(source.utf16()));
    if (number == ERROR_ALREADY_EXISTS || number == ERROR_FILE_EXISTS)
        return Outcome::TargetExists;
    if (reason)
        *reason = qt_error_string(int(number));
    return Outcome::Failed;
#endif
}

} // namespace bankid
