// HttpResponseParser on its own: every framing (Content-Length, chunked, close-delimited, no body), keep-alive
// rules, interim responses, byte-by-byte delivery, and a specific error for each kind of malformed response.

#include "HttpResponseParser.h"

#include <QtTest>

using bankid::HttpResponseParser;
using Status = bankid::HttpResponseParser::Status;

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed_data();
    void wellFormed();
    void malformed_data();
    void malformed();
    void closedBeforeAnyByte();
    void excessBytesAreReported();
    void resetKeepsParsingNextResponse();
};

void TestHttpResponseParser::wellFormed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("completesOnClose"); // the body ends with the connection
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("chunked");

    QTest::newRow("content_length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                                    << false << 200 << QByteArray("{}") << true << false;
    QTest::newRow("content_length_zero") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << false << 200
                                         << QByteArray() << true << false;
    QTest::newRow("chunked_with_extension_and_trailer")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\n{\"a\":\r\nb\r\n\"bcdefghi\"}\r\n0\r\nX-Trailer: 1\r\n\r\n")
        << false << 200 << QByteArray("{\"a\":\"bcdefghi\"}") << true << true;
    QTest::newRow("chunked_overrides_content_length_and_closes")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
        << false << 200 << QByteArray("{}") << false << true;
    QTest::newRow("connection_close") << QByteArray("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc")
                                      << false << 503 << QByteArray("abc") << false << false;
    QTest::newRow("connection_tokens_case_insensitive")
        << QByteArray("HTTP/1.1 200 OK\r\nconnection: Upgrade, CLOSE\r\ncontent-length: 1\r\n\r\nx") << false << 200
        << QByteArray("x") << false << false;
    QTest::newRow("http10_default_close") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx") << false << 200
                                          << QByteArray("x") << false << false;
    QTest::newRow("http10_keep_alive") << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx")
                                       << false << 200 << QByteArray("x") << true << false;
    QTest::newRow("close_delimited") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"x\":1}") << true
                                     << 200 << QByteArray("{\"x\":1}") << false << false;
    QTest::newRow("no_content_204_ignores_length") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n")
                                                   << false << 204 << QByteArray() << true << false;
    QTest::newRow("interim_100_continue_skipped")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        << false << 200 << QByteArray("ok") << true << false;
    QTest::newRow("bare_lf_line_endings") << QByteArray("HTTP/1.1 404 Not Found\nContent-Length: 2\n\n{}") << false << 404
                                          << QByteArray("{}") << true << false;
    QTest::newRow("status_without_reason") << QByteArray("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n") << false << 200
                                           << QByteArray() << true << false;
}

void TestHttpResponseParser::wellFormed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, completesOnClose);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, keepAlive);
    QFETCH(bool, chunked);

    // Whole, then one byte at a time: the result must not depend on how the socket splits the stream.
    for (const bool byteByByte : {false, true}) {
        HttpResponseParser parser;
        Status result = Status::NeedMore;
        if (byteByByte) {
            for (qsizetype i = 0; i < bytes.size(); ++i) {
                result = parser.feed(QByteArrayView(bytes.constData() + i, 1));
                QVERIFY2(result != Status::Error, qPrintable(parser.errorString()));
                if (i + 1 < bytes.size() && !completesOnClose)
                    QCOMPARE(result, Status::NeedMore);
            }
        } else {
            result = parser.feed(bytes);
        }
        QVERIFY(parser.hasStarted());
        if (completesOnClose) {
            QCOMPARE(result, Status::NeedMore);
            result = parser.connectionClosed();
        }
        QVERIFY2(result == Status::Complete, qPrintable(parser.errorString()));
        QCOMPARE(parser.statusCode(), status);
        QCOMPARE(parser.body(), body);
        QCOMPARE(parser.keepAlive(), keepAlive);
        QCOMPARE(parser.isChunked(), chunked);
        QCOMPARE(parser.excessBytes(), 0);
    }
}

void TestHttpResponseParser::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("thenClose");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("not_http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << false << QStringLiteral("malformed status line");
    QTest::newRow("http2_preface_as_text") << QByteArray("HTTP/2 200\r\n") << false << QStringLiteral("malformed status line");
    QTest::newRow("two_digit_status") << QByteArray("HTTP/1.1 20 OK\r\n") << false << QStringLiteral("malformed status line");
    QTest::newRow("header_without_colon") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length 2\r\n\r\n{}") << false
                                          << QStringLiteral("malformed response header line");
    QTest::newRow("space_in_header_name") << QByteArray("HTTP/1.1 200 OK\r\nContent Length: 2\r\n\r\n{}") << false
                                          << QStringLiteral("malformed response header line");
    QTest::newRow("obsolete_folding") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n\r\n") << false
                                      << QStringLiteral("obsolete header line folding");
    QTest::newRow("conflicting_content_length")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}") << false
        << QStringLiteral("conflicting Content-Length values (2 and 3)");
    QTest::newRow("negative_content_length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false
                                             << QStringLiteral("invalid Content-Length");
    QTest::newRow("huge_content_length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 999999999999\r\n\r\n") << false
                                         << QStringLiteral("exceeds");
    QTest::newRow("bad_chunk_size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false
                                    << QStringLiteral("invalid chunk size \"zz\"");
    QTest::newRow("chunk_without_crlf") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n")
                                        << false << QStringLiteral("chunk data is not followed by CRLF");
    QTest::newRow("switching_protocols") << QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n") << false
                                         << QStringLiteral("101 Switching Protocols");
    QTest::newRow("endless_headers") << (QByteArray("HTTP/1.1 200 OK\r\n") + QByteArray(70000, 'a')) << false
                                     << QStringLiteral("header section exceeds 65536 bytes");
    QTest::newRow("closed_inside_headers") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << true
                                           << QStringLiteral("closed inside the response headers");
    QTest::newRow("closed_inside_body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\"") << true
                                        << QStringLiteral("closed after 4 of 10 body bytes");
    QTest::newRow("closed_inside_chunks") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n")
                                          << true << QStringLiteral("closed inside a chunked body (4 bytes decoded)");
}

void TestHttpResponseParser::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, thenClose);
    QFETCH(QString, errorContains);

    HttpResponseParser parser;
    Status result = parser.feed(bytes);
    if (thenClose) {
        QCOMPARE(result, Status::NeedMore);
        result = parser.connectionClosed();
    }
    QCOMPARE(result, Status::Error);
    QVERIFY2(parser.errorString().contains(errorContains), qPrintable(parser.errorString()));
    // An error is final until reset(): more bytes do not revive the stream.
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), Status::Error);
}

void TestHttpResponseParser::closedBeforeAnyByte()
{
    // Nothing of a response arrived: not a protocol error, just a closed connection (the caller may re-send).
    HttpResponseParser parser;
    QVERIFY(!parser.hasStarted());
    QCOMPARE(parser.connectionClosed(), Status::NeedMore);
    QVERIFY(parser.errorString().isEmpty());
}

void TestHttpResponseParser::excessBytesAreReported()
{
    HttpResponseParser parser;
    QCOMPARE(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200"), Status::Complete);
    QCOMPARE(parser.body(), QByteArray("{}"));
    QCOMPARE(parser.excessBytes(), 12);
}

void TestHttpResponseParser::resetKeepsParsingNextResponse()
{
    HttpResponseParser parser;
    for (int i = 0; i < 1000; ++i) {
        const QByteArray body = QByteArray::number(i);
        const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        QCOMPARE(parser.feed(response), Status::Complete);
        QCOMPARE(parser.body(), body);
        QCOMPARE(parser.headers().size(), 1);
        parser.reset();
        QVERIFY(!parser.hasStarted());
        QCOMPARE(parser.statusCode(), 0);
    }
}

QTEST_APPLESS_MAIN(TestHttpResponseParser)
#include "TestHttpResponseParser.moc"
