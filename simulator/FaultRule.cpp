#include "FaultRule.h"

#include <QLocale>
#include <QStringList>

namespace bankid::sim {

namespace {

const QStringList &knownEndpoints()
{
    static const QStringList endpoints = {QStringLiteral("auth"),       QStringLiteral("sign"),
                                          QStringLiteral("payment"),    QStringLiteral("phone/auth"),
                                          QStringLiteral("phone/sign"), QStringLiteral("collect"),
                                          QStringLiteral("cancel"),     QStringLiteral("verify"),
                                          QStringLiteral("*")};
    return endpoints;
}

QString kindSpelling(FaultRule::Kind kind, int delayMs)
{
    switch (kind) {
    case FaultRule::Kind::InternalError:
        return QStringLiteral("500");
    case FaultRule::Kind::Maintenance:
        return QStringLiteral("503");
    case FaultRule::Kind::TooManyRequests:
        return QStringLiteral("429");
    case FaultRule::Kind::RequestTimeout:
        return QStringLiteral("408");
    case FaultRule::Kind::HtmlErrorPage:
        return QStringLiteral("html");
    case FaultRule::Kind::TruncatedJson:
        return QStringLiteral("truncate");
    case FaultRule::Kind::Delay:
        return QStringLiteral("delay=") + QString::number(delayMs);
    case FaultRule::Kind::CloseConnection:
        return QStringLiteral("close");
    case FaultRule::Kind::BadGateway:
        return QStringLiteral("502");
    case FaultRule::Kind::ProcessedThenClose:
        return QStringLiteral("processed-close");
    case FaultRule::Kind::PartialAnswer:
        return QStringLiteral("partial");
    }
    return {};
}

} // namespace

std::optional<FaultRule> FaultRule::parse(const QString &spec, QString *error)
{
    auto fail = [error, &spec](const QString &why) -> std::optional<FaultRule> {
        if (error)
            *error = QStringLiteral("fault spec \"") + spec + QStringLiteral("\": ") + why;
        return std::nullopt;
    };
    QStringList parts = spec.trimmed().split(QLatin1Char(':'));
    // "phone/auth" contains no ':' so a plain split works; at least endpoint and kind are needed.
    if (parts.size() < 2)
        return fail(QStringLiteral("expected <endpoint>:<kind>[:count=N][:p=P]"));
    FaultRule rule;
    rule.endpoint = parts.takeFirst();
    if (!knownEndpoints().contains(rule.endpoint))
        return fail(QStringLiteral("unknown endpoint \"") + rule.endpoint
                    + QStringLiteral("\" (use auth, sign, payment, phone/auth, phone/sign, collect, cancel or *)"));
    const QString kind = parts.takeFirst();
    if (kind == QLatin1String("500")) {
        rule.kind = Kind::InternalError;
    } else if (kind == QLatin1String("502")) {
        rule.kind = Kind::BadGateway;
    } else if (kind == QLatin1String("processed-close")) {
        rule.kind = Kind::ProcessedThenClose;
    } else if (kind == QLatin1String("partial")) {
        rule.kind = Kind::PartialAnswer;
    } else if (kind == QLatin1String("503")) {
        rule.kind = Kind::Maintenance;
    } else if (kind == QLatin1String("429")) {
        rule.kind = Kind::TooManyRequests;
    } else if (kind == QLatin1String("408")) {
        rule.kind = Kind::RequestTimeout;
    } else if (kind == QLatin1String("html")) {
        rule.kind = Kind::HtmlErrorPage;
    } else if (kind == QLatin1String("truncate")) {
        rule.kind = Kind::TruncatedJson;
    } else if (kind == QLatin1String("close")) {
        rule.kind = Kind::CloseConnection;
    } else if (kind.startsWith(QLatin1String("delay="))) {
        bool ok = false;
        rule.delayMs = kind.mid(6).toInt(&ok);
        if (!ok || rule.delayMs < 0 || rule.delayMs > 600000)
            return fail(QStringLiteral("delay must be 0..600000 ms, got \"") + kind.mid(6) + QLatin1Char('"'));
        rule.kind = Kind::Delay;
    } else {
        return fail(QStringLiteral("unknown kind \"") + kind
                    + QStringLiteral("\" (use 500, 502, 503, 429, 408, html, truncate, close, processed-close, partial or delay=MS)"));
    }
    for (const QString &option : parts) {
        bool ok = false;
        if (option.startsWith(QLatin1String("count="))) {
            rule.remaining = option.mid(6).toInt(&ok);
            if (!ok || rule.remaining < 1)
                return fail(QStringLiteral("count must be a whole number >= 1, got \"") + option.mid(6)
                            + QLatin1Char('"'));
        } else if (option.startsWith(QLatin1String("p="))) {
            rule.probability = option.mid(2).toDouble(&ok);
            if (!ok || rule.probability < 0.0 || rule.probability > 1.0)
                return fail(QStringLiteral("p must be a number in 0..1, got \"") + option.mid(2) + QLatin1Char('"'));
        } else {
            return fail(QStringLiteral("unknown option \"") + option + QStringLiteral("\" (use count=N or p=P)"));
        }
    }
    return rule;
}

QString FaultRule::toSpec() const
{
    QString spec = endpoint + QLatin1Char(':') + kindSpelling(kind, delayMs);
    if (remaining >= 0)
        spec += QStringLiteral(":count=") + QString::number(remaining);
    if (probability < 1.0)
        spec += QStringLiteral(":p=") + QString::number(probability, 'g', QLocale::FloatingPointShortest); // exact round trip
    return spec;
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject object{{QStringLiteral("id"), id},
                       {QStringLiteral("endpoint"), endpoint},
                       {QStringLiteral("kind"), kindSpelling(kind, delayMs)},
                       {QStringLiteral("probability"), probability},
                       {QStringLiteral("spec"), toSpec()}};
    if (remaining >= 0)
        object.insert(QStringLiteral("remaining"), remaining);
    return object;
}

bool FaultRule::matches(const QString &endpointName) const
{
    return endpoint == QLatin1String("*") || endpoint == endpointName;
}

} // namespace bankid::sim
