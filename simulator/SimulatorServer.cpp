#include "SimulatorServer.h"

#include "EvidencePki.h"
#include "FaultInjector.h"
#include "OrderBook.h"
#include "ParameterValidator.h"
#include "TestPerson.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslError>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSimHttp, "bankid.sim.http", QtInfoMsg)

namespace {

const QByteArray rpPrefix = QByteArrayLiteral("/rp/v6.0/");
const QByteArray controlPrefix = QByteArrayLiteral("/sim/v1/");

const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

std::optional<OrderKind> kindForEndpoint(const QString &endpoint)
{
    if (endpoint == QLatin1String("auth"))
        return OrderKind::Auth;
    if (endpoint == QLatin1String("sign"))
        return OrderKind::Sign;
    if (endpoint == QLatin1String("payment"))
        return OrderKind::Payment;
    if (endpoint == QLatin1String("phone/auth"))
        return OrderKind::PhoneAuth;
    if (endpoint == QLatin1String("phone/sign"))
        return OrderKind::PhoneSign;
    return std::nullopt;
}

const QByteArray htmlErrorPage = QByteArrayLiteral(
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");

} // namespace

SimulatorServer::SimulatorServer(OrderBook *book, FaultInjector *faults, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_book(book)
    , m_faults(faults)
{
}

SimulatorServer::~SimulatorServer() = default;

bool SimulatorServer::listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &configuration,
                                QString *error)
{
    auto *server = new QSslServer(this);
    QSslConfiguration tls = configuration;
    if (tls.peerVerifyMode() == QSslSocket::VerifyPeer) {
        // Refuse a missing or untrusted client certificate inside OpenSSL's handshake, so that the client
        // gets the fatal TLS alert ("certificate required", "unknown ca") as from BankID; by default Qt
        // completes the handshake and then closes without an alert, which a client cannot tell apart from
        // any other close. The reason reaches us through errorOccurred below.
        tls.setMissingCertificateIsFatal(true);
        tls.setHandshakeMustInterruptOnError(true);
    }
    server->setSslConfiguration(tls);
    connect(server, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket *socket) {
        // QHttpServer 6.4 leaves Nagle on; small answers would wait for the client's delayed ACK.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    });
    connect(server, &QSslServer::sslErrors, this, [this](QSslSocket *socket, const QList<QSslError> &errors) {
        // With QueryPeer (acceptAnyClientCert) Qt reports the errors but continues the handshake.
        if (socket->peerVerifyMode() != QSslSocket::VerifyPeer)
            return;
        QStringList texts;
        for (const QSslError &e : errors)
            texts.append(e.errorString());
        qCInfo(lcSimHttp) << "rejected a TLS client:" << texts;
        Q_EMIT tlsRejected(texts.join(QLatin1String("; ")));
    });
    connect(server, &QSslServer::peerVerifyError, this, [](QSslSocket *, const QSslError &e) {
        qCDebug(lcSimHttp) << "client certificate problem:" << e.errorString();
    });
    connect(server, &QSslServer::errorOccurred, this, [this](QSslSocket *socket, QAbstractSocket::SocketError) {
        qCDebug(lcSimHttp) << "TLS connection error:" << socket->errorString();
        Q_EMIT tlsRejected(socket->errorString());
    });
    if (!server->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on ") + address.toString() + QLatin1Char(':') + QString::number(port)
                     + QStringLiteral(": ") + server->errorString();
        delete server;
        return false;
    }
    m_tcp = server;
    m_port = server->serverPort();
    bind(server);
    return true;
}

SimulatorServer::Connection &SimulatorServer::connectionFor(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it != m_connections.end())
        return it.value();
    Connection connection;
    if (auto *ssl = qobject_cast<QSslSocket *>(socket))
        connection.peer = ssl->peerCertificate();
    connect(socket, &QObject::destroyed, this, [this, socket]() { m_connections.remove(socket); });
    return m_connections.insert(socket, connection).value();
}

bool SimulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Connection &connection = connectionFor(socket);
    bool closeAfter = false;
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare("connection", Qt::CaseInsensitive) == 0)
            closeAfter = header.second.trimmed().compare("close", Qt::CaseInsensitive) == 0;
    }
    const QByteArray path = request.url().path().toUtf8();

    Answer answer;
    if (m_requireCertificateInHttp && connection.peer.isNull()) {
        answer = error(401, QStringLiteral("unauthorized"),
                       QStringLiteral("a client certificate is required (none was presented)"));
    } else if (path.startsWith(rpPrefix)) {
        answer = handleRp(QString::fromUtf8(path.mid(rpPrefix.size())), request, connection);
        if (m_latencyMs > 0)
            answer.delayMs += m_latencyMs;
    } else if (path.startsWith(controlPrefix)) {
        answer = handleControl(QString::fromUtf8(path.mid(controlPrefix.size())), request);
    } else {
        answer = error(404, QStringLiteral("notFound"), QStringLiteral("no such path: ") + QString::fromUtf8(path));
    }
    deliver(socket, answer, closeAfter);
    return true;
}

void SimulatorServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // Not reached: handleRequest() answers every request. Kept as a safe 404 should Qt call it anyway.
    deliver(socket, error(404, QStringLiteral("notFound"), QStringLiteral("no such path")), false);
}

SimulatorServer::Answer SimulatorServer::handleRp(const QString &endpoint, const QHttpServerRequest &request,
                                                  const Connection &connection)
{
    const bool collectOrCancel = endpoint == QLatin1String("collect") || endpoint == QLatin1String("cancel");
    if (!collectOrCancel && !kindForEndpoint(endpoint))
        return error(404, QStringLiteral("notFound"), QStringLiteral("no such endpoint: /rp/v6.0/") + endpoint);
    if (request.method() != QHttpServerRequest::Method::Post) {
        Answer answer = error(405, QStringLiteral("methodNotAllowed"),
                              QStringLiteral("only POST is allowed on /rp/v6.0/") + endpoint);
        answer.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        return answer;
    }

    std::optional<FaultRule> fault;
    if (!m_faults->isEmpty())
        fault = m_faults->take(endpoint);
    if (fault) {
        switch (fault->kind) {
        case FaultRule::Kind::InternalError:
            return error(500, QStringLiteral("internalError"), QStringLiteral("Internal error (injected fault)"));
        case FaultRule::Kind::Maintenance:
            return error(503, QStringLiteral("maintenance"), QStringLiteral("Service unavailable (injected fault)"));
        case FaultRule::Kind::TooManyRequests: {
            Answer answer = error(429, QStringLiteral("tooManyRequests"), QStringLiteral("Too many requests (injected fault)"));
            answer.headers = {{QByteArrayLiteral("RateLimit-Limit"), QByteArrayLiteral("100")},
                              {QByteArrayLiteral("RateLimit-Remaining"), QByteArrayLiteral("0")},
                              {QByteArrayLiteral("RateLimit-Reset"), QByteArrayLiteral("2")}};
            return answer;
        }
        case FaultRule::Kind::RequestTimeout:
            return error(408, QStringLiteral("requestTimeout"), QStringLiteral("Request timeout (injected fault)"));
        case FaultRule::Kind::HtmlErrorPage: {
            Answer answer;
            answer.status = 502;
            answer.contentType = QByteArrayLiteral("text/html");
            answer.body = htmlErrorPage;
            return answer;
        }
        case FaultRule::Kind::CloseConnection: {
            Answer answer;
            answer.abort = true;
            return answer;
        }
        case FaultRule::Kind::TruncatedJson:
        case FaultRule::Kind::Delay:
            break;
        }
    }

    QByteArray contentType;
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            contentType = header.second.trimmed();
    }
    Answer answer = processRp(endpoint, request, contentType, connection.peer);
    if (fault && fault->kind == FaultRule::Kind::Delay)
        answer.delayMs += fault->delayMs;
    if (fault && fault->kind == FaultRule::Kind::TruncatedJson)
        answer.body.truncate(answer.body.size() / 2);
    return answer;
}

SimulatorServer::Answer SimulatorServer::processRp(const QString &endpoint, const QHttpServerRequest &request,
                                                   const QByteArray &contentType, const QSslCertificate &peer)
{
    // facts §1: exactly "application/json"; a "; charset=..." suffix is rejected too.
    if (contentType != "application/json")
        return error(415, QStringLiteral("unsupportedMediaType"),
                     QStringLiteral("Content-Type must be exactly application/json, got \"")
                         + QString::fromLatin1(contentType.left(100)) + QLatin1Char('"'));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(400, QStringLiteral("invalidParameters"),
                     QStringLiteral("body: not valid JSON (") + parseError.errorString() + QStringLiteral(" at offset ")
                         + QString::number(parseError.offset) + QLatin1Char(')'));
    if (!document.isObject())
        return error(400, QStringLiteral("invalidParameters"), QStringLiteral("body: must be a JSON object"));
    const QJsonObject body = document.object();
    QString details;

    if (endpoint == QLatin1String("collect")) {
        const auto orderRef = ParameterValidator::validateOrderRef(body, &details);
        Answer answer;
        if (!orderRef || !m_book->collect(*orderRef, peer, &answer.body, &details))
            return error(400, QStringLiteral("invalidParameters"), details);
        return answer;
    }
    if (endpoint == QLatin1String("cancel")) {
        const auto orderRef = ParameterValidator::validateOrderRef(body, &details);
        if (!orderRef || !m_book->cancel(*orderRef, peer, &details))
            return error(400, QStringLiteral("invalidParameters"), details);
        Answer answer;
        answer.body = QByteArrayLiteral("{}");
        return answer;
    }
    const OrderKind kind = *kindForEndpoint(endpoint);
    const auto orderRequest = ParameterValidator::validateOrder(kind, body, &details);
    if (!orderRequest)
        return error(400, QStringLiteral("invalidParameters"), details);
    QString errorCode;
    const Order *order = m_book->create(*orderRequest, peer, &errorCode, &details);
    if (!order)
        return error(400, errorCode, details);
    Answer answer;
    if (isPhoneKind(kind)) {
        answer.body = QByteArrayLiteral("{\"orderRef\":\"") + order->orderRef + QByteArrayLiteral("\"}");
    } else {
        answer.body = QByteArrayLiteral("{\"orderRef\":\"") + order->orderRef
                      + QByteArrayLiteral("\",\"autoStartToken\":\"") + order->autoStartToken
                      + QByteArrayLiteral("\",\"qrStartToken\":\"") + order->qrStartToken
                      + QByteArrayLiteral("\",\"qrStartSecret\":\"") + order->qrStartSecret + QByteArrayLiteral("\"}");
    }
    return answer;
}

SimulatorServer::Answer SimulatorServer::handleControl(const QString &path, const QHttpServerRequest &request)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    QJsonObject body;
    if (!request.body().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return error(400, QStringLiteral("invalidParameters"), QStringLiteral("body: must be a JSON object"));
        body = document.object();
    }
    auto notAllowed = [](const char *allowed) {
        Answer answer = error(405, QStringLiteral("methodNotAllowed"),
                              QStringLiteral("allowed methods: ") + QString::fromLatin1(allowed));
        answer.headers.append({QByteArrayLiteral("Allow"), QByteArray(allowed)});
        return answer;
    };
    auto fromResult = [this](const OrderBook::Result &result) {
        if (!result.ok)
            return error(result.httpStatus, result.errorCode, result.message);
        const Order *order = m_book->find(result.orderRef);
        return order ? json(m_book->orderJson(*order)) : json(QJsonObject{});
    };
    const QString personalNumber = body.value(QStringLiteral("personalNumber")).toString();
    const QString deviceIp = body.value(QStringLiteral("deviceIpAddress")).toString();
    if (!deviceIp.isEmpty() && !ParameterValidator::isIpAddress(deviceIp))
        return error(400, QStringLiteral("invalidParameters"), QStringLiteral("deviceIpAddress: not an IP address"));

    if (path == QLatin1String("orders")) {
        if (method != Method::Get)
            return notAllowed("GET");
        return json(QJsonObject{{QStringLiteral("orders"), m_book->ordersJson()}});
    }
    if (path.startsWith(QLatin1String("orders/"))) {
        const QStringList parts = path.mid(7).split(QLatin1Char('/'));
        const QByteArray orderRef = parts.first().toLatin1();
        if (parts.size() == 1) {
            if (method != Method::Get)
                return notAllowed("GET");
            const Order *order = m_book->find(orderRef);
            return order ? json(m_book->orderJson(*order))
                         : error(404, QStringLiteral("unknownOrder"), QStringLiteral("no such orderRef"));
        }
        const auto action = parts.size() == 2 ? OrderBook::actionFromName(parts.at(1)) : std::nullopt;
        if (!action)
            return error(404, QStringLiteral("notFound"),
                         QStringLiteral("unknown action (use open, confirmCall, approve, cancel, wrongCode, decline, "
                                        "person)"));
        if (method != Method::Post)
            return notAllowed("POST");
        return fromResult(m_book->act(orderRef, *action, personalNumber));
    }
    if (path == QLatin1String("scan") || path == QLatin1String("open")) {
        if (method != Method::Post)
            return notAllowed("POST");
        const bool scan = path == QLatin1String("scan");
        const QString key = scan ? QStringLiteral("qrData") : QStringLiteral("autoStartToken");
        const QJsonValue value = body.value(key);
        if (!value.isString() || value.toString().isEmpty())
            return error(400, QStringLiteral("invalidParameters"), key + QStringLiteral(": missing (required string)"));
        const QByteArray data = value.toString().toLatin1();
        return fromResult(scan ? m_book->scan(data, personalNumber, deviceIp)
                               : m_book->open(data, personalNumber, deviceIp));
    }
    if (path == QLatin1String("faults") || path.startsWith(QLatin1String("faults/"))) {
        if (path.size() > 7) {
            if (method != Method::Delete)
                return notAllowed("DELETE");
            bool ok = false;
            const int id = path.mid(7).toInt(&ok);
            if (!ok || !m_faults->remove(id))
                return error(404, QStringLiteral("unknownFault"), QStringLiteral("no fault with id ") + path.mid(7));
            return json(QJsonObject{{QStringLiteral("removed"), 1}});
        }
        if (method == Method::Get)
            return json(QJsonObject{{QStringLiteral("faults"), m_faults->toJson()}});
        if (method == Method::Delete)
            return json(QJsonObject{{QStringLiteral("removed"), m_faults->clear()}});
        if (method != Method::Post)
            return notAllowed("GET, POST, DELETE");
        QString why;
        const auto rule = FaultRule::parse(body.value(QStringLiteral("spec")).toString(), &why);
        if (!rule)
            return error(400, QStringLiteral("invalidParameters"), why);
        FaultRule added = *rule;
        added.id = m_faults->add(*rule);
        return json(added.toJson(), 201);
    }
    if (path.startsWith(QLatin1String("persons/"))) {
        // POST persons/{personalNumber}/revoke | reinstate: the OCSP status of later completions.
        const QStringList parts = path.mid(8).split(QLatin1Char('/'));
        const bool revoke = parts.size() == 2 && parts.at(1) == QLatin1String("revoke");
        if (parts.size() != 2 || (!revoke && parts.at(1) != QLatin1String("reinstate")))
            return error(404, QStringLiteral("notFound"), QStringLiteral("unknown person action (use revoke, reinstate)"));
        if (method != Method::Post)
            return notAllowed("POST");
        if (!TestPerson::isWellFormed(parts.first()))
            return error(400, QStringLiteral("invalidParameters"),
                         QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)"));
        if (EvidencePki *pki = m_book->evidencePki())
            pki->setRevoked(parts.first(), revoke ? std::optional<QDateTime>(QDateTime::currentDateTimeUtc()) : std::nullopt);
        return json(QJsonObject{{QStringLiteral("personalNumber"), parts.first()}, {QStringLiteral("revoked"), revoke}});
    }
    if (path == QLatin1String("persons")) {
        if (method != Method::Get)
            return notAllowed("GET");
        QJsonArray persons;
        for (const TestPerson &person : TestPerson::builtIn())
            persons.append(QJsonObject{{QStringLiteral("personalNumber"), person.personalNumber},
                                       {QStringLiteral("name"), person.name()}});
        return json(QJsonObject{{QStringLiteral("persons"), persons}});
    }
    if (path == QLatin1String("user")) {
        if (method != Method::Post)
            return notAllowed("POST");
        const QString mode = body.value(QStringLiteral("mode")).toString();
        if (mode != QLatin1String("auto") && mode != QLatin1String("manual"))
            return error(400, QStringLiteral("invalidParameters"), QStringLiteral("mode: must be \"auto\" or \"manual\""));
        m_book->setUserMode(mode == QLatin1String("auto") ? UserMode::Auto : UserMode::Manual);
        return json(QJsonObject{{QStringLiteral("mode"), mode}});
    }
    return error(404, QStringLiteral("notFound"), QStringLiteral("no such control path: /sim/v1/") + path);
}

SimulatorServer::Answer SimulatorServer::error(int status, const QString &errorCode, const QString &details)
{
    Answer answer;
    answer.status = status;
    answer.body = QJsonDocument(QJsonObject{{QStringLiteral("errorCode"), errorCode}, {QStringLiteral("details"), details}})
                      .toJson(QJsonDocument::Compact);
    return answer;
}

SimulatorServer::Answer SimulatorServer::json(const QJsonObject &object, int status)
{
    Answer answer;
    answer.status = status;
    answer.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return answer;
}

QByteArray SimulatorServer::serialize(const Answer &answer, bool closeAfter)
{
    QByteArray bytes;
    bytes.reserve(160 + answer.body.size());
    bytes += "HTTP/1.1 ";
    bytes += QByteArray::number(answer.status);
    bytes += ' ';
    bytes += reason(answer.status);
    bytes += "\r\nContent-Type: ";
    bytes += answer.contentType;
    bytes += "\r\nContent-Length: ";
    bytes += QByteArray::number(answer.body.size());
    bytes += "\r\n";
    for (const auto &header : answer.headers) {
        bytes += header.first;
        bytes += ": ";
        bytes += header.second;
        bytes += "\r\n";
    }
    if (closeAfter)
        bytes += "Connection: close\r\n";
    bytes += "\r\n";
    bytes += answer.body;
    return bytes;
}

void SimulatorServer::deliver(QTcpSocket *socket, const Answer &answer, bool closeAfter)
{
    Connection &connection = m_connections[socket];
    Pending pending;
    pending.sequence = connection.nextSequence++;
    pending.abort = answer.abort;
    pending.close = closeAfter;
    if (!answer.abort)
        pending.bytes = serialize(answer, closeAfter);
    if (answer.delayMs <= 0 && connection.queue.empty() && !answer.abort) {
        // Fast path: nothing queued before it, answer now in one write.
        socket->write(pending.bytes);
        if (closeAfter)
            socket->disconnectFromHost();
        return;
    }
    pending.ready = answer.delayMs <= 0;
    const quint64 sequence = pending.sequence;
    connection.queue.push_back(std::move(pending));
    if (answer.delayMs > 0) {
        QTimer::singleShot(answer.delayMs, socket, [this, socket, sequence]() {
            auto it = m_connections.find(socket);
            if (it == m_connections.end())
                return;
            for (Pending &p : it->queue) {
                if (p.sequence == sequence)
                    p.ready = true;
            }
            flush(socket);
        });
    } else {
        // An abort is deferred to the event loop: QAbstractHttpServer still uses the socket after we return.
        QTimer::singleShot(0, socket, [this, socket]() { flush(socket); });
    }
}

void SimulatorServer::flush(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    std::deque<Pending> &queue = it->queue;
    while (!queue.empty() && queue.front().ready) {
        const Pending front = std::move(queue.front());
        queue.pop_front();
        if (front.abort) {
            queue.clear();
            socket->abort();
            return;
        }
        socket->write(front.bytes);
        if (front.close) {
            socket->disconnectFromHost();
            return;
        }
    }
}

} // namespace bankid::sim
