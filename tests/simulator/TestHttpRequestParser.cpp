// HttpRequestParser on its own (no sockets): framing, limits and error statuses, byte-by-byte feeding, and
// that an over-long line is refused as soon as its limit is passed.

#include "HttpRequestParser.h"

#include <QTest>

using bankid::sim::HttpRequest;
using bankid::sim::HttpRequestParser;

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void completeRequestsInOneFeedOrByteByByte();
    void pipelinedRequestsComeOutInOrder();
    void refusals_data();
    void refusals();
    void limitIsEnforcedBeforeTheLineEnds();
    void expectContinueIsReportedOnce();
};

void TestHttpRequestParser::completeRequestsInOneFeedOrByteByByte()
{
    const QByteArray bytes = "POST /rp/v6.0/auth?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:  application/json \r\n"
                             "Content-Length: 2\r\nX-Twice: a\r\nx-twice: b\r\n\r\n{}";
    for (const bool byteByByte : {false, true}) {
        HttpRequestParser parser;
        std::optional<HttpRequest> request;
        if (byteByByte) {
            for (const char c : bytes) {
                QVERIFY(!request);
                parser.feed(QByteArrayView(&c, 1));
                request = parser.takeRequest();
            }
        } else {
            parser.feed(bytes);
            request = parser.takeRequest();
        }
        QVERIFY(!parser.hasError());
        QVERIFY(request);
        QCOMPARE(request->method, QByteArrayLiteral("POST"));
        QCOMPARE(request->target, QByteArrayLiteral("/rp/v6.0/auth?x=1"));
        QCOMPARE(request->path, QByteArrayLiteral("/rp/v6.0/auth"));
        QCOMPARE(request->header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(request->headers.count({QByteArrayLiteral("x-twice"), QByteArrayLiteral("b")}), 1);
        QCOMPARE(request->body, QByteArrayLiteral("{}"));
        QVERIFY(!request->closeAfterAnswer);
        QVERIFY(!parser.isInsideRequest());
    }
}

void TestHttpRequestParser::pipelinedRequestsComeOutInOrder()
{
    HttpRequestParser parser;
    parser.feed("GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.0\r\n\r\nGET /d");
    QCOMPARE(parser.takeRequest()->path, QByteArrayLiteral("/a"));
    const auto second = parser.takeRequest();
    QCOMPARE(second->body, QByteArrayLiteral("xyz"));
    const auto third = parser.takeRequest();
    QCOMPARE(third->path, QByteArrayLiteral("/c"));
    QVERIFY(third->closeAfterAnswer); // HTTP/1.0
    QVERIFY(!parser.takeRequest());
    QVERIFY(parser.isInsideRequest()); // "GET /d" has started
    QVERIFY(!parser.hasError());
}

void TestHttpRequestParser::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("textPart");
    const QByteArray post = "POST / HTTP/1.1\r\n";
    QTest::newRow("chunked") << post + "Transfer-Encoding: chunked\r\n\r\n" << 411 << QByteArray("chunked");
    QTest::newRow("gzip_coding") << post + "Transfer-Encoding: gzip\r\n\r\n" << 501 << QByteArray("gzip");
    QTest::newRow("cl_and_te") << post + "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n" << 400
                               << QByteArray("together");
    QTest::newRow("duplicate_cl") << post + "Content-Length: 1\r\nContent-Length: 1\r\n\r\n" << 400
                                  << QByteArray("more than once");
    QTest::newRow("negative_cl") << post + "Content-Length: -1\r\n\r\n" << 400 << QByteArray("Content-Length");
    QTest::newRow("huge_cl") << post + "Content-Length: 99999999999999999999\r\n\r\n" << 400 << QByteArray("18 digits");
    QTest::newRow("body_over_limit") << post + "Content-Length: 1048577\r\n\r\n" << 413 << QByteArray("1048576");
    QTest::newRow("folding") << post + "X-A: 1\r\n  continued\r\n\r\n" << 400 << QByteArray("folding");
    QTest::newRow("space_before_colon") << post + "X-A : 1\r\n\r\n" << 400 << QByteArray("X-A ");
    QTest::newRow("nul_in_value") << post + QByteArray("X-A: a\0b\r\n\r\n", 12) << 400 << QByteArray("control");
    QTest::newRow("http_2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505 << QByteArray("HTTP/1.1");
    QTest::newRow("garbage_version") << QByteArray("GET / HTTPS/1.1\r\n\r\n") << 400 << QByteArray("version");
    QTest::newRow("two_spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400 << QByteArray("request line");
    QByteArray many = post;
    for (int i = 0; i < 65; ++i)
        many += "X-" + QByteArray::number(i) + ": v\r\n";
    QTest::newRow("65_fields") << many + "\r\n" << 431 << QByteArray("64 fields");
    QTest::newRow("long_target") << "GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n" << 414 << QByteArray("8192");
}

void TestHttpRequestParser::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, textPart);
    HttpRequestParser parser;
    parser.feed(bytes);
    QVERIFY(!parser.takeRequest());
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY2(parser.errorText().contains(textPart), parser.errorText().constData());
    QCOMPARE(parser.bufferedBytes(), 0); // released
    parser.feed("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(!parser.takeRequest()); // an error is final
}

void TestHttpRequestParser::limitIsEnforcedBeforeTheLineEnds()
{
    HttpRequestParser parser;
    parser.feed("GET / HTTP/1.1\r\nX-Long: ");
    const QByteArray chunk(4096, 'a');
    int fed = 0;
    while (!parser.hasError() && fed < 1000) { // at most 4 MB; the limit is 32 KiB
        parser.feed(chunk);
        ++fed;
        QVERIFY(!parser.takeRequest());
    }
    QCOMPARE(parser.errorStatus(), 431);
    QVERIFY2(fed <= 9, qPrintable(QString::number(fed)));
}

void TestHttpRequestParser::expectContinueIsReportedOnce()
{
    HttpRequestParser parser;
    parser.feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
    QVERIFY(!parser.takeRequest());
    QVERIFY(parser.takeContinueWanted());
    QVERIFY(!parser.takeContinueWanted());
    parser.feed("body");
    QCOMPARE(parser.takeRequest()->body, QByteArrayLiteral("body"));
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "TestHttpRequestParser.moc"
