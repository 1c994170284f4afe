#pragma once

#include "ApiTypes.h"
#include "ValidationError.h"

#include <QList>

#include <optional>

namespace bankid {

/// Checks an OrderRequest against every documented rule of its endpoint (facts file §2) before it is
/// sent, so the operator gets a precise message instead of BankID's bare 400 invalidParameters.
///
/// Rules: required members per flow; members a flow does not accept (endUserIp on a phone flow,
/// riskFlags outside /payment, requirement.personalNumber or mrtd on a phone flow, ...); userVisibleData
/// and userNonVisibleData lengths counted AFTER base64 (auth 1 500 / sign and payment 40 000 visible,
/// auth 1 500 / sign and payment 200 000 non-visible; phone/auth uses the auth limits and phone/sign the
/// sign limits: UNCONFIRMED); userVisibleData must be UTF-8 and, with userVisibleDataIsMarkdown, valid
/// simpleMarkdownV1; endUserIp an IPv4/IPv6 literal; personal numbers via PersonalNumber; returnUrl
/// 1..512 characters and absolute; web XOR app with at least one member; web.referringDomain 3..253 of
/// [a-z0-9.-]; userAgent <= 256; deviceIdentifier <= 64; cardReader class1|class2; certificatePolicies
/// OID syntax; payment: transactionType card|npa, recipient.name required, money forbidden for npa,
/// amount "digits[,dd]", currency three capitals, riskFlags from the documented list.
///
/// certificatePolicies reading of "one * wildcard is allowed from position 5": components are counted
/// from 1 and separated by '.'; a '*' must be a whole component, at position 5 or later, and the last
/// one ("1.2.752.78.*" and "1.2.3.4.*" pass, "1.2.*" and "1.2.752.7*" fail). Every other component is a
/// decimal number without leading zeros, and an OID has at least two components.
///
/// Usage:
/// \code
///   if (const auto error = RequestValidator::validate(request))
///       return fail(error->message());
///   client->startOrder(request);
/// \endcode
class RequestValidator
{
public:
    RequestValidator() = delete;

    /// The first broken rule, in wire member order; nullopt when the request may be sent.
    static std::optional<ValidationError> validate(const OrderRequest &request);
    /// Every broken rule, in wire member order (a GUI marks all fields at once).
    static QList<ValidationError> validateAll(const OrderRequest &request);

    /// Maximum userVisibleData length after base64 for \a flow.
    static int maxUserVisibleDataLength(Flow flow);
    /// Maximum userNonVisibleData length after base64 for \a flow.
    static int maxUserNonVisibleDataLength(Flow flow);
    /// Length of \a byteCount bytes after standard base64 with padding.
    static qint64 base64Length(qint64 byteCount) { return 4 * ((byteCount + 2) / 3); }

    /// The documented values, for GUI pickers and for the messages.
    static QStringList cardReaderValues();
    static QStringList transactionTypeValues();
    static QStringList riskFlagValues();
    /// True for an OID per the reading in the class comment.
    static bool isValidCertificatePolicy(const QString &oid);
};

} // namespace bankid
