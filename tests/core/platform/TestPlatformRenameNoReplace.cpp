// PlatformRenameNoReplace's POSIX branch: a free name is taken (the source is gone), a taken name (a file,
// or only a dangling link) is left as it is and reported, and 16 threads publishing one name at once give
// exactly one winner whose content is what the name holds.

#include "PlatformRenameNoReplace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

using namespace bankid;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly) && file.write(content) == content.size();
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPlatformRenameNoReplace : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_dir.emplace(); QVERIFY(m_dir->isValid()); }
    void takesAFreeName();
    void leavesATakenNameAlone();
    void danglingLinkCountsAsTaken();
    void missingFolderFailsWithTheSystemsReason();
    void concurrentPublishersHaveOneWinner();

private:
    std::optional<QTemporaryDir> m_dir;
};

void TestPlatformRenameNoReplace::takesAFreeName()
{
    const QString from = m_dir->filePath(QStringLiteral("draft")), to = m_dir->filePath(QStringLiteral("key"));
    QVERIFY(writeFile(from, "new"));
    QCOMPARE(PlatformRenameNoReplace::rename(from, to, nullptr), PlatformRenameNoReplace::Outcome::Renamed);
    QCOMPARE(contentOf(to), QByteArray("new"));
    QVERIFY(!QFile::exists(from));
}

void TestPlatformRenameNoReplace::leavesATakenNameAlone()
{
    const QString from = m_dir->filePath(QStringLiteral("draft")), to = m_dir->filePath(QStringLiteral("key"));
    QVERIFY(writeFile(from, "new"));
    QVERIFY(writeFile(to, "old"));
    QCOMPARE(PlatformRenameNoReplace::rename(from, to, nullptr), PlatformRenameNoReplace::Outcome::TargetExists);
    QCOMPARE(contentOf(to), QByteArray("old"));
    QVERIFY(!QFile::exists(from));
}

void TestPlatformRenameNoReplace::danglingLinkCountsAsTaken()
{
    const QString from = m_dir->filePath(QStringLiteral("draft")), to = m_dir->filePath(QStringLiteral("key"));
    QVERIFY(writeFile(from, "new"));
    QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("nowhere")), to));
    QCOMPARE(PlatformRenameNoReplace::rename(from, to, nullptr), PlatformRenameNoReplace::Outcome::TargetExists);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("nowhere"))));
}

void TestPlatformRenameNoReplace::missingFolderFailsWithTheSystemsReason()
{
    const QString from = m_dir->filePath(QStringLiteral("draft"));
    QVERIFY(writeFile(from, "new"));
    QString reason;
    QCOMPARE(PlatformRenameNoReplace::rename(from, m_dir->filePath(QStringLiteral("no-such-folder/key")), &reason),
             PlatformRenameNoReplace::Outcome::Failed);
    QCOMPARE(reason, qt_error_string(ENOENT));
}

void TestPlatformRenameNoReplace::concurrentPublishersHaveOneWinner()
{
    const QString to = m_dir->filePath(QStringLiteral("key"));
    constexpr int Publishers = 16;
    for (int i = 0; i < Publishers; ++i)
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("draft-%1").arg(i)), QByteArray::number(i)));
    std::atomic<int> winners {0}, winner {-1}, others {0};
    std::vector<std::thread> threads;
    for (int i = 0; i < Publishers; ++i) {
        threads.emplace_back([&, i] {
            const auto outcome = PlatformRenameNoReplace::rename(m_dir->filePath(QStringLiteral("draft-%1").arg(i)), to, nullptr);
            if (outcome == PlatformRenameNoReplace::Outcome::Renamed) {
                ++winners;
                winner = i;
            } else if (outcome == PlatformRenameNoReplace::Outcome::TargetExists) {
                ++others;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(winners.load(), 1);
    QCOMPARE(others.load(), Publishers - 1);
    QCOMPARE(contentOf(to), QByteArray::number(winner.load()));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::System), QStringList{QStringLiteral("key")});
}

QTEST_GUILESS_MAIN(TestPlatformRenameNoReplace)
#include "TestPlatformRenameNoReplace.moc"
