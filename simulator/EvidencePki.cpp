#include "EvidencePki.h"

#include <QDir>
#include <QFile>
#include <QMutexLocker>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/conf.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <tuple>
#include <utility>
#include <vector>

namespace bankid::sim {

namespace {

struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct BioFree { void operator()(BIO *p) const { BIO_free(p); } };
struct NameFree { void operator()(X509_NAME *p) const { X509_NAME_free(p); } };
struct BnFree { void operator()(BIGNUM *p) const { BN_free(p); } };
struct ConfFree { void operator()(CONF *p) const { NCONF_free(p); } };

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

void setError(QString *error, const QString &what)
{
    if (!error)
        return;
    const unsigned long code = ERR_get_error();
    *error = what;
    if (code != 0) {
        char buffer[256] = {};
        ERR_error_string_n(code, buffer, sizeof buffer);
        *error += QStringLiteral(" (OpenSSL: ") + QString::fromLatin1(buffer) + QLatin1Char(')');
    }
    ERR_clear_error();
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

X509Ptr parseCertificate(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

PkeyPtr parseKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return PkeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

/// One subject attribute: OpenSSL short name and UTF-8 value.
using NameEntry = std::pair<const char *, QString>;
/// One extension in OpenSSL's config syntax.
using Extension = std::pair<int, const char *>;

// Issues a certificate for a new EC P-256 key. `issuer` null means self-signed.
CertifiedKey issue(const CertifiedKey *issuer, const std::vector<NameEntry> &subject, const QDateTime &notBefore,
                   const QDateTime &notAfter, const std::vector<Extension> &extensions, QString *error)
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert) {
        setError(error, QStringLiteral("cannot generate a P-256 key"));
        return CertifiedKey();
    }
    X509Ptr issuerCert;
    PkeyPtr issuerKey;
    if (issuer) {
        issuerCert = parseCertificate(issuer->certificatePem);
        issuerKey = parseKey(issuer->keyPem);
        if (!issuerCert || !issuerKey) {
            setError(error, QStringLiteral("the issuer's certificate or key does not parse"));
            return CertifiedKey();
        }
    }
    X509_set_version(cert.get(), X509_VERSION_3);
    std::unique_ptr<BIGNUM, BnFree> serial(BN_new());
    BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()));
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(notAfter.toSecsSinceEpoch()));
    X509_set_pubkey(cert.get(), key.get());

    std::unique_ptr<X509_NAME, NameFree> name(X509_NAME_new());
    for (const NameEntry &entry : subject) {
        const QByteArray value = entry.second.toUtf8();
        if (X509_NAME_add_entry_by_txt(name.get(), entry.first, MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char *>(value.constData()), int(value.size()), -1, 0)
            != 1) {
            setError(error, QStringLiteral("cannot set subject attribute ") + QLatin1String(entry.first));
            return CertifiedKey();
        }
    }
    X509_set_subject_name(cert.get(), name.get());
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuerCert.get()) : name.get());

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer ? issuerCert.get() : cert.get(), cert.get(), nullptr, nullptr, 0);
    // certificatePolicies is parsed by a "raw" handler that insists on a config database, even an empty one.
    std::unique_ptr<CONF, ConfFree> conf(NCONF_new(nullptr));
    X509V3_set_nconf(&ctx, conf.get());
    for (const Extension &extension : extensions) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, extension.first, extension.second);
        if (!ext || X509_add_ext(cert.get(), ext, -1) != 1) {
            X509_EXTENSION_free(ext);
            setError(error, QStringLiteral("cannot add extension ") + QLatin1String(OBJ_nid2sn(extension.first)));
            return CertifiedKey();
        }
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), issuer ? issuerKey.get() : key.get(), EVP_sha256()) <= 0) {
        setError(error, QStringLiteral("cannot sign the certificate"));
        return CertifiedKey();
    }

    BioPtr certBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509(certBio.get(), cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        setError(error, QStringLiteral("cannot encode the certificate"));
        return CertifiedKey();
    }
    CertifiedKey result;
    result.certificatePem = bioBytes(certBio.get());
    result.keyPem = bioBytes(keyBio.get());
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.key = QSslKey(result.keyPem, QSsl::Ec, QSsl::Pem);
    if (issuer)
        result.chain = QList<QSslCertificate>{issuer->certificate} + issuer->chain;
    return result;
}

QDateTime hourAgo()
{
    return QDateTime::currentDateTimeUtc().addSecs(-3600);
}

// True when `cert` is signed by `issuer`'s key, has `issuer` as issuer name and is valid for another day.
bool issuedAndValid(const QSslCertificate &cert, const QSslCertificate &issuer)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (cert.isNull() || issuer.isNull() || cert.effectiveDate() > now || cert.expiryDate() < now.addDays(1))
        return false;
    X509Ptr child = parseCertificate(cert.toPem());
    X509Ptr parent = parseCertificate(issuer.toPem());
    if (!child || !parent)
        return false;
    EVP_PKEY *parentKey = X509_get0_pubkey(parent.get());
    const bool ok = parentKey && X509_check_issued(parent.get(), child.get()) == X509_V_OK
                    && X509_verify(child.get(), parentKey) == 1;
    ERR_clear_error();
    return ok;
}

const std::vector<NameEntry> caSubject(const QString &commonName)
{
    return {{"C", QStringLiteral("SE")}, {"O", QStringLiteral("BankID Desk Simulator")}, {"CN", commonName}};
}

} // namespace

EvidencePki::EvidencePki(const QString &stateDir)
    : m_dir(stateDir)
{
}

QString EvidencePki::file(const QString &name) const
{
    return QDir(m_dir).filePath(name);
}

QString EvidencePki::rootPath() const
{
    return file(QStringLiteral("signing-root.pem"));
}

CertifiedKey EvidencePki::createRoot(const QString &commonName, QString *error, const QDateTime &notBefore)
{
    const QDateTime from = notBefore.isValid() ? notBefore : hourAgo();
    return issue(nullptr, caSubject(commonName), from, from.addDays(7300),
                 {{NID_basic_constraints, "critical,CA:TRUE"},
                  {NID_key_usage, "critical,keyCertSign,cRLSign"},
                  {NID_subject_key_identifier, "hash"}},
                 error);
}

CertifiedKey EvidencePki::issueBankCa(const CertifiedKey &root, const QString &commonName, QString *error,
                                      const QDateTime &notBefore)
{
    const QDateTime from = notBefore.isValid() ? notBefore : hourAgo();
    return issue(&root, caSubject(commonName), from, from.addDays(5475),
                 {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                  {NID_key_usage, "critical,keyCertSign,cRLSign"},
                  {NID_subject_key_identifier, "hash"},
                  {NID_authority_key_identifier, "keyid:always"}},
                 error);
}

CertifiedKey EvidencePki::issueOcspResponder(const CertifiedKey &bankCa, const QString &commonName, QString *error,
                                             const QDateTime &notBefore)
{
    const QDateTime from = notBefore.isValid() ? notBefore : hourAgo();
    return issue(&bankCa, caSubject(commonName), from, from.addDays(3650),
                 {{NID_basic_constraints, "critical,CA:FALSE"},
                  {NID_key_usage, "critical,digitalSignature"},
                  {NID_ext_key_usage, "OCSPSigning"},
                  {NID_id_pkix_OCSP_noCheck, "ignored"},
                  {NID_subject_key_identifier, "hash"},
                  {NID_authority_key_identifier, "keyid:always"}},
                 error);
}

CertifiedKey EvidencePki::issueVerifyService(const CertifiedKey &bankCa, const QString &commonName, QString *error,
                                             const QDateTime &notBefore)
{
    const QDateTime from = notBefore.isValid() ? notBefore : hourAgo();
    return issue(&bankCa, caSubject(commonName), from, from.addDays(3650),
                 {{NID_basic_constraints, "critical,CA:FALSE"},
                  {NID_key_usage, "critical,digitalSignature,nonRepudiation"},
                  {NID_subject_key_identifier, "hash"},
                  {NID_authority_key_identifier, "keyid:always"}},
                 error);
}

CertifiedKey EvidencePki::issueUser(const CertifiedKey &bankCa, const TestPerson &person, const QDateTime &notBefore,
                                    const QDateTime &notAfter, QString *error)
{
    // BankID user certificates: C, O (the bank), surname, givenName, serialNumber = personal number, name, CN.
    // certificatePolicies 1.2.3.4.25 is the test environment's Mobile BankID policy (facts §2).
    return issue(&bankCa,
                 {{"C", QStringLiteral("SE")},
                  {"O", QStringLiteral("BankID Desk Simulator Bank")},
                  {"SN", person.surname},
                  {"GN", person.givenName},
                  {"serialNumber", person.personalNumber},
                  {"name", person.name() + QStringLiteral(" - BankID Desk Simulator")},
                  {"CN", person.name()}},
                 notBefore, notAfter,
                 {{NID_basic_constraints, "critical,CA:FALSE"},
                  {NID_key_usage, "critical,digitalSignature,nonRepudiation"},
                  {NID_certificate_policies, "1.2.3.4.25"},
                  {NID_subject_key_identifier, "hash"},
                  {NID_authority_key_identifier, "keyid:always"}},
                 error);
}

CertifiedKey EvidencePki::load(const QString &certName, const QString &keyName, const QList<QSslCertificate> &chain) const
{
    QFile certFile(file(certName));
    QFile keyFile(file(keyName));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return CertifiedKey();
    CertifiedKey result;
    result.certificatePem = certFile.readAll();
    result.keyPem = keyFile.readAll();
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.key = QSslKey(result.keyPem, QSsl::Ec, QSsl::Pem);
    result.chain = chain;
    X509Ptr cert = parseCertificate(result.certificatePem);
    PkeyPtr key = parseKey(result.keyPem);
    const bool matches = cert && key && X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    return matches ? result : CertifiedKey();
}

bool EvidencePki::save(const QString &certName, const QString &keyName, const CertifiedKey &key, QString *error) const
{
    const std::pair<QString, const QByteArray *> parts[] = {{certName, &key.certificatePem}, {keyName, &key.keyPem}};
    for (const auto &part : parts) {
        QSaveFile out(file(part.first));
        const bool secret = part.second == &key.keyPem;
        if (!out.open(QIODevice::WriteOnly) || out.write(*part.second) != part.second->size()
            || (secret && !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) || !out.commit()) {
            if (error)
                *error = QStringLiteral("cannot write ") + file(part.first) + QStringLiteral(": ") + out.errorString();
            return false;
        }
    }
    return true;
}

bool EvidencePki::ensure(QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = QStringLiteral("cannot create the state directory ") + m_dir;
        return false;
    }
    const QString rootCert = QStringLiteral("signing-root.pem");
    const QString rootKey = QStringLiteral("signing-root-key.pem");
    bool renewed = false;
    m_root = load(rootCert, rootKey, {});
    if (!issuedAndValid(m_root.certificate, m_root.certificate)) {
        m_root = createRoot(QLatin1String(rootName), error);
        if (m_root.isNull() || !save(rootCert, rootKey, m_root, error))
            return false;
        renewed = true;
    }
    const QString caCert = QStringLiteral("signing-bank-ca.pem");
    const QString caKey = QStringLiteral("signing-bank-ca-key.pem");
    m_bankCa = load(caCert, caKey, {m_root.certificate});
    if (renewed || !issuedAndValid(m_bankCa.certificate, m_root.certificate)) {
        m_bankCa = issueBankCa(m_root, QLatin1String(bankCaName), error);
        if (m_bankCa.isNull() || !save(caCert, caKey, m_bankCa, error))
            return false;
        renewed = true;
    }
    // The leaves below the bank CA: reused while valid and issued by the current bank CA.
    using Issuer = CertifiedKey (*)(const CertifiedKey &, const QString &, QString *, const QDateTime &);
    const std::tuple<CertifiedKey *, const char *, const char *, Issuer> leaves[] = {
        {&m_ocsp, "signing-ocsp", ocspName, &EvidencePki::issueOcspResponder},
        {&m_verifyService, "signing-verify-service", verifyServiceName, &EvidencePki::issueVerifyService}};
    for (const auto &[target, fileStem, commonName, issueLeaf] : leaves) {
        const QString certName = QLatin1String(fileStem) + QStringLiteral(".pem");
        const QString keyName = QLatin1String(fileStem) + QStringLiteral("-key.pem");
        *target = load(certName, keyName, QList<QSslCertificate>{m_bankCa.certificate, m_root.certificate});
        if (renewed || !issuedAndValid(target->certificate, m_bankCa.certificate)) {
            *target = issueLeaf(m_bankCa, QLatin1String(commonName), error, QDateTime());
            if (target->isNull() || !save(certName, keyName, *target, error))
                return false;
        }
    }
    m_users.clear();
    lock.unlock();
    for (const TestPerson &person : TestPerson::builtIn()) {
        if (userFor(person, error).isNull())
            return false;
    }
    return true;
}

CertifiedKey EvidencePki::userFor(const TestPerson &person, QString *error)
{
    QMutexLocker lock(&m_mutex);
    const auto cached = m_users.constFind(person.personalNumber);
    if (cached != m_users.cend())
        return *cached;
    if (m_bankCa.isNull()) {
        if (error)
            *error = QStringLiteral("the signing PKI is not ready (EvidencePki::ensure() was not called)");
        return CertifiedKey();
    }
    const QString certName = QStringLiteral("signing-user-") + person.personalNumber + QStringLiteral(".pem");
    const QString keyName = QStringLiteral("signing-user-") + person.personalNumber + QStringLiteral("-key.pem");
    CertifiedKey user = load(certName, keyName, QList<QSslCertificate>{m_bankCa.certificate, m_root.certificate});
    if (!issuedAndValid(user.certificate, m_bankCa.certificate)) {
        user = issueUser(m_bankCa, person, hourAgo(), hourAgo().addDays(730), error);
        if (user.isNull() || !save(certName, keyName, user, error))
            return CertifiedKey();
    }
    m_users.insert(person.personalNumber, user);
    return user;
}

void EvidencePki::setRevoked(const QString &personalNumber, std::optional<QDateTime> at)
{
    QMutexLocker lock(&m_mutex);
    if (at)
        m_revoked.insert(personalNumber, *at);
    else
        m_revoked.remove(personalNumber);
}

std::optional<QDateTime> EvidencePki::revokedAt(const QString &personalNumber) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_revoked.constFind(personalNumber);
    return it == m_revoked.cend() ? std::nullopt : std::optional<QDateTime>(*it);
}

} // namespace bankid::sim
