#pragma once

#include <QByteArray>
#include <QString>

namespace bankid::test {

/// A minimal, valid one-page A4 PDF 1.4 (about 400 bytes) showing `text` in Helvetica, with a correct
/// cross-reference table: the document the signing tests sign, move and tamper with.
///
/// Contract: deterministic (the same `text` gives the same bytes, so a test can recompute its digest);
/// starts with "%PDF-1.4\n" and ends with "%%EOF\n". `text` goes into a PDF string literal as is: it must not
/// contain unbalanced parentheses or backslashes.
///
///     QVERIFY(test::writeFile(path, test::minimalPdf("Contract 42")));
QByteArray minimalPdf(const QByteArray &text);

/// Writes `bytes` to `path` (created or truncated). True when every byte was written.
bool writeFile(const QString &path, const QByteArray &bytes);

/// The whole content of `path`; empty when it cannot be opened (as for an empty file: a test that needs to
/// tell them apart checks the file itself).
QByteArray readFile(const QString &path);

} // namespace bankid::test
