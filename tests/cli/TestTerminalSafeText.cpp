// TerminalSafeText: rows of outside text (names, hint codes, server details) with terminal controls, and what
// is printed instead: visible escapes for C0, DEL, C1 and bidi controls, U+FFFD for broken encodings,
// ordinary text unchanged; and JSON passed through lines() still parses to the same value.

#include "TerminalSafeText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using bankid::TerminalSafeText;

class TestTerminalSafeText : public QObject
{
    Q_OBJECT

private slots:
    void line_data();
    void line();
    void linesKeepsLineBreaksOnly();
    void invalidUtf8BecomesReplacementCharacter();
    void outputHasNoControlCharacters();
    void jsonStaysValidWithTheSameValue();
};

void TestTerminalSafeText::line_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed");

    QTest::newRow("plain_ascii") << QStringLiteral("Karl Karlsson") << QStringLiteral("Karl Karlsson");
    QTest::newRow("swedish_letters") << QStringLiteral("Åsa Öberg-Ärlig") << QStringLiteral("Åsa Öberg-Ärlig");
    QTest::newRow("emoji_pair_kept") << QStringLiteral("Kim 😀") << QStringLiteral("Kim 😀");
    QTest::newRow("backslash_kept") << QStringLiteral(R"(a\b)") << QStringLiteral(R"(a\b)");
    QTest::newRow("esc_clear_screen") << QStringLiteral("\x1b[2JKarl") << QStringLiteral(R"(\x1b[2JKarl)");
    QTest::newRow("nul") << QString(QStringLiteral("Karl") + QChar(0) + QStringLiteral("Karlsson"))
                         << QStringLiteral(R"(Karl\x00Karlsson)");
    QTest::newRow("cr_overwrites") << QStringLiteral("Karl\rEvil") << QStringLiteral(R"(Karl\x0dEvil)");
    QTest::newRow("backspace") << QStringLiteral("Karl\bX") << QStringLiteral(R"(Karl\x08X)");
    QTest::newRow("newline_and_tab") << QStringLiteral("a\nb\tc") << QStringLiteral(R"(a\x0ab\x09c)");
    QTest::newRow("bell_and_unit_separator") << QStringLiteral("\a\x1f") << QStringLiteral(R"(\x07\x1f)");
    QTest::newRow("del") << QStringLiteral("a\x7f") << QStringLiteral(R"(a\u007f)");
    QTest::newRow("c1_csi") << QString(QChar(0x9b)) + QStringLiteral("2J") << QStringLiteral(R"(\u009b2J)");
    QTest::newRow("c1_first_and_last") << QString(QChar(0x80)) + QChar(0x9f) << QStringLiteral(R"(\u0080\u009f)");
    QTest::newRow("nbsp_after_c1_kept") << QString(QChar(0xa0)) << QString(QChar(0xa0));
    QTest::newRow("bidi_rlo") << QStringLiteral("abc\u202edcba") << QStringLiteral(R"(abc\u202edcba)");
    QTest::newRow("bidi_embeddings_and_isolates")
        << QStringLiteral("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069")
        << QStringLiteral(R"(\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069)");
    QTest::newRow("bidi_marks") << QStringLiteral("\u200e\u200f\u061c") << QStringLiteral(R"(\u200e\u200f\u061c)");
    QTest::newRow("lone_high_surrogate") << QString(QChar(0xd800)) + QLatin1Char('x') << QStringLiteral("\ufffdx");
    QTest::newRow("lone_low_surrogate") << QString(QChar(0xdc00)) << QStringLiteral("\ufffd");
    QTest::newRow("empty") << QString() << QString();
}

void TestTerminalSafeText::line()
{
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QCOMPARE(TerminalSafeText::line(text), printed);
}

void TestTerminalSafeText::linesKeepsLineBreaksOnly()
{
    QCOMPARE(TerminalSafeText::lines(QStringLiteral("one\ntwo\r\n\x1b]0;title\x07")),
             QStringLiteral("one\ntwo\\x0d\n\\x1b]0;title\\x07"));
}

void TestTerminalSafeText::invalidUtf8BecomesReplacementCharacter()
{
    QCOMPARE(TerminalSafeText::fromUtf8(QByteArray("Karl\xff\xfeKarlsson")), QStringLiteral("Karl\ufffd\ufffdKarlsson"));
    QCOMPARE(TerminalSafeText::fromUtf8(QByteArray("\xc3")), QStringLiteral("\ufffd"));            // truncated sequence
    QCOMPARE(TerminalSafeText::fromUtf8(QByteArray("\xc2\x9b" "2J")), QStringLiteral(R"(\u009b2J)")); // C1 as UTF-8
    QCOMPARE(TerminalSafeText::fromUtf8(QByteArray("a\x1b" "b")), QStringLiteral(R"(a\x1bb)"));
}

void TestTerminalSafeText::outputHasNoControlCharacters()
{
    // Every BMP code point: what comes out is printable (or '\n' from lines()), never a control.
    QString all;
    for (char32_t c = 0; c <= 0xffff; ++c)
        all += QChar(char16_t(c));
    for (const QString &safe : {TerminalSafeText::line(all), TerminalSafeText::lines(all)}) {
        for (const QChar ch : safe) {
            const char16_t c = ch.unicode();
            QVERIFY2(c == u'\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f)), qPrintable(QString::number(c, 16)));
            QVERIFY2(!(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069), qPrintable(QString::number(c, 16)));
        }
        for (qsizetype i = 0; i < safe.size(); ++i) {
            if (safe.at(i).isHighSurrogate()) {
                QVERIFY2(i + 1 < safe.size() && safe.at(i + 1).isLowSurrogate(), "a lone high surrogate survived");
                ++i;
            } else {
                QVERIFY2(!safe.at(i).isLowSurrogate(), "a lone low surrogate survived");
            }
        }
        QVERIFY(!TerminalSafeText::line(all).contains(u'\n'));
    }
}

void TestTerminalSafeText::jsonStaysValidWithTheSameValue()
{
    QJsonObject object;
    const QString name = QStringLiteral("\x1b[2J") + QChar(0) + QStringLiteral("Karl \u202e") + QChar(0x9b) + QChar(0x7f)
                         + QStringLiteral(" \\ \"");
    object.insert(QStringLiteral("name"), name);
    const QString json = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    const QString safe = TerminalSafeText::lines(json);
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(safe.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QLatin1Char(' ') + safe));
    QCOMPARE(parsed.object(), object);
    QVERIFY(!safe.contains(QChar(0x202e)));
    QVERIFY(!safe.contains(QChar(0x1b)));
}

QTEST_GUILESS_MAIN(TestTerminalSafeText)
#include "TestTerminalSafeText.moc"
