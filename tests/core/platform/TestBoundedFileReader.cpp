// BoundedFileReader on a real file system: a small file read whole, exactly at the limit, one byte over,
// a sparse 64 MB file (refused by its size, never read), an empty file, a missing path, a folder, a FIFO
// with no writer (refused without opening it, so without blocking), /dev/zero, a symbolic link to a
// regular file (followed) and a null error pointer.

#include "BoundedFileReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace bankid;

class TestBoundedFileReader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsRegularFileUpToTheLimit_data();
    void readsRegularFileUpToTheLimit();
    void refusesWhatIsNotARegularFile_data();
    void refusesWhatIsNotARegularFile();
    void refusesLargerThanTheLimit();
    void followsSymbolicLinkToRegularFile();
    void errorPointerMayBeNull();

private:
    QString write(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
};

void TestBoundedFileReader::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
}

QString TestBoundedFileReader::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return {};
    return path;
}

void TestBoundedFileReader::readsRegularFileUpToTheLimit_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("maxBytes");

    QTest::newRow("small") << QByteArray("-----BEGIN CERTIFICATE-----\n") << qint64(4096);
    QTest::newRow("exactly the limit") << QByteArray(4096, 'a') << qint64(4096);
    QTest::newRow("empty") << QByteArray() << qint64(4096);
    QTest::newRow("larger than one read buffer") << QByteArray(300000, 'z') << qint64(BoundedFileReader::MaxCertificateBytes);
}

void TestBoundedFileReader::readsRegularFileUpToTheLimit()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, maxBytes);
    const QString path = write(QStringLiteral("regular"), content);
    QVERIFY(!path.isEmpty());
    QString error;
    const std::optional<QByteArray> data = BoundedFileReader::read(path, maxBytes, &error);
    QVERIFY2(data.has_value(), qPrintable(error));
    QCOMPARE(*data, content);
    QVERIFY(error.isEmpty());
}

void TestBoundedFileReader::refusesWhatIsNotARegularFile_data()
{
    QTest::addColumn<QString>("path"); ///< under the temporary folder unless absolute
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing") << QStringLiteral("missing.pem") << QStringLiteral("does not exist");
    QTest::newRow("folder") << QStringLiteral("folder") << QStringLiteral("is a folder, not a file");
    QTest::newRow("fifo without writer") << QStringLiteral("fifo") << QStringLiteral("is not a regular file");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("is not a regular file");
    QTest::newRow("empty path") << QString() << QStringLiteral("no file name was given");
}

void TestBoundedFileReader::refusesWhatIsNotARegularFile()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    if (path == QLatin1String("folder"))
        QVERIFY(QDir(m_dir.path()).mkpath(path));
    if (path == QLatin1String("fifo") && !QFileInfo::exists(m_dir.filePath(path)))
        QVERIFY2(::mkfifo(QFile::encodeName(m_dir.filePath(path)).constData(), 0600) == 0, "mkfifo failed");
    if (path == QLatin1String("/dev/zero") && !QFileInfo::exists(path))
        QSKIP("no /dev/zero here");
    const QString full = path.isEmpty() || QDir::isAbsolutePath(path) ? path : m_dir.filePath(path);

    QString error;
    // A FIFO with no writer: an open() would block this test for ever (the test's own timeout then fails it).
    const std::optional<QByteArray> data = BoundedFileReader::read(full, 1024, &error);
    QVERIFY(!data.has_value());
    QVERIFY2(error.contains(reason), qPrintable(error));
    if (!full.isEmpty())
        QVERIFY2(error.contains(QDir::toNativeSeparators(full)), qPrintable(error));
}

void TestBoundedFileReader::refusesLargerThanTheLimit()
{
    // One byte over a small limit.
    const QString over = write(QStringLiteral("over"), QByteArray(4097, 'a'));
    QVERIFY(!over.isEmpty());
    QString error;
    QVERIFY(!BoundedFileReader::read(over, 4096, &error).has_value());
    QVERIFY2(error.contains(QLatin1String("4097 bytes")) && error.contains(QLatin1String("limit of 4096 bytes")),
             qPrintable(error));

    // 64 MB, sparse: refused by its size before a byte is read.
    const QString sparse = m_dir.filePath(QStringLiteral("sparse"));
    {
        QFile file(sparse);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(64 * 1024 * 1024));
    }
    error.clear();
    QVERIFY(!BoundedFileReader::read(sparse, BoundedFileReader::MaxCertificateBytes, &error).has_value());
    QVERIFY2(error.contains(QLatin1String("67108864 bytes")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("limit of %1 bytes").arg(BoundedFileReader::MaxCertificateBytes)), qPrintable(error));
    QVERIFY2(error.contains(sparse), qPrintable(error));
}

void TestBoundedFileReader::followsSymbolicLinkToRegularFile()
{
    const QString target = write(QStringLiteral("target.pem"), QByteArray("pem"));
    QVERIFY(!target.isEmpty());
    const QString link = m_dir.filePath(QStringLiteral("link.pem"));
    QVERIFY(QFile::link(target, link));
    QString error;
    const std::optional<QByteArray> data = BoundedFileReader::read(link, 1024, &error);
    QVERIFY2(data.has_value(), qPrintable(error));
    QCOMPARE(*data, QByteArray("pem"));
}

void TestBoundedFileReader::errorPointerMayBeNull()
{
    QVERIFY(!BoundedFileReader::read(m_dir.filePath(QStringLiteral("missing")), 1024, nullptr).has_value());
    const QString path = write(QStringLiteral("fine"), QByteArray("ok"));
    QCOMPARE(BoundedFileReader::read(path, 1024, nullptr).value_or(QByteArray()), QByteArray("ok"));
}

QTEST_GUILESS_MAIN(TestBoundedFileReader)
#include "TestBoundedFileReader.moc"
