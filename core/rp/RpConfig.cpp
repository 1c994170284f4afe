#include "RpConfig.h"

#include "BoundedFileReader.h"

#include <QFile>
#include <QFileInfo>
#include <QSsl>

namespace bankid {

RpConfig RpConfig::forEnvironment(Environment environment, const ClientIdentity &identity)
{
    RpConfig config;
    config.environment = environment;
    config.baseUrl = defaultBaseUrl(environment);
    config.idCardBaseUrl = defaultIdCardBaseUrl(environment);
    config.caCertificates = bundledRootCertificates(environment);
    config.identity = identity;
    return config;
}

std::optional<RpConfig> RpConfig::forCustomServer(const QUrl &baseUrl, const QString &caFile,
                                                  const QString &identityFile, const QByteArray &password,
                                                  QString *error, const QString &keyFile)
{
    RpConfig config = forEnvironment(Environment::Custom);
    config.baseUrl = baseUrl;
    config.idCardBaseUrl = derivedIdCardBaseUrl(baseUrl);
    const auto roots = loadCaFile(caFile, error);
    if (!roots)
        return std::nullopt;
    config.caCertificates = *roots;
    config.identity = ClientIdentity::load(identityFile, password, keyFile);
    if (config.identity.isNull()) {
        if (error)
            *error = config.identity.error().message();
        return std::nullopt;
    }
    if (const QString problem = config.validationError(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return config;
}

std::optional<QList<QSslCertificate>> RpConfig::loadCaFile(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = QStringLiteral("CA file %1 does not exist").arg(path);
        return std::nullopt;
    }
    QString reason;
    const std::optional<QByteArray> data = BoundedFileReader::read(path, BoundedFileReader::MaxCertificateBytes, &reason);
    if (!data) {
        if (error)
            *error = QStringLiteral("CA file %1 cannot be read: %2").arg(path, reason);
        return std::nullopt;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(*data, QSsl::Pem);
    if (certificates.isEmpty()) {
        if (error)
            *error = QStringLiteral("CA file %1 contains no PEM certificate").arg(path);
        return std::nullopt;
    }
    return certificates;
}

QString RpConfig::validationError() const
{
    if (!baseUrl.isValid() || baseUrl.isEmpty())
        return QStringLiteral("baseUrl is empty or invalid");
    if (baseUrl.scheme() != QLatin1String("https"))
        return QStringLiteral("baseUrl must use https (mutual TLS), got \"%1\"").arg(baseUrl.scheme());
    if (baseUrl.host().isEmpty())
        return QStringLiteral("baseUrl has no host");
    if (caCertificates.isEmpty())
        return QStringLiteral("caCertificates is empty: no pinned root CA for the %1 environment")
            .arg(environmentName(environment));
    if (transferTimeoutMs <= 0)
        return QStringLiteral("transferTimeoutMs must be positive, got %1").arg(transferTimeoutMs);
    if (requestDeadlineMs <= 0)
        return QStringLiteral("requestDeadlineMs must be positive, got %1").arg(requestDeadlineMs);
    if (identity.error().isError())
        return QStringLiteral("identity: ") + identity.error().message();
    return {};
}

QSslConfiguration RpConfig::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setCaCertificates(caCertificates); // replaces the system roots; disables on-demand loading
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!identity.isNull()) {
        ssl.setLocalCertificate(identity.certificate());
        ssl.setPrivateKey(identity.privateKey());
        QList<QSslCertificate> chain{identity.certificate()};
        chain += identity.chain();
        ssl.setLocalCertificateChain(chain);
    }
    ssl.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    return ssl;
}

namespace {

QUrl below(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    if (!basePath.endsWith(QLatin1Char('/')))
        basePath += QLatin1Char('/');
    url.setPath(basePath + path);
    return url;
}

} // namespace

QUrl RpConfig::endpointUrl(const QString &path) const
{
    return below(baseUrl, path);
}

QUrl RpConfig::derivedIdCardBaseUrl(const QUrl &rpBaseUrl)
{
    QString path = rpBaseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QLatin1String rpVersion("/v6.0");
    if (!rpBaseUrl.isValid() || !path.endsWith(rpVersion))
        return {};
    QUrl derived = rpBaseUrl;
    derived.setPath(path.chopped(rpVersion.size()) + QStringLiteral("/v1"));
    return derived;
}

QUrl RpConfig::effectiveIdCardBaseUrl() const
{
    if (!idCardBaseUrl.isEmpty())
        return idCardBaseUrl;
    return environment == Environment::Custom ? derivedIdCardBaseUrl(baseUrl) : defaultIdCardBaseUrl(environment);
}

QString RpConfig::idCardValidationError() const
{
    const QUrl url = effectiveIdCardBaseUrl();
    if (url.isEmpty())
        return QStringLiteral("no Verify API base URL: idCardBaseUrl is empty and cannot be derived from baseUrl \"%1\" "
                              "(its last path segment is not v6.0)")
            .arg(baseUrl.toString());
    if (!url.isValid())
        return QStringLiteral("idCardBaseUrl is invalid");
    if (url.scheme() != QLatin1String("https"))
        return QStringLiteral("idCardBaseUrl must use https (mutual TLS), got \"%1\"").arg(url.scheme());
    if (url.host().isEmpty())
        return QStringLiteral("idCardBaseUrl has no host");
    return {};
}

QUrl RpConfig::idCardEndpointUrl(const QString &path) const
{
    return below(effectiveIdCardBaseUrl(), path);
}

} // namespace bankid
