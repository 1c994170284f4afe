#include "BoundedFileReader.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bankid {

namespace {

QString systemError(int number)
{
    return QString::fromLocal8Bit(std::strerror(number));
}

/// Closes the descriptor when it goes out of scope.
struct FdCloser
{
    int fd;
    ~FdCloser() { ::close(fd); }
};

} // namespace

std::optional<QByteArray> BoundedFileReader::read(const QString &path, qint64 maxBytes, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    auto fail = [error](const QString &message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    auto tooLarge = [&](qint64 size) {
        return fail(tr("%1 is %2 bytes, larger than the limit of %3 bytes for this file: not read")
                        .arg(shown).arg(size).arg(maxBytes));
    };
    auto notRegular = [&]() {
        return fail(tr("%1 is not a regular file (a FIFO, device or socket): not read").arg(shown));
    };
    if (path.isEmpty())
        return fail(tr("no file name was given"));

    const QByteArray native = QFile::encodeName(path);
    struct stat before{};
    if (::stat(native.constData(), &before) != 0) {
        const int number = errno;
        if (number == ENOENT)
            return fail(tr("%1 does not exist").arg(shown));
        return fail(tr("%1 cannot be read: %2").arg(shown, systemError(number)));
    }
    if (S_ISDIR(before.st_mode))
        return fail(tr("%1 is a folder, not a file").arg(shown));
    if (!S_ISREG(before.st_mode))
        return notRegular(); // never opened: open() on a FIFO would block until a writer comes
    if (before.st_size > maxBytes)
        return tooLarge(before.st_size);

    // O_NONBLOCK: if the path was replaced by a FIFO since stat(), open() returns at once instead of waiting.
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        const int number = errno;
        return fail(tr("%1 cannot be read: %2").arg(shown, systemError(number)));
    }
    const FdCloser closer{fd};
    struct stat opened{};
    if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode))
        return notRegular();

    // Read at most maxBytes + 1: one byte more than allowed proves the file grew past the limit.
    QByteArray data;
    data.resize(qsizetype(std::min<qint64>(opened.st_size, maxBytes) + 1));
    qint64 total = 0;
    for (;;) {
        if (total == data.size()) {
            if (total > maxBytes)
                break;
            data.resize(qsizetype(std::min<qint64>(total * 2 + 4096, maxBytes + 1)));
        }
        const ssize_t got = ::read(fd, data.data() + total, size_t(data.size() - total));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            const int number = errno;
            return fail(tr("%1 cannot be read: %2").arg(shown, systemError(number)));
        }
        if (got == 0)
            break;
        total += got;
    }
    if (total > maxBytes)
        return fail(tr("%1 grew past the limit of %2 bytes while it was read: not read").arg(shown).arg(maxBytes));
    data.resize(qsizetype(total));
    return data;
}

} // namespace bankid
