#include "SteadyClock.h"

namespace bankid {

SteadyClock::SteadyClock()
{
    m_timer.start();
}

qint64 SteadyClock::elapsedMs() const
{
    return m_timer.elapsed();
}

} // namespace bankid
