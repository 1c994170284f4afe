// Harness sim_http_request: raw bytes as a client sends them to the simulator, given to
// sim::HttpRequestParser twice: all at once, and in pieces whose sizes the input's first byte chooses (as
// TLS records and reads split a stream). Checks: both ways give the same requests and the same final
// error (the parser is incremental, so how bytes arrive must not change what they mean); every request
// keeps the limits (body <= maxBodyBytes, <= maxHeaderFields fields, lower-case names, HTTP/1.0 or 1.1,
// path a prefix of target, HTTP/1.0 closes); an error is one of the statuses the contract names and ends
// the stream (nothing more comes out).
#include "FuzzSupport.h"

#include "HttpRequestParser.h"

#include <QList>

using namespace bankid::sim;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    bankid::fuzz::initialize(argc, argv);
    return 0;
}

namespace {

struct Outcome {
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

/// Feeds `input` in pieces of `pieceSize` bytes (all at once when 0), taking requests after every feed.
Outcome parse(const QByteArray &input, qsizetype pieceSize)
{
    HttpRequestParser parser;
    Outcome outcome;
    const qsizetype step = pieceSize > 0 ? pieceSize : qMax<qsizetype>(input.size(), 1);
    for (qsizetype offset = 0; offset < input.size(); offset += step) {
        parser.feed(QByteArrayView(input).sliced(offset, qMin(step, input.size() - offset)));
        while (auto request = parser.takeRequest())
            outcome.requests.append(*request);
        if (parser.hasError())
            break;
    }
    if (parser.hasError()) {
        outcome.errorStatus = parser.errorStatus();
        FUZZ_EXPECT(!parser.errorText().isEmpty());
        parser.feed(QByteArrayView("GET / HTTP/1.1\r\n\r\n"));
        FUZZ_EXPECT(!parser.takeRequest().has_value()); // an error is final
    }
    return outcome;
}

bool sameRequest(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path && a.version == b.version
           && a.headers == b.headers && a.body == b.body && a.closeAfterAnswer == b.closeAfterAnswer;
}

void checkLimits(const HttpRequest &request)
{
    const HttpRequestParser defaults;
    FUZZ_EXPECT(!request.method.isEmpty());
    FUZZ_EXPECT(request.version == "HTTP/1.1" || request.version == "HTTP/1.0");
    FUZZ_EXPECT(request.target.startsWith(request.path));
    FUZZ_EXPECT(request.body.size() <= defaults.maxBodyBytes);
    FUZZ_EXPECT(request.headers.size() <= defaults.maxHeaderFields);
    for (const auto &field : request.headers) {
        FUZZ_EXPECT(!field.first.isEmpty());
        FUZZ_EXPECT(field.first == field.first.toLower());
    }
    if (request.version == "HTTP/1.0")
        FUZZ_EXPECT(request.closeAfterAnswer);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype pieceSize = 1 + data[0] % 23;
    const QByteArray input = bankid::fuzz::bytes(data + 1, size - 1);

    const Outcome whole = parse(input, 0);
    const Outcome pieces = parse(input, pieceSize);

    FUZZ_EXPECT(whole.errorStatus == pieces.errorStatus);
    FUZZ_EXPECT(whole.requests.size() == pieces.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i) {
        FUZZ_EXPECT(sameRequest(whole.requests.at(i), pieces.requests.at(i)));
        checkLimits(whole.requests.at(i));
    }
    switch (whole.errorStatus) {
    case 0:
    case 400:
    case 411:
    case 413:
    case 414:
    case 431:
    case 501:
    case 505:
        break;
    default:
        FUZZ_EXPECT(false && "an error status the parser's contract does not name");
    }
    return 0;
}
