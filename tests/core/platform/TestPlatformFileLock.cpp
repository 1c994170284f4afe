// PlatformFileLock's POSIX branch: it excludes a second QFile of this process on the same file, it excludes
// and is excluded by another process (util-linux flock(1), which uses the same flock(2) lock), and a holder
// killed with SIGKILL leaves nothing locked. A file that is not open is refused with a reason.

#include "PlatformFileLock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace bankid;

namespace {

/// flock(1) -n on `path`: 0 when it got the lock at once, 42 when another holder has it.
int tryLockFromAnotherProcess(const QString &flock, const QString &path)
{
    QProcess process;
    process.start(flock, {QStringLiteral("--nonblock"), QStringLiteral("--conflict-exit-code"), QStringLiteral("42"),
                          path, QStringLiteral("true")});
    if (!process.waitForFinished(10000))
        return -1;
    return process.exitCode();
}

} // namespace

class TestPlatformFileLock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void excludesASecondFileInThisProcess();
    void excludesAnotherProcess();
    void holderKilledWithSigkillReleasesTheLock();
    void refusesAFileThatIsNotOpen();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_flock;
};

void TestPlatformFileLock::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("audit.jsonl"));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    m_flock = QStandardPaths::findExecutable(QStringLiteral("flock"));
}

void TestPlatformFileLock::excludesASecondFileInThisProcess()
{
    QFile first(m_path);
    QFile second(m_path);
    QVERIFY(first.open(QIODevice::ReadWrite));
    QVERIFY(second.open(QIODevice::ReadWrite));
    std::atomic<bool> secondLocked {false};
    std::thread waiter;
    {
        const PlatformFileLock lock(first);
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        waiter = std::thread([&] {
            const PlatformFileLock other(second);
            secondLocked = other.isLocked();
        });
        QTest::qWait(300);
        QVERIFY(!secondLocked); // still waiting for the first holder
    }
    waiter.join();
    QVERIFY(secondLocked);
}

void TestPlatformFileLock::excludesAnotherProcess()
{
    if (m_flock.isEmpty())
        QSKIP("flock(1) (util-linux) is not installed");
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    {
        const PlatformFileLock lock(file);
        QVERIFY2(lock.isLocked(), qPrintable(lock.error()));
        QCOMPARE(tryLockFromAnotherProcess(m_flock, m_path), 42);
    }
    QCOMPARE(tryLockFromAnotherProcess(m_flock, m_path), 0);
}

void TestPlatformFileLock::holderKilledWithSigkillReleasesTheLock()
{
    if (m_flock.isEmpty())
        QSKIP("flock(1) (util-linux) is not installed");
    QProcess holder;
    // --no-fork: flock(1) becomes `sleep` itself, so the killed process is the one holding the lock (with a
    // fork, the child would inherit the locked descriptor and keep it).
    holder.start(m_flock, {QStringLiteral("--no-fork"), m_path, QStringLiteral("sleep"), QStringLiteral("60")});
    QVERIFY(holder.waitForStarted());
    QElapsedTimer waited;
    waited.start();
    while (tryLockFromAnotherProcess(m_flock, m_path) != 42) {
        QVERIFY2(waited.elapsed() < 10000, "flock(1) did not take the lock");
        QTest::qWait(20);
    }

    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    std::atomic<bool> locked {false};
    std::thread waiter([&] {
        const PlatformFileLock lock(file);
        locked = lock.isLocked();
    });
    QTest::qWait(300);
    QVERIFY(!locked); // the other process holds it
    holder.kill();    // SIGKILL: no chance to unlock; the kernel drops the lock with the process
    QVERIFY(holder.waitForFinished(10000));
    waiter.join();
    QVERIFY(locked);
}

void TestPlatformFileLock::refusesAFileThatIsNotOpen()
{
    QFile file(m_path);
    const PlatformFileLock lock(file);
    QVERIFY(!lock.isLocked());
    QCOMPARE(lock.error(), QStringLiteral("the file is not open"));
}

QTEST_GUILESS_MAIN(TestPlatformFileLock)
#include "TestPlatformFileLock.moc"
