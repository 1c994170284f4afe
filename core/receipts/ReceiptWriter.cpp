#include "ReceiptWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace bankid {

namespace {

/// The last fallback suffix: "FILE.bankid-receipt-999.json".
constexpr int MaxReceiptNumber = 999;

enum class Claim { Claimed, Exists, Failed };

/// Creates `path` empty and exclusively: QIODevice::NewOnly is O_CREAT|O_EXCL on POSIX and CREATE_NEW on
/// Windows, so it fails when anything, even a dangling link, is there. Qt reports no error code, so an
/// entry found at `path` after the failure tells "exists" from any other reason (a concurrent creator
/// counts as "exists", which is what it is).
Claim claim(const QString &path, QString *reason)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return Claim::Claimed;
    *reason = file.errorString();
    const QFileInfo there(path);
    return there.exists() || there.isSymLink() ? Claim::Exists : Claim::Failed;
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
        QString reason;
        switch (claim(path, &reason)) {
        case Claim::Exists:
            continue;
        case Claim::Failed:
            if (error)
                *error = tr("The receipt %1 could not be created: %2")
                             .arg(QDir::toNativeSeparators(path), reason);
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
    QString reason;
    switch (claim(path, &reason)) {
    case Claim::Exists:
        if (error)
            *error = tr("The file %1 already exists; a receipt is never written over another file.").arg(shown);
        return false;
    case Claim::Failed:
        if (error)
            *error = tr("The receipt %1 could not be created: %2").arg(shown, reason);
        return false;
    case Claim::Claimed:
        break;
    }
    return fill(receipt, path, error);
}

} // namespace bankid
