#include "XmlSecSigner.h"

#include <QLoggingCategory>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <mutex>

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

} // namespace

QByteArray XmlSecSigner::element(const char *name, const QByteArray &content)
{
    return QByteArray("<") + name + '>' + content + "</" + name + '>';
}

QByteArray XmlSecSigner::escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

QByteArray XmlSecSigner::sign(const QByteArray &templateXml, const QByteArray &privateKeyPem, QString *error)
{
    if (!ensureXmlSec(error))
        return {};
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(templateXml.constData(), int(templateXml.size()), "signature.xml",
                                                       nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
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
    ctx->signKey = xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte *>(privateKeyPem.constData()),
                                                static_cast<xmlSecSize>(privateKeyPem.size()), xmlSecKeyDataFormatPem,
                                                nullptr, nullptr, nullptr);
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
