#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace bankid::sim {

// One complete HTTP/1.1 request as HttpRequestParser hands it out: what SimulatorServer routes on.
//
// Contract: `method` is the request line's method exactly as sent (case-sensitive, e.g. "POST");
// `target` the raw request-target and `path` its part before '?'; header names are lower-cased, values
// have their surrounding blanks removed, and repeated fields stay separate entries in arrival order;
// `body` holds exactly Content-Length bytes; `closeAfterAnswer` is true for HTTP/1.0 and for
// `Connection: close`.
struct HttpRequest {
    QByteArray method;
    QByteArray target;
    QByteArray path;
    QByteArray version; ///< "HTTP/1.1" or "HTTP/1.0"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeAfterAnswer = false;

    /// The value of the first header field named `lowerCaseName`, or a null QByteArray.
    QByteArray header(QByteArrayView lowerCaseName) const
    {
        for (const auto &field : headers) {
            if (field.first == lowerCaseName)
                return field.second;
        }
        return {};
    }
};

} // namespace bankid::sim
