#include "TcpReceiveCounter.h"

#include <algorithm>

#if defined(Q_OS_LINUX)
#include <dirent.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <cstdlib>
#endif

namespace bankid {

TcpReceiveCounter::TcpReceiveCounter(quint16 peerPort)
    : m_peerPort(peerPort)
    , m_baseline(snapshot())
{
}

bool TcpReceiveCounter::isSupported()
{
#if defined(Q_OS_LINUX)
    return true;
#else
    return false;
#endif
}

qint64 TcpReceiveCounter::receivedSinceStart() const
{
    qint64 total = 0;
    const QHash<quint64, quint64> now = snapshot();
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        total += qint64(it.value() - std::min(it.value(), m_baseline.value(it.key(), 0)));
    return total;
}

QHash<quint64, quint64> TcpReceiveCounter::snapshot() const
{
    QHash<quint64, quint64> received;
#if defined(Q_OS_LINUX)
    DIR *fds = ::opendir("/proc/self/fd");
    if (!fds)
        return received;
    const int listingFd = ::dirfd(fds);
    while (const dirent *entry = ::readdir(fds)) {
        char *end = nullptr;
        const long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0' || fd == listingFd)
            continue;
        // A descriptor may be closed (or reused) by another thread at any moment: every call below just
        // fails then, and the socket is skipped; the inode tells a reused number apart.
        struct stat status {};
        if (::fstat(int(fd), &status) != 0 || !S_ISSOCK(status.st_mode))
            continue;
        sockaddr_storage peer {};
        socklen_t peerLength = sizeof peer;
        if (::getpeername(int(fd), reinterpret_cast<sockaddr *>(&peer), &peerLength) != 0)
            continue;
        quint16 port = 0;
        if (peer.ss_family == AF_INET)
            port = ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port);
        else if (peer.ss_family == AF_INET6)
            port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port);
        if (port != m_peerPort)
            continue;
        tcp_info info {};
        socklen_t infoLength = sizeof info;
        if (::getsockopt(int(fd), IPPROTO_TCP, TCP_INFO, &info, &infoLength) != 0)
            continue;
        received.insert(quint64(status.st_ino), quint64(info.tcpi_bytes_received));
    }
    ::closedir(fds);
#endif
    return received;
}

} // namespace bankid
