#include "OcspResponder.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>

namespace bankid::sim {

namespace {

struct PkeyFree { void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); } };
struct X509Free { void operator()(X509 *p) const { X509_free(p); } };
struct BioFree { void operator()(BIO *p) const { BIO_free(p); } };
struct BasicFree { void operator()(OCSP_BASICRESP *p) const { OCSP_BASICRESP_free(p); } };
struct RespFree { void operator()(OCSP_RESPONSE *p) const { OCSP_RESPONSE_free(p); } };
struct TimeFree { void operator()(ASN1_TIME *p) const { ASN1_TIME_free(p); } };
struct CertIdFree { void operator()(OCSP_CERTID *p) const { OCSP_CERTID_free(p); } };

using X509Ptr = std::unique_ptr<X509, X509Free>;
using TimePtr = std::unique_ptr<ASN1_TIME, TimeFree>;

X509Ptr toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const unsigned char *data = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, long(der.size())));
}

QByteArray fail(QString *error, const QString &what)
{
    if (error) {
        *error = what;
        if (const unsigned long code = ERR_get_error()) {
            char buffer[256] = {};
            ERR_error_string_n(code, buffer, sizeof buffer);
            *error += QStringLiteral(" (OpenSSL: ") + QString::fromLatin1(buffer) + QLatin1Char(')');
        }
    }
    ERR_clear_error();
    return {};
}

TimePtr generalizedTime(const QDateTime &when)
{
    return TimePtr(ASN1_GENERALIZEDTIME_set(nullptr, time_t(when.toSecsSinceEpoch())));
}

} // namespace

OcspResponder::OcspResponder(const CertifiedKey &responder, const QSslCertificate &issuer)
    : m_responder(responder)
    , m_issuer(issuer)
{
}

QByteArray OcspResponder::nonceFor(const QByteArray &signatureBase64)
{
    QByteArray nonce = QCryptographicHash::hash(signatureBase64, QCryptographicHash::Sha1);
    QByteArray random(12, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), int(random.size()));
    return nonce + random;
}

QByteArray OcspResponder::respond(const QSslCertificate &user, const QByteArray &signatureBase64, const QDateTime &at,
                                  const std::optional<QDateTime> &revokedAt, QString *error) const
{
    X509Ptr userCert = toX509(user);
    X509Ptr issuerCert = toX509(m_issuer);
    X509Ptr responderCert = toX509(m_responder.certificate);
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new_mem_buf(m_responder.keyPem.constData(), int(m_responder.keyPem.size())));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr)
                                                   : nullptr);
    if (!userCert || !issuerCert || !responderCert || !key)
        return fail(error, QStringLiteral("OCSP: the user, issuer or responder certificate or key does not parse"));
    if (X509_check_issued(issuerCert.get(), userCert.get()) != X509_V_OK)
        return fail(error, QStringLiteral("OCSP: the user certificate was not issued by the responder's CA"));

    std::unique_ptr<OCSP_BASICRESP, BasicFree> basic(OCSP_BASICRESP_new());
    // OCSP_basic_add1_status takes ownership of nothing; the cert id is copied.
    std::unique_ptr<OCSP_CERTID, CertIdFree> id(OCSP_cert_to_id(EVP_sha1(), userCert.get(), issuerCert.get()));
    const TimePtr thisUpdate = generalizedTime(at);
    const TimePtr revocationTime = revokedAt ? generalizedTime(*revokedAt) : TimePtr();
    if (!basic || !id || !thisUpdate
        || !OCSP_basic_add1_status(basic.get(), id.get(),
                                   revokedAt ? V_OCSP_CERTSTATUS_REVOKED : V_OCSP_CERTSTATUS_GOOD,
                                   revokedAt ? OCSP_REVOKED_STATUS_UNSPECIFIED : 0, revocationTime.get(),
                                   thisUpdate.get(), nullptr))
        return fail(error, QStringLiteral("OCSP: cannot add the certificate status"));
    QByteArray nonce = nonceFor(signatureBase64);
    if (OCSP_basic_add1_nonce(basic.get(), reinterpret_cast<unsigned char *>(nonce.data()), int(nonce.size())) != 1)
        return fail(error, QStringLiteral("OCSP: cannot add the nonce"));
    if (OCSP_basic_sign(basic.get(), responderCert.get(), key.get(), EVP_sha256(), nullptr, 0) != 1)
        return fail(error, QStringLiteral("OCSP: cannot sign the response"));

    // OCSP_basic_sign stamps producedAt with the wall clock; evidence made "at" another time (tests of old
    // evidence) needs producedAt = at, so set it and sign the ResponseData again with the same key.
    auto *producedAt = const_cast<ASN1_GENERALIZEDTIME *>(OCSP_resp_get0_produced_at(basic.get()));
    auto *respData = const_cast<OCSP_RESPDATA *>(OCSP_resp_get0_respdata(basic.get()));
    auto *algorithm = const_cast<X509_ALGOR *>(OCSP_resp_get0_tbs_sigalg(basic.get()));
    auto *signature = const_cast<ASN1_BIT_STRING *>(OCSP_resp_get0_signature(basic.get()));
    if (!ASN1_GENERALIZEDTIME_set(producedAt, time_t(at.toSecsSinceEpoch()))
        || ASN1_item_sign(ASN1_ITEM_rptr(OCSP_RESPDATA), algorithm, nullptr, signature, respData, key.get(), EVP_sha256())
               <= 0)
        return fail(error, QStringLiteral("OCSP: cannot re-sign the response with producedAt"));

    std::unique_ptr<OCSP_RESPONSE, RespFree> response(OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, basic.get()));
    unsigned char *der = nullptr;
    const int size = response ? i2d_OCSP_RESPONSE(response.get(), &der) : -1;
    if (size <= 0)
        return fail(error, QStringLiteral("OCSP: cannot encode the response"));
    QByteArray result(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return result;
}

} // namespace bankid::sim
