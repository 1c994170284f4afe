// The simulator's scripted risk verdict over real mutual TLS: completionData.risk low / moderate / high (only
// when the order asked with returnRisk:true), "blocked" as a failed transactionRiskBlocked, set through
// SimulatorOptions, the control API (POST/GET /sim/v1/risk) and Simulator::setRisk, fixed per order at creation
// and shown in the control API's order objects.

#include "SimulatorTestClient.h"

#include <QDeadlineTimer>
#include <QJsonArray>

using namespace bankid::sim;
using namespace simtest;

class TestSimulatorRisk : public QObject
{
    Q_OBJECT

private slots:
    void verdictReachesCollect_data();
    void verdictReachesCollect();
    void optionSetsVerdictOfEveryOrder();
    void controlApiRejectsUnknownVerdict_data();
    void controlApiRejectsUnknownVerdict();
    void orderKeepsVerdictItWasCreatedWith();
    void optionNamesRoundTrip();

private:
    static QString create(HttpClient &client, const QJsonObject &body)
    {
        const HttpResult result = client.rp(QStringLiteral("auth"), body);
        if (result.status != 200)
            qWarning("auth failed: %d %s", result.status, result.body.constData());
        return result.json.value(QStringLiteral("orderRef")).toString();
    }
    /// Collects until the order is no longer pending (the automatic user finishes it), at most `timeoutMs`.
    static HttpResult collectFinished(HttpClient &client, const QString &orderRef, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        HttpResult result;
        do {
            result = client.rp(QStringLiteral("collect"), QJsonObject{{QStringLiteral("orderRef"), orderRef}});
            if (result.status != 200 || result.json.value(QStringLiteral("status")).toString() != QLatin1String("pending"))
                return result;
            QTest::qWait(50);
        } while (!deadline.hasExpired());
        return result;
    }
    static QJsonObject authBody(bool returnRisk)
    {
        QJsonObject body = simtest::authBody();
        if (returnRisk)
            body.insert(QStringLiteral("returnRisk"), true);
        return body;
    }
};

void TestSimulatorRisk::verdictReachesCollect_data()
{
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<bool>("returnRisk");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("hintCode"); ///< failed orders only
    QTest::addColumn<QString>("risk");     ///< completionData.risk; empty: absent

    QTest::newRow("low") << "low" << true << "complete" << "" << "low";
    QTest::newRow("moderate") << "moderate" << true << "complete" << "" << "moderate";
    QTest::newRow("high") << "high" << true << "complete" << "" << "high";
    // BankID sends risk only when asked, whatever it is.
    QTest::newRow("high_not_asked") << "high" << false << "complete" << "" << "";
    QTest::newRow("blocked") << "blocked" << true << "failed" << "transactionRiskBlocked" << "";
    QTest::newRow("blocked_not_asked") << "blocked" << false << "failed" << "transactionRiskBlocked" << "";
}

void TestSimulatorRisk::verdictReachesCollect()
{
    QFETCH(QString, verdict);
    QFETCH(bool, returnRisk);
    QFETCH(QString, status);
    QFETCH(QString, hintCode);
    QFETCH(QString, risk);
    SimulatorFixture fx(fastOptions(UserMode::Auto));
    QVERIFY(fx.start());
    const HttpResult set = fx.client().control("POST", QStringLiteral("risk"), QJsonObject{{QStringLiteral("risk"), verdict}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json.value(QStringLiteral("risk")).toString(), verdict);
    QCOMPARE(fx.client().control("GET", QStringLiteral("risk")).json.value(QStringLiteral("risk")).toString(), verdict);

    const QString orderRef = create(fx.client(), authBody(returnRisk));
    QVERIFY(!orderRef.isEmpty());
    const HttpResult done = collectFinished(fx.client(), orderRef);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json.value(QStringLiteral("status")).toString(), status);
    if (status == QLatin1String("failed")) {
        QCOMPARE(done.json.value(QStringLiteral("hintCode")).toString(), hintCode);
        QVERIFY(!done.json.contains(QStringLiteral("completionData")));
    } else {
        const QJsonObject data = done.json.value(QStringLiteral("completionData")).toObject();
        QVERIFY(!data.value(QStringLiteral("signature")).toString().isEmpty());
        QCOMPARE(data.contains(QStringLiteral("risk")), !risk.isEmpty());
        if (!risk.isEmpty())
            QCOMPARE(data.value(QStringLiteral("risk")).toString(), risk);
    }
}

void TestSimulatorRisk::optionSetsVerdictOfEveryOrder()
{
    SimulatorOptions options = fastOptions(UserMode::Auto);
    options.risk = OrderRisk::High;
    SimulatorFixture fx(options);
    QVERIFY(fx.start());
    QCOMPARE(fx.client().control("GET", QStringLiteral("risk")).json.value(QStringLiteral("risk")).toString(),
             QStringLiteral("high"));
    for (int order = 0; order < 2; ++order) {
        const QString orderRef = create(fx.client(), authBody(true));
        const HttpResult done = collectFinished(fx.client(), orderRef);
        QCOMPARE(done.json.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
        QCOMPARE(done.json.value(QStringLiteral("completionData")).toObject().value(QStringLiteral("risk")).toString(),
                 QStringLiteral("high"));
    }
}

void TestSimulatorRisk::controlApiRejectsUnknownVerdict_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("upper_case") << QJsonObject{{QStringLiteral("risk"), QStringLiteral("HIGH")}};
    QTest::newRow("unknown") << QJsonObject{{QStringLiteral("risk"), QStringLiteral("severe")}};
    QTest::newRow("not_a_string") << QJsonObject{{QStringLiteral("risk"), 3}};
    QTest::newRow("missing") << QJsonObject{};
}

void TestSimulatorRisk::controlApiRejectsUnknownVerdict()
{
    QFETCH(QJsonObject, body);
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    const HttpResult refused = fx.client().control("POST", QStringLiteral("risk"), body);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), QStringLiteral("invalidParameters"));
    QVERIFY2(refused.details().startsWith(QLatin1String("risk: ")), refused.body.constData());
    // Unchanged.
    QCOMPARE(fx.client().control("GET", QStringLiteral("risk")).json.value(QStringLiteral("risk")).toString(),
             QStringLiteral("low"));
    QCOMPARE(fx.client().control("DELETE", QStringLiteral("risk")).status, 405);
}

// Like the user mode, the verdict applies to orders created after it is set; the control API shows each
// order's own.
void TestSimulatorRisk::orderKeepsVerdictItWasCreatedWith()
{
    SimulatorFixture fx(fastOptions(UserMode::Manual));
    QVERIFY(fx.start());
    HttpClient &client = fx.client();
    const QString lowOrder = create(client, authBody(true));
    fx.simulator().setRisk(OrderRisk::Blocked);
    const QString blockedOrder = create(client, authBody(true));
    QVERIFY(!lowOrder.isEmpty() && !blockedOrder.isEmpty());
    QCOMPARE(client.control("GET", QStringLiteral("orders/%1").arg(lowOrder)).json.value(QStringLiteral("risk")).toString(),
             QStringLiteral("low"));
    QCOMPARE(client.control("GET", QStringLiteral("orders/%1").arg(blockedOrder)).json.value(QStringLiteral("risk")).toString(),
             QStringLiteral("blocked"));

    // Two persons, so that picking up the second order does not cancel the first (same-person rule).
    for (const QString &orderRef : {lowOrder, blockedOrder}) {
        const QString person = orderRef == lowOrder ? QStringLiteral("198506155129") : QStringLiteral("197202294430");
        QCOMPARE(client.control("POST", QStringLiteral("orders/%1/open").arg(orderRef),
                                QJsonObject{{QStringLiteral("personalNumber"), person}})
                     .status,
                 200);
    }
    // "started" ends by itself; approve once the order is in userSign.
    for (const QString &orderRef : {lowOrder, blockedOrder}) {
        QTRY_COMPARE_WITH_TIMEOUT(
            client.control("GET", QStringLiteral("orders/%1").arg(orderRef)).json.value(QStringLiteral("hintCode")).toString(),
            QStringLiteral("userSign"), 10000);
        QCOMPARE(client.control("POST", QStringLiteral("orders/%1/approve").arg(orderRef)).status, 200);
    }
    const HttpResult low = collectFinished(client, lowOrder);
    QCOMPARE(low.json.value(QStringLiteral("status")).toString(), QStringLiteral("complete"));
    QCOMPARE(low.json.value(QStringLiteral("completionData")).toObject().value(QStringLiteral("risk")).toString(),
             QStringLiteral("low"));
    const HttpResult blocked = collectFinished(client, blockedOrder);
    QCOMPARE(blocked.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(blocked.json.value(QStringLiteral("hintCode")).toString(), QStringLiteral("transactionRiskBlocked"));
}

void TestSimulatorRisk::optionNamesRoundTrip()
{
    for (const OrderRisk risk : {OrderRisk::Low, OrderRisk::Moderate, OrderRisk::High, OrderRisk::Blocked})
        QCOMPARE(orderRiskFromName(orderRiskName(risk)), std::optional<OrderRisk>(risk));
    QCOMPARE(orderRiskFromName(QStringLiteral("High")), std::nullopt);
    QCOMPARE(orderRiskFromName(QString()), std::nullopt);
}

QTEST_GUILESS_MAIN(TestSimulatorRisk)
#include "TestSimulatorRisk.moc"
