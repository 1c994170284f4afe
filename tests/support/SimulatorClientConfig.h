#pragma once

#include "RpConfig.h"

namespace bankid::sim {
class Simulator;
}

namespace bankid::test {

/// The RpConfig an operator would build for a running simulator: its base URL, its ca.pem as the only
/// trust anchor, its client.p12 with the password it prints. Tests then tweak timeouts or the transport.
///
///     const auto config = test::simulatorClientConfig(simulator, &error);
///     QVERIFY2(config, qPrintable(error));
std::optional<RpConfig> simulatorClientConfig(const sim::Simulator &simulator, QString *error);

} // namespace bankid::test
