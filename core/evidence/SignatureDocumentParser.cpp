#include "SignatureDocumentParser.h"

#include <QStringList>
#include <QXmlStreamReader>

namespace bankid {

namespace {

const QLatin1String dsigNs("http://www.w3.org/2000/09/xmldsig#");
const QLatin1String bankIdNs("http://www.bankid.com/signature/v1.0.0/types");

std::optional<QByteArray> strictBase64(const QByteArray &text)
{
    QByteArray compact = text;
    compact.replace(' ', QByteArray()).replace('\n', QByteArray()).replace('\r', QByteArray()).replace('\t', QByteArray());
    const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

} // namespace

SignatureDocumentParser::Result SignatureDocumentParser::parse(const QByteArray &input)
{
    Result result;
    const QByteArray trimmed = input.trimmed();
    if (trimmed.isEmpty()) {
        result.error = QStringLiteral("the signature is empty");
        return result;
    }
    if (trimmed.startsWith('<') || trimmed.startsWith("\xEF\xBB\xBF<")) {
        result.xml = trimmed;
        result.base64 = trimmed.toBase64();
    } else {
        QByteArray compact = trimmed;
        compact.replace('\n', QByteArray()).replace('\r', QByteArray()).replace(' ', QByteArray()).replace('\t', QByteArray());
        const auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.trimmed().isEmpty()) {
            result.error = QStringLiteral("the signature is neither XML nor base64 of XML");
            return result;
        }
        if (!decoded.decoded.trimmed().startsWith('<') && !decoded.decoded.startsWith("\xEF\xBB\xBF<")) {
            result.error = QStringLiteral("the signature's base64 does not decode to an XML document");
            return result;
        }
        result.xml = *decoded;
        result.base64 = compact;
    }

    QXmlStreamReader reader(result.xml);
    QStringList path; // local names of the open elements
    bool sawRoot = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::DTD) {
            result.error = QStringLiteral("the signature XML contains a DTD, which is not allowed");
            return result;
        }
        if (token == QXmlStreamReader::EndElement) {
            if (!path.isEmpty())
                path.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = reader.name().toString();
        const QString ns = reader.namespaceUri().toString();
        if (!sawRoot) {
            sawRoot = true;
            if (name != QLatin1String("Signature") || ns != dsigNs) {
                result.error = QStringLiteral("the root element is <%1> in namespace \"%2\", not xmldsig's <Signature>")
                                   .arg(name, ns);
                return result;
            }
        }
        const QString parent = path.isEmpty() ? QString() : path.last();
        path.append(name);
        if (ns == dsigNs) {
            if (name == QLatin1String("SignatureMethod") && parent == QLatin1String("SignedInfo")) {
                result.signatureMethod = reader.attributes().value(QLatin1String("Algorithm")).toString();
            } else if (name == QLatin1String("Reference") && parent == QLatin1String("SignedInfo")) {
                result.references.append(Reference{reader.attributes().value(QLatin1String("URI")).toString(),
                                                   reader.attributes().value(QLatin1String("Type")).toString(), {}});
            } else if (name == QLatin1String("DigestValue") && parent == QLatin1String("Reference")
                       && !result.references.isEmpty()) {
                result.references.last().digestValue = strictBase64(reader.readElementText(QXmlStreamReader::SkipChildElements).toLatin1()).value_or(QByteArray());
                path.removeLast();
            } else if (name == QLatin1String("SignatureValue") && path.size() == 2) {
                result.signatureValue = strictBase64(reader.readElementText(QXmlStreamReader::SkipChildElements).toLatin1()).value_or(QByteArray());
                path.removeLast();
            } else if (name == QLatin1String("X509Certificate") && path.contains(QLatin1String("KeyInfo"))) {
                const auto der = strictBase64(reader.readElementText(QXmlStreamReader::SkipChildElements).toLatin1());
                path.removeLast();
                if (der && !der->isEmpty())
                    result.certificates.append(*der);
            }
        } else if (ns == bankIdNs && path.contains(QLatin1String("bankIdSignedData"))) {
            if (name == QLatin1String("usrVisibleData") && parent == QLatin1String("bankIdSignedData")) {
                result.usrVisibleData = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed().toLatin1();
                path.removeLast();
            } else if (name == QLatin1String("usrNonVisibleData") && parent == QLatin1String("bankIdSignedData")) {
                result.usrNonVisibleData = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed().toLatin1();
                path.removeLast();
            } else if (name == QLatin1String("funcId") && parent == QLatin1String("clientInfo")) {
                result.funcId = reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                path.removeLast();
            }
        }
    }
    if (reader.hasError()) {
        result.error = QStringLiteral("the signature XML is malformed at line %1, column %2: %3")
                           .arg(reader.lineNumber())
                           .arg(reader.columnNumber())
                           .arg(reader.errorString());
        return result;
    }
    if (!sawRoot) {
        result.error = QStringLiteral("the signature XML has no root element");
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace bankid
