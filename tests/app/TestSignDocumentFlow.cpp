// The "Done means" of document signing, end to end: the desk signs a PDF on the embedded simulator (real
// mutual TLS, real XMLDSig and OCSP), writes the receipt next to it (the ResultView says where), a second
// signature gets the "-2" receipt and a notice, the PDF and its first receipt are moved to another folder
// and the Verify receipt page passes every check, then the REAL `bankid-cli verify` does too (exit 0), and
// after one flipped byte names the "document digest" check (exit 1). Also: the order is in the audit log,
// and a receipt that cannot be written is offered through Save receipt as… (nothing is lost).
#include "AuditRecorder.h"
#include "CliProcess.h"
#include "DeskFixture.h"
#include "DocumentSigning.h"
#include "MainWindow.h"
#include "Receipt.h"
#include "ReceiptReport.h"
#include "ReceiptVerifier.h"
#include "EvidenceRoots.h"
#include "ResultView.h"
#include "Screenshots.h"
#include "Simulator.h"
#include "TestConfig.h"
#include "VerifyReceiptPage.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace bankid;

class TestSignDocumentFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void signMoveAndVerify();
    void unwritableReceiptOffersSaveAs();
    void receiptOnlyInMemoryGuardsClose();
    void verifyWorksWithoutConnection();

private:
    /// Runs the built bankid-cli with `arguments` (in this process's environment); returns its exit code (-1
    /// when it did not run, did not end within 60 s or crashed) and its output (stdout, then stderr).
    int runCli(const QStringList &arguments, QString *output) const;

    QTemporaryDir m_home; ///< XDG_DATA_HOME / HOME of this process and of bankid-cli
    test::DeskFixture m_desk;
};

void TestSignDocumentFlow::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Never the real user data folder, for this process or the bankid-cli it starts.
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("HOME", m_home.path().toUtf8());
    const QString error = m_desk.setUp();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSignDocumentFlow::cleanupTestCase()
{
    m_desk.tearDown();
}

void TestSignDocumentFlow::init()
{
    const QString error = m_desk.openWindow(QSize(1100, 720));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSignDocumentFlow::cleanup()
{
    m_desk.closeWindow();
}

int TestSignDocumentFlow::runCli(const QStringList &arguments, QString *output) const
{
    const QString program = QDir(qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR))).filePath(QStringLiteral("bankid-cli"));
    test::CliProcess process(program, arguments, QProcessEnvironment::systemEnvironment());
    const test::CliRun run = process.wait(60000);
    if (!run.finished || run.exitStatus != QProcess::NormalExit) {
        *output = process.process().errorString();
        return -1;
    }
    *output = run.out + run.err;
    return run.exitCode;
}

void TestSignDocumentFlow::signMoveAndVerify()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("offer.pdf"));
    QVERIFY(test::writeFile(pdf, test::minimalPdf("Offer 2026-118: 3 desks, 2 chairs")));
    QSignalSpy recorded(m_desk.window()->auditRecorder(), &AuditRecorder::recorded);

    // First signature: the receipt lands next to the PDF, and the result view says so.
    QString error = test::signDocumentInDesk(m_desk, pdf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString firstReceipt = Receipt::defaultPathFor(pdf);
    QVERIFY(QFile::exists(firstReceipt));
    ResultView *result = m_desk.window()->resultView();
    QCOMPARE(result->receiptStatusText(), QStringLiteral("Receipt saved: %1").arg(QDir::toNativeSeparators(firstReceipt)));
    QVERIFY(!result->hasUnsavedReceipt());
    QVERIFY(!result->findChild<QPushButton *>(QStringLiteral("saveReceiptPushButton"))->isVisible());

    // The receipt holds the request as sent (with the desk's endUserIp), the stable environment key, the app.
    QFile receiptFile(firstReceipt);
    QVERIFY(receiptFile.open(QIODevice::ReadOnly));
    QString parseError;
    const auto receipt = Receipt::fromJson(receiptFile.readAll(), &parseError);
    QVERIFY2(receipt, qPrintable(parseError));
    receiptFile.close();
    QCOMPARE(receipt->environmentName, QStringLiteral("simulator"));
    QCOMPARE(receipt->application, QStringLiteral("bankid-desk"));
    QCOMPARE(receipt->requestBody.value(QStringLiteral("endUserIp")).toString(), m_desk.connections()->endUserIp());
    QVERIFY(receipt->requestBody.contains(QStringLiteral("app")));
    QCOMPARE(receipt->baseUrl, m_desk.connections()->config().baseUrl.toString());
    QCOMPARE(receipt->collectResponse.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));

    // The order is in the audit log like every other.
    QTRY_COMPARE(recorded.count(), 1);
    const auto entry = recorded.first().at(0).value<AuditEntry>();
    QCOMPARE(entry.outcome, AuditEntry::Outcome::Complete);
    QCOMPARE(entry.flow, QStringLiteral("sign"));
    QCOMPARE(entry.environment, QStringLiteral("simulator"));
    QCOMPARE(entry.orderRef, receipt->orderRef());

    // Second signature of the same file: a numbered receipt, and the view says a receipt already existed.
    QTest::mouseClick(result->findChild<QPushButton *>(QStringLiteral("newOrderPushButton")), Qt::LeftButton);
    QCOMPARE(m_desk.window()->currentPage(), static_cast<QWidget *>(m_desk.window()->signDocumentPage()));
    const QByteArray firstBytes = test::readFile(firstReceipt);
    error = test::signDocumentInDesk(m_desk, pdf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString secondReceipt = dir.filePath(QStringLiteral("offer.pdf.bankid-receipt-2.json"));
    QVERIFY(QFile::exists(secondReceipt));
    QVERIFY2(result->receiptStatusText().contains(QDir::toNativeSeparators(secondReceipt))
                 && result->receiptStatusText().contains(QStringLiteral("already existed")),
             qPrintable(result->receiptStatusText()));
    QCoreApplication::processEvents();
    test::saveScreenshot(m_desk.window(), QStringLiteral("document-result-en.png"));
    {
        QFile file(firstReceipt);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), firstBytes); // never replaced
    }

    // Move the PDF and its first receipt to another folder.
    QTemporaryDir other;
    const QString movedPdf = other.filePath(QStringLiteral("offer.pdf"));
    const QString movedReceipt = Receipt::defaultPathFor(movedPdf);
    QVERIFY(QFile::rename(pdf, movedPdf));
    QVERIFY(QFile::rename(firstReceipt, movedReceipt));

    // The desk's Verify receipt page (Ctrl+5) passes every check.
    QTest::keyClick(m_desk.window(), Qt::Key_5, Qt::ControlModifier);
    VerifyReceiptPage *verify = m_desk.window()->verifyReceiptPage();
    QCOMPARE(m_desk.window()->currentPage(), static_cast<QWidget *>(verify));
    // The desk's simulator state lives in the fixture's temporary folder, not in the default one that
    // EvidenceRoots::localSimulatorRootPaths() knows: name its signing root explicitly.
    const QString root = m_desk.simulator()->signingRootPath();
    QVERIFY(verify->addRootFile(root));
    QSignalSpy verified(verify, &VerifyReceiptPage::verified);
    verify->openPath(movedReceipt);
    QVERIFY(QTest::qWaitFor([&verified] { return verified.count() > 0; }, 15000));
    QCOMPARE(verify->documentPath(), movedPdf);
    QVERIFY2(verify->report()->allPassed(), qPrintable(verify->report()->failures().join(QLatin1Char('\n'))));
    QVERIFY2(verify->headlineText().contains(QStringLiteral("All %1 checks passed").arg(ReceiptReport::checkNames().size())),
             qPrintable(verify->headlineText()));
    QCoreApplication::processEvents();
    test::saveScreenshot(m_desk.window(), QStringLiteral("document-verify-en.png"));

    // The real bankid-cli agrees, offline.
    if (!QFile::exists(QStringLiteral(BANKID_BIN_DIR "/bankid-cli")))
        QSKIP("bankid-cli is not built in " BANKID_BIN_DIR " (the test depends on it in tests/CMakeLists.txt)");
    QString output;
    int code = runCli({QStringLiteral("verify"), movedPdf, QStringLiteral("--root"), root}, &output);
    QVERIFY2(code == 0, qPrintable(QStringLiteral("exit %1:\n%2").arg(code).arg(output)));
    for (const QString &name : ReceiptReport::checkNames())
        QVERIFY2(output.contains(name), qPrintable(name + QStringLiteral(" missing in:\n") + output));
    QVERIFY2(!output.contains(QStringLiteral("FAILED")) && !output.contains(QStringLiteral("not run")), qPrintable(output));

    // One flipped byte: exit 1, and the output names the document digest check.
    QFile file(movedPdf);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(40));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(40));
    QVERIFY(file.putChar(char(byte ^ 0x20)));
    file.close();
    code = runCli({QStringLiteral("verify"), movedPdf, QStringLiteral("--root"), root}, &output);
    QVERIFY2(code == 1, qPrintable(QStringLiteral("exit %1:\n%2").arg(code).arg(output)));
    QVERIFY2(output.contains(QStringLiteral("document digest")), qPrintable(output));
    const QStringList failedLines = output.split(QLatin1Char('\n')).filter(QStringLiteral("FAILED"));
    QVERIFY2(!failedLines.filter(QStringLiteral("document digest")).isEmpty(), qPrintable(output));
}

void TestSignDocumentFlow::unwritableReceiptOffersSaveAs()
{
    // The document's folder disappears while the person signs: the receipt cannot be written next to it
    // (works as root too, unlike a read-only folder). The window keeps a copy in its data folder, the view
    // says why and where, and still offers Save receipt as….
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = QDir(folder).filePath(QStringLiteral("quote.pdf"));
    QVERIFY(test::writeFile(pdf, test::minimalPdf("Quote 77")));
    const QString error = test::signDocumentInDesk(m_desk, pdf, [&] { QVERIFY(QDir(folder).removeRecursively()); });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ResultView *result = m_desk.window()->resultView();
    QVERIFY(result->hasUnsavedReceipt());
    QVERIFY(!result->receiptOnlyInMemory());
    const QString status = result->receiptStatusText();
    QVERIFY2(status.contains(QStringLiteral("could not be saved next to the document")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("quote.pdf")), qPrintable(status));
    QVERIFY2(status.contains(QDir::toNativeSeparators(MainWindow::receiptFallbackDir())), qPrintable(status));
    QVERIFY(result->findChild<QPushButton *>(QStringLiteral("saveReceiptPushButton"))->isVisible());
    QCoreApplication::processEvents();
    test::saveScreenshot(m_desk.window(), QStringLiteral("document-receipt-not-saved-en.png"));

    // The fallback copy is a complete receipt that verifies with the document restored.
    const QString restored = dir.filePath(QStringLiteral("quote.pdf"));
    QVERIFY(test::writeFile(restored, test::minimalPdf("Quote 77")));
    ReceiptVerifier::Options options;
    QString rootError;
    options.roots = EvidenceRoots::load({m_desk.simulator()->signingRootPath()}, &rootError);
    QVERIFY2(!options.roots.isEmpty(), qPrintable(rootError));
    const QString fallback = QDir(MainWindow::receiptFallbackDir()).filePath(QStringLiteral("quote.pdf") + Receipt::fileSuffix());
    QVERIFY2(QFileInfo::exists(fallback), qPrintable(fallback));
    const ReceiptReport fromFallback = ReceiptVerifier::verify(restored, fallback, options);
    QVERIFY2(fromFallback.allPassed(), qPrintable(fromFallback.failures().join(QLatin1Char('\n'))));

    // Saved elsewhere (what the button's file dialog leads to): the same receipt, and it verifies too.
    const QString elsewhere = dir.filePath(QStringLiteral("quote.pdf") + Receipt::fileSuffix());
    QString saveError;
    QVERIFY2(result->saveReceiptAs(elsewhere, &saveError), qPrintable(saveError));
    QVERIFY(!result->hasUnsavedReceipt());
    QCOMPARE(result->receiptStatusText(), QStringLiteral("Receipt saved: %1").arg(QDir::toNativeSeparators(elsewhere)));
    QVERIFY(!result->findChild<QPushButton *>(QStringLiteral("saveReceiptPushButton"))->isVisible());
    QVERIFY(!result->saveReceiptAs(elsewhere, &saveError)); // nothing left to save
    const ReceiptReport report = ReceiptVerifier::verify(restored, elsewhere, options);
    QVERIFY2(report.allPassed(), qPrintable(report.failures().join(QLatin1Char('\n'))));
    QVERIFY(QFile::remove(fallback));
}

void TestSignDocumentFlow::receiptOnlyInMemoryGuardsClose()
{
    // Neither the document's folder nor the fallback folder takes the receipt (a plain file where the
    // fallback folder should be): it exists only in the view, and closing the window asks first.
    const QString fallbackDir = MainWindow::receiptFallbackDir();
    QDir(fallbackDir).removeRecursively();
    QVERIFY(QDir().mkpath(QFileInfo(fallbackDir).absolutePath()));
    QVERIFY(test::writeFile(fallbackDir, "not a folder"));
    auto unblock = qScopeGuard([fallbackDir] { QFile::remove(fallbackDir); });

    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = QDir(folder).filePath(QStringLiteral("memo.pdf"));
    QVERIFY(test::writeFile(pdf, test::minimalPdf("Memo 12")));
    const QString error = test::signDocumentInDesk(m_desk, pdf, [&] { QVERIFY(QDir(folder).removeRecursively()); });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ResultView *result = m_desk.window()->resultView();
    QVERIFY(result->receiptOnlyInMemory());
    QVERIFY2(result->receiptStatusText().contains(QStringLiteral("NOT saved")), qPrintable(result->receiptStatusText()));

    // Close → the question; Cancel keeps the window (and the receipt).
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        // Not found within 5 s: `asked` stays false and the test says so.
        (void)QTest::qWaitFor([] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()) != nullptr; }, 5000);
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text().contains(QStringLiteral("exists only in this window"));
            box->button(QMessageBox::Cancel)->click();
        }
    });
    QVERIFY(!m_desk.window()->close());
    QVERIFY(asked);
    QVERIFY(m_desk.window()->isVisible());
    QVERIFY(result->receiptOnlyInMemory());

    // Saved (as Save receipt as… would): closing no longer asks.
    QString saveError;
    QVERIFY2(result->saveReceiptAs(dir.filePath(QStringLiteral("memo.pdf") + Receipt::fileSuffix()), &saveError),
             qPrintable(saveError));
    QVERIFY(!result->receiptOnlyInMemory());
    QVERIFY(m_desk.window()->close());
}

void TestSignDocumentFlow::verifyWorksWithoutConnection()
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("memo.pdf"));
    QVERIFY(test::writeFile(pdf, test::minimalPdf("Memo")));
    const QString error = test::signDocumentInDesk(m_desk, pdf);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QFile::exists(Receipt::defaultPathFor(pdf)));

    // A desk whose connection was never configured (no client, no simulator): Verify receipt still works.
    AppSettings settings(dir.filePath(QStringLiteral("offline.ini")));
    ConnectionManager offline(&settings, DeskOptions());
    MainWindow window(&offline, &settings, DeskOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!offline.isReady());
    QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
    QCOMPARE(window.currentTask(), MainWindow::Task::Verify);
    VerifyReceiptPage *verify = window.verifyReceiptPage();
    QCOMPARE(window.currentPage(), static_cast<QWidget *>(verify));
    QVERIFY(verify->addRootFile(m_desk.simulator()->signingRootPath()));
    QSignalSpy verified(verify, &VerifyReceiptPage::verified);
    verify->openPath(pdf);
    QVERIFY(QTest::qWaitFor([&verified] { return verified.count() > 0; }, 15000));
    QVERIFY2(verify->report()->allPassed(), qPrintable(verify->report()->failures().join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestSignDocumentFlow)
#include "TestSignDocumentFlow.moc"
