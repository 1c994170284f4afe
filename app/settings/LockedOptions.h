#pragma once

#include <QCoreApplication>
#include <QString>

namespace bankid {

class AppSettings;
class DeskOptions;

/// The command line against the administrator's locks: an option may not change a locked setting, and
/// --start may not start a task the desk does not allow.
///
/// Contract: refusal() is empty when the options are fine, else one sentence naming the option, the locked
/// setting (its key in the system file) and the administrator's reason; main() prints it on stderr and
/// exits with status 2, like any other usage error. An option that repeats the locked value is fine (a
/// desk script may spell out what the administrator set). --password-env is never refused: a password or
/// PIN is not a setting.
///
/// \code
///   if (const QString refused = bankid::LockedOptions::refusal(options, settings); !refused.isEmpty())
///       return usageError(refused);
/// \endcode
class LockedOptions
{
    Q_DECLARE_TR_FUNCTIONS(bankid::LockedOptions)

public:
    static QString refusal(const DeskOptions &options, const AppSettings &settings);
};

} // namespace bankid
