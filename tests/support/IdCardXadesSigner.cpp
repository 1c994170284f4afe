#include "IdCardXadesSigner.h"

#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace bankid::test {

namespace {

const QByteArray dsigNamespace = QByteArrayLiteral("http://www.w3.org/2000/09/xmldsig#");
const QByteArray xadesNamespace = QByteArrayLiteral("http://uri.etsi.org/01903/v1.3.2#");
const QByteArray excC14n = QByteArrayLiteral("http://www.w3.org/2001/10/xml-exc-c14n#");
const QByteArray sha256 = QByteArrayLiteral("http://www.w3.org/2001/04/xmlenc#sha256");

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1String("&quot;"), QLatin1String("\"")).toUtf8();
}

QByteArray element(const QByteArray &name, const QString &text)
{
    return '<' + name + '>' + escaped(text) + "</" + name + '>';
}

QByteArray digestOf(const QByteArray &canonical)
{
    return QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toBase64();
}

// The SignatureValue bytes: PKCS#1 v1.5 for RSA; for ECDSA the r||s form of XMLDSig (RFC 4051), not DER.
QByteArray signWith(const QByteArray &keyPem, const QByteArray &data, QString *error)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
                                                            EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t size = 0;
    if (!key || !context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &size, reinterpret_cast<const unsigned char *>(data.constData()),
                          size_t(data.size())) != 1) {
        *error = QStringLiteral("OpenSSL cannot sign with the signer's key");
        return {};
    }
    QByteArray signature(qsizetype(size), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &size,
                       reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) != 1) {
        *error = QStringLiteral("OpenSSL failed to sign");
        return {};
    }
    signature.resize(qsizetype(size));
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC)
        return signature;
    const auto *der = reinterpret_cast<const unsigned char *>(signature.constData());
    std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> parsed(d2i_ECDSA_SIG(nullptr, &der, long(signature.size())),
                                                                 ECDSA_SIG_free);
    const int half = (EVP_PKEY_get_bits(key.get()) + 7) / 8;
    QByteArray raw(2 * half, '\0');
    if (!parsed
        || BN_bn2binpad(ECDSA_SIG_get0_r(parsed.get()), reinterpret_cast<unsigned char *>(raw.data()), half) != half
        || BN_bn2binpad(ECDSA_SIG_get0_s(parsed.get()), reinterpret_cast<unsigned char *>(raw.data()) + half, half) != half) {
        *error = QStringLiteral("OpenSSL's ECDSA signature cannot be converted to r||s");
        return {};
    }
    return raw;
}

QByteArray reference(const QByteArray &typeAttribute, const QByteArray &uri, const QByteArray &digest)
{
    return "<ds:Reference" + typeAttribute + " URI=\"" + uri + "\"><ds:Transforms><ds:Transform Algorithm=\"" + excC14n
           + "\"></ds:Transform></ds:Transforms><ds:DigestMethod Algorithm=\"" + sha256
           + "\"></ds:DigestMethod><ds:DigestValue>" + digest + "</ds:DigestValue></ds:Reference>";
}

} // namespace

QByteArray IdCardXadesSigner::sign(const Content &content, const sim::CertifiedKey &signer, QString *error)
{
    QString problem;
    auto fail = [&]() {
        if (error)
            *error = problem;
        return QByteArray();
    };
    if (signer.isNull()) {
        problem = QStringLiteral("no signer");
        return fail();
    }
    // The signed content; its exc-c14n form declares ds on the Object itself.
    const QByteArray objectInner =
        "<idCardVerification xmlns=\"urn:bankid-desk:simulator:id-card-verification:1\">"
        + element("transactionType", QStringLiteral("ID-kort-validering"))
        + (content.identifiersInContent ? element("verificationId", content.verificationId) : QByteArray())
        + element("verifiedAt", content.verifiedAt)
        + (content.identifiersInContent ? element("personalNumber", content.personalNumber) : QByteArray())
        + element("givenName", content.givenName) + element("surname", content.surname)
        + element("age", QString::number(content.age)) + element("authenticationOrderRef", content.authenticationOrderRef)
        + "</idCardVerification>";
    const QByteArray objectCanonical = "<ds:Object xmlns:ds=\"" + dsigNamespace + "\" Id=\"verificationData\">" + objectInner
                                       + "</ds:Object>";
    const QByteArray objectInDocument = "<ds:Object Id=\"verificationData\">" + objectInner + "</ds:Object>";

    // SignedProperties: xades is declared on it and ds on each ds element inside (where exc-c14n renders them),
    // so its text in the document is its canonical form.
    const QSslCertificate digested = content.certDigestOf.isNull() ? signer.certificate : content.certDigestOf;
    const QByteArray dsDeclaration = " xmlns:ds=\"" + dsigNamespace + "\"";
    const QByteArray signedProperties =
        "<xades:SignedProperties xmlns:xades=\"" + xadesNamespace + "\" Id=\"signedProperties\">"
        "<xades:SignedSignatureProperties>" + element("xades:SigningTime", content.verifiedAt)
        + "<xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod" + dsDeclaration + " Algorithm=\""
        + sha256 + "\"></ds:DigestMethod><ds:DigestValue" + dsDeclaration + ">"
        + QCryptographicHash::hash(digested.toDer(), QCryptographicHash::Sha256).toBase64()
        + "</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2>"
          "</xades:SignedSignatureProperties></xades:SignedProperties>";

    const QByteArray methodUri = signer.key.algorithm() == QSsl::Ec
                                     ? QByteArrayLiteral("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256")
                                     : QByteArrayLiteral("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    const QByteArray signedInfoInner =
        "<ds:CanonicalizationMethod Algorithm=\"" + excC14n + "\"></ds:CanonicalizationMethod><ds:SignatureMethod Algorithm=\""
        + methodUri + "\"></ds:SignatureMethod>" + reference({}, "#verificationData", digestOf(objectCanonical))
        + reference(" Type=\"http://uri.etsi.org/01903#SignedProperties\"", "#signedProperties", digestOf(signedProperties));
    const QByteArray signedInfoCanonical = "<ds:SignedInfo xmlns:ds=\"" + dsigNamespace + "\">" + signedInfoInner
                                           + "</ds:SignedInfo>";
    const QByteArray signatureValue = signWith(signer.keyPem, signedInfoCanonical, &problem);
    if (signatureValue.isEmpty())
        return fail();

    QByteArray keyInfo = "<ds:KeyInfo><ds:X509Data>";
    QList<QSslCertificate> certificates{signer.certificate};
    certificates += signer.chain;
    for (const QSslCertificate &certificate : certificates)
        keyInfo += "<ds:X509Certificate>" + certificate.toDer().toBase64() + "</ds:X509Certificate>";
    keyInfo += "</ds:X509Data></ds:KeyInfo>";

    return "<ds:Signature xmlns:ds=\"" + dsigNamespace + "\" Id=\"verificationSignature\"><ds:SignedInfo>" + signedInfoInner
           + "</ds:SignedInfo><ds:SignatureValue>" + signatureValue.toBase64() + "</ds:SignatureValue>" + keyInfo
           + objectInDocument + "<ds:Object><xades:QualifyingProperties xmlns:xades=\"" + xadesNamespace
           + "\" Target=\"#verificationSignature\">" + signedProperties + "</xades:QualifyingProperties></ds:Object></ds:Signature>";
}

} // namespace bankid::test
