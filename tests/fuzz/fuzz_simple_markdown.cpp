// Harness simple_markdown: userVisibleData text in the simpleMarkdownV1 format (what the operator types, or a
// CLI --text argument), UTF-8 decoded and given to SimpleMarkdown::parse(), the checker RequestValidator and
// the desk's preview use. Checks: every issue lies inside the text (1-based line and column) and has a
// message; blocks are in source order and well-formed per kind.
#include "FuzzSupport.h"

#include "SimpleMarkdown.h"

using namespace bankid;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const SimpleMarkdown document = SimpleMarkdown::parse(text);

    // CR, LF and CR LF all end a line, so the line count is at most the number of break characters plus one.
    const qsizetype maxLines = text.count(QLatin1Char('\n')) + text.count(QLatin1Char('\r')) + 1;
    for (const MarkdownIssue &issue : document.issues()) {
        FUZZ_EXPECT(issue.line >= 1 && issue.line <= maxLines);
        FUZZ_EXPECT(issue.column >= 1 && issue.column <= text.size() + 1);
        FUZZ_EXPECT(!issue.ruleName().isEmpty());
        FUZZ_EXPECT(!issue.toString().isEmpty());
    }
    FUZZ_EXPECT(document.isValid() == document.issues().isEmpty());

    int previousLine = 0;
    for (const MarkdownBlock &block : document.blocks()) {
        FUZZ_EXPECT(block.sourceLine >= 1 && block.sourceLine <= maxLines);
        FUZZ_EXPECT(block.sourceLine >= previousLine);
        previousLine = block.sourceLine;
        switch (block.kind) {
        case MarkdownBlock::Kind::Heading:
            FUZZ_EXPECT(block.level >= 1 && block.level <= 3);
            FUZZ_EXPECT(block.lines.size() == 1);
            break;
        case MarkdownBlock::Kind::ListItem:
            FUZZ_EXPECT(block.lines.size() == 1);
            break;
        case MarkdownBlock::Kind::TableRow:
            FUZZ_EXPECT(block.tableIndex >= 0);
            break;
        case MarkdownBlock::Kind::Paragraph:
            FUZZ_EXPECT(!block.lines.isEmpty());
            break;
        case MarkdownBlock::Kind::HorizontalRule:
            break;
        }
    }
    // Outside tables (whose cells are re-joined with " | ") markup is only ever removed.
    if (!text.contains(QLatin1Char('|')))
        FUZZ_EXPECT(document.plainText().size() <= text.size());
    return 0;
}
