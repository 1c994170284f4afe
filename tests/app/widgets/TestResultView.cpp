// ResultView with a real completion: a sign order run to completion against the in-process BankID
// simulator over mutual TLS (automatic simulated user). Checks the masked / revealed personal number, the
// device IP warning for same-device orders, risk "high" shown only as the blocked notice, the signed text
// decoded from the signature XML (usrVisibleData), the JSON export round trip, that a failed export
// leaves nothing behind (QSaveFile), and that the copy text keeps the number masked.
// Widgets need a QApplication: QTEST_MAIN, run with QT_QPA_PLATFORM=offscreen (set by ctest).

#include "OrderSession.h"
#include "OutcomeBadge.h"
#include "PersonalNumber.h"
#include "Receipt.h"
#include "ResultView.h"
#include "RiskBlockedNotice.h"
#include "Screenshots.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"
#include "TestPerson.h"
#include "Translations.h"

#include <QDir>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <memory>

using namespace bankid;

namespace {

const QString SignedText = QStringLiteral("Jag godkänner avtalet om 1 000 kr, ränta 3 %.\nÅsa Öberg");
const QString EndUserIp = QStringLiteral("192.0.2.10");

} // namespace

class TestResultView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void personalNumberMaskedUntilRevealed();
    void deviceIpWarning_data();
    void deviceIpWarning();
    void riskHighIsBlocked_data();
    void riskHighIsBlocked();
    void signedTextFromSignature();
    void signedTextFallsBackToWhatWasSent();
    void exportJsonRoundTrip();
    void exportFailureLeavesNothing_data();
    void exportFailureLeavesNothing();
    void newOrderButton();
    void headingAndCaptionPerFlow_data();
    void headingAndCaptionPerFlow();
    void signedMarkdownIsRendered();
    void receiptOpenFolderAndVerifyNow();
    void copyIsConfirmed();
    void screenshots();

private:
    ResultContext context(StartMethod method = StartMethod::QrCode) const;

    CompletionData m_completion; ///< from a real simulator sign order
    QDateTime m_startedAt;
    QDateTime m_completedAt;
    QString m_orderRef;
};

void TestResultView::initTestCase()
{
    qRegisterMetaType<CompletionData>();
    qRegisterMetaType<OrderFailure>();
    test::SimulatorFixture simulator;
    QVERIFY2(simulator.isValid(), qPrintable(simulator.errorString()));
    sim::SimulatorOptions options = simulator.autoOptions();
    options.pickUpDelayMs = 200;
    options.startedDurationMs = 100;
    options.signDelayMs = 200;
    const QString error = simulator.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    SteadyClock clock;
    OrderSession session(simulator.client(), &clock);

    OrderRequest request;
    request.flow = Flow::Sign;
    request.endUserIp = EndUserIp;
    request.userVisibleData = SignedText.toUtf8();
    request.userNonVisibleData = QByteArrayLiteral("contract=4711");
    request.returnRisk = true;
    OrderSession::Options sessionOptions;
    sessionOptions.pollIntervalMs = OrderSession::MinPollIntervalMs;
    QSignalSpy completed(&session, &OrderSession::completed);
    m_startedAt = QDateTime::currentDateTimeUtc();
    session.start(request, sessionOptions);
    QTRY_COMPARE_WITH_TIMEOUT(completed.count(), 1, 15000);
    m_completedAt = QDateTime::currentDateTimeUtc();
    m_completion = completed.first().first().value<CompletionData>();
    m_orderRef = session.orderRef();
    QCOMPARE(m_completion.personalNumber, sim::TestPerson::builtIn().first().personalNumber);
    QCOMPARE(m_completion.risk, QStringLiteral("low"));
    QVERIFY(!m_completion.signature.isEmpty());
    QVERIFY(!m_completion.raw.isEmpty());
}

void TestResultView::cleanup()
{
    Translations::remove();
}

ResultContext TestResultView::context(StartMethod method) const
{
    ResultContext result;
    result.flow = Flow::Sign;
    result.startMethod = method;
    result.environmentName = QStringLiteral("simulator");
    result.endUserIp = EndUserIp;
    result.orderRef = m_orderRef;
    result.startedAt = m_startedAt;
    result.completedAt = m_completedAt;
    result.userVisibleDataSent = SignedText.toUtf8();
    result.userNonVisibleDataSent = QByteArrayLiteral("contract=4711");
    return result;
}

void TestResultView::personalNumberMaskedUntilRevealed()
{
    ResultView view;
    view.show(); // clicks go to laid-out, visible buttons
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showCompletion(m_completion, context());
    const QString number = m_completion.personalNumber;
    const QString masked = PersonalNumber::mask(number);
    QCOMPARE(masked, number.left(8) + QStringLiteral("****"));
    auto *label = view.findChild<QLabel *>(QStringLiteral("personalNumberLabel"));
    auto *reveal = view.findChild<QPushButton *>(QStringLiteral("revealPushButton"));
    QVERIFY(label && reveal);
    QVERIFY(reveal->isCheckable());
    QVERIFY(!reveal->accessibleName().isEmpty());
    QCOMPARE(label->text(), masked);
    QVERIFY(!view.isPersonalNumberRevealed());
    QVERIFY(!view.summaryText().contains(number));
    QVERIFY(view.summaryText().contains(masked));

    QTest::mouseClick(reveal, Qt::LeftButton);
    QVERIFY(view.isPersonalNumberRevealed());
    QCOMPARE(label->text(), number);
    QVERIFY(view.summaryText().contains(number));

    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(label->text(), masked);
    // A new result always starts masked again.
    reveal->setChecked(true);
    view.showCompletion(m_completion, context());
    QCOMPARE(label->text(), masked);

    auto *name = view.findChild<QLabel *>(QStringLiteral("nameLabel"));
    QCOMPARE(name->text(), m_completion.name);
    auto *issue = view.findChild<QLabel *>(QStringLiteral("issueDateLabel"));
    QCOMPARE(issue->text(), m_completion.bankIdIssueDate);
}

void TestResultView::deviceIpWarning_data()
{
    QTest::addColumn<StartMethod>("method");
    QTest::addColumn<QString>("deviceIp");
    QTest::addColumn<bool>("warned");
    QTest::newRow("same_device_same_ip") << StartMethod::SameDevice << EndUserIp << false;
    QTest::newRow("same_device_other_ip") << StartMethod::SameDevice << QStringLiteral("198.51.100.7") << true;
    QTest::newRow("same_device_ipv4_mapped_ipv6") << StartMethod::SameDevice << QStringLiteral("::ffff:192.0.2.10") << false;
    QTest::newRow("qr_other_ip_is_normal") << StartMethod::QrCode << QStringLiteral("198.51.100.7") << false;
    QTest::newRow("phone_other_ip_is_normal") << StartMethod::Phone << QStringLiteral("198.51.100.7") << false;
}

void TestResultView::deviceIpWarning()
{
    QFETCH(StartMethod, method);
    QFETCH(QString, deviceIp);
    QFETCH(bool, warned);
    ResultView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    CompletionData completion = m_completion;
    completion.deviceIpAddress = deviceIp;
    view.showCompletion(completion, context(method));
    auto *ip = view.findChild<QLabel *>(QStringLiteral("deviceIpLabel"));
    auto *warning = view.findChild<QLabel *>(QStringLiteral("deviceIpWarningLabel"));
    QVERIFY(ip && warning);
    QCOMPARE(ip->text(), deviceIp);
    QCOMPARE(warning->isVisible(), warned);
    if (warned) {
        QVERIFY(warning->text().contains(deviceIp));
        QVERIFY(warning->text().contains(EndUserIp));
        QVERIFY(view.summaryText().contains(warning->text()));
    }
}

void TestResultView::riskHighIsBlocked_data()
{
    QTest::addColumn<QString>("risk");
    QTest::addColumn<bool>("blocked");
    QTest::addColumn<QString>("shown");
    QTest::newRow("low_from_simulator") << QStringLiteral("low") << false << QStringLiteral("Low");
    QTest::newRow("moderate") << QStringLiteral("moderate") << false << QStringLiteral("Moderate");
    QTest::newRow("high_blocked") << QStringLiteral("high") << true << QStringLiteral("High");
    QTest::newRow("not_requested") << QString() << false << QStringLiteral("Not requested");
}

void TestResultView::riskHighIsBlocked()
{
    QFETCH(QString, risk);
    QFETCH(bool, blocked);
    QFETCH(QString, shown);
    ResultView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    CompletionData completion = m_completion;
    completion.risk = risk;
    view.showCompletion(completion, context());
    auto *heading = view.findChild<QLabel *>(QStringLiteral("headingLabel"));
    auto *riskLabel = view.findChild<QLabel *>(QStringLiteral("riskLabel"));
    auto *details = view.findChild<QWidget *>(QStringLiteral("detailsWidget"));
    auto *copy = view.findChild<QPushButton *>(QStringLiteral("copyPushButton"));
    auto *exportButton = view.findChild<QPushButton *>(QStringLiteral("exportPushButton"));
    QVERIFY(heading && riskLabel && details && copy && exportButton);
    QCOMPARE(view.isBlocked(), blocked);
    QCOMPARE(view.isTrusted(), !blocked);
    if (!blocked) {
        QCOMPARE(riskLabel->text(), shown);
        QVERIFY(details->isVisible());
        QVERIFY(copy->isEnabled() && exportButton->isEnabled());
        QVERIFY(view.summaryText().contains(QStringLiteral("Risk: ") + shown));
        return;
    }
    // A blocked order is a failure, shown like the order view shows it: the notice, nothing to pass on.
    QCOMPARE(heading->text(), RiskBlockedNotice::text());
    QVERIFY(heading->text().contains(QStringLiteral("Do not continue")));
    QVERIFY(!details->isVisible());
    QVERIFY(!copy->isEnabled() && !exportButton->isEnabled());
    QCOMPARE(view.summaryText(), RiskBlockedNotice::text());
    QVERIFY(!view.summaryText().contains(completion.name));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!view.exportJson(dir.filePath(QStringLiteral("blocked.json")), &error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("blocked.json"))));
}

void TestResultView::signedTextFromSignature()
{
    // The signature really carries what was signed: decoding it needs no help from the context.
    const std::optional<QByteArray> fromSignature = ResultView::signedVisibleData(m_completion.signature);
    QVERIFY(fromSignature.has_value());
    QCOMPARE(QString::fromUtf8(*fromSignature), SignedText);

    ResultView view;
    ResultContext withoutSent = context();
    withoutSent.userVisibleDataSent = QByteArrayLiteral("something else entirely");
    view.showCompletion(m_completion, withoutSent);
    auto *signedEdit = view.findChild<QPlainTextEdit *>(QStringLiteral("signedPlainTextEdit"));
    auto *caption = view.findChild<QLabel *>(QStringLiteral("signedCaptionLabel"));
    QVERIFY(signedEdit && caption);
    QCOMPARE(signedEdit->toPlainText(), SignedText);
    QVERIFY(caption->text().contains(QStringLiteral("from the signature")));
    QVERIFY(signedEdit->isReadOnly());

    QVERIFY(!ResultView::signedVisibleData(QStringLiteral("not base64 at all!")).has_value());
    QVERIFY(!ResultView::signedVisibleData(QString::fromLatin1(QByteArrayLiteral("<a><b/></a>").toBase64())).has_value());
}

void TestResultView::signedTextFallsBackToWhatWasSent()
{
    ResultView view;
    CompletionData completion = m_completion;
    completion.signature.clear();
    view.showCompletion(completion, context());
    auto *signedEdit = view.findChild<QPlainTextEdit *>(QStringLiteral("signedPlainTextEdit"));
    auto *caption = view.findChild<QLabel *>(QStringLiteral("signedCaptionLabel"));
    QCOMPARE(signedEdit->toPlainText(), SignedText);
    QVERIFY(caption->text().contains(QStringLiteral("as sent")));
}

void TestResultView::exportJsonRoundTrip()
{
    ResultView view;
    view.showCompletion(m_completion, context());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("result.json"));
    QString error;
    QVERIFY2(view.exportJson(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject object = document.object();
    QCOMPARE(object.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(object.value(QLatin1String("environment")).toString(), QStringLiteral("simulator"));
    QCOMPARE(object.value(QLatin1String("orderRef")).toString(), m_orderRef);
    QCOMPARE(object.value(QLatin1String("flow")).toString(), QStringLiteral("sign"));
    QCOMPARE(object.value(QLatin1String("endUserIp")).toString(), EndUserIp);
    QCOMPARE(QDateTime::fromString(object.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs), m_startedAt);
    QCOMPARE(QDateTime::fromString(object.value(QLatin1String("completedAt")).toString(), Qt::ISODateWithMs),
             m_completedAt);
    QCOMPARE(object.value(QLatin1String("completionData")).toObject(), m_completion.raw);
    // Parsing the exported completionData gives back the same typed completion.
    QString parseProblem;
    const auto reparsed = CompletionData::fromJson(object.value(QLatin1String("completionData")).toObject(), &parseProblem);
    QVERIFY2(reparsed.has_value(), qPrintable(parseProblem));
    QCOMPARE(reparsed->personalNumber, m_completion.personalNumber);
    QCOMPARE(reparsed->signature, m_completion.signature);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("result.json")}); // no temp leftovers
}

void TestResultView::exportFailureLeavesNothing_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing_folder") << QStringLiteral("no/such/folder/result.json");
    QTest::newRow("path_is_a_directory") << QStringLiteral("existing-dir");
}

void TestResultView::exportFailureLeavesNothing()
{
    QFETCH(QString, relativePath);
    ResultView view;
    view.showCompletion(m_completion, context());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("existing-dir")));
    const QString path = dir.filePath(relativePath);
    QString error;
    QVERIFY(!view.exportJson(path, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY(!QFileInfo(path).isFile());
    QVERIFY(!QDir(dir.filePath(QStringLiteral("no"))).exists());
    // Nothing else was written either (no temporary file left behind).
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{QStringLiteral("existing-dir")});
    QVERIFY(QDir(dir.filePath(QStringLiteral("existing-dir"))).isEmpty());

    ResultView empty;
    QVERIFY(!empty.exportJson(dir.filePath(QStringLiteral("x.json")), &error));
    QVERIFY(error.contains(QStringLiteral("no completed order")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.json"))));
}

void TestResultView::newOrderButton()
{
    ResultView view;
    view.showCompletion(m_completion, context());
    QSignalSpy spy(&view, &ResultView::newOrderRequested);
    auto *button = view.findChild<QPushButton *>(QStringLiteral("newOrderPushButton"));
    QVERIFY(button && !button->accessibleName().isEmpty());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    for (const char *name : {"copyPushButton", "exportPushButton", "revealPushButton"}) {
        auto *other = view.findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(other && other->isEnabled() && !other->accessibleName().isEmpty(), name);
    }
}

void TestResultView::headingAndCaptionPerFlow_data()
{
    QTest::addColumn<int>("flow");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<bool>("saysSigned");
    QTest::newRow("auth") << int(Flow::Auth) << QStringLiteral("Identified with BankID") << false;
    QTest::newRow("phone_auth") << int(Flow::PhoneAuth) << QStringLiteral("Identified with BankID") << false;
    QTest::newRow("sign") << int(Flow::Sign) << QStringLiteral("Signed with BankID") << true;
    QTest::newRow("phone_sign") << int(Flow::PhoneSign) << QStringLiteral("Signed with BankID") << true;
}

void TestResultView::headingAndCaptionPerFlow()
{
    QFETCH(int, flow);
    QFETCH(QString, heading);
    QFETCH(bool, saysSigned);
    ResultView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ResultContext login = context();
    login.flow = Flow(flow);
    view.showCompletion(m_completion, login);
    auto *badge = view.findChild<OutcomeBadge *>(QStringLiteral("outcomeBadge"));
    auto *caption = view.findChild<QLabel *>(QStringLiteral("signedCaptionLabel"));
    QVERIFY(badge && caption);
    QCOMPARE(badge->outcome(), OutcomeBadge::Outcome::Passed);
    QCOMPARE(badge->heading(), heading);
    QCOMPARE(badge->detail(), m_completion.name);
    // A login signed nothing: its text is what the person was shown, never "What was signed".
    QCOMPARE(QString(caption->text()).remove(QLatin1Char('&')).contains(QStringLiteral("signed")), saysSigned);
    QVERIFY(caption->isVisible());
}

void TestResultView::signedMarkdownIsRendered()
{
    ResultView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    ResultContext markdown = context();
    markdown.userVisibleDataIsMarkdown = true;
    view.resize(640, 640);
    markdown.userVisibleDataSent = QByteArrayLiteral("# Avtal\n\nJag godkänner *flytten* av **sparkontot**.");
    CompletionData completion = m_completion;
    completion.signature.clear(); // the text as sent
    view.showCompletion(completion, markdown);
    auto *browser = view.findChild<QTextBrowser *>(QStringLiteral("signedTextBrowser"));
    auto *plain = view.findChild<QPlainTextEdit *>(QStringLiteral("signedPlainTextEdit"));
    QVERIFY(browser && plain);
    QVERIFY(browser->isVisible());
    QVERIFY(plain->isHidden());
    // Rendered: no markdown marks left, the heading is a heading, the emphasis is bold.
    QVERIFY2(!browser->toPlainText().contains(QLatin1Char('#')), qPrintable(browser->toPlainText()));
    QVERIFY(!browser->toPlainText().contains(QLatin1Char('*')));
    QVERIFY(browser->toPlainText().contains(QStringLiteral("Avtal")));
    QVERIFY(browser->toHtml().contains(QStringLiteral("font-weight")));
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(&view, language == QLocale::Swedish ? QStringLiteral("ResultView-markdown-sv.png")
                                                           : QStringLiteral("ResultView-markdown-en.png"));
    }
}

void TestResultView::receiptOpenFolderAndVerifyNow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString document = dir.filePath(QStringLiteral("contract.pdf"));
    const QString receipt = Receipt::defaultPathFor(document);
    ResultView view;
    QList<QUrl> opened;
    view.setUrlOpener(UrlOpener([&opened](const QUrl &url) { opened << url; return true; }));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showCompletion(m_completion, context());
    auto *openFolder = view.findChild<QPushButton *>(QStringLiteral("openFolderPushButton"));
    auto *verifyNow = view.findChild<QPushButton *>(QStringLiteral("verifyNowPushButton"));
    QVERIFY(openFolder && verifyNow);
    QVERIFY(openFolder->isHidden() && verifyNow->isHidden()); // no receipt yet

    view.showReceiptSaved(receipt, false);
    QVERIFY(openFolder->isVisible() && verifyNow->isVisible());
    QVERIFY(!openFolder->accessibleName().isEmpty() && !verifyNow->accessibleName().isEmpty());
    QTest::mouseClick(openFolder, Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(QFileInfo(receipt).absolutePath())});

    QSignalSpy verify(&view, &ResultView::verifyReceiptRequested);
    QTest::mouseClick(verifyNow, Qt::LeftButton);
    QCOMPARE(verify.count(), 1);
    QCOMPARE(verify.first().at(0).toString(), document); // derived from the first-choice receipt name
    QCOMPARE(verify.first().at(1).toString(), receipt);

    // A numbered receipt: the window names the document.
    const QString numbered = dir.filePath(QStringLiteral("contract.pdf.bankid-receipt-2.json"));
    view.showReceiptSaved(numbered, true, document);
    QTest::mouseClick(verifyNow, Qt::LeftButton);
    QCOMPARE(verify.count(), 2);
    QCOMPARE(verify.last().at(0).toString(), document);
    QCOMPARE(verify.last().at(1).toString(), numbered);

    // An opener that cannot open the folder is said so, not swallowed.
    view.setUrlOpener(UrlOpener([](const QUrl &) { return false; }));
    QTest::mouseClick(openFolder, Qt::LeftButton);
    QVERIFY2(view.statusText().contains(QStringLiteral("could not be opened")), qPrintable(view.statusText()));
    view.resize(640, 720);
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(&view, language == QLocale::Swedish ? QStringLiteral("ResultView-receipt-sv.png")
                                                           : QStringLiteral("ResultView-receipt-en.png"));
    }
}

void TestResultView::copyIsConfirmed()
{
    ResultView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showCompletion(m_completion, context());
    QVERIFY(view.statusText().isEmpty());
    auto *copy = view.findChild<QPushButton *>(QStringLiteral("copyPushButton"));
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), view.summaryText());
    QCOMPARE(view.statusText(), QStringLiteral("Copied to the clipboard (personal number hidden)."));
    auto *status = view.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status && status->isVisible());
    view.showCompletion(m_completion, context()); // a new result starts without the old confirmation
    QVERIFY(view.statusText().isEmpty());
}

void TestResultView::screenshots()
{
    ResultView view;
    CompletionData completion = m_completion;
    completion.deviceIpAddress = QStringLiteral("198.51.100.7");
    view.showCompletion(completion, context(StartMethod::SameDevice));
    view.resize(640, 640);
    for (const QLocale::Language language : {QLocale::English, QLocale::Swedish}) {
        QVERIFY(Translations::install(QLocale(language)));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        test::saveScreenshot(&view, language == QLocale::Swedish ? QStringLiteral("ResultView-sv.png")
                                                           : QStringLiteral("ResultView-en.png"));
    }
}

QTEST_MAIN(TestResultView)
#include "TestResultView.moc"
