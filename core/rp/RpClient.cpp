#include "RpClient.h"

#include "PersonalNumber.h"
#include "RequestValidator.h"
#include "RpLogging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>


namespace bankid {

namespace {

QString userAgent()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral("BankID-Desk/%1").arg(version.isEmpty() ? QStringLiteral("0") : version);
}

} // namespace

RpClient::RpClient(QNetworkAccessManager *nam, const RpConfig &config, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_config(config)
    , m_configError(config.validationError())
    , m_sslConfiguration(config.sslConfiguration())
{
    Q_ASSERT(nam);
    if (!m_configError.isEmpty())
        qCWarning(lcRp).noquote() << "unusable RP configuration:" << m_configError;
    else if (m_config.identity.isNull())
        qCWarning(lcRp) << "no client certificate configured: BankID will refuse the TLS handshake";
    else
        qCInfo(lcRp).noquote() << "RP client for" << m_config.baseUrl.toString() << "as"
                                     << m_config.identity.commonName();
}

RpClient::~RpClient() = default;

RpCall *RpClient::start(const OrderRequest &request)
{
    const QString path = endpointPath(request.flow);
    if (const std::optional<ValidationError> invalid = RequestValidator::validate(request)) {
        RpCall *call = newCall(RpCall::Endpoint::Order, request.flow, path, {});
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
        RpCall *call = newCall(endpoint, Flow::Auth, path, orderRef);
        call->failLater(RpError::validation(QStringLiteral("orderRef"), QStringLiteral("required"),
                                            QStringLiteral("orderRef is empty; /%1 needs the orderRef of an order").arg(path)));
        return call;
    }
    QJsonObject body;
    body.insert(QLatin1String("orderRef"), orderRef);
    return post(endpoint, Flow::Auth, path, orderRef, body, QStringLiteral("orderRef=") + orderRef);
}

RpCall *RpClient::newCall(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef)
{
    auto *call = new RpCall(endpoint, flow, path, orderRef, this);
    trackUntilFinished();
    connect(call, &RpCall::finished, this, &RpClient::untrack);
    return call;
}

void RpClient::trackUntilFinished()
{
    ++m_inFlight;
}

void RpClient::untrack()
{
    if (--m_inFlight == 0)
        emit idle();
}

RpCall *RpClient::verifyIdCard(const IdCardCode &code)
{
    const QString path = QStringLiteral("verify");
    const QString problem = m_config.idCardValidationError();
    if (m_configError.isEmpty() && !problem.isEmpty()) {
        RpCall *call = newCall(RpCall::Endpoint::IdCardVerify, Flow::Auth, path, {});
        call->failLater(RpError::configuration(problem));
        return call;
    }
    const QJsonObject body{{QStringLiteral("qrCode"), code.text()}};
    return post(RpCall::Endpoint::IdCardVerify, Flow::Auth, path, {}, body, QStringLiteral("qrCode=") + code.loggable());
}

CancelJob *RpClient::cancelOrder(const QString &orderRef)
{
    auto *job = new CancelJob(this, orderRef);
    trackUntilFinished();
    connect(job, &CancelJob::finished, this, &RpClient::untrack);
    job->send();
    return job;
}

void RpClient::cancelOrderWhenCreated(RpCall *orderCall)
{
    trackUntilFinished(); // the cancel that may follow must be waited for too
    connect(orderCall, &RpCall::finished, this, [this, orderCall] {
        if (orderCall->ok()) {
            qCInfo(lcRp).noquote() << "order" << orderCall->orderResponse().orderRef
                                         << "was abandoned before BankID answered: cancelling it";
            cancelOrder(orderCall->orderResponse().orderRef);
        }
        untrack();
    });
}

RpCall *RpClient::post(RpCall::Endpoint endpoint, Flow flow, const QString &path, const QString &orderRef,
                       const QJsonObject &body, const QString &logSummary)
{
    RpCall *call = newCall(endpoint, flow, path, orderRef);
    if (!m_configError.isEmpty()) {
        call->failLater(RpError::configuration(m_configError));
        return call;
    }

    QNetworkRequest request(endpoint == RpCall::Endpoint::IdCardVerify ? m_config.idCardEndpointUrl(path)
                                                                        : m_config.endpointUrl(path));
    // Exactly this value: BankID answers 415 to "application/json; charset=UTF-8" (api digest §1).
    request.setRawHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(m_sslConfiguration);
    request.setTransferTimeout(m_config.transferTimeoutMs);

    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.setHeader(QNetworkRequest::ContentLengthHeader, bytes.size());
    emit requestSent(path);
    call->send(m_nam, request, bytes, m_config.transferTimeoutMs, m_config.requestDeadlineMs, logSummary);
    return call;
}

} // namespace bankid
