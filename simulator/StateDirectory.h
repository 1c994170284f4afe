#pragma once

#include "CertifiedKey.h"

#include <QString>
#include <QStringList>

namespace bankid::sim {

// The simulator's persistent PKI in one folder, created on first use and reused afterwards.
//
// Files: ca.pem + ca-key.pem (the simulator CA), server.pem + server-key.pem (TLS server certificate, SAN
// 127.0.0.1, ::1, localhost and the extra hostnames), client.p12 (RP identity, password
// StateDirectory::clientPassword, AES-256/PBKDF2, SHA-256 MAC), client.pem + client-key.pem (the same
// identity as PEM; the key is UNENCRYPTED so curl and scripts can use it without a prompt). Key files are
// written with mode 0600.
// Reuse rules: the CA and client identity are kept while they parse and are valid; the server certificate
// is regenerated when its SAN set differs from the wanted one, it expires within a day, or it was not
// issued by the current CA. A regenerated CA regenerates everything below it.
//
//     StateDirectory dir(path);
//     if (!dir.ensure({QStringLiteral("desk.local")}, &error)) ...
//     sslConfig.setLocalCertificate(dir.server().certificate);
class StateDirectory
{
public:
    static constexpr const char *clientPassword = "qwerty123";

    explicit StateDirectory(const QString &path);

    /// Creates or reuses the files; false with a message naming the file when something cannot be done.
    bool ensure(const QStringList &extraHostnames, QString *error);

    QString path() const { return m_path; }
    QString caPath() const;
    QString caKeyPath() const;
    QString serverCertPath() const;
    QString serverKeyPath() const;
    QString clientP12Path() const;
    QString clientCertPath() const;
    QString clientKeyPath() const;

    const CertifiedKey &ca() const { return m_ca; }
    const CertifiedKey &server() const { return m_server; }
    const CertifiedKey &client() const { return m_client; }
    /// File names (without folder) written by the last ensure(); empty when everything was reused.
    QStringList generatedFiles() const { return m_generated; }

    /// The SAN list used for the server certificate: 127.0.0.1, ::1, localhost, then the extras.
    static QStringList serverNames(const QStringList &extraHostnames);

    /// Creates `path` (mode 0700) when missing; then refuses a folder not owned by the effective user or
    /// writable by group or others: whoever can write there can swap ca.pem/client.pem and drive the
    /// simulator with their own key. false with an error naming the folder and the problem.
    static bool prepareFolder(const QString &path, QString *error);

private:
    QString file(const char *name) const;
    bool write(const char *name, const QByteArray &data, bool secret, QString *error);
    CertifiedKey load(const char *certName, const char *keyName) const;

    QString m_path;
    CertifiedKey m_ca;
    CertifiedKey m_server;
    CertifiedKey m_client;
    QStringList m_generated;
};

} // namespace bankid::sim
