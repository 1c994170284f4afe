#include "SignatureDocument.h"

#include <QCryptographicHash>

namespace bankid::sim {

namespace {

QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}

} // namespace

QByteArray SignatureDocument::build(const Order &order, const TestPerson &person, const QByteArray &uhi)
{
    const bool identification = order.request.kind == OrderKind::Auth || order.request.kind == OrderKind::PhoneAuth;
    QByteArray signedData;
    signedData += "<bankIdSignedData xmlns=\"http://www.bankid.com/signature/v1.0.0/types\" Id=\"bidSignedData\">";
    if (!order.request.userVisibleData.isEmpty())
        signedData += "<usrVisibleData charset=\"UTF-8\" visible=\"wysiwys\">" + order.request.userVisibleData
                      + "</usrVisibleData>";
    if (!order.request.userNonVisibleData.isEmpty())
        signedData += "<usrNonVisibleData>" + order.request.userNonVisibleData + "</usrNonVisibleData>";
    signedData += "<srvInfo><name>" + b64("CN=BankID Desk Simulator RP, O=BankID Desk Simulator") + "</name><nonce>"
                  + b64(order.orderRef) + "</nonce><displayName>" + b64("BankID Desk Simulator") + "</displayName></srvInfo>";
    signedData += "<clientInfo><funcId>" + QByteArray(identification ? "Identification" : "Signing")
                  + "</funcId><version>"
                  + b64("Personal=8.0.0&platform=simulator&os_version=1.0&uhi=" + uhi) + "</version>"
                  + "<env><ai><type>" + b64("SIMULATOR") + "</type><deviceInfo>" + b64("1.0") + "</deviceInfo><uhi>" + uhi
                  + "</uhi><fsib>0</fsib><utb>cs1</utb><requirement><condition><type>CertificatePolicies</type>"
                    "<value>1.2.3.4.25</value></condition></requirement><uauth>pw</uauth></ai></env></clientInfo>";
    signedData += "</bankIdSignedData>";

    // Placeholder values: digests of the fragments as they are, not of their canonical form, and no signature.
    const QByteArray signedDigest = QCryptographicHash::hash(signedData, QCryptographicHash::Sha256).toBase64();
    const QByteArray keyInfo = "<KeyInfo Id=\"bidKeyInfo\"><X509Data><X509Certificate>"
                               + b64("SIMULATED USER CERTIFICATE " + person.personalNumber.toLatin1())
                               + "</X509Certificate><X509Certificate>" + b64("SIMULATED ISSUING CA")
                               + "</X509Certificate><X509Certificate>" + b64("SIMULATED BANK CA")
                               + "</X509Certificate></X509Data></KeyInfo>";
    const QByteArray keyDigest = QCryptographicHash::hash(keyInfo, QCryptographicHash::Sha256).toBase64();

    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
                     "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
                     "<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
                     "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                     "<Reference Type=\"http://www.bankid.com/signature/v1.0.0/types\" URI=\"#bidSignedData\">"
                     "<Transforms><Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/></Transforms>"
                     "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue>"
                     + signedDigest
                     + "</DigestValue></Reference><Reference URI=\"#bidKeyInfo\"><Transforms><Transform "
                       "Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/></Transforms>"
                       "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue>"
                     + keyDigest + "</DigestValue></Reference></SignedInfo><SignatureValue>"
                     + b64("SIMULATED SIGNATURE VALUE, NOT A REAL SIGNATURE") + "</SignatureValue>" + keyInfo
                     + "<Object>" + signedData + "</Object></Signature>";
    return xml;
}

} // namespace bankid::sim
