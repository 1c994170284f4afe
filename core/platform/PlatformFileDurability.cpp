#include "PlatformFileDurability.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace bankid {

namespace {

void setReason(QString *reason, const QString &text)
{
    if (reason)
        *reason = text;
}

} // namespace

#ifndef Q_OS_WIN

// POSIX branch: built and tested on Linux.

bool PlatformFileDurability::flushToDisk(QFileDevice &file, QString *reason)
{
    if (!file.isOpen() || file.handle() < 0) {
        setReason(reason, tr("the file is not open"));
        return false;
    }
    if (!file.flush()) {
        setReason(reason, file.errorString());
        return false;
    }
    int result = 0;
    do {
        result = ::fsync(file.handle());
    } while (result != 0 && errno == EINTR);
    if (result != 0) {
        setReason(reason, qt_error_string(errno));
        return false;
    }
    return true;
}

bool PlatformFileDurability::syncFolder(const QString &folder, QString *reason)
{
    int fd = -1;
    do {
        fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        setReason(reason, qt_error_string(errno));
        return false;
    }
    const int result = ::fsync(fd);
    const int number = errno;
    ::close(fd);
    if (result != 0) {
        setReason(reason, qt_error_string(number));
        return false;
    }
    return true;
}

#else

// Windows branch: written against the Win32 documentation, not built here.
// QFile::handle() on Windows is a C runtime descriptor over Qt's HANDLE (_open_osfhandle); _get_osfhandle()
// gives the HANDLE back. FlushFileBuffers() needs GENERIC_WRITE on it, which a QFile opened for writing has.

bool PlatformFileDurability::flushToDisk(QFileDevice &file, QString *reason)
{
    if (!file.isOpen() || file.handle() < 0) {
        setReason(reason, tr("the file is not open"));
        return false;
    }
    if (!file.flush()) {
        setReason(reason, file.errorString());
        return false;
    }
    const HANDLE handle = reinterpret_cast<HANDLE>(::_get_osfhandle(file.handle()));
    if (handle == INVALID_HANDLE_VALUE || !::FlushFileBuffers(handle)) {
        setReason(reason, qt_error_string(int(::GetLastError())));
        return false;
    }
    return true;
}

bool PlatformFileDurability::syncFolder(const QString &folder, QString *reason)
{
    const QString native = QDir::toNativeSeparators(folder);
    // FILE_FLAG_BACKUP_SEMANTICS is required to open a directory; GENERIC_WRITE for FlushFileBuffers().
    const HANDLE handle = ::CreateFileW(reinterpret_cast<const wchar_t *>(native.utf16()), GENERIC_READ | GENERIC_WRITE,
                                       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING,
                                       FILE_FLAG_BACKUP_SEMANTICS, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        setReason(reason, qt_error_string(int(::GetLastError())));
        return false;
    }
    BY_HANDLE_FILE_INFORMATION information {};
    const bool isFolder = ::GetFileInformationByHandle(handle, &information)
        && (information.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
    const bool flushed = isFolder && ::FlushFileBuffers(handle);
    const DWORD number = ::GetLastError();
    ::CloseHandle(handle);
    if (!isFolder) {
        setReason(reason, tr("it is not a folder"));
        return false;
    }
    if (!flushed) {
        setReason(reason, qt_error_string(int(number)));
        return false;
    }
    return true;
}

#endif

} // namespace bankid
