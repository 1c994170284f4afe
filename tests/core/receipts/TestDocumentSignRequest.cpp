// DocumentDigest on real files (known SHA-256 vectors, empty file, folder, missing file) and
// DocumentSignRequest: the userNonVisibleData format and its parse-back, and a summary that passes
// SimpleMarkdown and RequestValidator for hostile file names.

#include "DocumentDigest.h"
#include "DocumentSignRequest.h"
#include "RequestValidator.h"
#include "SimpleMarkdown.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace bankid;

namespace {

DocumentDigest digestNamed(const QString &name, qint64 size = 12345)
{
    DocumentDigest digest;
    digest.fileName = name;
    digest.size = size;
    digest.sha256 = QByteArray::fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    return digest;
}

QString describe(const SimpleMarkdown &markdown, const QString &text)
{
    return markdown.issues().isEmpty() ? QString() : markdown.issues().first().toString() + QLatin1Char('\n') + text;
}

QString describe(const QList<ValidationError> &errors)
{
    return errors.isEmpty() ? QString() : errors.first().field() + QStringLiteral(": ") + errors.first().message();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestDocumentSignRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void nonVisibleDataFormat();
    void digestFromNonVisibleData_data();
    void digestFromNonVisibleData();

    void summaryValidates_data();
    void summaryValidates();
    void summaryShowsNameSizeAndDigest();
    void summaryShortensLongNamesInTheMiddle();
    void summaryUsesTheLocaleDigitGrouping();
    void buildSetsOnlyTheSignMembers();

    void digestOfKnownFiles_data();
    void digestOfKnownFiles();
    void digestOfLargeFileStreamsInChunks();
    void digestOfFolderFails();
    void digestOfMissingFileNamesIt();

private:
    QTemporaryDir m_dir;
};

void TestDocumentSignRequest::initTestCase()
{
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
}

void TestDocumentSignRequest::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

void TestDocumentSignRequest::nonVisibleDataFormat()
{
    const DocumentDigest digest = digestNamed(QStringLiteral("a.pdf"));
    const QByteArray data = DocumentSignRequest::nonVisibleDataFor(digest);
    QCOMPARE(data, QByteArrayLiteral("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(data.size(), 71);
    QCOMPARE(digest.sha256Hex(), QString::fromLatin1(data.mid(7)));
    const auto back = DocumentSignRequest::digestFromNonVisibleData(data);
    QVERIFY(back.has_value());
    QCOMPARE(*back, digest.sha256);
}

void TestDocumentSignRequest::digestFromNonVisibleData_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("valid");

    const QByteArray hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("lowercase") << QByteArray("sha256:" + hex) << true;
    QTest::newRow("uppercase_hex") << QByteArray("sha256:" + hex.toUpper()) << true;
    QTest::newRow("mixed_case_hex") << QByteArray("sha256:" + hex.left(32).toUpper() + hex.mid(32)) << true;
    QTest::newRow("uppercase_prefix") << QByteArray("SHA256:" + hex) << false;
    QTest::newRow("other_prefix") << QByteArray("sha512:" + hex) << false;
    QTest::newRow("no_prefix") << hex << false;
    QTest::newRow("dash_prefix") << QByteArray("sha-256:" + hex) << false;
    QTest::newRow("one_digit_short") << QByteArray("sha256:" + hex.left(63)) << false;
    QTest::newRow("one_digit_long") << QByteArray("sha256:" + hex + "0") << false;
    QTest::newRow("trailing_newline") << QByteArray("sha256:" + hex + "\n") << false;
    QTest::newRow("leading_space") << QByteArray(" sha256:" + hex.left(63)) << false;
    QTest::newRow("non_hex_g") << QByteArray("sha256:" + hex.left(63) + "g") << false;
    QTest::newRow("non_hex_space") << QByteArray("sha256:" + hex.left(31) + " " + hex.mid(32)) << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("prefix_only") << QByteArray("sha256:") << false;
}

void TestDocumentSignRequest::digestFromNonVisibleData()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, valid);
    const auto digest = DocumentSignRequest::digestFromNonVisibleData(data);
    QCOMPARE(digest.has_value(), valid);
    if (valid) {
        QCOMPARE(digest->size(), 32);
        QCOMPARE(digest->toHex(), data.mid(7).toLower());
    }
}

void TestDocumentSignRequest::summaryValidates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");

    QTest::newRow("plain") << QStringLiteral("contract.pdf") << qint64(12345);
    QTest::newRow("bold_markers") << QStringLiteral("*a*.pdf") << qint64(1);
    QTest::newRow("all_markup") << QStringLiteral("#x|y+z\\.txt") << qint64(0);
    QTest::newRow("only_star") << QStringLiteral("*") << qint64(2);
    QTest::newRow("double_star") << QStringLiteral("**") << qint64(2);
    QTest::newRow("trailing_backslash") << QStringLiteral("a\\") << qint64(2);
    QTest::newRow("leading_hash") << QStringLiteral("# not a heading") << qint64(2);
    QTest::newRow("list_marker") << QStringLiteral("+ item") << qint64(2);
    QTest::newRow("rule") << QStringLiteral("---") << qint64(2);
    QTest::newRow("table_row") << QStringLiteral("| a | b |") << qint64(2);
    QTest::newRow("leading_space_rule") << QStringLiteral(" ---") << qint64(2);
    QTest::newRow("leading_space_list") << QStringLiteral(" + x ") << qint64(2);
    QTest::newRow("trailing_space_star") << QStringLiteral("*a ") << qint64(2);
    QTest::newRow("newline") << QStringLiteral("first\nsecond.pdf") << qint64(3);
    QTest::newRow("crlf_and_tab") << QStringLiteral("a\r\nb\tc.pdf") << qint64(3);
    QTest::newRow("control_chars") << QStringLiteral("a") + QChar(0x01) + QChar(0x7f) + QChar(0x9b) + QStringLiteral("b")
                                   << qint64(3);
    QTest::newRow("bidi_override") << QStringLiteral("invoice") + QChar(0x202e) + QStringLiteral("fdp.exe") << qint64(3);
    QTest::newRow("line_separator") << QStringLiteral("a") + QChar(0x2028) + QStringLiteral("# b") << qint64(3);
    QTest::newRow("swedish") << QStringLiteral("Avtal för lägenhet – slutversion.pdf") << qint64(999999);
    QTest::newRow("emoji") << QStringLiteral("kontrakt ") + QString::fromUcs4(U"\U0001F4DD") + QStringLiteral(".pdf")
                           << qint64(5);
    QTest::newRow("300_chars") << QString(300, QLatin1Char('n')) + QStringLiteral(".pdf") << qint64(7);
    QTest::newRow("300_stars") << QString(300, QLatin1Char('*')) << qint64(7);
    QTest::newRow("300_emoji_surrogates") << QString::fromUcs4(U"\U0001F4DD").repeated(150) << qint64(7);
    QTest::newRow("empty_name") << QString() << qint64(0);
    QTest::newRow("huge_size") << QStringLiteral("disk.img") << qint64(9007199254740992);
}

void TestDocumentSignRequest::summaryValidates()
{
    QFETCH(QString, name);
    QFETCH(qint64, size);
    const DocumentDigest digest = digestNamed(name, size);

    const QString summary = DocumentSignRequest::summaryFor(digest);
    const SimpleMarkdown markdown = SimpleMarkdown::parse(summary);
    QVERIFY2(markdown.isValid(), qPrintable(describe(markdown, summary)));
    // Heading, name line, size, digest: the name never adds lines or blocks.
    QCOMPARE(summary.count(QLatin1Char('\n')), 3);
    QCOMPARE(markdown.blocks().size(), 2);
    QCOMPARE(markdown.blocks().first().kind, MarkdownBlock::Kind::Heading);
    QCOMPARE(markdown.blocks().at(1).kind, MarkdownBlock::Kind::Paragraph);
    QCOMPARE(markdown.blocks().at(1).lines.size(), 3);
    for (const QChar c : summary) {
        QVERIFY2(c == QLatin1Char('\n') || (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format),
                 qPrintable(QStringLiteral("U+%1 in the summary").arg(c.unicode(), 4, 16, QLatin1Char('0'))));
    }

    // The name the signer reads is the file's name (control characters replaced), not markup.
    const QString plain = markdown.plainText();
    if (name.size() <= DocumentSignRequest::MaxShownNameLength && !name.isEmpty()) {
        QString expected;
        for (const QChar c : name) {
            const bool unsafe = c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
                || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph;
            expected += unsafe ? QChar(QChar::ReplacementCharacter) : c;
        }
        QVERIFY2(plain.contains(expected), qPrintable(plain));
    }

    const OrderRequest request = DocumentSignRequest::build(digest, QStringLiteral("192.0.2.10"));
    const QList<ValidationError> errors = RequestValidator::validateAll(request);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void TestDocumentSignRequest::summaryShowsNameSizeAndDigest()
{
    const DocumentDigest digest = digestNamed(QStringLiteral("*a*.pdf"), 12345);
    const QString summary = DocumentSignRequest::summaryFor(digest);
    const QStringList lines = summary.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("# Sign document"));
    QCOMPARE(lines.at(1), QStringLiteral("*\\*a\\*.pdf*"));
    QCOMPARE(lines.at(2), QStringLiteral("Size: 12345 bytes")); // C locale: no grouping
    QCOMPARE(lines.at(3), QStringLiteral("SHA-256: ") + digest.sha256Hex());

    const SimpleMarkdown markdown = SimpleMarkdown::parse(summary);
    const MarkdownLine nameLine = markdown.blocks().at(1).lines.first();
    QCOMPARE(nameLine.size(), 1);
    QCOMPARE(nameLine.first().text, QStringLiteral("*a*.pdf"));
    QVERIFY(nameLine.first().bold);

    QCOMPARE(DocumentSignRequest::summaryFor(digestNamed(QStringLiteral("x"), 1)).split(QLatin1Char('\n')).at(2),
             QStringLiteral("Size: 1 byte"));
}

void TestDocumentSignRequest::summaryShortensLongNamesInTheMiddle()
{
    const QString name = QStringLiteral("start-") + QString(300, QLatin1Char('m')) + QStringLiteral("-end.pdf");
    const SimpleMarkdown markdown = SimpleMarkdown::parse(DocumentSignRequest::summaryFor(digestNamed(name)));
    QVERIFY(markdown.isValid());
    const QString shown = markdown.blocks().at(1).lines.first().first().text;
    QCOMPARE(shown.size(), DocumentSignRequest::MaxShownNameLength);
    QVERIFY2(shown.startsWith(QStringLiteral("start-mmm")), qPrintable(shown));
    QVERIFY2(shown.endsWith(QStringLiteral("mmm-end.pdf")), qPrintable(shown));
    QCOMPARE(shown.count(QChar(0x2026)), 1);

    // Exactly at the limit: unchanged.
    const QString atLimit(DocumentSignRequest::MaxShownNameLength, QLatin1Char('k'));
    const SimpleMarkdown exact = SimpleMarkdown::parse(DocumentSignRequest::summaryFor(digestNamed(atLimit)));
    QCOMPARE(exact.blocks().at(1).lines.first().first().text, atLimit);

    // Surrogate pairs are never split.
    const QString emoji = QString::fromUcs4(U"\U0001F4DD").repeated(100);
    const QString summary = DocumentSignRequest::summaryFor(digestNamed(emoji));
    for (qsizetype i = 0; i < summary.size(); ++i) {
        if (summary.at(i).isHighSurrogate())
            QVERIFY(i + 1 < summary.size() && summary.at(i + 1).isLowSurrogate());
        if (summary.at(i).isLowSurrogate())
            QVERIFY(i > 0 && summary.at(i - 1).isHighSurrogate());
    }
}

void TestDocumentSignRequest::summaryUsesTheLocaleDigitGrouping()
{
    QLocale::setDefault(QLocale(QLocale::Swedish, QLocale::Sweden));
    const DocumentDigest digest = digestNamed(QStringLiteral("a.pdf"), 1234567);
    const QString summary = DocumentSignRequest::summaryFor(digest);
    QVERIFY2(summary.contains(QLocale().toString(qint64(1234567))), qPrintable(summary));
    QVERIFY(QLocale().toString(qint64(1234567)) != QStringLiteral("1234567"));
    QVERIFY(SimpleMarkdown::parse(summary).isValid());
    QVERIFY(!RequestValidator::validate(DocumentSignRequest::build(digest, QStringLiteral("::1"))).has_value());
}

void TestDocumentSignRequest::buildSetsOnlyTheSignMembers()
{
    const DocumentDigest digest = digestNamed(QStringLiteral("a.pdf"));
    const OrderRequest request = DocumentSignRequest::build(digest, QStringLiteral("192.0.2.10"));
    QCOMPARE(request.flow, Flow::Sign);
    QVERIFY(request.userVisibleDataIsMarkdown);
    QCOMPARE(request.userNonVisibleData, DocumentSignRequest::nonVisibleDataFor(digest));
    QCOMPARE(QString::fromUtf8(request.userVisibleData), DocumentSignRequest::summaryFor(digest));

    const QJsonObject body = request.toJson();
    QStringList keys = body.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("endUserIp"), QStringLiteral("userNonVisibleData"),
                                QStringLiteral("userVisibleData"), QStringLiteral("userVisibleDataFormat")}));
    QCOMPARE(body.value(QLatin1String("userVisibleDataFormat")).toString(), QStringLiteral("simpleMarkdownV1"));
    QCOMPARE(QByteArray::fromBase64(body.value(QLatin1String("userNonVisibleData")).toString().toLatin1()),
             DocumentSignRequest::nonVisibleDataFor(digest));
}

void TestDocumentSignRequest::digestOfKnownFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("sha256"); // from sha256sum

    QTest::newRow("abc") << QByteArray("abc")
                         << QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("empty") << QByteArray()
                           << QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("two_blocks")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

void TestDocumentSignRequest::digestOfKnownFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, sha256);
    const QString path = m_dir.filePath(QStringLiteral("%1.bin").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(writeFile(path, content));

    QString error;
    const auto digest = DocumentDigest::ofFile(path, &error);
    QVERIFY2(digest.has_value(), qPrintable(error));
    QCOMPARE(digest->sha256Hex(), sha256);
    QCOMPARE(digest->sha256.size(), 32);
    QCOMPARE(digest->size, qint64(content.size()));
    QCOMPARE(digest->fileName, QFileInfo(path).fileName());
}

void TestDocumentSignRequest::digestOfLargeFileStreamsInChunks()
{
    // 1 000 000 × 'a' is the FIPS 180-2 long test vector; 3 MiB + 7 bytes crosses several 1 MiB chunks.
    const QString vectorPath = m_dir.filePath(QStringLiteral("million-a.bin"));
    QVERIFY(writeFile(vectorPath, QByteArray(1000000, 'a')));
    QString error;
    auto digest = DocumentDigest::ofFile(vectorPath, &error);
    QVERIFY2(digest.has_value(), qPrintable(error));
    QCOMPARE(digest->sha256Hex(), QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));

    QByteArray big(3 * 1024 * 1024 + 7, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 131) % 251);
    const QString bigPath = m_dir.filePath(QStringLiteral("big.bin"));
    QVERIFY(writeFile(bigPath, big));
    digest = DocumentDigest::ofFile(bigPath, &error);
    QVERIFY2(digest.has_value(), qPrintable(error));
    QCOMPARE(digest->size, qint64(big.size()));
    QCOMPARE(digest->sha256, QCryptographicHash::hash(big, QCryptographicHash::Sha256));
}

void TestDocumentSignRequest::digestOfFolderFails()
{
    const QString folder = m_dir.filePath(QStringLiteral("folder.pdf"));
    QVERIFY(QDir().mkpath(folder));
    QString error;
    QVERIFY(!DocumentDigest::ofFile(folder, &error).has_value());
    QVERIFY2(error.contains(folder), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));

    // A device is not a regular file either.
    if (QFileInfo::exists(QStringLiteral("/dev/null"))) {
        error.clear();
        QVERIFY(!DocumentDigest::ofFile(QStringLiteral("/dev/null"), &error).has_value());
        QVERIFY2(error.contains(QStringLiteral("/dev/null")), qPrintable(error));
    }
}

void TestDocumentSignRequest::digestOfMissingFileNamesIt()
{
    const QString missing = m_dir.filePath(QStringLiteral("no such file.pdf"));
    QString error;
    QVERIFY(!DocumentDigest::ofFile(missing, &error).has_value());
    QVERIFY2(error.contains(missing), qPrintable(error));

    error.clear();
    QVERIFY(!DocumentDigest::ofFile(QString(), &error).has_value());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestDocumentSignRequest)
#include "TestDocumentSignRequest.moc"
