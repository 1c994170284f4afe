#pragma once

#include "TestPki.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslSocket>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QSslServer;

namespace bankid::test {

/// One HTTP request as the server received it, bytes untouched.
struct RecordedRequest
{
    int connection = 0;  ///< 1-based number of the TLS connection it arrived on
    QByteArray method;
    QByteArray target;   ///< request-target, e.g. "/rp/v6.0/collect"
    QByteArray endpoint; ///< target below the base path, e.g. "collect", "phone/auth"
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers; ///< in arrival order, names as sent
    QByteArray rawHead;  ///< request line + headers exactly as received (without the blank line)
    QByteArray body;
    bool clientCertificatePresented = false;
    qint64 receivedAtMs = 0; ///< milliseconds since the server was created
    QByteArray alpn;         ///< the protocol ALPN negotiated on its connection (empty: none)
    int reads = 0;           ///< readyRead()s it took to arrive (1: head and body came in one TLS record)

    /// The values of header `name` (case-insensitive), in order.
    QList<QByteArray> headerValues(const QByteArray &name) const;
};

/// A scripted answer.
struct CannedResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    int delayMs = 0;                  ///< answer this much later (timeouts, overlapping collects)
    bool closeWithoutAnswer = false;  ///< drop the connection instead of answering
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    QByteArray raw;                   ///< when set, written verbatim instead of a generated response
    bool closeAfterResponse = false;  ///< send "Connection: close" (unless raw) and close after writing
    int dripIntervalMs = 0;           ///< write the head, then the body one byte every this many ms
    /// A body produced piece by piece after the head (generated, or `raw`): pieces(0), pieces(1), ... are
    /// written while the socket's unsent bytes stay below PieceHighWaterBytes (so a flood of any length costs
    /// the server little memory and goes exactly as fast as the client reads); an empty piece ends the
    /// answer (then the connection closes if closeAfterResponse). With pieceIntervalMs > 0, one piece per
    /// interval instead (a drip). Pieces stop when the client closes the connection. Used with `raw`, or
    /// with a generated head whose Content-Length is `body`'s size (so give raw for a huge body).
    std::function<QByteArray(qint64 index)> pieces;
    int pieceIntervalMs = 0;
    static constexpr qint64 PieceHighWaterBytes = 256 * 1024;

    /// Ways an answer goes wrong after the request arrived: each leaves the client unsure whether the
    /// server acted on it.
    enum class Breakage {
        CloseWithoutAnswer, ///< the connection is closed without a byte of answer
        TruncatedBody,      ///< a 200 announcing the whole body, cut off after 40 bytes, then closed
        LateAnswer,         ///< the whole 200, but only after 3 s (past a short transfer timeout)
    };

    static CannedResponse json(int status, const QByteArray &body, int delayMs = 0);
    /// `body` as a 200 answer broken the way `breakage` says.
    static CannedResponse broken(Breakage breakage, const QByteArray &body);
    /// BankID's error body {"errorCode":..., "details":...}.
    static CannedResponse bankIdError(int status, const QString &errorCode, const QString &details);
};

/// An HTTPS/1.1 server on 127.0.0.1:0 with real (mutual) TLS, built on QSslServer, that answers each
/// request from a per-endpoint queue of canned responses (or a handler) and records everything: every
/// request byte, connection numbers, handshakes, and the maximum number of requests in flight at once.
/// Keep-alive is supported (one request at a time per connection, as QNAM sends them).
///
/// \code
///   bankid::test::ScriptedHttpsServer server;
///   QVERIFY(server.listen(pki.server(), {pki.clientCa().certificate}));
///   server.enqueue(QStringLiteral("collect"), CannedResponse::json(200, R"({"orderRef":"r","status":"pending","hintCode":"userSign"})"));
///   ... client.collect("r") ...
///   QCOMPARE(server.requests().at(0).endpoint, "collect");
/// \endcode
class ScriptedHttpsServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<std::optional<CannedResponse>(const RecordedRequest &)>;

    explicit ScriptedHttpsServer(QObject *parent = nullptr);
    ~ScriptedHttpsServer() override;

    /// Serves `serverCredential`; verifies client certificates against `clientCas` with `mode`
    /// (VerifyPeer: a client certificate is required). Listens on 127.0.0.1 with a free port.
    bool listen(const TestPki::Credential &serverCredential, const QList<QSslCertificate> &clientCas,
                QSslSocket::PeerVerifyMode mode = QSslSocket::VerifyPeer);
    /// Serves `serverCredential` on connections accepted from now on (open connections keep theirs): a
    /// server whose certificate changes between connections.
    void setServerCredential(const TestPki::Credential &serverCredential);
    /// ALPN protocols to offer, e.g. {"h2", "http/1.1"} like BankID's front ends may; call before listen().
    void setAlpnProtocols(const QList<QByteArray> &protocols) { m_alpn = protocols; }
    quint16 port() const;
    /// https://<host>:<port><basePath>
    QUrl baseUrl(const QString &host = QStringLiteral("127.0.0.1")) const;
    QString basePath() const { return m_basePath; }
    void setBasePath(const QString &path) { m_basePath = path; }

    /// Queues `response` for the next request to `endpoint` ("auth", "collect", ...).
    void enqueue(const QString &endpoint, const CannedResponse &response);
    /// Consulted before the queues; return std::nullopt to fall through.
    void setHandler(const Handler &handler) { m_handler = handler; }
    /// The answer when nothing else applies (default: 404 notFound in BankID's format).
    void setFallback(const CannedResponse &response) { m_fallback = response; }

    QList<RecordedRequest> requests() const { return m_requests; }
    /// Requests to one endpoint, in order.
    QList<RecordedRequest> requestsTo(const QString &endpoint) const;
    int requestCount() const { return int(m_requests.size()); }
    /// TCP connections whose TLS handshake started.
    int connectionCount() const { return m_connectionCount; }
    /// Connections that completed the TLS handshake.
    int encryptedConnectionCount() const { return m_encryptedCount; }
    /// Handshakes the server broke off (client certificate missing or untrusted, ...).
    int handshakeFailureCount() const { return m_handshakeFailures; }
    /// The most requests that were received but not yet answered at any one time.
    int maxConcurrentRequests() const { return m_maxInFlight; }
    /// Requests received but not answered yet.
    int requestsInFlight() const { return m_inFlight; }
    /// Encrypted connections currently open.
    int openConnectionCount() const { return int(m_connections.size()); }
    /// Closes every connection that has no request in flight (a keep-alive expiry); returns how many.
    int closeIdleConnections();

signals:
    void requestReceived(const bankid::test::RecordedRequest &request);

private:
    struct Connection
    {
        int id = 0;
        QByteArray buffer;
        bool busy = false;
        int reads = 0;
    };

    void onNewConnection();
    void onReadyRead(QSslSocket *socket);
    void processBuffer(QSslSocket *socket);
    void respond(QSslSocket *socket, const CannedResponse &response);
    /// Writes response.pieces after the head (see CannedResponse::pieces).
    void streamPieces(QSslSocket *socket, const CannedResponse &response);
    CannedResponse responseFor(const RecordedRequest &request);

    QSslServer *m_server;
    QElapsedTimer m_uptime;
    QString m_basePath = QStringLiteral("/rp/v6.0");
    QHash<QSslSocket *, Connection> m_connections;
    QHash<QString, QList<CannedResponse>> m_queues;
    QList<QByteArray> m_alpn;
    Handler m_handler;
    CannedResponse m_fallback;
    QList<RecordedRequest> m_requests;
    int m_connectionCount = 0;
    int m_encryptedCount = 0;
    int m_handshakeFailures = 0;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

} // namespace bankid::test

Q_DECLARE_METATYPE(bankid::test::RecordedRequest)
Q_DECLARE_METATYPE(bankid::test::CannedResponse)
Q_DECLARE_METATYPE(bankid::test::CannedResponse::Breakage)
Q_DECLARE_METATYPE(std::optional<bankid::test::CannedResponse::Breakage>)
