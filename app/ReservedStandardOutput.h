#pragma once

#include <QString>

namespace bankid {

/// Keeps standard output for one writer: reserve() duplicates the process' standard output to a private
/// descriptor and points descriptor 1 at standard error. Whatever else writes to stdout afterwards (a C
/// library, a Qt plugin, a stray printf) lands on stderr, and only the holder of descriptor() writes the real
/// stdout. bankid-desk --once uses it so stdout carries its one JSON object and nothing else.
///
/// Platform file: POSIX dup/dup2 (built and tested here); Windows _dup/_dup2 from the CRT's <io.h> (NOT BUILT
/// HERE, written against the documented CRT API).
///
/// \code
///   bankid::ReservedStandardOutput out;
///   QString error;
///   if (!out.reserve(&error)) return fail(error);
///   QFile json;
///   json.open(out.descriptor(), QIODevice::WriteOnly, QFileDevice::AutoCloseHandle);
/// \endcode
class ReservedStandardOutput
{
public:
    /// Duplicates stdout and redirects descriptor 1 to stderr (flushing stdio's buffer first). False with
    /// `error` set when a descriptor call failed; stdout is then left as it was.
    bool reserve(QString *error);
    /// The private duplicate of the original standard output; -1 before reserve() succeeded.
    int descriptor() const { return m_descriptor; }

private:
    int m_descriptor = -1;
};

} // namespace bankid
