// IdCardCode::parse: every refused input gets its own sentence (empty, prefix, length, which character at
// which position), a scanner's one trailing line end is removed and nothing else, and only the first 12
// characters of a code ever reach a log.

#include "IdCardCode.h"

#include <QTest>

using namespace bankid;

namespace {

const QString validCode = QStringLiteral("BANKIDF.74226FAAE2C6B2D0A5F3E1C0B9A8D7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0");

} // namespace

class TestIdCardCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
    void logsOnlyTheStart();
};

void TestIdCardCode::accepted_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<QString>("text");

    QTest::newRow("as_is") << validCode << validCode;
    QTest::newRow("scanner_crlf") << validCode + QStringLiteral("\r\n") << validCode;
    QTest::newRow("scanner_lf") << validCode + QStringLiteral("\n") << validCode;
    QTest::newRow("scanner_cr") << validCode + QStringLiteral("\r") << validCode;
    QTest::newRow("opaque_rest") << QStringLiteral("BANKIDF.x") << QStringLiteral("BANKIDF.x");
    QTest::newRow("longest") << QStringLiteral("BANKIDF.") + QString(IdCardCode::MaxLength - 8, QLatin1Char('A'))
                             << QStringLiteral("BANKIDF.") + QString(IdCardCode::MaxLength - 8, QLatin1Char('A'));
    QTest::newRow("longest_plus_line_end") << QStringLiteral("BANKIDF.") + QString(IdCardCode::MaxLength - 8, QLatin1Char('A')) + QStringLiteral("\r\n")
                                           << QStringLiteral("BANKIDF.") + QString(IdCardCode::MaxLength - 8, QLatin1Char('A'));
}

void TestIdCardCode::accepted()
{
    QFETCH(QString, scanned);
    QFETCH(QString, text);
    QString problem = QStringLiteral("stale");
    const auto code = IdCardCode::parse(scanned, &problem);
    QVERIFY2(code, qPrintable(problem));
    QCOMPARE(code->text(), text);
    QVERIFY(problem.isEmpty());
}

void TestIdCardCode::refused_data()
{
    QTest::addColumn<QString>("scanned");
    QTest::addColumn<QString>("problem");

    QTest::newRow("empty") << QString() << QStringLiteral("the code is empty");
    QTest::newRow("only_a_line_end") << QStringLiteral("\r\n") << QStringLiteral("the code is empty");
    QTest::newRow("two_line_ends") << validCode + QStringLiteral("\r\n\r\n")
                                   << QStringLiteral("the code contains a whitespace character (U+000D) at position 73");
    QTest::newRow("lf_then_cr") << validCode + QStringLiteral("\n\r")
                                << QStringLiteral("the code contains a whitespace character (U+000A) at position 73");
    QTest::newRow("leading_space") << QStringLiteral(" ") + validCode
                                   << QStringLiteral("the code contains a whitespace character (U+0020) at position 1");
    QTest::newRow("trailing_space") << validCode + QStringLiteral(" ")
                                    << QStringLiteral("the code contains a whitespace character (U+0020) at position 73");
    QTest::newRow("tab_inside") << QStringLiteral("BANKIDF.AB\tCD")
                                << QStringLiteral("the code contains a whitespace character (U+0009) at position 11");
    QTest::newRow("no_break_space") << QStringLiteral("BANKIDF.AB\u00A0CD")
                                    << QStringLiteral("the code contains a whitespace character (U+00A0) at position 11");
    QTest::newRow("nul") << QStringLiteral("BANKIDF.A") + QChar(u'\0') + QStringLiteral("B")
                         << QStringLiteral("the code contains a control character (U+0000) at position 10");
    QTest::newRow("escape") << QStringLiteral("BANKIDF.\x1b[31m")
                            << QStringLiteral("the code contains a control character (U+001B) at position 9");
    QTest::newRow("delete") << QStringLiteral("BANKIDF.\x7f")
                            << QStringLiteral("the code contains a control character (U+007F) at position 9");
    QTest::newRow("c1_control") << QStringLiteral("BANKIDF.\u009b")
                                << QStringLiteral("the code contains a control character (U+009B) at position 9");
    QTest::newRow("non_ascii") << QStringLiteral("BANKIDF.ÅÄÖ")
                               << QStringLiteral("the code contains a non-ASCII character (U+00C5) at position 9");
    QTest::newRow("emoji_counts_as_one_position") << QStringLiteral("BANKIDF.\U0001F600x")
                                                   << QStringLiteral("the code contains a non-ASCII character (U+1F600) at position 9");
    QTest::newRow("wrong_prefix") << QStringLiteral("BANKID.74226F")
                                  << QStringLiteral("the code does not start with \"BANKIDF.\", so it is not a BankID ID card code");
    QTest::newRow("lower_case_prefix") << QStringLiteral("bankidf.74226F")
                                       << QStringLiteral("the code does not start with \"BANKIDF.\", so it is not a BankID ID card code");
    QTest::newRow("a_url") << QStringLiteral("https://example.com/")
                           << QStringLiteral("the code does not start with \"BANKIDF.\", so it is not a BankID ID card code");
    QTest::newRow("prefix_only") << QStringLiteral("BANKIDF.") << QStringLiteral("the code has nothing after \"BANKIDF.\"");
    QTest::newRow("too_long") << QStringLiteral("BANKIDF.") + QString(IdCardCode::MaxLength - 7, QLatin1Char('A'))
                              << QStringLiteral("the code is 1025 characters long; an ID card code has at most 1024");
}

void TestIdCardCode::refused()
{
    QFETCH(QString, scanned);
    QFETCH(QString, problem);
    QString said;
    QVERIFY(!IdCardCode::parse(scanned, &said));
    QCOMPARE(said, problem);
    QVERIFY(!IdCardCode::parse(scanned, nullptr)); // a null problem pointer is allowed
}

void TestIdCardCode::logsOnlyTheStart()
{
    const auto code = IdCardCode::parse(validCode, nullptr);
    QVERIFY(code);
    QCOMPARE(code->loggable(), QStringLiteral("BANKIDF.7422…"));
    QCOMPARE(IdCardCode::parse(QStringLiteral("BANKIDF.12"), nullptr)->loggable(), QStringLiteral("BANKIDF.12"));
}

QTEST_GUILESS_MAIN(TestIdCardCode)
#include "TestIdCardCode.moc"
