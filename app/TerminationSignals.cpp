#include "TerminationSignals.h"

#include <QMetaObject>
#include <QPointer>
#include <QSocketNotifier>

#ifdef Q_OS_WIN
// NOT BUILT HERE: written against the documented Win32 API (SetConsoleCtrlHandler, HandlerRoutine,
// CreateEventW, WaitForSingleObject); compiled and tested on Linux only.
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace bankid {

#ifdef Q_OS_WIN

namespace {

QPointer<TerminationSignals> &target()
{
    static QPointer<TerminationSignals> instance;
    return instance;
}
HANDLE g_acknowledged = nullptr; ///< manual-reset event set by acknowledge()

BOOL WINAPI onConsoleControl(DWORD type)
{
    if (type != CTRL_C_EVENT && type != CTRL_BREAK_EVENT && type != CTRL_CLOSE_EVENT)
        return FALSE; // logoff/shutdown: the default handling
    TerminationSignals *receiver = target().data();
    if (!receiver)
        return FALSE;
    QMetaObject::invokeMethod(receiver, "terminationRequested", Qt::QueuedConnection, Q_ARG(int, int(type)));
    // Windows ends the process as soon as a CTRL_CLOSE_EVENT handler returns (or after ~5 s): give the
    // desk time to cancel its order at BankID.
    if (type == CTRL_CLOSE_EVENT && g_acknowledged)
        WaitForSingleObject(g_acknowledged, 4500);
    return TRUE;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    if (target()) {
        m_errorString = QStringLiteral("another TerminationSignals object is installed");
        return;
    }
    g_acknowledged = CreateEventW(nullptr, TRUE, FALSE, nullptr);
    if (!SetConsoleCtrlHandler(onConsoleControl, TRUE)) {
        m_errorString = QStringLiteral("SetConsoleCtrlHandler failed with error %1").arg(GetLastError());
        return;
    }
    target() = this;
    m_installed = true;
}

TerminationSignals::~TerminationSignals()
{
    if (!m_installed)
        return;
    SetConsoleCtrlHandler(onConsoleControl, FALSE);
    target() = nullptr;
    if (g_acknowledged) {
        SetEvent(g_acknowledged);
        CloseHandle(g_acknowledged);
        g_acknowledged = nullptr;
    }
}

void TerminationSignals::acknowledge()
{
    if (g_acknowledged)
        SetEvent(g_acknowledged);
}

void TerminationSignals::onReadable() {}

#else // POSIX

namespace {

constexpr int HandledSignals[] = {SIGINT, SIGTERM};
int g_pipe[2] = {-1, -1}; ///< [0] read by the notifier, [1] written by the handler
struct sigaction g_previous[2];

extern "C" void onTerminationSignal(int signalNumber)
{
    // Async-signal-safe only: write(2) on a non-blocking socket; a full buffer drops the byte (a request
    // is already queued then).
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    errno = savedErrno;
}

bool setFlags(int fd)
{
    const int fdFlags = ::fcntl(fd, F_GETFD);
    const int flFlags = ::fcntl(fd, F_GETFL);
    return fdFlags >= 0 && flFlags >= 0 && ::fcntl(fd, F_SETFD, fdFlags | FD_CLOEXEC) == 0
        && ::fcntl(fd, F_SETFL, flFlags | O_NONBLOCK) == 0;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    if (g_pipe[0] >= 0) {
        m_errorString = QStringLiteral("another TerminationSignals object is installed");
        return;
    }
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) {
        m_errorString = QStringLiteral("socketpair for the signal handler failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    if (!setFlags(fds[0]) || !setFlags(fds[1])) {
        m_errorString = QStringLiteral("fcntl on the signal handler's socket failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    g_pipe[0] = fds[0];
    g_pipe[1] = fds[1];
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::onReadable);

    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int i = 0; i < 2; ++i)
        ::sigaction(HandledSignals[i], &action, &g_previous[i]);
    m_installed = true;
}

TerminationSignals::~TerminationSignals()
{
    if (!m_installed)
        return;
    for (int i = 0; i < 2; ++i)
        ::sigaction(HandledSignals[i], &g_previous[i], nullptr);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void TerminationSignals::acknowledge() {}

void TerminationSignals::onReadable()
{
    unsigned char bytes[16];
    for (;;) {
        const ssize_t count = ::read(g_pipe[0], bytes, sizeof bytes);
        if (count <= 0)
            break;
        for (ssize_t i = 0; i < count; ++i)
            emit terminationRequested(int(bytes[i]));
    }
}

#endif

} // namespace bankid
