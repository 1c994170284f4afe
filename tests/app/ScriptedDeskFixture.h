#pragma once

#include "AppSettings.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "MainWindow.h"
#include "OrderSession.h"
#include "ScriptedHttpsServer.h"
#include "TestPki.h"
#include "UrlOpener.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>

namespace bankid::test {

// The desk against a scripted BankID (ScriptedHttpsServer, real mutual TLS on loopback), configured the
// way an operator configures a custom server (Custom URL, CA file, PEM certificate and key), for answers
// the simulator does not give: risk "high", a dropped connection, a slow /cancel. The window's URL opener
// only records. Header-only and in tests/app because it needs Qt Widgets.
//
// Default answers: every order endpoint answers a new order (fresh UUIDs), /collect answers pending
// "outstandingTransaction" for the orderRef asked about, /cancel answers {} after cancelDelayMs. script()
// queues a different answer for the next request to one endpoint.
//
// Contract: setUp() once (initTestCase; an empty string, or why not, QSKIP-worthy when openssl is
// missing), openWindow() / closeWindow() around every test function, tearDown() last.
//
//     const QString error = m_desk.setUp();           // initTestCase()
//     m_desk.script(QStringLiteral("collect"), [](const QJsonObject &body) { return ...; });
//     m_desk.window()->loginPage()->...->click();
//     QVERIFY(!m_desk.waitPending().isEmpty());
class ScriptedDeskFixture
{
public:
    /// Builds the answer to one request from its JSON body.
    using Answer = std::function<CannedResponse(const QJsonObject &body)>;

    /// Sets up the PKI and the server and connects a ConnectionManager to it. An empty string, or what failed;
    /// `skip` says the failure is a missing tool (openssl), not a defect.
    QString setUp(bool *skip)
    {
        *skip = false;
        QStandardPaths::setTestModeEnabled(true); // ~/.qttest: never the real user data folder
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder: ") + m_dir.errorString();
        if (!m_pki.isValid() || !m_pki.createStandardSet()) {
            *skip = true;
            return QStringLiteral("no test PKI (openssl needed): ") + m_pki.errorString();
        }
        m_server = std::make_unique<ScriptedHttpsServer>();
        m_server->setHandler([this](const RecordedRequest &request) { return answer(request); });
        if (!m_server->listen(m_pki.server(), {m_pki.clientCa().certificate}))
            return QStringLiteral("the scripted server does not listen");

        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setEnvironment(DeskEnvironment::Custom);
        m_settings->setCustomUrl(m_server->baseUrl().toString());
        m_settings->setCustomCaFile(m_pki.serverCa().certPath);
        m_settings->setCertificateFile(m_pki.client().certPath);
        m_settings->setKeyFile(m_pki.client().keyPath);
        m_settings->setEndUserIpOverride(QStringLiteral("192.0.2.10"));
        m_settings->setPollIntervalSeconds(AppSettings::MinPollIntervalSeconds);
        m_connections = std::make_unique<ConnectionManager>(m_settings.get(), DeskOptions());
        QSignalSpy ready(m_connections.get(), &ConnectionManager::ready);
        QSignalSpy failed(m_connections.get(), &ConnectionManager::configurationFailed);
        m_connections->configure();
        if (!QTest::qWaitFor([&] { return ready.count() + failed.count() > 0; }, 5000) || ready.count() != 1)
            return QStringLiteral("the connection did not become ready: ") + m_connections->lastError();
        return {};
    }

    void tearDown()
    {
        m_window.reset();
        m_connections.reset();
        m_server.reset();
    }

    /// A new MainWindow, shown, with a recording URL opener and the default answers.
    QString openWindow()
    {
        m_scripted.clear();
        m_cancelDelayMs = 0;
        m_firstRequest = m_server->requestCount();
        m_openedUrls.clear();
        m_window = std::make_unique<MainWindow>(m_connections.get(), m_settings.get(), DeskOptions());
        m_window->setUrlOpener(UrlOpener([this](const QUrl &url) {
            m_openedUrls << url;
            return true;
        }));
        m_window->resize(1100, 720);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return QStringLiteral("the main window was not exposed");
        return {};
    }

    /// Destroys the window (its close waits for a pending /cancel) and restores the settings tests change.
    void closeWindow()
    {
        if (m_window)
            m_window->close();
        m_window.reset();
        m_settings->setReturnRisk(true);
    }

    /// Answers the next request to `endpoint` ("auth", "collect", "cancel", ...) with `answer` instead.
    void script(const QString &endpoint, const Answer &answer) { m_scripted[endpoint].append(answer); }
    /// How long /cancel takes to answer {} by default.
    void setCancelDelayMs(int delayMs) { m_cancelDelayMs = delayMs; }

    /// Waits until the window's order is pending with a hint code; returns its orderRef (empty on timeout).
    QString waitPending() const
    {
        const bool pending = QTest::qWaitFor([this] {
            return m_window->session() && m_window->session()->state() == OrderSession::State::Pending
                && !m_window->session()->hintCode().isEmpty();
        }, 15000);
        return pending ? m_window->session()->orderRef() : QString();
    }

    /// A collect answer "complete" for the orderRef asked about, with completionData.risk `risk`.
    static CannedResponse complete(const QJsonObject &collectBody, const QString &risk)
    {
        const QJsonObject user{{QStringLiteral("personalNumber"), QStringLiteral("199001012385")},
                               {QStringLiteral("name"), QStringLiteral("Karl Karlsson")},
                               {QStringLiteral("givenName"), QStringLiteral("Karl")},
                               {QStringLiteral("surname"), QStringLiteral("Karlsson")}};
        const QJsonObject device{{QStringLiteral("ipAddress"), QStringLiteral("192.0.2.10")},
                                 {QStringLiteral("uhi"), QStringLiteral("OZvYM9VvyiAmG7NA5jU5zqGcVpo=")}};
        QJsonObject completion{{QStringLiteral("user"), user},
                               {QStringLiteral("device"), device},
                               {QStringLiteral("bankIdIssueDate"), QStringLiteral("2020-02-01")},
                               {QStringLiteral("signature"), QStringLiteral("PHNpZ25hdHVyZS8+")},
                               {QStringLiteral("ocspResponse"), QStringLiteral("MAo=")}};
        if (!risk.isEmpty())
            completion.insert(QStringLiteral("risk"), risk);
        const QJsonObject collect{{QStringLiteral("orderRef"), collectBody.value(QStringLiteral("orderRef"))},
                                  {QStringLiteral("status"), QStringLiteral("complete")},
                                  {QStringLiteral("completionData"), completion}};
        return CannedResponse::json(200, QJsonDocument(collect).toJson(QJsonDocument::Compact));
    }

    /// A collect answer "failed" with `hintCode` for the orderRef asked about.
    static CannedResponse failed(const QJsonObject &collectBody, const QString &hintCode)
    {
        const QJsonObject collect{{QStringLiteral("orderRef"), collectBody.value(QStringLiteral("orderRef"))},
                                  {QStringLiteral("status"), QStringLiteral("failed")},
                                  {QStringLiteral("hintCode"), hintCode}};
        return CannedResponse::json(200, QJsonDocument(collect).toJson(QJsonDocument::Compact));
    }

    /// Requests to `endpoint` since openWindow(), in order (the server serves the whole test case).
    QList<RecordedRequest> requestsTo(const QString &endpoint) const
    {
        QList<RecordedRequest> matching;
        for (const RecordedRequest &request : m_server->requests().mid(m_firstRequest)) {
            if (request.endpoint == endpoint.toUtf8())
                matching << request;
        }
        return matching;
    }

    MainWindow *window() const { return m_window.get(); }
    AppSettings *settings() const { return m_settings.get(); }
    ConnectionManager *connections() const { return m_connections.get(); }
    ScriptedHttpsServer *server() const { return m_server.get(); }
    QList<QUrl> openedUrls() const { return m_openedUrls; }
    QString directory() const { return m_dir.path(); }

private:
    std::optional<CannedResponse> answer(const RecordedRequest &request)
    {
        const QString endpoint = QString::fromUtf8(request.endpoint);
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        auto scripted = m_scripted.find(endpoint);
        if (scripted != m_scripted.end() && !scripted->isEmpty())
            return scripted->takeFirst()(body);
        if (endpoint == QLatin1String("auth") || endpoint == QLatin1String("sign")) {
            const QJsonObject order{{QStringLiteral("orderRef"), uuid()},
                                    {QStringLiteral("autoStartToken"), uuid()},
                                    {QStringLiteral("qrStartToken"), uuid()},
                                    {QStringLiteral("qrStartSecret"), uuid()}};
            return CannedResponse::json(200, QJsonDocument(order).toJson(QJsonDocument::Compact));
        }
        if (endpoint.startsWith(QLatin1String("phone/"))) {
            const QJsonObject order{{QStringLiteral("orderRef"), uuid()}};
            return CannedResponse::json(200, QJsonDocument(order).toJson(QJsonDocument::Compact));
        }
        if (endpoint == QLatin1String("collect")) {
            const QJsonObject pending{{QStringLiteral("orderRef"), body.value(QStringLiteral("orderRef"))},
                                      {QStringLiteral("status"), QStringLiteral("pending")},
                                      {QStringLiteral("hintCode"), QStringLiteral("outstandingTransaction")}};
            return CannedResponse::json(200, QJsonDocument(pending).toJson(QJsonDocument::Compact));
        }
        if (endpoint == QLatin1String("cancel"))
            return CannedResponse::json(200, QByteArrayLiteral("{}"), m_cancelDelayMs);
        return std::nullopt;
    }

    static QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    QTemporaryDir m_dir;
    TestPki m_pki;
    std::unique_ptr<ScriptedHttpsServer> m_server;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<MainWindow> m_window;
    QHash<QString, QList<Answer>> m_scripted;
    int m_cancelDelayMs = 0;
    qsizetype m_firstRequest = 0;
    QList<QUrl> m_openedUrls;
};

} // namespace bankid::test
