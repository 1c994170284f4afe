// Harness api_responses: the bytes BankID answers with. Feeds the body to
//  - OrderResponse::fromJson() for every flow and CollectResponse::fromJson() (the 200 answers), and
//  - RpError::fromExchange() as the body of every HTTP status the client can meet (the error answers),
// exactly as RpCall does after QJsonDocument::fromJson(). Checks that a parsed collect response survives its
// own wire form's identity, and that every error yields a message and an RFA.
#include "FuzzSupport.h"
#include "FuzzAnsweredOutcome.h"

#include "ApiTypes.h"
#include "RpError.h"

#include <array>

using namespace bankid;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

namespace {

void checkSuccessAnswers(const QJsonObject &json)
{
    for (const Flow flow : {Flow::Auth, Flow::Sign, Flow::Payment, Flow::PhoneAuth, Flow::PhoneSign}) {
        QString error;
        const auto order = OrderResponse::fromJson(json, flow, &error);
        FUZZ_EXPECT(order.has_value() || !error.isEmpty());
        if (order) {
            FUZZ_EXPECT(!order->orderRef.isEmpty());
            // The secret is never part of the loggable form.
            FUZZ_EXPECT(!order->toJson().contains(QStringLiteral("qrStartSecret")));
        }
    }

    QString error;
    const auto collect = CollectResponse::fromJson(json, &error);
    FUZZ_EXPECT(collect.has_value() || !error.isEmpty());
    if (!collect)
        return;
    FUZZ_EXPECT(collect->completion.has_value() == (collect->status == CollectStatus::Complete));
    // The wire form keeps what identifies the answer. (Not a full round trip: toJson() leaves empty members
    // out, which fromJson() may require to be present, so an accepted "" is not re-accepted by design.)
    const QJsonObject wire = collect->toJson();
    FUZZ_EXPECT(wire.value(QStringLiteral("orderRef")).toString() == collect->orderRef);
    FUZZ_EXPECT(collectStatusFromName(wire.value(QStringLiteral("status")).toString()) == collect->status);
}

void checkErrorAnswers(const QByteArray &body)
{
    // 0: no HTTP answer; 200 with a schema error: a body without the required members; the rest: every
    // status of api digest §3 plus the gateway and redirect ones a proxy may produce.
    static constexpr std::array statuses{0, 200, 301, 400, 401, 403, 404, 405, 408, 415, 429, 500, 502, 503, 504, 599};
    for (const int status : statuses) {
        const RpError error = RpError::fromExchange(
            fuzz::answeredOutcome(QStringLiteral("collect"), status, body, QStringLiteral("orderRef: missing")));
        if (status >= 300 || status == 200)
            FUZZ_EXPECT(error.isError());
        FUZZ_EXPECT(!RpError::kindName(error.kind()).isEmpty());
        FUZZ_EXPECT(!error.technicalMessage().isEmpty());
        static_cast<void>(error.rfa());
        static_cast<void>(error.retriable());
        // A status that processed nothing is the only answer that lets an order request be re-sent.
        if (error.requestNeverProcessed())
            FUZZ_EXPECT(status == 503 || status == 429 || status == 0);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    if (const auto json = fuzz::jsonObject(input))
        checkSuccessAnswers(*json);
    checkErrorAnswers(input);
    return 0;
}
