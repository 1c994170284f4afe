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
    QCOMPARE(page.headlineText(), QStringLiteral("✔ All %1 checks passed").arg(total));

    // Every check is listed with its outcome in words, not colour only.
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("checksTreeWidget"));
    QCOMPARE(tree->topLevelItemCount(), total);
    for (int row = 0; row < total; ++row) {
        QCOMPARE(tree->topLevelItem(row)->text(0), ReceiptReport::checkNames().at(row));
        QCOMPARE(tree->topLevelItem(row)->text(1), QStringLiteral("✔ passed"));
    }
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
    QVERIFY2(page.headlineText().contains(QStringLiteral("failed")) && page.headlineText().contains(QStringLiteral("document digest")),
             qPrintable(page.headlineText()));
    auto *tree = page.findChild<QTreeWidget *>(QStringLiteral("checksTreeWidget"));
    const auto rows = tree->findItems(QStringLiteral("document digest"), Qt::MatchExactly, 0);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first()->text(1), QStringLiteral("✘ FAILED"));
    QVERIFY(!rows.first()->text(2).isEmpty());
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

QTEST_MAIN(TestVerifyReceiptPage)
#include "TestVerifyReceiptPage.moc"
