#pragma once

#include "HttpResponseParser.h"
#include "RpError.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>

class QSslSocket;

namespace bankid {

/// One HTTP/1.1 keep-alive connection over ONE QSslSocket, carrying one request at a time, on the thread
/// that owns it (no helper thread: avoiding QNAM's hand-off to its HTTP thread is the point; see
/// ../shared/qt-platform-notes.md). Used by HttpsConnectionPool for RpConfig::Transport::Direct.
///
/// Contract:
/// - TLS is exactly the given QSslConfiguration (RpConfig::sslConfiguration(): pinned CAs only, TLS 1.2+,
///   client certificate, VerifyPeer); the peer verify name is the host it was created for. ALPN offers
///   only "http/1.1". Certificate errors are never ignored. No proxy is ever used.
/// - TCP_NODELAY is set as soon as TCP connects (unless disabled): a request is written with ONE write()
///   and flushed at once, so no request waits ~40 ms for the server's delayed ACK.
/// - send() takes a complete request (head + body). finished() follows exactly once per send(), unless
///   abort() came first; it may be emitted from inside send() when the socket fails synchronously.
///   Any failure closes the connection (state() Unconnected); the next send() then connects afresh.
/// - A response with `Connection: close`, a close-delimited body, a malformed response or bytes beyond
///   the response close the connection after finished(); otherwise it returns to Idle for reuse.
/// - A connection closed by the server while Idle (keep-alive expiry) just becomes Unconnected.
/// - Socket errors are translated to the QNetworkReply::NetworkError values QNAM would report, so
///   RpError::fromExchange() classifies both transports alike.
///
/// \code
///   HttpsConnection connection(QStringLiteral("appapi2.test.bankid.com"), 443, config.sslConfiguration());
///   connect(&connection, &HttpsConnection::finished, this, [](const HttpsConnection::Result &result) {
///       qDebug() << result.httpStatus << result.body;
///   });
///   connection.send(requestBytes);
/// \endcode
class HttpsConnection : public QObject
{
    Q_OBJECT

public:
    /// Where the connection stands.
    enum class State {
        Unconnected, ///< no TCP connection: new, closed by either side, or after a failure
        Connecting,  ///< TCP connect and TLS handshake in progress; the request waits to be written
        Busy,        ///< the request is written; waiting for (the rest of) the response
        Idle,        ///< connected and encrypted, no request: ready for reuse
    };
    Q_ENUM(State)

    /// Everything known about one finished request: the transport half of RpError::Outcome.
    struct Result
    {
        int httpStatus = 0;   ///< 0 when no status line arrived
        QByteArray body;      ///< the (de-chunked) body, partial when the connection failed mid-body
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString errorString;  ///< what failed, with the socket's / OpenSSL's own text
        QList<QSslError> sslErrors; ///< from the handshake of this request's connection
        RpError::TlsProgress tls = RpError::TlsProgress::NotEstablished;
        bool responseStarted = false; ///< any response byte arrived (a request is never re-sent after that)
    };

    HttpsConnection(const QString &host, quint16 port, const QSslConfiguration &sslConfiguration,
                    bool tcpNoDelay = true, QObject *parent = nullptr);
    ~HttpsConnection() override;

    State state() const { return m_state; }
    /// Requests answered on this object (over all its TCP connections).
    int completedRequests() const { return m_completed; }
    /// TCP connections this object opened so far.
    int connectionsOpened() const { return m_opened; }

    /// Sends `request` (complete HTTP/1.1 bytes). Precondition: state() is Idle or Unconnected.
    void send(const QByteArray &request);
    /// Drops the request in flight (if any) and the TCP connection. No finished() follows.
    void abort();

    /// QAbstractSocket error -> the QNetworkReply error QNAM reports for it (qhttpnetworkconnectionchannel).
    static QNetworkReply::NetworkError translate(QAbstractSocket::SocketError error);

signals:
    /// The request given to send() is over (answered or failed). Emitted once per send().
    void finished(const bankid::HttpsConnection::Result &result);

private:
    void connectSocket();
    void writeRequest();
    void onEncrypted();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    /// Ends the request with a failure and closes the connection.
    void fail(QNetworkReply::NetworkError error, const QString &errorString);
    void completeResponse();
    /// Detaches and disposes of the socket (gracefully when `graceful`, else with abort()).
    void closeSocket(bool graceful);

    QString m_host;
    quint16 m_port;
    QSslConfiguration m_ssl;
    bool m_tcpNoDelay;
    QPointer<QSslSocket> m_socket; // QPointer: a disposed socket is deleted later, never reused
    State m_state = State::Unconnected;
    QByteArray m_request;
    QByteArray m_readBuffer;       // reused for every read
    HttpResponseParser m_parser;
    QList<QSslError> m_sslErrors;
    RpError::TlsProgress m_tls = RpError::TlsProgress::NotEstablished;
    int m_completed = 0;
    int m_opened = 0;
};

} // namespace bankid
