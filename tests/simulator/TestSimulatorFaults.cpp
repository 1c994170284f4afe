// Fault injection and latency of the simulator, observed on the wire: BankID error bodies, RateLimit
// headers, an HTML error page, truncated JSON, delays, closed connections, and in-order answers.

#include "FaultInjector.h"
#include "SimulatorTestClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSslSocket>

using namespace bankid::sim;
using namespace simtest;

class TestSimulatorFaults : public QObject
{
    Q_OBJECT

private slots:
    void specParses_data();
    void specParses();
    void specRejected_data();
    void specRejected();
    void faultObservedOnWire_data();
    void faultObservedOnWire();
    void countThenNormal();
    void probabilityZeroAndOne();
    void controlApiManagesFaults();
    void latencyDelaysRpButNotControl();
    void pipelinedAnswersKeepOrderAndConnectionCloseIsHonoured();
    void processedCloseAndPartialAreProcessedButNotAnswered_data();
    void processedCloseAndPartialAreProcessedButNotAnswered();

private:
    static QString collectRef(HttpClient &client)
    {
        return client.rp(QStringLiteral("auth"), authBody()).json.value(QStringLiteral("orderRef")).toString();
    }
};

void TestSimulatorFaults::specParses_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("remaining");
    QTest::addColumn<double>("probability");
    QTest::newRow("collect_503_count_2") << "collect:503:count=2" << "collect" << int(FaultRule::Kind::Maintenance) << 2 << 1.0;
    QTest::newRow("auth_close_p_0.1") << "auth:close:p=0.1" << "auth" << int(FaultRule::Kind::CloseConnection) << -1 << 0.1;
    QTest::newRow("collect_delay_1500_count_1")
        << "collect:delay=1500:count=1" << "collect" << int(FaultRule::Kind::Delay) << 1 << 1.0;
    QTest::newRow("phone_sign_429") << "phone/sign:429" << "phone/sign" << int(FaultRule::Kind::TooManyRequests) << -1 << 1.0;
    QTest::newRow("all_html") << "*:html:count=3:p=0.5" << "*" << int(FaultRule::Kind::HtmlErrorPage) << 3 << 0.5;
    QTest::newRow("cancel_truncate") << "cancel:truncate" << "cancel" << int(FaultRule::Kind::TruncatedJson) << -1 << 1.0;
    QTest::newRow("sign_500") << "sign:500" << "sign" << int(FaultRule::Kind::InternalError) << -1 << 1.0;
    QTest::newRow("payment_408") << "payment:408" << "payment" << int(FaultRule::Kind::RequestTimeout) << -1 << 1.0;
    QTest::newRow("auth_502") << "auth:502:count=1" << "auth" << int(FaultRule::Kind::BadGateway) << 1 << 1.0;
    QTest::newRow("collect_processed_close")
        << "collect:processed-close" << "collect" << int(FaultRule::Kind::ProcessedThenClose) << -1 << 1.0;
    QTest::newRow("sign_partial_p") << "sign:partial:p=0.5" << "sign" << int(FaultRule::Kind::PartialAnswer) << -1 << 0.5;
}

void TestSimulatorFaults::specParses()
{
    QFETCH(QString, spec);
    QFETCH(QString, endpoint);
    QFETCH(int, kind);
    QFETCH(int, remaining);
    QFETCH(double, probability);
    QString error;
    const auto rule = FaultRule::parse(spec, &error);
    QVERIFY2(rule.has_value(), qPrintable(error));
    QCOMPARE(rule->endpoint, endpoint);
    QCOMPARE(int(rule->kind), kind);
    QCOMPARE(rule->remaining, remaining);
    QCOMPARE(rule->probability, probability);
    QCOMPARE(FaultRule::parse(rule->toSpec(), &error)->toSpec(), rule->toSpec());
}

void TestSimulatorFaults::specRejected_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("only_endpoint") << "collect" << "expected <endpoint>:<kind>";
    QTest::newRow("unknown_endpoint") << "identify:503" << "unknown endpoint \"identify\"";
    QTest::newRow("unknown_kind") << "auth:418" << "unknown kind \"418\"";
    QTest::newRow("negative_delay") << "auth:delay=-5" << "delay must be";
    QTest::newRow("zero_count") << "auth:503:count=0" << "count must be";
    QTest::newRow("probability_above_one") << "auth:503:p=1.5" << "p must be";
    QTest::newRow("unknown_option") << "auth:503:times=2" << "unknown option \"times=2\"";
}

void TestSimulatorFaults::specRejected()
{
    QFETCH(QString, spec);
    QFETCH(QString, messagePart);
    QString error;
    QVERIFY(!FaultRule::parse(spec, &error).has_value());
    QVERIFY2(error.contains(messagePart), qPrintable(error));
    QVERIFY(error.contains(spec));
}

void TestSimulatorFaults::faultObservedOnWire_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("ordersAfter");
    QTest::newRow("500_internalError") << "collect:500:count=1" << "collect" << 500 << "internalError"
                                       << QByteArray("application/json") << 1;
    QTest::newRow("503_maintenance") << "auth:503:count=1" << "auth" << 503 << "maintenance" << QByteArray("application/json")
                                     << 1;
    QTest::newRow("429_tooManyRequests") << "collect:429:count=1" << "collect" << 429 << "tooManyRequests"
                                         << QByteArray("application/json") << 1;
    QTest::newRow("408_requestTimeout") << "auth:408:count=1" << "auth" << 408 << "requestTimeout"
                                        << QByteArray("application/json") << 1;
    QTest::newRow("502_plain_text") << "collect:502:count=1" << "collect" << 502 << "" << QByteArray("text/plain") << 1;
    QTest::newRow("html_502_page") << "*:html:count=1" << "collect" << 502 << "" << QByteArray("text/html") << 1;
    QTest::newRow("truncated_json_still_processed") << "auth:truncate:count=1" << "auth" << 200 << ""
                                                    << QByteArray("application/json") << 2;
    // No count: QNAM silently resends a request once when a reused keep-alive connection closes, so with
    // count=1 it would see the retry's 200. Unlimited closes reach it as RemoteHostClosedError.
    QTest::newRow("close_without_answer") << "auth:close" << "auth" << 0 << "" << QByteArray() << 1;
    QTest::newRow("delay_then_real_answer") << "collect:delay=400:count=1" << "collect" << 200 << ""
                                            << QByteArray("application/json") << 1;
}

void TestSimulatorFaults::faultObservedOnWire()
{
    QFETCH(QString, spec);
    QFETCH(QString, endpoint);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QByteArray, contentType);
    QFETCH(int, ordersAfter);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const QString orderRef = collectRef(fx.client()); // one order exists before the fault
    QString error;
    QVERIFY2(fx.simulator().addFault(spec, &error) > 0, qPrintable(error));
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = endpoint == QLatin1String("collect")
                             ? fx.client().rp(endpoint, QJsonObject{{QStringLiteral("orderRef"), orderRef}})
                             : fx.client().rp(endpoint, authBody());
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType, contentType);
    if (!errorCode.isEmpty()) {
        QCOMPARE(r.errorCode(), errorCode);
        QVERIFY(!r.details().isEmpty());
    }
    if (status == 429) {
        QCOMPARE(r.header("RateLimit-Limit"), QByteArrayLiteral("100"));
        QCOMPARE(r.header("RateLimit-Remaining"), QByteArrayLiteral("0"));
        QCOMPARE(r.header("RateLimit-Reset"), QByteArrayLiteral("2"));
    }
    if (spec.contains(QLatin1String(":502")))
        QCOMPARE(r.body, QByteArrayLiteral("Bad Gateway"));
    if (spec.contains(QLatin1String("html")))
        QVERIFY(r.body.contains("<center><h1>502 Bad Gateway</h1></center>"));
    if (spec.contains(QLatin1String("truncate"))) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(r.body, &parseError);
        QVERIFY(parseError.error != QJsonParseError::NoError);
        QVERIFY(r.body.startsWith("{\"orderRef\":\""));
        QCOMPARE(r.header("Content-Length").toInt(), r.body.size());
    }
    if (spec.contains(QLatin1String("close"))) {
        QCOMPARE(r.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY(r.body.isEmpty());
    }
    if (spec.contains(QLatin1String("delay"))) {
        QVERIFY2(elapsed >= 400, qPrintable(QString::number(elapsed)));
        QCOMPARE(r.json.value(QStringLiteral("hintCode")).toString(), QStringLiteral("outstandingTransaction"));
    }
    QCOMPARE(fx.simulator().orders().size(), ordersAfter);
    // count=1 is used up (the unlimited close rule is removed by hand): the same request gets the real answer.
    if (spec.contains(QLatin1String("count=1")))
        QCOMPARE(fx.simulator().faults().size(), 0);
    fx.simulator().clearFaults();
    const HttpResult normal = fx.client().rp(QStringLiteral("collect"), QJsonObject{{QStringLiteral("orderRef"), orderRef}});
    QCOMPARE(normal.status, 200);
}

void TestSimulatorFaults::countThenNormal()
{
    SimulatorOptions options = fastOptions(UserMode::Manual);
    QString error;
    options.faults = {*FaultRule::parse(QStringLiteral("collect:503:count=2"), &error)};
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    const QJsonObject ref{{QStringLiteral("orderRef"), collectRef(fx.client())}};
    QCOMPARE(fx.client().rp(QStringLiteral("collect"), ref).status, 503);
    QCOMPARE(fx.client().rp(QStringLiteral("collect"), ref).status, 503);
    QCOMPARE(fx.client().rp(QStringLiteral("collect"), ref).status, 200);
}

void TestSimulatorFaults::probabilityZeroAndOne()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    QString error;
    QVERIFY(fx.simulator().addFault(QStringLiteral("auth:500:p=0"), &error));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(fx.client().rp(QStringLiteral("auth"), authBody()).status, 200);
    fx.simulator().clearFaults();
    QVERIFY(fx.simulator().addFault(QStringLiteral("auth:500:p=1"), &error));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(fx.client().rp(QStringLiteral("auth"), authBody()).status, 500);
    QCOMPARE(fx.simulator().faults().size(), 1); // unlimited count stays
}

void TestSimulatorFaults::controlApiManagesFaults()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    HttpClient &client = fx.client();
    const HttpResult bad = client.control("POST", QStringLiteral("faults"), QJsonObject{{QStringLiteral("spec"), QStringLiteral("auth:999")}});
    QCOMPARE(bad.status, 400);
    QVERIFY2(bad.details().contains(QLatin1String("unknown kind \"999\"")), qPrintable(bad.details()));
    const HttpResult added = client.control("POST", QStringLiteral("faults"),
                                            QJsonObject{{QStringLiteral("spec"), QStringLiteral("auth:503:count=5")}});
    QCOMPARE(added.status, 201);
    const int id = added.json.value(QStringLiteral("id")).toInt();
    QVERIFY(id > 0);
    QCOMPARE(client.control("POST", QStringLiteral("faults"), QJsonObject{{QStringLiteral("spec"), QStringLiteral("cancel:close")}}).status,
             201);
    QCOMPARE(client.rp(QStringLiteral("auth"), authBody()).status, 503);
    const QJsonArray listed = client.control("GET", QStringLiteral("faults")).json.value(QStringLiteral("faults")).toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.first().toObject().value(QStringLiteral("remaining")).toInt(), 4);
    QCOMPARE(client.control("DELETE", QStringLiteral("faults/%1").arg(id)).status, 200);
    QCOMPARE(client.control("DELETE", QStringLiteral("faults/%1").arg(id)).status, 404);
    QCOMPARE(client.rp(QStringLiteral("auth"), authBody()).status, 200);
    QCOMPARE(client.control("DELETE", QStringLiteral("faults")).json.value(QStringLiteral("removed")).toInt(), 1);
    QCOMPARE(client.control("GET", QStringLiteral("faults")).json.value(QStringLiteral("faults")).toArray().size(), 0);
}

void TestSimulatorFaults::latencyDelaysRpButNotControl()
{
    SimulatorOptions options = fastOptions(UserMode::Manual);
    options.latencyMs = 300;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    QCOMPARE(fx.client().control("GET", QStringLiteral("orders")).status, 200); // warm the connection up
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(fx.client().rp(QStringLiteral("auth"), authBody()).status, 200);
    QVERIFY2(timer.elapsed() >= 300, qPrintable(QString::number(timer.elapsed())));
    timer.restart();
    QCOMPARE(fx.client().control("GET", QStringLiteral("orders")).status, 200);
    QVERIFY2(timer.elapsed() < 250, qPrintable(QString::number(timer.elapsed())));
}

void TestSimulatorFaults::pipelinedAnswersKeepOrderAndConnectionCloseIsHonoured()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    Simulator &sim = fx.simulator();
    const QString first = collectRef(fx.client());
    const QString second = collectRef(fx.client());
    QString error;
    QVERIFY(sim.addFault(QStringLiteral("collect:delay=300:count=1"), &error));

    QSslSocket socket;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(sim.caCertificatePath()));
    ssl.setLocalCertificate(QSslCertificate::fromPath(sim.clientCertificatePath()).value(0));
    QFile keyFile(sim.clientKeyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    socket.setSslConfiguration(ssl);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    QSignalSpy disconnected(&socket, &QSslSocket::disconnected);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), sim.port());
    QVERIFY(encrypted.wait(5000));
    auto request = [](const QString &orderRef, bool close) {
        const QByteArray body = "{\"orderRef\":\"" + orderRef.toLatin1() + "\"}";
        return QByteArray("POST /rp/v6.0/collect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          + QByteArray(close ? "Connection: close\r\n" : "") + "Content-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    };
    // Both requests in one write: the first answer is delayed 300 ms, yet it must come first.
    socket.write(request(first, false) + request(second, true));
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() == 1, 5000); // Connection: close on the second
    const QByteArray all = socket.readAll();
    const qsizetype a = all.indexOf(first.toLatin1());
    const qsizetype b = all.indexOf(second.toLatin1());
    QVERIFY2(a > 0 && b > a, all.constData());
    QCOMPARE(all.count("HTTP/1.1 200 OK\r\n"), 2);
    QVERIFY(all.contains("Connection: close\r\n"));
}

void TestSimulatorFaults::processedCloseAndPartialAreProcessedButNotAnswered_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("processed-close") << "auth:processed-close:count=1";
    QTest::newRow("partial") << "auth:partial:count=1";
}

void TestSimulatorFaults::processedCloseAndPartialAreProcessedButNotAnswered()
{
    // On a raw socket: QNAM would resend a request once after a close on a reused connection.
    QFETCH(QString, spec);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    Simulator &sim = fx.simulator();
    QString error;
    QVERIFY2(sim.addFault(spec, &error) > 0, qPrintable(error));

    QSslSocket socket;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(sim.caCertificatePath()));
    ssl.setLocalCertificate(QSslCertificate::fromPath(sim.clientCertificatePath()).value(0));
    QFile keyFile(sim.clientKeyPath());
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    socket.setSslConfiguration(ssl);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    QSignalSpy disconnected(&socket, &QSslSocket::disconnected);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), sim.port());
    QVERIFY(encrypted.wait(5000));
    const QByteArray body = R"({"endUserIp":"192.0.2.3"})";
    socket.write("POST /rp/v6.0/auth HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() == 1, 5000);
    const QByteArray received = socket.readAll();
    QCOMPARE(sim.orders().size(), 1); // processed: the order exists
    if (spec.contains(QLatin1String("processed-close"))) {
        QVERIFY2(received.isEmpty(), received.constData());
    } else {
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n") && headEnd > 0, received.constData());
        const QByteArray lengthLine = received.mid(received.indexOf("Content-Length: ") + 16);
        const qsizetype announced = lengthLine.left(lengthLine.indexOf('\r')).toLongLong();
        const qsizetype sent = received.size() - headEnd - 4;
        QVERIFY2(announced > 0 && sent == announced / 2, qPrintable(QStringLiteral("%1 of %2").arg(sent).arg(announced)));
        QVERIFY(received.mid(headEnd + 4).startsWith("{\"orderRef\":\""));
    }
    QCOMPARE(sim.faults().size(), 0);
    QCOMPARE(fx.client().rp(QStringLiteral("auth"), authBody()).status, 200); // afterwards: normal again
}

QTEST_GUILESS_MAIN(TestSimulatorFaults)
#include "TestSimulatorFaults.moc"
