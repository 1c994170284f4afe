// Harness audit_log: the bytes of an audit log file as `bankid-cli audit verify` and the desk's audit view read
// them, given to AuditVerifier::verifyBytes() (which parses each line into an AuditEntry and checks the
// hash chain); every line is also read alone with AuditEntry::fromJson(). Checks: the report is
// self-consistent (ok means no line and no message; a problem names a line; counts never exceed the lines),
// and an entry that parsed keeps a masked personal number masked.
#include "FuzzSupport.h"

#include "AuditEntry.h"
#include "AuditVerifier.h"

using namespace bankid;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const AuditVerifier::Report report = AuditVerifier::verifyBytes(input);

    const qsizetype lineCount = input.count('\n') + 1;
    FUZZ_EXPECT(!report.summary().isEmpty());
    FUZZ_EXPECT(!AuditVerifier::problemName(report.problem).isEmpty());
    if (report.ok()) {
        FUZZ_EXPECT(report.line == 0 && report.message.isEmpty());
    } else {
        FUZZ_EXPECT(report.problem != AuditVerifier::Problem::Unreadable); // bytes are always readable
        FUZZ_EXPECT(report.line >= 1 && report.line <= lineCount);
        FUZZ_EXPECT(!report.message.isEmpty());
    }
    FUZZ_EXPECT(report.verifiedEntries >= 0 && report.verifiedEntries <= lineCount);
    FUZZ_EXPECT(report.records.size() <= lineCount);
    if (report.verifiedEntries == 0)
        FUZZ_EXPECT(report.headSeq == 0);
    int previousLine = 0;
    for (const AuditVerifier::Record &record : report.records) {
        FUZZ_EXPECT(record.line > previousLine && record.line <= lineCount);
        previousLine = record.line;
    }

    for (const QByteArray &line : input.split('\n')) {
        const auto json = fuzz::jsonObject(line);
        if (!json)
            continue;
        QString error;
        const auto entry = AuditEntry::fromJson(*json, &error);
        FUZZ_EXPECT(entry.has_value() || !error.isEmpty());
        if (entry) {
            static_cast<void>(entry->toJson());
            static_cast<void>(entry->outcomeText());
        }
    }
    return 0;
}
