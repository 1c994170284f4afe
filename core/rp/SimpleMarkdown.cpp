#include "SimpleMarkdown.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace bankid {

namespace {

/// Characters a backslash makes literal (UNCONFIRMED, see the class comment).
bool isEscapable(QChar c)
{
    return c == QLatin1Char('*') || c == QLatin1Char('+') || c == QLatin1Char('|') || c == QLatin1Char('#')
        || c == QLatin1Char('\\') || c == QLatin1Char('-');
}

/// A table header separator cell: dashes with optional alignment colons ("---", ":--:").
bool isSeparatorCell(const QString &cell)
{
    static const QRegularExpression separator(QStringLiteral("^:?-+:?$"));
    return separator.match(cell.trimmed()).hasMatch();
}

QString lineText(const MarkdownLine &line)
{
    QString text;
    for (const MarkdownSpan &span : line)
        text += span.text;
    return text;
}

} // namespace

QString MarkdownIssue::ruleName() const
{
    switch (rule) {
    case Rule::ControlCharacter: return QStringLiteral("controlCharacter");
    case Rule::HeadingLevel: return QStringLiteral("headingLevel");
    case Rule::HeadingSpace: return QStringLiteral("headingSpace");
    case Rule::HeadingEmpty: return QStringLiteral("headingEmpty");
    case Rule::ListItemEmpty: return QStringLiteral("listItemEmpty");
    case Rule::TableRowUnclosed: return QStringLiteral("tableRowUnclosed");
    case Rule::TableColumns: return QStringLiteral("tableColumns");
    case Rule::UnclosedBold: return QStringLiteral("unclosedBold");
    case Rule::UnclosedItalic: return QStringLiteral("unclosedItalic");
    case Rule::EmptyEmphasis: return QStringLiteral("emptyEmphasis");
    }
    return {};
}

QString MarkdownIssue::message() const
{
    switch (rule) {
    case Rule::ControlCharacter:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "control characters other than line breaks and tabs are not allowed");
    case Rule::HeadingLevel:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "a heading has at most three '#' (levels 1 to 3)");
    case Rule::HeadingSpace:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "a space is needed between '#' and the heading text");
    case Rule::HeadingEmpty:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "the heading has no text");
    case Rule::ListItemEmpty:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "the list item has no text");
    case Rule::TableRowUnclosed:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "a table row must end with '|'");
    case Rule::TableColumns:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "this table row has a different number of cells than the first row");
    case Rule::UnclosedBold:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "'*' (bold) is opened but not closed on the same line");
    case Rule::UnclosedItalic:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "'+' (italic) is opened but not closed on the same line");
    case Rule::EmptyEmphasis:
        return QCoreApplication::translate("bankid::SimpleMarkdown", "emphasis markers with no text between them");
    }
    return {};
}

QString MarkdownIssue::toString() const
{
    return QCoreApplication::translate("bankid::SimpleMarkdown", "line %1, column %2: %3").arg(line).arg(column).arg(message());
}

SimpleMarkdown SimpleMarkdown::parse(const QString &text)
{
    SimpleMarkdown doc;
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    const QStringList lines = text.split(lineBreak);
    for (qsizetype i = 0; i < lines.size(); ++i)
        doc.parseLine(lines.at(i), int(i + 1));
    return doc;
}

QString SimpleMarkdown::plainText() const
{
    QStringList out;
    for (const MarkdownBlock &block : m_blocks) {
        switch (block.kind) {
        case MarkdownBlock::Kind::Heading:
        case MarkdownBlock::Kind::Paragraph:
        case MarkdownBlock::Kind::ListItem:
            for (const MarkdownLine &line : block.lines)
                out.append(lineText(line));
            break;
        case MarkdownBlock::Kind::TableRow: {
            QStringList cells;
            for (const MarkdownLine &cell : block.cells)
                cells.append(lineText(cell));
            out.append(cells.join(QLatin1String(" | ")));
            break;
        }
        case MarkdownBlock::Kind::HorizontalRule:
            out.append(QString());
            break;
        }
    }
    return out.join(QLatin1Char('\n'));
}

void SimpleMarkdown::addIssue(int line, int column, MarkdownIssue::Rule rule)
{
    MarkdownIssue issue;
    issue.line = line;
    issue.column = column;
    issue.rule = rule;
    m_issues.append(issue);
}

void SimpleMarkdown::endBlockRun()
{
    m_inParagraph = false;
    m_inTable = false;
}

void SimpleMarkdown::parseLine(const QString &line, int lineNumber)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\t'))
            addIssue(lineNumber, int(i + 1), MarkdownIssue::Rule::ControlCharacter);
    }

    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty()) {
        endBlockRun();
        return;
    }

    MarkdownBlock block;
    block.sourceLine = lineNumber;

    if (line.startsWith(QLatin1Char('#'))) {
        endBlockRun();
        int hashes = 0;
        while (hashes < line.size() && line.at(hashes) == QLatin1Char('#'))
            ++hashes;
        if (hashes > 3)
            addIssue(lineNumber, 1, MarkdownIssue::Rule::HeadingLevel);
        if (hashes < line.size() && line.at(hashes) != QLatin1Char(' '))
            addIssue(lineNumber, hashes + 1, MarkdownIssue::Rule::HeadingSpace);
        int textStart = hashes;
        while (textStart < line.size() && line.at(textStart).isSpace())
            ++textStart;
        const QString text = line.mid(textStart).trimmed();
        if (text.isEmpty())
            addIssue(lineNumber, 1, MarkdownIssue::Rule::HeadingEmpty);
        block.kind = MarkdownBlock::Kind::Heading;
        block.level = qMin(hashes, 3);
        block.lines.append(parseInline(text, lineNumber, textStart + 1));
        m_blocks.append(block);
        return;
    }

    static const QRegularExpression rule(QStringLiteral("^-{3,}$"));
    if (rule.match(trimmed).hasMatch()) {
        endBlockRun();
        block.kind = MarkdownBlock::Kind::HorizontalRule;
        m_blocks.append(block);
        return;
    }

    if (line.startsWith(QLatin1String("+ ")) || trimmed == QLatin1String("+")) {
        endBlockRun();
        int textStart = 1;
        while (textStart < line.size() && line.at(textStart).isSpace())
            ++textStart;
        const QString text = line.mid(textStart).trimmed();
        if (text.isEmpty())
            addIssue(lineNumber, 1, MarkdownIssue::Rule::ListItemEmpty);
        block.kind = MarkdownBlock::Kind::ListItem;
        block.lines.append(parseInline(text, lineNumber, textStart + 1));
        m_blocks.append(block);
        return;
    }

    if (trimmed.startsWith(QLatin1Char('|'))) {
        const int start = int(line.indexOf(QLatin1Char('|')));
        int end = int(line.size());
        while (end > start && line.at(end - 1).isSpace())
            --end;
        const bool closed = end - start >= 2 && line.at(end - 1) == QLatin1Char('|')
            && !(end - 2 > start && line.at(end - 2) == QLatin1Char('\\'));
        if (!closed)
            addIssue(lineNumber, end, MarkdownIssue::Rule::TableRowUnclosed);
        const int contentEnd = closed ? end - 1 : end;

        // Split on unescaped '|'; remember where each cell starts for column numbers.
        QStringList cellTexts;
        QList<int> cellColumns;
        QString cell;
        int cellStart = start + 1;
        for (int i = start + 1; i < contentEnd; ++i) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('\\') && i + 1 < contentEnd) {
                cell += c;
                cell += line.at(i + 1);
                ++i;
                continue;
            }
            if (c == QLatin1Char('|')) {
                cellTexts.append(cell);
                cellColumns.append(cellStart + 1);
                cell.clear();
                cellStart = i + 1;
                continue;
            }
            cell += c;
        }
        cellTexts.append(cell);
        cellColumns.append(cellStart + 1);

        const bool separator = std::all_of(cellTexts.cbegin(), cellTexts.cend(), isSeparatorCell);
        if (m_inTable && separator && !m_blocks.isEmpty() && m_blocks.last().kind == MarkdownBlock::Kind::TableRow) {
            if (cellTexts.size() != m_tableColumns)
                addIssue(lineNumber, start + 1, MarkdownIssue::Rule::TableColumns);
            m_blocks.last().headerRow = true;
            return;
        }
        if (!m_inTable) {
            endBlockRun();
            m_inTable = true;
            m_tableColumns = int(cellTexts.size());
            ++m_tableCount;
        } else if (cellTexts.size() != m_tableColumns) {
            addIssue(lineNumber, start + 1, MarkdownIssue::Rule::TableColumns);
        }
        block.kind = MarkdownBlock::Kind::TableRow;
        block.tableIndex = m_tableCount - 1;
        for (qsizetype i = 0; i < cellTexts.size(); ++i) {
            const QString &raw = cellTexts.at(i);
            int leading = 0;
            while (leading < raw.size() && raw.at(leading).isSpace())
                ++leading;
            block.cells.append(parseInline(raw.trimmed(), lineNumber, cellColumns.at(i) + leading));
        }
        m_blocks.append(block);
        return;
    }

    // Plain text: consecutive lines form one paragraph, each line kept as a line break.
    m_inTable = false;
    const MarkdownLine spans = parseInline(line, lineNumber, 1);
    if (m_inParagraph && !m_blocks.isEmpty()) {
        m_blocks.last().lines.append(spans);
        return;
    }
    m_inParagraph = true;
    block.kind = MarkdownBlock::Kind::Paragraph;
    block.lines.append(spans);
    m_blocks.append(block);
}

MarkdownLine SimpleMarkdown::parseInline(const QString &text, int lineNumber, int firstColumn)
{
    MarkdownLine spans;
    QString current;
    bool bold = false;
    bool italic = false;
    int boldColumn = 0;
    int italicColumn = 0;

    auto flush = [&] {
        if (!current.isEmpty()) {
            spans.append(MarkdownSpan{current, bold, italic});
            current.clear();
        }
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < n && isEscapable(text.at(i + 1))) {
            current += text.at(i + 1);
            ++i;
            continue;
        }
        if (c != QLatin1Char('*') && c != QLatin1Char('+')) {
            current += c;
            continue;
        }
        const bool isBold = c == QLatin1Char('*');
        bool &open = isBold ? bold : italic;
        int &openColumn = isBold ? boldColumn : italicColumn;
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        const QChar prev = i > 0 ? text.at(i - 1) : QChar();
        const int column = firstColumn + int(i);

        if (!open) {
            if (next == c) {
                addIssue(lineNumber, column, MarkdownIssue::Rule::EmptyEmphasis);
                ++i;
                continue;
            }
            // An opener must touch its text and start a word; otherwise it is a literal "2 + 2", "5*3".
            const bool startsWord = prev.isNull() || prev.isSpace() || prev.isPunct() || prev.isSymbol();
            if (next.isNull() || next.isSpace() || !startsWord) {
                current += c;
                continue;
            }
            flush();
            open = true;
            openColumn = column;
            continue;
        }
        if (prev.isSpace()) {
            current += c;
            continue;
        }
        flush();
        open = false;
    }
    flush();
    if (bold)
        addIssue(lineNumber, boldColumn, MarkdownIssue::Rule::UnclosedBold);
    if (italic)
        addIssue(lineNumber, italicColumn, MarkdownIssue::Rule::UnclosedItalic);
    return spans;
}

} // namespace bankid
