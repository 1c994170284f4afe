// RpError::fromExchange(): the one mapping from HTTP status, body, network error, TLS errors and TLS
// progress to an error kind, errorCode, RFA message, retry decision and a message naming the TLS side.

#include "RpError.h"

#include <QtTest>

using bankid::Rfa;
using bankid::RpError;

namespace {

using Kind = RpError::Kind;
using Problem = RpError::ServerCertificateProblem;
using Tls = RpError::TlsProgress;

} // namespace

class TestRpError : public QObject
{
    Q_OBJECT

private slots:
    void mapping_data();
    void mapping();
    void closeAfterEarlierAnswersIsConnection();
    void validationCarriesFieldAndRule();
    void configurationIsRpInternal();
    void kindNamesAreDistinct();
    void neverProcessedOnlyWhenNothingWasWritten_data();
    void neverProcessedOnlyWhenNothingWasWritten();
};

void TestRpError::mapping_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<QString>("errorString");
    QTest::addColumn<QList<int>>("sslErrors");
    QTest::addColumn<int>("tls");
    QTest::addColumn<bool>("aborted");
    QTest::addColumn<QString>("schemaError");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<Rfa>("rfa");
    QTest::addColumn<bool>("retriable");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("messageContains");

    const int noError = QNetworkReply::NoError;
    const int reused = int(Tls::Reused);
    const int fresh = int(Tls::EstablishedForThisRequest);
    const int notEstablished = int(Tls::NotEstablished);
    const QList<int> none;
    const int noProblem = int(Problem::None);
    auto api = [&](const char *name, int status, const QByteArray &body, int networkError, const QString &code, Rfa rfa,
                   bool retriable, const QString &contains) {
        QTest::newRow(name) << status << body << networkError << QString() << none << reused << false << QString()
                            << int(Kind::Api) << code << rfa << retriable << noProblem << contains;
    };

    QTest::newRow("ok_200_json_object") << 200 << QByteArray(R"({"orderRef":"a"})") << noError << QString() << none
                                        << reused << false << QString() << int(Kind::None) << QString() << Rfa::None
                                        << false << noProblem << QString();
    QTest::newRow("200_html_page") << 200 << QByteArray("<html><body>Gateway</body></html>") << noError << QString()
                                   << none << reused << false << QString() << int(Kind::InvalidResponse) << QString()
                                   << Rfa::Rfa22 << false << noProblem << QStringLiteral("not JSON");
    QTest::newRow("200_truncated_json") << 200 << QByteArray(R"({"orderRef":"ab)") << noError << QString() << none
                                        << reused << false << QString() << int(Kind::InvalidResponse) << QString()
                                        << Rfa::Rfa22 << false << noProblem << QStringLiteral("not JSON");
    QTest::newRow("200_json_array") << 200 << QByteArray("[1,2]") << noError << QString() << none << reused << false
                                    << QString() << int(Kind::InvalidResponse) << QString() << Rfa::Rfa22 << false
                                    << noProblem << QStringLiteral("not an object");
    QTest::newRow("malformed_http_no_status") << 0 << QByteArray() << int(QNetworkReply::ProtocolFailure)
                                              << QStringLiteral("invalid HTTP response from the server: malformed status line")
                                              << none << reused << false << QString() << int(Kind::InvalidResponse)
                                              << QString() << Rfa::Rfa22 << false << noProblem
                                              << QStringLiteral("malformed status line");
    QTest::newRow("malformed_http_bad_chunk_after_200")
        << 200 << QByteArray(R"({"order)") << int(QNetworkReply::ProtocolFailure)
        << QStringLiteral("invalid HTTP response from the server: invalid chunk size \"zz\"") << none << reused << false
        << QString() << int(Kind::InvalidResponse) << QString() << Rfa::Rfa22 << false << noProblem
        << QStringLiteral("invalid chunk size");
    QTest::newRow("200_schema_error") << 200 << QByteArray(R"({"orderRef":"a"})") << noError << QString() << none
                                      << reused << false << QStringLiteral("auth response: member 'qrStartToken' is missing")
                                      << int(Kind::InvalidResponse) << QString() << Rfa::Rfa22 << false << noProblem
                                      << QStringLiteral("qrStartToken");

    const int proto = QNetworkReply::ProtocolInvalidOperationError;
    api("400_alreadyInProgress", 400, R"({"errorCode":"alreadyInProgress","details":"Order already in progress"})",
        proto, QStringLiteral("alreadyInProgress"), Rfa::Rfa4, false, QStringLiteral("Order already in progress"));
    api("400_invalidParameters", 400, R"({"errorCode":"invalidParameters","details":"Invalid endUserIp"})", proto,
        QStringLiteral("invalidParameters"), Rfa::Rfa22, false, QStringLiteral("HTTP 400 invalidParameters: Invalid endUserIp"));
    api("401_unauthorized", 401, R"({"errorCode":"unauthorized","details":"No access"})",
        QNetworkReply::AuthenticationRequiredError, QStringLiteral("unauthorized"), Rfa::Rfa22, false, QStringLiteral("401"));
    api("403_unauthorized", 403, R"({"errorCode":"unauthorized","details":""})", QNetworkReply::ContentAccessDenied,
        QStringLiteral("unauthorized"), Rfa::Rfa22, false, QStringLiteral("403"));
    api("404_notFound", 404, R"({"errorCode":"notFound","details":""})", QNetworkReply::ContentNotFoundError,
        QStringLiteral("notFound"), Rfa::Rfa22, false, QStringLiteral("notFound"));
    api("405_empty_body_code_inferred", 405, "", QNetworkReply::ContentOperationNotPermittedError,
        QStringLiteral("methodNotAllowed"), Rfa::Rfa22, false, QStringLiteral("implied by the status"));
    api("408_requestTimeout_not_retried", 408, R"({"errorCode":"requestTimeout","details":""})",
        QNetworkReply::UnknownContentError, QStringLiteral("requestTimeout"), Rfa::Rfa5, false, QStringLiteral("408"));
    api("415_unsupportedMediaType", 415, R"({"errorCode":"unsupportedMediaType","details":""})",
        QNetworkReply::UnknownContentError, QStringLiteral("unsupportedMediaType"), Rfa::Rfa22, false, QStringLiteral("415"));
    api("429_tooManyRequests_retried", 429, R"({"errorCode":"tooManyRequests","details":""})",
        QNetworkReply::UnknownContentError, QStringLiteral("tooManyRequests"), Rfa::Rfa5, true, QStringLiteral("429"));
    api("500_internalError_not_retried", 500, R"({"errorCode":"internalError","details":"Oops"})",
        QNetworkReply::InternalServerError, QStringLiteral("internalError"), Rfa::Rfa5, false, QStringLiteral("Oops"));
    api("503_maintenance_retried", 503, R"({"errorCode":"maintenance","details":""})",
        QNetworkReply::ServiceUnavailableError, QStringLiteral("maintenance"), Rfa::Rfa5, true, QStringLiteral("503"));
    api("400_unknown_errorCode", 400, R"({"errorCode":"brandNewCode","details":"new"})", proto,
        QStringLiteral("brandNewCode"), Rfa::Rfa22, false, QStringLiteral("brandNewCode"));
    // A proxy's HTML page is a non-JSON body, whatever its status: InvalidResponse, status kept in the text.
    // The status decides, whatever the body: a gateway's 502 is retried (for idempotent requests), a load
    // balancer's HTML 503 is maintenance; the page goes into the details.
    QTest::newRow("502_proxy_html") << 502 << QByteArray("<html>Bad gateway</html>") << int(QNetworkReply::UnknownServerError)
                                    << QString() << none << reused << false << QString() << int(Kind::Api)
                                    << QString() << Rfa::Rfa5 << true << noProblem << QStringLiteral("HTTP 502");
    QTest::newRow("503_html_maintenance_page") << 503 << QByteArray("<html>Down for maintenance</html>")
                                               << int(QNetworkReply::ServiceUnavailableError) << QString() << none
                                               << reused << false << QString() << int(Kind::Api) << QStringLiteral("maintenance")
                                               << Rfa::Rfa5 << true << noProblem << QStringLiteral("Down for maintenance");

    QTest::newRow("transfer_timeout") << 0 << QByteArray() << int(QNetworkReply::OperationCanceledError)
                                      << QStringLiteral("Operation canceled") << none << reused << false << QString()
                                      << int(Kind::Timeout) << QString() << Rfa::Rfa5 << true << noProblem
                                      << QStringLiteral("transfer timeout");
    QTest::newRow("aborted_by_caller") << 0 << QByteArray() << int(QNetworkReply::OperationCanceledError)
                                       << QStringLiteral("Operation canceled") << none << reused << true << QString()
                                       << int(Kind::Cancelled) << QString() << Rfa::Rfa6 << false << noProblem
                                       << QStringLiteral("cancelled");
    QTest::newRow("connection_refused") << 0 << QByteArray() << int(QNetworkReply::ConnectionRefusedError)
                                        << QStringLiteral("Connection refused") << none << notEstablished << false
                                        << QString() << int(Kind::Connection) << QString() << Rfa::Rfa5 << true
                                        << noProblem << QStringLiteral("Connection refused");
    QTest::newRow("host_not_found") << 0 << QByteArray() << int(QNetworkReply::HostNotFoundError)
                                    << QStringLiteral("Host appapi2.test.bankid.com not found") << none << notEstablished
                                    << false << QString() << int(Kind::Connection) << QString() << Rfa::Rfa5 << true
                                    << noProblem << QStringLiteral("not found");
    // A close without a TLS alert never names the client certificate as the cause (a server that closes a
    // fresh connection right after the handshake may simply have failed), but the text gives the hint.
    QTest::newRow("closed_during_handshake_without_alert")
        << 0 << QByteArray() << int(QNetworkReply::RemoteHostClosedError) << QStringLiteral("Connection closed")
        << none << notEstablished << false << QString() << int(Kind::Connection) << QString() << Rfa::Rfa5 << true
        << noProblem << QStringLiteral("closed the connection during the TLS handshake without a TLS alert");
    QTest::newRow("closed_right_after_handshake_without_answer")
        << 0 << QByteArray() << int(QNetworkReply::RemoteHostClosedError) << QStringLiteral("Connection closed")
        << none << fresh << false << QString() << int(Kind::Connection) << QString() << Rfa::Rfa5 << true
        << noProblem << QStringLiteral("right after the TLS handshake without answering");
    QTest::newRow("one_shot_body_not_resent_after_close")
        << 0 << QByteArray() << int(QNetworkReply::ContentReSendError)
        << QStringLiteral("Cannot re-send the request body") << none << fresh << false << QString()
        << int(Kind::Connection) << QString() << Rfa::Rfa5 << true << noProblem
        << QStringLiteral("closed the connection right after the TLS handshake");
    QTest::newRow("closed_on_reused_connection") << 0 << QByteArray() << int(QNetworkReply::RemoteHostClosedError)
                                                 << QStringLiteral("Connection closed") << none << reused << false
                                                 << QString() << int(Kind::Connection) << QString() << Rfa::Rfa5
                                                 << true << noProblem << QStringLiteral("Connection closed");
    QTest::newRow("200_cut_short") << 200 << QByteArray(R"({"orderRef")") << int(QNetworkReply::RemoteHostClosedError)
                                   << QStringLiteral("Connection closed") << none << reused << false << QString()
                                   << int(Kind::Connection) << QString() << Rfa::Rfa5 << true << noProblem
                                   << QStringLiteral("before the whole answer");

    const int handshake = QNetworkReply::SslHandshakeFailedError;
    QTest::newRow("server_cert_unpinned_issuer")
        << 0 << QByteArray() << handshake << QStringLiteral("SSL handshake failed")
        << QList<int>{QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate}
        << notEstablished << false << QString() << int(Kind::ServerCertificateUntrusted) << QString() << Rfa::Rfa22
        << false << int(Problem::UntrustedIssuer) << QStringLiteral("the BankID server's certificate is not trusted");
    QTest::newRow("server_cert_expired") << 0 << QByteArray() << handshake << QStringLiteral("SSL handshake failed")
                                         << QList<int>{QSslError::CertificateExpired} << notEstablished << false
                                         << QString() << int(Kind::ServerCertificateUntrusted) << QString()
                                         << Rfa::Rfa22 << false << int(Problem::Expired) << QStringLiteral("expired");
    QTest::newRow("server_cert_other_host") << 0 << QByteArray() << handshake << QStringLiteral("SSL handshake failed")
                                            << QList<int>{QSslError::HostNameMismatch} << notEstablished << false
                                            << QString() << int(Kind::ServerCertificateUntrusted) << QString()
                                            << Rfa::Rfa22 << false << int(Problem::HostnameMismatch)
                                            << QStringLiteral("another host name");
    QTest::newRow("server_cert_untrusted_and_other_host")
        << 0 << QByteArray() << handshake << QStringLiteral("SSL handshake failed")
        << QList<int>{QSslError::HostNameMismatch, QSslError::SelfSignedCertificate} << notEstablished << false
        << QString() << int(Kind::ServerCertificateUntrusted) << QString() << Rfa::Rfa22 << false
        << int(Problem::UntrustedIssuer) << QStringLiteral("pinned BankID root");
    QTest::newRow("alert_bad_certificate")
        << 0 << QByteArray() << handshake
        << QStringLiteral("Error during SSL handshake: error:0A000412:SSL routines::sslv3 alert bad certificate")
        << none << notEstablished << false << QString() << int(Kind::ClientCertificateRejected) << QString()
        << Rfa::Rfa22 << false << noProblem << QStringLiteral("rejected our client certificate");
    QTest::newRow("alert_certificate_required")
        << 0 << QByteArray() << handshake
        << QStringLiteral("Error during SSL handshake: error:0A00045C:SSL routines::tlsv13 alert certificate required")
        << none << notEstablished << false << QString() << int(Kind::ClientCertificateRejected) << QString()
        << Rfa::Rfa22 << false << noProblem << QStringLiteral("rejected our client certificate");
    // TLS 1.3: the server verifies our certificate after our side finished the handshake, so its alert
    // arrives on the first read, as a read error: the alert text decides, whatever the error code.
    QTest::newRow("tls13_alert_unknown_ca_on_read")
        << 0 << QByteArray() << int(QNetworkReply::UnknownNetworkError)
        << QStringLiteral("Error while reading: error:0A000418:SSL routines::tlsv1 alert unknown ca") << none << fresh
        << false << QString() << int(Kind::ClientCertificateRejected) << QString() << Rfa::Rfa22 << false
        << noProblem << QStringLiteral("rejected our client certificate");
    QTest::newRow("tls13_alert_certificate_required_on_read")
        << 0 << QByteArray() << int(QNetworkReply::UnknownNetworkError)
        << QStringLiteral("Error while reading: error:0A00045C:SSL routines::tlsv13 alert certificate required")
        << none << fresh << false << QString() << int(Kind::ClientCertificateRejected) << QString() << Rfa::Rfa22
        << false << noProblem << QStringLiteral("alert certificate required");
    QTest::newRow("tls12_alert_handshake_failure_no_certificate")
        << 0 << QByteArray() << handshake
        << QStringLiteral("Error during SSL handshake: error:0A000410:SSL routines::sslv3 alert handshake failure")
        << none << notEstablished << false << QString() << int(Kind::ClientCertificateRejected) << QString()
        << Rfa::Rfa22 << false << noProblem << QStringLiteral("rejected our client certificate");
    QTest::newRow("server_alert_protocol_version")
        << 0 << QByteArray() << handshake
        << QStringLiteral("Error during SSL handshake: error:0A00042E:SSL routines::tlsv1 alert protocol version")
        << none << notEstablished << false << QString() << int(Kind::Tls) << QString() << Rfa::Rfa22 << false
        << noProblem << QStringLiteral("no TLS protocol version in common");
    QTest::newRow("client_refuses_old_protocol")
        << 0 << QByteArray() << handshake
        << QStringLiteral("Error during SSL handshake: error:0A000102:SSL routines::unsupported protocol") << none
        << notEstablished << false << QString() << int(Kind::Tls) << QString() << Rfa::Rfa22 << false << noProblem
        << QStringLiteral("no TLS protocol version in common");
    QTest::newRow("tls_other_failure")
        << 0 << QByteArray() << handshake
        << QStringLiteral("Error during SSL handshake: error:0A0000C1:SSL routines::no shared cipher") << none
        << notEstablished << false << QString() << int(Kind::Tls) << QString() << Rfa::Rfa22 << false << noProblem
        << QStringLiteral("no shared cipher");
    QTest::newRow("tls_read_error_without_alert")
        << 0 << QByteArray() << int(QNetworkReply::UnknownNetworkError)
        << QStringLiteral("Error while reading: error:0A000119:SSL routines::decryption failed or bad record mac")
        << none << fresh << false << QString() << int(Kind::Tls) << QString() << Rfa::Rfa22 << false << noProblem
        << QStringLiteral("bad record mac");
}

void TestRpError::mapping()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, networkError);
    QFETCH(QString, errorString);
    QFETCH(QList<int>, sslErrors);
    QFETCH(int, tls);
    QFETCH(bool, aborted);
    QFETCH(QString, schemaError);
    QFETCH(int, kind);
    QFETCH(QString, errorCode);
    QFETCH(Rfa, rfa);
    QFETCH(bool, retriable);
    QFETCH(int, problem);
    QFETCH(QString, messageContains);

    RpError::Outcome outcome;
    outcome.endpoint = QStringLiteral("auth");
    outcome.httpStatus = status;
    outcome.body = body;
    outcome.networkError = QNetworkReply::NetworkError(networkError);
    outcome.networkErrorString = errorString;
    for (int e : sslErrors)
        outcome.sslErrors << QSslError(QSslError::SslError(e));
    outcome.tls = Tls(tls);
    outcome.abortedByCaller = aborted;
    outcome.transferTimeoutMs = 10000;
    outcome.schemaError = schemaError;

    const RpError error = RpError::fromExchange(outcome);
    QCOMPARE(RpError::kindName(error.kind()), RpError::kindName(Kind(kind)));
    QCOMPARE(error.isError(), Kind(kind) != Kind::None);
    QCOMPARE(error.errorCode(), errorCode);
    QCOMPARE(rfaId(error.rfa()), rfaId(rfa));
    QCOMPARE(error.retriable(), retriable);
    QCOMPARE(int(error.serverCertificateProblem()), problem);
    if (Kind(kind) == Kind::Api)
        QCOMPARE(error.httpStatus(), status);
    if (messageContains.isEmpty()) {
        QVERIFY(error.technicalMessage().isEmpty());
    } else {
        QVERIFY2(error.technicalMessage().contains(messageContains, Qt::CaseInsensitive),
                 qPrintable(error.technicalMessage()));
        QVERIFY2(error.technicalMessage().startsWith(QStringLiteral("/auth: ")), qPrintable(error.technicalMessage()));
    }
    // The two TLS sides are never confused in the wording.
    if (Kind(kind) == Kind::ServerCertificateUntrusted)
        QVERIFY(!error.technicalMessage().contains(QStringLiteral("client certificate")));
    if (Kind(kind) == Kind::ClientCertificateRejected)
        QVERIFY(!error.technicalMessage().contains(QStringLiteral("server's certificate")));
}

void TestRpError::validationCarriesFieldAndRule()
{
    const RpError error = RpError::validation(QStringLiteral("userVisibleData"), QStringLiteral("base64TooLong"),
                                              QStringLiteral("userVisibleData is 1 600 characters after base64"));
    QCOMPARE(error.kind(), Kind::Validation);
    QCOMPARE(error.field(), QStringLiteral("userVisibleData"));
    QCOMPARE(error.rule(), QStringLiteral("base64TooLong"));
    QCOMPARE(error.rfa(), Rfa::Rfa22);
    QVERIFY(!error.retriable());
    QVERIFY(error.technicalMessage().contains(QStringLiteral("before sending")));
    QVERIFY(error.technicalMessage().contains(QStringLiteral("1 600")));
}

void TestRpError::configurationIsRpInternal()
{
    const RpError error = RpError::configuration(QStringLiteral("caCertificates is empty"));
    QCOMPARE(error.kind(), Kind::Configuration);
    QCOMPARE(error.rfa(), Rfa::Rfa22);
    QVERIFY(!error.retriable());
    QVERIFY(error.technicalMessage().contains(QStringLiteral("caCertificates is empty")));
}

void TestRpError::kindNamesAreDistinct()
{
    QSet<QString> names;
    for (int k = int(Kind::None); k <= int(Kind::Cancelled); ++k)
        names.insert(RpError::kindName(Kind(k)));
    QCOMPARE(names.size(), int(Kind::Cancelled) + 1);
    QVERIFY(!names.contains(QString()));
}

void TestRpError::closeAfterEarlierAnswersIsConnection()
{
    // A fresh connection closed right after the handshake is a Connection failure whose text carries the
    // client-certificate hint ...
    RpError::Outcome outcome;
    outcome.endpoint = QStringLiteral("collect");
    outcome.networkError = QNetworkReply::RemoteHostClosedError;
    outcome.networkErrorString = QStringLiteral("Connection closed");
    outcome.tls = RpError::TlsProgress::EstablishedForThisRequest;
    const RpError first = RpError::fromExchange(outcome);
    QCOMPARE(first.kind(), RpError::Kind::Connection);
    QVERIFY2(first.technicalMessage().contains(QStringLiteral("check the RP certificate")),
             qPrintable(first.technicalMessage()));
    // ... without the hint once the server already answered this client: the certificate is accepted.
    outcome.serverAnsweredBefore = true;
    const RpError error = RpError::fromExchange(outcome);
    QCOMPARE(error.kind(), RpError::Kind::Connection);
    QVERIFY2(!error.technicalMessage().contains(QStringLiteral("certificate")), qPrintable(error.technicalMessage()));
    QVERIFY(error.retriable());
    QCOMPARE(error.rfa(), Rfa::Rfa5);
}

void TestRpError::neverProcessedOnlyWhenNothingWasWritten_data()
{
    using Tls = RpError::TlsProgress;
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<int>("tls");
    QTest::addColumn<bool>("written");
    QTest::addColumn<bool>("neverProcessed");
    QTest::newRow("refused") << 0 << int(QNetworkReply::ConnectionRefusedError) << int(Tls::NotEstablished) << false << true;
    QTest::newRow("host_not_found") << 0 << int(QNetworkReply::HostNotFoundError) << int(Tls::NotEstablished) << false << true;
    QTest::newRow("handshake_failed") << 0 << int(QNetworkReply::SslHandshakeFailedError) << int(Tls::NotEstablished) << false << true;
    // QNAM's reconnect after a close failed, but the body had already been read for the first connection.
    QTest::newRow("refused_reconnect_after_the_body_was_written")
        << 0 << int(QNetworkReply::ConnectionRefusedError) << int(Tls::NotEstablished) << true << false;
    QTest::newRow("closed_after_the_handshake") << 0 << int(QNetworkReply::RemoteHostClosedError) << int(Tls::EstablishedForThisRequest) << false << false;
    QTest::newRow("closed_on_a_reused_connection") << 0 << int(QNetworkReply::RemoteHostClosedError) << int(Tls::Reused) << false << false;
    QTest::newRow("timeout_after_writing") << 0 << int(QNetworkReply::OperationCanceledError) << int(Tls::Reused) << true << false;
    QTest::newRow("503") << 503 << int(QNetworkReply::ServiceUnavailableError) << int(Tls::Reused) << true << true;
    QTest::newRow("429") << 429 << int(QNetworkReply::UnknownContentError) << int(Tls::Reused) << true << true;
    QTest::newRow("500") << 500 << int(QNetworkReply::InternalServerError) << int(Tls::Reused) << true << false;
}

void TestRpError::neverProcessedOnlyWhenNothingWasWritten()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(int, tls);
    QFETCH(bool, written);
    QFETCH(bool, neverProcessed);
    RpError::Outcome outcome;
    outcome.endpoint = QStringLiteral("auth");
    outcome.httpStatus = status;
    outcome.networkError = QNetworkReply::NetworkError(networkError);
    outcome.tls = RpError::TlsProgress(tls);
    outcome.requestWritten = written;
    outcome.transferTimeoutMs = 10000;
    const RpError error = RpError::fromExchange(outcome);
    QVERIFY(error.isError());
    QCOMPARE(error.requestNeverProcessed(), neverProcessed);
}

QTEST_APPLESS_MAIN(TestRpError)
#include "TestRpError.moc"
