#pragma once

#include <QtGlobal>

namespace bankid {

/// A monotonic time source, injected wherever elapsed time matters (QR seconds, start window, durations)
/// so tests can drive time by hand instead of sleeping.
///
/// Contract: elapsedMs() never decreases; its origin is arbitrary, so only differences are meaningful.
///
/// \code
///   bankid::SteadyClock clock;                 // production
///   const qint64 t0 = clock.elapsedMs();
///   ...
///   const qint64 seconds = (clock.elapsedMs() - t0) / 1000;
/// \endcode
class MonotonicClock
{
public:
    virtual ~MonotonicClock() = default;

    /// Milliseconds since an arbitrary, fixed origin; never goes backwards.
    virtual qint64 elapsedMs() const = 0;
};

} // namespace bankid
