#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <optional>

namespace bankid {

/// The identity of a document to be signed: its file name (no folder), size and SHA-256.
///
/// Contract: ofFile() streams the file in fixed-size chunks (a multi-gigabyte file never sits in memory)
/// and fails — with a sentence naming the file and the operating system's reason — for a missing,
/// unreadable or non-regular file (a folder, a device). sha256 is the 32 raw bytes. Safe to call from any
/// thread.
///
///     QString error;
///     const auto digest = bankid::DocumentDigest::ofFile(path, &error);
///     if (!digest)
///         return fail(error);
///     qInfo() << digest->fileName << digest->size << digest->sha256Hex();
struct DocumentDigest {
    QString fileName;  ///< the base name, e.g. "contract.pdf"
    qint64 size = 0;   ///< bytes
    QByteArray sha256; ///< 32 raw bytes

    /// 64 lowercase hex digits.
    QString sha256Hex() const;

    /// `cancelled` (optional) is checked before every chunk: when it becomes true the read stops and the result
    /// is std::nullopt with `error` saying it was cancelled (front ends set it when the user picks another file
    /// or the window closes, so a multi-gigabyte hash never outlives its page).
    static std::optional<DocumentDigest> ofFile(const QString &path, QString *error,
                                                const std::atomic_bool *cancelled = nullptr);
};

} // namespace bankid
