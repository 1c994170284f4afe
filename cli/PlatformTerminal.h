#pragma once

#include <cstdio>

namespace bankid {

/// Whether a C stream (stdout, stderr, stdin) is a terminal: decides whether bankid-cli draws the QR code
/// and colours, or writes plain text for a pipe or a file. Qt has no API for it.
///
/// Contract: POSIX isatty(fileno(stream)); Windows _isatty(_fileno(stream)), which is also true for the
/// NUL device and serial ports (a character device), not only for a console. A null stream is no terminal.
///
/// POSIX branch: built and tested on Linux (tests/cli/TestPlatformTerminal.cpp).
/// Windows branch: written against the Microsoft C runtime documentation, not built here.
class PlatformTerminal
{
public:
    static bool isTerminal(std::FILE *stream);
};

} // namespace bankid
