#include "DemoPhoneSignerText.h"

#include "MarkdownPreview.h"
#include "Order.h"
#include "SimpleMarkdown.h"

#include <QSslCertificate>

namespace bankid {

QString DemoPhoneSignerText::heading(const sim::Order &order)
{
    const QStringList names = order.creator.subjectInfo(QSslCertificate::CommonName);
    const QString relyingParty = names.isEmpty() ? QString() : names.first();
    switch (order.request.kind) {
    case sim::OrderKind::Auth:
    case sim::OrderKind::PhoneAuth:
        return relyingParty.isEmpty() ? tr("Log in") : tr("Log in to %1").arg(relyingParty);
    case sim::OrderKind::Sign:
    case sim::OrderKind::PhoneSign:
        return relyingParty.isEmpty() ? tr("Sign") : tr("Sign for %1").arg(relyingParty);
    case sim::OrderKind::Payment:
        return relyingParty.isEmpty() ? tr("Approve a payment") : tr("Approve a payment for %1").arg(relyingParty);
    }
    return relyingParty;
}

QString DemoPhoneSignerText::visibleText(const sim::Order &order)
{
    return QString::fromUtf8(QByteArray::fromBase64(order.request.userVisibleData));
}

QString DemoPhoneSignerText::toHtml(const sim::Order &order)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(heading(order).toHtmlEscaped());
    const QString text = visibleText(order);
    if (!text.isEmpty()) {
        html += order.request.userVisibleDataIsMarkdown ? MarkdownPreview::toHtml(SimpleMarkdown::parse(text))
                                                        : MarkdownPreview::plainToHtml(text);
    }
    return html;
}

} // namespace bankid
