#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <optional>

namespace bankid {

/// Which BankID RP API installation a configuration talks to.
enum class Environment {
    Test,       ///< BankID's test system, appapi2.test.bankid.com, pinned to "Test BankID SSL Root CA v1 Test"
    Production, ///< BankID's production system, appapi2.bankid.com, pinned to "BankID SSL Root CA v1"
    Custom,     ///< anything else (the local simulator, a staging proxy): URL and CA file given explicitly
};

/// "test", "production" or "custom" (settings and CLI spelling).
QString environmentName(Environment environment);

/// Inverse of environmentName(); case-insensitive; std::nullopt for anything else.
std::optional<Environment> environmentFromName(const QString &name);

/// The RP API v6.0 base URL of the environment (api digest §1); an empty QUrl for Custom.
QUrl defaultBaseUrl(Environment environment);

/// The Verify API v1 (digital ID card) base URL of the environment (api digest §11): test
/// https://idcardapi.test.bankid.com/rp/v1, production https://idcardapi.bankid.com/rp/v1; an empty QUrl for
/// Custom (RpConfig derives one from the RP API base URL, see RpConfig::derivedIdCardBaseUrl()).
QUrl defaultIdCardBaseUrl(Environment environment);

/// The BankID SSL root CA bundled for the environment (resources :/bankid/certs/*.pem); empty for Custom.
/// These are the ONLY roots the client trusts for Test/Production: the system store is never used.
QList<QSslCertificate> bundledRootCertificates(Environment environment);

} // namespace bankid
