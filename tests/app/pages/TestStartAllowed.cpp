// setStartAllowed on the start pages (DeskLoginPage, SignTextPage, SignDocumentPage; CallerPage is covered in
// TestCallerPage): while the connection is unusable the start button is disabled, its tooltip and a visible
// hint say why, and neither a click nor Enter starts an order; allowing again restores the button.
#include "DeskLoginPage.h"
#include "SignDocumentPage.h"
#include "SignTextPage.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

class TestStartAllowed : public QObject
{
    Q_OBJECT

private slots:
    void deskLoginPage();
    void signTextPage();
    void signDocumentPage();

private:
    /// Blocks \a page through its Q_INVOKABLE (as the MainWindow calls it) and checks \a button and the hint.
    static void checkBlocked(QWidget &page, QPushButton *button);
    static void checkAllowed(QWidget &page, QPushButton *button);
    static QString reason() { return QStringLiteral("Not connected: choose a client certificate in Settings."); }
};

void TestStartAllowed::checkBlocked(QWidget &page, QPushButton *button)
{
    QVERIFY(button);
    QVERIFY(QMetaObject::invokeMethod(&page, "setStartAllowed", Q_ARG(bool, false), Q_ARG(QString, reason())));
    QVERIFY(!button->isEnabled());
    QCOMPARE(button->toolTip(), reason());
    auto *hint = page.findChild<QLabel *>(QStringLiteral("startBlockedLabel"));
    QVERIFY(hint);
    QVERIFY(hint->isVisibleTo(&page));
    QCOMPARE(hint->text(), reason());
}

void TestStartAllowed::checkAllowed(QWidget &page, QPushButton *button)
{
    QVERIFY(QMetaObject::invokeMethod(&page, "setStartAllowed", Q_ARG(bool, true), Q_ARG(QString, QString())));
    QVERIFY(button->isEnabled());
    QVERIFY(button->toolTip().isEmpty());
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("startBlockedLabel"))->isVisibleTo(&page));
}

void TestStartAllowed::deskLoginPage()
{
    DeskLoginPage page;
    page.show();
    auto *button = page.findChild<QPushButton *>(QStringLiteral("loginPushButton"));
    auto *text = page.findChild<QLineEdit *>(QStringLiteral("textLineEdit"));
    QVERIFY(button && text && button->isEnabled() && page.canStart());
    QSignalSpy spy(&page, &DeskLoginPage::startRequested);

    checkBlocked(page, button);
    QVERIFY(!page.canStart());
    button->click();
    QTest::keyClick(text, Qt::Key_Return); // Enter in the text field starts when allowed: not now
    QCOMPARE(spy.count(), 0);

    checkAllowed(page, button);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
}

void TestStartAllowed::signTextPage()
{
    SignTextPage page;
    page.show();
    auto *button = page.findChild<QPushButton *>(QStringLiteral("signPushButton"));
    page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))->setPlainText(QStringLiteral("I agree."));
    QVERIFY(button && button->isEnabled());
    QSignalSpy spy(&page, &SignTextPage::startRequested);

    checkBlocked(page, button);
    QVERIFY(!page.canStart());
    // Editing while blocked must not re-enable the button.
    page.findChild<QPlainTextEdit *>(QStringLiteral("textPlainTextEdit"))->setPlainText(QStringLiteral("I agree!"));
    QVERIFY(!button->isEnabled());
    button->click();
    QCOMPARE(spy.count(), 0);

    checkAllowed(page, button);
    button->click();
    QCOMPARE(spy.count(), 1);
}

void TestStartAllowed::signDocumentPage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("contract.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("I accept the terms.\n");
    file.close();

    SignDocumentPage page;
    page.show();
    auto *button = page.findChild<QPushButton *>(QStringLiteral("signPushButton"));
    QVERIFY(button);
    checkBlocked(page, button); // blocked before the document is even chosen
    QSignalSpy finished(&page, &SignDocumentPage::digestFinished);
    page.setDocument(path);
    QVERIFY(QTest::qWaitFor([&finished] { return finished.count() > 0; }, 30000));
    QVERIFY(page.digest().has_value());
    QVERIFY2(!button->isEnabled(), "a finished digest must not re-enable a blocked Sign");
    QVERIFY(!page.canStart());

    checkAllowed(page, button);
    QVERIFY(page.canStart());
}

QTEST_MAIN(TestStartAllowed)
#include "TestStartAllowed.moc"
