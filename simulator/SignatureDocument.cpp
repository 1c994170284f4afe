#include "SignatureDocument.h"

#include "XmlSecSigner.h"

#include <QStringList>

#include <utility>

namespace bankid::sim {

namespace {

constexpr auto element = &XmlSecSigner::element;
constexpr auto escaped = &XmlSecSigner::escaped;

} // namespace

SignatureDocument::Content SignatureDocument::contentFor(const Order &order, const QByteArray &uhi)
{
    const bool identification = order.request.kind == OrderKind::Auth || order.request.kind == OrderKind::PhoneAuth;
    Content content;
    content.userVisibleData = order.request.userVisibleData;
    content.userNonVisibleData = order.request.userNonVisibleData;
    content.funcId = identification ? QStringLiteral("Identification") : QStringLiteral("Signing");
    QStringList dn;
    for (const auto &[attribute, key] : {std::pair{QSslCertificate::CommonName, "CN"},
                                         std::pair{QSslCertificate::Organization, "O"},
                                         std::pair{QSslCertificate::CountryName, "C"}}) {
        const QStringList values = order.creator.subjectInfo(attribute);
        if (!values.isEmpty())
            dn.append(QLatin1String(key) + QLatin1Char('=') + values.first());
    }
    content.rpName = dn.isEmpty() ? QStringLiteral("CN=BankID Desk Simulator RP") : dn.join(QLatin1Char(','));
    content.rpDisplayName = QStringLiteral("BankID Desk Simulator");
    content.nonce = order.orderRef.toBase64();
    content.uhi = uhi;
    return content;
}

QByteArray SignatureDocument::sign(const Content &content, const CertifiedKey &signer, QString *error)
{
    if (signer.isNull()) {
        if (error)
            *error = QStringLiteral("signature: no signing certificate and key");
        return {};
    }
    const bool ec = signer.key.algorithm() == QSsl::Ec;
    const QByteArray signatureMethod = ec ? QByteArrayLiteral("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256")
                                          : QByteArrayLiteral("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
    const QByteArray c14n = QByteArrayLiteral("http://www.w3.org/TR/2001/REC-xml-c14n-20010315");
    const QByteArray sha256 = QByteArrayLiteral("http://www.w3.org/2001/04/xmlenc#sha256");

    QByteArray signedData = "<bankIdSignedData xmlns=\"http://www.bankid.com/signature/v1.0.0/types\" Id=\"bidSignedData\">";
    if (!content.userVisibleData.isEmpty())
        signedData += "<usrVisibleData charset=\"UTF-8\" visible=\"wysiwys\">" + escaped(QString::fromLatin1(content.userVisibleData))
                      + "</usrVisibleData>";
    if (!content.userNonVisibleData.isEmpty())
        signedData += element("usrNonVisibleData", escaped(QString::fromLatin1(content.userNonVisibleData)));
    signedData += "<srvInfo>" + element("name", content.rpName.toUtf8().toBase64()) + element("nonce", content.nonce)
                  + element("displayName", content.rpDisplayName.toUtf8().toBase64()) + "</srvInfo>";
    signedData += "<clientInfo>" + element("funcId", escaped(content.funcId))
                  + element("version", QByteArray("Personal=8.0.0&platform=simulator&os_version=1.0&uhi=" + content.uhi).toBase64())
                  + "<env><ai>" + element("type", QByteArrayLiteral("SIMULATOR").toBase64())
                  + element("deviceInfo", QByteArrayLiteral("1.0").toBase64()) + element("uhi", escaped(QString::fromLatin1(content.uhi)))
                  + "<fsib>0</fsib><utb>cs1</utb><requirement><condition><type>CertificatePolicies</type>"
                    "<value>1.2.3.4.25</value></condition></requirement><uauth>pw</uauth></ai></env></clientInfo>";
    signedData += "</bankIdSignedData>";

    QByteArray certificates;
    for (const QSslCertificate &certificate : QList<QSslCertificate>{signer.certificate} + signer.chain)
        certificates += element("X509Certificate", certificate.toDer().toBase64());

    auto reference = [&](const char *extra, const char *uri) -> QByteArray {
        return QByteArray("<Reference") + extra + " URI=\"" + uri + "\"><Transforms><Transform Algorithm=\"" + c14n
               + "\"></Transform></Transforms><DigestMethod Algorithm=\"" + sha256
               + "\"></DigestMethod><DigestValue></DigestValue></Reference>";
    };
    const QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
                           "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
                           "<SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><CanonicalizationMethod Algorithm=\""
                           + c14n + "\"></CanonicalizationMethod><SignatureMethod Algorithm=\"" + signatureMethod
                           + "\"></SignatureMethod>"
                           + reference(" Type=\"http://www.bankid.com/signature/v1.0.0/types\"", "#bidSignedData")
                           + reference("", "#bidKeyInfo")
                           + "</SignedInfo><SignatureValue></SignatureValue>"
                             "<KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"bidKeyInfo\"><X509Data>"
                           + certificates + "</X509Data></KeyInfo><Object>" + signedData + "</Object></Signature>";

    return XmlSecSigner::sign(xml, signer.keyPem, error);
}

} // namespace bankid::sim
