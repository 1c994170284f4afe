#pragma once

#include "ApiTypes.h"
#include "DocumentDigest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace bankid {

/// Builds the /sign order for signing a document by its digest (issue 3/3, "Document signing").
///
/// Contract:
/// - userNonVisibleData is exactly "sha256:" followed by the 64 lowercase hex digits of the document's
///   SHA-256 (71 ASCII bytes). This is what the signature binds the document to; verifiers parse it back
///   with digestFromNonVisibleData().
/// - userVisibleData is a simpleMarkdownV1 summary the signer reads in the BankID app, in the current UI
///   language (tr()): a heading, the file name (literal: every character simpleMarkdownV1 would interpret is
///   backslash-escaped; names over MaxShownNameLength characters are shortened in the middle with "…"),
///   the size (bytes, with the locale's digit grouping) and the full hex digest. The result always passes
///   RequestValidator for Flow::Sign given a valid endUserIp.
///
///     const OrderRequest request = DocumentSignRequest::build(*digest, connections->endUserIp());
///     session->start(request, options);
class DocumentSignRequest
{
    Q_DECLARE_TR_FUNCTIONS(bankid::DocumentSignRequest)

public:
    static constexpr int MaxShownNameLength = 120;

    /// "sha256:<64 lowercase hex>".
    static QByteArray nonVisibleDataFor(const DocumentDigest &digest);
    /// The 32 raw digest bytes from "sha256:<64 hex>" (hex in either case); nullopt for anything else.
    static std::optional<QByteArray> digestFromNonVisibleData(const QByteArray &data);
    /// The simpleMarkdownV1 summary shown to the signer.
    static QString summaryFor(const DocumentDigest &digest);
    /// A Flow::Sign request with userVisibleData = summaryFor() (markdown), userNonVisibleData =
    /// nonVisibleDataFor() and the given endUserIp; nothing else set.
    static OrderRequest build(const DocumentDigest &digest, const QString &endUserIp);
};

} // namespace bankid
