#include "DocumentDigest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace bankid {

namespace {

/// Read size per step: large enough for throughput, small enough that a huge file never sits in memory.
constexpr qint64 ChunkSize = 1024 * 1024;

} // namespace

QString DocumentDigest::sha256Hex() const
{
    return QString::fromLatin1(sha256.toHex());
}

std::optional<DocumentDigest> DocumentDigest::ofFile(const QString &path, QString *error,
                                                     const std::atomic_bool *cancelled)
{
    auto fail = [&](const QString &message) -> std::optional<DocumentDigest> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty())
        return fail(QCoreApplication::translate("bankid::DocumentDigest", "No document file was given."));

    const QFileInfo info(path);
    if (!info.exists())
        return fail(QCoreApplication::translate("bankid::DocumentDigest", "The document %1 does not exist.").arg(shown));
    // QFileInfo follows symbolic links, so a link to a regular file is accepted and a link to a folder is not.
    if (info.isDir())
        return fail(QCoreApplication::translate("bankid::DocumentDigest", "The document %1 is a folder, not a file.").arg(shown));
    if (!info.isFile())
        return fail(QCoreApplication::translate("bankid::DocumentDigest", "The document %1 is not a regular file (a device, pipe or socket cannot be signed).").arg(shown));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("bankid::DocumentDigest", "The document %1 cannot be read: %2").arg(shown, file.errorString()));

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        if (cancelled && cancelled->load())
            return fail(QCoreApplication::translate("bankid::DocumentDigest", "Computing the SHA-256 of %1 was cancelled.").arg(shown));
        const qint64 got = file.read(buffer.data(), ChunkSize);
        if (got < 0)
            return fail(QCoreApplication::translate("bankid::DocumentDigest", "The document %1 cannot be read: %2").arg(shown, file.errorString()));
        if (got == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), got));
        total += got;
    }

    DocumentDigest digest;
    digest.fileName = info.fileName();
    digest.size = total;
    digest.sha256 = hash.result();
    return digest;
}

} // namespace bankid
