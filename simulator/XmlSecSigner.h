#pragma once

#include <QByteArray>
#include <QString>

namespace bankid::sim {

// The libxmlsec1 (OpenSSL backend) step shared by the simulator's signed documents (SignatureDocument,
// VerificationSignature): parses a signature template, registers every "Id" attribute as an XML ID (so
// References like URI="#bidSignedData" resolve), fills in every DigestValue and the SignatureValue with the
// given private key and returns the serialised UTF-8 document.
//
// Contract: the template is complete except the empty DigestValue/SignatureValue elements; its KeyInfo is the
// caller's (the key handed to xmlsec carries no certificates, so xmlsec leaves KeyInfo as written). Empty
// bytes with `error` set on any failure. libxmlsec1 is initialised once per process, the same way bankid_core
// does it (whoever comes first wins); thread-safe after that first call.
//
//     const QByteArray signedXml = XmlSecSigner::sign(templateXml, signer.keyPem, &error);
class XmlSecSigner
{
public:
    static QByteArray sign(const QByteArray &templateXml, const QByteArray &privateKeyPem, QString *error);

    // Template building blocks: "<name>content</name>" (content inserted as is) and XML-escaped UTF-8 text.
    static QByteArray element(const char *name, const QByteArray &content);
    static QByteArray escaped(const QString &text);
};

} // namespace bankid::sim
