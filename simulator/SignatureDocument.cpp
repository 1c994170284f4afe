#include "SignatureDocument.h"

#include <QLoggingCategory>
#include <QStringList>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <mutex>
#include <utility>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSimSignature, "bankid.sim.signature", QtWarningMsg)

namespace {

struct DocFree { void operator()(xmlDoc *p) const { xmlFreeDoc(p); } };
struct CtxFree { void operator()(xmlSecDSigCtx *p) const { xmlSecDSigCtxDestroy(p); } };

void quietXmlSecErrors(const char *file, int line, const char *func, const char *errorObject, const char *errorSubject,
                       int reason, const char *msg)
{
    qCDebug(lcSimSignature, "xmlsec: %s:%d %s %s %s reason %d: %s", file, line, func, errorObject ? errorObject : "",
            errorSubject ? errorSubject : "", reason, msg ? msg : "");
}

// libxmlsec1 keeps global registries; it must be initialised once per process. bankid_core initialises it
// the same way, so both check the transform registry first (whoever comes first wins). Concurrent first
// use from two threads of the two libraries is not supported: initialise from one thread before that.
bool ensureXmlSec(QString *error)
{
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        xmlInitParser();
        if (xmlSecPtrListIsValid(xmlSecTransformIdsGet())
            && xmlSecTransformIdListFindByHref(xmlSecTransformIdsGet(), xmlSecHrefRsaSha256, xmlSecTransformUsageAny)
            != xmlSecTransformIdUnknown) {
            ok = true;
            return;
        }
        ok = xmlSecInit() >= 0 && xmlSecCheckVersion() == 1 && xmlSecCryptoAppInit(nullptr) >= 0
             && xmlSecCryptoInit() >= 0;
        xmlSecErrorsSetCallback(quietXmlSecErrors); // after xmlSecInit(), which installs the default (stderr) one
    });
    if (!ok && error)
        *error = QStringLiteral("libxmlsec1 could not be initialised");
    return ok;
}

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

QByteArray element(const char *name, const QByteArray &value)
{
    return QByteArray("<") + name + '>' + value + "</" + name + '>';
}

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
    if (!ensureXmlSec(error))
        return {};
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

    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(xml.constData(), int(xml.size()), "signature.xml", nullptr,
                                                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        if (error)
            *error = QStringLiteral("signature: the document template does not parse");
        return {};
    }
    const xmlChar *ids[] = {BAD_CAST "Id", nullptr};
    xmlSecAddIDs(doc.get(), root, ids);

    std::unique_ptr<xmlSecDSigCtx, CtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
    // Only the private key: without certificates in it xmlsec leaves the pre-filled KeyInfo alone.
    ctx->signKey = xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte *>(signer.keyPem.constData()),
                                                static_cast<xmlSecSize>(signer.keyPem.size()), xmlSecKeyDataFormatPem, nullptr,
                                                nullptr, nullptr);
    if (!ctx->signKey || xmlSecDSigCtxSign(ctx.get(), root) < 0) {
        if (error)
            *error = QStringLiteral("signature: xmlsec could not sign the document");
        return {};
    }
    xmlChar *out = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc.get(), &out, &size, "UTF-8");
    QByteArray result(reinterpret_cast<const char *>(out), size);
    xmlFree(out);
    return result.trimmed();
}

} // namespace bankid::sim
