#include "TcpNoDelay.h"

#include <QDir>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#endif

namespace bankid {

#ifdef Q_OS_LINUX
namespace {

// The peer of socket `fd` as (address, port); false when it is not a connected TCP/IP socket.
bool peerOf(int fd, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return false;
    if (storage.ss_family == AF_INET) {
        const auto *in4 = reinterpret_cast<const sockaddr_in *>(&storage);
        *port = ntohs(in4->sin_port);
    } else if (storage.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
        *port = ntohs(in6->sin6_port);
    } else {
        return false;
    }
    address->setAddress(reinterpret_cast<const sockaddr *>(&storage));
    return true;
}

} // namespace
#endif

int TcpNoDelay::applyToPeer(const QHostAddress &address, quint16 port)
{
#ifdef Q_OS_LINUX
    int switched = 0;
    const QStringList entries = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    for (const QString &entry : entries) {
        bool isNumber = false;
        const int fd = entry.toInt(&isNumber);
        if (!isNumber)
            continue;
        struct stat info {};
        if (::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode))
            continue;
        QHostAddress peer;
        quint16 peerPort = 0;
        if (!peerOf(fd, &peer, &peerPort) || peerPort != port)
            continue;
        if (!address.isNull() && !address.isEqual(peer, QHostAddress::TolerantConversion))
            continue;
        const int on = 1;
        if (::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) == 0)
            ++switched;
    }
    return switched;
#else
    Q_UNUSED(address)
    Q_UNUSED(port)
    return 0;
#endif
}

} // namespace bankid
