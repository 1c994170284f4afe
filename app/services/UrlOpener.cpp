#include "UrlOpener.h"

#include <QDesktopServices>

namespace bankid {

UrlOpener::UrlOpener()
    : m_function([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
}

UrlOpener::UrlOpener(Function function)
    : m_function(std::move(function))
{
}

bool UrlOpener::open(const QUrl &url) const
{
    return m_function ? m_function(url) : false;
}

} // namespace bankid
