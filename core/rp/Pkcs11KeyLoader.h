#pragma once

#include "ClientIdentityError.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace bankid {

/// Loads the RP private key (and optionally its certificate) from a PKCS#11 token through OpenSSL's
/// pkcs11 ENGINE (libp11, Debian 12: libengine-pkcs11-openssl): the key is an EVP_PKEY whose operations
/// run on the token, handed to Qt by handle, so the key material never exists in this process.
///
/// Contract: load() never logs or returns the PIN and never prompts on a terminal. The module is
/// `BANKID_PKCS11_MODULE`, else the URI's `module-path`, else p11-kit's proxy (defaultModulePath()). A
/// `pin-value` in the URI is refused (the PIN would sit in clear in a command line or settings file): the PIN
/// comes from `pin` only. The ENGINE is initialised once per process with the first module used and kept
/// until exit, because libp11's keys point into its PKCS#11 context (see the .cpp). Thread-safe.
///
/// \code
///   const auto loaded = Pkcs11KeyLoader::load(QStringLiteral("pkcs11:token=RP;object=rp"), pin, true);
///   if (loaded.error.isError())
///       return fail(loaded.error.message());
/// \endcode
class Pkcs11KeyLoader
{
public:
    struct Result
    {
        QSslKey key;                 ///< the token key (Qt holds it as Rsa/Ec with the engine's methods)
        QSslCertificate certificate; ///< from the token, when asked for and found
        ClientIdentityError error;   ///< Kind::None on success; names the token, never the PIN
    };

    /// True when `location` is an RFC 7512 URI (scheme `pkcs11:`, any case).
    static bool isTokenUri(const QString &location);
    /// Where the PKCS#11 module comes from when neither the variable nor the URI says.
    static QString defaultModulePath();
    /// `uri` without its query (pin-value, module-path): safe for messages and logs.
    static QString displayUri(const QString &uri);

    /// Loads the private key named by `uri` (token, object and/or id), logging in with `pin`; with
    /// `withCertificate`, also the certificate object with the same object/id (Kind::TokenCertificateNotFound
    /// when there is none).
    static Result load(const QString &uri, const QByteArray &pin, bool withCertificate);
};

} // namespace bankid
