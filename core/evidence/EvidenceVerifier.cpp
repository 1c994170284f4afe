#include "EvidenceVerifier.h"

#include "OpenSslHandles.h"
#include "SignatureDocumentParser.h"
#include "XmlDsigVerifier.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>

namespace bankid {

Q_LOGGING_CATEGORY(lcEvidence, "bankid.evidence", QtInfoMsg)

namespace {

using openssl::Handle;
using X509Ptr = Handle<X509>;
using StackPtr = Handle<STACK_OF(X509)>;
using StorePtr = Handle<X509_STORE>;

const QString xmlCheck = QStringLiteral("xml");
const QString signatureValueCheck = QStringLiteral("signature value");
const QString chainCheck = QStringLiteral("certificate chain");
const QString ocspSignatureCheck = QStringLiteral("ocsp signature");
const QString ocspStatusCheck = QStringLiteral("ocsp status");
const QString ocspNonceCheck = QStringLiteral("ocsp nonce");
const QString ocspTimeCheck = QStringLiteral("ocsp time");
const QString visibleCheck = QStringLiteral("usrVisibleData");
const QString nonVisibleCheck = QStringLiteral("usrNonVisibleData");
constexpr qint64 clockSkewSecs = 300;

std::optional<QDateTime> toDateTime(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return std::nullopt;
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString openSslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QString();
    char buffer[256] = {};
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

StorePtr trustStore(const QList<QSslCertificate> &roots, const QDateTime &at)
{
    StorePtr store(X509_STORE_new());
    for (const QSslCertificate &root : roots) {
        X509Ptr cert = openssl::x509FromDer(root.toDer());
        if (cert)
            X509_STORE_add_cert(store.get(), cert.get());
    }
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), time_t(at.toSecsSinceEpoch()));
    ERR_clear_error();
    return store;
}

QByteArray decodeOcsp(const QByteArray &input)
{
    if (input.startsWith('\x30'))
        return input; // DER SEQUENCE; never trim it: its last bytes may well be 0x20 or 0x0a
    QByteArray compact = input.trimmed();
    compact.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray());
    const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : input;
}

QString attribute(const QSslCertificate &certificate, const QByteArray &oidOrName)
{
    const QStringList values = certificate.subjectInfo(oidOrName);
    return values.isEmpty() ? QString() : values.first();
}

void checkChain(VerificationReport &report, X509 *leaf, STACK_OF(X509) *untrusted, const QList<QSslCertificate> &roots,
                const QDateTime &at)
{
    if (roots.isEmpty()) {
        report.fail(chainCheck, QStringLiteral("no trusted root given; the chain ends at \"%1\"")
                                    .arg(openssl::nameText(X509_get_issuer_name(sk_X509_num(untrusted) > 0
                                                                         ? sk_X509_value(untrusted, sk_X509_num(untrusted) - 1)
                                                                         : leaf))));
        return;
    }
    StorePtr store = trustStore(roots, at);
    Handle<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
    if (!store || !ctx || X509_STORE_CTX_init(ctx.get(), store.get(), leaf, untrusted) != 1) {
        report.fail(chainCheck, QStringLiteral("OpenSSL cannot set up chain verification: ") + openSslError());
        return;
    }
    X509_STORE_CTX_set_time(ctx.get(), 0, time_t(at.toSecsSinceEpoch()));
    const bool ok = X509_verify_cert(ctx.get()) == 1;
    const int code = X509_STORE_CTX_get_error(ctx.get());
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx.get());
    const int depth = chain ? sk_X509_num(chain) : 0;
    X509 *top = depth > 0 ? sk_X509_value(chain, depth - 1) : leaf;
    ERR_clear_error();
    if (ok) {
        report.pass(chainCheck, QStringLiteral("%1 certificates up to the trusted root \"%2\", valid as of %3")
                                    .arg(depth)
                                    .arg(openssl::nameText(X509_get_subject_name(top)), iso(at)));
        return;
    }
    QString detail = QString::fromLatin1(X509_verify_cert_error_string(code));
    if (code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY || code == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
        || code == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN || code == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) {
        const bool selfSigned = X509_check_issued(top, top) == X509_V_OK;
        detail = QStringLiteral("the root \"%1\" is not among the trusted roots (%2)")
                     .arg(openssl::nameText(selfSigned ? X509_get_subject_name(top) : X509_get_issuer_name(top)), detail);
    } else if (X509 *failing = X509_STORE_CTX_get_current_cert(ctx.get())) {
        detail += QStringLiteral(" (certificate \"%1\", as of %2)").arg(openssl::nameText(X509_get_subject_name(failing)), iso(at));
    }
    report.fail(chainCheck, detail);
}

// The nonce bytes of a basic response: the extnValue holds an OCTET STRING (RFC 8954); accept raw bytes too.
std::optional<QByteArray> nonceOf(OCSP_BASICRESP *basic)
{
    const int index = OCSP_BASICRESP_get_ext_by_NID(basic, NID_id_pkix_OCSP_Nonce, -1);
    X509_EXTENSION *extension = index >= 0 ? OCSP_BASICRESP_get_ext(basic, index) : nullptr;
    const ASN1_OCTET_STRING *value = extension ? X509_EXTENSION_get_data(extension) : nullptr;
    if (!value)
        return std::nullopt;
    const QByteArray raw(reinterpret_cast<const char *>(ASN1_STRING_get0_data(value)), ASN1_STRING_length(value));
    const unsigned char *data = ASN1_STRING_get0_data(value);
    Handle<ASN1_OCTET_STRING> inner(d2i_ASN1_OCTET_STRING(nullptr, &data, long(raw.size())));
    ERR_clear_error();
    if (inner && data == ASN1_STRING_get0_data(value) + raw.size())
        return QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(inner.get())), ASN1_STRING_length(inner.get()));
    return raw;
}

void checkOcsp(VerificationReport &report, const QByteArray &ocspInput, const SignatureDocumentParser::Result &parsed,
               X509 *leaf, STACK_OF(X509) *untrusted, const EvidenceVerifier::Options &options)
{
    const QByteArray der = decodeOcsp(ocspInput);
    const unsigned char *data = reinterpret_cast<const unsigned char *>(der.constData());
    Handle<OCSP_RESPONSE> response(d2i_OCSP_RESPONSE(nullptr, &data, long(der.size())));
    const QString unreadable = QStringLiteral("the OCSP response is unreadable");
    if (!response) {
        ERR_clear_error();
        report.fail(ocspSignatureCheck, QStringLiteral("not a DER OCSP response (base64 or binary)"));
        for (const QString &name : {ocspStatusCheck, ocspNonceCheck, ocspTimeCheck})
            report.skip(name, unreadable);
        return;
    }
    const int status = OCSP_response_status(response.get());
    Handle<OCSP_BASICRESP> basic(status == OCSP_RESPONSE_STATUS_SUCCESSFUL
                                                         ? OCSP_response_get1_basic(response.get())
                                                         : nullptr);
    if (!basic) {
        ERR_clear_error();
        report.fail(ocspSignatureCheck, QStringLiteral("the OCSP response has status \"%1\" and no basic response")
                                            .arg(QString::fromLatin1(OCSP_response_status_str(status))));
        for (const QString &name : {ocspStatusCheck, ocspNonceCheck, ocspTimeCheck})
            report.skip(name, unreadable);
        return;
    }

    // The responder's chain is checked as of asOf, else as of producedAt (old evidence stays verifiable).
    const auto producedAt = toDateTime(OCSP_resp_get0_produced_at(basic.get()));
    report.signingTime = producedAt;
    const QDateTime at = options.asOf.value_or(producedAt.value_or(QDateTime::currentDateTimeUtc()));

    // Signature of the response, its signer authorised (OCSPSigning, same issuer) and chained to our roots.
    if (options.roots.isEmpty()) {
        report.fail(ocspSignatureCheck, QStringLiteral("no trusted root given to check the responder against"));
    } else {
        StorePtr store = trustStore(options.roots, at);
        if (OCSP_basic_verify(basic.get(), untrusted, store.get(), 0) == 1)
            report.pass(ocspSignatureCheck, QStringLiteral("signed by an authorised responder chaining to a trusted root"));
        else
            report.fail(ocspSignatureCheck, QStringLiteral("OCSP_basic_verify failed: ") + openSslError());
        ERR_clear_error();
    }

    // Status of exactly the signer's certificate.
    X509 *issuer = nullptr;
    for (int i = 0; i < sk_X509_num(untrusted); ++i) {
        if (X509_check_issued(sk_X509_value(untrusted, i), leaf) == X509_V_OK) {
            issuer = sk_X509_value(untrusted, i);
            break;
        }
    }
    OCSP_SINGLERESP *single = nullptr;
    for (int i = 0; issuer && i < OCSP_resp_count(basic.get()); ++i) {
        OCSP_SINGLERESP *candidate = OCSP_resp_get0(basic.get(), i);
        ASN1_OBJECT *hashAlgorithm = nullptr;
        OCSP_id_get0_info(nullptr, &hashAlgorithm, nullptr, nullptr, const_cast<OCSP_CERTID *>(OCSP_SINGLERESP_get0_id(candidate)));
        const EVP_MD *digest = hashAlgorithm ? EVP_get_digestbyobj(hashAlgorithm) : nullptr;
        Handle<OCSP_CERTID> ours(digest ? OCSP_cert_to_id(digest, leaf, issuer) : nullptr);
        if (ours && OCSP_id_cmp(ours.get(), OCSP_SINGLERESP_get0_id(candidate)) == 0) {
            single = candidate;
            break;
        }
    }
    ERR_clear_error();
    ASN1_GENERALIZEDTIME *thisUpdate = nullptr;
    ASN1_GENERALIZEDTIME *nextUpdate = nullptr;
    if (!single) {
        report.fail(ocspStatusCheck, issuer ? QStringLiteral("the response is not about the signer's certificate")
                                            : QStringLiteral("the signer's issuer is not in KeyInfo, so the response cannot be matched"));
    } else {
        int reason = 0;
        ASN1_GENERALIZEDTIME *revokedAt = nullptr;
        const int certStatus = OCSP_single_get0_status(single, &reason, &revokedAt, &thisUpdate, &nextUpdate);
        if (certStatus == V_OCSP_CERTSTATUS_GOOD) {
            report.pass(ocspStatusCheck, QStringLiteral("good"));
        } else if (certStatus == V_OCSP_CERTSTATUS_REVOKED) {
            const auto when = toDateTime(revokedAt);
            report.fail(ocspStatusCheck, QStringLiteral("revoked at %1 (reason: %2)")
                                             .arg(when ? iso(*when) : QStringLiteral("unknown time"),
                                                  QString::fromLatin1(OCSP_crl_reason_str(reason))));
        } else {
            report.fail(ocspStatusCheck, QStringLiteral("the responder does not know the certificate (status unknown)"));
        }
    }

    // Nonce: SHA-1 of the base64 signature string (UTF-8) followed by 12 random bytes (facts §9).
    const QByteArray expected = QCryptographicHash::hash(parsed.base64, QCryptographicHash::Sha1);
    const auto nonce = nonceOf(basic.get());
    if (!nonce)
        report.fail(ocspNonceCheck, QStringLiteral("the response carries no nonce, so nothing binds it to this signature"));
    else if (nonce->left(expected.size()) == expected)
        report.pass(ocspNonceCheck, QStringLiteral("the nonce (%1 bytes) starts with SHA-1 of this signature, %2")
                                        .arg(nonce->size())
                                        .arg(QString::fromLatin1(expected.toHex())));
    else
        report.fail(ocspNonceCheck, QStringLiteral("the nonce belongs to another signature: it starts with %1, this "
                                                   "signature's SHA-1 is %2")
                                        .arg(QString::fromLatin1(nonce->left(expected.size()).toHex()),
                                             QString::fromLatin1(expected.toHex())));

    // Times.
    if (!producedAt) {
        report.fail(ocspTimeCheck, QStringLiteral("producedAt is missing or malformed"));
        return;
    }
    const auto notBefore = toDateTime(X509_get0_notBefore(leaf));
    const auto notAfter = toDateTime(X509_get0_notAfter(leaf));
    const auto thisTime = toDateTime(thisUpdate);
    const auto nextTime = toDateTime(nextUpdate);
    QString problem;
    if (thisTime && *thisTime > producedAt->addSecs(clockSkewSecs))
        problem = QStringLiteral("thisUpdate %1 is after producedAt").arg(iso(*thisTime));
    else if (nextTime && *producedAt > *nextTime)
        problem = QStringLiteral("producedAt is after nextUpdate %1").arg(iso(*nextTime));
    else if ((notBefore && *producedAt < *notBefore) || (notAfter && *producedAt > *notAfter))
        problem = QStringLiteral("producedAt is outside the signer certificate's validity %1 .. %2")
                      .arg(notBefore ? iso(*notBefore) : QString(), notAfter ? iso(*notAfter) : QString());
    else if (options.asOf && *producedAt > options.asOf->addSecs(clockSkewSecs))
        problem = QStringLiteral("producedAt is after the verification time %1").arg(iso(*options.asOf));
    else if (!options.asOf && *producedAt > QDateTime::currentDateTimeUtc().addSecs(clockSkewSecs))
        problem = QStringLiteral("producedAt is in the future");
    if (problem.isEmpty())
        report.pass(ocspTimeCheck, QStringLiteral("produced at %1, within the signer certificate's validity").arg(iso(*producedAt)));
    else
        report.fail(ocspTimeCheck, QStringLiteral("produced at %1, but ").arg(iso(*producedAt)) + problem);
}

void compareData(VerificationReport &report, const QString &name, const std::optional<QByteArray> &inXml,
                 const std::optional<QByteArray> &decoded, const std::optional<QByteArray> &expected)
{
    if (!expected) {
        report.skip(name, inXml ? QStringLiteral("present; nothing given to compare it with")
                                : QStringLiteral("absent; nothing given to compare it with"));
        return;
    }
    if (!inXml) {
        if (expected->isEmpty())
            report.pass(name, QStringLiteral("absent, and nothing was sent"));
        else
            report.fail(name, QStringLiteral("absent from the signature, but %1 bytes were sent").arg(expected->size()));
        return;
    }
    if (!decoded)
        report.fail(name, QStringLiteral("the signed value is not valid base64"));
    else if (*decoded == *expected)
        report.pass(name, QStringLiteral("equals what was sent (%1 bytes)").arg(expected->size()));
    else
        report.fail(name, QStringLiteral("differs from what was sent (%1 bytes signed, %2 bytes sent)")
                              .arg(decoded->size())
                              .arg(expected->size()));
}

} // namespace

VerificationReport EvidenceVerifier::verify(const QByteArray &signature, const QByteArray &ocsp, const Options &options)
{
    VerificationReport report;
    const SignatureDocumentParser::Result parsed = SignatureDocumentParser::parse(signature);
    if (!parsed.ok) {
        report.fail(xmlCheck, parsed.error);
        for (const QString &name : VerificationReport::checkNames().mid(1))
            report.skip(name, QStringLiteral("the signature could not be read"));
        return report;
    }
    report.funcId = parsed.funcId;
    auto decode = [](const std::optional<QByteArray> &text) -> std::optional<QByteArray> {
        if (!text)
            return std::nullopt;
        const auto decoded = QByteArray::fromBase64Encoding(*text, QByteArray::AbortOnBase64DecodingErrors);
        return decoded ? std::optional<QByteArray>(*decoded) : std::nullopt;
    };
    report.usrVisibleData = decode(parsed.usrVisibleData);
    report.usrNonVisibleData = decode(parsed.usrNonVisibleData);

    X509Ptr leaf = parsed.certificates.isEmpty() ? nullptr : openssl::x509FromDer(parsed.certificates.first());
    StackPtr untrusted(sk_X509_new_null());
    for (qsizetype i = 1; i < parsed.certificates.size(); ++i) {
        if (X509 *cert = openssl::x509FromDer(parsed.certificates.at(i)).release())
            sk_X509_push(untrusted.get(), cert);
    }
    ERR_clear_error();
    report.pass(xmlCheck, QStringLiteral("XMLDSig document, %1 references, %2 KeyInfo certificates, funcId %3")
                              .arg(parsed.references.size())
                              .arg(parsed.certificates.size())
                              .arg(parsed.funcId.isEmpty() ? QStringLiteral("(none)") : parsed.funcId));

    // Digests and signature value.
    const QString noSigner = QStringLiteral("KeyInfo holds no readable signer certificate");
    const QStringList wanted = {QStringLiteral("#bidSignedData"), QStringLiteral("#bidKeyInfo")};
    if (!leaf) {
        for (const QString &uri : wanted)
            report.skip(QStringLiteral("reference ") + uri.mid(1), noSigner);
        report.fail(signatureValueCheck, noSigner);
        report.fail(chainCheck, noSigner);
    } else {
        report.signerCertificate = QSslCertificate(parsed.certificates.first(), QSsl::Der);
        report.signerName = attribute(report.signerCertificate, "CN");
        report.signerPersonalNumber = attribute(report.signerCertificate, "serialNumber");
        report.signerGivenName = attribute(report.signerCertificate, "GN");
        report.signerSurname = attribute(report.signerCertificate, "SN");
        const XmlDsigVerifier::Result dsig = XmlDsigVerifier::verify(parsed.xml, parsed.certificates.first());
        for (const QString &uri : wanted) {
            const QString name = QStringLiteral("reference ") + uri.mid(1);
            bool found = false;
            for (const XmlDsigVerifier::ReferenceResult &reference : dsig.references) {
                if (reference.uri == uri) {
                    report.set(name,
                               !reference.reached ? VerificationCheck::Outcome::NotRun
                               : reference.ok     ? VerificationCheck::Outcome::Passed
                                                  : VerificationCheck::Outcome::Failed,
                               reference.detail);
                    found = true;
                    break;
                }
            }
            if (!found)
                report.fail(name, dsig.ran ? QStringLiteral("SignedInfo has no Reference to %1").arg(uri) : dsig.error);
        }
        if (!dsig.ran)
            report.fail(signatureValueCheck, dsig.error);
        else
            report.set(signatureValueCheck,
                       dsig.signatureValueOk ? VerificationCheck::Outcome::Passed : VerificationCheck::Outcome::Failed,
                       dsig.signatureValueDetail);
    }

    // OCSP first: its producedAt is the signing time, the default verification time.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (ocsp.trimmed().isEmpty()) {
        for (const QString &name : {ocspSignatureCheck, ocspStatusCheck, ocspNonceCheck, ocspTimeCheck})
            report.skip(name, QStringLiteral("no OCSP response given"));
    } else if (!leaf) {
        for (const QString &name : {ocspSignatureCheck, ocspStatusCheck, ocspNonceCheck, ocspTimeCheck})
            report.skip(name, noSigner);
    } else {
        checkOcsp(report, ocsp, parsed, leaf.get(), untrusted.get(), options);
    }
    const QDateTime at = options.asOf.value_or(report.signingTime.value_or(now)).toUTC();
    report.verifiedAsOf = at;
    if (leaf)
        checkChain(report, leaf.get(), untrusted.get(), options.roots, at);

    compareData(report, visibleCheck, parsed.usrVisibleData, report.usrVisibleData, options.expectedUserVisibleData);
    compareData(report, nonVisibleCheck, parsed.usrNonVisibleData, report.usrNonVisibleData, options.expectedUserNonVisibleData);

    qCInfo(lcEvidence).noquote() << "verified a" << (parsed.funcId.isEmpty() ? QStringLiteral("BankID") : parsed.funcId)
                                 << "signature of" << (report.signerPersonalNumber.size() == 12
                                                           ? report.signerPersonalNumber.left(8) + QStringLiteral("****")
                                                           : QStringLiteral("(unknown)"))
                                 << (report.allPassed() ? "all checks passed" : "with failures");
    return report;
}

} // namespace bankid
