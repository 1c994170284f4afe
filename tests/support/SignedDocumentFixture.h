#pragma once

#include "Receipt.h"

#include <QString>

#include <optional>

namespace bankid::test {

class SimulatorFixture;

// Signs a real file on a running in-process simulator exactly as a front end does, and returns the receipt
// a front end would write: DocumentDigest::ofFile → DocumentSignRequest::build (endUserIp 127.0.0.1) →
// OrderSession (QR start, the simulator's automatic user) → Receipt with requestBody = request.toJson() and
// collectResponse = session.completedCollectResponse(), environment "simulator" and the simulator's URL.
//
// Contract: `fixture` must be started with an automatic user (SimulatorFixture::autoOptions()). Blocks
// (spinning the event loop) until the order completes or fails, at most `timeoutMs`. Returns the receipt
// (writtenAt = now; not written anywhere), or nullopt with `error` saying what failed. The simulator's
// signing root, which verifies the receipt, is fixture.simulator()->signingRootPath().
//
//     QString error;
//     const auto receipt = test::signDocumentOnSimulator(m_fixture, pdfPath, &error);
//     QVERIFY2(receipt, qPrintable(error));
//     const QString written = ReceiptWriter::write(*receipt, pdfPath, &error);
std::optional<Receipt> signDocumentOnSimulator(SimulatorFixture &fixture, const QString &documentPath, QString *error,
                                               int timeoutMs = 30000);

} // namespace bankid::test
