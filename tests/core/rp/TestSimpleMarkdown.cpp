// SimpleMarkdown: simpleMarkdownV1 validation (line, column, rule) and the block structure for a preview.
#include "SimpleMarkdown.h"

#include <QTest>

using namespace bankid;

class TestSimpleMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void blocks();
    void emphasisSpans();
    void tableStructure();
    void lineBreakStyles_data();
    void lineBreakStyles();
    void plainText();
};

void TestSimpleMarkdown::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain_text") << "Logga in hos Exempelbanken";
    QTest::newRow("headings_three_levels") << "# Avtal\n## Villkor\n### Säkerhet";
    QTest::newRow("bold_and_italic") << "Du godkänner *100 kr* till +Webbshoppen AB+.";
    QTest::newRow("bold_with_italic_inside") << "*Belopp +inkl. moms+*";
    QTest::newRow("list_items") << "Kontakta oss:\n+ 111 11 111\n+ bank@bank.se";
    QTest::newRow("table_with_header") << "| Konto | Belopp |\n|---|---|\n| 1234 | 100,00 |";
    QTest::newRow("table_without_header") << "| a | b |\n| c | d |";
    QTest::newRow("horizontal_rule") << "Överst\n---\nNederst";
    QTest::newRow("literal_plus_between_spaces") << "2 + 2 = 4";
    QTest::newRow("literal_star_inside_word") << "5*3*2 = 30";
    QTest::newRow("escaped_markers") << "\\*inte fet\\* och \\+inte kursiv\\+ och \\| och \\#";
    QTest::newRow("emphasis_per_line") << "*rad ett*\n+rad två+";
    QTest::newRow("crlf_line_breaks") << "# Rubrik\r\n\r\nText\r\n";
    QTest::newRow("tab_allowed") << "Belopp:\t100 kr";
    QTest::newRow("empty_text") << "";
}

void TestSimpleMarkdown::valid()
{
    QFETCH(QString, text);
    const SimpleMarkdown doc = SimpleMarkdown::parse(text);
    QVERIFY2(doc.isValid(), qPrintable(doc.issues().isEmpty() ? QString() : doc.issues().first().toString()));
}

void TestSimpleMarkdown::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("heading_level_4") << "#### För djup" << "headingLevel" << 1 << 1;
    QTest::newRow("heading_without_space") << "Intro\n##Rubrik" << "headingSpace" << 2 << 3;
    QTest::newRow("heading_without_text") << "# " << "headingEmpty" << 1 << 1;
    QTest::newRow("list_item_without_text") << "+ " << "listItemEmpty" << 1 << 1;
    QTest::newRow("unclosed_bold") << "Belopp *100 kr" << "unclosedBold" << 1 << 8;
    QTest::newRow("unclosed_italic_second_line") << "ok\nsäg +hej" << "unclosedItalic" << 2 << 5;
    QTest::newRow("bold_does_not_span_lines") << "*start\nslut*" << "unclosedBold" << 1 << 1;
    QTest::newRow("empty_bold") << "tomt ** här" << "emptyEmphasis" << 1 << 6;
    QTest::newRow("table_row_unclosed") << "| a | b" << "tableRowUnclosed" << 1 << 7;
    QTest::newRow("table_columns_differ") << "| a | b |\n| c |" << "tableColumns" << 2 << 1;
    QTest::newRow("control_character") << QStringLiteral("text") + QChar(0x07) + QStringLiteral("bell")
                                       << "controlCharacter" << 1 << 5;
    QTest::newRow("unclosed_bold_in_heading") << "## *Rubrik" << "unclosedBold" << 1 << 4;
    QTest::newRow("unclosed_italic_in_cell") << "| +a | b |" << "unclosedItalic" << 1 << 3;
}

void TestSimpleMarkdown::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, rule);
    QFETCH(int, line);
    QFETCH(int, column);
    const SimpleMarkdown doc = SimpleMarkdown::parse(text);
    QVERIFY(!doc.isValid());
    const MarkdownIssue issue = doc.issues().first();
    QCOMPARE(issue.ruleName(), rule);
    QCOMPARE(issue.line, line);
    QCOMPARE(issue.column, column);
    QVERIFY(!issue.message().isEmpty());
    QVERIFY(issue.toString().startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
}

void TestSimpleMarkdown::blocks()
{
    const SimpleMarkdown doc = SimpleMarkdown::parse(
        QStringLiteral("# Avtal\nRad ett\nRad två\n\nNytt stycke\n+ punkt\n---\n| a |"));
    QVERIFY(doc.isValid());
    const QList<MarkdownBlock> blocks = doc.blocks();
    QCOMPARE(blocks.size(), 6);
    QCOMPARE(blocks.at(0).kind, MarkdownBlock::Kind::Heading);
    QCOMPARE(blocks.at(0).level, 1);
    QCOMPARE(blocks.at(0).lines.first().first().text, QStringLiteral("Avtal"));
    QCOMPARE(blocks.at(1).kind, MarkdownBlock::Kind::Paragraph);
    QCOMPARE(blocks.at(1).lines.size(), 2);
    QCOMPARE(blocks.at(1).sourceLine, 2);
    QCOMPARE(blocks.at(2).kind, MarkdownBlock::Kind::Paragraph);
    QCOMPARE(blocks.at(2).sourceLine, 5);
    QCOMPARE(blocks.at(3).kind, MarkdownBlock::Kind::ListItem);
    QCOMPARE(blocks.at(3).lines.first().first().text, QStringLiteral("punkt"));
    QCOMPARE(blocks.at(4).kind, MarkdownBlock::Kind::HorizontalRule);
    QCOMPARE(blocks.at(5).kind, MarkdownBlock::Kind::TableRow);
}

void TestSimpleMarkdown::emphasisSpans()
{
    const SimpleMarkdown doc = SimpleMarkdown::parse(QStringLiteral("Du betalar *100 kr +inkl. moms+* nu"));
    QVERIFY(doc.isValid());
    const MarkdownLine line = doc.blocks().first().lines.first();
    const MarkdownLine expected{
        MarkdownSpan{QStringLiteral("Du betalar "), false, false},
        MarkdownSpan{QStringLiteral("100 kr "), true, false},
        MarkdownSpan{QStringLiteral("inkl. moms"), true, true},
        MarkdownSpan{QStringLiteral(" nu"), false, false},
    };
    QCOMPARE(line, expected);
}

void TestSimpleMarkdown::tableStructure()
{
    const SimpleMarkdown doc = SimpleMarkdown::parse(
        QStringLiteral("| Konto | *Belopp* |\n|:--|--:|\n| 1234 | 100 |\n\n| x | y | z |"));
    QVERIFY2(doc.isValid(), qPrintable(doc.issues().isEmpty() ? QString() : doc.issues().first().toString()));
    const QList<MarkdownBlock> blocks = doc.blocks();
    QCOMPARE(blocks.size(), 3);
    QVERIFY(blocks.at(0).headerRow);
    QCOMPARE(blocks.at(0).cells.size(), 2);
    QCOMPARE(blocks.at(0).cells.at(1).first(), (MarkdownSpan{QStringLiteral("Belopp"), true, false}));
    QVERIFY(!blocks.at(1).headerRow);
    QCOMPARE(blocks.at(1).tableIndex, 0);
    QCOMPARE(blocks.at(2).tableIndex, 1);
    QCOMPARE(blocks.at(2).cells.size(), 3);
}

void TestSimpleMarkdown::lineBreakStyles_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("lf") << "a\nb\n\n# c";
    QTest::newRow("crlf") << "a\r\nb\r\n\r\n# c";
    QTest::newRow("cr") << "a\rb\r\r# c";
}

void TestSimpleMarkdown::lineBreakStyles()
{
    QFETCH(QString, text);
    const QList<MarkdownBlock> blocks = SimpleMarkdown::parse(text).blocks();
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).lines.size(), 2);
    QCOMPARE(blocks.at(1).kind, MarkdownBlock::Kind::Heading);
    QCOMPARE(blocks.at(1).sourceLine, 4);
}

void TestSimpleMarkdown::plainText()
{
    const SimpleMarkdown doc = SimpleMarkdown::parse(QStringLiteral("## *Avtal*\n+ punkt +ett+\n| a | b |"));
    QCOMPARE(doc.plainText(), QStringLiteral("Avtal\npunkt ett\na | b"));
}

QTEST_APPLESS_MAIN(TestSimpleMarkdown)
#include "TestSimpleMarkdown.moc"
