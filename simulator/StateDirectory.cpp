#include "StateDirectory.h"

#include "CertificateFactory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QSet>
#include <QSslError>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace bankid::sim {

namespace {

bool validForAnotherDay(const QSslCertificate &certificate)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return certificate.effectiveDate() <= now && certificate.expiryDate() > now.addDays(1);
}

bool issuedBy(const QSslCertificate &certificate, const QSslCertificate &ca)
{
    return CertificateFactory::verify(certificate, ca).isEmpty();
}

QSet<QString> sanSet(const QSslCertificate &certificate)
{
    QSet<QString> names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        // Qt spells IP SANs in its own normal form; normalise ours the same way when comparing.
        names.insert(it.value());
    }
    return names;
}

QSet<QString> wantedSanSet(const QStringList &names)
{
    QSet<QString> set;
    for (const QString &name : names) {
        const QHostAddress address(name);
        set.insert(address.isNull() ? name : address.toString());
    }
    return set;
}

} // namespace

bool StateDirectory::prepareFolder(const QString &path, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("the state folder ") + path + QStringLiteral(" ") + why;
        return false;
    };
    if (!QFileInfo::exists(path)) {
        if (!QDir().mkpath(path))
            return fail(QStringLiteral("cannot be created"));
        // Not left to the umask: a umask of 002 would make it group-writable, which is refused below.
        ::chmod(QFile::encodeName(path).constData(), S_IRWXU);
    }
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return fail(QStringLiteral("cannot be examined: ") + QString::fromLocal8Bit(std::strerror(errno)));
    if (!S_ISDIR(info.st_mode))
        return fail(QStringLiteral("is not a folder"));
    if (info.st_uid != ::geteuid())
        return fail(QStringLiteral("belongs to user id %1, not to you (user id %2): its owner could replace the CA "
                                   "and client keys and drive the simulator; use a folder of your own")
                        .arg(info.st_uid)
                        .arg(::geteuid()));
    if (info.st_mode & (S_IWGRP | S_IWOTH))
        return fail(QStringLiteral("is writable by %1 (mode %2): others could replace the CA and client keys; "
                                   "run chmod go-w on it or use another folder")
                        .arg((info.st_mode & S_IWOTH) ? QStringLiteral("others") : QStringLiteral("its group"))
                        .arg(QString::number(info.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0'))));
    return true;
}

StateDirectory::StateDirectory(const QString &path)
    : m_path(path)
{
}

QString StateDirectory::caPath() const { return file("ca.pem"); }
QString StateDirectory::caKeyPath() const { return file("ca-key.pem"); }
QString StateDirectory::serverCertPath() const { return file("server.pem"); }
QString StateDirectory::serverKeyPath() const { return file("server-key.pem"); }
QString StateDirectory::clientP12Path() const { return file("client.p12"); }
QString StateDirectory::clientCertPath() const { return file("client.pem"); }
QString StateDirectory::clientKeyPath() const { return file("client-key.pem"); }

QString StateDirectory::file(const char *name) const
{
    return QDir(m_path).filePath(QString::fromLatin1(name));
}

QStringList StateDirectory::serverNames(const QStringList &extraHostnames)
{
    QStringList names = {QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("localhost")};
    for (const QString &name : extraHostnames) {
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

bool StateDirectory::write(const char *name, const QByteArray &data, bool secret, QString *error)
{
    QSaveFile out(file(name));
    if (data.isEmpty() || !out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write ") + out.fileName() + QStringLiteral(": ") + out.errorString();
        return false;
    }
    out.write(data);
    if (secret)
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!out.commit()) {
        if (error)
            *error = QStringLiteral("cannot write ") + out.fileName() + QStringLiteral(": ") + out.errorString();
        return false;
    }
    m_generated.append(QString::fromLatin1(name));
    return true;
}

CertifiedKey StateDirectory::load(const char *certName, const char *keyName) const
{
    QFile certFile(file(certName));
    QFile keyFile(file(keyName));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return CertifiedKey();
    const QByteArray certData = certFile.readAll();
    const QByteArray keyData = keyFile.readAll();
    // The first certificate of the file is the leaf; anything after it is its chain.
    const QList<QSslCertificate> all = QSslCertificate::fromData(certData, QSsl::Pem);
    if (all.isEmpty())
        return CertifiedKey();
    QByteArray chainPem;
    for (qsizetype i = 1; i < all.size(); ++i)
        chainPem += all.at(i).toPem();
    return CertificateFactory::fromPem(all.first().toPem(), keyData, chainPem);
}

bool StateDirectory::ensure(const QStringList &extraHostnames, QString *error)
{
    m_generated.clear();
    if (!QDir().mkpath(m_path)) {
        if (error)
            *error = QStringLiteral("cannot create the state directory ") + m_path;
        return false;
    }
    QString why;
    m_ca = load("ca.pem", "ca-key.pem");
    const bool newCa = m_ca.isNull() || !validForAnotherDay(m_ca.certificate);
    if (newCa) {
        m_ca = CertificateFactory::createCa(QStringLiteral("BankID Desk Simulator CA"), 3650, &why);
        if (m_ca.isNull() || !write("ca-key.pem", m_ca.keyPem, true, error)
            || !write("ca.pem", m_ca.certificatePem, false, error)) {
            if (error && !why.isEmpty())
                *error = QStringLiteral("cannot create the simulator CA: ") + why;
            return false;
        }
    }

    const QStringList names = serverNames(extraHostnames);
    m_server = load("server.pem", "server-key.pem");
    if (newCa || m_server.isNull() || !validForAnotherDay(m_server.certificate)
        || !issuedBy(m_server.certificate, m_ca.certificate) || sanSet(m_server.certificate) != wantedSanSet(names)) {
        m_server = CertificateFactory::issueServer(m_ca, names, 825, &why);
        if (m_server.isNull() || !write("server-key.pem", m_server.keyPem, true, error)
            || !write("server.pem", m_server.certificatePem + m_ca.certificatePem, false, error)) {
            if (error && !why.isEmpty())
                *error = QStringLiteral("cannot create the server certificate: ") + why;
            return false;
        }
    }

    m_client = load("client.pem", "client-key.pem");
    if (newCa || m_client.isNull() || !validForAnotherDay(m_client.certificate)
        || !issuedBy(m_client.certificate, m_ca.certificate) || !QFile::exists(clientP12Path())) {
        m_client = CertificateFactory::issueClient(m_ca, QStringLiteral("BankID Desk Simulator RP"), 730, &why);
        const QByteArray p12 = m_client.isNull()
                                   ? QByteArray()
                                   : CertificateFactory::toPkcs12(m_client, QString::fromLatin1(clientPassword), &why);
        if (p12.isEmpty() || !write("client-key.pem", m_client.keyPem, true, error)
            || !write("client.pem", m_client.certificatePem, false, error) || !write("client.p12", p12, true, error)) {
            if (error && !why.isEmpty())
                *error = QStringLiteral("cannot create the RP client identity: ") + why;
            return false;
        }
    }
    return true;
}

} // namespace bankid::sim
