// Harness receipt: a document-signing receipt file (FILE.bankid-receipt.json) as `bankid-cli verify` and the
// desk's verify page read it. Each input goes to Receipt::fromJson() and, written to a scratch file, to
// ReceiptVerifier::verify() with the signed document of tests/fuzz/fixtures and the simulator signing root
// that made the fixture receipt. Checks: the reader and the verifier's "receipt" check agree; an accepted
// receipt is accepted again from its own toBytes() with the same content; a fully passing report has
// verified the document digest.
#include "FuzzSupport.h"

#include "Receipt.h"
#include "ReceiptVerifier.h"

#include <QSslCertificate>

using namespace bankid;

namespace {

QString g_documentPath;
QString g_receiptPath;
ReceiptVerifier::Options g_options;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    g_documentPath = fuzz::scratchPath("signed-document.txt");
    g_receiptPath = fuzz::scratchPath("signed-document.txt.bankid-receipt.json");
    fuzz::writeScratch(g_documentPath, fuzz::fixture("signed-document.txt"));
    g_options.roots = QSslCertificate::fromData(fuzz::fixture("simulator-signing-root.pem"), QSsl::Pem);
    g_options.rootsDescription = QStringLiteral("the fuzz fixture's simulator signing root");
    // The fixture receipt must verify completely, or mutations would all stop at the same early failure.
    fuzz::writeScratch(g_receiptPath, fuzz::fixture("signed-document.receipt.json"));
    const ReceiptReport baseline = ReceiptVerifier::verify(g_documentPath, g_receiptPath, g_options);
    FUZZ_EXPECT(baseline.allPassed());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);

    QString error;
    const auto receipt = Receipt::fromJson(input, &error);
    FUZZ_EXPECT(receipt.has_value() || !error.isEmpty());
    if (receipt) {
        QString againError;
        const auto again = Receipt::fromJson(receipt->toBytes(), &againError);
        FUZZ_EXPECT(again.has_value());
        FUZZ_EXPECT(again->documentSha256 == receipt->documentSha256);
        FUZZ_EXPECT(again->documentSize == receipt->documentSize);
        FUZZ_EXPECT(again->signature() == receipt->signature());
        FUZZ_EXPECT(again->ocspResponse() == receipt->ocspResponse());
        // Qt 6.4's JSON reader keeps a U+FEFF at the start of a string or key that holds an escape and drops
        // it from one without (QString::fromUtf8 strips a leading BOM). QJsonDocument writes "\Z" as "Z", so
        // the request body, which may hold any member, is not byte-stable; that is Qt's, not the receipt's.
        // The signature and ocspResponse must be base64, which holds no U+FEFF (regression: bom-in-signature).
        // Keys are worse: QJsonObject keeps the U+FEFF for ordering but QString keys lose it. The input may
        // spell it as bytes or as "\uFEFF".
        const bool holdsByteOrderMark = input.contains("\xEF\xBB\xBF") || input.toLower().contains("\\ufeff");
        if (!holdsByteOrderMark)
            FUZZ_EXPECT(again->requestBody == receipt->requestBody);
        static_cast<void>(receipt->sentUserVisibleData());
        static_cast<void>(receipt->sentUserNonVisibleData());
    }

    fuzz::writeScratch(g_receiptPath, input);
    const ReceiptReport report = ReceiptVerifier::verify(g_documentPath, g_receiptPath, g_options);
    FUZZ_EXPECT(report.checks.size() == ReceiptReport::checkNames().size());
    FUZZ_EXPECT(report.check(QStringLiteral("receipt")).passed() == receipt.has_value());
    if (report.allPassed())
        FUZZ_EXPECT(report.check(QStringLiteral("document digest")).passed());
    static_cast<void>(report.toJson());
    return 0;
}
