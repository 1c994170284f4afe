#pragma once

#include <QList>
#include <QString>

namespace bankid::bench {

/// Round-trip samples of one benchmark run and the figures printed from them.
///
///     LatencyStats stats;
///     stats.add(elapsedNs);            // once per request
///     stats.setWallTimeNs(totalNs);    // the whole run, for requests/s
///     std::puts(qPrintable(stats.summaryLine(concurrency)));
class LatencyStats
{
public:
    void add(qint64 nanoseconds) { m_samples.append(nanoseconds); }
    void setWallTimeNs(qint64 nanoseconds) { m_wallNs = nanoseconds; }

    int count() const { return int(m_samples.size()); }
    const QList<qint64> &samples() const { return m_samples; }
    double meanUs() const;
    /// The p-th percentile (0..100) by nearest rank, in microseconds.
    double percentileUs(double p) const;
    double maxUs() const;
    double requestsPerSecond() const;
    /// Requests slower than `thresholdUs`: a 40 ms Nagle stall shows up here.
    int countSlowerThanUs(double thresholdUs) const;

    /// "<N> requests, concurrency <C>: <X> µs/request, <Y> requests/s, p50 <A> µs, p99 <B> µs"
    /// where X is the mean round trip and Y counts requests over the wall time of the run.
    QString summaryLine(int concurrency) const;

private:
    QList<qint64> sorted() const;

    QList<qint64> m_samples;
    qint64 m_wallNs = 0;
};

} // namespace bankid::bench
