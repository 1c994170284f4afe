#include "SimulatorFixture.h"

#include "RpClient.h"
#include "Simulator.h"
#include "SimulatorClientConfig.h"

#include <QNetworkAccessManager>

namespace bankid::test {

SimulatorFixture::SimulatorFixture() = default;

SimulatorFixture::~SimulatorFixture()
{
    stop();
}

sim::SimulatorOptions SimulatorFixture::manualOptions() const
{
    sim::SimulatorOptions options;
    options.stateDir = m_stateDir.path();
    options.userMode = sim::UserMode::Manual;
    return options;
}

sim::SimulatorOptions SimulatorFixture::autoOptions() const
{
    sim::SimulatorOptions options;
    options.stateDir = m_stateDir.path();
    options.userMode = sim::UserMode::Auto;
    options.pickUpDelayMs = 300;
    options.startedDurationMs = 200;
    options.signDelayMs = 300;
    return options;
}

QString SimulatorFixture::start(const sim::SimulatorOptions &options, const ConfigTweak &tweak)
{
    stop();
    m_simulator = std::make_unique<sim::Simulator>(options);
    QString error;
    if (!m_simulator->start(&error))
        return error;
    const auto configured = simulatorClientConfig(*m_simulator, &error);
    if (!configured)
        return error;
    RpConfig config = *configured;
    if (tweak)
        tweak(config);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<RpClient>(m_nam.get(), config);
    return {};
}

void SimulatorFixture::stop()
{
    m_client.reset();
    m_nam.reset();
    m_simulator.reset();
}

} // namespace bankid::test
