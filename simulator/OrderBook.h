#pragma once

#include "Order.h"
#include "PersonDirectory.h"
#include "SimulatorOptions.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMultiHash>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace bankid::sim {

class EvidencePki;

// All orders of one simulator and their lifecycle: creation, hintCode progression, the simulated user,
// timeouts, retention and the same-person rules (facts §3, §10).
//
// Contract: time is a monotonic millisecond clock started with the book. Every access first brings the
// order up to date (advance()), and one precise timer fires at the next scheduled transition so signals
// are emitted on time even when nobody collects. Nothing here does I/O; the HTTP layer (SimulatorServer)
// and Simulator's C++ control methods call in.
//
//     OrderBook book(options);
//     QString code, details;
//     const Order *order = book.create(request, clientCertificate, &code, &details);
//     book.scan(QrPayload::build(order->qrStartToken, order->qrStartSecret, 0), {}, {});
class OrderBook : public QObject
{
    Q_OBJECT

public:
    /// A control action on one order (POST /sim/v1/orders/{orderRef}/{action}).
    enum class Action {
        Open,        ///< pick the order up (like opening the app by autostart token / answering the call)
        ConfirmCall, ///< phone: the user confirms the call (userCallConfirm -> userSign)
        Approve,     ///< the user enters the right code: complete
        Cancel,      ///< the user presses Cancel: failed userCancel
        WrongCode,   ///< a wrong security code; the limit-th one fails the order with certificateErr
        Decline,     ///< phone: the user says they are not on a call: failed userDeclinedCall
        Person,      ///< choose the test person who will pick up and sign
    };

    /// Outcome of a control operation; on failure httpStatus/errorCode/message say why.
    struct Result {
        bool ok = true;
        int httpStatus = 200;
        QString errorCode;
        QString message;
        QByteArray orderRef;

        static Result failure(int status, const QString &code, const QString &text)
        {
            return Result{false, status, code, text, {}};
        }
    };

    explicit OrderBook(const SimulatorOptions &options, QObject *parent = nullptr);
    ~OrderBook() override;

    void setUserMode(UserMode mode) { m_options.userMode = mode; }
    /// The risk verdict of orders created from now on (an order keeps the one it was created with).
    void setRisk(OrderRisk risk) { m_options.risk = risk; }
    OrderRisk risk() const { return m_options.risk; }
    /// The signing PKI that signs completionData.signature / ocspResponse (not owned; set before use).
    void setEvidencePki(EvidencePki *pki) { m_pki = pki; }
    EvidencePki *evidencePki() const { return m_pki; }
    /// Who signs: built-in, added (POST /sim/v1/persons) or synthetic persons.
    PersonDirectory &persons() { return m_persons; }
    const PersonDirectory &persons() const { return m_persons; }
    UserMode userMode() const { return m_options.userMode; }
    qint64 now() const { return m_clock.elapsed(); }

    /// Creates an order; nullptr with errorCode "alreadyInProgress" when it names a person who already has
    /// an order in progress (that order is then failed with "cancelled" too).
    const Order *create(const OrderRequest &request, const QSslCertificate &creator, QString *errorCode,
                        QString *details);
    /// The current /collect body; false (details set) for unknown/forgotten/cancelled orders or another RP.
    bool collect(const QByteArray &orderRef, const QSslCertificate &caller, QByteArray *body, QString *details);
    /// RP cancel: removes a pending order; false for unknown, finished or another RP's orders.
    bool cancel(const QByteArray &orderRef, const QSslCertificate &caller, QString *details);

    /// The simulated phone scans `qrData` (verified per facts §5, qrTime within +-1 s of the order's age).
    Result scan(const QByteArray &qrData, const QString &personalNumber, const QString &deviceIpAddress);
    /// The app is opened with `autoStartToken`.
    Result open(const QByteArray &autoStartToken, const QString &personalNumber, const QString &deviceIpAddress);
    /// A control action; `personalNumber` is used by Action::Person (and optionally Open).
    Result act(const QByteArray &orderRef, Action action, const QString &personalNumber = {});

    /// Snapshot of one order (nullptr if unknown); brought up to date first.
    const Order *find(const QByteArray &orderRef);
    QJsonObject orderJson(const Order &order) const;
    QJsonArray ordersJson();
    qsizetype size() const { return m_orders.size(); }

    static std::optional<Action> actionFromName(const QString &name);

Q_SIGNALS:
    void orderCreated(const QString &orderRef);
    /// status "pending" | "complete" | "failed"; hintCode empty for complete.
    void orderChanged(const QString &orderRef, const QString &status, const QString &hintCode);
    /// The order was cancelled by the RP or its retention window ended.
    void orderRemoved(const QString &orderRef);

private:
    enum class Step {
        None,        ///< nothing scheduled
        PickUp,      ///< the automatic user scans / answers
        StageDone,   ///< started / userMrtd / userCallConfirm ends
        AutoApprove, ///< the automatic user enters the code
        StartFailed, ///< never picked up in time
        Expire,      ///< not complete in time
        Purge,       ///< retention over: forget the order
    };

    Order *lookup(const QByteArray &orderRef);
    std::pair<qint64, Step> nextStep(const Order &order) const;
    /// Applies due transitions; false when the order was purged (the pointer is then dangling).
    bool advance(Order *order, qint64 at);
    void apply(Order *order, Step step, qint64 at);
    void schedule(const Order &order);
    void onTimer();

    /// Verifies QR content at time `at` (shape, token, HMAC, qrTime within +-1 s); sets *found on success.
    /// bringUpToDate=false when called from inside advance() of that order (no recursion).
    Result checkQr(const QByteArray &qrData, qint64 at, bool bringUpToDate, Order **found);
    Result pickUp(Order *order, qint64 at, const QString &personalNumber, const QString &deviceIpAddress);
    void setStage(Order *order, OrderStage stage, qint64 at);
    void fail(Order *order, const QByteArray &hint, qint64 at);
    /// The user approved: complete, or failed transactionRiskBlocked for an OrderRisk::Blocked order.
    void complete(Order *order, qint64 at);
    void release(Order *order);
    void remove(const QByteArray &orderRef);
    void rebuildBody(Order *order);
    void notifyChanged(const Order &order);
    QString personOf(const Order &order) const;

    SimulatorOptions m_options;
    EvidencePki *m_pki = nullptr;
    PersonDirectory m_persons;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QHash<QByteArray, std::shared_ptr<Order>> m_orders;
    QHash<QByteArray, QByteArray> m_byQrToken;
    QHash<QByteArray, QByteArray> m_byAutoStartToken;
    QMultiHash<QString, QByteArray> m_activeByPerson; ///< personal number -> pending orders of that person
    std::multimap<qint64, QByteArray> m_events;         ///< when -> orderRef to advance
};

} // namespace bankid::sim
