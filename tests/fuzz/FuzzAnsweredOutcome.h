#pragma once
// What RpCall hands RpError::fromExchange() for one HTTP answer, for the harnesses that feed error bodies
// (api_responses, id_card). Header-only, like FuzzSupport.h.

#include "RpError.h"

#include <QByteArray>
#include <QString>

namespace bankid::fuzz {

/// An answer with `status` and `body` on a connection established for the request (which was written). A 200
/// carries `schemaError`, as for an answer whose members the reader refused; status 0 is "no HTTP answer".
inline RpError::Outcome answeredOutcome(const QString &endpoint, int status, const QByteArray &body,
                                        const QString &schemaError)
{
    RpError::Outcome outcome;
    outcome.endpoint = endpoint;
    outcome.httpStatus = status;
    outcome.body = body;
    outcome.networkError = status >= 400 ? QNetworkReply::ProtocolInvalidOperationError : QNetworkReply::NoError;
    outcome.tls = RpError::TlsProgress::EstablishedForThisRequest;
    outcome.requestWritten = true;
    if (status == 200)
        outcome.schemaError = schemaError;
    return outcome;
}

} // namespace bankid::fuzz
