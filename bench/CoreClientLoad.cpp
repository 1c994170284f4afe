#include "CoreClientLoad.h"

#include "ApiTypes.h"
#include "RpCall.h"
#include "RpClient.h"

#include <QElapsedTimer>
#include <QEventLoop>

#include <functional>

namespace bankid::bench {

namespace {

OrderRequest authRequest()
{
    OrderRequest request;
    request.flow = Flow::Auth;
    request.endUserIp = QStringLiteral("127.0.0.1");
    request.userVisibleData = QByteArrayLiteral("bankid-bench");
    return request;
}

OrderRequest signRequest(int bodyBytes)
{
    OrderRequest request;
    request.flow = Flow::Sign;
    request.endUserIp = QStringLiteral("127.0.0.1");
    request.userVisibleData = QByteArrayLiteral("bankid-bench: large body");
    // base64 grows 3 -> 4, so this many raw bytes make a body of about bodyBytes.
    request.userNonVisibleData = QByteArray(qMax(1, bodyBytes * 3 / 4), 'x');
    return request;
}

} // namespace

bool CoreClientLoad::prepareOrders(int count, QString *error)
{
    QEventLoop loop;
    int pending = count;
    for (int i = 0; i < count; ++i) {
        RpCall *call = m_client->start(authRequest());
        QObject::connect(call, &RpCall::finished, &loop, [&, call] {
            if (call->ok())
                m_orderRefs.append(call->orderResponse().orderRef);
            else if (error && error->isEmpty())
                *error = call->error().technicalMessage();
            if (--pending == 0)
                loop.quit();
        });
    }
    loop.exec();
    return m_orderRefs.size() == count;
}

void CoreClientLoad::cancelOrders()
{
    QEventLoop loop;
    int pending = int(m_orderRefs.size());
    if (pending == 0)
        return;
    for (const QString &orderRef : std::as_const(m_orderRefs)) {
        RpCall *call = m_client->cancel(orderRef);
        QObject::connect(call, &RpCall::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
    }
    loop.exec();
    m_orderRefs.clear();
}

LatencyStats CoreClientLoad::run(Kind kind, int requests, int concurrency, int bodyBytes, QString *error)
{
    LatencyStats stats;
    QEventLoop loop;
    QElapsedTimer wall;
    int sent = 0;
    int inFlight = 0;
    const OrderRequest sign = signRequest(bodyBytes);

    std::function<void(int)> sendNext = [&](int lane) {
        if (sent >= requests || (error && !error->isEmpty())) {
            if (inFlight == 0)
                loop.quit();
            return;
        }
        ++sent;
        ++inFlight;
        const qint64 startedNs = wall.nsecsElapsed();
        RpCall *call = kind == Kind::Collect ? m_client->collect(m_orderRefs.at(lane % m_orderRefs.size()))
                                             : m_client->start(sign);
        QObject::connect(call, &RpCall::finished, &loop, [&, call, lane, startedNs] {
            stats.add(wall.nsecsElapsed() - startedNs);
            --inFlight;
            if (!call->ok() && error && error->isEmpty())
                *error = call->error().technicalMessage();
            sendNext(lane);
        });
    };

    if (kind == Kind::Collect && m_orderRefs.isEmpty()) {
        if (error)
            *error = QStringLiteral("no orders to collect: prepareOrders() first");
        return stats;
    }
    wall.start();
    for (int lane = 0; lane < concurrency; ++lane)
        sendNext(lane);
    if (inFlight > 0)
        loop.exec();
    stats.setWallTimeNs(wall.nsecsElapsed());
    return stats;
}

} // namespace bankid::bench
