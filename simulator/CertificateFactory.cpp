#include "CertificateFactory.h"

#include <QHostAddress>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace bankid::sim {

namespace {

// RAII owners for the OpenSSL objects used here, so every early return frees what was allocated.
struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct BioFree { void operator()(BIO *p) const { BIO_free(p); } };
struct ExtFree { void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); } };
struct NamesFree { void operator()(GENERAL_NAMES *p) const { GENERAL_NAMES_free(p); } };
struct P12Free { void operator()(PKCS12 *p) const { PKCS12_free(p); } };
struct StackFree { void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); } };
struct BnFree { void operator()(BIGNUM *p) const { BN_free(p); } };

using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

enum class Profile {
    Ca,     ///< self-signed or intermediate CA
    Server, ///< TLS server (serverAuth)
    Client, ///< TLS client (clientAuth)
};

void setError(QString *error, const QString &what)
{
    if (!error)
        return;
    char buffer[256] = {};
    const unsigned long code = ERR_get_error();
    if (code != 0) {
        ERR_error_string_n(code, buffer, sizeof buffer);
        *error = what + QStringLiteral(" (OpenSSL: ") + QString::fromLatin1(buffer) + QLatin1Char(')');
    } else {
        *error = what;
    }
    ERR_clear_error();
}

PkeyPtr generateKey()
{
    return PkeyPtr(EVP_EC_gen("P-256"));
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

QByteArray certificateToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    return bioBytes(bio.get());
}

QByteArray keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    return bioBytes(bio.get());
}

X509Ptr certificateFromPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

PkeyPtr keyFromPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return PkeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, ExtFree> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool addSubjectAltNames(X509 *cert, const QStringList &sans)
{
    std::unique_ptr<GENERAL_NAMES, NamesFree> names(GENERAL_NAMES_new());
    for (const QString &san : sans) {
        GENERAL_NAME *name = GENERAL_NAME_new();
        const QByteArray utf8 = san.toUtf8();
        if (QHostAddress(san).isNull()) {
            ASN1_IA5STRING *dns = ASN1_IA5STRING_new();
            ASN1_STRING_set(dns, utf8.constData(), int(utf8.size()));
            GENERAL_NAME_set0_value(name, GEN_DNS, dns);
        } else {
            ASN1_OCTET_STRING *ip = a2i_IPADDRESS(utf8.constData());
            if (!ip) {
                GENERAL_NAME_free(name);
                return false;
            }
            GENERAL_NAME_set0_value(name, GEN_IPADD, ip);
        }
        sk_GENERAL_NAME_push(names.get(), name);
    }
    return X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

bool setRandomSerial(X509 *cert)
{
    std::unique_ptr<BIGNUM, BnFree> bn(BN_new());
    if (!bn || BN_rand(bn.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return false;
    return BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)) != nullptr;
}

CertifiedKey build(Profile profile, const QString &commonName, const QStringList &sans, const QDateTime &notBefore,
                   const QDateTime &notAfter, const CertifiedKey *issuer, QString *error)
{
    PkeyPtr key = generateKey();
    X509Ptr cert(X509_new());
    if (!key || !cert) {
        setError(error, QStringLiteral("cannot generate an EC P-256 key"));
        return CertifiedKey();
    }
    X509Ptr issuerCert;
    PkeyPtr issuerKey;
    if (issuer) {
        issuerCert = certificateFromPem(issuer->certificatePem);
        issuerKey = keyFromPem(issuer->keyPem);
        if (!issuerCert || !issuerKey) {
            setError(error, QStringLiteral("the issuing CA's certificate or key PEM does not parse"));
            return CertifiedKey();
        }
    }

    X509_set_version(cert.get(), X509_VERSION_3);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME *subject = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("BankID Desk Simulator"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()),
                               int(cn.size()), -1, 0);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuerCert.get()) : subject);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(notAfter.toSecsSinceEpoch()));
    if (!setRandomSerial(cert.get()) || X509_set_pubkey(cert.get(), key.get()) != 1) {
        setError(error, QStringLiteral("cannot set the serial number or public key"));
        return CertifiedKey();
    }

    X509 *issuerForExt = issuer ? issuerCert.get() : cert.get();
    bool ok = addExtension(cert.get(), issuerForExt, NID_subject_key_identifier, "hash");
    if (issuer)
        ok = ok && addExtension(cert.get(), issuerForExt, NID_authority_key_identifier, "keyid:always");
    switch (profile) {
    case Profile::Ca:
        ok = ok && addExtension(cert.get(), issuerForExt, NID_basic_constraints, "critical,CA:TRUE")
             && addExtension(cert.get(), issuerForExt, NID_key_usage, "critical,keyCertSign,cRLSign");
        break;
    case Profile::Server:
        ok = ok && addExtension(cert.get(), issuerForExt, NID_basic_constraints, "critical,CA:FALSE")
             && addExtension(cert.get(), issuerForExt, NID_key_usage, "critical,digitalSignature,keyAgreement")
             && addExtension(cert.get(), issuerForExt, NID_ext_key_usage, "serverAuth")
             && addSubjectAltNames(cert.get(), sans);
        break;
    case Profile::Client:
        ok = ok && addExtension(cert.get(), issuerForExt, NID_basic_constraints, "critical,CA:FALSE")
             && addExtension(cert.get(), issuerForExt, NID_key_usage, "critical,digitalSignature,keyAgreement")
             && addExtension(cert.get(), issuerForExt, NID_ext_key_usage, "clientAuth");
        break;
    }
    if (!ok) {
        setError(error, QStringLiteral("cannot add the X509v3 extensions (check the SAN entries: %1)")
                            .arg(sans.join(QLatin1String(", "))));
        return CertifiedKey();
    }
    if (X509_sign(cert.get(), issuer ? issuerKey.get() : key.get(), EVP_sha256()) <= 0) {
        setError(error, QStringLiteral("cannot sign the certificate"));
        return CertifiedKey();
    }

    CertifiedKey result;
    result.certificatePem = certificateToPem(cert.get());
    result.keyPem = keyToPem(key.get());
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    result.key = QSslKey(result.keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (issuer) {
        result.chain.append(issuer->certificate);
        result.chain.append(issuer->chain);
    }
    if (result.isNull())
        setError(error, QStringLiteral("Qt cannot read the generated certificate or key"));
    return result;
}

QDateTime hourAgo()
{
    return QDateTime::currentDateTimeUtc().addSecs(-3600);
}

} // namespace

CertifiedKey CertificateFactory::createCa(const QString &commonName, int validDays, QString *error)
{
    const QDateTime from = hourAgo();
    return build(Profile::Ca, commonName, {}, from, from.addDays(validDays), nullptr, error);
}

CertifiedKey CertificateFactory::issueServer(const CertifiedKey &ca, const QStringList &sans, const QDateTime &notBefore,
                                             const QDateTime &notAfter, QString *error)
{
    if (sans.isEmpty()) {
        setError(error, QStringLiteral("a server certificate needs at least one subjectAltName"));
        return CertifiedKey();
    }
    return build(Profile::Server, sans.first(), sans, notBefore, notAfter, &ca, error);
}

CertifiedKey CertificateFactory::issueServer(const CertifiedKey &ca, const QStringList &sans, int validDays,
                                             QString *error)
{
    const QDateTime from = hourAgo();
    return issueServer(ca, sans, from, from.addDays(validDays), error);
}

CertifiedKey CertificateFactory::issueClient(const CertifiedKey &ca, const QString &commonName,
                                             const QDateTime &notBefore, const QDateTime &notAfter, QString *error)
{
    return build(Profile::Client, commonName, {}, notBefore, notAfter, &ca, error);
}

CertifiedKey CertificateFactory::issueClient(const CertifiedKey &ca, const QString &commonName, int validDays,
                                             QString *error)
{
    const QDateTime from = hourAgo();
    return issueClient(ca, commonName, from, from.addDays(validDays), error);
}

QByteArray CertificateFactory::toPkcs12(const CertifiedKey &identity, const QString &password, QString *error)
{
    X509Ptr cert = certificateFromPem(identity.certificatePem);
    PkeyPtr key = keyFromPem(identity.keyPem);
    if (!cert || !key) {
        setError(error, QStringLiteral("the identity's certificate or key PEM does not parse"));
        return {};
    }
    std::unique_ptr<STACK_OF(X509), StackFree> chain(sk_X509_new_null());
    for (const QSslCertificate &ca : identity.chain) {
        X509Ptr caCert = certificateFromPem(ca.toPem());
        if (caCert)
            sk_X509_push(chain.get(), caCert.release());
    }
    const QByteArray pass = password.toUtf8();
    const QByteArray friendly = identity.certificate.subjectInfo(QSslCertificate::CommonName).value(0).toUtf8();
    // mac_iter -1: no MAC yet; PKCS12_set_mac below adds an explicit SHA-256 MAC.
    std::unique_ptr<PKCS12, P12Free> p12(PKCS12_create(pass.constData(), friendly.constData(), key.get(), cert.get(),
                                                       chain.get(), NID_aes_256_cbc, NID_aes_256_cbc,
                                                       PKCS12_DEFAULT_ITER, -1, 0));
    if (!p12 || PKCS12_set_mac(p12.get(), pass.constData(), -1, nullptr, 0, PKCS12_DEFAULT_ITER, EVP_sha256()) != 1) {
        setError(error, QStringLiteral("cannot create the PKCS#12 structure"));
        return {};
    }
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || i2d_PKCS12_bio(bio.get(), p12.get()) != 1) {
        setError(error, QStringLiteral("cannot encode the PKCS#12 structure"));
        return {};
    }
    return bioBytes(bio.get());
}

QString CertificateFactory::verify(const QSslCertificate &certificate, const QSslCertificate &ca, const QString &host)
{
    X509Ptr leaf = certificateFromPem(certificate.toPem());
    X509Ptr anchor = certificateFromPem(ca.toPem());
    if (!leaf || !anchor)
        return QStringLiteral("the certificate or the CA does not parse");
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
    if (!store || !context || X509_STORE_add_cert(store.get(), anchor.get()) != 1
        || X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), nullptr) != 1)
        return QStringLiteral("cannot set up an OpenSSL verification context");
    if (!host.isEmpty()) {
        X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(context.get());
        const QByteArray name = host.toUtf8();
        if (QHostAddress(host).isNull())
            X509_VERIFY_PARAM_set1_host(param, name.constData(), size_t(name.size()));
        else
            X509_VERIFY_PARAM_set1_ip_asc(param, name.constData());
    }
    if (X509_verify_cert(context.get()) == 1)
        return {};
    return QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get())));
}

CertifiedKey CertificateFactory::fromPem(const QByteArray &certificatePem, const QByteArray &keyPem,
                                         const QByteArray &chainPem, QString *error)
{
    X509Ptr cert = certificateFromPem(certificatePem);
    PkeyPtr key = keyFromPem(keyPem);
    if (!cert || !key) {
        setError(error, QStringLiteral("the certificate or key PEM does not parse"));
        return CertifiedKey();
    }
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        setError(error, QStringLiteral("the private key does not belong to the certificate"));
        return CertifiedKey();
    }
    CertifiedKey result;
    result.certificatePem = certificateToPem(cert.get());
    result.keyPem = keyToPem(key.get());
    result.certificate = QSslCertificate(result.certificatePem, QSsl::Pem);
    const QSsl::KeyAlgorithm algorithm = EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA ? QSsl::Rsa : QSsl::Ec;
    result.key = QSslKey(result.keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (!chainPem.isEmpty())
        result.chain = QSslCertificate::fromData(chainPem, QSsl::Pem);
    if (result.isNull())
        setError(error, QStringLiteral("Qt cannot read the certificate or key"));
    return result;
}

} // namespace bankid::sim
