#pragma once

#include "AppSettings.h"
#include "ConnectionManager.h"
#include "DeskOptions.h"
#include "MainWindow.h"
#include "OrderSession.h"
#include "Simulator.h"
#include "UrlOpener.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace bankid::test {

// The desk as the app composes it, for the MainWindow-level tests: settings in a temporary folder (the 2 s
// poll interval floor, so tests stay short), a ConnectionManager running the embedded simulator (manual user: nothing
// happens until the test acts; "started" lasts 100 ms) and, per test function, one shown MainWindow whose
// URL opener only records (a test never starts a real program for a bankid: link).
// Header-only and in tests/app because it needs Qt Widgets, which bankid_test_support does not link.
//
// Contract: setUp() once (initTestCase), then openWindow() / closeWindow() around every test function
// (init / cleanup), tearDown() last. setUp() and openWindow() return an empty string or what failed.
//
//     QString error = m_desk.setUp();                 // initTestCase()
//     QVERIFY2(error.isEmpty(), qPrintable(error));
//     error = m_desk.openWindow(QSize(1100, 720));    // init()
//     QVERIFY2(error.isEmpty(), qPrintable(error));
//     const QString orderRef = m_desk.waitPending();  // after starting an order in the window
class DeskFixture
{
public:
    QString setUp()
    {
        QStandardPaths::setTestModeEnabled(true); // ~/.qttest: never the real user data folder
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder: ") + m_dir.errorString();
        m_settings = std::make_unique<AppSettings>(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings->setPollIntervalSeconds(AppSettings::MinPollIntervalSeconds); // short tests
        m_connections = std::make_unique<ConnectionManager>(m_settings.get(), DeskOptions());
        sim::SimulatorOptions options;
        options.stateDir = m_dir.filePath(QStringLiteral("simulator"));
        options.userMode = sim::UserMode::Manual;
        options.startedDurationMs = 100;
        m_connections->setSimulatorOptions(options);
        QSignalSpy ready(m_connections.get(), &ConnectionManager::ready);
        m_connections->configure();
        if (!QTest::qWaitFor([&ready] { return ready.count() == 1; }, 5000))
            return QStringLiteral("the connection did not become ready once (%1 ready signals)").arg(ready.count());
        if (!simulator())
            return QStringLiteral("the embedded simulator is not running");
        return {};
    }

    /// Destroys the window and the connections (and with them the simulator).
    void tearDown()
    {
        m_window.reset();
        m_connections.reset();
    }

    /// A new MainWindow, shown (resized to `size` when valid), with the demo phone docked.
    QString openWindow(const QSize &size = {})
    {
        m_window = std::make_unique<MainWindow>(m_connections.get(), m_settings.get(), DeskOptions());
        m_openedUrls.clear();
        m_openerSucceeds = true;
        m_window->setUrlOpener(UrlOpener([this](const QUrl &url) {
            m_openedUrls << url;
            return m_openerSucceeds;
        }));
        if (size.isValid())
            m_window->resize(size);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return QStringLiteral("the main window was not exposed");
        // The simulator environment docks the demo phone.
        if (!QTest::qWaitFor([this] { return m_window->demoPhonePanel() != nullptr; }, 5000))
            return QStringLiteral("the demo phone panel was not docked");
        return {};
    }

    /// Destroys the window and clears the simulator's faults, for the next test function.
    void closeWindow()
    {
        m_window.reset();
        simulator()->clearFaults();
    }

    /// Waits until the window's order is pending with a hint code; returns its orderRef (empty on timeout).
    QString waitPending() const
    {
        const bool pending = QTest::qWaitFor([this] {
            return m_window->session() && m_window->session()->state() == OrderSession::State::Pending
                && !m_window->session()->hintCode().isEmpty();
        }, 10000);
        return pending ? m_window->session()->orderRef() : QString();
    }

    /// The URLs the window asked the desktop to open (this window only), in order.
    QList<QUrl> openedUrls() const { return m_openedUrls; }
    /// What the recording opener reports: false plays a computer where nothing opens bankid: links.
    void setOpenerSucceeds(bool succeeds) { m_openerSucceeds = succeeds; }

    MainWindow *window() const { return m_window.get(); }
    AppSettings *settings() const { return m_settings.get(); }
    ConnectionManager *connections() const { return m_connections.get(); }
    sim::Simulator *simulator() const { return m_connections->simulator(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<MainWindow> m_window;
    QList<QUrl> m_openedUrls;
    bool m_openerSucceeds = true;
};

} // namespace bankid::test
