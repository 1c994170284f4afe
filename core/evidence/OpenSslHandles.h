#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/ocsp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>

/// Owning handles for the OpenSSL objects the offline evidence checks use (bankid_evidence, bankid_idcard),
/// and the two conversions they share. Header-only: the users link OpenSSL themselves. bankid_rp keeps its
/// own few (it may not use this part: docs/architecture.md).
namespace bankid::openssl {

struct Free
{
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
    void operator()(OCSP_RESPONSE *p) const { OCSP_RESPONSE_free(p); }
    void operator()(OCSP_BASICRESP *p) const { OCSP_BASICRESP_free(p); }
    void operator()(OCSP_CERTID *p) const { OCSP_CERTID_free(p); }
    void operator()(ASN1_OCTET_STRING *p) const { ASN1_OCTET_STRING_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
};

/// std::unique_ptr freeing with the OpenSSL function for T.
template<typename T>
using Handle = std::unique_ptr<T, Free>;

/// A certificate from DER, or null when the bytes are not one.
inline Handle<X509> x509FromDer(const QByteArray &der)
{
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    return Handle<X509>(d2i_X509(nullptr, &data, long(der.size())));
}

/// A distinguished name as OpenSSL's one-line text ("/C=SE/O=.../CN=...").
inline QString nameText(const X509_NAME *name)
{
    char buffer[512] = {};
    X509_NAME_oneline(name, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

} // namespace bankid::openssl
