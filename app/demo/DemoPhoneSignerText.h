#pragma once

#include <QCoreApplication>
#include <QString>

namespace bankid::sim {
struct Order;
}

namespace bankid {

/// What the person reads in the BankID app for one simulated order, as HTML for the demo phone: a heading
/// in the app's manner ("Log in to <RP>", "Sign for <RP>", ...; the RP named by the common name of the
/// certificate that created the order) and, below it, the order's userVisibleData decoded from base64 and
/// rendered as simpleMarkdownV1 (MarkdownPreview) when the order said so, as escaped plain text otherwise.
///
/// Contract: pure presentation; never throws; text that is not valid base64/UTF-8 is shown as decoded
/// (QString::fromUtf8's replacement characters), never interpreted as markup.
///
/// \code
///   signerTextBrowser->setHtml(bankid::DemoPhoneSignerText::toHtml(*book->find(orderRef)));
/// \endcode
class DemoPhoneSignerText
{
    Q_DECLARE_TR_FUNCTIONS(DemoPhoneSignerText)

public:
    DemoPhoneSignerText() = delete;

    /// The app's heading for `order` (translated).
    static QString heading(const sim::Order &order);
    /// The order's userVisibleData as text (empty when none was sent).
    static QString visibleText(const sim::Order &order);
    /// Heading and text as the small HTML subset QTextBrowser renders.
    static QString toHtml(const sim::Order &order);
};

} // namespace bankid
