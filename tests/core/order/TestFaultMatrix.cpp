// The fault matrix on record: every simulator fault against every flow, through the real OrderSession over
// mutual TLS on loopback, each cell checked for a defined end and written to build/reports/fault-matrix.md.
//
// Rows: the simulator's fault kinds (simulator/FaultRule.h). Columns: the five order flows with the fault on
// their order endpoint, plus "collect" and "cancel" (an /auth flow with the fault on /collect, or on /cancel
// while the operator cancels). Each fault runs twice: once for the next request only ("once") and for every
// request ("stays"). One simulator per flow, so the seven cells of a row run at the same time.
//
// What every cell must show (asserted, not only written down):
// - a terminal state (complete, failed or cancelled) within the bound; no hang;
// - at most one order created at the simulator; an order request sent more than once only after an answer
//   that says the request was never processed (503, 429);
// - a failure carries a defined RFA (RFA5 for errors, RFA22 for a garbled answer), and a failure after an
//   order request that may have been processed says so (orderStateUnknown) instead of re-sending it;
// - the "cancel" column always ends cancelled, whatever /cancel answers, and a fault that happens once does
//   not leave the order running at BankID (the /cancel is sent again).
// The report is for people; the assertions are the test.

#include "ApiTypes.h"
#include "OrderSession.h"
#include "Rfa.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "RpError.h"
#include "Simulator.h"
#include "SimulatorFixture.h"
#include "SteadyClock.h"
#include "TestConfig.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <array>
#include <memory>

using namespace bankid;

namespace {

/// The client's per-request limits in this test: short, so "delay past the timeout" costs seconds, not
/// minutes. The delay fault waits longer than both.
constexpr int TransferTimeoutMs = 1000;
constexpr int RequestDeadlineMs = 1500;
constexpr int DelayPastTimeoutMs = 3000;
constexpr int SessionDeadlineMs = 30000;
/// Longest wait for a row: the session deadline plus the background cancel's retries.
constexpr int RowBoundMs = SessionDeadlineMs + 15000;

/// One simulator fault kind, as the --fault spec spells it.
struct Fault {
    const char *spec;  ///< the kind part of "<endpoint>:<kind>"
    const char *label; ///< the row title in the report
    bool processed;    ///< the simulator acts on the request before the fault (an order may exist)
};

const std::array<Fault, 11> Faults{{
    {"500", "500 internalError", false},
    {"502", "502 (plain gateway error)", false},
    {"503", "503 maintenance", false},
    {"429", "429 tooManyRequests", false},
    {"408", "408 requestTimeout", false},
    {"html", "502 HTML error page", false},
    {"truncate", "truncated JSON", true},
    {"delay=3000", "delay past the timeout", true},
    {"close", "closed before the request was read", false},
    {"processed-close", "closed after the request was processed", true},
    {"partial", "partial answer, then closed", true},
}};

/// One column: which order the session makes, and which endpoint gets the fault.
struct Column {
    const char *name;
    Flow flow;
    const char *faultEndpoint;
    bool operatorCancels; ///< cancel() as soon as the order is pending
};

const std::array<Column, 7> Columns{{
    {"auth", Flow::Auth, "auth", false},
    {"sign", Flow::Sign, "sign", false},
    {"payment", Flow::Payment, "payment", false},
    {"phone auth", Flow::PhoneAuth, "phone/auth", false},
    {"phone sign", Flow::PhoneSign, "phone/sign", false},
    {"collect", Flow::Auth, "collect", false},
    {"cancel", Flow::Auth, "cancel", true},
}};

OrderRequest requestFor(Flow flow)
{
    OrderRequest request;
    request.flow = flow;
    const QByteArray text = QByteArrayLiteral("Fault matrix");
    switch (flow) {
    case Flow::Auth:
        request.endUserIp = QStringLiteral("192.0.2.30");
        break;
    case Flow::Sign:
        request.endUserIp = QStringLiteral("192.0.2.30");
        request.userVisibleData = text;
        break;
    case Flow::Payment:
        request.endUserIp = QStringLiteral("192.0.2.30");
        request.userVisibleTransaction = UserVisibleTransaction{QStringLiteral("card"), QStringLiteral("Matrix AB"),
                                                                QStringLiteral("100,00"), QStringLiteral("SEK"), {}};
        break;
    case Flow::PhoneAuth:
        request.personalNumber = QStringLiteral("198112189876");
        request.callInitiator = CallInitiator::RP;
        break;
    case Flow::PhoneSign:
        request.personalNumber = QStringLiteral("198112189876");
        request.callInitiator = CallInitiator::RP;
        request.userVisibleData = text;
        break;
    }
    return request;
}

QString stateWord(OrderSession::State state)
{
    return OrderSession::stateName(state);
}

} // namespace

/// What one cell ended in.
struct CellResult {
    OrderSession::State state = OrderSession::State::Idle;
    std::optional<OrderFailure> failure;
    int orderRequests = 0;  ///< order requests the client sent (/auth, /sign, ...)
    int ordersCreated = 0;  ///< orders the simulator created
    QStringList ordersAfter; ///< each simulator order's status (and hint) once the client was idle
    qint64 elapsedMs = 0;
};

/// One column's simulator, client and the session of the current row.
struct Lane {
    test::SimulatorFixture fixture;
    QHash<QString, int> requestsByPath;
    int ordersCreated = 0;
    std::unique_ptr<OrderSession> session;
    QElapsedTimer clock;
    qint64 endedAtMs = -1;
};

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void matrix_data();
    void matrix();

private:
    void startLane(Lane &lane);
    void runRow(const Fault &fault, bool once);
    void writeReport();

    SteadyClock m_clock;
    std::array<std::unique_ptr<Lane>, Columns.size()> m_lanes;
    /// Results by row key ("503 once") and column index, in the order run.
    QList<QPair<QString, std::array<CellResult, Columns.size()>>> m_rows;
};

void TestFaultMatrix::initTestCase()
{
    qRegisterMetaType<OrderFailure>();
    for (auto &lane : m_lanes) {
        lane = std::make_unique<Lane>();
        QVERIFY2(lane->fixture.isValid(), qPrintable(lane->fixture.errorString()));
    }
}

void TestFaultMatrix::startLane(Lane &lane)
{
    // A fresh simulator per row: an order a fault left behind (its orderRef never reached the client) must
    // not meet the next row's order (a phone order for the same person would get alreadyInProgress).
    lane.session.reset();
    const QString error = lane.fixture.start(lane.fixture.autoOptions(), [](RpConfig &config) {
        config.transferTimeoutMs = TransferTimeoutMs;
        config.requestDeadlineMs = RequestDeadlineMs;
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    lane.requestsByPath.clear();
    lane.ordersCreated = 0;
    lane.endedAtMs = -1;
    Lane *target = &lane;
    connect(lane.fixture.client(), &RpClient::requestSent, this,
            [target](const QString &path) { ++target->requestsByPath[path]; });
    connect(lane.fixture.simulator(), &sim::Simulator::orderCreated, this, [target]() { ++target->ordersCreated; });
}

void TestFaultMatrix::cleanupTestCase()
{
    writeReport();
    for (auto &lane : m_lanes) {
        if (lane) {
            lane->session.reset();
            lane->fixture.stop();
        }
    }
}

void TestFaultMatrix::matrix_data()
{
    QTest::addColumn<int>("faultIndex");
    QTest::addColumn<bool>("once");
    for (std::size_t f = 0; f < Faults.size(); ++f) {
        QTest::addRow("%s_once", Faults[f].spec) << int(f) << true;
        QTest::addRow("%s_stays", Faults[f].spec) << int(f) << false;
    }
}

void TestFaultMatrix::matrix()
{
    QFETCH(int, faultIndex);
    QFETCH(bool, once);
    const Fault &fault = Faults[std::size_t(faultIndex)];
    runRow(fault, once);
    if (QTest::currentTestFailed())
        return;

    const auto &cells = m_rows.last().second;
    for (std::size_t c = 0; c < Columns.size(); ++c) {
        const Column &column = Columns[c];
        const CellResult &cell = cells[c];
        const QByteArray where = QByteArray(fault.spec) + (once ? " once" : " stays") + " x " + column.name;
        const bool onOrderEndpoint = !column.operatorCancels && qstrcmp(column.faultEndpoint, "collect") != 0;

        QVERIFY2(cell.state == OrderSession::State::Complete || cell.state == OrderSession::State::Failed
                     || cell.state == OrderSession::State::Cancelled,
                 QByteArray(where + ": no terminal state (" + stateWord(cell.state).toUtf8() + ")").constData());
        QVERIFY2(cell.ordersCreated <= 1, QByteArray(where + ": " + QByteArray::number(cell.ordersCreated) + " orders created").constData());
        const bool statusSaysNotProcessed = qstrcmp(fault.spec, "503") == 0 || qstrcmp(fault.spec, "429") == 0;
        QVERIFY2(cell.orderRequests <= 1 || (onOrderEndpoint && statusSaysNotProcessed),
                 QByteArray(where + ": the order request was sent " + QByteArray::number(cell.orderRequests) + " times").constData());
        if (column.operatorCancels) {
            QVERIFY2(cell.state == OrderSession::State::Cancelled, QByteArray(where + ": the operator's cancel did not end cancelled").constData());
            // A /cancel that failed once is sent again, so no order is left running at BankID.
            if (once)
                QVERIFY2(!cell.ordersAfter.join(QLatin1Char(',')).contains(QLatin1String("pending")),
                         QByteArray(where + ": the order was left pending at BankID").constData());
        }
        if (cell.state == OrderSession::State::Failed) {
            QVERIFY2(cell.failure.has_value(), QByteArray(where + ": failed without a failure").constData());
            QVERIFY2(cell.failure->rfa == Rfa::Rfa5 || cell.failure->rfa == Rfa::Rfa22,
                     QByteArray(where + ": RFA " + rfaId(cell.failure->rfa).toUtf8()).constData());
            if (onOrderEndpoint && fault.processed)
                QVERIFY2(cell.failure->orderStateUnknown, QByteArray(where + ": a possibly processed order request is not marked unknown").constData());
        }
        if (onOrderEndpoint && !once && !fault.processed)
            QVERIFY2(cell.state == OrderSession::State::Failed && cell.ordersCreated == 0,
                     QByteArray(where + ": an order endpoint that always refuses must fail without an order").constData());
        if (onOrderEndpoint && once && statusSaysNotProcessed)
            QVERIFY2(cell.state == OrderSession::State::Complete, QByteArray(where + ": a 503/429 once must be retried to completion").constData());
    }
}

void TestFaultMatrix::runRow(const Fault &fault, bool once)
{
    OrderSession::Options options;
    options.startMethod = StartMethod::QrCode;
    options.pollIntervalMs = OrderSession::MinPollIntervalMs;
    options.deadlineMs = SessionDeadlineMs;
    options.maxTransientRetries = 2;

    for (std::size_t c = 0; c < Columns.size(); ++c) {
        Lane &lane = *m_lanes[c];
        startLane(lane);
        if (QTest::currentTestFailed())
            return;
        QString error;
        const QString spec = QLatin1String(Columns[c].faultEndpoint) + QLatin1Char(':') + QLatin1String(fault.spec)
                             + (once ? QStringLiteral(":count=1") : QString());
        QVERIFY2(lane.fixture.simulator()->addFault(spec, &error) > 0, qPrintable(spec + QStringLiteral(": ") + error));

        lane.session = std::make_unique<OrderSession>(lane.fixture.client(), &m_clock);
        OrderSession *session = lane.session.get();
        const bool operatorCancels = Columns[c].operatorCancels;
        connect(session, &OrderSession::stateChanged, this, [&lane, session, operatorCancels](OrderSession::State state) {
            if (state == OrderSession::State::Pending && operatorCancels)
                QMetaObject::invokeMethod(session, &OrderSession::cancel, Qt::QueuedConnection);
            if (!session->isActive() && lane.endedAtMs < 0)
                lane.endedAtMs = lane.clock.elapsed();
        });
        lane.clock.start();
        session->start(requestFor(Columns[c].flow), options);
    }

    const auto allEnded = [this]() {
        for (const auto &lane : m_lanes) {
            if (lane->session->isActive() || lane->fixture.client()->inFlightCount() > 0)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allEnded(), RowBoundMs);

    std::array<CellResult, Columns.size()> cells;
    for (std::size_t c = 0; c < Columns.size(); ++c) {
        Lane &lane = *m_lanes[c];
        CellResult &cell = cells[c];
        cell.state = lane.session->state();
        cell.failure = lane.session->failure();
        cell.orderRequests = lane.requestsByPath.value(endpointPath(Columns[c].flow));
        cell.ordersCreated = lane.ordersCreated;
        cell.elapsedMs = lane.endedAtMs;
        const QJsonArray orders = lane.fixture.simulator()->orders();
        for (const QJsonValue &order : orders) {
            const QJsonObject object = order.toObject();
            const QString hint = object.value(QStringLiteral("hintCode")).toString();
            cell.ordersAfter.append(object.value(QStringLiteral("status")).toString()
                                    + (hint.isEmpty() ? QString() : QLatin1Char('/') + hint));
        }
        lane.session.reset();
        lane.fixture.simulator()->clearFaults();
    }
    m_rows.append({QLatin1String(fault.label) + (once ? QStringLiteral(", once") : QStringLiteral(", stays")), cells});
}

void TestFaultMatrix::writeReport()
{
    if (m_rows.isEmpty())
        return;
    const QString folder = QStringLiteral(BANKID_BINARY_DIR "/reports");
    QDir().mkpath(folder);
    QFile file(folder + QStringLiteral("/fault-matrix.md"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        qWarning("cannot write %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return;
    }

    const auto compact = [](const CellResult &cell) -> QString {
        QString text = stateWord(cell.state);
        if (cell.failure && cell.state == OrderSession::State::Failed) {
            text += QLatin1Char(' ') + rfaId(cell.failure->rfa);
            if (cell.failure->orderStateUnknown)
                text += QStringLiteral(" ?");
        }
        return text + QStringLiteral(" · ") + QString::number(cell.orderRequests) + QStringLiteral("×");
    };

    QString out;
    out += QStringLiteral("# Fault matrix\n\nWritten by TestFaultMatrix (tests/core/order/TestFaultMatrix.cpp): each simulator fault "
                          "against each flow through the real OrderSession over mutual TLS. \"once\" = the next request "
                          "only; \"stays\" = every request. Cell: end state, RFA of a failure (\"?\" = whether BankID "
                          "created the order is unknown, so it was not re-sent), and how many order requests the client "
                          "sent. Client limits in this run: transfer timeout %1 ms, request deadline %2 ms, %3 silent "
                          "retries, order deadline %4 s.\n\n")
               .arg(TransferTimeoutMs)
               .arg(RequestDeadlineMs)
               .arg(2)
               .arg(SessionDeadlineMs / 1000);
    out += QStringLiteral("| fault |");
    for (const Column &column : Columns)
        out += QLatin1Char(' ') + QLatin1String(column.name) + QStringLiteral(" |");
    out += QStringLiteral("\n|---|");
    for (std::size_t c = 0; c < Columns.size(); ++c)
        out += QStringLiteral("---|");
    out += QLatin1Char('\n');
    for (const auto &row : m_rows) {
        out += QStringLiteral("| ") + row.first + QStringLiteral(" |");
        for (const CellResult &cell : row.second)
            out += QLatin1Char(' ') + compact(cell) + QStringLiteral(" |");
        out += QLatin1Char('\n');
    }

    out += QStringLiteral("\n## Every cell\n\n| fault | flow | end | RFA | error | order requests | orders created "
                          "| the simulator's orders afterwards | time to end |\n|---|---|---|---|---|---|---|---|---|\n");
    for (const auto &row : m_rows) {
        for (std::size_t c = 0; c < Columns.size(); ++c) {
            const CellResult &cell = row.second[c];
            QString error = QStringLiteral("–");
            QString rfa = QStringLiteral("–");
            if (cell.failure && cell.state == OrderSession::State::Failed) {
                rfa = rfaId(cell.failure->rfa);
                error = RpError::kindName(cell.failure->error.kind());
                if (cell.failure->error.httpStatus() > 0)
                    error += QLatin1Char(' ') + QString::number(cell.failure->error.httpStatus());
                if (!cell.failure->error.errorCode().isEmpty())
                    error += QLatin1Char(' ') + cell.failure->error.errorCode();
                if (cell.failure->orderStateUnknown)
                    error += QStringLiteral(", order state unknown");
            }
            out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 ms |\n")
                       .arg(row.first, QLatin1String(Columns[c].name), stateWord(cell.state), rfa, error)
                       .arg(cell.orderRequests)
                       .arg(cell.ordersCreated)
                       .arg(cell.ordersAfter.isEmpty() ? QStringLiteral("none") : cell.ordersAfter.join(QStringLiteral(", ")))
                       .arg(cell.elapsedMs);
        }
    }
    file.write(out.toUtf8());
    qInfo("fault matrix written to %s", qPrintable(file.fileName()));
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "TestFaultMatrix.moc"
