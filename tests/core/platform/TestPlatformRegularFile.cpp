// PlatformRegularFile's POSIX branch: a regular file opens and reads through the QFile; a FIFO without a
// writer is refused at once (the open does not block), as are a device, a folder and a missing path.

#include "PlatformRegularFile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace bankid;

class TestPlatformRegularFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void opensARegularFile();
    void refusesAFifoWithoutBlocking();
    void refusesADeviceAndAFolder();
    void missingPathIsMissing();

private:
    QTemporaryDir m_dir;
};

void TestPlatformRegularFile::opensARegularFile()
{
    const QString path = m_dir.filePath(QStringLiteral("key.pem"));
    {
        QFile writer(path);
        QVERIFY(writer.open(QIODevice::WriteOnly));
        writer.write("-----BEGIN-----\n");
    }
    QFile file;
    QString reason;
    QCOMPARE(PlatformRegularFile::openForReading(path, &file, &reason), PlatformRegularFile::Outcome::Opened);
    QVERIFY(file.isOpen());
    QCOMPARE(file.size(), qint64(16));
    QCOMPARE(file.readAll(), QByteArray("-----BEGIN-----\n"));
}

void TestPlatformRegularFile::refusesAFifoWithoutBlocking()
{
    const QString path = m_dir.filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    QFile file;
    // A blocking open() would wait here for a writer for ever (the test's timeout would then fail it).
    QCOMPARE(PlatformRegularFile::openForReading(path, &file, nullptr), PlatformRegularFile::Outcome::NotRegular);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(!file.isOpen());
}

void TestPlatformRegularFile::refusesADeviceAndAFolder()
{
    QFile file;
    if (QFile::exists(QStringLiteral("/dev/null")))
        QCOMPARE(PlatformRegularFile::openForReading(QStringLiteral("/dev/null"), &file, nullptr),
                 PlatformRegularFile::Outcome::NotRegular);
    QCOMPARE(PlatformRegularFile::openForReading(m_dir.path(), &file, nullptr), PlatformRegularFile::Outcome::NotRegular);
    QVERIFY(!file.isOpen());
}

void TestPlatformRegularFile::missingPathIsMissing()
{
    QFile file;
    QString reason;
    QCOMPARE(PlatformRegularFile::openForReading(m_dir.filePath(QStringLiteral("missing")), &file, &reason),
             PlatformRegularFile::Outcome::Missing);
    QCOMPARE(reason, qt_error_string(ENOENT));
}

QTEST_GUILESS_MAIN(TestPlatformRegularFile)
#include "TestPlatformRegularFile.moc"
