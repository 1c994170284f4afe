#pragma once

#include <QList>
#include <QString>

namespace bankid {

/// One run of text with the same emphasis inside a line.
struct MarkdownSpan {
    QString text;
    bool bold = false;   ///< *strong emphasis*
    bool italic = false; ///< +emphasis+
    bool operator==(const MarkdownSpan &other) const = default;
};

/// The spans of one source line.
using MarkdownLine = QList<MarkdownSpan>;

/// One block of a parsed simpleMarkdownV1 text, in source order. A GUI preview renders these directly.
struct MarkdownBlock {
    enum class Kind {
        Heading,        ///< "# ", "## ", "### ": level in `level`, text in lines[0]
        Paragraph,      ///< consecutive text lines; each source line stays a line (CR/LF are line breaks)
        ListItem,       ///< "+ item": text in lines[0]
        TableRow,       ///< "| a | b |": one MarkdownLine per cell in `cells`
        HorizontalRule, ///< "---"
    };
    Kind kind = Kind::Paragraph;
    int level = 0;              ///< heading level 1..3
    int sourceLine = 0;         ///< 1-based line where the block starts
    QList<MarkdownLine> lines;  ///< Heading, Paragraph, ListItem
    QList<MarkdownLine> cells;  ///< TableRow
    bool headerRow = false;     ///< TableRow followed by a "|---|---|" separator row
    int tableIndex = -1;        ///< TableRow: which table (0-based) of the text it belongs to
};

/// One syntax problem, located by 1-based line and column (columns count UTF-16 code units).
struct MarkdownIssue {
    enum class Rule {
        ControlCharacter, ///< a control character other than CR, LF or TAB
        HeadingLevel,     ///< more than three '#'
        HeadingSpace,     ///< no space between the '#'s and the heading text
        HeadingEmpty,     ///< a heading marker without text
        ListItemEmpty,    ///< "+ " without text
        TableRowUnclosed, ///< a table row that does not end with '|'
        TableColumns,     ///< a table row with a different cell count than the table's first row
        UnclosedBold,     ///< a '*' opened on this line is never closed on it
        UnclosedItalic,   ///< a '+' opened on this line is never closed on it
        EmptyEmphasis,    ///< "**" or "++": emphasis around nothing
    };
    int line = 0;
    int column = 0;
    Rule rule = Rule::ControlCharacter;

    /// "headingSpace", ...: stable names for logs and tests.
    QString ruleName() const;
    /// Translated English explanation (without the position), e.g. "'*' is opened but never closed".
    QString message() const;
    /// "line 3, column 7: ..." translated.
    QString toString() const;
};

/// Parser and validator for BankID's "simpleMarkdownV1" userVisibleData format.
///
/// Verified: the format name and its purpose (BankID "Guidelines for Formatted Text" 1.1, 2020-12-15:
/// "strong emphasis and table", and usrVisibleData in the signature keeps the exact bytes sent); "###"
/// headings and "+ " list items (Signicat's BankID guide example). UNCONFIRMED, from the task brief and
/// general Markdown practice, because the guide's syntax section could not be read: headings "#"/"##",
/// bold "*text*", italic "+text+", "|"-delimited table rows with an optional "|---|" header separator,
/// the "---" horizontal rule, backslash escapes (\* \+ \| \# \\), and our reading that a '*' or '+'
/// followed by a space is literal (so "2 + 2" and "+ item" are not emphasis). Emphasis never spans lines.
///
/// The validator reports every issue with line, column and rule; the block structure is produced even
/// for invalid input so a preview can still show something while the operator types.
///
/// Usage:
/// \code
///   const SimpleMarkdown doc = SimpleMarkdown::parse(editor->toPlainText());
///   if (!doc.isValid())
///       status->setText(doc.issues().first().toString());
///   preview->render(doc.blocks());
/// \endcode
class SimpleMarkdown
{
public:
    static SimpleMarkdown parse(const QString &text);

    bool isValid() const { return m_issues.isEmpty(); }
    QList<MarkdownIssue> issues() const { return m_issues; }
    QList<MarkdownBlock> blocks() const { return m_blocks; }
    /// The text without markup (what a plain-text reader should see), lines joined with '\n'.
    QString plainText() const;

private:
    void parseLine(const QString &line, int lineNumber);
    MarkdownLine parseInline(const QString &text, int lineNumber, int firstColumn);
    void addIssue(int line, int column, MarkdownIssue::Rule rule);
    void endBlockRun();

    QList<MarkdownBlock> m_blocks;
    QList<MarkdownIssue> m_issues;
    bool m_inParagraph = false;
    bool m_inTable = false;
    int m_tableColumns = 0;
    int m_tableCount = 0;
};

} // namespace bankid
