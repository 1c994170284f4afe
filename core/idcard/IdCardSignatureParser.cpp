#include "IdCardSignatureParser.h"

#include <QSet>

#include <QXmlStreamReader>

namespace bankid {

namespace {

const QLatin1String dsigNamespace("http://www.w3.org/2000/09/xmldsig#");
const QLatin1String xadesNamespacePrefix("http://uri.etsi.org/01903/");

// One open element while reading.
struct OpenElement {
    QString name;
    QString id;
    QString text;
    bool hasChildElements = false;
};

} // namespace

IdCardSignatureParser::Result IdCardSignatureParser::parse(const QByteArray &xml)
{
    Result result;
    QXmlStreamReader reader(xml);
    QList<OpenElement> open;
    QSet<QString> ids;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::DTD) {
            result.error = QStringLiteral("the verification signature contains a DTD, which is not allowed");
            return result;
        }
        if (token == QXmlStreamReader::Characters && !open.isEmpty()) {
            if (open.last().text.size() < 64 * 1024)
                open.last().text += reader.text();
            continue;
        }
        if (token == QXmlStreamReader::StartElement) {
            const QString name = reader.name().toString();
            const QString parent = open.isEmpty() ? QString() : open.last().name;
            const bool xades = reader.namespaceUri().startsWith(xadesNamespacePrefix);
            const bool dsig = reader.namespaceUri() == dsigNamespace;
            if (!open.isEmpty())
                open.last().hasChildElements = true;
            open.append(OpenElement{name, reader.attributes().value(QLatin1String("Id")).toString(), {}, false});
            const QString &id = open.last().id;
            if (!id.isEmpty() && ids.contains(id)) {
                result.error = QStringLiteral("the verification signature has two elements with Id \"%1\"; a signed "
                                              "reference must name exactly one")
                                   .arg(id.left(64));
                return result;
            }
            if (!id.isEmpty())
                ids.insert(id);
            if (xades && name == QLatin1String("SignedProperties") && !result.hasSignedProperties) {
                result.hasSignedProperties = true;
                result.signedPropertiesId = open.last().id;
            } else if (xades && name == QLatin1String("CertDigest")) {
                result.certDigests.append(CertDigest{});
            } else if (dsig && name == QLatin1String("DigestMethod") && parent == QLatin1String("CertDigest")
                       && !result.certDigests.isEmpty()) {
                result.certDigests.last().algorithm = reader.attributes().value(QLatin1String("Algorithm")).toString();
            }
            continue;
        }
        if (token != QXmlStreamReader::EndElement || open.isEmpty())
            continue;
        const OpenElement element = open.takeLast();
        if (element.hasChildElements)
            continue;
        const QString text = element.text.trimmed();
        const QString parent = open.isEmpty() ? QString() : open.last().name;
        if (element.name == QLatin1String("SigningTime") && reader.namespaceUri().startsWith(xadesNamespacePrefix)
            && result.signingTimeText.isEmpty()) {
            result.signingTimeText = text;
            const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (time.isValid() && time.timeSpec() != Qt::LocalTime)
                result.signingTime = time.toUTC();
        } else if (element.name == QLatin1String("DigestValue") && parent == QLatin1String("CertDigest")
                   && !result.certDigests.isEmpty()) {
            const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            result.certDigests.last().digest = decoded ? *decoded : QByteArray();
        }
        if (text.isEmpty() || result.fields.size() >= MaxFields)
            continue;
        Field field{element.name, text, {}};
        if (!element.id.isEmpty())
            field.enclosingIds.append(element.id);
        for (const OpenElement &around : open) {
            if (!around.id.isEmpty())
                field.enclosingIds.append(around.id);
        }
        result.fields.append(field);
    }
    if (reader.hasError()) {
        result.error = QStringLiteral("the verification signature XML is malformed at line %1, column %2: %3")
                           .arg(reader.lineNumber())
                           .arg(reader.columnNumber())
                           .arg(reader.errorString());
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace bankid
