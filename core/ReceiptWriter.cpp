#include "ReceiptWriter.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace bankid {

namespace {

/// The last fallback suffix: "FILE.bankid-receipt-999.json".
constexpr int MaxReceiptNumber = 999;

enum class Claim { Claimed, Exists, Failed };

/// Creates `path` empty and exclusively (fails with EEXIST when anything, even a dangling link, is there).
Claim claim(const QString &path, int *errorCode)
{
    const QByteArray native = QFile::encodeName(path);
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        *errorCode = errno;
        return errno == EEXIST ? Claim::Exists : Claim::Failed;
    }
    ::close(fd);
    return Claim::Claimed;
}

QString numberedPath(const QString &documentPath, int number)
{
    if (number <= 1)
        return Receipt::defaultPathFor(documentPath);
    return documentPath + QStringLiteral(".bankid-receipt-%1.json").arg(number);
}

/// Fills the claimed (empty, ours) `path` through QSaveFile; removes the claim on failure.
bool fill(const Receipt &receipt, const QString &path, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        const QByteArray bytes = receipt.toBytes();
        ok = file.write(bytes) == bytes.size();
        if (ok)
            ok = file.commit(); // flush, fsync, rename over the claimed empty file
    }
    if (!ok) {
        const QString reason = file.errorString();
        file.cancelWriting();
        QFile::remove(path);
        if (error)
            *error = ReceiptWriter::tr("The receipt %1 could not be written: %2").arg(shown, reason);
    }
    return ok;
}

} // namespace

QString ReceiptWriter::write(const Receipt &receipt, const QString &documentPath, QString *error)
{
    if (documentPath.isEmpty()) {
        if (error)
            *error = tr("No document was given to write a receipt for.");
        return QString();
    }
    for (int number = 1; number <= MaxReceiptNumber; ++number) {
        const QString path = numberedPath(documentPath, number);
        int errorCode = 0;
        switch (claim(path, &errorCode)) {
        case Claim::Exists:
            continue;
        case Claim::Failed:
            if (error)
                *error = tr("The receipt %1 could not be created: %2")
                             .arg(QDir::toNativeSeparators(path), qt_error_string(errorCode));
            return QString();
        case Claim::Claimed:
            return fill(receipt, path, error) ? path : QString();
        }
    }
    if (error)
        *error = tr("No free receipt name next to %1: %2 to %3 all exist.")
                     .arg(QDir::toNativeSeparators(documentPath),
                          QDir::toNativeSeparators(numberedPath(documentPath, 1)),
                          QDir::toNativeSeparators(numberedPath(documentPath, MaxReceiptNumber)));
    return QString();
}

bool ReceiptWriter::writeTo(const Receipt &receipt, const QString &path, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (path.isEmpty()) {
        if (error)
            *error = tr("No file name was given for the receipt.");
        return false;
    }
    int errorCode = 0;
    switch (claim(path, &errorCode)) {
    case Claim::Exists:
        if (error)
            *error = tr("The file %1 already exists; a receipt is never written over another file.").arg(shown);
        return false;
    case Claim::Failed:
        if (error)
            *error = tr("The receipt %1 could not be created: %2").arg(shown, qt_error_string(errorCode));
        return false;
    case Claim::Claimed:
        break;
    }
    return fill(receipt, path, error);
}

} // namespace bankid
