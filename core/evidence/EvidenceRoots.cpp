#include "EvidenceRoots.h"

#include "BoundedFileReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace bankid {

namespace {

/// PEM when the text has a PEM header, else DER.
QList<QSslCertificate> certificatesIn(const QByteArray &data)
{
    if (data.contains("-----BEGIN"))
        return QSslCertificate::fromData(data, QSsl::Pem);
    return QSslCertificate::fromData(data, QSsl::Der);
}

QString commonNameOf(const QSslCertificate &certificate)
{
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    if (!names.isEmpty())
        return QStringLiteral("CN=") + names.join(QStringLiteral(", "));
    return certificate.subjectDisplayName();
}

QString describeOne(const QSslCertificate &certificate)
{
    const QString fingerprint = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
    return QStringLiteral("%1, SHA-256 %2%3").arg(commonNameOf(certificate), fingerprint.left(16), QChar(0x2026));
}

} // namespace

QString EvidenceRoots::deskSimulatorStateDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/BankID Desk/bankid-desk/simulator");
}

QString EvidenceRoots::standaloneSimulatorStateDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/BankIdDesk/bankid-simulator/bankid-simulator");
}

QStringList EvidenceRoots::localSimulatorRootPaths()
{
    QStringList paths;
    for (const QString &dir : {deskSimulatorStateDir(), standaloneSimulatorStateDir()}) {
        const QString path = dir + QStringLiteral("/signing-root.pem");
        if (QFileInfo(path).isFile())
            paths.append(path);
    }
    return paths;
}

QList<QSslCertificate> EvidenceRoots::load(const QStringList &files, QString *error)
{
    QList<QSslCertificate> roots;
    QStringList problems;
    for (const QString &path : files) {
        const QString shown = QDir::toNativeSeparators(path);
        const QFileInfo info(path);
        if (info.isDir()) {
            problems.append(tr("The root certificate file %1 is a folder.").arg(shown));
            continue;
        }
        // A certificate file is a few kilobytes, a bundle maybe a megabyte: bounded, regular files only.
        QString reason;
        const std::optional<QByteArray> data = BoundedFileReader::read(path, BoundedFileReader::MaxCertificateBytes, &reason);
        if (!data) {
            problems.append(tr("The root certificate file %1 cannot be read: %2").arg(shown, reason));
            continue;
        }
        const QList<QSslCertificate> found = certificatesIn(*data);
        if (found.isEmpty()) {
            problems.append(tr("The file %1 holds no certificate (PEM or DER).").arg(shown));
            continue;
        }
        for (const QSslCertificate &certificate : found) {
            if (!roots.contains(certificate))
                roots.append(certificate);
        }
    }
    if (error)
        *error = problems.join(QLatin1Char(' '));
    return roots;
}

QString EvidenceRoots::describe(const QStringList &files, const QList<QSslCertificate> &roots)
{
    QStringList parts;
    QList<QSslCertificate> described;
    for (const QString &path : files) {
        const std::optional<QByteArray> data = BoundedFileReader::read(path, BoundedFileReader::MaxCertificateBytes, nullptr);
        if (!data)
            continue;
        for (const QSslCertificate &certificate : certificatesIn(*data)) {
            if (!roots.contains(certificate) || described.contains(certificate))
                continue;
            described.append(certificate);
            parts.append(QStringLiteral("%1 (%2)").arg(QDir::toNativeSeparators(path), describeOne(certificate)));
        }
    }
    for (const QSslCertificate &certificate : roots) {
        if (!described.contains(certificate))
            parts.append(QStringLiteral("(%1)").arg(describeOne(certificate)));
    }
    if (parts.isEmpty())
        return tr("no trusted roots");
    return parts.join(QStringLiteral("; "));
}

} // namespace bankid
