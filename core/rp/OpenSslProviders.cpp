#include "OpenSslProviders.h"

#include <QLoggingCategory>

#include <openssl/err.h>
#include <openssl/provider.h>

#include <atomic>
#include <mutex>

Q_LOGGING_CATEGORY(lcOpenSslProviders, "bankid.tls")

namespace bankid {

namespace {

/// Set once the legacy provider is loaded; readable without the once_flag.
std::atomic<bool> s_legacyLoaded{false};

struct ProviderState
{
    bool legacyLoaded = false;
    QString error;
};

ProviderState loadProviders()
{
    ProviderState state;
    // Order matters only in that both end up loaded; "default" first keeps modern algorithms available
    // even if the legacy module is absent on this system.
    if (!OSSL_PROVIDER_load(nullptr, "default")) {
        state.error = QStringLiteral("OpenSSL: the \"default\" provider could not be loaded");
        ERR_clear_error();
    }
    if (OSSL_PROVIDER_load(nullptr, "legacy")) {
        state.legacyLoaded = true;
    } else {
        state.error = QStringLiteral("OpenSSL: the \"legacy\" provider (ossl-modules/legacy.so) could not be "
                                     "loaded; PKCS#12 files with RC2/3DES encryption cannot be read");
        ERR_clear_error();
    }
    if (state.legacyLoaded)
        qCDebug(lcOpenSslProviders) << "OpenSSL legacy and default providers loaded";
    else
        qCWarning(lcOpenSslProviders).noquote() << state.error;
    return state;
}

} // namespace

bool OpenSslProviders::ensureLegacyLoaded(QString *error)
{
    static std::once_flag once;
    static ProviderState state;
    std::call_once(once, [] {
        state = loadProviders();
        s_legacyLoaded = state.legacyLoaded;
    });
    if (error)
        *error = state.error;
    return state.legacyLoaded;
}

bool OpenSslProviders::legacyLoaded()
{
    return s_legacyLoaded;
}

} // namespace bankid
