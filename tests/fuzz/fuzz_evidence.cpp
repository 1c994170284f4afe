// Harness evidence: completionData.signature and .ocspResponse as they arrive from BankID, a receipt or
// `bankid-cli verify-signature` (base64 or raw XML / DER). Each input goes to
//  - SignatureDocumentParser::parse() (the XML reader, no cryptography),
//  - EvidenceVerifier::verify() as the signature, with the real OCSP response of the same evidence, and
//  - EvidenceVerifier::verify() as the OCSP response, with the real signature,
// trusting only the simulator signing root of tests/fuzz/fixtures, which issued that evidence (so a mutation
// of a real document gets through the XML and into libxmlsec1 and OpenSSL, not only to the first check).
// Checks: the parser and the verifier's "xml" check agree; a report that passes every check passes the
// chain check against the fixture root only; no check is both missing and passed.
#include "FuzzSupport.h"

#include "EvidenceVerifier.h"
#include "SignatureDocumentParser.h"

#include <QSslCertificate>

using namespace bankid;

namespace {

EvidenceVerifier::Options g_options;
QByteArray g_signature;
QByteArray g_ocsp;

void checkReport(const VerificationReport &report)
{
    FUZZ_EXPECT(report.checks.size() == VerificationReport::checkNames().size());
    for (const VerificationCheck &check : report.checks) {
        FUZZ_EXPECT(!check.name.isEmpty());
        if (check.failed())
            FUZZ_EXPECT(!check.detail.isEmpty());
    }
    if (report.allPassed())
        FUZZ_EXPECT(report.check(QStringLiteral("certificate chain")).passed());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    g_signature = fuzz::fixture("simulator-signature.b64");
    g_ocsp = fuzz::fixture("simulator-ocsp.der");
    g_options.roots = QSslCertificate::fromData(fuzz::fixture("simulator-signing-root.pem"), QSsl::Pem);
    // The fixtures must verify completely, or every mutation below would stop at the same early failure.
    const VerificationReport baseline = EvidenceVerifier::verify(g_signature, g_ocsp, g_options);
    FUZZ_EXPECT(!g_options.roots.isEmpty());
    FUZZ_EXPECT(baseline.allPassed());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);

    const SignatureDocumentParser::Result parsed = SignatureDocumentParser::parse(input);
    FUZZ_EXPECT(parsed.ok || !parsed.error.isEmpty());
    if (parsed.ok)
        FUZZ_EXPECT(!parsed.xml.isEmpty() && !parsed.base64.isEmpty());

    const VerificationReport asSignature = EvidenceVerifier::verify(input, g_ocsp, g_options);
    checkReport(asSignature);
    FUZZ_EXPECT(asSignature.check(QStringLiteral("xml")).passed() == parsed.ok);

    const VerificationReport asOcsp = EvidenceVerifier::verify(g_signature, input, g_options);
    checkReport(asOcsp);
    return 0;
}
