#include "LockedOptions.h"

#include "AppSettings.h"
#include "DeskOptions.h"

#include <QDir>

namespace bankid {

namespace {

// The administrator's reason as the end of a sentence ("" when none): ": <reason>." .
QString reasonEnding(const AppSettings &settings)
{
    QString reason = settings.managed().givenReason();
    if (reason.isEmpty())
        return QStringLiteral(".");
    if (!reason.endsWith(QLatin1Char('.')) && !reason.endsWith(QLatin1Char('!')) && !reason.endsWith(QLatin1Char('?')))
        reason += QLatin1Char('.');
    return QStringLiteral(": ") + reason;
}

// "--cert cannot change certificate/file, which the administrator locked in <file>: <reason>."
QString lockedSentence(const QString &option, const QString &key, const AppSettings &settings)
{
    return LockedOptions::tr("%1 cannot change %2, which the administrator locked in %3%4")
        .arg(option, key, QDir::toNativeSeparators(settings.managed().fileName()), reasonEnding(settings));
}

// The task key of a --start flow (AppSettings::taskKeys()).
QString taskKey(Flow flow)
{
    switch (flow) {
    case Flow::Auth: return QStringLiteral("login");
    case Flow::PhoneAuth:
    case Flow::PhoneSign: return QStringLiteral("caller");
    case Flow::Sign:
    case Flow::Payment: return QStringLiteral("sign-text");
    }
    return {};
}

} // namespace

QString LockedOptions::refusal(const DeskOptions &options, const AppSettings &settings)
{
    // --url implies the custom environment, so a locked environment names both options.
    if (options.environment && settings.isLocked(SettingKey::Environment) && *options.environment != settings.environment())
        return lockedSentence(options.url.isEmpty() ? QStringLiteral("--environment") : QStringLiteral("--url"),
                              SettingKey::Environment, settings);
    if (!options.url.isEmpty() && settings.isLocked(SettingKey::CustomUrl) && options.url != settings.customUrl())
        return lockedSentence(QStringLiteral("--url"), SettingKey::CustomUrl, settings);
    if (!options.caFile.isEmpty() && settings.isLocked(SettingKey::CustomCaFile) && options.caFile != settings.customCaFile())
        return lockedSentence(QStringLiteral("--ca"), SettingKey::CustomCaFile, settings);
    if (!options.certFile.isEmpty() && settings.isLocked(SettingKey::CertificateFile)
        && options.certFile != settings.certificateFile())
        return lockedSentence(QStringLiteral("--cert"), SettingKey::CertificateFile, settings);
    // --cert without --cert-file means "no companion file": that changes a locked one too.
    const bool companionGiven = !options.certFile.isEmpty() || !options.certCompanionFile.isEmpty();
    if (companionGiven && settings.isLocked(SettingKey::KeyFile) && options.certCompanionFile != settings.keyFile())
        return lockedSentence(QStringLiteral("--cert-file"), SettingKey::KeyFile, settings);
    if (!options.language.isEmpty() && settings.isLocked(SettingKey::Language) && options.language != settings.language())
        return lockedSentence(QStringLiteral("--lang"), SettingKey::Language, settings);
    if (options.startFlow) {
        const QString task = taskKey(*options.startFlow);
        if (!settings.isTaskAllowed(task))
            return tr("--start %1 cannot start the task %2, which %3 does not allow at this desk%4")
                .arg(flowName(*options.startFlow), task, SettingKey::AllowedTasks, reasonEnding(settings));
    }
    return {};
}

} // namespace bankid
