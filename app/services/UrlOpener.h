#pragma once

#include <QUrl>

#include <functional>

namespace bankid {

/// Hands a URL to whatever the desktop registered for its scheme; the desk launches the BankID app with it
/// (bankid:///?autostarttoken=...&redirect=null, api digest §6). Injectable so tests see every launch
/// instead of starting a real program.
///
/// Contract: open() returns what the opener reports: false means nothing handles the URL (no program is
/// registered for "bankid:"); true means it was handed on, not that BankID started. A default-constructed
/// opener uses QDesktopServices::openUrl.
///
/// \code
///   QList<QUrl> opened;
///   window.setUrlOpener(bankid::UrlOpener([&opened](const QUrl &url) { opened << url; return true; }));
/// \endcode
class UrlOpener
{
public:
    using Function = std::function<bool(const QUrl &)>;

    /// QDesktopServices::openUrl.
    UrlOpener();
    /// `function` instead (tests); an empty function opens nothing and reports false.
    explicit UrlOpener(Function function);

    bool open(const QUrl &url) const;

private:
    Function m_function;
};

} // namespace bankid
