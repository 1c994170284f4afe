#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace bankid::sim {

// One fault-injection rule: which RP endpoint it hits, what goes wrong, and how often.
//
// Spec syntax (flag --fault and POST /sim/v1/faults {"spec": ...}):
//     <endpoint>:<kind>[:count=N][:p=P]
//   endpoint: auth | sign | payment | phone/auth | phone/sign | collect | cancel | verify (/rp/v1/verify, the
//             Verify API) | *   (* = every RP and Verify API endpoint, never the /sim/v1 control API)
//   kind:     500 | 502 | 503 | 429 | 408 | html | truncate | close | processed-close | partial | delay=MS
//   count=N:  the next N matching requests (default: unlimited); p=P: probability 0..1 per request (default 1)
//
//     auto rule = FaultRule::parse(QStringLiteral("collect:503:count=2"), &error);
class FaultRule
{
public:
    /// What the simulator does instead of (or before) its normal answer.
    enum class Kind {
        InternalError,   ///< 500 {"errorCode":"internalError"}; the request is not processed
        Maintenance,     ///< 503 {"errorCode":"maintenance"}; not processed
        TooManyRequests, ///< 429 {"errorCode":"tooManyRequests"} with RateLimit-* headers; not processed
        RequestTimeout,  ///< 408 {"errorCode":"requestTimeout"}; not processed
        HtmlErrorPage,   ///< 502 with an nginx-like text/html page; not processed
        TruncatedJson,   ///< processed normally, but the 200 body is cut in half (Content-Length matches the cut)
        Delay,           ///< processed normally, answered after delayMs
        CloseConnection, ///< the connection is closed without any answer; not processed
        BadGateway,      ///< 502 with the text/plain body "Bad Gateway" (a proxy in the way); not processed
        ProcessedThenClose, ///< processed (an order is created, collect advances), then closed without an answer
        PartialAnswer,   ///< processed; headers announce the full Content-Length, half the body is sent, then close
    };

    int id = 0;
    QString endpoint;
    Kind kind = Kind::InternalError;
    int delayMs = 0;
    int remaining = -1; ///< -1: unlimited
    double probability = 1.0;

    /// nullopt and a message naming the bad part when `spec` does not follow the syntax above.
    static std::optional<FaultRule> parse(const QString &spec, QString *error);
    /// The spec string of this rule (round-trips through parse()).
    QString toSpec() const;
    QJsonObject toJson() const;
    bool matches(const QString &endpointName) const;
};

} // namespace bankid::sim
