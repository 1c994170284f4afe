#pragma once

#include "HttpRequestParser.h"

#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <deque>
#include <functional>

class QSslSocket;

namespace bankid::sim {

// One established TLS connection speaking HTTP/1.1: reads into an HttpRequestParser, hands complete
// requests to a handler, and writes the answers back in request order.
//
// Contract:
//  * The handler gets each request with a ticket and must call answer(ticket, ...) exactly once, now or
//    later (a delayed answer holds back the ones after it: pipelined answers leave in request order).
//  * Every answer is written in one write. Ending::Close writes it and closes gracefully (the rest of the
//    input is read and dropped for a moment, so the client can read the answer instead of getting a reset);
//    Ending::Abort resets the connection without writing anything.
//  * Idle timeout (idleTimeoutMs): a request must be complete within that time of its first byte; a
//    connection with nothing in flight is closed quietly after that long. A late request gets 408 and the
//    connection is closed, so slowloris clients (a byte now and then) die at the deadline. While an answer
//    of ours is still being prepared the connection is never timed out.
//  * Protocol errors found by the parser get their status (400, 411, 413, 414, 431, 501, 505) with a
//    `{"errorCode","details"}` body and `Connection: close`; the offending bytes are never buffered whole.
//  * Memory per connection is bounded: at most maxQueuedAnswers answers in flight, reading stops while the
//    parser holds a full request's worth of bytes or while more than 1 MiB of answers wait to be sent
//    (TCP flow control then slows the client down), the socket's own read buffer is 64 KiB.
//  * overCapacity connections (see TlsListener) answer every request with 503 + Connection: close.
//  * The object deletes itself (and its socket) once the connection is closed.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    enum class Ending {
        KeepOpen, ///< write the answer, keep reading requests
        Close,    ///< write the answer (it should carry `Connection: close`), then close
        Abort,    ///< write nothing, reset the connection
    };
    using Handler = std::function<void(HttpConnection &connection, const HttpRequest &request, quint64 ticket)>;

    struct Options {
        int idleTimeoutMs = 15000;
        int maxQueuedAnswers = 32;
        /// Limits of the request parser (its defaults unless changed).
        HttpRequestParser limits;
    };

    /// Takes ownership of `socket` (already encrypted).
    HttpConnection(QSslSocket *socket, const Options &options, bool overCapacity, Handler handler,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Fills the answer slot `ticket` with raw HTTP bytes, sent after delayMs (0 = as soon as it is its turn).
    void answer(quint64 ticket, const QByteArray &bytes, Ending ending, int delayMs = 0);

    const QSslCertificate &peerCertificate() const { return m_peerCertificate; }
    const QList<QSslCertificate> &peerCertificateChain() const { return m_peerChain; }

    /// The reason phrase for `status` ("Bad Request"...), "Unknown" for codes the simulator never sends.
    static const char *reasonPhrase(int status);
    /// A complete answer with a `{"errorCode","details"}` JSON body.
    static QByteArray errorAnswer(int status, const QString &errorCode, const QString &details, bool closeAfter);

private:
    struct Pending {
        quint64 ticket = 0;
        QByteArray bytes;
        Ending ending = Ending::KeepOpen;
        bool ready = false;
    };

    void readAvailable();
    void takeRequests();
    void flush();
    void failWith(int status, const QString &errorCode, const QString &details);
    void closeGracefully();
    void onIdleTimeout();
    bool canTakeMoreRequests() const;

    QSslSocket *m_socket;
    Options m_options;
    bool m_overCapacity;
    Handler m_handler;
    HttpRequestParser m_parser;
    std::deque<Pending> m_queue;
    quint64 m_nextTicket = 0;
    bool m_noMoreRequests = false; ///< a close was requested or an error is being answered
    bool m_closing = false;        ///< the last answer is out; input is dropped until the socket closes
    bool m_reading = false;        ///< re-entrancy guard of readAvailable()
    QTimer m_idleTimer;
    QSslCertificate m_peerCertificate;
    QList<QSslCertificate> m_peerChain;
};

} // namespace bankid::sim
