#include "Environment.h"

#include <QFile>

namespace bankid {

QString environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Test: return QStringLiteral("test");
    case Environment::Production: return QStringLiteral("production");
    case Environment::Custom: return QStringLiteral("custom");
    }
    return {};
}

std::optional<Environment> environmentFromName(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    for (Environment e : {Environment::Test, Environment::Production, Environment::Custom}) {
        if (lower == environmentName(e))
            return e;
    }
    return std::nullopt;
}

QUrl defaultBaseUrl(Environment environment)
{
    switch (environment) {
    case Environment::Test: return QUrl(QStringLiteral("https://appapi2.test.bankid.com/rp/v6.0"));
    case Environment::Production: return QUrl(QStringLiteral("https://appapi2.bankid.com/rp/v6.0"));
    case Environment::Custom: return {};
    }
    return {};
}

QUrl defaultIdCardBaseUrl(Environment environment)
{
    switch (environment) {
    case Environment::Test: return QUrl(QStringLiteral("https://idcardapi.test.bankid.com/rp/v1"));
    case Environment::Production: return QUrl(QStringLiteral("https://idcardapi.bankid.com/rp/v1"));
    case Environment::Custom: return {};
    }
    return {};
}

QList<QSslCertificate> bundledRootCertificates(Environment environment)
{
    QString resource;
    switch (environment) {
    case Environment::Test: resource = QStringLiteral(":/bankid/certs/bankid-test-root.pem"); break;
    case Environment::Production: resource = QStringLiteral(":/bankid/certs/bankid-production-root.pem"); break;
    case Environment::Custom: return {};
    }
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslCertificate::fromData(file.readAll(), QSsl::Pem);
}

} // namespace bankid
