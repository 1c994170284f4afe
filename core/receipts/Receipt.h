#pragma once

#include "ApiTypes.h"
#include "DocumentDigest.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bankid {

/// A document-signing receipt: everything needed to prove offline, later, that a document was signed with
/// BankID (format: docs/receipt-format.md). Written next to the document as "FILE.bankid-receipt.json".
///
/// JSON (format version 1); QJsonDocument writes members in alphabetical order, and order is not significant:
///   {"format": "bankid-desk-receipt", "version": 1,
///    "document": {"fileName", "size", "sha256" (64 lowercase hex)},
///    "environment": {"name" ("simulator" | "test" | "production" | "custom"), "baseUrl"},
///    "request": {"endpoint": "sign", "body": {the /sign JSON body exactly as sent}},
///    "collectResponse": {the final /collect response as received: orderRef, status, completionData},
///    "times": {"started", "completed", "written"} (ISO 8601 local time with UTC offset, millisecond precision),
///    "client": {"application", "version"}}
///
/// Contract:
/// - fromJson() never crashes on any input and accepts only a receipt it can fully use: every error names
///   the member path and the problem ("document.sha256: expected 64 hex digits, got 12 characters",
///   "version: 2 is newer than this program understands (1)"). Unknown members are ignored (later minor
///   additions), a missing required one is an error. collectResponse must have status "complete" and
///   completionData.signature and .ocspResponse strings.
/// - The request body never holds secrets (qrStartSecret is in the /sign *response*, which a receipt does
///   not keep). A receipt does contain the signer's personal number and name (completionData): it is
///   personal data by design.
///
///     bankid::Receipt receipt;
///     receipt.documentFileName = digest.fileName; ...
///     const QByteArray bytes = receipt.toBytes();
///     QString error;
///     const auto parsed = bankid::Receipt::fromJson(bytes, &error);
struct Receipt {
    static constexpr int CurrentVersion = 1;
    /// The value of the "format" member.
    static QString formatName();
    /// ".bankid-receipt.json"
    static QString fileSuffix();

    int version = CurrentVersion;
    QString documentFileName;
    qint64 documentSize = 0;
    QByteArray documentSha256; ///< 32 raw bytes
    QString environmentName;   ///< "simulator", "test", "production" or "custom"
    QString baseUrl;
    QString endpoint = QStringLiteral("sign");
    QJsonObject requestBody;     ///< the order request body as sent (OrderRequest::toJson())
    QJsonObject collectResponse; ///< OrderSession::completedCollectResponse()
    QDateTime startedAt;
    QDateTime completedAt;
    QDateTime writtenAt;
    QString application; ///< "bankid-desk" or "bankid-cli"
    QString applicationVersion;

    /// What every front end fills the same way after a document order completed: the document (from
    /// `digest`), the request (endpoint of `sent.flow`, body exactly as sent: sent.toJson()), the final collect
    /// response (OrderSession::completedCollectResponse()) and writtenAt = now. The caller adds what only it
    /// knows: environmentName, baseUrl, startedAt / completedAt, application and applicationVersion.
    static Receipt forDocumentOrder(const DocumentDigest &digest, const OrderRequest &sent,
                                    const QJsonObject &collectResponse);

    QJsonObject toJson() const;
    /// Indented UTF-8 JSON with a trailing newline.
    QByteArray toBytes() const;
    static std::optional<Receipt> fromJson(const QByteArray &bytes, QString *error);

    /// completionData.signature / .ocspResponse (base64 text) of collectResponse; empty when absent.
    QString signature() const;
    QString ocspResponse() const;
    /// The signer as BankID reported it (completionData.user); empty when absent.
    QString signerName() const;
    QString signerPersonalNumber() const;
    QString orderRef() const;
    /// requestBody's userVisibleData / userNonVisibleData, base64-decoded; nullopt when absent or not base64.
    std::optional<QByteArray> sentUserVisibleData() const;
    std::optional<QByteArray> sentUserNonVisibleData() const;

    /// documentPath + fileSuffix(): where a receipt for the document is written first.
    static QString defaultPathFor(const QString &documentPath);
    /// The document a receipt file name belongs to: strips ".bankid-receipt.json" or ".bankid-receipt-N.json"
    /// (the names ReceiptWriter uses when the first one is taken); empty when the name is neither.
    static QString documentPathFor(const QString &receiptPath);
};

} // namespace bankid
