#pragma once

#include "Receipt.h"

#include <QCoreApplication>
#include <QString>

namespace bankid {

/// Writes receipts atomically and never over an existing file.
///
/// Contract:
/// - The target name is claimed first with an exclusive create (QIODevice::NewOnly: O_CREAT|O_EXCL, on
///   Windows CREATE_NEW: no other writer, and no existing receipt, can be replaced — no race window), then
///   the content goes through QSaveFile (temporary file, flush, fsync, rename over the claimed empty file),
///   so a reader sees either nothing/empty or the whole receipt. On failure the claimed name is removed again.
/// - write() tries Receipt::defaultPathFor(documentPath), then "FILE.bankid-receipt-2.json", -3, ... up to
///   -999; the caller must tell the user which name was used when it is not the first (never silent).
/// - Errors are one sentence naming the path and the operating system's reason (disk full, read-only folder,
///   permission), and the caller still holds the Receipt to save elsewhere: nothing is lost.
///
///     QString error;
///     const QString written = bankid::ReceiptWriter::write(receipt, documentPath, &error);
///     if (written.isEmpty())
///         showError(error);
///     else if (written != bankid::Receipt::defaultPathFor(documentPath))
///         showNotice(tr("A receipt already existed; this one was saved as %1").arg(written));
class ReceiptWriter
{
    Q_DECLARE_TR_FUNCTIONS(bankid::ReceiptWriter)

public:
    /// The path written, or empty with `error` set.
    static QString write(const Receipt &receipt, const QString &documentPath, QString *error);
    /// Writes exactly `path`; fails (naming the path) when it already exists.
    static bool writeTo(const Receipt &receipt, const QString &path, QString *error);
};

} // namespace bankid
