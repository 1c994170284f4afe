// `bankid-cli audit verify [FILE]` end to end: the built binary on logs written by AuditLog, intact,
// tampered (edited, removed, reordered: exit 1 with the line), torn by a crash (exit 0), bytes with no
// whole entry (exit 1), empty (exit 0), too large to read (exit 2), the desk's default path (XDG_DATA_HOME),
// --json, and usage errors (exit 2).
#include "AuditEntry.h"
#include "AuditLog.h"
#include "CliProcess.h"
#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

class TestAuditCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verify_data();
    void verify();
    void jsonNamesTheProblem();

private:
    /// Runs bankid-cli; a run that did not finish in 30 s or crashed reports exit code -1.
    test::CliRun run(const QStringList &arguments, const QString &dataHome);
    /// Writes a 4-entry log at `path` and applies `tamper` to it.
    static void writeLog(const QString &path, const QString &tamper);

    QString m_program;
};

void TestAuditCli::initTestCase()
{
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    m_program = QDir(binDir).filePath(QStringLiteral("bankid-cli"));
    if (!QFileInfo(m_program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("bankid-cli is not built at %1: build the bankid-cli target first").arg(m_program)));
}

test::CliRun TestAuditCli::run(const QStringList &arguments, const QString &dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome); // where the desk's default log is
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    environment.remove(QStringLiteral("LANGUAGE"));
    test::CliProcess process(m_program, arguments, environment);
    test::CliRun result = process.wait(30000);
    if (!result.finished || result.exitStatus != QProcess::NormalExit)
        result.exitCode = -1; // never an expected code: the comparison fails and says so
    return result;
}

void TestAuditCli::writeLog(const QString &path, const QString &tamper)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    AuditLog log(path);
    QString error;
    for (int n = 1; n <= 4; ++n) {
        AuditEntry entry;
        entry.operatorName = QStringLiteral("anna");
        entry.flow = QStringLiteral("auth");
        entry.environment = QStringLiteral("simulator");
        entry.outcome = AuditEntry::Outcome::Complete;
        entry.orderRef = QStringLiteral("order-%1").arg(n);
        entry.startedAt = QDateTime::currentDateTimeUtc();
        entry.finishedAt = entry.startedAt;
        QVERIFY2(log.append(entry, &error) == n, qPrintable(error));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray content = file.readAll();
    file.close();
    QByteArrayList lines = content.split('\n');
    lines.removeLast();
    if (tamper == QLatin1String("edit line 2"))
        lines[1].replace("order-2", "order-7");
    else if (tamper == QLatin1String("remove line 2"))
        lines.removeAt(1);
    else if (tamper == QLatin1String("swap lines 3 and 4"))
        lines.swapItemsAt(2, 3);
    content = lines.join('\n') + '\n';
    if (tamper == QLatin1String("tear line 4"))
        content.chop(lines.last().size() / 2);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

void TestAuditCli::verify_data()
{
    // where: "file" (given as FILE), "desk" (the default path, no FILE), "none" (no log written).
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");

    const QStringList verify{QStringLiteral("audit"), QStringLiteral("verify")};
    QTest::newRow("intact log") << "file" << "" << verify << 0 << "4 entries verified; the chain is intact" << "";
    QTest::newRow("edited line") << "file" << "edit line 2" << verify << 1 << "line 2: edited: line 2 was edited" << "";
    QTest::newRow("removed line") << "file" << "remove line 2" << verify << 1 << "line 2: removed: an entry was removed before line 2: seq 2 is missing" << "";
    QTest::newRow("reordered lines") << "file" << "swap lines 3 and 4" << verify << 1 << "line 3: reordered" << "";
    QTest::newRow("crash mid-write") << "file" << "tear line 4" << verify << 0 << "3 entries verified; the chain is intact" << "";
    // A file without any line break holds no whole entry: not a verified log (it is no torn last line of one).
    QTest::newRow("5 MB of random bytes, no newline") << "file" << "random bytes" << verify << 1
                                                      << "line 1: malformed: no complete entry" << "";
    QTest::newRow("5 MB of NULs") << "file" << "NULs" << verify << 1 << "line 1: malformed: no complete entry" << "";
    QTest::newRow("empty file") << "file" << "empty" << verify << 0 << "the audit log is empty: nothing to verify" << "";
    // Read in memory, so bounded (BoundedFileReader::MaxAuditLogBytes): refused, not read.
    QTest::newRow("larger than the limit") << "file" << "300 MB sparse" << verify << 2 << ""
                                           << "larger than the limit of 268435456 bytes";
    QTest::newRow("the desk's log by default") << "desk" << "" << verify << 0 << "4 entries verified" << "";
    QTest::newRow("the desk's log, edited") << "desk" << "edit line 2" << verify << 1 << "line 2: edited" << "";
    QTest::newRow("no desk log yet") << "none" << "" << verify << 2 << "" << "does not exist";
    QTest::newRow("missing file") << "none" << "" << (QStringList(verify) << QStringLiteral("/nonexistent/audit.jsonl")) << 2 << "" << "is not a file";
    QTest::newRow("no sub-command") << "none" << "" << QStringList{QStringLiteral("audit")} << 2 << "" << "audit needs a sub-command";
    QTest::newRow("unknown sub-command") << "none" << "" << QStringList{QStringLiteral("audit"), QStringLiteral("check")} << 2 << "" << "unknown audit sub-command 'check'";
    QTest::newRow("two files") << "none" << "" << (QStringList(verify) << QStringLiteral("a") << QStringLiteral("b")) << 2 << "" << "at most one FILE";
}

void TestAuditCli::verify()
{
    QFETCH(QString, where);
    QFETCH(QString, tamper);
    QFETCH(QStringList, words);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    QTemporaryDir dataHome;
    QVERIFY(dataHome.isValid());
    QStringList arguments = words;
    if (where == QLatin1String("file")) {
        const QString path = dataHome.filePath(QStringLiteral("elsewhere/audit.jsonl"));
        if (tamper == QLatin1String("random bytes") || tamper == QLatin1String("NULs") || tamper == QLatin1String("empty")
            || tamper == QLatin1String("300 MB sparse")) {
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            if (tamper == QLatin1String("random bytes")) {
                QByteArray bytes(5 * 1024 * 1024, Qt::Uninitialized);
                QRandomGenerator generator(20261204); // fixed seed: the same bytes on every run
                for (char &byte : bytes) {
                    byte = char(generator.bounded(256));
                    if (byte == '\n')
                        byte = 'x';
                }
                QCOMPARE(file.write(bytes), bytes.size());
            } else if (tamper == QLatin1String("NULs")) {
                QVERIFY(file.resize(5 * 1024 * 1024));
            } else if (tamper == QLatin1String("300 MB sparse")) {
                QVERIFY(file.resize(300LL * 1024 * 1024)); // sparse: nothing is written
            }
        } else {
            writeLog(path, tamper);
        }
        arguments << path;
    } else if (where == QLatin1String("desk")) {
        writeLog(dataHome.filePath(QStringLiteral("BankID Desk/bankid-desk/audit.jsonl")), tamper);
    }
    const test::CliRun result = run(arguments, dataHome.path());
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.contains(out), qPrintable(result.out));
    QVERIFY2(result.err.contains(err), qPrintable(result.err));
    if (tamper == QLatin1String("tear line 4"))
        QVERIFY2(result.out.contains(QLatin1String("line 4 is an incomplete entry")), qPrintable(result.out));
}

void TestAuditCli::jsonNamesTheProblem()
{
    QTemporaryDir dataHome;
    const QString path = dataHome.filePath(QStringLiteral("audit.jsonl"));
    writeLog(path, QStringLiteral("remove line 2"));
    const test::CliRun result = run({QStringLiteral("audit"), QStringLiteral("verify"), path, QStringLiteral("--json")}, dataHome.path());
    QCOMPARE(result.exitCode, 1);
    const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(object.value(QLatin1String("problem")).toString(), QStringLiteral("removed"));
    QCOMPARE(object.value(QLatin1String("line")).toInt(), 2);
    QCOMPARE(object.value(QLatin1String("verifiedEntries")).toInt(), 1);
    QCOMPARE(object.value(QLatin1String("file")).toString(), path);
}

QTEST_GUILESS_MAIN(TestAuditCli)
#include "TestAuditCli.moc"
