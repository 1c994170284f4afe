#pragma once

#include "LatencyStats.h"

#include <QString>
#include <QStringList>

namespace bankid {
class RpClient;
}

namespace bankid::bench {

/// Drives requests through bankid_core's RpClient (the code path the desk and the CLI use) and measures
/// each round trip, from the call into RpClient to RpCall::finished().
///
/// Contract: `concurrency` lanes each keep one request in flight; a lane sends its next request from the
/// finished() of the previous one, until `requests` were sent in all. Collect lanes collect one order each,
/// created beforehand with /auth by prepareOrders(). Blocks in a local event loop.
///
///     CoreClientLoad load(&client);
///     if (!load.prepareOrders(8, &error)) return fail(error);
///     const LatencyStats stats = load.run(CoreClientLoad::Kind::Collect, 10000, 8, 0, &error);
class CoreClientLoad
{
public:
    /// What each request is.
    enum class Kind {
        Collect, ///< /collect of an order made by prepareOrders()
        Sign,    ///< /sign with a userNonVisibleData of the given size (bodies above 16 KB: Nagle check)
    };

    explicit CoreClientLoad(RpClient *client) : m_client(client) {}

    /// Creates `count` orders with /auth; their orderRefs are collected by run(). False + error on failure.
    bool prepareOrders(int count, QString *error);
    /// The orderRefs made by prepareOrders().
    const QStringList &orderRefs() const { return m_orderRefs; }
    /// Cancels the orders made by prepareOrders(), so a real server does not keep them pending.
    void cancelOrders();

    /// Runs `requests` requests over `concurrency` lanes. `bodyBytes` sizes a Sign request's body.
    LatencyStats run(Kind kind, int requests, int concurrency, int bodyBytes, QString *error);

private:
    RpClient *m_client;
    QStringList m_orderRefs;
};

} // namespace bankid::bench
