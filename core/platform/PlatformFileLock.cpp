#include "PlatformFileLock.h"

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <sys/file.h>
#endif

namespace bankid {

#ifdef Q_OS_WIN
namespace {

// Windows branch: written against the Win32 documentation, not built here.
// One byte at offset 2^63 - 2: locking beyond the end of file is allowed ("LockFileEx: Locking a region that
// goes beyond the current end-of-file position is not an error") and no append ever reaches it.
constexpr DWORD LockOffsetLow = 0xFFFFFFFEu;
constexpr DWORD LockOffsetHigh = 0x7FFFFFFFu;

HANDLE nativeHandle(QFileDevice &file)
{
    return file.handle() < 0 ? INVALID_HANDLE_VALUE : reinterpret_cast<HANDLE>(::_get_osfhandle(file.handle()));
}

} // namespace
#endif

PlatformFileLock::PlatformFileLock(QFileDevice &file)
    : m_file(file)
{
    if (!file.isOpen() || file.handle() < 0) {
        m_error = tr("the file is not open");
        return;
    }
#ifndef Q_OS_WIN
    // POSIX branch: built and tested on Linux.
    int result = 0;
    do {
        result = ::flock(file.handle(), LOCK_EX);
    } while (result != 0 && errno == EINTR);
    m_locked = result == 0;
    if (!m_locked)
        m_error = qt_error_string(errno);
#else
    // Windows branch: written against the Win32 documentation, not built here. Without
    // LOCKFILE_FAIL_IMMEDIATELY the call waits for the lock (synchronous handle: Qt opens without
    // FILE_FLAG_OVERLAPPED, so the OVERLAPPED only carries the offset).
    OVERLAPPED where {};
    where.Offset = LockOffsetLow;
    where.OffsetHigh = LockOffsetHigh;
    const HANDLE handle = nativeHandle(file);
    m_locked = handle != INVALID_HANDLE_VALUE && ::LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK, 0, 1, 0, &where);
    if (!m_locked)
        m_error = qt_error_string(int(::GetLastError()));
#endif
}

PlatformFileLock::~PlatformFileLock()
{
    if (!m_locked)
        return;
#ifndef Q_OS_WIN
    ::flock(m_file.handle(), LOCK_UN);
#else
    OVERLAPPED where {};
    where.Offset = LockOffsetLow;
    where.OffsetHigh = LockOffsetHigh;
    ::UnlockFileEx(nativeHandle(m_file), 0, 1, 0, &where);
#endif
}

} // namespace bankid
