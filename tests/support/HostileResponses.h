#pragma once

#include "ScriptedHttpsServer.h"

#include <QByteArray>

namespace bankid::test {

/// Answers of a BankID server that lies, stalls or floods, for ScriptedHttpsServer: each one is a
/// CannedResponse, so it can be queued for any endpoint. Huge answers are generated piece by piece while
/// the client reads (ScriptedHttpsServer holds at most ~256 KB of them), so a test process that forks a
/// child (bankid-cli) meanwhile is not itself large, and its child's peak RSS measures only the child.
///
/// \code
///   server.enqueue(QStringLiteral("auth"), HostileResponses::endlessChunkedBody());
///   server.enqueue(QStringLiteral("auth"), HostileResponses::redirect(307, "https://elsewhere.example/rp/v6.0/auth"));
/// \endcode
class HostileResponses
{
public:
    /// A 200 announcing a 1 MB - 1 body (just under the size cap), then one body byte every
    /// `intervalMs`, forever: each byte restarts QNAM's inactivity timer; only a total deadline ends it.
    static CannedResponse slowDrip(int intervalMs = 1000);
    /// A chunked 200 whose 4 KB chunks never end (no terminating 0-chunk), as fast as the client reads.
    static CannedResponse endlessChunkedBody();
    /// `count` interim "HTTP/1.1 100 Continue" answers, then `finalAnswer` (raw bytes); with an empty
    /// finalAnswer nothing follows and the connection stays open.
    static CannedResponse interimContinues(int count, const QByteArray &finalAnswer);
    /// Interim "100 Continue" answers without end, as fast as the client reads (never a final answer).
    static CannedResponse endlessInterimContinues();
    /// A 200 with a JSON body of `bytes` bytes (a huge orderRef string), generated while sent; with
    /// `announced` it carries Content-Length, otherwise it is close-delimited (Connection: close).
    static CannedResponse hugeBody(qint64 bytes, bool announced);
    /// A 200 with `validBody` after one response header whose value is `bytes` long.
    static CannedResponse hugeHeader(qint64 bytes, const QByteArray &validBody);
    /// A 200 with `validBody` after `count` small response headers (~50 bytes each).
    static CannedResponse manyHeaders(int count, const QByteArray &validBody);
    /// A 200 whose one header line never ends (its value grows as fast as the client reads).
    static CannedResponse endlessHeader();
    /// A redirect: `status` (301, 302, 307, 308) with Location `location` and a valid-looking JSON body.
    static CannedResponse redirect(int status, const QByteArray &location, const QByteArray &body);
};

} // namespace bankid::test
