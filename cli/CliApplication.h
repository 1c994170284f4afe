#pragma once

#include "CliOptions.h"
#include "DocumentDigest.h"
#include "IdCardCode.h"
#include "ExitCode.h"
#include "OrderSession.h"
#include "SteadyClock.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace bankid {

class RpClient;
class RpError;
struct RpConfig;
namespace sim {
class Simulator;
}

/// Runs one bankid-cli command on the event loop and ends the application with its exit code.
///
/// Contract: every outcome ends in exactly one call of finish(), which prints the result (stdout) or a
/// one-sentence reason (stderr) and quits the event loop with an ExitCode. An order still pending when
/// the user interrupts (SIGINT/SIGTERM) is cancelled at BankID before the process exits. The event loop
/// never quits while the RpClient has a call in flight (typically the /cancel of an order the session
/// abandoned after a failed collect): finish() waits for RpClient::idle(), at most the request deadline
/// (RpConfig::requestDeadlineMs, restarted for each request sent meanwhile, e.g. a CancelJob's re-send) plus
/// a margin.
/// `--simulator` runs the simulator in this process with its state (PKI, signing root) in the desk's
/// embedded-simulator folder, EvidenceRoots::deskSimulatorStateDir(): shared on purpose, so receipts made by
/// `sign-file --simulator` still verify later, against the same root as the desk's demo mode.
///
///     CliApplication cli(options);
///     QTimer::singleShot(0, &cli, &CliApplication::start);
///     return app.exec();
class CliApplication : public QObject
{
    Q_OBJECT

public:
    explicit CliApplication(const CliOptions &options, QObject *parent = nullptr);
    ~CliApplication() override;

    /// Starts the command given in the options.
    void start();
    /// Asks a running order to cancel (the interrupt handler calls this); finishes when BankID answered.
    void interrupt();

private:
    /// Builds m_client from the options (or from the in-process simulator). False: finish() was called.
    bool connectToServer();
    bool startSimulator(RpConfig *config);
    OrderRequest buildRequest() const;
    void runOrder();
    /// sign-file: the order completed; writes the receipt and finishes.
    void saveReceipt();
    void runCollect();
    void runCancel();
    /// verify-id-card: one /verify of `code` (minted first with --new-test-card), then the evidence against
    /// `roots` (none given and --simulator: the embedded simulator's signing root).
    void runVerifyIdCard(std::optional<IdCardCode> code, QList<QSslCertificate> roots);

    void onHintChanged(const QString &hintCode, Rfa rfa);
    void onQrContentChanged(const QString &content);
    void onCompleted(const CompletionData &completion);
    void onFailed(const OrderFailure &failure);
    void redraw();

    void finishWithError(const RpError &error);
    void finish(ExitCode code, const QString &message = {});
    /// Quits the event loop with m_exitCode once no call is in flight; called again by RpClient::idle().
    void exitWhenIdle();
    /// The calls in flight outlived the wait: exit without their answers.
    void onIdleWaitTimeout();

    CliOptions m_options;
    bool m_terminal = false; ///< stdout is a terminal and --json is off: draw the live view
    QNetworkAccessManager m_nam;
    SteadyClock m_clock;
    std::unique_ptr<sim::Simulator> m_simulator;
    QString m_baseUrl;                // of the server connected to, for receipts
    RpClient *m_client = nullptr;     // child of this
    OrderSession *m_session = nullptr; // child of this
    StartMethod m_startMethod = StartMethod::QrCode;
    QString m_qrContent;
    QString m_hintCode;
    Rfa m_rfa = Rfa::None;
    QTimer m_redrawTimer;
    bool m_finished = false;
    bool m_interrupted = false;
    ExitCode m_exitCode = ExitCode::Complete; ///< decided by finish()
    bool m_exitRequested = false;             ///< QCoreApplication::exit() was called
    QTimer m_idleWaitTimer;                   ///< bounds finish()'s wait for the calls in flight

    // sign-file
    std::optional<DocumentDigest> m_digest; ///< of options.documentFile, taken before the order
    OrderRequest m_request;                 ///< the request as sent
    QDateTime m_startedAt;
};

} // namespace bankid
