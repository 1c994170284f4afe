#pragma once

#include <QHostAddress>

namespace bankid {

/// Switches Nagle's algorithm off (TCP_NODELAY) on this process' TCP connections to a given server.
///
/// Why: QNetworkAccessManager never sets TCP_NODELAY and does not expose its sockets. A request that Qt
/// writes in two pieces (a TLS record boundary: bodies above ~16 KB; every HTTP/2 frame pair) then waits
/// for the server's delayed ACK, about 40 ms (measured, ../shared/qt-platform-notes.md). Calling this once
/// QNAM reports `encrypted` for a connection removes the stall.
///
/// How: it walks /proc/self/fd, and for each socket whose *peer* is `port` (and `address`, when not null)
/// sets TCP_NODELAY. That can touch another connection of this process to the same server port, which is
/// harmless (NODELAY only changes when small segments are sent). Linux only; elsewhere it does nothing.
///
///     QObject::connect(nam, &QNetworkAccessManager::encrypted, this,
///                      [](QNetworkReply *r) { TcpNoDelay::applyToPeer({}, quint16(r->url().port(443))); });
class TcpNoDelay
{
public:
    /// Returns how many sockets were switched (0 when none matched or on a non-Linux system).
    static int applyToPeer(const QHostAddress &address, quint16 port);
};

} // namespace bankid
