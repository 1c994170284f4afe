// ReceiptVerifier end to end on real evidence: a generated document is signed on the in-process simulator
// over mutual TLS exactly as a front end does it (DocumentSignRequest → OrderSession → Receipt →
// ReceiptWriter), the simulator is stopped (verification is offline), and then the document/receipt pair
// is verified as written, after moving, and with each kind of tampering.

#include "EvidenceRoots.h"
#include "Receipt.h"
#include "ReceiptVerifier.h"
#include "ReceiptWriter.h"
#include "SignedDocumentFixture.h"
#include "Simulator.h"
#include "SimulatorFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile::remove(path);
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QSet<QString> namesWith(const ReceiptReport &report, VerificationCheck::Outcome outcome)
{
    QSet<QString> names;
    for (const VerificationCheck &check : report.checks) {
        if (check.outcome == outcome)
            names.insert(check.name);
    }
    return names;
}

QString describe(const ReceiptReport &report)
{
    QStringList lines;
    for (const VerificationCheck &check : report.checks)
        lines.append(QStringLiteral("%1 [%2] %3").arg(check.name, VerificationCheck::outcomeName(check.outcome), check.detail));
    return lines.join(QLatin1Char('\n'));
}

/// Every check passed except exactly `failed`.
#define VERIFY_ONLY_FAILED(report, ...)                                                                           \
    do {                                                                                                          \
        const QSet<QString> expectedFailed{__VA_ARGS__};                                                          \
        QVERIFY2(!(report).allPassed(), qPrintable(describe(report)));                                            \
        QCOMPARE(namesWith((report), VerificationCheck::Outcome::Failed), expectedFailed);                        \
        QCOMPARE(namesWith((report), VerificationCheck::Outcome::NotRun), QSet<QString>());                       \
    } while (false)

QJsonObject withMember(QJsonObject object, const QStringList &path, const QJsonValue &value)
{
    const QString key = path.first();
    if (path.size() == 1) {
        object.insert(key, value);
        return object;
    }
    object.insert(key, withMember(object.value(key).toObject(), path.mid(1), value));
    return object;
}

} // namespace

class TestReceiptVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void writtenReceiptPasses();
    void movedPairStillPasses();
    void flippedDocumentByteFailsBothDigests();
    void receiptDigestEditedToMatchStillFailsSignedDigest();
    void wrongRootFailsTheChain();
    void noRootFailsTheChain();
    void localSimulatorRootsOnlyForSimulatorReceipts();
    void editedNonVisibleDataFails();
    void editedSignerFails();
    void missingDocumentNamesIt();
    void missingReceiptStopsEverything();
    void truncatedReceiptNamesTheProblem();
    void reportJson();
    void evidenceRootsLoadAndDescribe();
    void mutatedReceiptsNeverCrash();

private:
    /// Copies the signed pair into a fresh folder; returns {document, receipt}.
    std::pair<QString, QString> freshCopy(const QString &folderName);
    ReceiptVerifier::Options options() const;

    test::SimulatorFixture m_fixture;
    QTemporaryDir m_dir;
    QString m_document;
    QString m_receipt;
    QString m_signingRoot;
    QString m_tlsCa;
    QList<QSslCertificate> m_roots;
    int m_copies = 0;
};

void TestReceiptVerifier::initTestCase()
{
    QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));

    // A "PDF" with every byte value, big enough to span more than one read chunk.
    QByteArray content("%PDF-1.7\n");
    QRandomGenerator random(7);
    while (content.size() < 1500 * 1024)
        content.append(char(random.bounded(256)));
    m_document = m_dir.filePath(QStringLiteral("Avtal *slutversion* #2.pdf"));
    QVERIFY(writeAll(m_document, content));

    const QString error0 = m_fixture.start(m_fixture.autoOptions());
    QVERIFY2(error0.isEmpty(), qPrintable(error0));
    QString error;
    const auto receipt = test::signDocumentOnSimulator(m_fixture, m_document, &error);
    QVERIFY2(receipt.has_value(), qPrintable(error));
    m_signingRoot = m_fixture.simulator()->signingRootPath();
    m_tlsCa = m_fixture.simulator()->caCertificatePath();
    // Verification is offline: no simulator from here on.
    m_fixture.stop();

    m_receipt = ReceiptWriter::write(*receipt, m_document, &error);
    QVERIFY2(!m_receipt.isEmpty(), qPrintable(error));
    QCOMPARE(m_receipt, Receipt::defaultPathFor(m_document));

    m_roots = EvidenceRoots::load({m_signingRoot}, &error);
    QVERIFY2(!m_roots.isEmpty(), qPrintable(error));
}

void TestReceiptVerifier::init()
{
    QVERIFY(!m_receipt.isEmpty());
}

std::pair<QString, QString> TestReceiptVerifier::freshCopy(const QString &folderName)
{
    const QString folder = m_dir.filePath(QStringLiteral("%1-%2").arg(folderName).arg(++m_copies));
    QDir().mkpath(folder);
    const QString document = folder + QLatin1Char('/') + QFileInfo(m_document).fileName();
    const QString receipt = Receipt::defaultPathFor(document);
    QFile::copy(m_document, document);
    QFile::copy(m_receipt, receipt);
    return {document, receipt};
}

ReceiptVerifier::Options TestReceiptVerifier::options() const
{
    ReceiptVerifier::Options options;
    options.roots = m_roots;
    options.rootsDescription = EvidenceRoots::describe({m_signingRoot}, m_roots);
    return options;
}

void TestReceiptVerifier::writtenReceiptPasses()
{
    const ReceiptReport report = ReceiptVerifier::verify(m_document, m_receipt, options());
    QVERIFY2(report.allPassed(), qPrintable(describe(report)));
    QStringList names;
    for (const VerificationCheck &check : report.checks)
        names.append(check.name);
    QCOMPARE(names, ReceiptReport::checkNames());
    QVERIFY(report.failures().isEmpty());
    QVERIFY(report.receipt.has_value());
    QCOMPARE(report.receipt->environmentName, QStringLiteral("simulator"));
    QCOMPARE(report.evidence.funcId, QStringLiteral("Signing"));
    QVERIFY(!report.evidence.signerName.isEmpty());
    QCOMPARE(report.evidence.signerName, report.receipt->signerName());
    QVERIFY(report.evidence.signingTime.has_value());
    QCOMPARE(report.documentPath, m_document);
    QCOMPARE(report.receiptPath, m_receipt);
    QVERIFY(report.trustedRootsDescription.contains(m_signingRoot));
    // The signer's personal number is shown masked in the details, never in clear.
    const QString number = report.receipt->signerPersonalNumber();
    QCOMPARE(number.size(), 12);
    for (const VerificationCheck &check : report.checks)
        QVERIFY2(!check.detail.contains(number), qPrintable(check.name));
    QVERIFY(report.check(QStringLiteral("signer")).detail.contains(number.left(8) + QStringLiteral("****")));
}

void TestReceiptVerifier::movedPairStillPasses()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("staging"));
    const QString archive = m_dir.filePath(QStringLiteral("archive/2026/november"));
    QVERIFY(QDir().mkpath(archive));
    const QString movedDocument = archive + QStringLiteral("/") + QFileInfo(document).fileName();
    const QString movedReceipt = Receipt::defaultPathFor(movedDocument);
    QVERIFY(QFile::rename(document, movedDocument));
    QVERIFY(QFile::rename(receipt, movedReceipt));

    const ReceiptReport report = ReceiptVerifier::verify(movedDocument, movedReceipt, options());
    QVERIFY2(report.allPassed(), qPrintable(describe(report)));
}

void TestReceiptVerifier::flippedDocumentByteFailsBothDigests()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("flipped"));
    QByteArray bytes = readAll(document);
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x01);
    QVERIFY(writeAll(document, bytes));

    const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
    VERIFY_ONLY_FAILED(report, QStringLiteral("document digest"), QStringLiteral("signed digest"));
    const QString detail = report.check(QStringLiteral("document digest")).detail;
    QVERIFY2(detail.contains(QString::fromLatin1(report.receipt->documentSha256.toHex().left(16))), qPrintable(detail));
    QVERIFY2(detail.contains(QString::number(bytes.size())), qPrintable(detail));
    QCOMPARE(report.failures().size(), 2);
}

void TestReceiptVerifier::receiptDigestEditedToMatchStillFailsSignedDigest()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("edited-digest"));
    QByteArray bytes = readAll(document);
    bytes[100] = char(bytes.at(100) ^ 0x40);
    QVERIFY(writeAll(document, bytes));
    QJsonObject json = QJsonDocument::fromJson(readAll(receipt)).object();
    json = withMember(json, {QStringLiteral("document"), QStringLiteral("sha256")},
                      QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QVERIFY(writeAll(receipt, QJsonDocument(json).toJson()));

    const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
    VERIFY_ONLY_FAILED(report, QStringLiteral("signed digest"));
    QVERIFY(report.check(QStringLiteral("document digest")).passed());
}

void TestReceiptVerifier::wrongRootFailsTheChain()
{
    // A real root certificate, just not the one that issued the signer: the simulator's TLS CA.
    QString error;
    ReceiptVerifier::Options wrong;
    wrong.roots = EvidenceRoots::load({m_tlsCa}, &error);
    QVERIFY2(!wrong.roots.isEmpty(), qPrintable(error));
    QVERIFY(wrong.roots.first() != m_roots.first());

    const ReceiptReport report = ReceiptVerifier::verify(m_document, m_receipt, wrong);
    QVERIFY(!report.allPassed());
    QVERIFY2(report.check(QStringLiteral("certificate chain")).failed(), qPrintable(describe(report)));
    // What does not depend on the root still passes.
    for (const QString &name : {QStringLiteral("receipt"), QStringLiteral("document digest"), QStringLiteral("signed digest"),
                                QStringLiteral("signer"), QStringLiteral("xml"), QStringLiteral("reference bidSignedData"),
                                QStringLiteral("reference bidKeyInfo"), QStringLiteral("signature value"),
                                QStringLiteral("usrVisibleData"), QStringLiteral("usrNonVisibleData")})
        QVERIFY2(report.check(name).passed(), qPrintable(name + QStringLiteral(": ") + report.check(name).detail));
}

void TestReceiptVerifier::noRootFailsTheChain()
{
    const ReceiptReport report = ReceiptVerifier::verify(m_document, m_receipt, ReceiptVerifier::Options{});
    QVERIFY(!report.allPassed());
    QVERIFY2(report.check(QStringLiteral("certificate chain")).failed(), qPrintable(describe(report)));
}

void TestReceiptVerifier::localSimulatorRootsOnlyForSimulatorReceipts()
{
    // The trust-root policy lives in ReceiptVerifier: with no root given, a receipt that says "simulator" is
    // checked against the local simulator roots, and the report says it is not a BankID signature.
    ReceiptVerifier::Options local;
    local.localSimulatorRootFiles = {m_signingRoot};
    local.rootsDescription = QStringLiteral("none given");
    const ReceiptReport simulatorReport = ReceiptVerifier::verify(m_document, m_receipt, local);
    QVERIFY2(simulatorReport.allPassed(), qPrintable(describe(simulatorReport)));
    QVERIFY(simulatorReport.trustedLocalSimulatorRoots);
    QVERIFY2(simulatorReport.trustedRootsDescription.contains(QStringLiteral("not a BankID signature"))
                 && simulatorReport.trustedRootsDescription.contains(m_signingRoot),
             qPrintable(simulatorReport.trustedRootsDescription));

    // Roots given: those only, never the local ones.
    ReceiptVerifier::Options given = options();
    given.localSimulatorRootFiles = {m_signingRoot};
    QVERIFY(!ReceiptVerifier::verify(m_document, m_receipt, given).trustedLocalSimulatorRoots);

    // The same evidence relabelled "production": the local simulator roots are not offered, the chain fails.
    const auto [document, receipt] = freshCopy(QStringLiteral("relabelled"));
    QJsonObject json = QJsonDocument::fromJson(readAll(receipt)).object();
    json = withMember(json, {QStringLiteral("environment"), QStringLiteral("name")}, QStringLiteral("production"));
    QVERIFY(writeAll(receipt, QJsonDocument(json).toJson()));
    const ReceiptReport relabelled = ReceiptVerifier::verify(document, receipt, local);
    QVERIFY(!relabelled.trustedLocalSimulatorRoots);
    QCOMPARE(relabelled.trustedRootsDescription, QStringLiteral("none given"));
    QVERIFY2(relabelled.check(QStringLiteral("certificate chain")).failed(), qPrintable(describe(relabelled)));
}

void TestReceiptVerifier::editedNonVisibleDataFails()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("edited-request"));
    QJsonObject json = QJsonDocument::fromJson(readAll(receipt)).object();
    const QByteArray other = "sha256:" + QByteArray(64, 'a');
    json = withMember(json, {QStringLiteral("request"), QStringLiteral("body"), QStringLiteral("userNonVisibleData")},
                      QString::fromLatin1(other.toBase64()));
    QVERIFY(writeAll(receipt, QJsonDocument(json).toJson()));

    const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
    VERIFY_ONLY_FAILED(report, QStringLiteral("usrNonVisibleData"));
}

void TestReceiptVerifier::editedSignerFails()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("edited-signer"));
    QJsonObject json = QJsonDocument::fromJson(readAll(receipt)).object();
    json = withMember(json, {QStringLiteral("collectResponse"), QStringLiteral("completionData"), QStringLiteral("user"),
                             QStringLiteral("name")},
                      QStringLiteral("Someone Else"));
    QVERIFY(writeAll(receipt, QJsonDocument(json).toJson()));

    const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
    VERIFY_ONLY_FAILED(report, QStringLiteral("signer"));
    QVERIFY(report.check(QStringLiteral("signer")).detail.contains(QStringLiteral("Someone Else")));
}

void TestReceiptVerifier::missingDocumentNamesIt()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("no-document"));
    QVERIFY(QFile::remove(document));
    const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
    QVERIFY(!report.allPassed());
    QVERIFY(report.check(QStringLiteral("document digest")).failed());
    QVERIFY2(report.check(QStringLiteral("document digest")).detail.contains(document),
             qPrintable(report.check(QStringLiteral("document digest")).detail));
    QCOMPARE(report.check(QStringLiteral("signed digest")).outcome, VerificationCheck::Outcome::NotRun);
    QVERIFY(report.check(QStringLiteral("signature value")).passed());
}

void TestReceiptVerifier::missingReceiptStopsEverything()
{
    const QString missing = m_dir.filePath(QStringLiteral("nowhere.bankid-receipt.json"));
    const ReceiptReport report = ReceiptVerifier::verify(m_document, missing, options());
    QVERIFY(!report.allPassed());
    QVERIFY(report.check(QStringLiteral("receipt")).failed());
    QVERIFY2(report.check(QStringLiteral("receipt")).detail.contains(missing), qPrintable(report.check(QStringLiteral("receipt")).detail));
    QCOMPARE(namesWith(report, VerificationCheck::Outcome::NotRun).size(), ReceiptReport::checkNames().size() - 1);
    for (const VerificationCheck &check : report.checks) {
        if (check.name != QLatin1String("receipt"))
            QVERIFY2(check.detail.contains(QStringLiteral("receipt could not be read")), qPrintable(check.detail));
    }
    QVERIFY(!report.receipt.has_value());
    QCOMPARE(report.failures().size(), ReceiptReport::checkNames().size());
}

void TestReceiptVerifier::truncatedReceiptNamesTheProblem()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("truncated"));
    const QByteArray bytes = readAll(receipt);
    QVERIFY(writeAll(receipt, bytes.left(bytes.size() * 2 / 3)));
    const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
    QVERIFY(report.check(QStringLiteral("receipt")).failed());
    const QString detail = report.check(QStringLiteral("receipt")).detail;
    QVERIFY2(detail.contains(receipt), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("not valid JSON")), qPrintable(detail));
    QCOMPARE(namesWith(report, VerificationCheck::Outcome::NotRun).size(), ReceiptReport::checkNames().size() - 1);

    // A receipt of a newer format version is refused for that reason.
    QJsonObject json = QJsonDocument::fromJson(bytes).object();
    json.insert(QStringLiteral("version"), 2);
    QVERIFY(writeAll(receipt, QJsonDocument(json).toJson()));
    const ReceiptReport newer = ReceiptVerifier::verify(document, receipt, options());
    QVERIFY2(newer.check(QStringLiteral("receipt")).detail.contains(QStringLiteral("version: 2 is newer")),
             qPrintable(newer.check(QStringLiteral("receipt")).detail));
}

void TestReceiptVerifier::reportJson()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("json"));
    QByteArray bytes = readAll(document);
    bytes.append('x');
    QVERIFY(writeAll(document, bytes));
    const QJsonObject json = ReceiptVerifier::verify(document, receipt, options()).toJson();
    QCOMPARE(json.value(QLatin1String("allPassed")).toBool(true), false);
    QCOMPARE(json.value(QLatin1String("document")).toString(), document);
    QCOMPARE(json.value(QLatin1String("receipt")).toString(), receipt);
    QVERIFY(json.value(QLatin1String("trustedRoots")).toString().contains(m_signingRoot));
    const QJsonArray checks = json.value(QLatin1String("checks")).toArray();
    QCOMPARE(checks.size(), ReceiptReport::checkNames().size());
    QCOMPARE(checks.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("document digest"));
    QCOMPARE(checks.at(1).toObject().value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(checks.at(0).toObject().value(QLatin1String("ok")).toBool(false), true);
    const QJsonObject evidence = json.value(QLatin1String("evidence")).toObject();
    QVERIFY(!evidence.contains(QLatin1String("checks")));
    QVERIFY(!evidence.value(QLatin1String("signer")).toObject().value(QLatin1String("name")).toString().isEmpty());
}

void TestReceiptVerifier::evidenceRootsLoadAndDescribe()
{
    QString error;
    // PEM, and the same certificate as DER.
    const QString der = m_dir.filePath(QStringLiteral("root.der"));
    QVERIFY(writeAll(der, m_roots.first().toDer()));
    const QList<QSslCertificate> fromDer = EvidenceRoots::load({der}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(fromDer, m_roots);

    const QString description = EvidenceRoots::describe({m_signingRoot}, m_roots);
    QVERIFY2(description.startsWith(m_signingRoot + QStringLiteral(" (CN=")), qPrintable(description));
    QVERIFY2(description.contains(QString::fromLatin1(m_roots.first().digest(QCryptographicHash::Sha256).toHex().left(16))),
             qPrintable(description));

    // Unreadable and certificate-less files are named and skipped; the good ones still load.
    const QString missing = m_dir.filePath(QStringLiteral("missing-root.pem"));
    const QString junk = m_dir.filePath(QStringLiteral("junk.pem"));
    QVERIFY(writeAll(junk, "not a certificate\n"));
    const QList<QSslCertificate> mixed = EvidenceRoots::load({missing, m_signingRoot, junk, der}, &error);
    QCOMPARE(mixed, m_roots); // the duplicate DER copy is not added twice
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY2(error.contains(junk), qPrintable(error));

    // The local simulator roots are only ever existing files named signing-root.pem.
    for (const QString &path : EvidenceRoots::localSimulatorRootPaths()) {
        QVERIFY(QFileInfo(path).isFile());
        QVERIFY(path.endsWith(QStringLiteral("/signing-root.pem")));
    }
    QVERIFY(EvidenceRoots::deskSimulatorStateDir().endsWith(QStringLiteral("/BankID Desk/bankid-desk/simulator")));
}

void TestReceiptVerifier::mutatedReceiptsNeverCrash()
{
    const auto [document, receipt] = freshCopy(QStringLiteral("fuzz"));
    const QByteArray valid = readAll(receipt);
    QRandomGenerator random(99);
    int passed = 0;
    for (int i = 0; i < 150; ++i) {
        QByteArray bytes = valid;
        if (i % 2 == 0) {
            bytes[qsizetype(random.bounded(bytes.size()))] ^= char(1 << random.bounded(8));
        } else {
            bytes.truncate(qsizetype(random.bounded(bytes.size())));
        }
        QVERIFY(writeAll(receipt, bytes));
        const ReceiptReport report = ReceiptVerifier::verify(document, receipt, options());
        QCOMPARE(report.checks.size(), ReceiptReport::checkNames().size());
        if (report.allPassed())
            ++passed; // e.g. a flip inside an ignored member or white space
        else
            QVERIFY(!report.failures().isEmpty());
    }
    QVERIFY(passed < 150);
}

QTEST_GUILESS_MAIN(TestReceiptVerifier)
#include "TestReceiptVerifier.moc"
