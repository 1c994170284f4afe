#include "SimulatorClientConfig.h"

#include "Simulator.h"

namespace bankid::test {

std::optional<RpConfig> simulatorClientConfig(const sim::Simulator &simulator, QString *error)
{
    return RpConfig::forCustomServer(simulator.baseUrl(), simulator.caCertificatePath(), simulator.clientP12Path(),
                                     sim::Simulator::clientPassword, error);
}

} // namespace bankid::test
