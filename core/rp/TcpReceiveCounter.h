#pragma once

#include <QHash>
#include <QtGlobal>

namespace bankid {

/// Counts the bytes this process received, since the counter was made, on its TCP connections to a peer
/// port (the kernel's TCP_INFO tcpi_bytes_received of every such socket).
///
/// Why: QNAM (Qt 6.4) reads a response head into memory without any size limit until the blank line that
/// ends it, and the reply shows nothing of it until then: a server sending one endless header line made
/// bankid-cli reach 1.2 GB in 10 s. Its sockets are not reachable through Qt's API, but the kernel counts
/// what each connection received; RpCall compares that with its size cap while it waits for the head.
///
/// Contract: Linux only (isSupported() is false elsewhere, and receivedSinceStart() then stays 0; RpCall
/// then has no head guard). Windows has no unprivileged equivalent: GetPerTcpConnectionEStats counts bytes
/// per connection only after SetPerTcpConnectionEStats, which needs an administrator.
/// Sockets are found through /proc/self/fd and told apart by inode, so a descriptor number reused for
/// another socket is counted from 0. It counts every TCP connection of the process to that peer port, so bytes
/// of another exchange with the same server running at the same time are counted too (an over-estimate,
/// never an under-estimate, of the exchange's bytes). Reading it costs one pass over the process's
/// descriptors: poll it while a head is awaited, not continuously.
///
/// \code
///   TcpReceiveCounter counter(443);
///   ... later ...
///   if (counter.receivedSinceStart() > limit) reply->abort();
/// \endcode
class TcpReceiveCounter
{
public:
    explicit TcpReceiveCounter(quint16 peerPort);

    static bool isSupported();
    /// Bytes received on the matching connections since construction.
    qint64 receivedSinceStart() const;

private:
    /// Bytes received so far per socket inode.
    QHash<quint64, quint64> snapshot() const;

    quint16 m_peerPort;
    QHash<quint64, quint64> m_baseline;
};

} // namespace bankid
