// Harness sim_control: what the simulator's control API (/sim/v1, SimulatorServer::handleControl()) and its
// --fault flag parse from outside bytes, through the same pure functions:
//  - the input as text: FaultRule::parse() (a --fault spec), OrderBook::actionFromName() and
//    TestPerson::isWellFormed() (path segments), orderRiskFromName(), ParameterValidator::isIpAddress(), and
//    QrPayload::parse() of the bytes (the qrData a scan posts);
//  - the input as a JSON control body: its spec, risk, mode, deviceIpAddress, personalNumber, qrData and
//    autoStartToken members, with qrData and autoStartToken given to OrderBook::scan() / open() of a book in
//    manual user mode (no order in it matches, so the book stays empty and every input meets the same state).
// Checks: an accepted fault spec round-trips through toSpec() (p to 6 significant digits, see below); an accepted QR payload round-trips through
// QrPayload::build(); refusals always say why.
#include "FuzzSupport.h"

#include "FaultRule.h"
#include "Order.h"
#include "OrderBook.h"
#include "ParameterValidator.h"
#include "QrPayload.h"
#include "SimulatorOptions.h"
#include "TestPerson.h"

using namespace bankid::sim;
namespace fuzz = bankid::fuzz;

namespace {

OrderBook *g_book = nullptr;

void checkFaultSpec(const QString &spec)
{
    QString error;
    const auto rule = FaultRule::parse(spec, &error);
    if (!rule) {
        FUZZ_EXPECT(!error.isEmpty());
        return;
    }
    FUZZ_EXPECT(rule->probability >= 0.0 && rule->probability <= 1.0);
    FUZZ_EXPECT(rule->remaining == -1 || rule->remaining >= 0);
    FUZZ_EXPECT(rule->delayMs >= 0);
    QString againError;
    const auto again = FaultRule::parse(rule->toSpec(), &againError);
    FUZZ_EXPECT(again.has_value());
    FUZZ_EXPECT(again->endpoint == rule->endpoint && again->kind == rule->kind);
    FUZZ_EXPECT(again->delayMs == rule->delayMs && again->remaining == rule->remaining);
    // toSpec() writes p in the shortest form that reads back to the same double (found by this harness: it
    // wrote 6 significant digits, so "p=0.1234567" was listed as a different rule than the one running).
    FUZZ_EXPECT(again->probability == rule->probability);
    static_cast<void>(rule->toJson());
}

void checkQrData(const QByteArray &qrData)
{
    const auto parts = QrPayload::parse(qrData);
    if (!parts)
        return;
    FUZZ_EXPECT(parts->qrTime >= 0);
    const QByteArray rebuilt = QrPayload::build(parts->qrStartToken, QByteArrayLiteral("fuzz-secret"), parts->qrTime);
    const auto again = QrPayload::parse(rebuilt);
    FUZZ_EXPECT(again.has_value());
    FUZZ_EXPECT(again->qrStartToken == parts->qrStartToken && again->qrTime == parts->qrTime);
}

void checkText(const QString &text)
{
    checkFaultSpec(text);
    static_cast<void>(OrderBook::actionFromName(text));
    if (TestPerson::isWellFormed(text))
        FUZZ_EXPECT(text.size() == 12);
    if (const auto risk = orderRiskFromName(text))
        FUZZ_EXPECT(orderRiskName(*risk) == text);
    static_cast<void>(ParameterValidator::isIpAddress(text));
}

void checkResult(const OrderBook::Result &result)
{
    // No order matches anything a fuzz input can name, so every scan and open is refused, with a reason.
    FUZZ_EXPECT(!result.ok);
    FUZZ_EXPECT(result.httpStatus >= 400 && !result.errorCode.isEmpty());
}

void checkControlBody(const QJsonObject &body)
{
    const QString personalNumber = body.value(QStringLiteral("personalNumber")).toString();
    const QString deviceIp = body.value(QStringLiteral("deviceIpAddress")).toString();
    checkFaultSpec(body.value(QStringLiteral("spec")).toString());
    checkText(body.value(QStringLiteral("risk")).toString());
    checkText(body.value(QStringLiteral("mode")).toString());
    checkText(personalNumber);
    checkText(deviceIp);
    const QByteArray qrData = body.value(QStringLiteral("qrData")).toString().toLatin1();
    const QByteArray autoStartToken = body.value(QStringLiteral("autoStartToken")).toString().toLatin1();
    checkQrData(qrData);
    if (!qrData.isEmpty())
        checkResult(g_book->scan(qrData, personalNumber, deviceIp));
    if (!autoStartToken.isEmpty())
        checkResult(g_book->open(autoStartToken, personalNumber, deviceIp));
    FUZZ_EXPECT(g_book->size() == 0);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    SimulatorOptions options;
    options.userMode = UserMode::Manual;
    g_book = new OrderBook(options);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    checkText(QString::fromUtf8(input));
    checkQrData(input);
    if (const auto body = fuzz::jsonObject(input))
        checkControlBody(*body);
    return 0;
}
