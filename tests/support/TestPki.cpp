#include "TestPki.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace bankid::test {

namespace {

QString asn1Time(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('Z');
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

TestPki::TestPki()
    : m_openssl(QStandardPaths::findExecutable(QStringLiteral("openssl")))
{
    if (!m_dir.isValid())
        m_error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
    else if (m_openssl.isEmpty())
        m_error = QStringLiteral("the openssl command line tool is not installed");
}

bool TestPki::isValid() const
{
    return m_dir.isValid() && !m_openssl.isEmpty();
}

bool TestPki::runOpenSsl(const QStringList &arguments, QByteArray *output)
{
    if (!isValid())
        return false;
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(m_openssl, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2").arg(arguments.value(0), QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool TestPki::generateKeyArgs(KeyType keyType, QStringList *arguments) const
{
    if (keyType == KeyType::Rsa)
        *arguments << QStringLiteral("-newkey") << QStringLiteral("rsa:2048");
    else
        *arguments << QStringLiteral("-newkey") << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
                   << QStringLiteral("ec_paramgen_curve:prime256v1");
    return true;
}

TestPki::Credential TestPki::createCa(const QString &name, KeyType keyType)
{
    Credential ca;
    ca.name = name;
    ca.certPath = filePath(name + QStringLiteral(".crt"));
    ca.keyPath = filePath(name + QStringLiteral(".key"));
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new")};
    generateKeyArgs(keyType, &args);
    args << QStringLiteral("-nodes") << QStringLiteral("-keyout") << ca.keyPath << QStringLiteral("-out") << ca.certPath
         << QStringLiteral("-days") << QStringLiteral("3650") << QStringLiteral("-subj")
         << QStringLiteral("/O=BankID Desk Test/CN=%1").arg(name) << QStringLiteral("-addext")
         << QStringLiteral("basicConstraints=critical,CA:TRUE") << QStringLiteral("-addext")
         << QStringLiteral("keyUsage=critical,keyCertSign,cRLSign");
    if (!runOpenSsl(args))
        return Credential();

    // The `openssl ca` database, so leaves can get arbitrary (also past) validity periods.
    const QString caDir = filePath(name + QStringLiteral(".db"));
    QDir().mkpath(caDir + QStringLiteral("/newcerts"));
    writeText(caDir + QStringLiteral("/index.txt"), {});
    // `openssl ca` wants an even number of hex digits: always 8 here.
    writeText(caDir + QStringLiteral("/serial"),
              QByteArray::number(QRandomGenerator::global()->bounded(0x10000000, 0x7fffffff), 16) + '\n');
    const QByteArray config = "[ ca ]\ndefault_ca = test_ca\n"
                              "[ test_ca ]\ndir = " + caDir.toUtf8() + "\n"
                              "database = $dir/index.txt\nnew_certs_dir = $dir/newcerts\nserial = $dir/serial\n"
                              "default_md = sha256\npolicy = any_policy\nunique_subject = no\nemail_in_dn = no\n"
                              "copy_extensions = none\n"
                              "[ any_policy ]\ncountryName = optional\norganizationName = optional\n"
                              "serialNumber = optional\ncommonName = supplied\n";
    writeText(caDir + QStringLiteral("/ca.cnf"), config);

    ca.certificate = QSslCertificate::fromData(readAll(ca.certPath), QSsl::Pem).value(0);
    ca.key = QSslKey(readAll(ca.keyPath), keyType == KeyType::Rsa ? QSsl::Rsa : QSsl::Ec, QSsl::Pem);
    return ca;
}

TestPki::Credential TestPki::issue(const Credential &ca, const QString &name, const LeafOptions &options)
{
    if (ca.isNull()) {
        m_error = QStringLiteral("cannot issue %1: the CA is missing").arg(name);
        return Credential();
    }
    Credential leaf;
    leaf.name = name;
    leaf.certPath = filePath(name + QStringLiteral(".crt"));
    leaf.keyPath = filePath(name + QStringLiteral(".key"));
    const QString csrPath = filePath(name + QStringLiteral(".csr"));
    const QString extPath = filePath(name + QStringLiteral(".ext"));
    const QString commonName = options.commonName.isEmpty() ? name : options.commonName;

    QStringList args{QStringLiteral("req"), QStringLiteral("-new")};
    generateKeyArgs(options.keyType, &args);
    args << QStringLiteral("-nodes") << QStringLiteral("-keyout") << leaf.keyPath << QStringLiteral("-out") << csrPath
         << QStringLiteral("-subj") << QStringLiteral("/O=%1/CN=%2").arg(options.organization, commonName);
    if (!runOpenSsl(args))
        return Credential();

    QByteArray ext = "[ leaf ]\nbasicConstraints = critical, CA:FALSE\n";
    ext += options.keyType == KeyType::Rsa ? "keyUsage = critical, digitalSignature, keyEncipherment\n"
                                           : "keyUsage = critical, digitalSignature\n";
    ext += options.usage == Usage::Server ? "extendedKeyUsage = serverAuth\n" : "extendedKeyUsage = clientAuth\n";
    QStringList sans;
    for (const QString &dns : options.dnsNames)
        sans << QStringLiteral("DNS:") + dns;
    for (const QString &ip : options.ipAddresses)
        sans << QStringLiteral("IP:") + ip;
    if (!sans.isEmpty())
        ext += "subjectAltName = " + sans.join(QStringLiteral(", ")).toUtf8() + '\n';
    ext += "subjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n";
    writeText(extPath, ext);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime notBefore = options.notBefore.isValid() ? options.notBefore : now.addDays(-1);
    const QDateTime notAfter = options.notAfter.isValid() ? options.notAfter : now.addDays(365);
    const QString caDir = filePath(ca.name + QStringLiteral(".db"));
    if (!runOpenSsl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"), caDir + QStringLiteral("/ca.cnf"),
                     QStringLiteral("-cert"), ca.certPath, QStringLiteral("-keyfile"), ca.keyPath, QStringLiteral("-in"), csrPath,
                     QStringLiteral("-out"), leaf.certPath, QStringLiteral("-notext"), QStringLiteral("-preserveDN"),
                     QStringLiteral("-startdate"), asn1Time(notBefore), QStringLiteral("-enddate"), asn1Time(notAfter),
                     QStringLiteral("-extfile"), extPath, QStringLiteral("-extensions"), QStringLiteral("leaf")})) {
        return Credential();
    }
    leaf.certificate = QSslCertificate::fromData(readAll(leaf.certPath), QSsl::Pem).value(0);
    leaf.key = QSslKey(readAll(leaf.keyPath), options.keyType == KeyType::Rsa ? QSsl::Rsa : QSsl::Ec, QSsl::Pem);
    if (leaf.isNull())
        m_error = QStringLiteral("the certificate or key of %1 did not load").arg(name);
    return leaf;
}

QString TestPki::exportPkcs12(const Credential &leaf, const QString &fileName, const QString &password, bool legacy,
                              bool withKey, const QList<Credential> &chain)
{
    const QString out = filePath(fileName);
    QStringList args{QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"), leaf.certPath,
                     QStringLiteral("-out"), out, QStringLiteral("-name"), leaf.name,
                     QStringLiteral("-passout"), QStringLiteral("pass:") + password};
    if (withKey)
        args << QStringLiteral("-inkey") << leaf.keyPath;
    else
        args << QStringLiteral("-nokeys");
    if (legacy)
        args << QStringLiteral("-legacy");
    if (!chain.isEmpty()) {
        QByteArray pem;
        for (const Credential &c : chain)
            pem += readAll(c.certPath);
        args << QStringLiteral("-certfile") << writeFile(fileName + QStringLiteral(".chain.pem"), pem);
    }
    return runOpenSsl(args) ? out : QString();
}

QString TestPki::encryptKey(const Credential &leaf, const QString &fileName, const QString &password)
{
    const QString out = filePath(fileName);
    const bool ok = runOpenSsl({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-in"), leaf.keyPath,
                                QStringLiteral("-out"), out, QStringLiteral("-v2"), QStringLiteral("aes-256-cbc"),
                                QStringLiteral("-passout"), QStringLiteral("pass:") + password});
    return ok ? out : QString();
}

QString TestPki::writeFile(const QString &fileName, const QByteArray &data)
{
    const QString path = filePath(fileName);
    return writeText(path, data) ? path : QString();
}

bool TestPki::createStandardSet()
{
    m_serverCa = createCa(QStringLiteral("server-ca"));
    m_clientCa = createCa(QStringLiteral("client-ca"));
    m_rogueCa = createCa(QStringLiteral("rogue-ca"));
    if (m_serverCa.isNull() || m_clientCa.isNull() || m_rogueCa.isNull())
        return false;
    LeafOptions server;
    server.dnsNames = {QStringLiteral("localhost")};
    server.ipAddresses = {QStringLiteral("127.0.0.1")};
    m_server = issue(m_serverCa, QStringLiteral("server"), server);
    LeafOptions client;
    client.usage = Usage::Client;
    client.commonName = QStringLiteral("Test RP client");
    m_client = issue(m_clientCa, QStringLiteral("client"), client);
    return !m_server.isNull() && !m_client.isNull();
}

bool TestPki::createTlsFailureSet(QHash<QString, Credential> *servers, QHash<QString, Credential> *clients)
{
    LeafOptions localhost;
    localhost.dnsNames = {QStringLiteral("localhost")};
    localhost.ipAddresses = {QStringLiteral("127.0.0.1")};
    servers->insert(QStringLiteral("good"), m_server);
    servers->insert(QStringLiteral("unpinned-ca"), issue(m_rogueCa, QStringLiteral("rogue-server"), localhost));
    LeafOptions expired = localhost;
    expired.notBefore = QDateTime::currentDateTimeUtc().addDays(-60);
    expired.notAfter = QDateTime::currentDateTimeUtc().addDays(-1);
    servers->insert(QStringLiteral("expired"), issue(m_serverCa, QStringLiteral("expired-server"), expired));
    LeafOptions otherHost;
    otherHost.dnsNames = {QStringLiteral("appapi2.other.example")};
    servers->insert(QStringLiteral("other-host"), issue(m_serverCa, QStringLiteral("other-host-server"), otherHost));

    LeafOptions client;
    client.usage = Usage::Client;
    clients->insert(QStringLiteral("good"), m_client);
    clients->insert(QStringLiteral("none"), Credential());
    clients->insert(QStringLiteral("other-ca"), issue(m_rogueCa, QStringLiteral("rogue-client"), client));
    for (auto it = servers->cbegin(); it != servers->cend(); ++it) {
        if (it->isNull()) {
            m_error = it.key() + QStringLiteral(": ") + m_error;
            return false;
        }
    }
    return !clients->value(QStringLiteral("other-ca")).isNull();
}

} // namespace bankid::test
