// AuditLog + AuditVerifier: the chain format, tamper detection (edited, removed, reordered, duplicated,
// malformed lines, each named with its line), a torn tail from a crash (cut on the next open, then the log
// continues cleanly), a writer process killed with SIGKILL mid-stream, two writers in one process, and the
// personal number: never in clear, keyed hash stable per log.
#include "AuditEntry.h"
#include "AuditLog.h"
#include "AuditVerifier.h"
#include "PersonalNumber.h"
#include "TestConfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace bankid;

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void appendWritesAChainedLinePerEntry();
    void entryRoundTrips();
    void tamperingIsFoundAtItsLine_data();
    void tamperingIsFoundAtItsLine();
    void truncatedTailVerifiesUpToTheLastWholeEntry();
    void writerKilledMidStream_data();
    void writerKilledMidStream();
    void twoWritersInOneProcessKeepOneChain();
    void damagedLastLineIsNotChainedTo();
    void foreignTailIsNotCut();
    void personalNumberNeverInClear();
    void keyedHashIsStablePerLog();
    void deskLogPathIsTheDesksAppDataLocation();

private:
    QString logPath() const { return m_dir->filePath(QStringLiteral("audit.jsonl")); }
    static AuditEntry sampleEntry(int n, const QString &personalNumber = QStringLiteral("199001011234"));
    /// Appends `count` entries through a fresh AuditLog; false (with a QTest failure) on error.
    bool appendEntries(int count, const QString &path);
    static QByteArrayList readLines(const QString &path);
    static void writeLines(const QString &path, const QByteArrayList &lines);

    std::unique_ptr<QTemporaryDir> m_dir;
};

AuditEntry TestAuditLog::sampleEntry(int n, const QString &personalNumber)
{
    AuditEntry entry;
    entry.operatorName = QStringLiteral("anna");
    entry.flow = QStringLiteral("phone-auth");
    entry.environment = QStringLiteral("simulator");
    entry.personalNumberMasked = PersonalNumber::mask(personalNumber);
    entry.hints = {QStringLiteral("outstandingTransaction"), QStringLiteral("userSign")};
    entry.outcome = AuditEntry::Outcome::Failed;
    entry.outcomeDetail = QStringLiteral("userCancel");
    entry.rfa = QStringLiteral("RFA6");
    entry.orderRef = QStringLiteral("order-%1").arg(n, 4, 10, QLatin1Char('0'));
    entry.startedAt = QDateTime(QDate(2026, 1, 31), QTime(12, 0, 0, 123), Qt::UTC).addSecs(n);
    entry.finishedAt = entry.startedAt.addMSecs(4567);
    entry.appVersion = QStringLiteral("1.2.3");
    return entry;
}

bool TestAuditLog::appendEntries(int count, const QString &path)
{
    AuditLog log(path);
    QString error;
    for (int n = 1; n <= count; ++n) {
        if (log.append(sampleEntry(n), &error) == 0) {
            qWarning("append failed: %s", qPrintable(error));
            return false;
        }
    }
    return true;
}

QByteArrayList TestAuditLog::readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArrayList lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

void TestAuditLog::writeLines(const QString &path, const QByteArrayList &lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (const QByteArray &line : lines)
        file.write(line + '\n');
}

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAuditLog::appendWritesAChainedLinePerEntry()
{
    AuditLog log(logPath());
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    QCOMPARE(log.repairedTornBytes(), 0);
    for (int n = 1; n <= 3; ++n)
        QCOMPARE(log.append(sampleEntry(n), &error), qint64(n));

    const QByteArrayList lines = readLines(logPath());
    QCOMPARE(lines.size(), 3);
    QByteArray previous;
    for (int i = 0; i < lines.size(); ++i) {
        // Compact, chain members first, one object per line.
        QVERIFY2(lines.at(i).startsWith(QByteArray("{\"v\":1,\"seq\":" + QByteArray::number(i + 1) + ",\"time\":\"")),
                 lines.at(i).constData());
        QVERIFY(!lines.at(i).contains(": ") && !lines.at(i).contains('\r'));
        const QJsonObject object = QJsonDocument::fromJson(lines.at(i)).object();
        const QByteArray expectedPrev = i == 0 ? QByteArray(64, '0')
                                               : QCryptographicHash::hash(previous, QCryptographicHash::Sha256).toHex();
        QCOMPARE(object.value(QLatin1String("prev")).toString().toLatin1(), expectedPrev);
        const QDateTime time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QCOMPARE(time.timeSpec(), Qt::UTC);
        QVERIFY(object.value(QLatin1String("time")).toString().endsWith(QLatin1Char('Z')));
        previous = lines.at(i);
    }

    const AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.verifiedEntries, 3);
    QCOMPARE(report.headSeq, 3);
    QCOMPARE(report.headHash.toLatin1(), QCryptographicHash::hash(lines.last(), QCryptographicHash::Sha256).toHex());
    QVERIFY(!report.tornTail);
    QCOMPARE(report.records.size(), 3);
    QVERIFY(report.summary().contains(QLatin1String("3 entries verified")));

    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    QCOMPARE(QFile(logPath()).permissions() & others, QFile::Permissions());
    QCOMPARE(QFile(log.keyPath()).permissions() & others, QFile::Permissions());
    QCOMPARE(QFileInfo(log.keyPath()).fileName(), QStringLiteral("audit.key"));
}

void TestAuditLog::entryRoundTrips()
{
    QVERIFY(appendEntries(2, logPath()));
    const AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.records.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(report.records.at(i).line, i + 1);
        QCOMPARE(report.records.at(i).seq, qint64(i + 1));
        QVERIFY(report.records.at(i).verified);
        QCOMPARE(report.records.at(i).entry, sampleEntry(i + 1));
    }
    QCOMPARE(report.records.at(0).entry.outcomeText(), QStringLiteral("failed (userCancel)"));
}

void TestAuditLog::tamperingIsFoundAtItsLine_data()
{
    // operation: what is done to the lines of a 5-entry log; a, b: its line numbers (1-based).
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("a");
    QTest::addColumn<int>("b");
    QTest::addColumn<AuditVerifier::Problem>("problem");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("verified");

    using P = AuditVerifier::Problem;
    QTest::newRow("one byte of line 2 edited") << "edit" << 2 << 0 << P::Edited << 2 << 1;
    QTest::newRow("one byte of line 1 edited") << "edit" << 1 << 0 << P::Edited << 1 << 0;
    QTest::newRow("one byte of line 4 edited") << "edit" << 4 << 0 << P::Edited << 4 << 3;
    QTest::newRow("the first line's prev edited") << "prev" << 1 << 0 << P::Edited << 1 << 0;
    QTest::newRow("line 3 removed") << "remove" << 3 << 3 << P::Removed << 3 << 2;
    QTest::newRow("lines 2 and 3 removed") << "remove" << 2 << 3 << P::Removed << 2 << 1;
    QTest::newRow("the first line removed") << "remove" << 1 << 1 << P::Removed << 1 << 0;
    QTest::newRow("lines 2 and 3 swapped") << "swap" << 2 << 3 << P::Reordered << 2 << 1;
    QTest::newRow("lines 1 and 5 swapped") << "swap" << 1 << 5 << P::Reordered << 1 << 0;
    QTest::newRow("line 2 copied after line 3") << "duplicate" << 2 << 3 << P::Duplicated << 4 << 3;
    QTest::newRow("line 4 no longer JSON") << "break" << 4 << 0 << P::Malformed << 4 << 3;
    QTest::newRow("a blank line after line 2") << "blank" << 2 << 0 << P::Malformed << 3 << 2;
}

void TestAuditLog::tamperingIsFoundAtItsLine()
{
    QFETCH(QString, operation);
    QFETCH(int, a);
    QFETCH(int, b);
    QFETCH(AuditVerifier::Problem, problem);
    QFETCH(int, line);
    QFETCH(int, verified);

    QVERIFY(appendEntries(5, logPath()));
    QByteArrayList lines = readLines(logPath());
    QCOMPARE(lines.size(), 5);
    if (operation == QLatin1String("edit")) {
        // One byte inside a value: the line still parses, only the chain shows the change.
        QByteArray &target = lines[a - 1];
        const qsizetype at = target.indexOf("\"order-") + 7;
        QVERIFY(at > 7);
        target[at] = target.at(at) == '0' ? '9' : '0';
    } else if (operation == QLatin1String("prev")) {
        lines[a - 1].replace(QByteArray(64, '0'), QByteArray(QByteArray(63, '0') + '1'));
    } else if (operation == QLatin1String("remove")) {
        lines.remove(a - 1, b - a + 1);
    } else if (operation == QLatin1String("swap")) {
        lines.swapItemsAt(a - 1, b - 1);
    } else if (operation == QLatin1String("duplicate")) {
        lines.insert(b, lines.at(a - 1));
    } else if (operation == QLatin1String("break")) {
        lines[a - 1][0] = 'x';
    } else if (operation == QLatin1String("blank")) {
        lines.insert(a, QByteArray());
    }
    writeLines(logPath(), lines);

    const AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QVERIFY(!report.ok());
    QCOMPARE(report.problem, problem);
    QCOMPARE(report.line, line);
    QCOMPARE(report.verifiedEntries, qint64(verified));
    const QString summary = report.summary();
    QVERIFY2(summary.startsWith(QStringLiteral("line %1: %2: ").arg(line).arg(AuditVerifier::problemName(problem))),
             qPrintable(summary));
    QVERIFY2(report.message.contains(QString::number(line)), qPrintable(report.message));
    int verifiedRecords = 0;
    for (const AuditVerifier::Record &record : report.records)
        verifiedRecords += record.verified ? 1 : 0;
    QCOMPARE(verifiedRecords, verified);
}

void TestAuditLog::truncatedTailVerifiesUpToTheLastWholeEntry()
{
    QVERIFY(appendEntries(5, logPath()));
    const QByteArrayList lines = readLines(logPath());
    QFile file(logPath());
    const qint64 wholeFour = file.size() - lines.last().size() - 1;
    QVERIFY(file.resize(wholeFour + lines.last().size() / 2)); // cut line 5 in the middle

    AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.verifiedEntries, 4);
    QVERIFY(report.tornTail);
    QCOMPARE(report.tornLine, 5);
    QVERIFY2(report.summary().contains(QLatin1String("line 5 is an incomplete entry")), qPrintable(report.summary()));

    // The next writer cuts the torn tail (only it), reports it, and continues with seq 5 on a new line.
    AuditLog log(logPath());
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    QCOMPARE(log.repairedTornBytes(), lines.last().size() / 2);
    QVERIFY2(log.repairReport().contains(QLatin1String("incomplete line")), qPrintable(log.repairReport()));
    QCOMPARE(QFile(logPath()).size(), wholeFour);
    QCOMPARE(log.append(sampleEntry(6), &error), qint64(5));
    report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.verifiedEntries, 5);
    QVERIFY(!report.tornTail);
    QCOMPARE(readLines(logPath()).mid(0, 4), lines.mid(0, 4));
}

void TestAuditLog::writerKilledMidStream_data()
{
    QTest::addColumn<QStringList>("mode");
    QTest::addColumn<bool>("torn");
    QTest::newRow("killed while appending in a loop") << QStringList{QStringLiteral("loop")} << false;
    QTest::newRow("killed with half a line written") << QStringList{QStringLiteral("torn"), QStringLiteral("7")} << true;
}

void TestAuditLog::writerKilledMidStream()
{
    QFETCH(QStringList, mode);
    QFETCH(bool, torn);
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    const QString program = QDir(binDir).filePath(QStringLiteral("AuditWriterProcess"));
    if (!QFileInfo(program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("AuditWriterProcess is not built at %1: build that target first").arg(program)));

    QProcess writer;
    QByteArray output;
    qint64 lastReported = 0;
    bool tornWritten = false;
    connect(&writer, &QProcess::readyReadStandardOutput, this, [&] {
        output += writer.readAllStandardOutput();
        qsizetype end = 0;
        while ((end = output.indexOf('\n')) >= 0) {
            const QByteArray line = output.left(end);
            output.remove(0, end + 1);
            if (line.startsWith("appended "))
                lastReported = line.mid(9).toLongLong();
            else if (line == "torn")
                tornWritten = true;
        }
    });
    writer.start(program, QStringList{logPath()} + mode);
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
    if (torn)
        QTRY_VERIFY_WITH_TIMEOUT(tornWritten, 20000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(lastReported >= 25, 20000); // mid-stream: it keeps appending until killed
    QSignalSpy finished(&writer, &QProcess::finished);
    writer.kill(); // SIGKILL: no destructor, no flush, no cleanup
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    const QByteArray errors = writer.readAllStandardError();
    QVERIFY2(!errors.contains("AuditWriterProcess:"), errors.constData()); // it never gave up on its own

    AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    // Every append it reported was fsynced; one more may have landed between its write and its report.
    QVERIFY2(report.verifiedEntries >= lastReported && report.verifiedEntries <= lastReported + 1,
             qPrintable(QStringLiteral("%1 verified, %2 reported").arg(report.verifiedEntries).arg(lastReported)));
    if (torn) {
        QCOMPARE(report.verifiedEntries, 7);
        QVERIFY(report.tornTail);
        QCOMPARE(report.tornLine, 8);
    }

    // A new writer continues the chain after the last whole entry.
    const qint64 before = report.verifiedEntries;
    AuditLog log(logPath());
    QString error;
    QCOMPARE(log.append(sampleEntry(1000), &error), before + 1);
    QCOMPARE(log.repairedTornBytes() > 0, report.tornTail);
    report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.verifiedEntries, before + 1);
    QVERIFY(!report.tornTail);
}

void TestAuditLog::twoWritersInOneProcessKeepOneChain()
{
    // Two AuditLog objects on one file, in two threads at once (e.g. two desk windows).
    constexpr int PerWriter = 40;
    AuditLog first(logPath());
    AuditLog second(logPath());
    QString error;
    QVERIFY2(first.open(&error) && second.open(&error), qPrintable(error));
    QAtomicInt failures;
    auto writeMany = [&failures](AuditLog *log, int offset) {
        for (int n = 0; n < PerWriter; ++n) {
            QString problem;
            if (log->append(sampleEntry(offset + n), &problem) == 0)
                failures.fetchAndAddRelaxed(1);
        }
    };
    std::unique_ptr<QThread> a(QThread::create(writeMany, &first, 0));
    std::unique_ptr<QThread> b(QThread::create(writeMany, &second, 1000));
    a->start();
    b->start();
    QVERIFY(a->wait(60000) && b->wait(60000));
    QCOMPARE(failures.loadRelaxed(), 0);

    const AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QVERIFY2(report.ok(), qPrintable(report.summary()));
    QCOMPARE(report.verifiedEntries, 2 * PerWriter);
}

void TestAuditLog::damagedLastLineIsNotChainedTo()
{
    QVERIFY(appendEntries(2, logPath()));
    QFile file(logPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("not an entry\n");
    file.close();
    const QByteArray before = [this] { QFile f(logPath()); f.open(QIODevice::ReadOnly); return f.readAll(); }();

    AuditLog log(logPath());
    QString error;
    QCOMPARE(log.append(sampleEntry(3), &error), qint64(0));
    QVERIFY2(error.contains(QLatin1String("last entry")) && error.contains(QLatin1String("damaged")), qPrintable(error));
    QFile after(logPath());
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before); // untouched
    const AuditVerifier::Report report = AuditVerifier::verifyFile(logPath());
    QCOMPARE(report.problem, AuditVerifier::Problem::Malformed);
    QCOMPARE(report.line, 3);
}

void TestAuditLog::foreignTailIsNotCut()
{
    QVERIFY(appendEntries(1, logPath()));
    QFile file(logPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("hello, not ours");
    file.close();
    const qint64 size = QFile(logPath()).size();

    AuditLog log(logPath());
    QString error;
    QCOMPARE(log.append(sampleEntry(2), &error), qint64(0));
    QVERIFY2(error.contains(QLatin1String("not part of an audit entry")), qPrintable(error));
    QCOMPARE(QFile(logPath()).size(), size);
    QCOMPARE(log.repairedTornBytes(), 0);
}

void TestAuditLog::personalNumberNeverInClear()
{
    AuditLog log(logPath());
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    for (const QString &number : {QStringLiteral("199001011234"), QStringLiteral("19900101-1234")}) {
        AuditEntry entry = sampleEntry(1, number);
        entry.personalNumberHash = log.personalNumberHash(number);
        QVERIFY(log.append(entry, &error) > 0);
    }
    QFile file(logPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("19900101****"));
    QVERIFY(!content.contains("199001011234"));
    QVERIFY(!content.contains("0101-1234"));
    QVERIFY(!content.contains("01011234"));
    // Nor an unkeyed hash of it, which anyone could recompute from ~1,000 candidates.
    QVERIFY(!content.contains(QCryptographicHash::hash("199001011234", QCryptographicHash::Sha256).toHex()));
}

void TestAuditLog::keyedHashIsStablePerLog()
{
    AuditLog log(logPath());
    QString error;
    QCOMPARE(log.personalNumberHash(QStringLiteral("199001011234")), QString()); // no key before open()
    QVERIFY2(log.open(&error), qPrintable(error));
    const QString hash = log.personalNumberHash(QStringLiteral("199001011234"));
    QCOMPARE(hash.size(), 64);
    QVERIFY(QByteArray::fromHex(hash.toLatin1()).size() == 32);
    QCOMPARE(log.personalNumberHash(QStringLiteral("19900101-1234")), hash);       // same number, other form
    QCOMPARE(log.personalNumberHash(QStringLiteral(" 199001011234 ")), hash);
    QVERIFY(log.personalNumberHash(QStringLiteral("198506155129")) != hash);       // another person
    QCOMPARE(log.personalNumberHash(QString()), QString());

    AuditLog reopened(logPath()); // the key is kept in audit.key: stable across runs
    QVERIFY2(reopened.open(&error), qPrintable(error));
    QCOMPARE(reopened.personalNumberHash(QStringLiteral("199001011234")), hash);

    QTemporaryDir otherDir;
    AuditLog other(otherDir.filePath(QStringLiteral("audit.jsonl"))); // another log has another key
    QVERIFY2(other.open(&error), qPrintable(error));
    QVERIFY(other.personalNumberHash(QStringLiteral("199001011234")) != hash);

    QFile key(log.keyPath());
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(QByteArray::fromHex(key.readAll().trimmed()).size(), AuditLog::KeyBytes);
}

void TestAuditLog::deskLogPathIsTheDesksAppDataLocation()
{
    const QString name = QCoreApplication::applicationName();
    const QString organization = QCoreApplication::organizationName();
    QCoreApplication::setApplicationName(QStringLiteral("bankid-desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("BankID Desk"));
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QCoreApplication::setApplicationName(name);
    QCoreApplication::setOrganizationName(organization);
    QCOMPARE(AuditLog::deskLogPath(), appData + QStringLiteral("/audit.jsonl"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"
