// VerifyReceiptPage with a receipt made through the real desk flow (Sign document on the embedded simulator,
// real mutual TLS, real XMLDSig and OCSP): dropping the receipt, the document or both verifies every check;
// a flipped byte in the document names the "document digest" check; refused drops and a missing partner
// are explained; screenshots of a passed and a failed verification in English and Swedish.
#include "DeskFixture.h"
#include "DocumentSigning.h"
#include "DropArea.h"
#include "Receipt.h"
#include "ReceiptReport.h"
#include "ResultView.h"
#include "Screenshots.h"
#include "Simulator.h"
#include "OutcomeBadge.h"
#include "Translations.h"
#include "VerifyReceiptPage.h"

#include <QDir>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace bankid;

class TestVerifyReceiptPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void dropReceiptAllPassed();
    void dropDocumentFindsReceipt();
    void dropBothInEitherOrder();
    void flippedByteFailsDocumentDigest();
    void refusedDrops_data();
    void refusedDrops();
    void missingPartner();
    void addedRootIsListedAndRemovable();
    void nextResultStartsMasked();
    void refusedDropClearsResult();
    void emptyClaimedReceiptIsSkipped();
    void checksInTheUiLanguage();
    void signingTimeIn24HourSwedish();
    void screenshots_data();
    void screenshots();

private:
    static void drop(QWidget *target, const QList<QUrl> &urls);
    /// Runs `action` and waits for the page's verified() signal.
    template<typename Action>
    static bool verifyAfter(VerifyReceiptPage &page, Action action);
    /// A copy of the signed document and its receipt in a new folder; returns the document's path.
    QString copyPair(QTemporaryDir &dir) const;

    test::DeskFixture m_desk;
    QTemporaryDir m_dir;
    QString m_pdf;
    QString m_receipt;
    QString m_root;
};

void TestVerifyReceiptPage::initTestCase()
{
    QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_desk.openWindow(QSize(1100, 720));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_pdf = m_dir.filePath(QStringLiteral("lease.pdf"));
    QVERIFY(test::writeFile(m_pdf, test::minimalPdf("Lease agreement, flat 12")));
    error = test::signDocumentInDesk(m_desk, m_pdf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_receipt = Receipt::defaultPathFor(m_pdf);
    QVERIFY2(QFile::exists(m_receipt), qPrintable(m_desk.window()->resultView()->receiptStatusText()));
    m_root = m_desk.simulator()->signingRootPath();
    QVERIFY(QFile::exists(m_root));
    m_desk.closeWindow();
}

void TestVerifyReceiptPage::cleanupTestCase()
{
    Translations::remove();
    m_desk.tearDown();
}

void TestVerifyReceiptPage::drop(QWidget *target, const QList<QUrl> &urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

template<typename Action>
bool TestVerifyReceiptPage::verifyAfter(VerifyReceiptPage &page, Action action)
{
    QSignalSpy verified(&page, &VerifyReceiptPage::verified);
    action();
    return QTest::qWaitFor([&verified] { return verified.count() > 0; }, 15000);
}

QString TestVerifyReceiptPage::copyPair(QTemporaryDir &dir) const
{
    const QString pdf = dir.filePath(QStringLiteral("lease.pdf"));
    if (!QFile::copy(m_pdf, pdf) || !QFile::copy(m_receipt, Receipt::defaultPathFor(pdf)))
        return {};
    return pdf;
}

void TestVerifyReceiptPage::dropReceiptAllPassed()
{
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    auto *area = page.findChild<DropArea *>(QStringLiteral("dropArea"));
    QVERIFY(area);
    QVERIFY(verifyAfter(page, [&] { drop(area, {QUrl::fromLocalFile(m_receipt)}); }));
    QVERIFY(page.report());
    QVERIFY2(page.report()->allPassed(), qPrintable(page.report()->failures().join(QLatin1Char('\n'))));
    QCOMPARE(page.documentPath(), m_pdf);
    QCOMPARE(page.receiptPath(), m_receipt);
    const int total = int(ReceiptReport::checkNames().size());
    QCOMPARE(page.headlineText(), QStringLiteral("All %1 checks passed").arg(total));
    // The outcome is the shared badge: a green check with words.
    auto *badge = page.findChild<OutcomeBadge *>(QStringLiteral("outcomeBadge"));
    QVERIFY(badge && badge->isVisibleTo(&page));
    QCOMPARE(badge->outcome(), OutcomeBadge::Outcome::Passed);
    QCOMPARE(badge->heading(), QStringLiteral("All %1 checks passed").arg(total));
    QVERIFY2(badge->accessibleName().startsWith(OutcomeBadge::outcomeWord(OutcomeBadge::Outcome::Passed)),
             qPrintable(badge->accessibleName()));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("signerLabel"))->accessibleName(), QStringLiteral("Signer"));

    // Every check is listed with its outcome in words, not colour only, under a title in the UI language.
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("checksTreeWidget"));
    QCOMPARE(tree->topLevelItemCount(), total);
    for (int row = 0; row < total; ++row) {
        const QString name = ReceiptReport::checkNames().at(row);
        QCOMPARE(tree->topLevelItem(row)->data(0, Qt::UserRole).toString(), name);
        QCOMPARE(tree->topLevelItem(row)->text(0), VerifyReceiptPage::checkTitle(name));
        QVERIFY2(tree->topLevelItem(row)->text(0) != name || name == QLatin1String("receipt") || name == QLatin1String("signer"),
                 qPrintable(QStringLiteral("no title for check %1").arg(name)));
        QCOMPARE(tree->topLevelItem(row)->text(1), QStringLiteral("✔ passed"));
        // No silent truncation: the table wraps, and the full texts (and the technical detail) are the tooltip.
        QVERIFY(tree->topLevelItem(row)->toolTip(2).contains(tree->topLevelItem(row)->text(2)));
        QVERIFY(tree->topLevelItem(row)->toolTip(2).contains(page.report()->checks.at(row).detail));
    }
    QVERIFY(tree->wordWrap());
    QCOMPARE(tree->textElideMode(), Qt::ElideNone);
    // Signer (personal number masked until shown), signing time, trusted roots.
    auto *signer = page.findChild<QLabel *>(QStringLiteral("signerLabel"));
    const QString personalNumber = page.report()->evidence.signerPersonalNumber;
    QVERIFY(!personalNumber.isEmpty());
    QVERIFY2(!signer->text().contains(personalNumber) && signer->text().contains(page.report()->evidence.signerName),
             qPrintable(signer->text()));
    page.findChild<QPushButton *>(QStringLiteral("revealPushButton"))->click();
    QVERIFY2(signer->text().contains(personalNumber), qPrintable(signer->text()));
    QVERIFY(!page.findChild<QLabel *>(QStringLiteral("signedAtLabel"))->text().isEmpty());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("trustedLabel"))->text().contains(QStringLiteral("signing-root.pem")));
}

void TestVerifyReceiptPage::dropDocumentFindsReceipt()
{
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { drop(page.findChild<DropArea *>(QStringLiteral("dropArea")), {QUrl::fromLocalFile(m_pdf)}); }));
    QCOMPARE(page.receiptPath(), m_receipt);
    QVERIFY(page.report() && page.report()->allPassed());
}

void TestVerifyReceiptPage::dropBothInEitherOrder()
{
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    auto *area = page.findChild<DropArea *>(QStringLiteral("dropArea"));
    QVERIFY(verifyAfter(page, [&] { drop(area, {QUrl::fromLocalFile(m_receipt), QUrl::fromLocalFile(m_pdf)}); }));
    QCOMPARE(page.documentPath(), m_pdf);
    QVERIFY(page.report() && page.report()->allPassed());
    QVERIFY(verifyAfter(page, [&] { drop(area, {QUrl::fromLocalFile(m_pdf), QUrl::fromLocalFile(m_receipt)}); }));
    QCOMPARE(page.receiptPath(), m_receipt);
    QVERIFY(page.report() && page.report()->allPassed());
}

void TestVerifyReceiptPage::flippedByteFailsDocumentDigest()
{
    QTemporaryDir dir;
    const QString pdf = copyPair(dir);
    QVERIFY(!pdf.isEmpty());
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.setFiles(pdf, Receipt::defaultPathFor(pdf)); }));
    QVERIFY(page.report()->allPassed());

    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(20));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(20));
    QVERIFY(file.putChar(char(byte ^ 0x01)));
    file.close();

    // Verify again (the button) sees the change.
    auto *again = page.findChild<QPushButton *>(QStringLiteral("verifyAgainPushButton"));
    QVERIFY(again->isEnabled());
    QVERIFY(verifyAfter(page, [&] { again->click(); }));
    QVERIFY(!page.report()->allPassed());
    QVERIFY(page.report()->check(QStringLiteral("document digest")).failed());
    const QString title = VerifyReceiptPage::checkTitle(QStringLiteral("document digest"));
    QVERIFY2(page.headlineText().contains(QStringLiteral("failed")) && page.headlineText().contains(title),
             qPrintable(page.headlineText()));
    // A red cross with words, never colour alone.
    auto *badge = page.findChild<OutcomeBadge *>(QStringLiteral("outcomeBadge"));
    QCOMPARE(badge->outcome(), OutcomeBadge::Outcome::Failed);
    QVERIFY(badge->heading().contains(QStringLiteral("failed")));
    QVERIFY2(badge->accessibleName().startsWith(OutcomeBadge::outcomeWord(OutcomeBadge::Outcome::Failed)),
             qPrintable(badge->accessibleName()));
    // The signer is only claimed by the receipt now.
    QVERIFY(page.findChildren<QLabel *>().contains(page.findChild<QLabel *>(QStringLiteral("signerLabel"))));
    bool qualified = false;
    for (const QLabel *label : page.findChildren<QLabel *>())
        qualified = qualified || label->text() == QStringLiteral("Signer (not verified):");
    QVERIFY2(qualified, "a failed verification must show the signer qualified");
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("signerLabel"))->accessibleName(), QStringLiteral("Signer, not verified"));

    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("checksTreeWidget"));
    const auto rows = tree->findItems(title, Qt::MatchExactly, 0);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()->text(1), QStringLiteral("✘ FAILED"));
    QCOMPARE(rows.first()->text(2),
             VerifyReceiptPage::checkExplanation(QStringLiteral("document digest"), VerificationCheck::Outcome::Failed));
    // The verifier's technical reason is one keypress away (a child row) and in the tooltip.
    QCOMPARE(rows.first()->childCount(), 1);
    const QString detail = page.report()->check(QStringLiteral("document digest")).detail;
    QVERIFY(rows.first()->child(0)->text(0).contains(detail));
    QVERIFY(rows.first()->toolTip(1).contains(detail));
}

void TestVerifyReceiptPage::refusedDrops_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("a folder") << QStringLiteral("folder") << QStringLiteral("is a folder");
    QTest::newRow("three files") << QStringLiteral("three") << QStringLiteral("3 items were dropped");
    QTest::newRow("a remote URL") << QStringLiteral("remote") << QStringLiteral("not a file on this computer");
    QTest::newRow("two documents") << QStringLiteral("twoDocuments") << QStringLiteral("Neither dropped file is a receipt");
}

void TestVerifyReceiptPage::refusedDrops()
{
    QFETCH(QString, kind);
    QFETCH(QString, messagePart);
    QList<QUrl> urls;
    if (kind == QLatin1String("folder"))
        urls << QUrl::fromLocalFile(m_dir.path());
    else if (kind == QLatin1String("three"))
        urls << QUrl::fromLocalFile(m_pdf) << QUrl::fromLocalFile(m_receipt) << QUrl::fromLocalFile(m_root);
    else if (kind == QLatin1String("remote"))
        urls << QUrl(QStringLiteral("https://example.com/lease.pdf"));
    else
        urls << QUrl::fromLocalFile(m_pdf) << QUrl::fromLocalFile(m_root);
    VerifyReceiptPage page;
    drop(page.findChild<DropArea *>(QStringLiteral("dropArea")), urls);
    QVERIFY2(page.messageText().contains(messagePart), qPrintable(page.messageText()));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("messageLabel"))->text(), page.messageText());
    QVERIFY(!page.report());
    QVERIFY(!page.isVerifying());
}

void TestVerifyReceiptPage::missingPartner()
{
    QTemporaryDir dir;
    const QString lonely = dir.filePath(QStringLiteral("unsigned.pdf"));
    QVERIFY(test::writeFile(lonely, test::minimalPdf("never signed")));
    VerifyReceiptPage page;
    page.openPath(lonely);
    QVERIFY2(page.messageText().contains(Receipt::defaultPathFor(lonely)), qPrintable(page.messageText()));
    QVERIFY(!page.report());

    const QString orphanReceipt = dir.filePath(QStringLiteral("gone.pdf") + Receipt::fileSuffix());
    QVERIFY(QFile::copy(m_receipt, orphanReceipt));
    page.openPath(orphanReceipt);
    QVERIFY2(page.messageText().contains(dir.filePath(QStringLiteral("gone.pdf"))), qPrintable(page.messageText()));
    QVERIFY(!page.report());
}

void TestVerifyReceiptPage::addedRootIsListedAndRemovable()
{
    VerifyReceiptPage page;
    QVERIFY(!page.addRootFile(m_pdf)); // not a certificate: refused, named
    QVERIFY2(page.messageText().contains(QStringLiteral("lease.pdf")), qPrintable(page.messageText()));
    QVERIFY(page.rootFiles().isEmpty());
    QVERIFY(page.addRootFile(m_root));
    QCOMPARE(page.rootFiles(), QStringList{m_root});
    auto *list = page.findChild<QListWidget *>(QStringLiteral("rootsListWidget"));
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->text(), QDir::toNativeSeparators(m_root));
    list->setCurrentRow(0);
    auto *remove = page.findChild<QPushButton *>(QStringLiteral("removeRootPushButton"));
    QVERIFY(remove->isEnabled());
    remove->click();
    QVERIFY(page.rootFiles().isEmpty());
    QVERIFY(!remove->isEnabled());
}

void TestVerifyReceiptPage::nextResultStartsMasked()
{
    // Show reveals the personal number of this result only: the next verification starts masked again.
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.setFiles(m_pdf, m_receipt); }));
    auto *signer = page.findChild<QLabel *>(QStringLiteral("signerLabel"));
    const QString personalNumber = page.report()->evidence.signerPersonalNumber;
    page.findChild<QPushButton *>(QStringLiteral("revealPushButton"))->click();
    QVERIFY2(signer->text().contains(personalNumber), qPrintable(signer->text()));
    QVERIFY(verifyAfter(page, [&] { page.findChild<QPushButton *>(QStringLiteral("verifyAgainPushButton"))->click(); }));
    QVERIFY2(!signer->text().contains(personalNumber), qPrintable(signer->text()));
}

void TestVerifyReceiptPage::refusedDropClearsResult()
{
    // A refused drop after a passed verification leaves no stale "all passed" on screen.
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.setFiles(m_pdf, m_receipt); }));
    QVERIFY(page.report() && page.report()->allPassed());
    drop(page.findChild<DropArea *>(QStringLiteral("dropArea")), {QUrl(QStringLiteral("https://example.com/x.pdf"))});
    QVERIFY(!page.report());
    QVERIFY(page.documentPath().isEmpty() && page.receiptPath().isEmpty());
    QVERIFY2(!page.headlineText().contains(QStringLiteral("passed")), qPrintable(page.headlineText()));
    QVERIFY2(page.messageText().contains(QStringLiteral("not a file on this computer")), qPrintable(page.messageText()));
}

void TestVerifyReceiptPage::emptyClaimedReceiptIsSkipped()
{
    // A writer that crashed after claiming "FILE.bankid-receipt.json" leaves it empty; the next signature
    // went to "-2". Dropping the document picks the real receipt.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("lease.pdf"));
    QVERIFY(QFile::copy(m_pdf, pdf));
    QVERIFY(test::writeFile(Receipt::defaultPathFor(pdf), QByteArray()));
    const QString second = pdf + QStringLiteral(".bankid-receipt-2.json");
    QVERIFY(QFile::copy(m_receipt, second));
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.openPath(pdf); }));
    QCOMPARE(page.receiptPath(), second);
    QVERIFY(page.report() && page.report()->allPassed());
}

void TestVerifyReceiptPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Swedish") << QStringLiteral("sv");
}

void TestVerifyReceiptPage::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(QLocale(language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English)));
    QTemporaryDir dir;
    const QString pdf = copyPair(dir);
    QVERIFY(!pdf.isEmpty());
    VerifyReceiptPage page;
    page.resize(900, 820);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.setFiles(pdf, Receipt::defaultPathFor(pdf)); }));
    QVERIFY(page.report()->allPassed());
    QCoreApplication::processEvents();
    test::saveScreenshot(&page, QStringLiteral("VerifyReceiptPage-passed-%1.png").arg(language));

    QFile file(pdf);
    QVERIFY(file.open(QIODevice::Append));
    QVERIFY(file.write("\n% one more line\n") > 0);
    file.close();
    QVERIFY(verifyAfter(page, [&] { page.verify(); }));
    QVERIFY(page.report()->check(QStringLiteral("document digest")).failed());
    QCoreApplication::processEvents();
    test::saveScreenshot(&page, QStringLiteral("VerifyReceiptPage-failed-%1.png").arg(language));
    Translations::remove();
}

namespace {

/// Stands in for the Swedish catalogue (whose texts the lead adds later): marks every text of the Verify page.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (QLatin1String(context) != QLatin1String("bankid::VerifyReceiptPage"))
            return {};
        return QStringLiteral("SV ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void TestVerifyReceiptPage::checksInTheUiLanguage()
{
    // A report made in English is re-rendered when the language changes: every check title and explanation
    // comes from the UI language's catalogue, not from core's English identifiers.
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.setFiles(m_pdf, m_receipt); }));
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("checksTreeWidget"));
    QVERIFY(!tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("SV ")));

    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator)); // sends LanguageChange to every widget
    QCoreApplication::processEvents();
    QCOMPARE(tree->topLevelItemCount(), int(ReceiptReport::checkNames().size()));
    for (int row = 0; row < tree->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = tree->topLevelItem(row);
        QVERIFY2(item->text(0).startsWith(QStringLiteral("SV ")), qPrintable(item->text(0)));
        QVERIFY2(item->text(1).startsWith(QStringLiteral("SV ")), qPrintable(item->text(1)));
        QVERIFY2(item->text(2).startsWith(QStringLiteral("SV ")), qPrintable(item->text(2)));
    }
    QVERIFY2(page.headlineText().startsWith(QStringLiteral("SV ")), qPrintable(page.headlineText()));
    QCoreApplication::removeTranslator(&translator);
    QCoreApplication::processEvents();
    QVERIFY(!tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("SV ")));

    // With the real Swedish catalogue at least the column headers and outcome words are Swedish.
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    QCoreApplication::processEvents();
    QVERIFY2(tree->topLevelItem(0)->text(1) != QStringLiteral("✔ passed"), qPrintable(tree->topLevelItem(0)->text(1)));
    Translations::remove();
    QCoreApplication::processEvents();
}

void TestVerifyReceiptPage::signingTimeIn24HourSwedish()
{
    VerifyReceiptPage page;
    page.addRootFile(m_root);
    QVERIFY(verifyAfter(page, [&] { page.setFiles(m_pdf, m_receipt); }));
    QVERIFY(page.report()->evidence.signingTime);
    auto *signedAt = page.findChild<QLabel *>(QStringLiteral("signedAtLabel"));
    const QDateTime local = page.report()->evidence.signingTime->toLocalTime();

    QVERIFY(Translations::install(QLocale(QLocale::Swedish, QLocale::Sweden)));
    QCoreApplication::processEvents();
    // The UI language's short format, re-rendered on the switch; 24-hour in Swedish (no AM/PM, HH:mm).
    QCOMPARE(signedAt->text(), QLocale().toString(local, QLocale::ShortFormat));
    QVERIFY2(signedAt->text().contains(local.toString(QStringLiteral("HH:mm"))), qPrintable(signedAt->text()));
    QVERIFY2(!signedAt->text().contains(QStringLiteral("AM")) && !signedAt->text().contains(QStringLiteral("PM")),
             qPrintable(signedAt->text()));
    Translations::remove();
    QCoreApplication::processEvents();
    QCOMPARE(signedAt->text(), QLocale().toString(local, QLocale::ShortFormat));
}

QTEST_MAIN(TestVerifyReceiptPage)
#include "TestVerifyReceiptPage.moc"
