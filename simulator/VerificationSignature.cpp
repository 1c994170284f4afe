#include "VerificationSignature.h"

#include "XmlSecSigner.h"

#include <QCryptographicHash>

namespace bankid::sim {

namespace {

constexpr auto element = &XmlSecSigner::element;
constexpr auto escaped = &XmlSecSigner::escaped;

} // namespace

QByteArray VerificationSignature::sign(const Content &content, const CertifiedKey &signer, QString *error)
{
    if (signer.isNull()) {
        if (error)
            *error = QStringLiteral("verification signature: no Verify Service certificate and key");
        return {};
    }
    const QByteArray signatureMethod = signer.key.algorithm() == QSsl::Ec
                                           ? QByteArrayLiteral("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256")
                                           : QByteArrayLiteral("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    const QByteArray excC14n = QByteArrayLiteral("http://www.w3.org/2001/10/xml-exc-c14n#");
    const QByteArray sha256 = QByteArrayLiteral("http://www.w3.org/2001/04/xmlenc#sha256");
    const QByteArray signingTime = content.verifiedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1();

    auto reference = [&](const QByteArray &attributes) -> QByteArray {
        return "<ds:Reference " + attributes + "><ds:Transforms><ds:Transform Algorithm=\"" + excC14n
               + "\"/></ds:Transforms><ds:DigestMethod Algorithm=\"" + sha256
               + "\"/><ds:DigestValue/></ds:Reference>";
    };
    QByteArray certificates;
    for (const QSslCertificate &certificate : QList<QSslCertificate>{signer.certificate} + signer.chain)
        certificates += element("ds:X509Certificate", certificate.toDer().toBase64());
    const QByteArray certDigest = QCryptographicHash::hash(signer.certificate.toDer(), QCryptographicHash::Sha256).toBase64();

    const QByteArray verificationData =
        QByteArray("<idCardVerification xmlns=\"") + contentNamespace + "\">"
        + element("transactionType", QByteArrayLiteral("ID-kort-validering"))
        + element("verificationId", escaped(content.verificationId)) + element("verifiedAt", signingTime)
        + element("personalNumber", escaped(content.personalNumber)) + element("givenName", escaped(content.givenName))
        + element("surname", escaped(content.surname)) + element("age", QByteArray::number(content.age))
        + element("authenticationOrderRef", escaped(content.authenticationOrderRef)) + "</idCardVerification>";
    const QByteArray qualifyingProperties =
        "<xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"#verificationSignature\">"
        "<xades:SignedProperties Id=\"signedProperties\"><xades:SignedSignatureProperties>"
        + element("xades:SigningTime", signingTime)
        + "<xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm=\"" + sha256
        + "\"/>" + element("ds:DigestValue", certDigest)
        + "</xades:CertDigest></xades:Cert></xades:SigningCertificateV2>"
          "</xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties>";

    const QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"verificationSignature\">"
        "<ds:SignedInfo><ds:CanonicalizationMethod Algorithm=\"" + excC14n + "\"/><ds:SignatureMethod Algorithm=\""
        + signatureMethod + "\"/>" + reference("URI=\"#verificationData\"")
        + reference("Type=\"http://uri.etsi.org/01903#SignedProperties\" URI=\"#signedProperties\"")
        + "</ds:SignedInfo><ds:SignatureValue/>"
          "<ds:KeyInfo><ds:X509Data>" + certificates + "</ds:X509Data></ds:KeyInfo>"
        + "<ds:Object Id=\"verificationData\">" + verificationData + "</ds:Object>"
        + "<ds:Object>" + qualifyingProperties + "</ds:Object></ds:Signature>";
    return XmlSecSigner::sign(xml, signer.keyPem, error);
}

} // namespace bankid::sim
