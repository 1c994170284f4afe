#include "SoftHsmToken.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace bankid::test {

SoftHsmToken::SoftHsmToken()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
        return;
    }
    QDir(m_dir.path()).mkpath(QStringLiteral("tokens"));
    QFile conf(configPath());
    if (!conf.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write ") + configPath();
        return;
    }
    conf.write("directories.tokendir = " + QFile::encodeName(m_dir.filePath(QStringLiteral("tokens")))
               + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
}

QString SoftHsmToken::skipReason()
{
    for (const char *tool : {"softhsm2-util", "pkcs11-tool", "openssl"}) {
        if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
            return QStringLiteral("%1 is not installed (apt-get install softhsm2 opensc openssl)").arg(QLatin1String(tool));
    }
    if (!QFileInfo::exists(modulePath()))
        return QStringLiteral("the SoftHSM2 module %1 is missing (apt-get install softhsm2)").arg(modulePath());
    QProcess engines;
    engines.start(QStringLiteral("openssl"), {QStringLiteral("version"), QStringLiteral("-e")});
    engines.waitForFinished(10000);
    const QString dir = QString::fromLocal8Bit(engines.readAllStandardOutput()).section(QLatin1Char('"'), 1, 1);
    if (!QFileInfo::exists(dir + QStringLiteral("/pkcs11.so")))
        return QStringLiteral("OpenSSL's pkcs11 engine is missing in %1 (apt-get install libengine-pkcs11-openssl)").arg(dir);
    return {};
}

bool SoftHsmToken::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 %2 failed: %3%4")
                      .arg(program, arguments.value(0), QString::fromLocal8Bit(process.readAllStandardError()),
                           QString::fromLocal8Bit(process.readAllStandardOutput()));
        return false;
    }
    return true;
}

bool SoftHsmToken::createToken(const QString &label, const QString &userPin)
{
    return run(QStringLiteral("softhsm2-util"), {QStringLiteral("--init-token"), QStringLiteral("--free"),
                                                 QStringLiteral("--label"), label, QStringLiteral("--pin"), userPin,
                                                 QStringLiteral("--so-pin"), QStringLiteral("5678")});
}

bool SoftHsmToken::importKey(const QString &token, const QString &keyPemPath, const QString &object,
                             const QString &idHex, const QString &userPin)
{
    // softhsm2-util wants unencrypted PKCS#8.
    const QString pkcs8 = m_dir.filePath(object + QStringLiteral(".pk8"));
    return run(QStringLiteral("openssl"), {QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt"),
                                           QStringLiteral("-in"), keyPemPath, QStringLiteral("-out"), pkcs8})
           && run(QStringLiteral("softhsm2-util"),
                  {QStringLiteral("--import"), pkcs8, QStringLiteral("--token"), token, QStringLiteral("--label"), object,
                   QStringLiteral("--id"), idHex, QStringLiteral("--pin"), userPin})
           && QFile::remove(pkcs8);
}

bool SoftHsmToken::importCertificate(const QString &token, const QString &certPemPath, const QString &object,
                                     const QString &idHex, const QString &userPin)
{
    const QString der = m_dir.filePath(object + QStringLiteral(".der"));
    return run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), certPemPath,
                                           QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), der})
           && run(QStringLiteral("pkcs11-tool"),
                  {QStringLiteral("--module"), modulePath(), QStringLiteral("--token-label"), token,
                   QStringLiteral("--login"), QStringLiteral("--pin"), userPin, QStringLiteral("--write-object"), der,
                   QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--label"), object,
                   QStringLiteral("--id"), idHex});
}

bool SoftHsmToken::makeClientCredential(const QString &caCertPath, const QString &caKeyPath, const QString &name,
                                        bool rsa)
{
    const QString extensions = m_dir.filePath(name + QStringLiteral(".ext"));
    QFile ext(extensions);
    if (!ext.open(QIODevice::WriteOnly)
        || ext.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                     "extendedKeyUsage=clientAuth\n") < 0) {
        m_error = QStringLiteral("cannot write ") + extensions;
        return false;
    }
    ext.close();
    const QString csr = m_dir.filePath(name + QStringLiteral(".csr"));
    const QStringList algorithm = rsa ? QStringList{QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                                                    QStringLiteral("rsa_keygen_bits:2048")}
                                      : QStringList{QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
                                                    QStringLiteral("ec_paramgen_curve:P-256")};
    return run(QStringLiteral("openssl"), QStringList{QStringLiteral("genpkey")} + algorithm
                                              + QStringList{QStringLiteral("-out"), keyPath(name)})
           && run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), keyPath(name),
                                              QStringLiteral("-subj"), QStringLiteral("/O=BankID Desk Test/CN=") + name,
                                              QStringLiteral("-out"), csr})
           && run(QStringLiteral("openssl"),
                  {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"), caCertPath,
                   QStringLiteral("-CAkey"), caKeyPath, QStringLiteral("-set_serial"),
                   QString::number(QRandomGenerator::global()->bounded(1, 0x7fffffff)), QStringLiteral("-days"),
                   QStringLiteral("30"), QStringLiteral("-sha256"), QStringLiteral("-extfile"), extensions,
                   QStringLiteral("-out"), certificatePath(name)});
}

void SoftHsmToken::applyToProcess() const
{
    qputenv("SOFTHSM2_CONF", QFile::encodeName(configPath()));
    qputenv("BANKID_PKCS11_MODULE", QFile::encodeName(modulePath()));
}

QProcessEnvironment SoftHsmToken::environment(QProcessEnvironment base) const
{
    base.insert(QStringLiteral("SOFTHSM2_CONF"), configPath());
    base.insert(QStringLiteral("BANKID_PKCS11_MODULE"), modulePath());
    return base;
}

} // namespace bankid::test
