#pragma once

#include <QString>

namespace bankid {

/// Picks the endUserIp that an order sends when the operator has not set one.
///
/// At a desk the operator's workstation is the Relying Party client and the person is in front of it, so
/// the best local guess is this machine's own address on the network it reaches BankID through: the
/// first IPv4 address of an interface that is up, running and not loopback (IPv6 global addresses next).
/// Behind NAT that is a private address, not the one BankID sees; the operator can override it (README).
///
///     request.endUserIp = settings.endUserIp.isEmpty() ? EndUserAddress::detect() : settings.endUserIp;
class EndUserAddress
{
public:
    /// The detected address as text; "127.0.0.1" when the machine has no other address.
    static QString detect();
};

} // namespace bankid
