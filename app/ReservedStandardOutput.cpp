#include "ReservedStandardOutput.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_WIN
// NOT BUILT HERE: the CRT's documented _dup/_dup2/_close (<io.h>); _fileno(stdout) is 1, _fileno(stderr) 2.
#include <io.h>
#define BANKID_DUP _dup
#define BANKID_DUP2 _dup2
#define BANKID_CLOSE _close
#else
#include <fcntl.h>
#include <unistd.h>
#define BANKID_DUP(fd) ::fcntl((fd), F_DUPFD_CLOEXEC, 3)
#define BANKID_DUP2 ::dup2
#define BANKID_CLOSE ::close
#endif

namespace bankid {

bool ReservedStandardOutput::reserve(QString *error)
{
    std::fflush(stdout);
    const int duplicate = BANKID_DUP(1);
    if (duplicate < 0) {
        if (error)
            *error = QStringLiteral("cannot duplicate standard output: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (BANKID_DUP2(2, 1) < 0) {
        if (error)
            *error = QStringLiteral("cannot point standard output at standard error: %1")
                         .arg(QString::fromLocal8Bit(std::strerror(errno)));
        BANKID_CLOSE(duplicate);
        return false;
    }
    m_descriptor = duplicate;
    return true;
}

} // namespace bankid
