#include "AuditCommand.h"

#include "AuditLog.h"
#include "AuditVerifier.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace bankid {

QString AuditCommand::parse(const QStringList &words, QString *file)
{
    if (words.isEmpty())
        return tr("audit needs a sub-command: audit verify [FILE]");
    if (words.first() != QLatin1String("verify"))
        return tr("unknown audit sub-command '%1': use audit verify [FILE]").arg(words.first());
    if (words.size() > 2)
        return tr("audit verify takes at most one FILE, not '%1'").arg(words.mid(1).join(QLatin1Char(' ')));
    *file = words.value(1);
    return {};
}

AuditCommand::Result AuditCommand::verify(const QString &file, bool json)
{
    const QString path = file.isEmpty() ? AuditLog::deskLogPath() : file;
    Result result;
    if (!QFileInfo(path).isFile()) {
        result.code = ExitCode::Usage;
        result.error = file.isEmpty()
            ? tr("the desk's audit log %1 does not exist (no order was run yet?); give a FILE to check another log")
                  .arg(QDir::toNativeSeparators(path))
            : tr("audit verify: %1 is not a file").arg(QDir::toNativeSeparators(path));
        return result;
    }
    const AuditVerifier::Report report = AuditVerifier::verifyFile(path);
    if (report.problem == AuditVerifier::Problem::Unreadable) {
        result.code = ExitCode::Usage;
        result.error = report.message;
        return result;
    }
    result.code = report.ok() ? ExitCode::Complete : ExitCode::OrderFailed;
    if (json) {
        QJsonObject object{
            {QStringLiteral("file"), path},
            {QStringLiteral("ok"), report.ok()},
            {QStringLiteral("verifiedEntries"), report.verifiedEntries},
            {QStringLiteral("headSeq"), report.headSeq},
            {QStringLiteral("headHash"), report.headHash},
            {QStringLiteral("tornLastLine"), report.tornTail ? QJsonValue(report.tornLine) : QJsonValue()},
        };
        if (!report.ok()) {
            object.insert(QStringLiteral("problem"), AuditVerifier::problemName(report.problem));
            object.insert(QStringLiteral("line"), report.line);
            object.insert(QStringLiteral("message"), report.message);
        }
        result.output = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        result.output = QDir::toNativeSeparators(path) + QLatin1String(": ") + report.summary() + u'\n';
    }
    return result;
}

} // namespace bankid
