#include "AuditEntry.h"

#include "PlatformAccountName.h"

#include <QJsonArray>

namespace bankid {

namespace {

// The member names of an entry in the log (the chain members v, seq, time, prev belong to AuditLog).
constexpr QLatin1String OperatorKey("operator");
constexpr QLatin1String FlowKey("flow");
constexpr QLatin1String EnvironmentKey("environment");
constexpr QLatin1String MaskedKey("personalNumberMasked");
constexpr QLatin1String HashKey("personalNumberHash");
constexpr QLatin1String HintsKey("hints");
constexpr QLatin1String OutcomeKey("outcome");
constexpr QLatin1String DetailKey("outcomeDetail");
constexpr QLatin1String RfaKey("rfa");
constexpr QLatin1String OrderRefKey("orderRef");
constexpr QLatin1String StartedKey("startedAt");
constexpr QLatin1String FinishedKey("finishedAt");
constexpr QLatin1String VersionKey("appVersion");

// Optional string member: absent is empty, present must be a string.
bool readString(const QJsonObject &json, QLatin1String key, QString *value, QString *error)
{
    const QJsonValue member = json.value(key);
    if (member.isUndefined())
        return true;
    if (!member.isString()) {
        *error = AuditEntry::tr("the member \"%1\" is not a string").arg(key);
        return false;
    }
    *value = member.toString();
    return true;
}

bool readTime(const QJsonObject &json, QLatin1String key, QDateTime *value, QString *error)
{
    QString text;
    if (!readString(json, key, &text, error))
        return false;
    if (text.isEmpty())
        return true;
    *value = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!value->isValid()) {
        *error = AuditEntry::tr("the member \"%1\" is not an ISO-8601 time: %2").arg(key, text);
        return false;
    }
    return true;
}

} // namespace

QString auditTimestamp(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject AuditEntry::toJson() const
{
    QJsonObject json;
    json.insert(OperatorKey, operatorName);
    json.insert(FlowKey, flow);
    json.insert(EnvironmentKey, environment);
    if (!personalNumberMasked.isEmpty())
        json.insert(MaskedKey, personalNumberMasked);
    if (!personalNumberHash.isEmpty())
        json.insert(HashKey, personalNumberHash);
    json.insert(HintsKey, QJsonArray::fromStringList(hints));
    json.insert(OutcomeKey, outcomeName(outcome));
    if (!outcomeDetail.isEmpty())
        json.insert(DetailKey, outcomeDetail);
    if (!rfa.isEmpty())
        json.insert(RfaKey, rfa);
    if (!orderRef.isEmpty())
        json.insert(OrderRefKey, orderRef);
    json.insert(StartedKey, auditTimestamp(startedAt));
    json.insert(FinishedKey, auditTimestamp(finishedAt));
    json.insert(VersionKey, appVersion);
    return json;
}

std::optional<AuditEntry> AuditEntry::fromJson(const QJsonObject &json, QString *error)
{
    AuditEntry entry;
    QString outcome;
    if (!readString(json, OperatorKey, &entry.operatorName, error) || !readString(json, FlowKey, &entry.flow, error)
        || !readString(json, EnvironmentKey, &entry.environment, error)
        || !readString(json, MaskedKey, &entry.personalNumberMasked, error)
        || !readString(json, HashKey, &entry.personalNumberHash, error)
        || !readString(json, OutcomeKey, &outcome, error) || !readString(json, DetailKey, &entry.outcomeDetail, error)
        || !readString(json, RfaKey, &entry.rfa, error) || !readString(json, OrderRefKey, &entry.orderRef, error)
        || !readTime(json, StartedKey, &entry.startedAt, error) || !readTime(json, FinishedKey, &entry.finishedAt, error)
        || !readString(json, VersionKey, &entry.appVersion, error))
        return std::nullopt;

    const QJsonValue hints = json.value(HintsKey);
    if (!hints.isUndefined() && !hints.isArray()) {
        *error = tr("the member \"%1\" is not an array").arg(HintsKey);
        return std::nullopt;
    }
    for (const QJsonValue hint : hints.toArray()) {
        if (!hint.isString()) {
            *error = tr("the member \"%1\" holds something other than strings").arg(HintsKey);
            return std::nullopt;
        }
        entry.hints.append(hint.toString());
    }
    const auto parsedOutcome = outcomeFromName(outcome);
    if (!parsedOutcome) {
        *error = tr("the member \"%1\" is not complete, failed, error or cancelled: \"%2\"").arg(OutcomeKey, outcome);
        return std::nullopt;
    }
    entry.outcome = *parsedOutcome;
    return entry;
}

QString AuditEntry::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Complete: return QStringLiteral("complete");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Error: return QStringLiteral("error");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<AuditEntry::Outcome> AuditEntry::outcomeFromName(const QString &name)
{
    for (const Outcome outcome : {Outcome::Complete, Outcome::Failed, Outcome::Error, Outcome::Cancelled}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

QString AuditEntry::outcomeText() const
{
    QString text;
    switch (outcome) {
    case Outcome::Complete: text = tr("complete"); break;
    case Outcome::Failed: text = tr("failed"); break;
    case Outcome::Error: text = tr("error"); break;
    case Outcome::Cancelled: text = tr("cancelled"); break;
    }
    //: %1 the outcome ("failed"), %2 its detail: a hintCode such as userCancel, or an error kind
    return outcomeDetail.isEmpty() ? text : tr("%1 (%2)").arg(text, outcomeDetail);
}

QString AuditEntry::currentOperator()
{
    // The operating system's account name first (PlatformAccountName): USER and friends are set by whoever
    // starts the process, so they are only a fallback (containers without a passwd entry for the uid).
    if (const QString account = PlatformAccountName::current(); !account.isEmpty())
        return account;
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("unknown");
}

} // namespace bankid
