// CallerPage: live personal number validation, the Start button's state and the emitted phone request.
#include "CallerPage.h"
#include "PersonalNumber.h"
#include "Screenshots.h"
#include "Translations.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using bankid::CallerPage;
using bankid::OrderRequest;
using bankid::PersonalNumber;
using bankid::StartMethod;

class TestCallerPage : public QObject
{
    Q_OBJECT

private slots:
    void validation_data();
    void validation();
    void phoneSignNeedsText();
    void callInitiatorAndEnter();
    void shortForms_data();
    void shortForms();
    void noProblemWhileTyping();
    void startAllowed();
    void screenshots_data();
    void screenshots();

private:
    /// Whether ProblemMarker coloured the label (its text colour differs from the page's).
    static bool isMarked(QLabel *label, QWidget &page)
    {
        return label->palette().color(QPalette::WindowText) != page.palette().color(QPalette::WindowText);
    }
    struct Ui {
        QLineEdit *number;
        QLabel *validation;
        QPushButton *start;
        QLineEdit *text;
        QRadioButton *sign;
        QRadioButton *rpCalled;
    };
    static Ui ui(CallerPage &page)
    {
        Ui result{page.findChild<QLineEdit *>(QStringLiteral("personalNumberLineEdit")),
                  page.findChild<QLabel *>(QStringLiteral("validationLabel")),
                  page.findChild<QPushButton *>(QStringLiteral("startPushButton")),
                  page.findChild<QLineEdit *>(QStringLiteral("textLineEdit")),
                  page.findChild<QRadioButton *>(QStringLiteral("signRadioButton")),
                  page.findChild<QRadioButton *>(QStringLiteral("rpCalledRadioButton"))};
        return result;
    }
};

void TestCallerPage::validation_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("rule");

    QTest::newRow("valid") << QStringLiteral("199001012385") << int(PersonalNumber::Rule::Ok);
    QTest::newRow("valid with dash") << QStringLiteral("19900101-2385") << int(PersonalNumber::Rule::Ok);
    QTest::newRow("empty") << QString() << int(PersonalNumber::Rule::Empty);
    QTest::newRow("short") << QStringLiteral("19900101238") << int(PersonalNumber::Rule::Format);
    QTest::newRow("letters") << QStringLiteral("1990010123X5") << int(PersonalNumber::Rule::Format);
    QTest::newRow("bad date") << QStringLiteral("199013012385") << int(PersonalNumber::Rule::Date);
    QTest::newRow("bad check digit") << QStringLiteral("199001012386") << int(PersonalNumber::Rule::CheckDigit);
}

void TestCallerPage::validation()
{
    QFETCH(QString, typed);
    QFETCH(int, rule);
    CallerPage page;
    page.show();
    const Ui widgets = ui(page);
    QVERIFY(widgets.number && widgets.validation && widgets.start);
    QVERIFY(!widgets.start->isEnabled());

    QSignalSpy spy(&page, &CallerPage::startRequested);
    QTest::keyClicks(widgets.number, typed); // typed like an operator: validation runs per key
    emit widgets.number->editingFinished(); // the operator leaves the field: problems are shown now
    const bool valid = rule == int(PersonalNumber::Rule::Ok);
    QCOMPARE(widgets.start->isEnabled(), valid);
    QCOMPARE(page.canStart(), valid);
    if (!valid) {
        const auto failed = static_cast<PersonalNumber::Rule>(rule);
        if (failed != PersonalNumber::Rule::Format && failed != PersonalNumber::Rule::Empty) {
            const QString expected = PersonalNumber::ruleMessage(failed);
            QCOMPARE(widgets.validation->text(), expected);
        }
        QCOMPARE(widgets.number->accessibleDescription(), widgets.validation->text());
        QCOMPARE(isMarked(widgets.validation, page), rule != int(PersonalNumber::Rule::Empty));
    } else {
        QVERIFY(!widgets.validation->text().isEmpty());
    }

    QTest::mouseClick(widgets.start, Qt::LeftButton);
    QCOMPARE(spy.count(), valid ? 1 : 0);
    if (valid) {
        const auto request = spy.first().at(0).value<OrderRequest>();
        QCOMPARE(request.flow, bankid::Flow::PhoneAuth);
        QCOMPARE(request.personalNumber, QStringLiteral("199001012385"));
        QCOMPARE(request.callInitiator, bankid::CallInitiator::User);
        QVERIFY(request.endUserIp.isEmpty()); // phone flows never send one
        QCOMPARE(spy.first().at(1).value<StartMethod>(), StartMethod::Phone);
    }
}

void TestCallerPage::phoneSignNeedsText()
{
    CallerPage page;
    const Ui widgets = ui(page);
    widgets.number->setText(QStringLiteral("198506155129"));
    QVERIFY(widgets.start->isEnabled());
    widgets.sign->setChecked(true);
    QVERIFY2(!widgets.start->isEnabled(), "phone sign without a text must not start");
    widgets.text->setText(QStringLiteral("I confirm the address change"));
    QVERIFY(widgets.start->isEnabled());

    QSignalSpy spy(&page, &CallerPage::startRequested);
    widgets.start->click();
    QCOMPARE(spy.count(), 1);
    const auto request = spy.first().at(0).value<OrderRequest>();
    QCOMPARE(request.flow, bankid::Flow::PhoneSign);
    QCOMPARE(request.userVisibleData, QByteArray("I confirm the address change"));
}

void TestCallerPage::callInitiatorAndEnter()
{
    CallerPage page;
    page.show();
    const Ui widgets = ui(page);
    widgets.rpCalled->setChecked(true);
    widgets.number->setFocus();
    QTest::keyClicks(widgets.number, QStringLiteral("19720229-4430"));
    QSignalSpy spy(&page, &CallerPage::startRequested);
    QTest::keyClick(widgets.number, Qt::Key_Return); // keyboard-only: Enter starts
    QCOMPARE(spy.count(), 1);
    const auto request = spy.first().at(0).value<OrderRequest>();
    QCOMPARE(request.callInitiator, bankid::CallInitiator::RP);
    QCOMPARE(request.personalNumber, QStringLiteral("197202294430")); // normalized, no dash
    QVERIFY(!widgets.number->accessibleName().isEmpty());
    QVERIFY(!widgets.start->accessibleName().isEmpty());
}

void TestCallerPage::shortForms_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("twelveDigits");
    // Centuries as long as the test runs between 2013 and 2089.
    QTest::newRow("YYMMDD-NNNN") << QStringLiteral("900101-1239") << QStringLiteral("199001011239");
    QTest::newRow("YYMMDDNNNN") << QStringLiteral("9001011239") << QStringLiteral("199001011239");
    QTest::newRow("this century") << QStringLiteral("121212-1212") << QStringLiteral("201212121212");
    QTest::newRow("plus for 100+") << QStringLiteral("121212+1212") << QStringLiteral("191212121212");
}

void TestCallerPage::shortForms()
{
    QFETCH(QString, typed);
    QFETCH(QString, twelveDigits);
    CallerPage page;
    page.show();
    const Ui widgets = ui(page);
    QTest::keyClicks(widgets.number, typed);
    QVERIFY(widgets.start->isEnabled());
    QVERIFY(!isMarked(widgets.validation, page));
    // The 12-digit result is shown, as YYYYMMDD-NNNN.
    QVERIFY2(widgets.validation->text().contains(twelveDigits.left(8) + u'-' + twelveDigits.mid(8)),
             qPrintable(widgets.validation->text()));

    QSignalSpy spy(&page, &CallerPage::startRequested);
    widgets.start->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).value<OrderRequest>().personalNumber, twelveDigits);
}

void TestCallerPage::noProblemWhileTyping()
{
    CallerPage page;
    page.show();
    const Ui widgets = ui(page);
    QVERIFY2(!isMarked(widgets.validation, page), "no red before anything was typed");
    QVERIFY(!widgets.validation->text().isEmpty()); // a neutral hint on the accepted forms

    // Typing 199001011239 digit by digit: no problem shown until the 12th digit (the 10-digit prefix
    // 1990010112 is no valid short form, and must not shout either).
    const QString number = QStringLiteral("199001011239");
    for (qsizetype i = 0; i < number.size() - 1; ++i) {
        QTest::keyClick(widgets.number, number.at(i).toLatin1());
        QVERIFY2(!isMarked(widgets.validation, page), qPrintable(QStringLiteral("red after %1").arg(widgets.number->text())));
        QVERIFY(!widgets.start->isEnabled());
    }
    QTest::keyClick(widgets.number, number.back().toLatin1());
    QVERIFY(widgets.start->isEnabled());

    // A complete but wrong number is shown at once; a partial one only on leaving the field.
    widgets.number->clear();
    QTest::keyClicks(widgets.number, QStringLiteral("199001011234"));
    QVERIFY(isMarked(widgets.validation, page));
    QCOMPARE(widgets.validation->text(), PersonalNumber::ruleMessage(PersonalNumber::Rule::CheckDigit));
    widgets.number->clear();
    QVERIFY2(!isMarked(widgets.validation, page), "an emptied field is not a problem");
    QTest::keyClicks(widgets.number, QStringLiteral("1990"));
    QVERIFY(!isMarked(widgets.validation, page));
    emit widgets.number->editingFinished();
    QVERIFY2(isMarked(widgets.validation, page), "leaving the field with a partial number shows the problem");
    QTest::keyClick(widgets.number, '0');
    QVERIFY2(!isMarked(widgets.validation, page), "typing again is not shouted at");
}

void TestCallerPage::startAllowed()
{
    CallerPage page;
    page.show();
    const Ui widgets = ui(page);
    auto *hint = page.findChild<QLabel *>(QStringLiteral("startBlockedLabel"));
    QVERIFY(hint);
    widgets.number->setText(QStringLiteral("199001011239"));
    QVERIFY(widgets.start->isEnabled());

    const QString reason = QStringLiteral("Not connected: open Settings to choose a certificate.");
    QVERIFY(QMetaObject::invokeMethod(&page, "setStartAllowed", Q_ARG(bool, false), Q_ARG(QString, reason)));
    QVERIFY(!widgets.start->isEnabled());
    QVERIFY(!page.canStart());
    QCOMPARE(widgets.start->toolTip(), reason);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), reason);
    QSignalSpy spy(&page, &CallerPage::startRequested);
    QTest::keyClick(widgets.number, Qt::Key_Return);
    QCOMPARE(spy.count(), 0); // Enter cannot bypass the disabled button

    page.setStartAllowed(true, QString());
    QVERIFY(widgets.start->isEnabled());
    QVERIFY(widgets.start->toolTip().isEmpty());
    QVERIFY(!hint->isVisible());
    QTest::keyClick(widgets.number, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
}

void TestCallerPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("state");
    for (const char *language : {"en", "sv"}) {
        for (const char *state : {"empty", "short-form", "wrong", "blocked"})
            QTest::addRow("%s-%s", language, state) << QString::fromLatin1(language) << QString::fromLatin1(state);
    }
}

void TestCallerPage::screenshots()
{
    QFETCH(QString, language);
    QFETCH(QString, state);
    QVERIFY(bankid::Translations::install(QLocale(language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English)));
    {
        CallerPage page;
        page.resize(760, 460);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const Ui widgets = ui(page);
        if (state == QLatin1String("short-form")) {
            QTest::keyClicks(widgets.number, QStringLiteral("121212-1212"));
        } else if (state == QLatin1String("wrong")) {
            QTest::keyClicks(widgets.number, QStringLiteral("19900101-1234"));
        } else if (state == QLatin1String("blocked")) {
            QTest::keyClicks(widgets.number, QStringLiteral("199001011239"));
            page.setStartAllowed(false, QStringLiteral("Not connected: choose a client certificate in Settings."));
        }
        QCoreApplication::processEvents();
        bankid::test::saveScreenshot(&page, QStringLiteral("CallerPage-%1-%2.png").arg(state, language));
    }
    bankid::Translations::remove();
}

QTEST_MAIN(TestCallerPage)
#include "TestCallerPage.moc"
