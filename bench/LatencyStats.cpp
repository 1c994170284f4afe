#include "LatencyStats.h"

#include <algorithm>
#include <cmath>

namespace bankid::bench {

QList<qint64> LatencyStats::sorted() const
{
    QList<qint64> copy = m_samples;
    std::sort(copy.begin(), copy.end());
    return copy;
}

double LatencyStats::meanUs() const
{
    if (m_samples.isEmpty())
        return 0;
    double sum = 0;
    for (const qint64 sample : m_samples)
        sum += double(sample);
    return sum / double(m_samples.size()) / 1000.0;
}

double LatencyStats::percentileUs(double p) const
{
    if (m_samples.isEmpty())
        return 0;
    const QList<qint64> values = sorted();
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return double(values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1))) / 1000.0;
}

double LatencyStats::maxUs() const
{
    return m_samples.isEmpty() ? 0 : double(*std::max_element(m_samples.begin(), m_samples.end())) / 1000.0;
}

double LatencyStats::requestsPerSecond() const
{
    return m_wallNs > 0 ? double(m_samples.size()) * 1e9 / double(m_wallNs) : 0;
}

int LatencyStats::countSlowerThanUs(double thresholdUs) const
{
    return int(std::count_if(m_samples.begin(), m_samples.end(),
                             [thresholdUs](qint64 sample) { return double(sample) / 1000.0 > thresholdUs; }));
}

QString LatencyStats::summaryLine(int concurrency) const
{
    return QStringLiteral("%1 requests, concurrency %2: %3 µs/request, %4 requests/s, p50 %5 µs, p99 %6 µs")
        .arg(count())
        .arg(concurrency)
        .arg(qRound(meanUs()))
        .arg(qRound(requestsPerSecond()))
        .arg(qRound(percentileUs(50)))
        .arg(qRound(percentileUs(99)));
}

} // namespace bankid::bench
