// PlatformFileDurability's POSIX branch: flushToDisk() really syncs the file's own descriptor (a descriptor
// closed behind Qt's back fails with the system's EBADF), refuses a file that is not open, and syncFolder()
// names the system's reason for a missing folder or a path that is not a folder.

#include "PlatformFileDurability.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace bankid;

class TestPlatformFileDurability : public QObject
{
    Q_OBJECT

private slots:
    void flushesAnOpenFile();
    void refusesAFileThatIsNotOpen();
    void reportsTheSystemsErrorForAClosedDescriptor();
    void syncsAFolder();
    void missingFolderGivesTheSystemsReason();
    void fileIsNotAFolder();

private:
    QTemporaryDir m_dir;
};

void TestPlatformFileDurability::flushesAnOpenFile()
{
    QFile file(m_dir.filePath(QStringLiteral("data")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write("line\n"), qint64(5)); // buffered in QFile: flushToDisk() must write it out first
    QString reason;
    QVERIFY2(PlatformFileDurability::flushToDisk(file, &reason), qPrintable(reason));
    QFile reader(file.fileName());
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QCOMPARE(reader.readAll(), QByteArray("line\n"));
}

void TestPlatformFileDurability::refusesAFileThatIsNotOpen()
{
    QFile file(m_dir.filePath(QStringLiteral("never-opened")));
    QString reason;
    QVERIFY(!PlatformFileDurability::flushToDisk(file, &reason));
    QCOMPARE(reason, QStringLiteral("the file is not open"));
    QVERIFY(!PlatformFileDurability::flushToDisk(file, nullptr)); // a null reason is allowed
}

void TestPlatformFileDurability::reportsTheSystemsErrorForAClosedDescriptor()
{
    // QFile believes the descriptor is open; only fsync() on it can find out that it is not.
    const QByteArray path = QFile::encodeName(m_dir.filePath(QStringLiteral("closed")));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    QVERIFY(fd >= 0);
    QFile file;
    QVERIFY(file.open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle));
    QCOMPARE(::close(fd), 0);
    QString reason;
    QVERIFY(!PlatformFileDurability::flushToDisk(file, &reason));
    QCOMPARE(reason, qt_error_string(EBADF));
}

void TestPlatformFileDurability::syncsAFolder()
{
    QString reason;
    QVERIFY2(PlatformFileDurability::syncFolder(m_dir.path(), &reason), qPrintable(reason));
}

void TestPlatformFileDurability::missingFolderGivesTheSystemsReason()
{
    QString reason;
    QVERIFY(!PlatformFileDurability::syncFolder(m_dir.filePath(QStringLiteral("no-such-folder")), &reason));
    QCOMPARE(reason, qt_error_string(ENOENT)); // "No such file or directory"
}

void TestPlatformFileDurability::fileIsNotAFolder()
{
    const QString path = m_dir.filePath(QStringLiteral("plain"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QString reason;
    QVERIFY(!PlatformFileDurability::syncFolder(path, &reason));
    QCOMPARE(reason, qt_error_string(ENOTDIR)); // "Not a directory": O_DIRECTORY
}

QTEST_GUILESS_MAIN(TestPlatformFileDurability)
#include "TestPlatformFileDurability.moc"
