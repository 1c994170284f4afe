#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace bankid {

/// Where the trust anchors for offline evidence verification come from.
///
/// BankID does not publish its signing roots (facts §9: "available on request"), so none are bundled: a
/// production or test receipt verifies only against a root the user passes (--root / "Add root…").
/// For evidence made by our own simulator, the simulator's signing root is a local file:
/// localSimulatorRootPaths() lists the ones that exist. Callers use those only for receipts whose
/// environment is "simulator" and only when the user gave no root, and always say so (the result is then
/// "verified against the local simulator", never "a BankID signature").
///
///     QString error;
///     QList<QSslCertificate> roots = EvidenceRoots::load(rootFiles, &error);
///     if (roots.isEmpty() && receipt.environmentName == QLatin1String("simulator"))
///         roots = EvidenceRoots::load(EvidenceRoots::localSimulatorRootPaths(), &error);
class EvidenceRoots
{
    Q_DECLARE_TR_FUNCTIONS(bankid::EvidenceRoots)

public:
    /// The embedded simulator's state folder of the desk and of `bankid-cli --simulator`:
    /// GenericDataLocation + "/BankID Desk/bankid-desk/simulator" (AppDataLocation of bankid-desk on Linux).
    static QString deskSimulatorStateDir();
    /// The standalone bankid-simulator's default state folder: its AppDataLocation + "/bankid-simulator"
    /// (simulator/Simulator.cpp), i.e. GenericDataLocation + "/BankIdDesk/bankid-simulator/bankid-simulator".
    static QString standaloneSimulatorStateDir();
    /// "<state dir>/signing-root.pem" of both of the above, those that exist.
    static QStringList localSimulatorRootPaths();
    /// Every certificate of every PEM (or DER) file. A file that cannot be read or holds no certificate makes
    /// `error` name it and is skipped.
    static QList<QSslCertificate> load(const QStringList &files, QString *error);
    /// "file (CN, SHA-256 fingerprint)" per root, for reports.
    static QString describe(const QStringList &files, const QList<QSslCertificate> &roots);
};

} // namespace bankid
