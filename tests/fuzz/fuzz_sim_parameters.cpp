// Harness sim_parameters: the JSON body an RP sends to the simulator's /rp/v6.0 endpoints, parsed the way
// SimulatorServer::processRp() does (QJsonDocument, an object) and given to
// ParameterValidator::validateOrder() for each of the five order kinds and to validateOrderRef() (/collect,
// /cancel). Checks: a rejection always carries details (the server's invalidParameters text); an accepted
// order is of the kind asked for and carries only strict base64 (or nothing) and a well-formed IP address.
#include "FuzzSupport.h"

#include "ParameterValidator.h"

using namespace bankid::sim;
namespace fuzz = bankid::fuzz;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = fuzz::jsonObject(fuzz::bytes(data, size));
    if (!body)
        return 0;

    for (const OrderKind kind : {OrderKind::Auth, OrderKind::Sign, OrderKind::Payment, OrderKind::PhoneAuth,
                                 OrderKind::PhoneSign}) {
        QString details;
        const auto request = ParameterValidator::validateOrder(kind, *body, &details);
        if (!request) {
            FUZZ_EXPECT(!details.isEmpty());
            continue;
        }
        FUZZ_EXPECT(request->kind == kind);
        for (const QByteArray &base64 : {request->userVisibleData, request->userNonVisibleData})
            FUZZ_EXPECT(base64.isEmpty() || ParameterValidator::isBase64(QString::fromLatin1(base64)));
        const bool phone = kind == OrderKind::PhoneAuth || kind == OrderKind::PhoneSign;
        if (phone)
            FUZZ_EXPECT(!request->personalNumber.isEmpty());
        else
            FUZZ_EXPECT(ParameterValidator::isIpAddress(request->endUserIp));
    }

    QString details;
    const auto orderRef = ParameterValidator::validateOrderRef(*body, &details);
    FUZZ_EXPECT(orderRef.has_value() ? !orderRef->isEmpty() : !details.isEmpty());
    return 0;
}
