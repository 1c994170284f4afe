#include "SimulatorServer.h"

#include "CertificateFactory.h"
#include "EvidencePki.h"
#include "FaultInjector.h"
#include "IdCardService.h"
#include "OrderBook.h"
#include "ParameterValidator.h"
#include "TestPerson.h"
#include "TlsListener.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QUrl>

namespace bankid::sim {


namespace {

const QByteArray rpPrefix = QByteArrayLiteral("/rp/v6.0/");
const QByteArray verifyPrefix = QByteArrayLiteral("/rp/v1/"); // BankID Verify API v1 (ID cards, facts §11)
const QByteArray controlPrefix = QByteArrayLiteral("/sim/v1/");

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
    : QObject(parent)
    , m_book(book)
    , m_faults(faults)
{
}

SimulatorServer::~SimulatorServer() = default;

int SimulatorServer::liveConnections() const
{
    return m_listener ? m_listener->liveConnections() : 0;
}

bool SimulatorServer::listenTls(const QHostAddress &address, quint16 port, const QSslConfiguration &configuration,
                                QString *error)
{
    QSslConfiguration tls = configuration;
    if (tls.peerVerifyMode() == QSslSocket::VerifyPeer) {
        // Refuse a missing or untrusted client certificate inside OpenSSL's handshake, so that the client
        // gets the fatal TLS alert ("certificate required", "unknown ca") as from BankID; by default Qt
        // completes the handshake and then closes without an alert, which a client cannot tell apart from
        // any other close. The reason reaches us through the listener's tlsRejected.
        tls.setMissingCertificateIsFatal(true);
        tls.setHandshakeMustInterruptOnError(true);
    }
    auto *listener = new TlsListener(tls, this);
    listener->setHandshakeTimeoutMs(m_handshakeTimeoutMs);
    listener->setConnectionCap(m_connectionCap);
    connect(listener, &TlsListener::tlsRejected, this, &SimulatorServer::tlsRejected);
    connect(listener, &TlsListener::encryptedConnection, this, [this](QSslSocket *socket, bool overCapacity) {
        new HttpConnection(socket, m_connectionOptions, overCapacity,
                           [this](HttpConnection &connection, const HttpRequest &request, quint64 ticket) {
                               handleRequest(connection, request, ticket);
                           },
                           this);
    });
    if (!listener->listenOn(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on ") + address.toString() + QLatin1Char(':') + QString::number(port)
                     + QStringLiteral(": ") + listener->errorString();
        delete listener;
        return false;
    }
    m_listener = listener;
    m_port = listener->serverPort();
    return true;
}

bool SimulatorServer::isTrustedClient(const QList<QSslCertificate> &chain) const
{
    if (chain.isEmpty() || chain.first().isNull())
        return false;
    for (const QSslCertificate &ca : m_trustedClientCas) {
        if (CertificateFactory::verify(chain.first(), ca).isEmpty())
            return true;
    }
    return false;
}

void SimulatorServer::handleRequest(HttpConnection &connection, const HttpRequest &request, quint64 ticket)
{
    const bool closeAfter = request.closeAfterAnswer;
    const QByteArray path = QUrl::fromPercentEncoding(request.path).toUtf8();

    Answer answer;
    if (m_requireCertificateInHttp && connection.peerCertificate().isNull()) {
        answer = error(401, QStringLiteral("unauthorized"),
                       QStringLiteral("a client certificate is required (none was presented)"));
    } else if (path.startsWith(rpPrefix) || path.startsWith(verifyPrefix)) {
        // Both APIs follow the same rules (mutual TLS, POST only, exact Content-Type, faults, latency).
        const QByteArray &prefix = path.startsWith(rpPrefix) ? rpPrefix : verifyPrefix;
        answer = handleRp(prefix, QString::fromUtf8(path.mid(prefix.size())), request, connection);
        if (m_latencyMs > 0)
            answer.delayMs += m_latencyMs;
    } else if (path.startsWith(controlPrefix)) {
        // The control API drives every order: with --accept-any-client-cert the TLS layer lets any
        // certificate in (for the RP API), so here the caller must still hold one the simulator trusts.
        if (m_requireCertificateInHttp && !isTrustedClient(connection.peerCertificateChain()))
            answer = error(403, QStringLiteral("forbidden"),
                           QStringLiteral("the control API /sim/v1 needs the simulator's client certificate (or one "
                                          "issued by a --trust-client-ca CA); this one is not trusted"));
        else
            answer = handleControl(QString::fromUtf8(path.mid(controlPrefix.size())), request);
    } else {
        answer = error(404, QStringLiteral("notFound"), QStringLiteral("no such path: ") + QString::fromUtf8(path.left(200)));
    }

    if (answer.abort) {
        connection.answer(ticket, {}, HttpConnection::Ending::Abort, answer.delayMs);
        return;
    }
    QByteArray bytes = serialize(answer, closeAfter);
    if (answer.partial) {
        // Content-Length still announces the whole body; only its first half is sent before the close.
        bytes.chop(answer.body.size() - answer.body.size() / 2);
        connection.answer(ticket, bytes, HttpConnection::Ending::Close, answer.delayMs);
        return;
    }
    connection.answer(ticket, bytes, closeAfter ? HttpConnection::Ending::Close : HttpConnection::Ending::KeepOpen,
                      answer.delayMs);
}

SimulatorServer::Answer SimulatorServer::handleRp(const QByteArray &apiPrefix, const QString &endpoint,
                                                  const HttpRequest &request, const HttpConnection &connection)
{
    const bool verifyApi = apiPrefix == verifyPrefix;
    const bool collectOrCancel = endpoint == QLatin1String("collect") || endpoint == QLatin1String("cancel");
    const bool known = verifyApi ? endpoint == QLatin1String("verify") : collectOrCancel || kindForEndpoint(endpoint);
    const QString where = QString::fromLatin1(apiPrefix) + endpoint;
    if (!known)
        return error(404, QStringLiteral("notFound"), QStringLiteral("no such endpoint: ") + where);
    if (request.method != "POST") {
        Answer answer = error(405, QStringLiteral("methodNotAllowed"), QStringLiteral("only POST is allowed on ") + where);
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
        case FaultRule::Kind::BadGateway: {
            Answer answer;
            answer.status = 502;
            answer.contentType = QByteArrayLiteral("text/plain");
            answer.body = QByteArrayLiteral("Bad Gateway");
            return answer;
        }
        case FaultRule::Kind::CloseConnection: {
            Answer answer;
            answer.abort = true;
            return answer;
        }
        case FaultRule::Kind::TruncatedJson:
        case FaultRule::Kind::Delay:
        case FaultRule::Kind::ProcessedThenClose:
        case FaultRule::Kind::PartialAnswer:
            break;
        }
    }

    Answer answer = processRp(endpoint, request, connection.peerCertificate());
    if (fault && fault->kind == FaultRule::Kind::Delay)
        answer.delayMs += fault->delayMs;
    if (fault && fault->kind == FaultRule::Kind::TruncatedJson)
        answer.body.truncate(answer.body.size() / 2);
    if (fault && fault->kind == FaultRule::Kind::ProcessedThenClose)
        answer.abort = true; // processed (the order exists, collect advanced), but nobody hears about it
    if (fault && fault->kind == FaultRule::Kind::PartialAnswer)
        answer.partial = true;
    return answer;
}

SimulatorServer::Answer SimulatorServer::processRp(const QString &endpoint, const HttpRequest &request,
                                                   const QSslCertificate &peer)
{
    const QByteArray contentType = request.header("content-type");
    // facts §1: exactly "application/json"; a "; charset=..." suffix is rejected too.
    if (contentType != "application/json")
        return error(415, QStringLiteral("unsupportedMediaType"),
                     QStringLiteral("Content-Type must be exactly application/json, got \"")
                         + QString::fromLatin1(contentType.left(100)) + QLatin1Char('"'));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(400, QStringLiteral("invalidParameters"),
                     QStringLiteral("body: not valid JSON (") + parseError.errorString() + QStringLiteral(" at offset ")
                         + QString::number(parseError.offset) + QLatin1Char(')'));
    if (!document.isObject())
        return error(400, QStringLiteral("invalidParameters"), QStringLiteral("body: must be a JSON object"));
    const QJsonObject body = document.object();
    QString details;

    if (endpoint == QLatin1String("verify")) {
        const auto qrCode = ParameterValidator::validateIdCardQrCode(body, &details);
        if (!qrCode)
            return error(400, QStringLiteral("invalidParameters"), details);
        if (!m_idCards)
            return error(500, QStringLiteral("internalError"), QStringLiteral("the Verify API is not set up"));
        const IdCardService::Outcome verified = m_idCards->verify(*qrCode);
        return verified.ok ? json(verified.body) : error(verified.httpStatus, verified.errorCode, verified.details);
    }

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

SimulatorServer::Answer SimulatorServer::handleControl(const QString &path, const HttpRequest &request)
{
    enum class Method { Get, Post, Delete, Other };
    const Method method = request.method == "GET"      ? Method::Get
                          : request.method == "POST"   ? Method::Post
                          : request.method == "DELETE" ? Method::Delete
                                                       : Method::Other;
    QJsonObject body;
    if (!request.body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
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
        // POST persons/{personalNumber}/revoke | reinstate: the OCSP status of later completions;
        // POST persons/{personalNumber}/id-card: the QR code the holder's app shows for their ID card.
        const QStringList parts = path.mid(8).split(QLatin1Char('/'));
        const bool revoke = parts.size() == 2 && parts.at(1) == QLatin1String("revoke");
        const bool idCard = parts.size() == 2 && parts.at(1) == QLatin1String("id-card");
        if (parts.size() != 2 || (!revoke && !idCard && parts.at(1) != QLatin1String("reinstate")))
            return error(404, QStringLiteral("notFound"),
                         QStringLiteral("unknown person action (use revoke, reinstate, id-card)"));
        if (method != Method::Post)
            return notAllowed("POST");
        if (idCard) {
            if (!m_idCards)
                return error(500, QStringLiteral("internalError"), QStringLiteral("the Verify API is not set up"));
            const IdCardService::Outcome minted = m_idCards->mint(parts.first());
            return minted.ok ? json(QJsonObject{{QStringLiteral("qrCode"), QString::fromLatin1(minted.code)}})
                             : error(minted.httpStatus, minted.errorCode, minted.details);
        }
        if (!TestPerson::isWellFormed(parts.first()))
            return error(400, QStringLiteral("invalidParameters"),
                         QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)"));
        if (EvidencePki *pki = m_book->evidencePki())
            pki->setRevoked(parts.first(), revoke ? std::optional<QDateTime>(QDateTime::currentDateTimeUtc()) : std::nullopt);
        return json(QJsonObject{{QStringLiteral("personalNumber"), parts.first()}, {QStringLiteral("revoked"), revoke}});
    }
    if (path == QLatin1String("persons")) {
        // GET: built-in and added persons; POST {"personalNumber","givenName","surname"}: add (or replace) one.
        if (method == Method::Post) {
            const TestPerson person{personalNumber, body.value(QStringLiteral("givenName")).toString(),
                                    body.value(QStringLiteral("surname")).toString(), {}};
            QString why;
            if (!m_book->persons().add(person, &why))
                return error(400, QStringLiteral("invalidParameters"), why);
            return json(QJsonObject{{QStringLiteral("personalNumber"), person.personalNumber},
                                    {QStringLiteral("name"), person.name()}},
                        201);
        }
        if (method != Method::Get)
            return notAllowed("GET, POST");
        QJsonArray persons;
        for (const TestPerson &person : m_book->persons().all())
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
    if (path == QLatin1String("risk")) {
        // GET: the risk verdict of new orders; POST {"risk":"low|moderate|high|blocked"}: set it.
        if (method == Method::Get)
            return json(QJsonObject{{QStringLiteral("risk"), orderRiskName(m_book->risk())}});
        if (method != Method::Post)
            return notAllowed("GET, POST");
        const auto risk = orderRiskFromName(body.value(QStringLiteral("risk")).toString());
        if (!risk)
            return error(400, QStringLiteral("invalidParameters"),
                         QStringLiteral("risk: must be \"low\", \"moderate\", \"high\" or \"blocked\""));
        m_book->setRisk(*risk);
        return json(QJsonObject{{QStringLiteral("risk"), orderRiskName(*risk)}});
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
    bytes += HttpConnection::reasonPhrase(answer.status);
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

} // namespace bankid::sim
