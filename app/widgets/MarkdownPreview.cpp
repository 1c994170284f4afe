#include "MarkdownPreview.h"

namespace bankid {

namespace {

QString spansToHtml(const MarkdownLine &line)
{
    QString html;
    for (const MarkdownSpan &span : line) {
        QString text = span.text.toHtmlEscaped();
        if (span.italic)
            text = QStringLiteral("<i>") + text + QStringLiteral("</i>");
        if (span.bold)
            text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
        html += text;
    }
    return html;
}

} // namespace

QString MarkdownPreview::toHtml(const SimpleMarkdown &document)
{
    QString html;
    bool inList = false;
    int openTable = -1;
    const auto closeOpenBlocks = [&](MarkdownBlock::Kind next, int nextTable) {
        if (inList && next != MarkdownBlock::Kind::ListItem) {
            html += QStringLiteral("</ul>");
            inList = false;
        }
        if (openTable >= 0 && (next != MarkdownBlock::Kind::TableRow || nextTable != openTable)) {
            html += QStringLiteral("</table>");
            openTable = -1;
        }
    };
    for (const MarkdownBlock &block : document.blocks()) {
        closeOpenBlocks(block.kind, block.tableIndex);
        switch (block.kind) {
        case MarkdownBlock::Kind::Heading: {
            const QString tag = QStringLiteral("h%1").arg(qBound(1, block.level, 3));
            html += QStringLiteral("<%1>%2</%1>").arg(tag, block.lines.isEmpty() ? QString() : spansToHtml(block.lines.first()));
            break;
        }
        case MarkdownBlock::Kind::Paragraph: {
            QStringList lines;
            for (const MarkdownLine &line : block.lines)
                lines << spansToHtml(line);
            html += QStringLiteral("<p>") + lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
            break;
        }
        case MarkdownBlock::Kind::ListItem:
            if (!inList) {
                html += QStringLiteral("<ul>");
                inList = true;
            }
            html += QStringLiteral("<li>") + (block.lines.isEmpty() ? QString() : spansToHtml(block.lines.first()))
                + QStringLiteral("</li>");
            break;
        case MarkdownBlock::Kind::TableRow: {
            if (openTable < 0) {
                html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
                openTable = block.tableIndex;
            }
            const QString cellTag = block.headerRow ? QStringLiteral("th") : QStringLiteral("td");
            html += QStringLiteral("<tr>");
            for (const MarkdownLine &cell : block.cells)
                html += QStringLiteral("<%1>%2</%1>").arg(cellTag, spansToHtml(cell));
            html += QStringLiteral("</tr>");
            break;
        }
        case MarkdownBlock::Kind::HorizontalRule:
            html += QStringLiteral("<hr>");
            break;
        }
    }
    closeOpenBlocks(MarkdownBlock::Kind::HorizontalRule, -1);
    return html;
}

QString MarkdownPreview::plainToHtml(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    html.replace(QLatin1Char('\r'), QStringLiteral("<br>"));
    return QStringLiteral("<p>") + html + QStringLiteral("</p>");
}

} // namespace bankid
