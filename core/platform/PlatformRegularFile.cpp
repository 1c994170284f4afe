#include "PlatformRegularFile.h"

#include <QDir>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bankid {

PlatformRegularFile::Outcome PlatformRegularFile::openForReading(const QString &path, QFile *file, QString *reason)
{
#ifndef Q_OS_WIN
    // POSIX branch: built and tested on Linux.
    int fd = -1;
    do {
        fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int number = errno;
        if (reason)
            *reason = qt_error_string(number);
        return number == ENOENT ? Outcome::Missing : Outcome::Failed;
    }
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
        ::close(fd);
        return Outcome::NotRegular;
    }
#else
    // Windows branch: written against the Win32 documentation, not built here.
    const QString native = QDir::toNativeSeparators(path);
    const HANDLE handle = ::CreateFileW(reinterpret_cast<const wchar_t *>(native.utf16()), GENERIC_READ,
                                       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                                       FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        const DWORD number = ::GetLastError();
        if (reason)
            *reason = qt_error_string(int(number));
        return number == ERROR_FILE_NOT_FOUND || number == ERROR_PATH_NOT_FOUND ? Outcome::Missing : Outcome::Failed;
    }
    if (::GetFileType(handle) != FILE_TYPE_DISK) {
        ::CloseHandle(handle);
        return Outcome::NotRegular;
    }
    // The C runtime descriptor owns the HANDLE from here: _close() (through QFile) closes both.
    const int fd = ::_open_osfhandle(reinterpret_cast<intptr_t>(handle), _O_RDONLY);
    if (fd < 0) {
        ::CloseHandle(handle);
        if (reason)
            *reason = qt_error_string(EMFILE);
        return Outcome::Failed;
    }
#endif
    if (!file->open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        if (reason)
            *reason = file->errorString();
#ifndef Q_OS_WIN
        ::close(fd);
#else
        ::_close(fd);
#endif
        return Outcome::Failed;
    }
    return Outcome::Opened;
}

} // namespace bankid
