#include "OnceRun.h"

#include "AppSettings.h"
#include "ConnectionManager.h"
#include "MainWindow.h"
#include "RpError.h"

#include <QFileDevice>
#include <QIODevice>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace bankid {

namespace {
Q_LOGGING_CATEGORY(lcOnce, "bankid.desk.once")

QString errorKindName(RpError::Kind kind)
{
    switch (kind) {
    case RpError::Kind::None: return QStringLiteral("none");
    case RpError::Kind::Validation: return QStringLiteral("validation");
    case RpError::Kind::Configuration: return QStringLiteral("configuration");
    case RpError::Kind::Api: return QStringLiteral("api");
    case RpError::Kind::InvalidResponse: return QStringLiteral("invalidResponse");
    case RpError::Kind::Timeout: return QStringLiteral("timeout");
    case RpError::Kind::Connection: return QStringLiteral("connection");
    case RpError::Kind::ServerCertificateUntrusted: return QStringLiteral("serverCertificateUntrusted");
    case RpError::Kind::ClientCertificateRejected: return QStringLiteral("clientCertificateRejected");
    case RpError::Kind::Tls: return QStringLiteral("tls");
    case RpError::Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}
} // namespace

OnceRun::OnceRun(MainWindow *window, ConnectionManager *connections, const DeskOptions &options, QIODevice *output,
                 QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_connections(connections)
    , m_options(options)
    , m_output(output)
{
    Q_ASSERT(window && window->singleOrder());
    connect(window, &MainWindow::orderCompleted, this, &OnceRun::onCompleted);
    connect(window, &MainWindow::orderFailed, this, &OnceRun::onFailed);
    connect(window, &MainWindow::closed, this, &OnceRun::onClosed);
    connect(connections, &ConnectionManager::configurationFailed, this, &OnceRun::onConfigurationFailed);
    if (!connections->isReady() && !connections->lastError().isEmpty())
        onConfigurationFailed(connections->lastError());
}

QJsonObject OnceRun::identityJson(const CompletionData &completion, Flow flow, const QString &orderRef,
                                  const QDateTime &completedAt, const QString &environment, bool withEvidence)
{
    QJsonObject json{
        {QStringLiteral("outcome"), QStringLiteral("verified")},
        {QStringLiteral("personalNumber"), completion.personalNumber},
        {QStringLiteral("name"), completion.name},
        {QStringLiteral("givenName"), completion.givenName},
        {QStringLiteral("surname"), completion.surname},
        {QStringLiteral("flow"), flowName(flow)},
        {QStringLiteral("orderRef"), orderRef},
        {QStringLiteral("completedAt"), completedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("environment"), environment},
    };
    if (withEvidence) {
        json.insert(QStringLiteral("signature"), completion.signature);
        json.insert(QStringLiteral("ocspResponse"), completion.ocspResponse);
    }
    return json;
}

QJsonObject OnceRun::failureJson(const OrderFailure &failure, Flow flow, const QString &orderRef,
                                 const QString &environment)
{
    QJsonObject json{
        {QStringLiteral("outcome"), QStringLiteral("failed")},
        {QStringLiteral("flow"), flowName(flow)},
        {QStringLiteral("environment"), environment},
        {QStringLiteral("message"), failure.technicalMessage},
    };
    if (!orderRef.isEmpty())
        json.insert(QStringLiteral("orderRef"), orderRef);
    switch (failure.kind) {
    case OrderFailure::Kind::HintCode:
        json.insert(QStringLiteral("hintCode"), failure.hintCode);
        break;
    case OrderFailure::Kind::Error:
        json.insert(QStringLiteral("error"), failure.error.errorCode().isEmpty() ? errorKindName(failure.error.kind())
                                                                                : failure.error.errorCode());
        break;
    case OrderFailure::Kind::Deadline:
        json.insert(QStringLiteral("error"), QStringLiteral("deadline"));
        break;
    case OrderFailure::Kind::RiskBlocked:
        json.insert(QStringLiteral("error"), QStringLiteral("riskBlocked"));
        break;
    }
    return json;
}

OnceRun::ExitCode OnceRun::exitCodeFor(const OrderFailure &failure)
{
    if (failure.kind != OrderFailure::Kind::Error)
        return Failed;
    switch (failure.error.kind()) {
    case RpError::Kind::Timeout:
    case RpError::Kind::Connection:
    case RpError::Kind::ServerCertificateUntrusted:
    case RpError::Kind::ClientCertificateRejected:
    case RpError::Kind::Tls:
        return Network;
    case RpError::Kind::Configuration:
        return Usage;
    case RpError::Kind::None:
    case RpError::Kind::Validation:
    case RpError::Kind::Api:
    case RpError::Kind::InvalidResponse:
    case RpError::Kind::Cancelled:
        break;
    }
    return Failed;
}

QString OnceRun::environmentKey() const
{
    return deskEnvironmentName(m_connections->environment());
}

void OnceRun::onCompleted(const CompletionData &completion)
{
    const ResultContext &context = m_window->resultContext();
    finish(Verified, identityJson(completion, context.flow, context.orderRef,
                                  context.completedAt.isValid() ? context.completedAt : QDateTime::currentDateTimeUtc(),
                                  environmentKey(), m_options.withEvidence));
}

void OnceRun::onFailed(const OrderFailure &failure)
{
    const ExitCode code = exitCodeFor(failure);
    qCWarning(lcOnce).noquote() << "the order failed:" << failure.technicalMessage;
    if (code != Failed) {
        finish(code);
        return;
    }
    const ResultContext &context = m_window->resultContext();
    const QString orderRef = m_window->session() ? m_window->session()->orderRef() : context.orderRef;
    finish(Failed, failureJson(failure, context.flow, orderRef, environmentKey()));
}

void OnceRun::onConfigurationFailed(const QString &message)
{
    qCWarning(lcOnce).noquote() << "the connection to BankID could not be configured:" << message;
    finish(Usage);
}

void OnceRun::onClosed()
{
    finish(ClosedByOperator);
}

void OnceRun::finish(int code, const QJsonObject &json)
{
    if (m_exitCode)
        return; // the first outcome counts (a close after a completion changes nothing)
    m_exitCode = code;
    if (!json.isEmpty() && m_output) {
        m_output->write(QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n');
        if (auto *file = qobject_cast<QFileDevice *>(m_output))
            file->flush();
    }
    qCInfo(lcOnce) << "once: exit" << code;
    emit finished(code);
}

} // namespace bankid
