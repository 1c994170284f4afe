// CallerPage: live personal number validation, the Start button's state and the emitted phone request.
#include "CallerPage.h"
#include "PersonalNumber.h"

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

private:
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
    const bool valid = rule == int(PersonalNumber::Rule::Ok);
    QCOMPARE(widgets.start->isEnabled(), valid);
    QCOMPARE(page.canStart(), valid);
    if (!valid) {
        const QString expected = PersonalNumber::ruleMessage(static_cast<PersonalNumber::Rule>(rule));
        QCOMPARE(widgets.validation->text(), expected);
        QCOMPARE(widgets.number->accessibleDescription(), expected);
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

QTEST_MAIN(TestCallerPage)
#include "TestCallerPage.moc"
