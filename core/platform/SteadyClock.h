#pragma once

#include "MonotonicClock.h"

#include <QElapsedTimer>

namespace bankid {

/// The production MonotonicClock: a QElapsedTimer started at construction (CLOCK_MONOTONIC on Linux),
/// so wall-clock changes (NTP, the operator editing the time) never move QR seconds or deadlines.
///
/// \code
///   bankid::SteadyClock clock;
///   bankid::OrderSession session(&client, &clock);
/// \endcode
class SteadyClock final : public MonotonicClock
{
public:
    SteadyClock();

    qint64 elapsedMs() const override;

private:
    QElapsedTimer m_timer;
};

} // namespace bankid
