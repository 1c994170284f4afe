#include "PlatformTerminal.h"

#include <QtGlobal>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace bankid {

bool PlatformTerminal::isTerminal(std::FILE *stream)
{
    if (!stream)
        return false;
#ifndef Q_OS_WIN
    // POSIX branch: built and tested on Linux.
    return ::isatty(::fileno(stream)) == 1;
#else
    // Windows branch: written against the Microsoft C runtime documentation, not built here.
    return ::_isatty(::_fileno(stream)) != 0;
#endif
}

} // namespace bankid
