#pragma once

#include <QString>

namespace bankid {

/// Loads OpenSSL 3's "legacy" provider (RC2-40, 3DES, SHA-1 MACs of old PKCS#12 files such as BankID's
/// "-legacy.pfx") together with "default": loading any provider explicitly disables the implicit default
/// one, so both must be loaded (qt-platform-notes "PKCS#12 and TLS"). Qt's TLS plugin shares the process'
/// libcrypto, so after this call QSslCertificate::importPkcs12 reads legacy files too.
///
/// \code
///   QString why;
///   if (!bankid::OpenSslProviders::ensureLegacyLoaded(&why))
///       qWarning() << why; // modern AES/PBKDF2 files still load
/// \endcode
class OpenSslProviders
{
public:
    /// Idempotent and thread-safe; the providers stay loaded for the life of the process. Returns false
    /// (with the reason in *error) when the legacy provider module is missing; the default provider is
    /// still loaded in that case.
    static bool ensureLegacyLoaded(QString *error = nullptr);

    /// True once ensureLegacyLoaded() has loaded the legacy provider in this process. ClientIdentity calls
    /// it only for a PKCS#12 file that the default algorithms cannot read, so after modern files only
    /// this stays false.
    static bool legacyLoaded();
};

} // namespace bankid
