#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace bankid::test {

/// A throw-away PKI for tests, minted with the `openssl` command line into a QTemporaryDir: CAs, server
/// and client certificates (any validity period, expired ones included, via `openssl ca`), PKCS#12
/// exports (modern or `-legacy`, with or without key) and encrypted PEM keys.
///
/// \code
///   bankid::test::TestPki pki;
///   if (!pki.createStandardSet())
///       QSKIP(qPrintable(pki.errorString()));
///   server.listen(pki.serverConfiguration(pki.server()));
///   config.caCertificates = {pki.serverCa().certificate};
/// \endcode
class TestPki
{
public:
    /// The key algorithm of a generated key pair.
    enum class KeyType {
        Ec,  ///< P-256: fast to generate, the default
        Rsa, ///< RSA 2048, like BankID's RP certificates
    };

    /// What a leaf certificate is for (its extendedKeyUsage).
    enum class Usage {
        Server, ///< serverAuth
        Client, ///< clientAuth
    };

    /// A certificate with its unencrypted PEM key, on disk and loaded.
    struct Credential
    {
        QString name;
        QString certPath;
        QString keyPath;
        QSslCertificate certificate;
        QSslKey key;
        bool isNull() const { return certificate.isNull() || key.isNull(); }
    };

    struct LeafOptions
    {
        QString commonName;      ///< defaults to the credential's name
        QString organization = QStringLiteral("BankID Desk Test");
        QStringList dnsNames;    ///< subjectAltName DNS entries
        QStringList ipAddresses; ///< subjectAltName IP entries
        Usage usage = Usage::Server;
        KeyType keyType = KeyType::Ec;
        QDateTime notBefore;     ///< default: now - 1 day
        QDateTime notAfter;      ///< default: now + 365 days
    };

    TestPki();

    /// False when the temporary directory could not be made or openssl is missing; see errorString().
    bool isValid() const;
    QString errorString() const { return m_error; }
    QString directory() const { return m_dir.path(); }
    QString filePath(const QString &fileName) const { return m_dir.filePath(fileName); }

    /// A self-signed CA named `name` (files <name>.crt/.key and a small `openssl ca` database).
    Credential createCa(const QString &name, KeyType keyType = KeyType::Ec);
    /// A leaf certificate for `name` issued by `ca`.
    Credential issue(const Credential &ca, const QString &name, const LeafOptions &options);
    /// Exports `leaf` (and `chain`) as PKCS#12 to <fileName>; `legacy` uses `openssl pkcs12 -legacy`
    /// (RC2-40/3DES, SHA-1 MAC); `withKey` false gives a certificate-only file. Empty path on failure.
    QString exportPkcs12(const Credential &leaf, const QString &fileName, const QString &password, bool legacy,
                         bool withKey = true, const QList<Credential> &chain = {});
    /// The key of `leaf` as encrypted PKCS#8 PEM (AES-256-CBC) in <fileName>. Empty path on failure.
    QString encryptKey(const Credential &leaf, const QString &fileName, const QString &password);
    /// Writes `data` to <fileName> and returns its path.
    QString writeFile(const QString &fileName, const QByteArray &data);

    /// serverCa + server (localhost, 127.0.0.1), clientCa + client, and rogueCa (trusted by nobody).
    bool createStandardSet();
    const Credential &serverCa() const { return m_serverCa; }
    const Credential &clientCa() const { return m_clientCa; }
    const Credential &rogueCa() const { return m_rogueCa; }
    const Credential &server() const { return m_server; }
    const Credential &client() const { return m_client; }

    /// After createStandardSet(): the server and client credentials of the TLS failure rows, by name.
    /// Servers: "good", "unpinned-ca" (from rogueCa), "expired", "other-host" (appapi2.other.example).
    /// Clients: "good", "none" (a null credential), "other-ca" (from rogueCa). False if any is missing.
    bool createTlsFailureSet(QHash<QString, Credential> *servers, QHash<QString, Credential> *clients);

    /// Runs `openssl args...`; false (and errorString()) on failure.
    bool runOpenSsl(const QStringList &arguments, QByteArray *output = nullptr);

private:
    bool generateKeyArgs(KeyType keyType, QStringList *arguments) const;

    QTemporaryDir m_dir;
    QString m_openssl;
    QString m_error;
    Credential m_serverCa;
    Credential m_clientCa;
    Credential m_rogueCa;
    Credential m_server;
    Credential m_client;
};

} // namespace bankid::test
