// PlatformFolderAccess's POSIX branch: a writable folder may receive files; a missing folder and (not as
// root, who may write anywhere) a read-only folder are refused with the system's reason.

#include "PlatformFolderAccess.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace bankid;

class TestPlatformFolderAccess : public QObject
{
    Q_OBJECT

private slots:
    void writableFolder();
    void missingFolder();
    void readOnlyFolder();

private:
    QTemporaryDir m_dir;
};

void TestPlatformFolderAccess::writableFolder()
{
    QString reason;
    QVERIFY2(PlatformFolderAccess::canCreateFilesIn(m_dir.path(), &reason), qPrintable(reason));
}

void TestPlatformFolderAccess::missingFolder()
{
    QString reason;
    QVERIFY(!PlatformFolderAccess::canCreateFilesIn(m_dir.filePath(QStringLiteral("missing")), &reason));
    QCOMPARE(reason, qt_error_string(ENOENT));
}

void TestPlatformFolderAccess::readOnlyFolder()
{
    if (::geteuid() == 0)
        QSKIP("root may write into a read-only folder");
    const QString folder = m_dir.filePath(QStringLiteral("read-only"));
    QVERIFY(QDir().mkpath(folder));
    QCOMPARE(::chmod(QFile::encodeName(folder).constData(), 0555), 0);
    QString reason;
    const bool allowed = PlatformFolderAccess::canCreateFilesIn(folder, &reason);
    ::chmod(QFile::encodeName(folder).constData(), 0755);
    QVERIFY(!allowed);
    QCOMPARE(reason, qt_error_string(EACCES));
}

QTEST_GUILESS_MAIN(TestPlatformFolderAccess)
#include "TestPlatformFolderAccess.moc"
