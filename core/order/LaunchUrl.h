#pragma once

#include <QString>
#include <QUrl>

namespace bankid {

/// URLs that launch the BankID app on the same device with an order's autoStartToken (facts file §6).
///
/// Desktop: `bankid:///?autostarttoken=<token>&redirect=null` (three slashes, as the official sample's
/// desktop flow). Mobile: `https://app.bankid.com/?autostarttoken=<token>&redirect=<url-encoded>`.
/// Launch only after a user action, one start method per order, never put the token in a QR code.
/// For a desktop native app `redirect=null` and no returnUrl is the suggested choice (UNCONFIRMED).
///
/// Usage:
/// \code
///   QDesktopServices::openUrl(LaunchUrl::autostartUrl(order.autoStartToken));
/// \endcode
class LaunchUrl
{
public:
    LaunchUrl() = delete;

    /// The desktop launch URL; \a redirect "null" means "do not redirect when done".
    static QUrl autostartUrl(const QString &autoStartToken, const QString &redirect = QStringLiteral("null"));
    /// The iOS/Android universal link; \a redirect is percent-encoded into the query (empty: "null").
    static QUrl mobileAutostartUrl(const QString &autoStartToken, const QString &redirect = QStringLiteral("null"));
};

} // namespace bankid
