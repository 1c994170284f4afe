#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace bankid {

/// The RP certificate password in the system keychain (qtkeychain: Secret Service, KWallet, macOS
/// Keychain, Windows Credential Store), keyed by the certificate file path.
///
/// Contract: without qtkeychain (BANKID_HAVE_QTKEYCHAIN undefined) isAvailable() is false and nothing is
/// stored anywhere: every read answers "not stored" and the password is asked each time. qtkeychain's
/// insecure plain-text fallback is switched off, so a password is NEVER written in plain text. Every
/// operation answers asynchronously with exactly one signal; passwords are never logged.
///
/// \code
///   auto *store = new bankid::PasswordStore(this);
///   connect(store, &bankid::PasswordStore::readFinished, this,
///           [this](const QString &key, const QByteArray &password, const QString &error) { ... });
///   store->read(certificatePath);
/// \endcode
class PasswordStore : public QObject
{
    Q_OBJECT

public:
    explicit PasswordStore(QObject *parent = nullptr);

    /// True when built with qtkeychain (a keychain backend may still refuse at run time: see the errors).
    static bool isAvailable();

    /// Looks up the password for `key`; answers with readFinished().
    void read(const QString &key);
    /// Stores `password` for `key`; answers with writeFinished().
    void write(const QString &key, const QByteArray &password);
    /// Forgets the password for `key`; answers with removeFinished().
    void remove(const QString &key);

signals:
    /// `password` is empty and `error` says why when nothing was found or the keychain failed.
    void readFinished(const QString &key, const QByteArray &password, const QString &error);
    /// `error` empty on success.
    void writeFinished(const QString &key, const QString &error);
    void removeFinished(const QString &key, const QString &error);
};

} // namespace bankid
