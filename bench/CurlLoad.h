#pragma once

#include "LatencyStats.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace bankid::bench {

/// The reference: curl sending `requests` identical POSTs one after another over ONE kept-alive mutual-TLS
/// connection (all URLs in one curl process), each round trip taken from curl's own %{time_total}.
/// The first request (with the TLS handshake) is left out, like the warm-up of the core client's run.
///
///     const LatencyStats curl = CurlLoad::run(url, body, caPem, certPem, keyPem, 1000, &error);
class CurlLoad
{
public:
    static bool isAvailable();
    static LatencyStats run(const QUrl &url, const QByteArray &body, const QString &caFile, const QString &certFile,
                            const QString &keyFile, int requests, QString *error);
};

} // namespace bankid::bench
