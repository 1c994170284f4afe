#pragma once

namespace bankid {

/// bankid-cli's process exit codes (documented in README): scripts branch on them.
enum class ExitCode {
    Complete = 0,      ///< the order completed (or the command did what it was asked)
    OrderFailed = 1,   ///< the order failed, was cancelled, or BankID refused the request
    Usage = 2,         ///< bad command line or configuration (certificate, CA, URL, request validation)
    Network = 3,       ///< network, timeout or TLS failure: nothing was decided about the order
};

} // namespace bankid
