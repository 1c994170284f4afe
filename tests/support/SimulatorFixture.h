#pragma once

#include "RpConfig.h"
#include "SimulatorOptions.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace bankid {
class RpClient;
}

namespace bankid::sim {
class Simulator;
}

namespace bankid::test {

// An in-process BankID simulator over real mutual TLS on loopback, and the core client an operator would
// configure for it (test::simulatorClientConfig: its URL, its ca.pem, its client.p12), for tests that talk to
// the simulator through RpClient / OrderSession.
//
// Contract: the fixture owns one temporary state dir for its whole life, so the simulator's certificates are
// made once and reused by every start(). start() (re)creates the simulator, the QNetworkAccessManager and the
// RpClient and returns an empty string, or what failed; stop() destroys them (client, QNAM, simulator, in
// that order). Objects that hold the client (an OrderSession) must be destroyed before stop().
//
//     test::SimulatorFixture m_fixture;                         // a test class member
//     QVERIFY2(m_fixture.isValid(), qPrintable(m_fixture.errorString()));   // initTestCase()
//     const QString error = m_fixture.start(m_fixture.manualOptions());    // a test function
//     QVERIFY2(error.isEmpty(), qPrintable(error));
//     OrderSession session(m_fixture.client(), &clock);
//     m_fixture.stop();                                          // cleanup()
class SimulatorFixture
{
public:
    /// Lets a test change the client configuration (timeouts, transport) before the client is made.
    using ConfigTweak = std::function<void(RpConfig &config)>;

    SimulatorFixture();
    ~SimulatorFixture();
    SimulatorFixture(const SimulatorFixture &) = delete;
    SimulatorFixture &operator=(const SimulatorFixture &) = delete;

    /// Whether the temporary state dir could be made; errorString() says why not.
    bool isValid() const { return m_stateDir.isValid(); }
    QString errorString() const { return m_stateDir.errorString(); }
    QString stateDir() const { return m_stateDir.path(); }

    /// The fixture's state dir and a manual user (nothing happens until the test acts); library timings.
    sim::SimulatorOptions manualOptions() const;
    /// The fixture's state dir and an automatic user with short delays (picked up after 300 ms, "started"
    /// for 200 ms, signed 300 ms later): an order completes about a second after it is created.
    sim::SimulatorOptions autoOptions() const;

    /// Starts a simulator with `options` (stopping any earlier one) and a client for it; `tweak`, when set,
    /// adjusts the RpConfig first. Returns an empty string, or the simulator's or the configuration's error.
    QString start(const sim::SimulatorOptions &options, const ConfigTweak &tweak = {});
    /// Destroys the client, the QNAM and the simulator (in that order). Safe to call when not started.
    void stop();

    /// The running simulator, QNAM and client; null before start() (the client also when start() failed).
    sim::Simulator *simulator() const { return m_simulator.get(); }
    QNetworkAccessManager *networkAccessManager() const { return m_nam.get(); }
    RpClient *client() const { return m_client.get(); }

private:
    QTemporaryDir m_stateDir;
    std::unique_ptr<sim::Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<RpClient> m_client;
};

} // namespace bankid::test
