#pragma once

#include "HttpsConnection.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <functional>

namespace bankid {

/// Up to maxConnections HttpsConnections to ONE server (scheme https, host, port), with a FIFO of requests
/// waiting for a free one: RpClient's Direct transport.
///
/// Contract:
/// - submit() queues a complete HTTP/1.1 request and returns a ticket; the callback runs exactly once
///   with the result, unless cancel(ticket) came first (then never). It never runs from inside submit()
///   for an idle or new connection, except when the socket fails synchronously (callers must cope).
/// - A request goes to an idle connected connection first, else to a closed one (reconnecting), else to
///   a new one while fewer than maxConnections exist; otherwise it waits in order. Like QNAM (6 per
///   host), so concurrent calls work (a /cancel overlapping a /collect, bankid-bench's 8 lanes).
/// - Stale keep-alive: when a REUSED connection fails as closed/reset BEFORE any response byte arrived
///   (the server dropped the idle connection as we wrote), the request is re-sent ONCE on a fresh
///   connection, as QNAM does; never once a response byte arrived, never for a new connection.
/// - Nothing grows per request: connections are reused, jobs are removed when they end.
///
/// \code
///   HttpsConnectionPool pool(QStringLiteral("appapi2.test.bankid.com"), 443, config.sslConfiguration());
///   const quint64 ticket = pool.submit(requestBytes, [](const HttpsConnection::Result &r) { ... });
///   pool.cancel(ticket); // e.g. on a timeout: no callback follows
/// \endcode
class HttpsConnectionPool : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HttpsConnection::Result &)>;

    /// The most connections to the server at once: QNAM's per-host limit.
    static constexpr int DefaultMaxConnections = 6;

    HttpsConnectionPool(const QString &host, quint16 port, const QSslConfiguration &sslConfiguration,
                        bool tcpNoDelay = true, int maxConnections = DefaultMaxConnections, QObject *parent = nullptr);
    ~HttpsConnectionPool() override;

    /// Queues `request`; `callback` gets the result. Returns a ticket (never 0) for cancel().
    quint64 submit(const QByteArray &request, Callback callback);
    /// Drops the request: removed from the queue, or its connection closed if it is in flight. No-op
    /// for an unknown or finished ticket.
    void cancel(quint64 ticket);

    int maxConnections() const { return m_maxConnections; }
    /// Connections with a TCP connection open or opening.
    int openConnectionCount() const;
    /// Requests submitted and not yet finished or cancelled (waiting or in flight).
    int pendingRequestCount() const { return int(m_jobs.size()); }
    /// Requests re-sent after a stale keep-alive connection failed (diagnostics, tests).
    int resentRequestCount() const { return m_resent; }

private:
    struct Job
    {
        quint64 ticket = 0;
        QByteArray request;
        Callback callback;
        HttpsConnection *connection = nullptr; ///< null while waiting
        bool resent = false;
    };

    void dispatch();
    HttpsConnection *freeConnection();
    void onConnectionFinished(HttpsConnection *connection, const HttpsConnection::Result &result);
    static bool isStaleConnectionFailure(const HttpsConnection::Result &result);

    QString m_host;
    quint16 m_port;
    QSslConfiguration m_ssl;
    bool m_tcpNoDelay;
    int m_maxConnections;
    QList<HttpsConnection *> m_connections; // children of this
    QList<Job> m_jobs;                      // FIFO
    quint64 m_nextTicket = 1;
    int m_resent = 0;
};

} // namespace bankid
