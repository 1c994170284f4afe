// Harness client_identity: the RP certificate file an operator points the desk or the CLI at (--cert/--key).
// The input is written to a scratch file and loaded with ClientIdentity::load() and the fixed password
// "qwerty123" (BankID's test certificate password, which the seed files use): once as one file (PKCS#12 DER or
// PEM certificate + key) and once with the key read from the same file through keyPath. Checks: a failure
// always names a reason and leaves no certificate; a loaded identity has its describing fields.
#include "FuzzSupport.h"

#include "ClientIdentity.h"

#include <QDateTime>

using namespace bankid;

namespace {

const QByteArray Password = QByteArrayLiteral("qwerty123");
QString g_identityPath;

void checkIdentity(const ClientIdentity &identity)
{
    if (identity.isNull()) {
        FUZZ_EXPECT(!identity.error().message().isEmpty());
        FUZZ_EXPECT(identity.privateKey().isNull());
        return;
    }
    FUZZ_EXPECT(identity.format() != ClientIdentity::Format::None);
    FUZZ_EXPECT(!identity.privateKey().isNull());
    // SHA-256 as 32 colon-joined hex pairs.
    FUZZ_EXPECT(identity.sha256Fingerprint().size() == 32 * 3 - 1);
    static_cast<void>(identity.subject());
    static_cast<void>(identity.commonName());
    static_cast<void>(identity.issuer());
    static_cast<void>(identity.serialNumber());
    const QDateTime now = QDateTime(QDate(2026, 6, 15), QTime(12, 0), Qt::UTC);
    if (identity.validityAt(now) == ClientIdentity::Validity::Valid)
        FUZZ_EXPECT(identity.validityWarning(now).isEmpty());
    else
        FUZZ_EXPECT(!identity.validityWarning(now).isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    g_identityPath = fuzz::scratchPath("identity");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::writeScratch(g_identityPath, fuzz::bytes(data, size));
    checkIdentity(ClientIdentity::load(g_identityPath, Password));
    checkIdentity(ClientIdentity::load(g_identityPath, Password, g_identityPath));
    return 0;
}
