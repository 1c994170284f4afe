#include "CurlLoad.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace bankid::bench {

bool CurlLoad::isAvailable()
{
    return !QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty();
}

LatencyStats CurlLoad::run(const QUrl &url, const QByteArray &body, const QString &caFile, const QString &certFile,
                           const QString &keyFile, int requests, QString *error)
{
    LatencyStats stats;
    QTemporaryFile bodyFile;
    if (!bodyFile.open() || bodyFile.write(body) != body.size() || !bodyFile.flush()) {
        *error = QStringLiteral("cannot write curl's request body to a temporary file");
        return stats;
    }
    // --data-binary applies to every URL of the command line; bodies go to stdout (discarded), the
    // per-transfer timing to stderr. --http1.1 matches what the BankID client speaks.
    QStringList arguments {QStringLiteral("--silent"), QStringLiteral("--show-error"), QStringLiteral("--http1.1"),
                           QStringLiteral("--cacert"), caFile, QStringLiteral("--cert"), certFile,
                           QStringLiteral("--key"), keyFile,
                           QStringLiteral("--header"), QStringLiteral("Content-Type: application/json"),
                           QStringLiteral("--data-binary"), QLatin1Char('@') + bodyFile.fileName(),
                           QStringLiteral("--write-out"), QStringLiteral("%{stderr}%{time_total}\\n")};
    const QString target = url.toString();
    for (int i = 0; i < requests + 1; ++i)
        arguments << target;

    QProcess curl;
    curl.setStandardOutputFile(QProcess::nullDevice());
    curl.start(QStringLiteral("curl"), arguments);
    if (!curl.waitForFinished(600000) || curl.exitStatus() != QProcess::NormalExit || curl.exitCode() != 0) {
        *error = QStringLiteral("curl failed (exit %1): %2").arg(curl.exitCode()).arg(QString::fromLocal8Bit(curl.readAllStandardError()).left(300));
        return stats;
    }
    const QList<QByteArray> lines = curl.readAllStandardError().split('\n');
    bool first = true;
    for (const QByteArray &line : lines) {
        bool ok = false;
        const double seconds = line.trimmed().toDouble(&ok);
        if (!ok)
            continue;
        if (first) { // the request that paid for the TLS handshake
            first = false;
            continue;
        }
        stats.add(qint64(seconds * 1e9));
    }
    // Wall time of the kept-alive requests only: the process start and the handshake are not curl's
    // per-request cost.
    stats.setWallTimeNs(qint64(stats.meanUs() * 1000.0 * stats.count()));
    if (stats.count() != requests)
        *error = QStringLiteral("curl reported %1 timings for %2 requests").arg(stats.count()).arg(requests);
    return stats;
}

} // namespace bankid::bench
