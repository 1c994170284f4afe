#include "HttpsConnectionPool.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcHttpsPool, "bankid.rp")

namespace bankid {

HttpsConnectionPool::HttpsConnectionPool(const QString &host, quint16 port, const QSslConfiguration &sslConfiguration,
                                         bool tcpNoDelay, int maxConnections, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
    , m_ssl(sslConfiguration)
    , m_tcpNoDelay(tcpNoDelay)
    , m_maxConnections(qMax(1, maxConnections))
{
}

HttpsConnectionPool::~HttpsConnectionPool()
{
    // Callbacks are dropped, not called: whoever destroys the pool is not waiting for them any more.
    m_jobs.clear();
    for (HttpsConnection *connection : std::as_const(m_connections)) {
        connection->disconnect(this);
        delete connection;
    }
}

quint64 HttpsConnectionPool::submit(const QByteArray &request, Callback callback)
{
    Job job;
    job.ticket = m_nextTicket++;
    job.request = request;
    job.callback = std::move(callback);
    m_jobs.append(std::move(job));
    const quint64 ticket = m_jobs.last().ticket;
    dispatch();
    return ticket;
}

void HttpsConnectionPool::cancel(quint64 ticket)
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).ticket != ticket)
            continue;
        HttpsConnection *connection = m_jobs.at(i).connection;
        m_jobs.removeAt(i);
        if (connection) {
            connection->abort(); // the half-done exchange makes the connection unusable
            dispatch();          // a waiting request may take the freed slot
        }
        return;
    }
}

int HttpsConnectionPool::openConnectionCount() const
{
    int open = 0;
    for (const HttpsConnection *connection : m_connections) {
        if (connection->state() != HttpsConnection::State::Unconnected)
            ++open;
    }
    return open;
}

HttpsConnection *HttpsConnectionPool::freeConnection()
{
    HttpsConnection *closed = nullptr;
    for (HttpsConnection *connection : std::as_const(m_connections)) {
        if (connection->state() == HttpsConnection::State::Idle)
            return connection; // reuse first: no handshake
        if (!closed && connection->state() == HttpsConnection::State::Unconnected)
            closed = connection;
    }
    if (closed)
        return closed;
    if (m_connections.size() >= m_maxConnections)
        return nullptr;
    auto *connection = new HttpsConnection(m_host, m_port, m_ssl, m_tcpNoDelay, this);
    connect(connection, &HttpsConnection::finished, this,
            [this, connection](const HttpsConnection::Result &result) { onConnectionFinished(connection, result); });
    m_connections.append(connection);
    return connection;
}

void HttpsConnectionPool::dispatch()
{
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).connection)
            continue;
        HttpsConnection *connection = freeConnection();
        if (!connection)
            return;
        m_jobs[i].connection = connection;
        const quint64 ticket = m_jobs.at(i).ticket;
        const QByteArray request = m_jobs.at(i).request;
        const QPointer<HttpsConnectionPool> alive(this);
        connection->send(request);
        // send() may have ended synchronously (and its callback changed m_jobs): find our place again.
        if (!alive)
            return;
        i = -1;
        for (qsizetype j = 0; j < m_jobs.size(); ++j) {
            if (m_jobs.at(j).ticket == ticket) {
                i = j;
                break;
            }
        }
    }
}

bool HttpsConnectionPool::isStaleConnectionFailure(const HttpsConnection::Result &result)
{
    if (result.tls != RpError::TlsProgress::Reused || result.responseStarted)
        return false;
    // Closed (FIN/close_notify) or reset (RST, broken pipe, a TLS read on a dead connection).
    return result.networkError == QNetworkReply::RemoteHostClosedError
           || result.networkError == QNetworkReply::UnknownNetworkError;
}

void HttpsConnectionPool::onConnectionFinished(HttpsConnection *connection, const HttpsConnection::Result &result)
{
    qsizetype index = -1;
    for (qsizetype i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).connection == connection) {
            index = i;
            break;
        }
    }
    if (index < 0)
        return; // cancelled meanwhile

    if (isStaleConnectionFailure(result) && !m_jobs.at(index).resent) {
        ++m_resent;
        m_jobs[index].resent = true;
        qCInfo(lcHttpsPool).noquote() << "kept-alive connection to" << m_host << "was closed before any answer ("
                                      << result.errorString << "): re-sending once on a fresh connection";
        // The connection is Unconnected now: sending on it again opens a new TCP + TLS connection.
        connection->send(m_jobs.at(index).request);
        return;
    }

    Callback callback = std::move(m_jobs[index].callback);
    m_jobs.removeAt(index);
    const QPointer<HttpsConnectionPool> alive(this);
    if (callback)
        callback(result);
    if (alive)
        dispatch();
}

} // namespace bankid
