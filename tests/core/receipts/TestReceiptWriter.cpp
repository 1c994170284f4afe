// ReceiptWriter on a real file system: the first name, "-2" when it is taken (the first file untouched),
// writeTo onto an existing file, a read-only folder, and eight concurrent writers for one document.

#include "Receipt.h"
#include "ReceiptWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <thread>
#include <vector>

using namespace bankid;

namespace {

Receipt receiptFor(const QString &fileName, const QString &orderRef)
{
    Receipt receipt;
    receipt.documentFileName = fileName;
    receipt.documentSize = 3;
    receipt.documentSha256 = QByteArray::fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    receipt.environmentName = QStringLiteral("simulator");
    receipt.baseUrl = QStringLiteral("https://127.0.0.1:1/rp/v6.0");
    receipt.requestBody = QJsonObject{{QStringLiteral("endUserIp"), QStringLiteral("127.0.0.1")},
                                      {QStringLiteral("userVisibleData"), QStringLiteral("IyBTaWdu")},
                                      {QStringLiteral("userNonVisibleData"), QStringLiteral("c2hhMjU2Og==")}};
    receipt.collectResponse = QJsonObject{
        {QStringLiteral("orderRef"), orderRef},
        {QStringLiteral("status"), QStringLiteral("complete")},
        {QStringLiteral("completionData"),
         QJsonObject{{QStringLiteral("signature"), QStringLiteral("PA==")}, {QStringLiteral("ocspResponse"), QStringLiteral("MA==")}}}};
    receipt.startedAt = receipt.completedAt = receipt.writtenAt = QDateTime::currentDateTime();
    receipt.application = QStringLiteral("TestReceiptWriter");
    return receipt;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Names in `dir` other than the document itself.
QStringList otherEntries(const QString &dir, const QString &document)
{
    QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    names.removeAll(document);
    return names;
}

} // namespace

class TestReceiptWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writesNextToTheDocument();
    void secondReceiptGetsTheNextNumber();
    void writeToExistingFileFails();
    void writeToNewFile();
    void readOnlyFolderFailsAndLeavesNothing();
    void missingFolderFailsNamingThePath();
    void concurrentWritersGetDistinctCompleteFiles();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_document;
};

void TestReceiptWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    m_document = m_dir->filePath(QStringLiteral("contract.pdf"));
    QFile file(m_document);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write("abc"), 3);
}

void TestReceiptWriter::writesNextToTheDocument()
{
    const Receipt receipt = receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("order-1"));
    QString error;
    const QString written = ReceiptWriter::write(receipt, m_document, &error);
    QVERIFY2(!written.isEmpty(), qPrintable(error));
    QCOMPARE(written, m_document + QStringLiteral(".bankid-receipt.json"));
    QCOMPARE(readAll(written), receipt.toBytes());
    const auto parsed = Receipt::fromJson(readAll(written), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->orderRef(), QStringLiteral("order-1"));
    // Only the receipt was added: no temporary file left behind.
    QCOMPARE(otherEntries(m_dir->path(), QStringLiteral("contract.pdf")), QStringList{QStringLiteral("contract.pdf.bankid-receipt.json")});
    // Mode 0644 minus the umask, like any document the user saves (not QSaveFile's private 0600 temporary).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat status {};
    QCOMPARE(::stat(QFile::encodeName(written).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, mode_t(0644 & ~mask));
}

void TestReceiptWriter::secondReceiptGetsTheNextNumber()
{
    QString error;
    const QString first = ReceiptWriter::write(receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("order-1")), m_document, &error);
    QVERIFY2(!first.isEmpty(), qPrintable(error));
    const QByteArray firstBytes = readAll(first);

    const Receipt second = receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("order-2"));
    const QString secondPath = ReceiptWriter::write(second, m_document, &error);
    QVERIFY2(!secondPath.isEmpty(), qPrintable(error));
    QCOMPARE(secondPath, m_document + QStringLiteral(".bankid-receipt-2.json"));
    QVERIFY(secondPath != Receipt::defaultPathFor(m_document));
    QCOMPARE(readAll(first), firstBytes); // the first receipt is untouched, byte for byte
    QCOMPARE(readAll(secondPath), second.toBytes());
    QCOMPARE(Receipt::documentPathFor(secondPath), m_document);

    // Something else (here a folder) in the way of -3 is skipped too.
    QVERIFY(QDir().mkdir(m_document + QStringLiteral(".bankid-receipt-3.json")));
    const QString third = ReceiptWriter::write(second, m_document, &error);
    QCOMPARE(third, m_document + QStringLiteral(".bankid-receipt-4.json"));
}

void TestReceiptWriter::writeToExistingFileFails()
{
    const QString path = m_dir->filePath(QStringLiteral("taken.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious");
    }
    QString error;
    QVERIFY(!ReceiptWriter::writeTo(receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("o")), path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("already exists")), qPrintable(error));
    QCOMPARE(readAll(path), QByteArrayLiteral("precious"));

    // A dangling symbolic link is "existing" too: nothing is created through it.
    const QString link = m_dir->filePath(QStringLiteral("link.json"));
    const QString target = m_dir->filePath(QStringLiteral("target-not-there.json"));
    QVERIFY(QFile::link(target, link));
    QVERIFY(!ReceiptWriter::writeTo(receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("o")), link, &error));
    QVERIFY(!QFileInfo::exists(target));
}

void TestReceiptWriter::writeToNewFile()
{
    const QString path = m_dir->filePath(QStringLiteral("elsewhere.json"));
    const Receipt receipt = receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("o"));
    QString error;
    QVERIFY2(ReceiptWriter::writeTo(receipt, path, &error), qPrintable(error));
    QCOMPARE(readAll(path), receipt.toBytes());
}

void TestReceiptWriter::readOnlyFolderFailsAndLeavesNothing()
{
    if (::geteuid() == 0)
        QSKIP("running as root: root ignores folder permissions, so a read-only folder cannot be simulated");
    const QString folder = m_dir->filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkdir(folder));
    const QString document = folder + QStringLiteral("/doc.pdf");
    {
        QFile file(document);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("abc");
    }
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
    QString error;
    const QString written = ReceiptWriter::write(receiptFor(QStringLiteral("doc.pdf"), QStringLiteral("o")), document, &error);
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    QVERIFY(written.isEmpty());
    QVERIFY2(error.contains(Receipt::defaultPathFor(document)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("ermission")), qPrintable(error)); // "Permission denied"
    QCOMPARE(otherEntries(folder, QStringLiteral("doc.pdf")), QStringList());

    error.clear();
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
    QVERIFY(!ReceiptWriter::writeTo(receiptFor(QStringLiteral("doc.pdf"), QStringLiteral("o")), folder + QStringLiteral("/x.json"), &error));
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    QVERIFY2(error.contains(folder + QStringLiteral("/x.json")), qPrintable(error));
    QCOMPARE(otherEntries(folder, QStringLiteral("doc.pdf")), QStringList());
}

void TestReceiptWriter::missingFolderFailsNamingThePath()
{
    const QString document = m_dir->filePath(QStringLiteral("no-such-folder/doc.pdf"));
    QString error;
    QVERIFY(ReceiptWriter::write(receiptFor(QStringLiteral("doc.pdf"), QStringLiteral("o")), document, &error).isEmpty());
    QVERIFY2(error.contains(Receipt::defaultPathFor(document)), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("No such file")), qPrintable(error));

    QVERIFY(ReceiptWriter::write(receiptFor(QStringLiteral("doc.pdf"), QStringLiteral("o")), QString(), &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestReceiptWriter::concurrentWritersGetDistinctCompleteFiles()
{
    constexpr int Writers = 8;
    QList<QString> written(Writers);
    QList<QString> errors(Writers);
    std::vector<std::thread> threads;
    for (int i = 0; i < Writers; ++i) {
        threads.emplace_back([&, i] {
            const Receipt receipt = receiptFor(QStringLiteral("contract.pdf"), QStringLiteral("order-%1").arg(i));
            written[i] = ReceiptWriter::write(receipt, m_document, &errors[i]);
        });
    }
    for (std::thread &thread : threads)
        thread.join();

    QSet<QString> paths;
    QSet<QString> orderRefs;
    for (int i = 0; i < Writers; ++i) {
        QVERIFY2(!written.at(i).isEmpty(), qPrintable(errors.at(i)));
        paths.insert(written.at(i));
        QString error;
        const auto parsed = Receipt::fromJson(readAll(written.at(i)), &error);
        QVERIFY2(parsed.has_value(), qPrintable(written.at(i) + QStringLiteral(": ") + error));
        QCOMPARE(parsed->orderRef(), QStringLiteral("order-%1").arg(i)); // each file holds its own writer's receipt
        orderRefs.insert(parsed->orderRef());
        QCOMPARE(Receipt::documentPathFor(written.at(i)), m_document);
    }
    QCOMPARE(paths.size(), Writers);
    QCOMPARE(orderRefs.size(), Writers);
    QSet<QString> expected{Receipt::defaultPathFor(m_document)};
    for (int n = 2; n <= Writers; ++n)
        expected.insert(m_document + QStringLiteral(".bankid-receipt-%1.json").arg(n));
    QCOMPARE(paths, expected);
    QCOMPARE(otherEntries(m_dir->path(), QStringLiteral("contract.pdf")).size(), Writers); // no temporary files left
}

QTEST_GUILESS_MAIN(TestReceiptWriter)
#include "TestReceiptWriter.moc"
