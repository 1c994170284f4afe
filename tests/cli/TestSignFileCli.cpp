// End-to-end tests of `bankid-cli sign-file` and `bankid-cli verify`: the built binary, run with QProcess,
// signs a real (small, hand-written) PDF on the embedded simulator (--simulator, automatic user, real mutual
// TLS, real XMLDSig and OCSP evidence), writes the receipt next to it, and verifies the document offline
// after it was moved, after one byte changed, against an unrelated root, and with --json. The risk test
// (riskVerdictDecidesReceipt) starts its own simulator with a scripted risk verdict instead.
//
// Isolation: XDG_DATA_HOME and HOME point into this test's own temporary folder, so the embedded simulator's
// state (its signing root: EvidenceRoots::deskSimulatorStateDir() of the child) never touches the real user
// data folder and is never shared with a test running in parallel. The tests run in declaration order and
// build on each other's files (sign, sign again, move, verify); each says which earlier one it needs.

#include "CliProcess.h"
#include "MinimalPdf.h"
#include "Receipt.h"
#include "ReceiptReport.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "TestConfig.h"
#include "TestPerson.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace bankid;
using bankid::sim::TestPerson;
using namespace bankid::test; // CliProcess, CliRun, minimalPdf, readFile, writeFile

namespace {

/// The check lines of verify's text output ("  LABEL    NAME    detail", between "Checks:" and the next
/// unindented line): name -> label ("ok", "FAILED", "not run"), in order, names as in ReceiptReport.
QList<std::pair<QString, QString>> checkList(const QString &output)
{
    QList<std::pair<QString, QString>> checks;
    static const QRegularExpression label(QStringLiteral("^  (ok|FAILED|not run) +"));
    const QStringList names = ReceiptReport::checkNames();
    const QStringList lines = output.section(QStringLiteral("Checks:\n"), 1).split(u'\n');
    for (const QString &line : lines) {
        const auto match = label.match(line);
        if (!match.hasMatch())
            break;
        const QString rest = line.mid(match.capturedLength());
        QString found;
        for (const QString &name : names) {
            if ((rest == name || rest.startsWith(name + u' ')) && name.size() > found.size())
                found = name;
        }
        checks.append({found.isEmpty() ? rest : found, match.captured(1)});
    }
    return checks;
}

QMap<QString, QString> checkLines(const QString &output)
{
    QMap<QString, QString> checks;
    for (const auto &[name, outcome] : checkList(output))
        checks.insert(name, outcome);
    return checks;
}

} // namespace

class TestSignFileCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void signFileWritesReceipt();
    void signAgainWritesSecondReceipt();
    void verifyMovedDocument();
    void verifyGivenTheReceiptAsFile();
    void verifySpeaksSwedish();
    void flippedByteFailsDocumentDigest();
    void jsonReportOfFlippedDocument();
    void unrelatedRootFailsChain();
    void signFileJson();

    void signFileOfMissingFileFailsBeforeAnyOrder();
    void signFileOfFolder();
    void signFileInUnwritableFolder();
    void receiptNotWrittenGoesToStdout();
    void riskVerdictDecidesReceipt_data();
    void riskVerdictDecidesReceipt();
    void verifyWithoutReceipt();
    void verifyUsageErrors_data();
    void verifyUsageErrors();
    void signFileUsageErrors_data();
    void signFileUsageErrors();

private:
    /// The usage-error row of the current data-driven test: exit 2, "bankid-cli: " + message on stderr.
    void expectUsageError();
    QProcessEnvironment environment(const QString &dataHome) const;
    CliRun run(const QStringList &arguments, const QString &dataHome = {}, int timeoutMs = 60000) const;
    QString dataHome() const { return m_dir.filePath(QStringLiteral("data")); }
    /// The embedded simulator's state folder of the child processes (EvidenceRoots::deskSimulatorStateDir()
    /// under this test's XDG_DATA_HOME).
    QString simulatorStateDir() const { return dataHome() + QStringLiteral("/BankID Desk/bankid-desk/simulator"); }
    /// A fresh folder holding a copy of the moved, signed document and its receipt; empty on failure.
    QString copyOfMoved(const QString &name);

    QString m_program;
    QTemporaryDir m_dir;
    QByteArray m_pdf;
    QString m_pdfPath;       ///< signed by signFileWritesReceipt
    QByteArray m_firstReceipt; ///< its bytes
    QString m_movedPdf;      ///< moved with its receipt by verifyMovedDocument
};

void TestSignFileCli::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    const QString binDir = qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR));
    m_program = QDir(binDir).filePath(QStringLiteral("bankid-cli"));
    if (!QFileInfo(m_program).isExecutable())
        QSKIP(qPrintable(QStringLiteral("bankid-cli is not built at %1: build the bankid-cli target first").arg(m_program)));
    QVERIFY(QDir().mkpath(dataHome()));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("home"))));
    m_pdf = minimalPdf("Contract 42: signed with BankID");
    QVERIFY(m_pdf.startsWith("%PDF-1.4") && m_pdf.endsWith("%%EOF\n"));
}

QProcessEnvironment TestSignFileCli::environment(const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.isEmpty() ? dataHome() : home);
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    return env;
}

CliRun TestSignFileCli::run(const QStringList &arguments, const QString &home, int timeoutMs) const
{
    CliProcess process(m_program, arguments, environment(home));
    return process.wait(timeoutMs);
}

QString TestSignFileCli::copyOfMoved(const QString &name)
{
    if (m_movedPdf.isEmpty())
        return {};
    const QString folder = m_dir.filePath(name);
    if (!QDir().mkpath(folder))
        return {};
    const QString pdf = folder + QStringLiteral("/moved.pdf");
    if (!QFile::copy(m_movedPdf, pdf) || !QFile::copy(Receipt::defaultPathFor(m_movedPdf), Receipt::defaultPathFor(pdf)))
        return {};
    return pdf;
}

// ---------------------------------------------------------------------------------------------------------

void TestSignFileCli::signFileWritesReceipt()
{
    const QString folder = m_dir.filePath(QStringLiteral("signing"));
    QVERIFY(QDir().mkpath(folder));
    m_pdfPath = folder + QStringLiteral("/contract.pdf");
    QVERIFY(writeFile(m_pdfPath, m_pdf));

    const CliRun result = run({QStringLiteral("sign-file"), m_pdfPath, QStringLiteral("--simulator")});
    QVERIFY2(result.finished, result.describe().constData());
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QString receiptPath = Receipt::defaultPathFor(m_pdfPath);
    QCOMPARE(receiptPath, m_pdfPath + QStringLiteral(".bankid-receipt.json"));
    QVERIFY2(result.out.contains(QStringLiteral("Receipt:   ") + receiptPath), result.describe().constData());
    QVERIFY2(!result.err.contains(QLatin1String("already existed")), result.describe().constData());
    // The summary masks the personal number; the receipt file holds it (personal data by design).
    const TestPerson person = TestPerson::builtIn().first();
    QVERIFY2(!result.out.contains(person.personalNumber) && !result.err.contains(person.personalNumber),
             result.describe().constData());
    QVERIFY2(result.out.contains(person.personalNumber.left(8) + QStringLiteral("****")), result.describe().constData());

    m_firstReceipt = readFile(receiptPath);
    QVERIFY(!m_firstReceipt.isEmpty());
    QString error;
    const auto receipt = Receipt::fromJson(m_firstReceipt, &error);
    QVERIFY2(receipt, qPrintable(error));
    QCOMPARE(receipt->documentSha256, QCryptographicHash::hash(m_pdf, QCryptographicHash::Sha256));
    QCOMPARE(receipt->documentSize, qint64(m_pdf.size()));
    QCOMPARE(receipt->documentFileName, QStringLiteral("contract.pdf"));
    QCOMPARE(receipt->environmentName, QStringLiteral("simulator"));
    QCOMPARE(receipt->application, QStringLiteral("bankid-cli"));
    QCOMPARE(receipt->signerPersonalNumber(), person.personalNumber);
    QVERIFY(!receipt->signature().isEmpty());
    QVERIFY(!receipt->ocspResponse().isEmpty());
    QCOMPARE(receipt->sentUserNonVisibleData().value_or(QByteArray()),
             "sha256:" + QCryptographicHash::hash(m_pdf, QCryptographicHash::Sha256).toHex());
    QVERIFY(receipt->startedAt <= receipt->completedAt && receipt->completedAt <= receipt->writtenAt);
    // The signing root the simulator used stays in the (test's) desk simulator folder.
    QVERIFY(QFileInfo::exists(simulatorStateDir() + QStringLiteral("/signing-root.pem")));
}

void TestSignFileCli::signAgainWritesSecondReceipt()
{
    QVERIFY2(!m_firstReceipt.isEmpty(), "needs signFileWritesReceipt");
    const CliRun result = run({QStringLiteral("sign-file"), m_pdfPath, QStringLiteral("--simulator")});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QString second = m_pdfPath + QStringLiteral(".bankid-receipt-2.json");
    QVERIFY2(QFileInfo::exists(second), result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("Receipt:   ") + second), result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("a receipt already existed at ") + Receipt::defaultPathFor(m_pdfPath)),
             result.describe().constData());
    QVERIFY2(result.err.contains(second), result.describe().constData());
    QCOMPARE(readFile(Receipt::defaultPathFor(m_pdfPath)), m_firstReceipt);
    QString error;
    QVERIFY2(Receipt::fromJson(readFile(second), &error), qPrintable(error));
}

void TestSignFileCli::verifyMovedDocument()
{
    QVERIFY2(!m_firstReceipt.isEmpty(), "needs signFileWritesReceipt");
    const QString folder = m_dir.filePath(QStringLiteral("elsewhere"));
    QVERIFY(QDir().mkpath(folder));
    m_movedPdf = folder + QStringLiteral("/moved.pdf");
    QVERIFY(QFile::rename(m_pdfPath, m_movedPdf));
    QVERIFY(QFile::rename(Receipt::defaultPathFor(m_pdfPath), Receipt::defaultPathFor(m_movedPdf)));

    const CliRun result = run({QStringLiteral("verify"), m_movedPdf});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    // Every check, in ReceiptReport's order, each "ok".
    const auto checks = checkList(result.out);
    QStringList names;
    for (const auto &[name, outcome] : checks) {
        names << name;
        QVERIFY2(outcome == QLatin1String("ok"), qPrintable(name + QStringLiteral(": ") + outcome + u'\n' + result.out));
    }
    QCOMPARE(names, ReceiptReport::checkNames());
    QVERIFY(names.contains(QStringLiteral("document digest")));
    QVERIFY2(result.out.contains(QLatin1String("local simulator signing root")), result.describe().constData());
    QVERIFY2(result.out.contains(QLatin1String("simulator evidence, not a BankID signature")),
             result.describe().constData());
    QVERIFY2(result.out.contains(QLatin1String("Result: every check passed.")), result.describe().constData());
    // The user's own verification shows the signer in full.
    QVERIFY2(result.out.contains(TestPerson::builtIn().first().personalNumber), result.describe().constData());
}

void TestSignFileCli::verifyGivenTheReceiptAsFile()
{
    QVERIFY2(!m_movedPdf.isEmpty(), "needs verifyMovedDocument");
    const CliRun result = run({QStringLiteral("verify"), Receipt::defaultPathFor(m_movedPdf)});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("Document: ") + m_movedPdf), result.describe().constData());

    // Both given explicitly, the second receipt (still next to the original name) for the moved document.
    const CliRun both = run({QStringLiteral("verify"), m_movedPdf, m_pdfPath + QStringLiteral(".bankid-receipt-2.json")});
    QVERIFY2(both.exitCode == 0, both.describe().constData());
}

void TestSignFileCli::verifySpeaksSwedish()
{
    // --lang applies to verify too (it was once parsed only for order commands). The check names and their
    // technical details stay English by contract; the surrounding text is translated.
    QVERIFY2(!m_movedPdf.isEmpty(), "needs verifyMovedDocument");
    const CliRun result = run({QStringLiteral("verify"), m_movedPdf, QStringLiteral("--lang"), QStringLiteral("sv")});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.out.contains(QStringLiteral("Dokument: ") + m_movedPdf), result.describe().constData());
    QVERIFY2(!result.out.contains(QLatin1String("Result: every check passed.")), result.describe().constData());
    QVERIFY2(result.out.contains(QLatin1String("receipt")), result.describe().constData());
}

void TestSignFileCli::flippedByteFailsDocumentDigest()
{
    const QString pdf = copyOfMoved(QStringLiteral("flipped"));
    QVERIFY2(!pdf.isEmpty(), "needs verifyMovedDocument");
    QByteArray bytes = readFile(pdf);
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
    QVERIFY(writeFile(pdf, bytes));

    const CliRun result = run({QStringLiteral("verify"), pdf});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    const QMap<QString, QString> checks = checkLines(result.out);
    QCOMPARE(checks.value(QStringLiteral("document digest")), QStringLiteral("FAILED"));
    QCOMPARE(checks.value(QStringLiteral("signed digest")), QStringLiteral("FAILED"));
    QCOMPARE(checks.value(QStringLiteral("signature value")), QStringLiteral("ok")); // the evidence itself is intact
    QVERIFY2(result.out.contains(QLatin1String("Result: NOT verified")), result.describe().constData());
    QVERIFY2(result.out.contains(QLatin1String("\n  document digest: ")), result.describe().constData());
}

void TestSignFileCli::jsonReportOfFlippedDocument()
{
    const QString pdf = copyOfMoved(QStringLiteral("flipped-json"));
    QVERIFY2(!pdf.isEmpty(), "needs verifyMovedDocument");
    QByteArray bytes = readFile(pdf);
    bytes[10] = char(bytes.at(10) ^ 0x20);
    QVERIFY(writeFile(pdf, bytes));

    const CliRun result = run({QStringLiteral("verify"), pdf, QStringLiteral("--json")});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + u' ' + result.out));
    const QJsonObject object = document.object();
    QCOMPARE(object.value(QLatin1String("allPassed")), QJsonValue(false));
    const QJsonArray checks = object.value(QLatin1String("checks")).toArray();
    QVERIFY(checks.size() >= 13);
    bool digestFailed = false;
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        QVERIFY2(check.value(QLatin1String("name")).isString() && check.value(QLatin1String("ok")).isBool()
                     && check.value(QLatin1String("detail")).isString(),
                 QJsonDocument(check).toJson().constData());
        if (check.value(QLatin1String("name")).toString() == QLatin1String("document digest"))
            digestFailed = !check.value(QLatin1String("ok")).toBool();
    }
    QVERIFY(digestFailed);
}

void TestSignFileCli::unrelatedRootFailsChain()
{
    const QString pdf = copyOfMoved(QStringLiteral("unrelated-root"));
    QVERIFY2(!pdf.isEmpty(), "needs verifyMovedDocument");
    const QString tlsCa = simulatorStateDir() + QStringLiteral("/ca.pem"); // the simulator's TLS CA, not its signing root
    QVERIFY(QFileInfo::exists(tlsCa));

    const CliRun result = run({QStringLiteral("verify"), pdf, QStringLiteral("--root"), tlsCa});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    const QMap<QString, QString> checks = checkLines(result.out);
    QCOMPARE(checks.value(QStringLiteral("certificate chain")), QStringLiteral("FAILED"));
    QCOMPARE(checks.value(QStringLiteral("document digest")), QStringLiteral("ok"));
    QVERIFY2(result.out.contains(QLatin1String("\n  certificate chain: ")), result.describe().constData());
    QVERIFY2(!result.out.contains(QLatin1String("local simulator signing root")), result.describe().constData());
}

void TestSignFileCli::signFileJson()
{
    const QString folder = m_dir.filePath(QStringLiteral("json"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = folder + QStringLiteral("/offer.pdf");
    QVERIFY(writeFile(pdf, minimalPdf("Offer 7")));

    const CliRun result = run({QStringLiteral("sign-file"), pdf, QStringLiteral("--simulator"), QStringLiteral("--json")});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8(), &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString() + u' ' + result.out));
    QCOMPARE(object.value(QLatin1String("status")).toString(), QStringLiteral("complete"));
    QVERIFY(!object.value(QLatin1String("orderRef")).toString().isEmpty());
    QCOMPARE(object.value(QLatin1String("receipt")).toString(), Receipt::defaultPathFor(pdf));
    QCOMPARE(object.value(QLatin1String("receiptExisted")), QJsonValue(false));
    const TestPerson person = TestPerson::builtIn().first();
    const QJsonObject signer = object.value(QLatin1String("signer")).toObject();
    QCOMPARE(signer.value(QLatin1String("name")).toString(), person.name());
    QCOMPARE(signer.value(QLatin1String("personalNumberMasked")).toString(), person.personalNumber.left(8) + QStringLiteral("****"));
    QVERIFY(!result.out.contains(person.personalNumber));
    const QJsonObject document = object.value(QLatin1String("document")).toObject();
    QCOMPARE(document.value(QLatin1String("fileName")).toString(), QStringLiteral("offer.pdf"));
    QCOMPARE(document.value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(readFile(pdf), QCryptographicHash::Sha256).toHex()));
    QVERIFY(QFileInfo::exists(Receipt::defaultPathFor(pdf)));
}

// ---------------------------------------------------------------------------------------------------------
// Errors.

void TestSignFileCli::signFileOfMissingFileFailsBeforeAnyOrder()
{
    // A data folder of its own: after the run, the embedded simulator must not even have been started.
    const QString freshHome = m_dir.filePath(QStringLiteral("fresh-data"));
    QVERIFY(QDir().mkpath(freshHome));
    const QString missing = m_dir.filePath(QStringLiteral("no-such-contract.pdf"));
    const CliRun result = run({QStringLiteral("sign-file"), missing, QStringLiteral("--simulator")}, freshHome);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.startsWith(QLatin1String("bankid-cli: ")), result.describe().constData());
    QVERIFY2(result.err.contains(missing), result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("does not exist")), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(!QFileInfo::exists(freshHome + QStringLiteral("/BankID Desk")), "no simulator was started");
}

void TestSignFileCli::signFileOfFolder()
{
    const QString folder = m_dir.filePath(QStringLiteral("a-folder.pdf"));
    QVERIFY(QDir().mkpath(folder));
    const CliRun result = run({QStringLiteral("sign-file"), folder, QStringLiteral("--simulator")});
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(folder) && result.err.contains(QLatin1String("is a folder")), result.describe().constData());
}

void TestSignFileCli::signFileInUnwritableFolder()
{
    if (::geteuid() == 0)
        QSKIP("running as root: a folder without write permission is still writable for root");
    const QString folder = m_dir.filePath(QStringLiteral("read-only"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = folder + QStringLiteral("/contract.pdf");
    QVERIFY(writeFile(pdf, m_pdf));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const CliRun result = run({QStringLiteral("sign-file"), pdf, QStringLiteral("--simulator")});
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains(pdf), result.describe().constData());
    QVERIFY2(result.err.contains(QStringLiteral("its folder %1 is not writable").arg(folder)), result.describe().constData());
    QVERIFY(!QFileInfo::exists(Receipt::defaultPathFor(pdf)));
}

// Every receipt name ReceiptWriter may use (FILE.bankid-receipt.json, -2 ... -999) is taken: the order
// completes, the receipt cannot be written, and the whole receipt goes to stdout (exit 1) so nothing is lost.
// (Works as root too, unlike a read-only folder.)
void TestSignFileCli::receiptNotWrittenGoesToStdout()
{
    const QString folder = m_dir.filePath(QStringLiteral("all-names-taken"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = folder + QStringLiteral("/contract.pdf");
    QVERIFY(writeFile(pdf, m_pdf));
    QVERIFY(writeFile(Receipt::defaultPathFor(pdf), "taken\n"));
    for (int n = 2; n <= 999; ++n)
        QVERIFY(writeFile(pdf + QStringLiteral(".bankid-receipt-%1.json").arg(n), "taken\n"));

    const CliRun result = run({QStringLiteral("sign-file"), pdf, QStringLiteral("--simulator"), QStringLiteral("--json")});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("its receipt could not be written")), result.describe().constData());
    QVERIFY2(result.err.contains(QLatin1String("contract.pdf.bankid-receipt.json")), result.describe().constData());
    QString error;
    const auto receipt = Receipt::fromJson(result.out.toUtf8(), &error);
    QVERIFY2(receipt, qPrintable(error + u' ' + QString::fromUtf8(result.describe())));
    QCOMPARE(receipt->documentSha256, QCryptographicHash::hash(m_pdf, QCryptographicHash::Sha256));
    QCOMPARE(readFile(Receipt::defaultPathFor(pdf)), QByteArray("taken\n")); // nothing was overwritten
}

void TestSignFileCli::riskVerdictDecidesReceipt_data()
{
    QTest::addColumn<int>("risk"); ///< sim::OrderRisk
    QTest::addColumn<int>("exitCode");
    QTest::newRow("low") << int(sim::OrderRisk::Low) << 0;
    // completionData.risk "high": OrderSession fails the order (OrderFailure::Kind::RiskBlocked).
    QTest::newRow("high") << int(sim::OrderRisk::High) << 1;
    // BankID blocks it itself: failed transactionRiskBlocked.
    QTest::newRow("blocked") << int(sim::OrderRisk::Blocked) << 1;
}

// sign-file asks for BankID's risk verdict (returnRisk:true, recorded in the receipt) against a simulator the
// test starts (automatic user, real mutual TLS), and writes no receipt for an order BankID rates as high risk
// or blocks: exit 1 with one sentence, and the folder holds the document only.
void TestSignFileCli::riskVerdictDecidesReceipt()
{
    QFETCH(int, risk);
    QFETCH(int, exitCode);
    test::SimulatorFixture fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.errorString()));
    sim::SimulatorOptions options = fixture.autoOptions();
    options.risk = sim::OrderRisk(risk);
    const QString error = fixture.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString folder = m_dir.filePath(QStringLiteral("risk-%1").arg(QLatin1String(QTest::currentDataTag())));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = folder + QStringLiteral("/contract.pdf");
    QVERIFY(writeFile(pdf, m_pdf));
    const QString passwordVariable = QStringLiteral("BANKID_SIGN_FILE_TEST_PASSWORD");
    QProcessEnvironment env = environment(dataHome());
    env.insert(passwordVariable, QString::fromLatin1(sim::Simulator::clientPassword));
    CliProcess process(m_program,
                       {QStringLiteral("sign-file"), pdf, QStringLiteral("--url"), fixture.simulator()->baseUrl().toString(),
                        QStringLiteral("--ca"), fixture.simulator()->caCertificatePath(), QStringLiteral("--cert"),
                        fixture.simulator()->clientP12Path(), QStringLiteral("--password-env"), passwordVariable,
                        QStringLiteral("--lang"), QStringLiteral("en")},
                       env);
    const CliRun result = process.wait(60000);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == exitCode, result.describe().constData());
    const QString sentence = QStringLiteral("bankid-cli: BankID rates this order as high risk: it is blocked. Do not trust it.");
    if (exitCode == 0) {
        QString why;
        const auto receipt = Receipt::fromJson(readFile(Receipt::defaultPathFor(pdf)), &why);
        QVERIFY2(receipt, qPrintable(why + u' ' + QString::fromUtf8(result.describe())));
        QCOMPARE(receipt->requestBody.value(QLatin1String("returnRisk")).toBool(), true);
        QCOMPARE(receipt->collectResponse.value(QLatin1String("completionData")).toObject().value(QLatin1String("risk")).toString(),
                 QStringLiteral("low"));
        QVERIFY2(!result.err.contains(sentence), result.describe().constData());
    } else {
        QVERIFY2(result.err.contains(sentence), result.describe().constData());
        QVERIFY2(result.out.isEmpty(), result.describe().constData());
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("contract.pdf")});
    }
    fixture.stop();
}

void TestSignFileCli::verifyWithoutReceipt()
{
    const QString folder = m_dir.filePath(QStringLiteral("unsigned"));
    QVERIFY(QDir().mkpath(folder));
    const QString pdf = folder + QStringLiteral("/unsigned.pdf");
    QVERIFY(writeFile(pdf, m_pdf));
    const CliRun result = run({QStringLiteral("verify"), pdf});
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QCOMPARE(checkLines(result.out).value(QStringLiteral("receipt")), QStringLiteral("FAILED"));
    QVERIFY2(result.out.contains(QStringLiteral("\n  receipt: ")), result.describe().constData());
    QVERIFY2(result.out.contains(Receipt::defaultPathFor(pdf)), result.describe().constData());

    // A missing document with its receipt given: the document digest check names it.
    const QString gone = folder + QStringLiteral("/gone.pdf");
    const QString signedCopy = copyOfMoved(QStringLiteral("receipt-only"));
    QVERIFY2(!signedCopy.isEmpty(), "needs verifyMovedDocument");
    const CliRun missing = run({QStringLiteral("verify"), gone, Receipt::defaultPathFor(signedCopy)});
    QVERIFY2(missing.exitCode == 1, missing.describe().constData());
    QCOMPARE(checkLines(missing.out).value(QStringLiteral("document digest")), QStringLiteral("FAILED"));
    QVERIFY2(missing.out.contains(gone), missing.describe().constData());
}

void TestSignFileCli::verifyUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString doc = m_dir.filePath(QStringLiteral("x.pdf"));
    const QString noRoot = m_dir.filePath(QStringLiteral("no-such-root.pem"));
    QTest::newRow("no_file") << QStringList{QStringLiteral("verify")} << QStringLiteral("verify needs FILE");
    QTest::newRow("three_words") << QStringList{QStringLiteral("verify"), doc, QStringLiteral("r.json"), QStringLiteral("extra")}
                                 << QStringLiteral("not also 'extra'");
    QTest::newRow("bad_at") << QStringList{QStringLiteral("verify"), doc, QStringLiteral("--at"), QStringLiteral("yesterday")}
                            << QStringLiteral("--at: 'yesterday' is not an ISO 8601 date");
    QTest::newRow("missing_root") << QStringList{QStringLiteral("verify"), doc, QStringLiteral("--root"), noRoot}
                                  << noRoot;
}

void TestSignFileCli::verifyUsageErrors()
{
    expectUsageError();
}

void TestSignFileCli::expectUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QVERIFY2(result.finished, result.describe().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.startsWith(QLatin1String("bankid-cli: ")), result.describe().constData());
    QVERIFY2(result.err.contains(message), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
}

void TestSignFileCli::signFileUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString doc = m_dir.filePath(QStringLiteral("x.pdf"));
    QTest::newRow("no_file") << QStringList{QStringLiteral("sign-file"), QStringLiteral("--simulator")}
                             << QStringLiteral("sign-file needs FILE");
    QTest::newRow("two_files") << QStringList{QStringLiteral("sign-file"), doc, QStringLiteral("y.pdf"), QStringLiteral("--simulator")}
                               << QStringLiteral("sign-file takes one FILE, not also 'y.pdf'");
    QTest::newRow("text") << QStringList{QStringLiteral("sign-file"), doc, QStringLiteral("--simulator"), QStringLiteral("--text"), QStringLiteral("x")}
                          << QStringLiteral("--text does not apply to sign-file");
    QTest::newRow("no_cert") << QStringList{QStringLiteral("sign-file"), doc} << QStringLiteral("--cert is required");
}

void TestSignFileCli::signFileUsageErrors()
{
    expectUsageError();
}

QTEST_GUILESS_MAIN(TestSignFileCli)
#include "TestSignFileCli.moc"
