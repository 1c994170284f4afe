#include "LaunchUrl.h"

namespace bankid {

namespace {

/// "autostarttoken=<token>&redirect=<redirect>" with both values fully percent-encoded, so a redirect URL
/// containing '&', '=' or '?' stays one query value.
QString launchQuery(const QString &autoStartToken, const QString &redirect)
{
    const QString target = redirect.isEmpty() ? QStringLiteral("null") : redirect;
    return QLatin1String("autostarttoken=") + QString::fromLatin1(QUrl::toPercentEncoding(autoStartToken))
        + QLatin1String("&redirect=") + QString::fromLatin1(QUrl::toPercentEncoding(target));
}

QUrl buildUrl(const QString &prefix, const QString &autoStartToken, const QString &redirect)
{
    // Built from the encoded text in strict mode, so QUrl keeps our percent-encoding byte for byte and
    // the empty authority of "bankid:///" survives.
    return QUrl(prefix + launchQuery(autoStartToken, redirect), QUrl::StrictMode);
}

} // namespace

QUrl LaunchUrl::autostartUrl(const QString &autoStartToken, const QString &redirect)
{
    return buildUrl(QStringLiteral("bankid:///?"), autoStartToken, redirect);
}

QUrl LaunchUrl::mobileAutostartUrl(const QString &autoStartToken, const QString &redirect)
{
    return buildUrl(QStringLiteral("https://app.bankid.com/?"), autoStartToken, redirect);
}

} // namespace bankid
