#include "BoundedFileReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "PlatformRegularFile.h"

namespace bankid {

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

    // The type first, through Qt (stat() on POSIX), so a FIFO is never opened: open() on a FIFO would block
    // until a writer comes. A path whose metadata cannot be read (missing, or a folder on the way not
    // searchable) goes on to the open below, which names the system's reason.
    const QFileInfo before(path);
    if (before.isDir())
        return fail(tr("%1 is a folder, not a file").arg(shown));
    if (before.exists() && !before.isFile())
        return notRegular();
    if (before.isFile() && before.size() > maxBytes)
        return tooLarge(before.size());

    // Non-blocking, and the opened file's type checked again: a path replaced by a FIFO since the check
    // above cannot hang the read either (PlatformRegularFile).
    QFile file;
    QString reason;
    switch (PlatformRegularFile::openForReading(path, &file, &reason)) {
    case PlatformRegularFile::Outcome::Opened:
        break;
    case PlatformRegularFile::Outcome::Missing:
        return fail(tr("%1 does not exist").arg(shown));
    case PlatformRegularFile::Outcome::NotRegular:
        return notRegular();
    case PlatformRegularFile::Outcome::Failed:
        return fail(tr("%1 cannot be read: %2").arg(shown, reason));
    }

    // Read at most maxBytes + 1: one byte more than allowed proves the file grew past the limit.
    QByteArray data;
    data.resize(qsizetype(std::min<qint64>(file.size(), maxBytes) + 1));
    qint64 total = 0;
    for (;;) {
        if (total == data.size()) {
            if (total > maxBytes)
                break;
            data.resize(qsizetype(std::min<qint64>(total * 2 + 4096, maxBytes + 1)));
        }
        const qint64 got = file.read(data.data() + total, data.size() - total);
        if (got < 0)
            return fail(tr("%1 cannot be read: %2").arg(shown, file.errorString()));
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
