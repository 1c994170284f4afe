#include "SignedDocumentFixture.h"

#include "DocumentDigest.h"
#include "DocumentSignRequest.h"
#include "OrderSession.h"
#include "RequestValidator.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"

#include <QDateTime>
#include <QTest>

namespace bankid::test {

std::optional<Receipt> signDocumentOnSimulator(SimulatorFixture &fixture, const QString &documentPath, QString *error,
                                               int timeoutMs)
{
    auto fail = [&](const QString &message) -> std::optional<Receipt> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!fixture.client() || !fixture.simulator())
        return fail(QStringLiteral("the simulator fixture is not started"));

    QString digestError;
    const auto digest = DocumentDigest::ofFile(documentPath, &digestError);
    if (!digest)
        return fail(digestError);
    const OrderRequest request = DocumentSignRequest::build(*digest, QStringLiteral("127.0.0.1"));
    if (const auto invalid = RequestValidator::validate(request))
        return fail(QStringLiteral("the document request does not validate: %1: %2").arg(invalid->field(), invalid->message()));

    SteadyClock clock;
    OrderSession session(fixture.client(), &clock);
    OrderSession::Options options;
    options.startMethod = StartMethod::QrCode;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    options.deadlineMs = timeoutMs;

    const QDateTime startedAt = QDateTime::currentDateTime();
    session.start(request, options);
    if (!QTest::qWaitFor([&] { return !session.isActive(); }, timeoutMs))
        return fail(QStringLiteral("the order did not finish within %1 ms").arg(timeoutMs));
    if (session.state() != OrderSession::State::Complete)
        return fail(QStringLiteral("the order did not complete: %1")
                        .arg(session.failure() ? session.failure()->technicalMessage : OrderSession::stateName(session.state())));
    // As the front ends build it (Receipt::forDocumentOrder), plus what only the caller knows.
    Receipt receipt = Receipt::forDocumentOrder(*digest, request, session.completedCollectResponse());
    receipt.environmentName = QStringLiteral("simulator");
    receipt.baseUrl = fixture.simulator()->baseUrl().toString();
    receipt.startedAt = startedAt;
    receipt.completedAt = receipt.writtenAt;
    receipt.application = QStringLiteral("bankid-tests");
    receipt.applicationVersion = QStringLiteral("0");
    return receipt;
}

} // namespace bankid::test
