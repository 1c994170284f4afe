#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace bankid::test {

/// The environment for a bankid-cli child of a test: this process' environment with an English UTF-8 locale
/// (C.UTF-8, no LANGUAGE), no QT_LOGGING_RULES, and XDG_DATA_HOME / HOME pointing at the test's own folders,
/// so the embedded simulator's state (EvidenceRoots::deskSimulatorStateDir() of the child) never touches the
/// real user data and is never shared with a test running in parallel.
///
///     CliProcess process(program, arguments, isolatedCliEnvironment(dir.filePath("data"), dir.filePath("home")));
QProcessEnvironment isolatedCliEnvironment(const QString &dataHome, const QString &home);

} // namespace bankid::test
