#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace bankid::test {

/// SoftHSM2 tokens made at test time in a QTemporaryDir (its own softhsm2.conf), filled with
/// softhsm2-util (keys) and OpenSC's pkcs11-tool (certificates), for tests of keys on a PKCS#11 token.
///
/// Contract: a test skips with skipReason() when the tools, the SoftHSM2 module or OpenSSL's pkcs11 engine
/// are missing. SoftHSM2 reads SOFTHSM2_CONF once per process (at C_Initialize), so a test creates every
/// token it needs before the first key is loaded, then calls applyToProcess(); child processes get
/// environment(). The PINs are the test's own; they are passed on the command line of the tools only.
///
/// \code
///   test::SoftHsmToken hsm;
///   if (const QString why = test::SoftHsmToken::skipReason(); !why.isEmpty())
///       QSKIP(qPrintable(why));
///   QVERIFY2(hsm.createToken("RP", "1234"), qPrintable(hsm.errorString()));
///   QVERIFY2(hsm.importKey("RP", keyPem, "rp-key", "01", "1234"), qPrintable(hsm.errorString()));
///   hsm.applyToProcess();
/// \endcode
class SoftHsmToken
{
public:
    SoftHsmToken();

    /// Empty when softhsm2-util, pkcs11-tool, openssl, the SoftHSM2 module and the pkcs11 engine exist.
    static QString skipReason();
    static QString modulePath() { return QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"); }

    bool isValid() const { return m_dir.isValid(); }
    QString errorString() const { return m_error; }
    QString directory() const { return m_dir.path(); }
    QString configPath() const { return m_dir.filePath(QStringLiteral("softhsm2.conf")); }

    /// Initialises a token labelled `label` in a free slot (SO PIN 5678).
    bool createToken(const QString &label, const QString &userPin);
    /// Imports the PEM private key in `keyPemPath` as object `object` with CKA_ID `idHex` (e.g. "01").
    bool importKey(const QString &token, const QString &keyPemPath, const QString &object, const QString &idHex,
                   const QString &userPin);
    /// Writes the PEM certificate `certPemPath` as a certificate object with the same label and id.
    bool importCertificate(const QString &token, const QString &certPemPath, const QString &object,
                           const QString &idHex, const QString &userPin);

    /// A new key (EC P-256, or RSA 2048 with `rsa`) in <directory>/<name>-key.pem and a clientAuth certificate
    /// for it, CN=`name`, issued by the CA in `caCertPath`/`caKeyPath` (e.g. the simulator's ca.pem and
    /// ca-key.pem) in <directory>/<name>.crt: an RP certificate the simulator accepts.
    bool makeClientCredential(const QString &caCertPath, const QString &caKeyPath, const QString &name, bool rsa);
    QString keyPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral("-key.pem")); }
    QString certificatePath(const QString &name) const { return m_dir.filePath(name + QStringLiteral(".crt")); }

    /// SOFTHSM2_CONF and BANKID_PKCS11_MODULE for this process (before its first token access).
    void applyToProcess() const;
    /// `base` plus SOFTHSM2_CONF and BANKID_PKCS11_MODULE, for a child process.
    QProcessEnvironment environment(QProcessEnvironment base = QProcessEnvironment::systemEnvironment()) const;

private:
    bool run(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace bankid::test
