#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace bankid {

/// Reads a whole user-given file, bounded: for every file the programs read in one piece (certificates,
/// keys, CA and root files, passwords, signatures, OCSP responses, audit logs).
///
/// Contract:
/// - Only a regular file (a symbolic link to one is followed) is read. A missing path, a directory, a FIFO,
///   a device (/dev/zero) or a socket is refused with a sentence naming the path. The type is checked
///   (QFileInfo) before the open, so a FIFO is never opened (open() on a FIFO blocks until a writer comes,
///   and a blocked open() or read() would stop the event loop and with it Ctrl+C); the open itself is
///   non-blocking and the opened file is checked again (PlatformRegularFile: O_NONBLOCK + fstat on POSIX,
///   GetFileType on Windows), so a path swapped for a FIFO in between cannot hang either.
/// - A file larger than `maxBytes` is refused with a sentence naming its size and the limit; at most
///   `maxBytes + 1` bytes are ever read, so a file that grows during the read is refused, not slurped.
/// - Never blocks beyond the disk's own latency; allocates at most `maxBytes + 1` bytes.
///
/// \code
///   QString error;
///   const auto pem = bankid::BoundedFileReader::read(path, bankid::BoundedFileReader::MaxCertificateBytes, &error);
///   if (!pem)
///       return error; // e.g. "/tmp/fifo is not a regular file (a FIFO, device or socket): not read"
/// \endcode
class BoundedFileReader
{
    Q_DECLARE_TR_FUNCTIONS(bankid::BoundedFileReader)

public:
    /// A certificate, a key, a PKCS#12 bundle, a CA or root bundle: a few kilobytes each; a system-wide CA
    /// bundle is about 200 KB. 4 MiB leaves room for any real one and stops /dev/zero-sized mistakes.
    static constexpr qint64 MaxCertificateBytes = 4 * 1024 * 1024;
    /// A completionData signature (XML, about 10 KB, base64) or an OCSP response (a few KB): same bound as
    /// a certificate file.
    static constexpr qint64 MaxEvidenceBytes = 4 * 1024 * 1024;
    /// A password file holds one line; 4 KiB is far beyond any password.
    static constexpr qint64 MaxPasswordBytes = 4 * 1024;
    /// The audit log grows by a few hundred bytes per order; 256 MiB is about a million orders. It is
    /// verified in memory, so the bound is also the memory the verifier may use.
    static constexpr qint64 MaxAuditLogBytes = 256 * 1024 * 1024;

    /// The bytes of the regular file at `path` (at most `maxBytes`), or nullopt with one sentence in
    /// `error` (may be null) naming the path and the reason.
    static std::optional<QByteArray> read(const QString &path, qint64 maxBytes, QString *error);
};

} // namespace bankid
