// The Verify ID card task end to end on the embedded simulator, in the main window as the app composes it:
// Ctrl+6 opens the page with the focus in the scanner input; a keyboard-wedge scan (key events, Enter) is
// verified once even when the scanner types it twice; the demo phone shows a person's ID card and "Scan from
// the demo phone" reads it off the screen, with the age badge right for 17 (Elsa Ek), exactly 18 today and
// 25; a reused code and a dropped connection are plain-words errors; each verification is one audit entry;
// the age limit is remembered; screenshots (waiting, passed, failed) in both languages.
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "AgeLimitChooser.h"
#include "AuditEntry.h"
#include "AuditRecorder.h"
#include "DeskFixture.h"
#include "IdCardCameraView.h"
#include "IdCardScannerInput.h"
#include "MainWindow.h"
#include "OperatorMessages.h"
#include "OutcomeBadge.h"
#include "PersonalNumber.h"
#include "RpCall.h"
#include "RpClient.h"
#include "Screenshots.h"
#include "Simulator.h"
#include "TestPerson.h"
#include "Translations.h"
#include "VerifyIdCardPage.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace bankid;

namespace {

constexpr int AnswerTimeoutMs = 15000;

/// A test person born `years` years ago today (plus `extraDays` earlier), with a valid number.
sim::TestPerson personAged(int years, int extraDays, const QString &givenName, int serial)
{
    const QDate born = QDate::currentDate().addYears(-years).addDays(-extraDays);
    return {sim::TestPerson::numberFor(born, serial), givenName, QStringLiteral("Ålder"), QDate(2024, 1, 1)};
}

RpError apiError(int status, const QByteArray &body)
{
    RpError::Outcome outcome;
    outcome.endpoint = QStringLiteral("verify");
    outcome.httpStatus = status;
    outcome.body = body;
    outcome.tls = RpError::TlsProgress::EstablishedForThisRequest;
    return RpError::fromExchange(outcome);
}

} // namespace

class TestVerifyIdCardPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void openedByShortcutWithFocusInScanner();
    void wedgeScanIsVerifiedOnce();
    void notAnIdCardCodeIsRefusedLocally();
    void scanWhileAButtonHasTheFocus();
    void demoPhoneCardByAge_data();
    void demoPhoneCardByAge();
    void reusedCodeIsPlainWords();
    void droppedConnectionIsPlainWords();
    void errorMessages_data();
    void errorMessages();
    void ageLimitIsRemembered();
    void screenshots_data();
    void screenshots();

private:
    VerifyIdCardPage *page() const { return m_desk.window()->verifyIdCardPage(); }
    /// Shows the page by its shortcut, as an operator would.
    void openPage();
    /// Types `text` and Enter into whatever has the focus (a keyboard-wedge scanner).
    void wedge(const QString &text);
    bool waitFinished(QSignalSpy &finished, int count);
    /// Adds the test persons aged 18 today and 25 (once).
    void addAgedPersons();

    test::DeskFixture m_desk;
    QString m_eighteen;
    QString m_twentyFive;
};

void TestVerifyIdCardPage::initTestCase()
{
    const QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestVerifyIdCardPage::cleanupTestCase()
{
    Translations::remove();
    m_desk.tearDown();
}

void TestVerifyIdCardPage::init()
{
    m_desk.settings()->setIdCardAgeLimit(18);
    const QString error = m_desk.openWindow(QSize(1280, 800));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestVerifyIdCardPage::cleanup()
{
    m_desk.closeWindow();
}

void TestVerifyIdCardPage::openPage()
{
    QTest::keyClick(m_desk.window(), Qt::Key_6, Qt::ControlModifier);
    QTRY_COMPARE(m_desk.window()->currentPage(), static_cast<QWidget *>(page()));
}

void TestVerifyIdCardPage::wedge(const QString &text)
{
    // Key by key to whatever has the focus now, as the keyboard driver delivers a scanner's keys.
    for (const QChar c : text) {
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClick(target, c.toLatin1());
    }
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

bool TestVerifyIdCardPage::waitFinished(QSignalSpy &finished, int count)
{
    return QTest::qWaitFor([&] { return finished.count() >= count; }, AnswerTimeoutMs) && finished.count() == count;
}

void TestVerifyIdCardPage::addAgedPersons()
{
    DemoPhonePanel *phone = m_desk.window()->demoPhonePanel();
    const sim::TestPerson eighteen = personAged(18, 0, QStringLiteral("Arton"), 381);
    const sim::TestPerson twentyFive = personAged(25, 3, QStringLiteral("Tjugofem"), 252);
    QString error;
    QVERIFY2(phone->addPerson(eighteen, &error), qPrintable(error));
    QVERIFY2(phone->addPerson(twentyFive, &error), qPrintable(error));
    m_eighteen = eighteen.personalNumber;
    m_twentyFive = twentyFive.personalNumber;
}

void TestVerifyIdCardPage::openedByShortcutWithFocusInScanner()
{
    openPage();
    QCOMPARE(m_desk.window()->currentTask(), MainWindow::Task::IdCard);
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page()->scannerInput()));
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Waiting);
    QCOMPARE(page()->outcomeBadge()->outcome(), OutcomeBadge::Outcome::Waiting);
    // Demo mode: the page offers to scan the demo phone.
    auto *demoScan = page()->findChild<QPushButton *>(QStringLiteral("demoScanPushButton"));
    QVERIFY(demoScan && demoScan->isVisible());
}

void TestVerifyIdCardPage::wedgeScanIsVerifiedOnce()
{
    openPage();
    const sim::TestPerson karl = sim::TestPerson::builtIn().first();
    QString error;
    const QString code = QString::fromLatin1(m_desk.simulator()->mintIdCardCode(karl.personalNumber, &error));
    QVERIFY2(!code.isEmpty(), qPrintable(error));
    QSignalSpy finished(page(), &VerifyIdCardPage::finished);
    QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);

    // The scanner fires the code twice in a row (a double trigger): one request.
    wedge(code);
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Verifying);
    wedge(code);
    QVERIFY(waitFinished(finished, 1));
    QCOMPARE(page()->requestCount(), 1);
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Verified);
    QCOMPARE(page()->result()->user.personalNumber, karl.personalNumber);
    QCOMPARE(page()->result()->user.name, karl.name());
    QCOMPARE(page()->outcomeBadge()->outcome(),
             page()->result()->user.age >= 18 ? OutcomeBadge::Outcome::Passed : OutcomeBadge::Outcome::Failed);
    // Masked until Show.
    auto *number = page()->findChild<QLabel *>(QStringLiteral("personalNumberLabel"));
    QCOMPARE(number->text(), PersonalNumber::mask(karl.personalNumber));
    page()->findChild<QPushButton *>(QStringLiteral("revealPushButton"))->click();
    QVERIFY(number->text().remove(QLatin1Char('-')) == karl.personalNumber);
    // The focus stays in the scanner input for the next card.
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page()->scannerInput()));

    // Once more after the answer: not sent again, and the result stays.
    wedge(code);
    QCOMPARE(page()->requestCount(), 1);
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Verified);
    QVERIFY2(page()->messageText().contains(QStringLiteral("just verified")), qPrintable(page()->messageText()));

    // One audit entry, the number masked and hashed, limit and outcome, BankID's verificationId.
    QTRY_COMPARE(recorded.count(), 1);
    const auto entry = recorded.first().first().value<AuditEntry>();
    QCOMPARE(entry.flow, QStringLiteral("verify-id-card"));
    QCOMPARE(entry.personalNumberMasked, PersonalNumber::mask(karl.personalNumber));
    QVERIFY(!entry.personalNumberHash.isEmpty());
    QCOMPARE(entry.orderRef, page()->result()->verificationId);
    QVERIFY2(entry.outcomeDetail.startsWith(QStringLiteral("ageLimit=18 met")), qPrintable(entry.outcomeDetail));
    QCOMPARE(entry.outcome, AuditEntry::Outcome::Complete);
    QFile log(m_desk.window()->auditRecorder()->logPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray written = log.readAll();
    QVERIFY(written.contains("verify-id-card"));
    QVERIFY(!written.contains(karl.personalNumber.toLatin1())); // never in clear
    QVERIFY(!written.contains(karl.givenName.toUtf8()));        // nothing else about the holder

    // The evidence is checked against the simulator's signing root.
    QTRY_VERIFY_WITH_TIMEOUT(page()->evidence().has_value(), AnswerTimeoutMs);
    QVERIFY2(page()->evidence()->allPassed(), qPrintable(page()->evidence()->failures().join(QLatin1Char('\n'))));

    // The holder has gone: Esc takes their details off the screen.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Waiting);
    QVERIFY(!page()->result());
    QVERIFY(!page()->findChild<QWidget *>(QStringLiteral("resultWidget"))->isVisible());
}

void TestVerifyIdCardPage::notAnIdCardCodeIsRefusedLocally()
{
    openPage();
    QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);
    wedge(QStringLiteral("https://example.com/BANKIDF.1234"));
    QCOMPARE(page()->requestCount(), 0);
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Refused);
    QCOMPARE(page()->outcomeBadge()->outcome(), OutcomeBadge::Outcome::Blocked);
    QVERIFY2(page()->messageText().contains(QStringLiteral("not a BankID ID card code")), qPrintable(page()->messageText()));
    QCOMPARE(recorded.count(), 0); // nothing was asked of BankID
}

void TestVerifyIdCardPage::scanWhileAButtonHasTheFocus()
{
    // The operator clicked a button of the page, then the holder's code is scanned: no key is lost, the
    // code is verified without another click.
    openPage();
    auto *verify = page()->findChild<QPushButton *>(QStringLiteral("verifyPushButton"));
    verify->setFocus();
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(verify));
    const QString code = QString::fromLatin1(m_desk.simulator()->mintIdCardCode(sim::TestPerson::builtIn().first().personalNumber));
    QSignalSpy finished(page(), &VerifyIdCardPage::finished);
    wedge(code);
    QVERIFY(waitFinished(finished, 1));
    QVERIFY2(page()->state() == VerifyIdCardPage::State::Verified, qPrintable(page()->messageText()));
    QCOMPARE(page()->requestCount(), 1);
    // The custom age spin box has the focus when the answer comes: the next scan still lands in the input.
    auto *spin = page()->findChild<QSpinBox *>(QStringLiteral("ageLimitCustomSpinBox"));
    page()->findChild<QRadioButton *>(QStringLiteral("ageLimitCustomRadioButton"))->click();
    spin->setFocus();
    const QString next = QString::fromLatin1(m_desk.simulator()->mintIdCardCode(sim::TestPerson::builtIn().at(1).personalNumber));
    page()->submitCode(next); // e.g. read by the camera
    QVERIFY(waitFinished(finished, 2));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page()->scannerInput()));
}

void TestVerifyIdCardPage::demoPhoneCardByAge_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("age");
    QTest::addColumn<bool>("meets");
    QTest::newRow("17, limit 18") << QStringLiteral("Elsa Ek") << 18 << 17 << false;
    QTest::newRow("18 today, limit 18") << QStringLiteral("18") << 18 << 18 << true;
    QTest::newRow("18 today, limit 20") << QStringLiteral("18") << 20 << 18 << false;
    QTest::newRow("25, limit 25") << QStringLiteral("25") << 25 << 25 << true;
    QTest::newRow("25, limit 18") << QStringLiteral("25") << 18 << 25 << true;
}

void TestVerifyIdCardPage::demoPhoneCardByAge()
{
    QFETCH(QString, who);
    QFETCH(int, limit);
    QFETCH(int, age);
    QFETCH(bool, meets);
    addAgedPersons();
    DemoPhonePanel *phone = m_desk.window()->demoPhonePanel();
    QString number;
    if (who == QLatin1String("18"))
        number = m_eighteen;
    else if (who == QLatin1String("25"))
        number = m_twentyFive;
    else
        for (const sim::TestPerson &person : sim::TestPerson::builtIn())
            if (person.name() == who)
                number = person.personalNumber;
    QVERIFY2(!number.isEmpty(), qPrintable(who));

    openPage();
    page()->ageLimitChooser()->setLimit(limit);
    phone->selectPerson(number);
    QTest::mouseClick(phone->findChild<QPushButton *>(QStringLiteral("idCardPushButton")), Qt::LeftButton);
    QVERIFY(!phone->idCardCode().isEmpty());
    QSignalSpy finished(page(), &VerifyIdCardPage::finished);
    QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("demoScanPushButton")), Qt::LeftButton);
    QVERIFY(waitFinished(finished, 1));
    QVERIFY2(page()->state() == VerifyIdCardPage::State::Verified, qPrintable(page()->messageText()));
    QCOMPARE(page()->result()->user.personalNumber, number);
    QCOMPARE(page()->result()->user.age, age);
    QCOMPARE(page()->outcomeBadge()->outcome(), meets ? OutcomeBadge::Outcome::Passed : OutcomeBadge::Outcome::Failed);
    const QString heading = page()->outcomeBadge()->heading();
    QVERIFY2(heading.contains(QString::number(limit)), qPrintable(heading));
    QTRY_COMPARE(recorded.count(), 1);
    const auto entry = recorded.first().first().value<AuditEntry>();
    QCOMPARE(entry.outcome, meets ? AuditEntry::Outcome::Complete : AuditEntry::Outcome::Failed);
    QVERIFY2(entry.outcomeDetail.startsWith(QStringLiteral("ageLimit=%1 %2").arg(limit).arg(QLatin1String(meets ? "met" : "not met"))),
             qPrintable(entry.outcomeDetail));
}

void TestVerifyIdCardPage::reusedCodeIsPlainWords()
{
    openPage();
    const QString person = sim::TestPerson::builtIn().at(1).personalNumber;
    const QString code = QString::fromLatin1(m_desk.simulator()->mintIdCardCode(person));
    QVERIFY(!code.isEmpty());
    // Someone else (another desk) verified this code already.
    QString problem;
    RpCall *first = m_desk.connections()->client()->verifyIdCard(*IdCardCode::parse(code, &problem));
    QSignalSpy firstDone(first, &RpCall::finished);
    QVERIFY(firstDone.wait(AnswerTimeoutMs));
    QSignalSpy finished(page(), &VerifyIdCardPage::finished);
    QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);
    wedge(code);
    QVERIFY(waitFinished(finished, 1));
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Refused);
    QVERIFY(!page()->result());
    QVERIFY2(page()->messageText().contains(QStringLiteral("already been used")), qPrintable(page()->messageText()));
    QCOMPARE(page()->outcomeBadge()->outcome(), OutcomeBadge::Outcome::Blocked);
    QTRY_COMPARE(recorded.count(), 1);
    const auto entry = recorded.first().first().value<AuditEntry>();
    QCOMPARE(entry.outcome, AuditEntry::Outcome::Error);
    QVERIFY2(entry.outcomeDetail.contains(QStringLiteral("invalidParameters")), qPrintable(entry.outcomeDetail));
}

void TestVerifyIdCardPage::droppedConnectionIsPlainWords()
{
    openPage();
    QString error;
    QVERIFY2(m_desk.simulator()->addFault(QStringLiteral("verify:close:count=1"), &error) > 0, qPrintable(error));
    const QString code = QString::fromLatin1(m_desk.simulator()->mintIdCardCode(sim::TestPerson::builtIn().first().personalNumber));
    QSignalSpy finished(page(), &VerifyIdCardPage::finished);
    wedge(code);
    QVERIFY(waitFinished(finished, 1));
    QCOMPARE(page()->state(), VerifyIdCardPage::State::Refused);
    QVERIFY2(page()->messageText().contains(QStringLiteral("Nothing was verified")), qPrintable(page()->messageText()));
}

void TestVerifyIdCardPage::errorMessages_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("words");
    QTest::newRow("expired") << 400 << QByteArray(R"({"errorCode":"invalidParameters","details":"qrCode expired"})")
                             << QStringLiteral("has expired");
    QTest::newRow("used") << 400 << QByteArray(R"({"errorCode":"invalidParameters","details":"qrCode already used"})")
                          << QStringLiteral("already been used");
    QTest::newRow("not valid") << 400 << QByteArray(R"({"errorCode":"invalidParameters","details":"qrCode not valid"})")
                               << QStringLiteral("does not accept this QR code");
    QTest::newRow("maintenance") << 503 << QByteArray(R"({"errorCode":"maintenance","details":""})")
                                 << QStringLiteral("could not verify the card right now");
}

void TestVerifyIdCardPage::errorMessages()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, words);
    const QString message = OperatorMessages::forIdCardError(apiError(status, body));
    QVERIFY2(message.contains(words), qPrintable(message));
    // Network and TLS: their own words.
    RpError::Outcome refused;
    refused.endpoint = QStringLiteral("verify");
    refused.networkError = QNetworkReply::ConnectionRefusedError;
    QVERIFY(OperatorMessages::forIdCardError(RpError::fromExchange(refused)).contains(QStringLiteral("could not be reached")));
    RpError::Outcome untrusted;
    untrusted.endpoint = QStringLiteral("verify");
    untrusted.networkError = QNetworkReply::SslHandshakeFailedError;
    untrusted.sslErrors << QSslError(QSslError::UnableToGetLocalIssuerCertificate);
    QVERIFY(OperatorMessages::forIdCardError(RpError::fromExchange(untrusted)).contains(QStringLiteral("secure connection")));
}

void TestVerifyIdCardPage::ageLimitIsRemembered()
{
    openPage();
    page()->findChild<QRadioButton *>(QStringLiteral("ageLimitCustomRadioButton"))->click();
    page()->findChild<QSpinBox *>(QStringLiteral("ageLimitCustomSpinBox"))->setValue(21);
    QCOMPARE(m_desk.settings()->idCardAgeLimit(), 21);
    m_desk.closeWindow();
    QVERIFY(m_desk.openWindow(QSize(1280, 800)).isEmpty());
    QCOMPARE(page()->ageLimitChooser()->limit(), 21);
}

void TestVerifyIdCardPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("sv") << QStringLiteral("sv");
}

void TestVerifyIdCardPage::screenshots()
{
    QFETCH(QString, language);
    m_desk.window()->setLanguage(language);
    QCoreApplication::processEvents();
    openPage();
    QCoreApplication::processEvents();
    test::saveScreenshot(page(), QStringLiteral("VerifyIdCardPage-waiting-%1.png").arg(language));

    addAgedPersons();
    DemoPhonePanel *phone = m_desk.window()->demoPhonePanel();
    QPushButton *demoScan = page()->findChild<QPushButton *>(QStringLiteral("demoScanPushButton"));
    QPushButton *idCard = phone->findChild<QPushButton *>(QStringLiteral("idCardPushButton"));
    QSignalSpy finished(page(), &VerifyIdCardPage::finished);
    QSignalSpy checked(page(), &VerifyIdCardPage::evidenceChecked);
    // Passed: 25, limit 18.
    phone->selectPerson(m_twentyFive);
    idCard->click();
    QCoreApplication::processEvents(); // the panel's layout takes the QR code in
    test::saveScreenshot(m_desk.window(), QStringLiteral("VerifyIdCardPage-demo-phone-%1.png").arg(language));
    demoScan->click();
    QVERIFY(waitFinished(finished, 1));
    QVERIFY(QTest::qWaitFor([&] { return checked.count() == 1; }, AnswerTimeoutMs));
    QCOMPARE(page()->outcomeBadge()->outcome(), OutcomeBadge::Outcome::Passed);
    QTest::qWait(50); // the result's layout settles (nested layout requests)
    test::saveScreenshot(page(), QStringLiteral("VerifyIdCardPage-passed-%1.png").arg(language));
    // The evidence, check by check (expanded, then closed again).
    auto *evidence = page()->findChild<QToolButton *>(QStringLiteral("evidenceToolButton"));
    evidence->click();
    auto *checks = page()->findChild<QTreeWidget *>(QStringLiteral("evidenceTreeWidget"));
    QVERIFY(checks->isVisible());
    QCOMPARE(checks->topLevelItemCount(), 2); // the holder's identification, BankID's verification
    QCOMPARE(checks->topLevelItem(0)->childCount() + checks->topLevelItem(1)->childCount(),
             int(page()->evidence()->checks.size()));
    QTest::qWait(50);
    test::saveScreenshot(page(), QStringLiteral("VerifyIdCardPage-evidence-%1.png").arg(language));
    evidence->click();
    // Failed: Elsa Ek, always 17.
    for (const sim::TestPerson &person : sim::TestPerson::builtIn())
        if (person.name() == QLatin1String("Elsa Ek"))
            phone->selectPerson(person.personalNumber);
    QVERIFY(idCard->isChecked()); // the person switch showed her card
    demoScan->click();
    QVERIFY(waitFinished(finished, 2));
    QVERIFY(QTest::qWaitFor([&] { return checked.count() == 2; }, AnswerTimeoutMs));
    QCOMPARE(page()->outcomeBadge()->outcome(), OutcomeBadge::Outcome::Failed);
    QTest::qWait(50);
    test::saveScreenshot(page(), QStringLiteral("VerifyIdCardPage-failed-%1.png").arg(language));
    m_desk.window()->setLanguage(QStringLiteral("en"));
}

QTEST_MAIN(TestVerifyIdCardPage)
#include "TestVerifyIdCardPage.moc"
