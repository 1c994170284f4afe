#pragma once

#include "MonotonicClock.h"

namespace bankid::test {

/// A MonotonicClock moved only by the test, so QR seconds and start windows are deterministic.
///
/// \code
///   bankid::test::FakeClock clock;
///   bankid::OrderSession session(&client, &clock);
///   clock.advance(1000); // the session sees one more whole second at its next tick
/// \endcode
class FakeClock final : public MonotonicClock
{
public:
    qint64 elapsedMs() const override { return m_now; }

    /// Moves time forward; negative steps are ignored (monotonic contract).
    void advance(qint64 ms)
    {
        if (ms > 0)
            m_now += ms;
    }
    /// Jumps to an absolute time, never backwards.
    void set(qint64 ms)
    {
        if (ms > m_now)
            m_now = ms;
    }

private:
    qint64 m_now = 1000000; // a non-zero origin catches code that assumes the clock starts at 0
};

} // namespace bankid::test
