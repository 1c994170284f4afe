#include "OrderBook.h"

#include "EvidencePki.h"
#include "OcspResponder.h"
#include "QrPayload.h"
#include "SignatureDocument.h"
#include "TestPerson.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUuid>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSimOrders, "bankid.sim.orders", QtInfoMsg)

namespace {

QByteArray newUuid()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

OrderBook::OrderBook(const SimulatorOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &OrderBook::onTimer);
}

OrderBook::~OrderBook() = default;

std::optional<OrderBook::Action> OrderBook::actionFromName(const QString &name)
{
    static const QHash<QString, Action> actions = {
        {QStringLiteral("open"), Action::Open},       {QStringLiteral("confirmCall"), Action::ConfirmCall},
        {QStringLiteral("approve"), Action::Approve}, {QStringLiteral("cancel"), Action::Cancel},
        {QStringLiteral("wrongCode"), Action::WrongCode}, {QStringLiteral("decline"), Action::Decline},
        {QStringLiteral("person"), Action::Person}};
    const auto it = actions.constFind(name);
    if (it == actions.constEnd())
        return std::nullopt;
    return it.value();
}

Order *OrderBook::lookup(const QByteArray &orderRef)
{
    const auto it = m_orders.constFind(orderRef);
    return it == m_orders.constEnd() ? nullptr : it.value().get();
}

QString OrderBook::personOf(const Order &order) const
{
    if (!order.request.personalNumber.isEmpty())
        return order.request.personalNumber;
    return order.pickedUpAt >= 0 ? order.signer : QString();
}

const Order *OrderBook::create(const OrderRequest &request, const QSslCertificate &creator, QString *errorCode,
                               QString *details)
{
    const qint64 at = now();
    if (!request.personalNumber.isEmpty()) {
        const QList<QByteArray> existing = m_activeByPerson.values(request.personalNumber);
        if (!existing.isEmpty()) {
            // facts §3: "The order is aborted. No order is created." The old order fails too (UNCONFIRMED
            // whether the real server always does; ActiveLogin's simulator does).
            for (const QByteArray &ref : existing) {
                if (Order *old = lookup(ref)) {
                    fail(old, QByteArrayLiteral("cancelled"), at);
                    notifyChanged(*old);
                    schedule(*old);
                }
            }
            qCInfo(lcSimOrders) << "alreadyInProgress for" << TestPerson::mask(request.personalNumber);
            *errorCode = QStringLiteral("alreadyInProgress");
            *details = QStringLiteral("An order for this user is already in progress.");
            return nullptr;
        }
    }

    auto order = std::make_shared<Order>();
    order->request = request;
    order->orderRef = newUuid();
    if (!isPhoneKind(request.kind)) {
        order->autoStartToken = newUuid();
        order->qrStartToken = newUuid();
        order->qrStartSecret = newUuid();
        m_byQrToken.insert(order->qrStartToken, order->orderRef);
        m_byAutoStartToken.insert(order->autoStartToken, order->orderRef);
    }
    order->creator = creator;
    order->autoUser = m_options.userMode == UserMode::Auto;
    order->risk = m_options.risk;
    order->createdAt = at;
    order->stageSince = at;
    order->signer = request.personalNumber.isEmpty() ? TestPerson::builtIn().first().personalNumber
                                                     : request.personalNumber;
    if (!request.personalNumber.isEmpty())
        m_activeByPerson.insert(request.personalNumber, order->orderRef);
    rebuildBody(order.get());
    m_orders.insert(order->orderRef, order);
    qCDebug(lcSimOrders) << "created" << orderKindName(request.kind) << order->orderRef;
    Q_EMIT orderCreated(QString::fromLatin1(order->orderRef));
    schedule(*order);
    return order.get();
}

bool OrderBook::collect(const QByteArray &orderRef, const QSslCertificate &caller, QByteArray *body, QString *details)
{
    Order *order = lookup(orderRef);
    if (!order || !advance(order, now())) {
        *details = QStringLiteral("orderRef: no such order (unknown, cancelled, or no longer retained)");
        return false;
    }
    if (order->creator != caller) {
        *details = QStringLiteral("orderRef: the order was created with a different RP certificate");
        return false;
    }
    *body = order->collectBody;
    return true;
}

bool OrderBook::cancel(const QByteArray &orderRef, const QSslCertificate &caller, QString *details)
{
    Order *order = lookup(orderRef);
    if (!order || !advance(order, now())) {
        *details = QStringLiteral("orderRef: no such order (unknown, already cancelled, or no longer retained)");
        return false;
    }
    if (order->creator != caller) {
        *details = QStringLiteral("orderRef: the order was created with a different RP certificate");
        return false;
    }
    if (!order->isPending()) {
        *details = QStringLiteral("orderRef: the order is already ")
                   + (order->stage == OrderStage::Complete ? QStringLiteral("complete") : QStringLiteral("failed"));
        return false;
    }
    // After an RP cancel the order is forgotten, so a later collect gets invalidParameters (UNCONFIRMED;
    // pybankid's tests expect exactly that).
    release(order);
    remove(orderRef);
    return true;
}

OrderBook::Result OrderBook::checkQr(const QByteArray &qrData, qint64 at, bool bringUpToDate, Order **found)
{
    const auto parts = QrPayload::parse(qrData);
    if (!parts)
        return Result::failure(400, QStringLiteral("invalidQrCode"),
                               QStringLiteral("QR code is invalid: expected bankid.<qrStartToken>.<qrTime>.<qrAuthCode>"));
    Order *order = lookup(m_byQrToken.value(parts->qrStartToken));
    if (!order || (bringUpToDate && !advance(order, at)))
        return Result::failure(404, QStringLiteral("unknownOrder"),
                               QStringLiteral("QR code is invalid: no order has this qrStartToken"));
    if (QrPayload::authCode(order->qrStartSecret, parts->qrTime) != parts->authCode)
        return Result::failure(400, QStringLiteral("invalidQrCode"),
                               QStringLiteral("QR code is invalid: the auth code does not match qrTime ")
                                   + QString::number(parts->qrTime));
    // The real tolerance is UNCONFIRMED (facts §5); the current second +-1 absorbs a refresh in flight.
    const qint64 age = (at - order->createdAt) / 1000;
    if (parts->qrTime < age - 1)
        return Result::failure(400, QStringLiteral("qrCodeTooOld"),
                               QStringLiteral("QR code is invalid because it is too old (qrTime %1, the order is %2 s old)")
                                   .arg(parts->qrTime)
                                   .arg(age));
    if (parts->qrTime > age + 1)
        return Result::failure(400, QStringLiteral("invalidQrCode"),
                               QStringLiteral("QR code is invalid: qrTime %1 lies in the future (the order is %2 s old)")
                                   .arg(parts->qrTime)
                                   .arg(age));
    *found = order;
    return {};
}

OrderBook::Result OrderBook::scan(const QByteArray &qrData, const QString &personalNumber,
                                  const QString &deviceIpAddress)
{
    const qint64 at = now();
    Order *order = nullptr;
    const Result checked = checkQr(qrData, at, true, &order);
    if (!checked.ok)
        return checked;
    Result result = pickUp(order, at, personalNumber, deviceIpAddress);
    result.orderRef = order->orderRef;
    if (result.ok) {
        notifyChanged(*order);
        schedule(*order);
    }
    return result;
}

OrderBook::Result OrderBook::open(const QByteArray &autoStartToken, const QString &personalNumber,
                                  const QString &deviceIpAddress)
{
    const qint64 at = now();
    Order *order = lookup(m_byAutoStartToken.value(autoStartToken));
    if (!order || !advance(order, at))
        return Result::failure(404, QStringLiteral("unknownOrder"), QStringLiteral("no order has this autoStartToken"));
    Result result = pickUp(order, at, personalNumber, deviceIpAddress);
    result.orderRef = order->orderRef;
    if (result.ok) {
        notifyChanged(*order);
        schedule(*order);
    }
    return result;
}

OrderBook::Result OrderBook::pickUp(Order *order, qint64 at, const QString &personalNumber,
                                    const QString &deviceIpAddress)
{
    if (!order->isPending())
        return Result::failure(409, QStringLiteral("orderFinished"), QStringLiteral("the order is already finished"));
    if (order->stage != OrderStage::Outstanding)
        return Result::failure(409, QStringLiteral("alreadyPickedUp"),
                               QStringLiteral("the order was already picked up (QR codes and tokens work once)"));
    if (!personalNumber.isEmpty()) {
        if (!TestPerson::isWellFormed(personalNumber))
            return Result::failure(400, QStringLiteral("invalidParameters"),
                                   QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)"));
        if (!order->request.personalNumber.isEmpty() && order->request.personalNumber != personalNumber)
            return Result::failure(409, QStringLiteral("wrongPerson"),
                                   QStringLiteral("the order may only be completed by ")
                                       + TestPerson::mask(order->request.personalNumber));
        order->signer = personalNumber;
    }
    if (!deviceIpAddress.isEmpty())
        order->deviceIpAddress = deviceIpAddress;
    order->pickedUpAt = at;
    setStage(order, isPhoneKind(order->request.kind) ? OrderStage::UserCallConfirm : OrderStage::Started, at);

    // facts §3: a person's newer order makes the older pending one fail with "cancelled".
    if (m_options.cancelOlderOrderOfSamePerson) {
        const QList<QByteArray> others = m_activeByPerson.values(order->signer);
        for (const QByteArray &ref : others) {
            Order *other = lookup(ref);
            if (other && other != order && other->isPending()) {
                fail(other, QByteArrayLiteral("cancelled"), at);
                notifyChanged(*other);
                schedule(*other);
            }
        }
    }
    if (!m_activeByPerson.contains(order->signer, order->orderRef))
        m_activeByPerson.insert(order->signer, order->orderRef);
    qCDebug(lcSimOrders) << "picked up" << order->orderRef << "by" << TestPerson::mask(order->signer);
    return {};
}

OrderBook::Result OrderBook::act(const QByteArray &orderRef, Action action, const QString &personalNumber)
{
    const qint64 at = now();
    Order *order = lookup(orderRef);
    if (!order || !advance(order, at))
        return Result::failure(404, QStringLiteral("unknownOrder"), QStringLiteral("no such orderRef"));
    Result result;
    result.orderRef = orderRef;
    if (action == Action::Person) {
        if (!TestPerson::isWellFormed(personalNumber))
            return Result::failure(400, QStringLiteral("invalidParameters"),
                                   QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)"));
        if (!order->request.personalNumber.isEmpty() && order->request.personalNumber != personalNumber)
            return Result::failure(409, QStringLiteral("wrongPerson"),
                                   QStringLiteral("the order may only be completed by ")
                                       + TestPerson::mask(order->request.personalNumber));
        if (order->pickedUpAt >= 0)
            return Result::failure(409, QStringLiteral("alreadyPickedUp"),
                                   QStringLiteral("choose the person before the order is picked up"));
        order->signer = personalNumber;
        return result;
    }
    if (!order->isPending())
        return Result::failure(409, QStringLiteral("orderFinished"), QStringLiteral("the order is already finished"));
    if (action == Action::Open) {
        result = pickUp(order, at, personalNumber, {});
        result.orderRef = orderRef;
        if (result.ok) {
            notifyChanged(*order);
            schedule(*order);
        }
        return result;
    }
    if (order->stage == OrderStage::Outstanding)
        return Result::failure(409, QStringLiteral("notPickedUp"),
                               QStringLiteral("the order has not been picked up yet: scan its QR code or open it first"));
    const bool phone = isPhoneKind(order->request.kind);
    switch (action) {
    case Action::ConfirmCall:
        if (order->stage != OrderStage::UserCallConfirm)
            return Result::failure(409, QStringLiteral("wrongState"),
                                   QStringLiteral("confirmCall needs a phone order in userCallConfirm"));
        setStage(order, OrderStage::UserSign, at);
        break;
    case Action::Approve:
        complete(order, at);
        break;
    case Action::Cancel:
        fail(order, QByteArrayLiteral("userCancel"), at);
        break;
    case Action::WrongCode:
        if (order->stage != OrderStage::UserSign)
            return Result::failure(409, QStringLiteral("wrongState"),
                                   QStringLiteral("wrongCode needs an order in userSign"));
        if (++order->wrongCodes >= m_options.wrongCodeLimit)
            fail(order, QByteArrayLiteral("certificateErr"), at);
        break;
    case Action::Decline:
        if (!phone || order->stage != OrderStage::UserCallConfirm)
            return Result::failure(409, QStringLiteral("wrongState"),
                                   QStringLiteral("decline needs a phone order in userCallConfirm"));
        fail(order, QByteArrayLiteral("userDeclinedCall"), at);
        break;
    case Action::Open:
    case Action::Person:
        break;
    }
    notifyChanged(*order);
    schedule(*order);
    return result;
}

const Order *OrderBook::find(const QByteArray &orderRef)
{
    Order *order = lookup(orderRef);
    return order && advance(order, now()) ? order : nullptr;
}

std::pair<qint64, OrderBook::Step> OrderBook::nextStep(const Order &order) const
{
    if (!order.isPending()) {
        qint64 end = order.finishedAt;
        if (order.stage == OrderStage::Complete)
            end += m_options.completeRetentionMs;
        else if (order.pickedUpAt >= 0)
            end += m_options.failedRetentionMs;
        else
            end = qMax(end, order.createdAt + m_options.neverPickedUpRetentionMs);
        return {end, Step::Purge};
    }
    qint64 best = order.createdAt + m_options.expiryMs;
    Step step = Step::Expire;
    auto consider = [&best, &step](qint64 when, Step what) {
        if (when < best) {
            best = when;
            step = what;
        }
    };
    switch (order.stage) {
    case OrderStage::Outstanding:
        if (order.autoUser && m_options.pickUpDelayMs < m_options.startFailedTimeoutMs)
            consider(order.createdAt + m_options.pickUpDelayMs, Step::PickUp);
        consider(order.createdAt + m_options.startFailedTimeoutMs, Step::StartFailed);
        break;
    case OrderStage::Started:
    case OrderStage::UserMrtd:
        consider(order.stageSince + m_options.startedDurationMs, Step::StageDone);
        break;
    case OrderStage::UserCallConfirm:
        if (order.autoUser)
            consider(order.stageSince + m_options.startedDurationMs, Step::StageDone);
        break;
    case OrderStage::UserSign:
        if (order.autoUser)
            consider(order.stageSince + m_options.signDelayMs, Step::AutoApprove);
        break;
    case OrderStage::Complete:
    case OrderStage::Failed:
        break;
    }
    return {best, step};
}

bool OrderBook::advance(Order *order, qint64 at)
{
    bool changed = false;
    for (;;) {
        const auto [when, step] = nextStep(*order);
        if (when > at)
            break;
        if (step == Step::Purge) {
            remove(order->orderRef);
            return false;
        }
        apply(order, step, when);
        changed = true;
    }
    if (changed) {
        notifyChanged(*order);
        schedule(*order);
    }
    return true;
}

void OrderBook::apply(Order *order, Step step, qint64 at)
{
    switch (step) {
    case Step::PickUp:
        if (isPhoneKind(order->request.kind)) {
            pickUp(order, at, {}, {});
        } else {
            // The simulated phone scans the QR code shown at this moment and goes through the same check as
            // the control API's scan.
            const qint64 qrTime = (at - order->createdAt) / 1000;
            Order *scanned = nullptr;
            // No bringUpToDate: we are inside advance() of this very order.
            const Result checked =
                checkQr(QrPayload::build(order->qrStartToken, order->qrStartSecret, qrTime), at, false, &scanned);
            if (checked.ok && scanned == order)
                pickUp(order, at, {}, {});
            else
                qCWarning(lcSimOrders) << "automatic user's QR code was rejected for" << order->orderRef << checked.message;
        }
        break;
    case Step::StageDone:
        if (order->stage == OrderStage::Started && order->request.mrtd)
            setStage(order, OrderStage::UserMrtd, at);
        else
            setStage(order, OrderStage::UserSign, at);
        break;
    case Step::AutoApprove:
        complete(order, at);
        break;
    case Step::StartFailed:
        fail(order, QByteArrayLiteral("startFailed"), at);
        break;
    case Step::Expire:
        fail(order, QByteArrayLiteral("expiredTransaction"), at);
        break;
    case Step::None:
    case Step::Purge:
        break;
    }
}

void OrderBook::setStage(Order *order, OrderStage stage, qint64 at)
{
    order->stage = stage;
    order->stageSince = at;
    rebuildBody(order);
}

void OrderBook::fail(Order *order, const QByteArray &hint, qint64 at)
{
    order->stage = OrderStage::Failed;
    order->failedHint = hint;
    order->stageSince = at;
    order->finishedAt = at;
    release(order);
    rebuildBody(order);
    qCDebug(lcSimOrders) << "failed" << order->orderRef << hint;
}

void OrderBook::complete(Order *order, qint64 at)
{
    if (order->risk == OrderRisk::Blocked) {
        // BankID's own risk block: the user's approval does not complete the order (facts §3, failed hintCodes).
        fail(order, QByteArrayLiteral("transactionRiskBlocked"), at);
        return;
    }
    order->stage = OrderStage::Complete;
    order->stageSince = at;
    order->finishedAt = at;
    release(order);
    rebuildBody(order);
    qCDebug(lcSimOrders) << "complete" << order->orderRef << "signed by" << TestPerson::mask(order->signer);
}

void OrderBook::release(Order *order)
{
    const QString person = personOf(*order);
    if (!person.isEmpty())
        m_activeByPerson.remove(person, order->orderRef);
    m_activeByPerson.remove(order->signer, order->orderRef);
}

void OrderBook::remove(const QByteArray &orderRef)
{
    const auto it = m_orders.find(orderRef);
    if (it == m_orders.end())
        return;
    const std::shared_ptr<Order> order = it.value();
    release(order.get());
    m_byQrToken.remove(order->qrStartToken);
    m_byAutoStartToken.remove(order->autoStartToken);
    m_orders.erase(it);
    Q_EMIT orderRemoved(QString::fromLatin1(orderRef));
}

void OrderBook::rebuildBody(Order *order)
{
    if (order->stage != OrderStage::Complete) {
        const QByteArray hint = order->stage == OrderStage::Failed ? order->failedHint : pendingHint(order->stage);
        const char *status = order->stage == OrderStage::Failed ? "failed" : "pending";
        order->collectBody = QByteArrayLiteral("{\"orderRef\":\"") + order->orderRef
                             + QByteArrayLiteral("\",\"status\":\"") + status
                             + QByteArrayLiteral("\",\"hintCode\":\"") + hint + QByteArrayLiteral("\"}");
        return;
    }
    const TestPerson person = m_persons.forNumber(order->signer);
    const QByteArray uhi = person.deviceUhi();
    QString ip = order->deviceIpAddress;
    if (ip.isEmpty())
        ip = m_options.deviceIpAddress;
    if (ip.isEmpty())
        ip = order->request.endUserIp.isEmpty() ? QStringLiteral("192.0.2.1") : order->request.endUserIp;
    // The evidence: a real XMLDSig signature by the person's certificate and an OCSP response bound to it.
    QByteArray signature;
    QByteArray ocsp;
    QString why;
    const CertifiedKey signer = m_pki ? m_pki->userFor(person, &why) : CertifiedKey();
    if (!signer.isNull())
        signature = SignatureDocument::sign(SignatureDocument::contentFor(*order, uhi), signer, &why).toBase64();
    if (!signature.isEmpty())
        ocsp = OcspResponder(m_pki->ocspResponder(), m_pki->bankCa().certificate)
                   .respond(signer.certificate, signature, QDateTime::currentDateTimeUtc(),
                            m_pki->revokedAt(person.personalNumber), &why)
                   .toBase64();
    if (signature.isEmpty() || ocsp.isEmpty())
        qCWarning(lcSimOrders) << "no signature evidence for" << order->orderRef << ":"
                               << (m_pki ? why : QStringLiteral("no signing PKI"));
    QJsonObject completion{
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("personalNumber"), person.personalNumber},
                                             {QStringLiteral("name"), person.name()},
                                             {QStringLiteral("givenName"), person.givenName},
                                             {QStringLiteral("surname"), person.surname}}},
        {QStringLiteral("device"),
         QJsonObject{{QStringLiteral("ipAddress"), ip}, {QStringLiteral("uhi"), QString::fromLatin1(uhi)}}},
        {QStringLiteral("bankIdIssueDate"), person.bankIdIssueDate.toString(Qt::ISODate)},
        {QStringLiteral("signature"), QString::fromLatin1(signature)},
        {QStringLiteral("ocspResponse"), QString::fromLatin1(ocsp)}};
    if (order->request.mrtd)
        completion.insert(QStringLiteral("stepUp"), QJsonObject{{QStringLiteral("mrtd"), true}});
    // OrderRisk::Blocked never gets here: such an order fails with transactionRiskBlocked instead (complete()).
    if (order->request.returnRisk)
        completion.insert(QStringLiteral("risk"), orderRiskName(order->risk));
    const QJsonObject body{{QStringLiteral("orderRef"), QString::fromLatin1(order->orderRef)},
                           {QStringLiteral("status"), QStringLiteral("complete")},
                           {QStringLiteral("completionData"), completion}};
    order->collectBody = QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void OrderBook::notifyChanged(const Order &order)
{
    const QString status = order.stage == OrderStage::Complete ? QStringLiteral("complete")
                           : order.stage == OrderStage::Failed ? QStringLiteral("failed")
                                                               : QStringLiteral("pending");
    const QByteArray hint = order.stage == OrderStage::Failed ? order.failedHint : pendingHint(order.stage);
    Q_EMIT orderChanged(QString::fromLatin1(order.orderRef), status, QString::fromLatin1(hint));
}

void OrderBook::schedule(const Order &order)
{
    const qint64 when = nextStep(order).first;
    m_events.emplace(when, order.orderRef);
    // Restart only when this event is now the earliest one; otherwise the running timer is already earlier.
    if (!m_timer.isActive() || m_events.begin()->first == when)
        m_timer.start(int(qBound<qint64>(0, when - now(), qint64(24) * 3600 * 1000)));
}

void OrderBook::onTimer()
{
    const qint64 at = now();
    while (!m_events.empty() && m_events.begin()->first <= at) {
        const QByteArray ref = m_events.begin()->second;
        m_events.erase(m_events.begin());
        if (Order *order = lookup(ref))
            advance(order, at);
    }
    if (!m_events.empty())
        m_timer.start(int(qBound<qint64>(0, m_events.begin()->first - now(), qint64(24) * 3600 * 1000)));
}

QJsonObject OrderBook::orderJson(const Order &order) const
{
    QJsonObject object{{QStringLiteral("orderRef"), QString::fromLatin1(order.orderRef)},
                       {QStringLiteral("kind"), orderKindName(order.request.kind)},
                       {QStringLiteral("status"), order.stage == OrderStage::Complete ? QStringLiteral("complete")
                                                  : order.stage == OrderStage::Failed ? QStringLiteral("failed")
                                                                                      : QStringLiteral("pending")},
                       {QStringLiteral("hintCode"), QString::fromLatin1(order.stage == OrderStage::Failed
                                                                            ? order.failedHint
                                                                            : pendingHint(order.stage))},
                       {QStringLiteral("ageMs"), double(now() - order.createdAt)},
                       {QStringLiteral("pickedUp"), order.pickedUpAt >= 0},
                       {QStringLiteral("signer"), order.signer},
                       {QStringLiteral("wrongCodes"), order.wrongCodes},
                       {QStringLiteral("autoUser"), order.autoUser},
                       {QStringLiteral("risk"), orderRiskName(order.risk)}};
    if (!order.autoStartToken.isEmpty()) {
        object.insert(QStringLiteral("autoStartToken"), QString::fromLatin1(order.autoStartToken));
        object.insert(QStringLiteral("qrStartToken"), QString::fromLatin1(order.qrStartToken));
        object.insert(QStringLiteral("endUserIp"), order.request.endUserIp);
    }
    if (!order.request.personalNumber.isEmpty())
        object.insert(QStringLiteral("personalNumber"), order.request.personalNumber);
    return object;
}

QJsonArray OrderBook::ordersJson()
{
    const QList<QByteArray> refs = m_orders.keys();
    QJsonArray array;
    for (const QByteArray &ref : refs) {
        Order *order = lookup(ref);
        if (order && advance(order, now()))
            array.append(orderJson(*order));
    }
    return array;
}

} // namespace bankid::sim
