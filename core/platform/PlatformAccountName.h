#pragma once

#include <QString>

namespace bankid {

/// The operating system's account name of the user this process runs as: the audit log's "operator".
///
/// Why not qEnvironmentVariable("USER"): whoever starts the process sets the environment, so USER,
/// LOGNAME and USERNAME are only a fallback (AuditEntry uses them when this is empty); Qt has no API for
/// the account name.
///
/// Contract: POSIX: the passwd entry of the real user id (getpwuid(getuid())); Windows: GetUserNameW()
/// (the SAM account name of the thread's token). Empty when the system has no name for the account (a
/// container without a passwd entry for the uid). Never throws, never blocks beyond a passwd lookup.
///
/// POSIX branch: built and tested on Linux (tests/core/platform/TestPlatformAccountName.cpp).
/// Windows branch: written against the Win32 documentation, not built here.
class PlatformAccountName
{
public:
    static QString current();
};

} // namespace bankid
