// `bankid-cli verify-signature`: evidence made by the simulator's signing PKI (good, tampered, revoked, with
// and without --root / --ocsp / --at / --json) and BankID's own test-environment signature, through the
// command class in process and through the built binary (QProcess): exit codes 0 / 1 / 2, every check and
// the signer printed, each failure named. The binary part is skipped when bankid-cli is not built.

#include "CliProcess.h"
#include "EvidencePki.h"
#include "OcspResponder.h"
#include "SignatureDocument.h"
#include "TestConfig.h"
#include "TestPerson.h"
#include "Translations.h"
#include "VerifySignatureCommand.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;
using bankid::sim::CertifiedKey;
using bankid::sim::EvidencePki;
using bankid::sim::OcspResponder;
using bankid::sim::SignatureDocument;
using bankid::sim::TestPerson;

class TestVerifySignatureCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verifies_data();
    void verifies();
    void jsonHasOneCheckObjectPerCheck();
    void usageErrors_data();
    void usageErrors();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &data);
    /// Runs the command in process; when the binary exists, runs it too and checks it agrees.
    void runBoth(const QStringList &words, int *code, QString *output, QString *error);

    QTemporaryDir m_dir;
    QString m_program;
};

void TestVerifySignatureCli::write(const QString &name, const QByteArray &data)
{
    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(data), data.size());
}

void TestVerifySignatureCli::initTestCase()
{
    // The in-process half must read like the binary, which installs the (English) catalogue at start.
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QVERIFY(m_dir.isValid());
    m_program = QDir(qEnvironmentVariable("BANKID_BIN_DIR", QStringLiteral(BANKID_BIN_DIR))).filePath(QStringLiteral("bankid-cli"));
    if (!QFileInfo(m_program).isExecutable())
        qWarning("bankid-cli is not built at %s: only the in-process command is tested", qPrintable(m_program));

    EvidencePki pki(path(QStringLiteral("pki")));
    QString error;
    QVERIFY2(pki.ensure(&error), qPrintable(error));
    const TestPerson person = TestPerson::builtIn().at(3); // Åsa Öberg: non-ASCII name end to end
    const CertifiedKey user = pki.userFor(person, &error);
    SignatureDocument::Content content;
    content.userVisibleData = QByteArray("Godkänn köpet").toBase64();
    content.userNonVisibleData = QByteArray("id=9").toBase64();
    content.funcId = QStringLiteral("Signing");
    content.nonce = QByteArray("nonce").toBase64();
    content.uhi = QByteArray("uhi");
    const QByteArray xml = SignatureDocument::sign(content, user, &error);
    QVERIFY2(!xml.isEmpty(), qPrintable(error));
    const OcspResponder responder(pki.ocspResponder(), pki.bankCa().certificate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    write(QStringLiteral("good.b64"), xml.toBase64() + '\n');
    write(QStringLiteral("good.xml"), xml);
    write(QStringLiteral("good.ocsp"), responder.respond(user.certificate, xml.toBase64(), now, std::nullopt, &error).toBase64());
    write(QStringLiteral("good.der"), responder.respond(user.certificate, xml.toBase64(), now, std::nullopt, &error));
    write(QStringLiteral("revoked.ocsp"), responder.respond(user.certificate, xml.toBase64(), now, now.addSecs(-10), &error));
    QByteArray tampered = xml;
    tampered.replace(content.userVisibleData, QByteArray("Godkänn köpet!").toBase64());
    write(QStringLiteral("tampered.b64"), tampered.toBase64());
    QFile::copy(pki.rootPath(), path(QStringLiteral("root.pem")));
    write(QStringLiteral("other-root.pem"), EvidencePki::createRoot(QStringLiteral("Other Root"), &error).certificatePem);
    write(QStringLiteral("empty"), QByteArray());
    write(QStringLiteral("not-pem"), QByteArray("hello"));
}

void TestVerifySignatureCli::runBoth(const QStringList &words, int *code, QString *output, QString *error)
{
    // In process: the same parse as CliOptions does for these words.
    QStringList positional;
    QString ocsp;
    QStringList roots;
    QString at;
    bool json = false;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words.at(i) == QLatin1String("--ocsp"))
            ocsp = words.value(++i);
        else if (words.at(i) == QLatin1String("--root"))
            roots.append(words.value(++i));
        else if (words.at(i) == QLatin1String("--at"))
            at = words.value(++i);
        else if (words.at(i) == QLatin1String("--json"))
            json = true;
        else
            positional.append(words.at(i));
    }
    VerifySignatureCommand::Arguments arguments;
    if (const QString problem = VerifySignatureCommand::parse(positional, ocsp, roots, at, &arguments); !problem.isEmpty()) {
        *code = 2;
        output->clear();
        *error = problem;
    } else {
        arguments.json = json;
        const VerifySignatureCommand::Result result = VerifySignatureCommand::run(arguments);
        *code = int(result.code);
        *output = result.output;
        *error = result.error;
    }

    if (!QFileInfo(m_program).isExecutable())
        return; // initTestCase said so; the in-process run above is the test then
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.remove(QStringLiteral("LANGUAGE"));
    test::CliProcess process(m_program, QStringList{QStringLiteral("verify-signature")} + words, environment);
    const test::CliRun binary = process.wait(30000);
    QVERIFY2(binary.finished, binary.describe().constData());
    QCOMPARE(binary.exitStatus, QProcess::NormalExit);
    QCOMPARE(binary.exitCode, *code);
    const QString &binaryOut = binary.out;
    const QString &binaryErr = binary.err;
    // Same checks and verdict lines. Without --at and OCSP the verification time is "now", which the binary
    // (started after the in-process run, later still on a loaded machine) may see a second or more later: the
    // "Verified as of" line is dropped and the time after "as of " in a check's detail is masked.
    auto stable = [](const QString &text) {
        static const QRegularExpression asOfTime(QStringLiteral("as of \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
        QStringList lines = text.split(u'\n');
        lines.removeIf([](const QString &line) {
            return line.startsWith(QLatin1String("Verified as of")) || line.contains(QLatin1String("verifiedAsOf"));
        });
        for (QString &line : lines)
            line.replace(asOfTime, QStringLiteral("as of <time>"));
        return lines;
    };
    QCOMPARE(stable(binaryOut), stable(*output));
    if (!error->isEmpty())
        QVERIFY2(binaryErr.contains(*error), qPrintable(binaryErr));
}

void TestVerifySignatureCli::verifies_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("outputParts");

    const QString root = path(QStringLiteral("root.pem"));
    QTest::newRow("simulator_evidence_base64_all_checks_pass")
        << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--ocsp"), path(QStringLiteral("good.ocsp")),
                       QStringLiteral("--root"), root}
        << 0
        << QStringList{QStringLiteral("ok       ocsp nonce"), QStringLiteral("Signer: Åsa Öberg, personal number 200008249013"),
                       QStringLiteral("funcId: Signing"), QStringLiteral("usrVisibleData: Godkänn köpet"),
                       QStringLiteral("Result: every check that ran passed.")};
    QTest::newRow("decoded_xml_and_der_ocsp")
        << QStringList{path(QStringLiteral("good.xml")), QStringLiteral("--ocsp"), path(QStringLiteral("good.der")),
                       QStringLiteral("--root"), root}
        << 0 << QStringList{QStringLiteral("ok       ocsp status")};
    QTest::newRow("without_ocsp_the_ocsp_checks_do_not_run")
        << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--root"), root} << 0
        << QStringList{QStringLiteral("not run  ocsp signature"), QStringLiteral("Signing time: unknown")};
    QTest::newRow("tampered_document_names_the_digest")
        << QStringList{path(QStringLiteral("tampered.b64")), QStringLiteral("--ocsp"), path(QStringLiteral("good.ocsp")),
                       QStringLiteral("--root"), root}
        << 1
        << QStringList{QStringLiteral("FAILED   reference bidSignedData"), QStringLiteral("ok       signature value"),
                       QStringLiteral("  ocsp nonce: the nonce belongs to another signature")};
    QTest::newRow("revoked_certificate")
        << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--ocsp"), path(QStringLiteral("revoked.ocsp")),
                       QStringLiteral("--root"), root}
        << 1 << QStringList{QStringLiteral("  ocsp status: revoked at")};
    QTest::newRow("other_root_names_ours_as_missing")
        << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--root"), path(QStringLiteral("other-root.pem"))}
        << 1 << QStringList{QStringLiteral("the root \"/C=SE/O=BankID Desk Simulator/CN=BankID Desk Simulator Signing Root\"")};
    QTest::newRow("as_of_before_the_certificates_existed")
        << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--root"), root, QStringLiteral("--at"),
                       QStringLiteral("2001-01-01T00:00:00Z")}
        << 1 << QStringList{QStringLiteral("certificate is not yet valid"), QStringLiteral("Verified as of: 2001-01-01T00:00:00Z")};
    QTest::newRow("bankid_test_signature_misses_bankids_root")
        << QStringList{QStringLiteral(BANKID_TEST_DATA_DIR "/evidence/bankid-test-signature.b64"), QStringLiteral("--root"),
                       QStringLiteral(BANKID_SOURCE_DIR "/resources/certs/bankid-test-root.pem"), QStringLiteral("--at"),
                       QStringLiteral("2022-09-13T08:34:00")}
        << 1
        << QStringList{QStringLiteral("ok       reference bidSignedData"), QStringLiteral("ok       reference bidKeyInfo"),
                       QStringLiteral("ok       signature value"), QStringLiteral("Signer: Tolvan Tolvansson, personal number 191212121212"),
                       QStringLiteral("funcId: Identification"), QStringLiteral("usrVisibleData: signeringstext"),
                       QStringLiteral("1 check failed:\n  certificate chain: the root \"/O=Finansiell ID-Teknik BID AB/OU=BankID "
                                      "Member Banks CA/CN=Test BankID Root CA v1 Test\" is not among the trusted roots")};
}

void TestVerifySignatureCli::verifies()
{
    QFETCH(QStringList, words);
    QFETCH(int, exitCode);
    QFETCH(QStringList, outputParts);

    int code = -1;
    QString output;
    QString error;
    runBoth(words, &code, &output, &error);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(code, exitCode);
    for (const QString &part : outputParts)
        QVERIFY2(output.contains(part), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(part, output)));
    // Every check is printed, once.
    for (const QString &name : {QStringLiteral("xml"), QStringLiteral("certificate chain"), QStringLiteral("ocsp time"),
                                QStringLiteral("usrNonVisibleData")})
        QVERIFY2(output.contains(u' ' + name + u' '), qPrintable(name));
}

void TestVerifySignatureCli::jsonHasOneCheckObjectPerCheck()
{
    int code = -1;
    QString output;
    QString error;
    runBoth({path(QStringLiteral("good.b64")), QStringLiteral("--ocsp"), path(QStringLiteral("revoked.ocsp")),
             QStringLiteral("--root"), path(QStringLiteral("root.pem")), QStringLiteral("--json")},
            &code, &output, &error);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(code, 1);
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(output.toUtf8(), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(json.value(QLatin1String("allPassed")).toBool(true), false);
    const QJsonArray checks = json.value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), 11);
    QStringList failed;
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        QVERIFY(check.contains(QLatin1String("name")) && check.contains(QLatin1String("ok")) && check.contains(QLatin1String("detail")));
        if (check.value(QLatin1String("ok")) == QJsonValue(false))
            failed << check.value(QLatin1String("name")).toString();
    }
    QCOMPARE(failed, QStringList{QStringLiteral("ocsp status")});
    QCOMPARE(json.value(QLatin1String("signer")).toObject().value(QLatin1String("personalNumber")).toString(),
             QStringLiteral("200008249013"));
    QCOMPARE(json.value(QLatin1String("funcId")).toString(), QStringLiteral("Signing"));
    QCOMPARE(json.value(QLatin1String("usrNonVisibleData")).toString(), QString::fromLatin1(QByteArray("id=9").toBase64()));
}

void TestVerifySignatureCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("no_signature_file") << QStringList{} << QStringLiteral("needs SIG");
    QTest::newRow("two_signature_files") << QStringList{path(QStringLiteral("good.b64")), path(QStringLiteral("good.xml"))}
                                         << QStringLiteral("not also");
    QTest::newRow("unreadable_signature") << QStringList{path(QStringLiteral("missing.b64"))}
                                          << QStringLiteral("missing.b64 does not exist");
    // Every file is read bounded and only when regular (BoundedFileReader): a device is refused, not read.
    QTest::newRow("ocsp_is_a_device") << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--ocsp"),
                                                     QStringLiteral("/dev/zero")}
                                      << QStringLiteral("/dev/zero is not a regular file");
    QTest::newRow("root_is_a_device") << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--root"),
                                                     QStringLiteral("/dev/zero")}
                                      << QStringLiteral("/dev/zero is not a regular file");
    QTest::newRow("unreadable_ocsp") << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--ocsp"),
                                                    path(QStringLiteral("missing.ocsp"))}
                                     << QStringLiteral("missing.ocsp");
    QTest::newRow("empty_ocsp") << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--ocsp"), path(QStringLiteral("empty"))}
                                << QStringLiteral("--ocsp");
    QTest::newRow("root_without_pem") << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--root"),
                                                     path(QStringLiteral("not-pem"))}
                                      << QStringLiteral("--root");
    QTest::newRow("bad_time") << QStringList{path(QStringLiteral("good.b64")), QStringLiteral("--at"), QStringLiteral("13/09/2022")}
                              << QStringLiteral("--at");
}

void TestVerifySignatureCli::usageErrors()
{
    QFETCH(QStringList, words);
    QFETCH(QString, errorPart);

    int code = -1;
    QString output;
    QString error;
    runBoth(words, &code, &output, &error);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(code, 2);
    QVERIFY2(error.contains(errorPart), qPrintable(error));
    QVERIFY(output.isEmpty());
}

QTEST_GUILESS_MAIN(TestVerifySignatureCli)
#include "TestVerifySignatureCli.moc"
