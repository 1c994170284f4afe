#pragma once

// Header-only helpers shared by the simulator tests (tests/simulator/Test*.cpp include it): a blocking
// HTTPS client over real mutual TLS (QNetworkAccessManager with the simulator's client.p12) and a fixture
// that starts a Simulator in a temporary state dir on a free loopback port.
//
//     SimulatorFixture fx(options);            // QVERIFY(fx.start()) in the test
//     const HttpResult r = fx.client().rp("auth", R"({"endUserIp":"127.0.0.1"})");
//     QCOMPARE(r.status, 200);

#include "CertificateFactory.h"
#include "Simulator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace simtest {

struct HttpResult {
    int status = 0; ///< 0 when no HTTP answer arrived
    QByteArray body;
    QJsonObject json;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    QString errorCode() const { return json.value(QStringLiteral("errorCode")).toString(); }
    QString details() const { return json.value(QStringLiteral("details")).toString(); }
};

class HttpClient
{
public:
    /// A client for `simulator` presenting `identity` (default: the simulator's own client.p12).
    explicit HttpClient(const bankid::sim::Simulator &simulator, std::optional<bankid::sim::CertifiedKey> identity = {},
                        bool presentCertificate = true)
        : m_base(simulator.baseUrl())
        , m_control(simulator.controlUrl())
    {
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setCaCertificates(QSslCertificate::fromPath(simulator.caCertificatePath()));
        if (presentCertificate) {
            if (identity) {
                m_ssl.setLocalCertificate(identity->certificate);
                m_ssl.setPrivateKey(identity->key);
            } else {
                QFile p12(simulator.clientP12Path());
                p12.open(QIODevice::ReadOnly);
                QSslKey key;
                QSslCertificate certificate;
                QSslCertificate::importPkcs12(&p12, &key, &certificate, nullptr,
                                              QByteArray(bankid::sim::Simulator::clientPassword));
                m_ssl.setLocalCertificate(certificate);
                m_ssl.setPrivateKey(key);
            }
        }
        m_nam.setAutoDeleteReplies(true);
    }

    /// POST to <baseUrl>/<endpoint> (RP API).
    HttpResult rp(const QString &endpoint, const QByteArray &body,
                  const QByteArray &contentType = QByteArrayLiteral("application/json"))
    {
        return send(QByteArrayLiteral("POST"), urlFor(m_base, endpoint), body, contentType);
    }
    HttpResult rp(const QString &endpoint, const QJsonObject &body)
    {
        return rp(endpoint, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    /// Any verb to <controlUrl>/<path> (control API).
    HttpResult control(const QByteArray &verb, const QString &path, const QJsonObject &body = {})
    {
        return send(verb, urlFor(m_control, path),
                    body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                    QByteArrayLiteral("application/json"));
    }
    HttpResult send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType)
    {
        QNetworkRequest request(url);
        request.setSslConfiguration(m_ssl);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setTransferTimeout(15000);
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        HttpResult result;
        if (!finished.wait(20000)) {
            result.errorString = QStringLiteral("no answer within 20 s");
            return result;
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        result.errorString = reply->errorString();
        result.headers = reply->rawHeaderPairs();
        result.contentType = reply->rawHeader("Content-Type");
        result.json = QJsonDocument::fromJson(result.body).object();
        return result;
    }
    QUrl baseUrl() const { return m_base; }

private:
    static QUrl urlFor(const QUrl &root, const QString &path)
    {
        QUrl url = root;
        url.setPath(root.path() + QLatin1Char('/') + path);
        return url;
    }

    QUrl m_base;
    QUrl m_control;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_nam;
};

/// A started simulator in a fresh temporary state dir, with a client for it.
class SimulatorFixture
{
public:
    explicit SimulatorFixture(bankid::sim::SimulatorOptions options = {})
    {
        if (options.stateDir.isEmpty())
            options.stateDir = m_dir.path();
        m_simulator = std::make_unique<bankid::sim::Simulator>(options);
    }
    bool start()
    {
        if (!m_simulator->start(&m_error)) {
            qWarning("simulator did not start: %s", qPrintable(m_error));
            return false;
        }
        m_client = std::make_unique<HttpClient>(*m_simulator);
        return true;
    }
    bankid::sim::Simulator &simulator() { return *m_simulator; }
    HttpClient &client() { return *m_client; }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<bankid::sim::Simulator> m_simulator;
    std::unique_ptr<HttpClient> m_client;
    QString m_error;
};

/// Options with short timings so lifecycle tests finish quickly.
inline bankid::sim::SimulatorOptions fastOptions(bankid::sim::UserMode mode)
{
    bankid::sim::SimulatorOptions options;
    options.userMode = mode;
    options.pickUpDelayMs = 150;
    options.startedDurationMs = 100;
    options.signDelayMs = 150;
    return options;
}

inline QJsonObject authBody()
{
    return QJsonObject{{QStringLiteral("endUserIp"), QStringLiteral("192.168.0.1")}};
}

} // namespace simtest
