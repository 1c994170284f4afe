#include "RpClient.h"

#include "HttpsConnectionPool.h"
#include "PersonalNumber.h"
#include "RequestValidator.h"
#include "TcpNoDelay.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcRpClient, "bankid.rp")

namespace bankid {

namespace {

QString userAgent()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral("BankID-Desk/%1").arg(version.isEmpty() ? QStringLiteral("0") : version);
}

bool isProxy(const QNetworkProxy &proxy)
{
    return proxy.type() != QNetworkProxy::NoProxy && proxy.type() != QNetworkProxy::DefaultProxy;
}

} // namespace

RpClient::RpClient(QNetworkAccessManager *nam, const RpConfig &config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(config)
    , m_configError(config.validationError())
    , m_sslConfiguration(config.sslConfiguration())
    , m_transport(config.transport)
{
    Q_ASSERT(nam);
    if (!m_configError.isEmpty())
        qCWarning(lcRpClient).noquote() << "unusable RP configuration:" << m_configError;
    else if (m_config.identity.isNull())
        qCWarning(lcRpClient) << "no client certificate configured: BankID will refuse the TLS handshake";
    else
        qCInfo(lcRpClient).noquote() << "RP client for" << m_config.baseUrl.toString() << "as"
                                     << m_config.identity.commonName();

    if (m_transport == RpConfig::Transport::Direct && proxyApplies()) {
        qCInfo(lcRpClient) << "a proxy applies to the BankID URL: using QNetworkAccessManager, the direct "
                              "transport does not speak proxies";
        m_transport = RpConfig::Transport::NetworkAccessManager;
    }

    if (m_transport == RpConfig::Transport::Direct) {
        if (m_configError.isEmpty()) {
            const QUrl &base = m_config.baseUrl;
            const QString host = base.host(QUrl::FullyEncoded);
            const quint16 port = quint16(base.port(443));
            QByteArray hostHeader = host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toLatin1();
            if (port != 443)
                hostHeader += ':' + QByteArray::number(port);
            // Exactly "application/json": BankID answers 415 to "application/json; charset=UTF-8" (api digest §1).
            m_fixedHeaders = "Host: " + hostHeader + "\r\nUser-Agent: " + userAgent().toLatin1()
                             + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                               "Connection: keep-alive\r\nContent-Length: ";
            m_pool = std::make_unique<HttpsConnectionPool>(host, port, m_sslConfiguration, m_config.tcpNoDelay);
        }
        return;
    }

    // Each new TLS connection to our server gets TCP_NODELAY as soon as QNAM reports it encrypted:
    // without it a body above one TLS record (~16 KB) waits ~40 ms for the server's delayed ACK.
    if (m_config.tcpNoDelay) {
        connect(m_nam, &QNetworkAccessManager::encrypted, this, [this](QNetworkReply *reply) {
            const QUrl url = reply->url();
            if (url.host() != m_config.baseUrl.host())
                return;
            const QHostAddress literal(url.host()); // null for a host name: then match on the port alone
            TcpNoDelay::applyToPeer(literal, quint16(url.port(443)));
        });
    }
}

// Out of line: HttpsConnectionPool is complete here. The pool goes first (members before the QObject
// base), so the calls' destructors, run by ~QObject, find their QPointer to it null.
RpClient::~RpClient() = default;

bool RpClient::proxyApplies() const
{
    // The same decision QNAM makes for this URL: its factory, else its explicit proxy, else the
    // application-wide setting (application proxy, application factory or the system configuration when
    // enabled; Qt itself never proxies loopback there).
    const QNetworkProxyQuery query(m_config.baseUrl);
    QList<QNetworkProxy> proxies;
    if (QNetworkProxyFactory *factory = m_nam->proxyFactory())
        proxies = factory->queryProxy(query);
    else if (m_nam->proxy().type() != QNetworkProxy::DefaultProxy)
        proxies = {m_nam->proxy()};
    else
        proxies = QNetworkProxyFactory::proxyForQuery(query);
    for (const QNetworkProxy &proxy : std::as_const(proxies)) {
        if (isProxy(proxy))
            return true;
    }
    return false;
}

int RpClient::openConnectionCount() const
{
    return m_pool ? m_pool->openConnectionCount() : 0;
}

int RpClient::resentRequestCount() const
{
    return m_pool ? m_pool->resentRequestCount() : 0;
}

QByteArray RpClient::directRequest(const QUrl &url, const QByteArray &body) const
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray length = QByteArray::number(body.size());
    QByteArray request;
    request.reserve(5 + target.size() + 11 + m_fixedHeaders.size() + length.size() + 4 + body.size());
    request += "POST ";
    request += target;
    request += " HTTP/1.1\r\n";
    request += m_fixedHeaders;
    request += length;
    request += "\r\n\r\n";
    request += body;
    return request;
}

RpCall *RpClient::start(const OrderRequest &request)
{
    const QString path = endpointPath(request.flow);
    if (const std::optional<ValidationError> invalid = RequestValidator::validate(request)) {
        auto *call = new RpCall(RpCall::Endpoint::Order, request.flow, path, {}, this);
        call->failLater(RpError::validation(invalid->field(), invalid->ruleName(), invalid->message()));
        return call;
    }
    QString summary = QStringLiteral("flow=%1").arg(flowName(request.flow));
    if (!request.requirement.personalNumber.isEmpty())
        summary += QStringLiteral(" requirement.personalNumber=") + PersonalNumber::mask(request.requirement.personalNumber);
    if (!request.personalNumber.isEmpty())
        summary += QStringLiteral(" personalNumber=") + PersonalNumber::mask(request.personalNumber);
    return post(RpCall::Endpoint::Order, request.flow, path, {}, request.toJson(), summary);
}

RpCall *RpClient::collect(const QString &orderRef)
{
    return orderRefCall(RpCall::Endpoint::Collect, QStringLiteral("collect"), orderRef);
}

RpCall *RpClient::cancel(const QString &orderRef)
{
    return orderRefCall(RpCall::Endpoint::Cancel, QStringLiteral("cancel"), orderRef);
}

RpCall *RpClient::orderRefCall(RpCall::Endpoint endpoint, const QString &path, const QString &orderRef)
{
    if (orderRef.trimmed().isEmpty()) {
        auto *call = new RpCall(endpoint, Flow::Auth, path, orderRef, this);
        call->failLater(RpError::validation(QStringLiteral("orderRef"), QStringLiteral("required"),
                                            QStringLiteral("orderRef is empty; /%1 needs the orderRef of an order").arg(path)));
        return call;
    }
    QJsonObject body;
    body.insert(QLatin1String("orderRef"), orderRef);
    return post(endpoint, Flow::Auth, path, orderRef, body, QStringLiteral("orderRef=") + orderRef);
}

RpCall *RpClient::post(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef,
                       const QJsonObject &body, const QString &logSummary)
{
    auto *call = new RpCall(endpoint, flow, path, orderRef, this);
    if (!m_configError.isEmpty()) {
        call->failLater(RpError::configuration(m_configError));
        return call;
    }

    const QUrl url = m_config.endpointUrl(path);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    emit requestSent(path);
    if (m_pool) {
        call->sendDirect(m_pool.get(), directRequest(url, bytes), url.path(), m_config.transferTimeoutMs, logSummary);
        return call;
    }

    QNetworkRequest request(url);
    // Exactly this value: BankID answers 415 to "application/json; charset=UTF-8" (api digest §1).
    request.setRawHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, m_config.http2Allowed);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(m_sslConfiguration);
    request.setTransferTimeout(m_config.transferTimeoutMs);

    call->send(m_nam, request, bytes, m_config.transferTimeoutMs, logSummary);
    return call;
}

} // namespace bankid
