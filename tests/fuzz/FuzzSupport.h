#pragma once

// Shared helpers of the libFuzzer harnesses (tests/fuzz/README.md). Header-only, so each harness stays one
// translation unit that links against either libFuzzer's main or ReplayMain.cpp.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include <unistd.h>

namespace bankid::fuzz {

/// Creates the one QCoreApplication that QSslCertificate, QStandardPaths and tr() expect, and silences the
/// libraries' info/debug logging (millions of iterations would otherwise flood the fuzzer's output). Call it
/// from LLVMFuzzerInitialize(); the application lives until the process exits.
inline void initialize(int *argc, char ***argv)
{
    static QCoreApplication *application = nullptr;
    if (!application)
        application = new QCoreApplication(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
}

/// The fuzz input as a QByteArray that owns its bytes (libFuzzer's buffer is only valid during the call).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

/// The input parsed as a JSON object, as every receiver of a JSON body first does; nullopt otherwise.
inline std::optional<QJsonObject> jsonObject(const QByteArray &input)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(input, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

/// A broken invariant is a finding: print what was expected and abort, so libFuzzer saves the input as a
/// crash and the replay test fails. (Not assert(): it must hold in release builds too.)
[[noreturn]] inline void invariantBroken(const char *what, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s\n", file, line, what);
    std::abort();
}

/// A scratch file, unique to this process, for the APIs that only read paths (ClientIdentity::load,
/// ReceiptVerifier::verify). Each harness names its own, so two harnesses never share one.
/// The files are removed at a normal exit (libFuzzer's -max_total_time ends with exit()); a crash leaves them.
inline QString scratchPath(const char *name)
{
    static QStringList *paths = nullptr;
    if (!paths) {
        paths = new QStringList;
        std::atexit([] {
            for (const QString &path : std::as_const(*paths))
                QFile::remove(path);
        });
    }
    const QString path = QDir::temp().filePath(QStringLiteral("bankid-fuzz-%1-%2").arg(::getpid()).arg(QLatin1String(name)));
    paths->append(path);
    return path;
}

/// Replaces `path`'s content by `content`; aborts if it cannot (a harness that silently tests nothing is worse
/// than one that stops).
inline void writeScratch(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        invariantBroken("the scratch file can be written", __FILE__, __LINE__);
}

/// A fixture of tests/fuzz/fixtures (BANKID_FUZZ_FIXTURES_DIR is set by tests/fuzz/CMakeLists.txt); aborts when
/// it is missing, because every check behind it would silently stop meaning anything.
inline QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(BANKID_FUZZ_FIXTURES_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "missing fuzz fixture %s\n", name);
        std::abort();
    }
    return file.readAll();
}

} // namespace bankid::fuzz

/// FUZZ_EXPECT(condition): abort with the condition's text when it does not hold (see invariantBroken()).
#define FUZZ_EXPECT(condition) \
    ((condition) ? static_cast<void>(0) : ::bankid::fuzz::invariantBroken(#condition, __FILE__, __LINE__))
