#include "XmlDsigVerifier.h"

#include "OpenSslHandles.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <xmlsec/membuf.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/nodeset.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include <memory>
#include <mutex>
#include <optional>

namespace bankid {

Q_LOGGING_CATEGORY(lcXmlDsig, "bankid.evidence.xmldsig", QtWarningMsg)

namespace {

struct DocFree { void operator()(xmlDoc *p) const { xmlFreeDoc(p); } };
struct CtxFree { void operator()(xmlSecDSigCtx *p) const { xmlSecDSigCtxDestroy(p); } };
struct TransformCtxFree { void operator()(xmlSecTransformCtx *p) const { xmlSecTransformCtxDestroy(p); } };
struct KeyFree { void operator()(xmlSecKey *p) const { xmlSecKeyDestroy(p); } };

using DocPtr = std::unique_ptr<xmlDoc, DocFree>;
using KeyPtr = std::unique_ptr<xmlSecKey, KeyFree>;

void quietXmlSecErrors(const char *file, int line, const char *func, const char *errorObject, const char *errorSubject,
                       int reason, const char *msg)
{
    qCDebug(lcXmlDsig, "xmlsec: %s:%d %s %s %s reason %d: %s", file, line, func, errorObject ? errorObject : "",
            errorSubject ? errorSubject : "", reason, msg ? msg : "");
}

// libxmlsec1 keeps process-wide registries and must be initialised once. The simulator library does the
// same; whoever comes first initialises, the other sees the registered transforms and skips. Concurrent
// FIRST use from both libraries on two threads is not supported.
bool ensureXmlSec()
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
    return ok;
}

DocPtr parseDocument(const QByteArray &xml, QString *error)
{
    DocPtr doc(xmlReadMemory(xml.constData(), int(xml.size()), "signature.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc || !xmlDocGetRootElement(doc.get())) {
        *error = QStringLiteral("libxml2 cannot parse the document");
        return nullptr;
    }
    if (doc->intSubset || doc->extSubset) {
        *error = QStringLiteral("the document has a DTD, which is not allowed");
        return nullptr;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    if (!xmlSecCheckNodeName(root, xmlSecNodeSignature, xmlSecDSigNs)) {
        *error = QStringLiteral("the root element is not xmldsig's Signature");
        return nullptr;
    }
    const xmlChar *ids[] = {BAD_CAST "Id", nullptr};
    xmlSecAddIDs(doc.get(), root, ids);
    return doc;
}

KeyPtr publicKeyOf(const QByteArray &certificateDer, QString *error)
{
    openssl::Handle<X509> cert = openssl::x509FromDer(certificateDer);
    EVP_PKEY *key = cert ? X509_get0_pubkey(cert.get()) : nullptr;
    openssl::Handle<BIO> bio(BIO_new(BIO_s_mem()));
    if (!key || !bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
        *error = QStringLiteral("the signer certificate or its public key does not parse");
        return nullptr;
    }
    char *pem = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &pem);
    KeyPtr result(xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte *>(pem), static_cast<xmlSecSize>(size),
                                               xmlSecKeyDataFormatPem, nullptr, nullptr, nullptr));
    if (!result)
        *error = QStringLiteral("xmlsec cannot use the signer's public key");
    return result;
}

QList<xmlNodePtr> referenceNodes(xmlNodePtr signature)
{
    QList<xmlNodePtr> result;
    xmlNodePtr signedInfo = xmlSecFindChild(signature, xmlSecNodeSignedInfo, xmlSecDSigNs);
    for (xmlNodePtr node = signedInfo ? signedInfo->children : nullptr; node; node = node->next) {
        if (node->type == XML_ELEMENT_NODE && xmlSecCheckNodeName(node, xmlSecNodeReference, xmlSecDSigNs))
            result.append(node);
    }
    return result;
}

QString nodeAttribute(xmlNodePtr node, const char *name)
{
    xmlChar *value = xmlGetProp(node, BAD_CAST name);
    const QString result = value ? QString::fromUtf8(reinterpret_cast<const char *>(value)) : QString();
    xmlFree(value);
    return result;
}

QByteArray nodeText(xmlNodePtr node)
{
    xmlChar *value = node ? xmlNodeGetContent(node) : nullptr;
    const QByteArray result = value ? QByteArray(reinterpret_cast<const char *>(value)).trimmed() : QByteArray();
    xmlFree(value);
    return result;
}

// Verifies the SignatureValue over SignedInfo with the CanonicalizationMethod and SignatureMethod it names.
bool verifySignatureValue(xmlDocPtr doc, xmlNodePtr signature, xmlSecKeyPtr key, QString *detail)
{
    xmlNodePtr signedInfo = xmlSecFindChild(signature, xmlSecNodeSignedInfo, xmlSecDSigNs);
    xmlNodePtr value = xmlSecFindChild(signature, xmlSecNodeSignatureValue, xmlSecDSigNs);
    xmlNodePtr c14nNode = signedInfo ? xmlSecFindChild(signedInfo, xmlSecNodeCanonicalizationMethod, xmlSecDSigNs) : nullptr;
    xmlNodePtr methodNode = signedInfo ? xmlSecFindChild(signedInfo, xmlSecNodeSignatureMethod, xmlSecDSigNs) : nullptr;
    if (!signedInfo || !value || !c14nNode || !methodNode) {
        *detail = QStringLiteral("SignedInfo, its CanonicalizationMethod / SignatureMethod or SignatureValue is missing");
        return false;
    }
    const QString c14nHref = nodeAttribute(c14nNode, "Algorithm");
    const QString methodHref = nodeAttribute(methodNode, "Algorithm");
    const xmlSecTransformId c14nId = xmlSecTransformIdListFindByHref(
        xmlSecTransformIdsGet(), BAD_CAST c14nHref.toUtf8().constData(), xmlSecTransformUsageC14NMethod);
    const xmlSecTransformId methodId = xmlSecTransformIdListFindByHref(
        xmlSecTransformIdsGet(), BAD_CAST methodHref.toUtf8().constData(), xmlSecTransformUsageSignatureMethod);
    if (c14nId == xmlSecTransformIdUnknown || methodId == xmlSecTransformIdUnknown) {
        *detail = QStringLiteral("unsupported CanonicalizationMethod \"%1\" or SignatureMethod \"%2\"").arg(c14nHref, methodHref);
        return false;
    }
    std::unique_ptr<xmlSecTransformCtx, TransformCtxFree> ctx(xmlSecTransformCtxCreate());
    xmlSecTransformPtr c14n = ctx ? xmlSecTransformCtxCreateAndAppend(ctx.get(), c14nId) : nullptr;
    xmlSecTransformPtr method = ctx ? xmlSecTransformCtxCreateAndAppend(ctx.get(), methodId) : nullptr;
    if (!c14n || !method) {
        *detail = QStringLiteral("xmlsec cannot set up the signature transforms");
        return false;
    }
    method->operation = xmlSecTransformOperationVerify;
    if (xmlSecTransformSetKey(method, key) < 0) {
        *detail = QStringLiteral("the signer's key does not fit SignatureMethod %1").arg(methodHref);
        return false;
    }
    xmlSecNodeSetPtr nodes = xmlSecNodeSetGetChildren(doc, signedInfo, 1, 0);
    const int executed = nodes ? xmlSecTransformCtxXmlExecute(ctx.get(), nodes) : -1;
    if (nodes)
        xmlSecNodeSetDestroy(nodes);
    if (executed < 0 || xmlSecTransformVerifyNodeContent(method, value, ctx.get()) < 0) {
        *detail = QStringLiteral("xmlsec could not compute the signature over SignedInfo");
        return false;
    }
    if (method->status != xmlSecTransformStatusOk) {
        *detail = QStringLiteral("SignatureValue does not verify over SignedInfo with the signer's key (%1)").arg(methodHref);
        return false;
    }
    *detail = QStringLiteral("SignatureValue verifies over SignedInfo with the signer's key (%1)").arg(methodHref);
    return true;
}

} // namespace

std::optional<QCryptographicHash::Algorithm> XmlDsigVerifier::digestAlgorithm(const QString &uri)
{
    if (uri == QLatin1String("http://www.w3.org/2001/04/xmlenc#sha256"))
        return QCryptographicHash::Sha256;
    if (uri == QLatin1String("http://www.w3.org/2000/09/xmldsig#sha1"))
        return QCryptographicHash::Sha1;
    if (uri == QLatin1String("http://www.w3.org/2001/04/xmldsig-more#sha384"))
        return QCryptographicHash::Sha384;
    if (uri == QLatin1String("http://www.w3.org/2001/04/xmlenc#sha512"))
        return QCryptographicHash::Sha512;
    return std::nullopt;
}

XmlDsigVerifier::Result XmlDsigVerifier::verify(const QByteArray &xml, const QByteArray &certificateDer)
{
    Result result;
    if (!ensureXmlSec()) {
        result.error = QStringLiteral("libxmlsec1 could not be initialised");
        return result;
    }
    DocPtr doc = parseDocument(xml, &result.error);
    if (!doc)
        return result;
    KeyPtr key = publicKeyOf(certificateDer, &result.error);
    if (!key)
        return result;
    xmlNodePtr signature = xmlDocGetRootElement(doc.get());
    const QList<xmlNodePtr> references = referenceNodes(signature);
    for (xmlNodePtr node : references)
        result.references.append(ReferenceResult{nodeAttribute(node, "URI"), false, false,
                                                 QStringLiteral("not reached: xmlsec stopped before this Reference")});
    result.ran = true;

    // Digests: verify; xmlsec stops at the first bad Reference, so patch its DigestValue in a fresh copy of the
    // document with the value it computed and verify again, until every Reference has an outcome.
    QList<QByteArray> patches(references.size());
    qsizetype known = 0;
    while (known < references.size()) {
        QString why;
        DocPtr copy = parseDocument(xml, &why);
        if (!copy)
            break;
        xmlNodePtr copySignature = xmlDocGetRootElement(copy.get());
        const QList<xmlNodePtr> copyReferences = referenceNodes(copySignature);
        for (qsizetype i = 0; i < known && i < copyReferences.size(); ++i) {
            if (!patches.at(i).isEmpty()) {
                xmlNodePtr digest = xmlSecFindChild(copyReferences.at(i), xmlSecNodeDigestValue, xmlSecDSigNs);
                if (digest)
                    xmlNodeSetContent(digest, BAD_CAST patches.at(i).constData());
            }
        }
        std::unique_ptr<xmlSecDSigCtx, CtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
        if (!ctx)
            break;
        ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
        // Keep each Reference's canonical bytes: on a mismatch xmlsec does not expose the digest it computed.
        ctx->flags = XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS | XMLSEC_DSIG_FLAGS_STORE_SIGNEDINFO_REFERENCES;
        ctx->signKey = xmlSecKeyDuplicate(key.get());
        xmlSecDSigCtxVerify(ctx.get(), copySignature);
        const xmlSecSize processed = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
        qsizetype progressed = known;
        for (xmlSecSize i = static_cast<xmlSecSize>(known); i < processed && qsizetype(i) < references.size(); ++i) {
            auto *reference = static_cast<xmlSecDSigReferenceCtxPtr>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
            if (!reference)
                continue;
            ReferenceResult &out = result.references[qsizetype(i)];
            const QByteArray stated = nodeText(xmlSecFindChild(references.at(qsizetype(i)), xmlSecNodeDigestValue, xmlSecDSigNs));
            QByteArray computed;
            xmlNodePtr method = xmlSecFindChild(references.at(qsizetype(i)), xmlSecNodeDigestMethod, xmlSecDSigNs);
            const auto algorithm = method ? digestAlgorithm(nodeAttribute(method, "Algorithm")) : std::nullopt;
            xmlSecBufferPtr canonical = reference->preDigestMemBufMethod
                                            ? xmlSecTransformMemBufGetBuffer(reference->preDigestMemBufMethod)
                                            : nullptr;
            if (algorithm && canonical && xmlSecBufferGetData(canonical))
                computed = QCryptographicHash::hash(
                               QByteArrayView(reinterpret_cast<const char *>(xmlSecBufferGetData(canonical)),
                                              qsizetype(xmlSecBufferGetSize(canonical))),
                               *algorithm)
                               .toBase64();
            out.reached = true;
            if (reference->status == xmlSecDSigStatusSucceeded) {
                out.ok = true;
                out.detail = QStringLiteral("DigestValue %1 matches the canonical content of %2")
                                 .arg(QString::fromLatin1(stated), out.uri);
            } else if (!computed.isEmpty()) {
                out.detail = QStringLiteral("DigestValue %1 differs from the digest of %2's canonical content, %3")
                                 .arg(QString::fromLatin1(stated), out.uri, QString::fromLatin1(computed));
                patches[qsizetype(i)] = computed;
            } else {
                out.detail = QStringLiteral("the content of %1 could not be found or digested").arg(out.uri);
            }
            progressed = qsizetype(i) + 1;
            if (reference->status != xmlSecDSigStatusSucceeded && computed.isEmpty()) {
                progressed = references.size(); // cannot patch around it; the rest stay "not reached"
                break;
            }
        }
        if (progressed == known)
            break;
        known = progressed;
    }

    result.signatureValueOk = verifySignatureValue(doc.get(), signature, key.get(), &result.signatureValueDetail);
    return result;
}

} // namespace bankid
