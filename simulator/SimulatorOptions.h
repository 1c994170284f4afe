#pragma once

#include "CertifiedKey.h"
#include "FaultRule.h"
#include "Order.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bankid::sim {

/// Who plays the end user's BankID app.
enum class UserMode {
    Auto,   ///< after pickUpDelayMs the simulated phone scans the current QR (or answers the call) and signs
    Manual, ///< nothing happens until the control API (or the Simulator's methods) act
};

// Everything a Simulator can be configured with. The defaults are the library defaults (no latency); the
// bankid-simulator executable sets latencyMs = 250 (facts §10). All durations are in milliseconds.
//
//     SimulatorOptions options;
//     options.stateDir = tempDir.path();
//     options.userMode = UserMode::Manual;
//     options.startFailedTimeoutMs = 400;
//     Simulator simulator(options);
struct SimulatorOptions {
    /// Where ca.pem, the server and client certificates live; empty = AppDataLocation/bankid-simulator.
    QString stateDir;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; ///< 0 = any free port (read it back with Simulator::port())
    /// Added to the server certificate's SAN besides 127.0.0.1, ::1 and localhost.
    QStringList extraHostnames;
    /// PEM files of further CAs whose client certificates are accepted (e.g. BankID's test RP CA).
    QStringList trustedClientCaFiles;
    /// Accept any presented client certificate (TLS QueryPeer) on the RP API; no certificate at all still gets
    /// 401, and the control API still needs a certificate issued by a trusted client CA (else 403).
    bool acceptAnyClientCert = false;
    /// A TLS handshake not finished this long after the TCP accept is aborted.
    int handshakeTimeoutMs = 10000;
    /// A request must be complete this long after its first byte; a connection idle this long is closed.
    int idleTimeoutMs = 15000;
    /// Connections served normally; beyond it 503 + close, beyond it + 64 closed at once (lowered to stay
    /// below the file-descriptor limit).
    int maxConnections = 1000;

    UserMode userMode = UserMode::Auto;
    /// BankID's risk verdict for orders created from now on (OrderRisk): low by default.
    OrderRisk risk = OrderRisk::Low;
    int pickUpDelayMs = 2000;   ///< auto user: order creation -> QR scanned / call answered
    int startedDurationMs = 300; ///< "started" (and "userMrtd", "userCallConfirm") lasts this long
    int signDelayMs = 1000;     ///< auto user: "userSign" -> complete
    int startFailedTimeoutMs = 30000; ///< unscanned for this long -> failed startFailed
    int expiryMs = 180000;            ///< not complete this long after creation -> failed expiredTransaction
    int completeRetentionMs = 180000;      ///< a complete order stays collectable this long
    int failedRetentionMs = 300000;        ///< a failed order (that was picked up) stays collectable this long
    int neverPickedUpRetentionMs = 190000; ///< an order never picked up is forgotten this long after creation
    int wrongCodeLimit = 3;  ///< wrong security codes before failed certificateErr
    int latencyMs = 0;       ///< added before every RP API and Verify API answer (not the control API)
    /// An ID card QR code (POST /sim/v1/persons/{pn}/id-card) can be verified once within this long of minting.
    int idCardCodeLifetimeMs = 30000;
    /// completionData.device.ipAddress; empty = the order's endUserIp (phone orders: 192.0.2.1).
    QString deviceIpAddress;
    /// When a person starts a second order, the older one fails with "cancelled" (BankID behaviour). A bench
    /// driving many parallel orders with the same automatic user may switch this off.
    bool cancelOlderOrderOfSamePerson = true;
    /// Faults active from the start (see FaultRule for the syntax).
    QList<FaultRule> faults;
    /// Serve this certificate+key instead of the state dir's server certificate (tests: expired, wrong host).
    std::optional<CertifiedKey> serverIdentityOverride;
};

} // namespace bankid::sim
