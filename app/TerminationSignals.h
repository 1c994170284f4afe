#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace bankid {

/// Turns the operating system's "please stop" requests into a Qt signal on the thread that made this object,
/// so the desk can cancel its order at BankID before it exits (a handler itself may do almost nothing).
///
/// Platform file (one concern, one file pair):
/// - POSIX (built and tested here): SIGINT and SIGTERM. The handler only write()s the signal number as one
///   byte into a non-blocking, close-on-exec socketpair (async-signal-safe; errno is saved and restored); a
///   QSocketNotifier on the other end reads it in the event loop and emits terminationRequested(). SA_RESTART,
///   so no system call of Qt's fails with EINTR. The previous dispositions are restored by the destructor.
/// - Windows (NOT BUILT HERE, written against the documented Win32 API): SetConsoleCtrlHandler for
///   CTRL_C_EVENT, CTRL_BREAK_EVENT and CTRL_CLOSE_EVENT. The handler runs on a thread of its own; it queues
///   terminationRequested() to this object's thread. For CTRL_CLOSE_EVENT Windows ends the process when the
///   handler returns (at the latest after ~5 s), so the handler waits up to 4.5 s until acknowledge() says
///   the order was cancelled.
///
/// Contract: at most one instance exists at a time (the handler has one static target); a second one is
/// not installed (isInstalled() false, errorString() says why). A signal that arrives more than once emits
/// more than once: the receiver decides (the desk ignores repeats while it is cancelling).
///
/// \code
///   bankid::TerminationSignals termination;
///   if (!termination.isInstalled()) qCWarning(lc) << termination.errorString();
///   QObject::connect(&termination, &bankid::TerminationSignals::terminationRequested, &window, &QWidget::close);
/// \endcode
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    /// Restores the previous handlers.
    ~TerminationSignals() override;

    bool isInstalled() const { return m_installed; }
    QString errorString() const { return m_errorString; }
    /// The receiver finished what it does before exiting: lets a waiting Windows CTRL_CLOSE_EVENT handler
    /// return. No-op on POSIX.
    void acknowledge();

signals:
    /// POSIX: the signal number (SIGINT, SIGTERM). Windows: the CTRL_*_EVENT code.
    void terminationRequested(int signalNumber);

private:
    void onReadable();

    bool m_installed = false;
    QString m_errorString;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace bankid
