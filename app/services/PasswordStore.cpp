#include "PasswordStore.h"

#include <QLoggingCategory>
#include <QTimer>

#ifdef BANKID_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

Q_LOGGING_CATEGORY(lcPasswordStore, "bankid.desk.keychain")

namespace bankid {

namespace {

#ifdef BANKID_HAVE_QTKEYCHAIN
// One keychain "service" for the app; the entry key is the certificate path.
const QString ServiceName = QStringLiteral("BankID Desk RP certificate");
#else
QString unavailableMessage()
{
    return PasswordStore::tr("this build has no system keychain support; the password is asked each time");
}
#endif

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

bool PasswordStore::isAvailable()
{
#ifdef BANKID_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordStore::read(const QString &key)
{
#ifdef BANKID_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(ServiceName, this);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        if (job->error() == QKeychain::NoError) {
            emit readFinished(key, job->binaryData(), {});
        } else {
            qCInfo(lcPasswordStore).noquote() << "no stored password:" << job->errorString();
            emit readFinished(key, {}, job->errorString());
        }
    });
    job->start();
#else
    QTimer::singleShot(0, this, [this, key] { emit readFinished(key, {}, unavailableMessage()); });
#endif
}

void PasswordStore::write(const QString &key, const QByteArray &password)
{
#ifdef BANKID_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(ServiceName, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setBinaryData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        const QString error = job->error() == QKeychain::NoError ? QString() : job->errorString();
        if (!error.isEmpty())
            qCWarning(lcPasswordStore).noquote() << "cannot store the password in the keychain:" << error;
        emit writeFinished(key, error);
    });
    job->start();
#else
    Q_UNUSED(password)
    QTimer::singleShot(0, this, [this, key] { emit writeFinished(key, unavailableMessage()); });
#endif
}

void PasswordStore::remove(const QString &key)
{
#ifdef BANKID_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(ServiceName, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        emit removeFinished(key, job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
#else
    QTimer::singleShot(0, this, [this, key] { emit removeFinished(key, unavailableMessage()); });
#endif
}

} // namespace bankid
