// SignDocumentPage: the digest computed in the background and shown in full, the signer's summary, the
// receipt location (and the numbered-name notice), the emitted /sign request, drops (one file, several
// files, a folder, a remote URL), an unreadable file, a newer choice superseding an older one, and
// screenshots in English and Swedish.
#include "DocumentSignRequest.h"
#include "DocumentSigning.h"
#include "DropArea.h"
#include "Receipt.h"
#include "Screenshots.h"
#include "SignDocumentPage.h"
#include "Translations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

#include <unistd.h>

using namespace bankid;

namespace {

/// A file of `megabytes` MiB, large enough that hashing it takes a noticeable while.
bool writeLargeFile(const QString &path, int megabytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray chunk(1024 * 1024, 'x');
    for (int i = 0; i < megabytes; ++i) {
        if (file.write(chunk) != chunk.size())
            return false;
    }
    return true;
}

} // namespace

class TestSignDocumentPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void digestSummaryAndSign();
    void existingReceiptAnnouncesNumberedName();
    void drops_data();
    void drops();
    void dropOnTheDropArea();
    void unreadableFile();
    void newerChoiceSupersedesOlder();
    void closingWhileHashingCancels();
    void unwritableFolderBlocksSign();
    void screenshots_data();
    void screenshots();

private:
    /// Sets `path` on `page` and waits for its digest computation to end.
    static bool chooseAndWait(SignDocumentPage &page, const QString &path);
    static void drop(QWidget *target, const QList<QUrl> &urls);
    static QString label(const SignDocumentPage &page, const char *name);

    QTemporaryDir m_dir;
    QString m_pdf;
    QByteArray m_pdfBytes;
};

void TestSignDocumentPage::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_pdf = m_dir.filePath(QStringLiteral("contract 4711.pdf"));
    m_pdfBytes = test::minimalPdf("Contract 4711: I accept the terms.");
    QVERIFY(test::writeFile(m_pdf, m_pdfBytes));
}

void TestSignDocumentPage::cleanupTestCase()
{
    Translations::remove();
}

bool TestSignDocumentPage::chooseAndWait(SignDocumentPage &page, const QString &path)
{
    QSignalSpy finished(&page, &SignDocumentPage::digestFinished);
    page.setDocument(path);
    return QTest::qWaitFor([&finished] { return finished.count() > 0; }, 10000);
}

void TestSignDocumentPage::drop(QWidget *target, const QList<QUrl> &urls)
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

QString TestSignDocumentPage::label(const SignDocumentPage &page, const char *name)
{
    auto *found = page.findChild<QLabel *>(QLatin1String(name));
    return found ? found->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

void TestSignDocumentPage::digestSummaryAndSign()
{
    SignDocumentPage page;
    page.show();
    auto *sign = page.findChild<QPushButton *>(QStringLiteral("signPushButton"));
    QVERIFY(sign);
    QVERIFY(!sign->isEnabled()); // nothing chosen yet
    QVERIFY(chooseAndWait(page, m_pdf));
    QVERIFY2(!page.hasProblem(), qPrintable(page.statusText()));

    const QString expectedHex = QString::fromLatin1(QCryptographicHash::hash(m_pdfBytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(label(page, "digestLabel"), expectedHex);
    auto *digestLabel = page.findChild<QLabel *>(QStringLiteral("digestLabel"));
    QVERIFY(digestLabel->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(digestLabel->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY2(label(page, "sizeLabel").contains(QLocale().toString(qint64(m_pdfBytes.size()))), qPrintable(label(page, "sizeLabel")));
    QVERIFY(label(page, "fileLabel").endsWith(QStringLiteral("contract 4711.pdf")));
    QCOMPARE(label(page, "receiptLabel"), QDir::toNativeSeparators(Receipt::defaultPathFor(m_pdf)));

    // The preview renders exactly the summary the signer gets.
    QVERIFY(page.digest());
    const QString preview = page.findChild<QTextBrowser *>(QStringLiteral("previewTextBrowser"))->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("contract 4711.pdf")), qPrintable(preview));
    QVERIFY2(preview.contains(expectedHex), qPrintable(preview));

    QVERIFY(sign->isEnabled());
    QVERIFY(page.canStart());
    page.findChild<QRadioButton *>(QStringLiteral("sameDeviceRadioButton"))->setChecked(true);
    QSignalSpy started(&page, &SignDocumentPage::startRequested);
    QTest::mouseClick(sign, Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    const auto request = started.first().at(0).value<OrderRequest>();
    QCOMPARE(request.flow, Flow::Sign);
    QCOMPARE(request.userNonVisibleData, QByteArray("sha256:") + expectedHex.toLatin1());
    QCOMPARE(QString::fromUtf8(request.userVisibleData), DocumentSignRequest::summaryFor(*page.digest()));
    QVERIFY(request.userVisibleDataIsMarkdown);
    QCOMPARE(started.first().at(1).value<StartMethod>(), StartMethod::SameDevice);
}

void TestSignDocumentPage::existingReceiptAnnouncesNumberedName()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("signed.pdf"));
    QVERIFY(test::writeFile(pdf, m_pdfBytes));
    QVERIFY(test::writeFile(Receipt::defaultPathFor(pdf), "{}\n"));
    SignDocumentPage page;
    QVERIFY(chooseAndWait(page, pdf));
    const QString receipt = label(page, "receiptLabel");
    QVERIFY2(receipt.contains(QStringLiteral("already exists")) && receipt.contains(QStringLiteral("numbered")),
             qPrintable(receipt));
}

void TestSignDocumentPage::drops_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("one local file") << QStringLiteral("one") << true << QString();
    QTest::newRow("two files") << QStringLiteral("two") << false << QStringLiteral("2 items were dropped");
    QTest::newRow("a folder") << QStringLiteral("folder") << false << QStringLiteral("is a folder");
    QTest::newRow("a remote URL") << QStringLiteral("remote") << false << QStringLiteral("not a file on this computer");
}

void TestSignDocumentPage::drops()
{
    QFETCH(QString, kind);
    QFETCH(bool, accepted);
    QFETCH(QString, messagePart);
    QList<QUrl> urls;
    if (kind == QLatin1String("one"))
        urls << QUrl::fromLocalFile(m_pdf);
    else if (kind == QLatin1String("two"))
        urls << QUrl::fromLocalFile(m_pdf) << QUrl::fromLocalFile(m_pdf + QStringLiteral(".copy"));
    else if (kind == QLatin1String("folder"))
        urls << QUrl::fromLocalFile(m_dir.path());
    else
        urls << QUrl(QStringLiteral("https://example.com/contract.pdf"));

    SignDocumentPage page;
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy finished(&page, &SignDocumentPage::digestFinished);
    drop(&page, urls); // anywhere on the page
    if (accepted) {
        QVERIFY(QTest::qWaitFor([&finished] { return finished.count() > 0; }, 10000));
        QCOMPARE(page.documentPath(), m_pdf);
        QVERIFY(page.canStart());
        QVERIFY(!page.hasProblem());
    } else {
        QVERIFY(page.hasProblem());
        QVERIFY2(page.statusText().contains(messagePart), qPrintable(page.statusText()));
        QCOMPARE(label(page, "statusLabel"), page.statusText());
        QVERIFY(page.documentPath().isEmpty());
        QVERIFY(!page.canStart());
    }
}

void TestSignDocumentPage::dropOnTheDropArea()
{
    SignDocumentPage page;
    auto *area = page.findChild<DropArea *>(QStringLiteral("dropArea"));
    QVERIFY(area);
    QVERIFY(!area->prompt().isEmpty());
    QSignalSpy finished(&page, &SignDocumentPage::digestFinished);
    drop(area, {QUrl::fromLocalFile(m_pdf)});
    QVERIFY(QTest::qWaitFor([&finished] { return finished.count() > 0; }, 10000));
    QCOMPARE(page.documentPath(), m_pdf);
    QVERIFY(page.canStart());
    // A refused drop afterwards keeps the chosen document and its digest, and says why.
    drop(area, {QUrl::fromLocalFile(m_pdf), QUrl::fromLocalFile(m_pdf)});
    QVERIFY(page.hasProblem());
    QCOMPARE(page.documentPath(), m_pdf);
    QVERIFY(page.canStart());
}

void TestSignDocumentPage::unreadableFile()
{
    const QString missing = m_dir.filePath(QStringLiteral("no such contract.pdf"));
    SignDocumentPage page;
    QVERIFY(chooseAndWait(page, missing));
    QVERIFY(page.hasProblem());
    QVERIFY(!page.digest());
    QVERIFY(!page.canStart());
    QVERIFY2(page.statusText().contains(QStringLiteral("no such contract.pdf")), qPrintable(page.statusText()));
    QCOMPARE(label(page, "statusLabel"), page.statusText());
}

void TestSignDocumentPage::newerChoiceSupersedesOlder()
{
    // 48 MB takes a while to hash; the small file chosen right after must win, whatever finishes first.
    const QString big = m_dir.filePath(QStringLiteral("big.bin"));
    QVERIFY(writeLargeFile(big, 48));
    SignDocumentPage page;
    QSignalSpy finished(&page, &SignDocumentPage::digestFinished);
    page.setDocument(big);
    QVERIFY(page.isHashing());
    QVERIFY(!page.canStart());
    QVERIFY2(page.statusText().contains(QStringLiteral("Computing SHA-256")), qPrintable(page.statusText()));
    page.setDocument(m_pdf);
    QVERIFY(QTest::qWaitFor([&finished] { return finished.count() > 0; }, 20000));
    QCOMPARE(page.documentPath(), m_pdf);
    QVERIFY(page.digest());
    QCOMPARE(page.digest()->sha256, QCryptographicHash::hash(m_pdfBytes, QCryptographicHash::Sha256));
    // Let the older computation end too (hashing the same file here takes as long), then deliver its result:
    // it must be dropped.
    QString error;
    QVERIFY(DocumentDigest::ofFile(big, &error));
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(page.digest()->sha256, QCryptographicHash::hash(m_pdfBytes, QCryptographicHash::Sha256));
    QVERIFY(QFile::remove(big));
}

void TestSignDocumentPage::closingWhileHashingCancels()
{
    // Destroying the page mid-hash cancels the hash and waits for its thread: nothing reads on after the page
    // is gone (ASan in CI would see a use after free), and the page does not keep a multi-GB read alive.
    const QString big = m_dir.filePath(QStringLiteral("big2.bin"));
    QVERIFY(writeLargeFile(big, 64));
    auto page = std::make_unique<SignDocumentPage>();
    page->setDocument(big);
    QVERIFY(page->isHashing());
    page.reset();
    QCoreApplication::processEvents(); // a result queued by a thread still running would be delivered here
    QVERIFY(QFile::remove(big));
}

void TestSignDocumentPage::unwritableFolderBlocksSign()
{
    if (::geteuid() == 0)
        QSKIP("runs as root, which may write into any folder: a read-only folder cannot be made here");
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("contract.pdf"));
    QVERIFY(test::writeFile(pdf, m_pdfBytes));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    auto restore = qScopeGuard([&dir] {
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    SignDocumentPage page;
    QSignalSpy finished(&page, &SignDocumentPage::digestFinished);
    page.setDocument(pdf);
    QVERIFY(QTest::qWaitFor([&finished] { return finished.count() > 0; }, 10000));
    QVERIFY(page.digest());
    QVERIFY(!page.canStart());
    QVERIFY2(label(page, "receiptLabel").contains(QStringLiteral("not writable")), qPrintable(label(page, "receiptLabel")));
}

void TestSignDocumentPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Swedish") << QStringLiteral("sv");
}

void TestSignDocumentPage::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(QLocale(language == QLatin1String("sv") ? QLocale::Swedish : QLocale::English)));
    SignDocumentPage page;
    page.resize(860, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(chooseAndWait(page, m_pdf));
    QCoreApplication::processEvents();
    test::saveScreenshot(&page, QStringLiteral("SignDocumentPage-%1.png").arg(language));
    Translations::remove();
}

QTEST_MAIN(TestSignDocumentPage)
#include "TestSignDocumentPage.moc"
