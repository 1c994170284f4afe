#pragma once

#include "ApiTypes.h"
#include "DeskOptions.h"
#include "OrderFailure.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <optional>

class QIODevice;

namespace bankid {

class ConnectionManager;
class MainWindow;

/// `bankid-desk --start TASK --once`: the desk as an identity prompt for other programs. Watches a
/// MainWindow in single-order mode (DeskOptions::once) and turns what becomes of its one order into one JSON
/// object on `output` (stdout) and an exit status.
///
/// Contract:
/// - finished(code) is emitted exactly once; main() exits with that code. Before it, `output` gets at most
///   one compact JSON object and a newline, nothing else (messages go to stderr through qWarning):
///   - ExitCode::Verified (0): identityJson(): outcome "verified", personalNumber, name, givenName, surname,
///     flow ("auth", "sign", "phone-auth"), orderRef, completedAt (ISO 8601 UTC, "…Z"), environment (the
///     stable key: simulator, test, production, custom); signature and ocspResponse (base64, as BankID sent
///     them) only with DeskOptions::withEvidence.
///   - ExitCode::Failed (1): the order ended at BankID without an identity (the person cancelled, a failed
///     hintCode, the deadline, a risk block, BankID refused the request): failureJson(): outcome "failed",
///     flow, orderRef (when BankID gave one), environment, hintCode or error (BankID's errorCode, else the
///     kind), message (the technical message, English).
///   - ExitCode::Usage (2): the connection could not be configured (certificate, password, CA): nothing on
///     output. (main() exits 2 for command-line errors before any OnceRun exists.)
///   - ExitCode::Network (3): RpError Timeout, Connection, ServerCertificateUntrusted,
///     ClientCertificateRejected or Tls: nothing on output.
///   - ExitCode::ClosedByOperator (4): the window was closed (also by Esc, the order's Cancel, and by
///     SIGINT/SIGTERM through TerminationSignals, which main() turns into a close): MainWindow::closed()
///     comes only after the order was cancelled at BankID (its /cancel answered or timed out). Nothing on
///     output.
/// - Never a second order: MainWindow's single-order mode allows one; this class never starts one.
///
/// \code
///   bankid::OnceRun once(&window, &connections, options, &standardOutput);
///   QObject::connect(&once, &bankid::OnceRun::finished, &app, [](int code) { QCoreApplication::exit(code); },
///                    Qt::QueuedConnection);
/// \endcode
class OnceRun : public QObject
{
    Q_OBJECT

public:
    /// The process exit status of a --once run.
    enum ExitCode {
        Verified = 0,
        Failed = 1,
        Usage = 2,
        Network = 3,
        ClosedByOperator = 4,
    };
    Q_ENUM(ExitCode)

    /// Watches `window` (which must be in single-order mode) and `connections`; writes to `output` (open for
    /// writing; not owned). Call before the connection is configured, or it checks its state at once.
    OnceRun(MainWindow *window, ConnectionManager *connections, const DeskOptions &options, QIODevice *output,
            QObject *parent = nullptr);

    /// The exit code once finished() was emitted.
    std::optional<int> exitCode() const { return m_exitCode; }

    /// The verified identity (see the class contract).
    static QJsonObject identityJson(const CompletionData &completion, Flow flow, const QString &orderRef,
                                    const QDateTime &completedAt, const QString &environment, bool withEvidence);
    /// The failed order (see the class contract).
    static QJsonObject failureJson(const OrderFailure &failure, Flow flow, const QString &orderRef,
                                   const QString &environment);
    /// The exit code of a failed order: Network for the network/TLS kinds of RpError, Usage for
    /// RpError::Kind::Configuration, Failed for everything else.
    static ExitCode exitCodeFor(const OrderFailure &failure);

signals:
    void finished(int exitCode);

private:
    void onCompleted(const CompletionData &completion);
    void onFailed(const OrderFailure &failure);
    void onConfigurationFailed(const QString &message);
    void onClosed();
    void finish(int code, const QJsonObject &json = {});
    QString environmentKey() const;

    QPointer<MainWindow> m_window;
    ConnectionManager *m_connections;
    DeskOptions m_options;
    QIODevice *m_output;
    std::optional<int> m_exitCode;
};

} // namespace bankid
