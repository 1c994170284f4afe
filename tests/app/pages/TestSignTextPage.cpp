// SignTextPage: the base64 length counter and limit, simpleMarkdownV1 issues and preview, the emitted request.
#include "MarkdownPreview.h"
#include "RequestValidator.h"
#include "Screenshots.h"
#include "SignTextPage.h"
#include "Translations.h"
#include "SimpleMarkdown.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using bankid::SignTextPage;

class TestSignTextPage : public QObject
{
    Q_OBJECT

private slots:
    void counter_data();
    void counter();
    void markdownIssueShown();
    void previewRendersBold();
    void previewEscapesHtml();
    void emittedRequest();
    void noApiWordsOnScreen_data();
    void noApiWordsOnScreen();
    void screenshots_data();
    void screenshots();
};

void TestSignTextPage::counter_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("canSign");

    QTest::newRow("empty: nothing to sign") << 0 << QStringLiteral("0 / 40 000") << false;
    QTest::newRow("short text") << 5 << QStringLiteral("8 / 40 000") << true;
    QTest::newRow("exactly at the limit") << 30000 << QStringLiteral("40 000 / 40 000") << true;
    QTest::newRow("one byte over the limit") << 30001 << QStringLiteral("40 004 / 40 000") << false;
}

void TestSignTextPage::counter()
{
    QFETCH(int, bytes);
    QFETCH(QString, expected);
    QFETCH(bool, canSign);
    SignTextPage page;
    auto *editor = page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"));
    auto *counter = page.findChild<QLabel *>(QStringLiteral("counterLabel"));
    auto *sign = page.findChild<QPushButton *>(QStringLiteral("signPushButton"));
    QVERIFY(editor && counter && sign);
    editor->setPlainText(QString(bytes, QLatin1Char('a')));
    QVERIFY2(counter->text().startsWith(expected), qPrintable(counter->text()));
    QCOMPARE(sign->isEnabled(), canSign);
    QCOMPARE(page.canStart(), canSign);
    QCOMPARE(page.issues().isEmpty(), canSign);
    QCOMPARE(bankid::RequestValidator::maxUserVisibleDataLength(bankid::Flow::Sign), 40000);
}

void TestSignTextPage::markdownIssueShown()
{
    SignTextPage page;
    auto *editor = page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"));
    auto *markdown = page.findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"));
    auto *issues = page.findChild<QLabel *>(QStringLiteral("issuesLabel"));
    editor->setPlainText(QStringLiteral("# Agreement\nI accept *all terms"));
    QVERIFY2(page.canStart(), "without the markdown flag the text is plain and valid");
    markdown->setChecked(true);
    QVERIFY(!page.canStart());
    const auto expected = bankid::SimpleMarkdown::parse(editor->toPlainText()).issues();
    QCOMPARE(expected.size(), 1);
    QCOMPARE(page.issues(), QStringList{expected.first().toString()});
    QVERIFY2(issues->text().contains(QStringLiteral("line 2")), qPrintable(issues->text()));
    QVERIFY(!issues->isHidden());
    editor->setPlainText(QStringLiteral("# Agreement\nI accept *all terms*"));
    QVERIFY(page.canStart());
    QVERIFY(issues->isHidden());
}

void TestSignTextPage::previewRendersBold()
{
    const QString text = QStringLiteral("## Terms\nI accept *all* terms\n+ first\n+ second\n| a | b |\n|---|---|\n| 1 | 2 |");
    const QString html = bankid::MarkdownPreview::toHtml(bankid::SimpleMarkdown::parse(text));
    QVERIFY2(html.contains(QStringLiteral("<b>all</b>")), qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<h2>Terms</h2>")));
    QVERIFY(html.contains(QStringLiteral("<ul><li>first</li><li>second</li></ul>")));
    QVERIFY(html.contains(QStringLiteral("<th>a</th>")));
    QVERIFY(html.contains(QStringLiteral("<td>1</td>")));

    SignTextPage page;
    page.findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->setChecked(true);
    page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))->setPlainText(text);
    auto *preview = page.findChild<QTextBrowser *>(QStringLiteral("previewTextBrowser"));
    QVERIFY(preview->toPlainText().contains(QStringLiteral("I accept all terms")));
    // The document really holds a bold fragment for "all".
    bool foundBold = false;
    for (QTextBlock block = preview->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().text() == QLatin1String("all") && it.fragment().charFormat().fontWeight() >= QFont::Bold)
                foundBold = true;
        }
    }
    QVERIFY(foundBold);
}

void TestSignTextPage::previewEscapesHtml()
{
    const QString html = bankid::MarkdownPreview::toHtml(bankid::SimpleMarkdown::parse(QStringLiteral("<script>x</script> & *b*")));
    QVERIFY(!html.contains(QStringLiteral("<script>")));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;")));
    QCOMPARE(bankid::MarkdownPreview::plainToHtml(QStringLiteral("a<b\nc")), QStringLiteral("<p>a&lt;b<br>c</p>"));
}

void TestSignTextPage::emittedRequest()
{
    SignTextPage page;
    page.show();
    auto *editor = page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"));
    page.findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->setChecked(true);
    page.findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
    QTest::keyClicks(editor, QStringLiteral("I sign *this*"));
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("nonVisibleLineEdit")), QStringLiteral("case 42"));
    QSignalSpy spy(&page, &SignTextPage::startRequested);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("signPushButton")), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto request = spy.first().at(0).value<bankid::OrderRequest>();
    QCOMPARE(request.flow, bankid::Flow::Sign);
    QCOMPARE(request.userVisibleData, QByteArray("I sign *this*"));
    QVERIFY(request.userVisibleDataIsMarkdown);
    QCOMPARE(request.userNonVisibleData, QByteArray("case 42"));
    QCOMPARE(spy.first().at(1).value<bankid::StartMethod>(), bankid::StartMethod::SameDevice);
}

void TestSignTextPage::noApiWordsOnScreen_data()
{
    QTest::addColumn<int>("visibleBytes");
    QTest::addColumn<int>("hiddenBytes");
    QTest::addColumn<bool>("markdown");
    QTest::newRow("empty page") << 0 << 0 << false;
    QTest::newRow("text and hidden data") << 20 << 10 << true;
    QTest::newRow("text over the limit") << 30001 << 0 << false;
}

void TestSignTextPage::noApiWordsOnScreen()
{
    // The operator reads plain words; the API member names may only appear in tooltips.
    QFETCH(int, visibleBytes);
    QFETCH(int, hiddenBytes);
    QFETCH(bool, markdown);
    SignTextPage page;
    page.show();
    page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))->setPlainText(QString(visibleBytes, u'a'));
    page.findChild<QLineEdit *>(QStringLiteral("nonVisibleLineEdit"))->setText(QString(hiddenBytes, u'b'));
    page.findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->setChecked(markdown);

    const QStringList apiWords{QStringLiteral("userVisibleData"), QStringLiteral("userNonVisibleData"),
                               QStringLiteral("simpleMarkdownV1"), QStringLiteral("base64"),
                               QStringLiteral("outstandingTransaction")};
    QStringList visibleTexts;
    for (const QLabel *label : page.findChildren<QLabel *>()) {
        if (label->isVisibleTo(&page))
            visibleTexts << label->text();
    }
    for (const QAbstractButton *button : page.findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(&page))
            visibleTexts << button->text();
    }
    QVERIFY(visibleTexts.size() >= 5);
    for (const QString &text : std::as_const(visibleTexts)) {
        for (const QString &word : apiWords)
            QVERIFY2(!text.contains(word, Qt::CaseInsensitive), qPrintable(QStringLiteral("'%1' in '%2'").arg(word, text)));
    }
    // The names are still there for those who look: in the tooltips.
    QVERIFY(page.findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->toolTip().contains(QStringLiteral("simpleMarkdownV1")));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("counterLabel"))->toolTip().contains(QStringLiteral("base64")));
    if (visibleBytes > 30000)
        QVERIFY2(!page.issues().isEmpty() && !page.canStart(), "an over-long text is still refused");
}

void TestSignTextPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("sv") << QStringLiteral("sv");
}

void TestSignTextPage::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(bankid::Translations::install(QLocale(language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English)));
    {
        SignTextPage page;
        page.resize(900, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.findChild<QCheckBox *>(QStringLiteral("markdownCheckBox"))->setChecked(true);
        page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))
            ->setPlainText(QStringLiteral("# Agreement\nI accept the *terms* of agreement 4711."));
        page.findChild<QLineEdit *>(QStringLiteral("nonVisibleLineEdit"))->setText(QStringLiteral("case 4711"));
        QCoreApplication::processEvents();
        bankid::test::saveScreenshot(&page, QStringLiteral("SignTextPage-%1.png").arg(language));
    }
    bankid::Translations::remove();
}

QTEST_MAIN(TestSignTextPage)
#include "TestSignTextPage.moc"
