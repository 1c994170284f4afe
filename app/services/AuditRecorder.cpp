#include "AuditRecorder.h"
#include "BankIdVersion.h"

#include "OrderFailure.h"
#include "OrderSession.h"
#include "PersonalNumber.h"
#include "Rfa.h"
#include "RpError.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuditRecorder, "bankid.audit.recorder")

namespace bankid {

AuditRecorder::AuditRecorder(const QString &logPath, QObject *parent)
    : QObject(parent)
    , m_log(std::make_unique<AuditLog>(logPath))
{
}

AuditRecorder::~AuditRecorder()
{
    // Sessions still followed outlive us only when their owner deletes us first: record them now, so
    // no order goes unrecorded.
    const QList<OrderSession *> sessions = m_tracked.keys();
    for (OrderSession *session : sessions) {
        session->disconnect(this);
        Tracked tracked = m_tracked.take(session);
        tracked.entry.outcome = AuditEntry::Outcome::Cancelled;
        tracked.entry.outcomeDetail = QStringLiteral("desk closed");
        writeTracked(std::move(tracked));
    }
}

void AuditRecorder::track(OrderSession *session, const OrderRequest &request, const QString &environment)
{
    Tracked tracked;
    tracked.entry.operatorName = AuditEntry::currentOperator();
    tracked.entry.flow = flowName(request.flow);
    tracked.entry.environment = environment;
    tracked.entry.startedAt = QDateTime::currentDateTimeUtc();
    tracked.entry.appVersion = QStringLiteral(BANKID_VERSION);
    tracked.personalNumber = isPhoneFlow(request.flow) ? request.personalNumber : request.requirement.personalNumber;
    m_tracked.insert(session, tracked);

    connect(session, &OrderSession::stateChanged, this, [this, session] { onStateChanged(session); });
    connect(session, &OrderSession::hintChanged, this, [this, session](const QString &hintCode, Rfa rfa) {
        auto it = m_tracked.find(session);
        if (it == m_tracked.end())
            return;
        it->entry.hints.append(hintCode);
        it->entry.rfa = rfaId(rfa);
    });
    connect(session, &OrderSession::restarted, this, [this, session] {
        if (auto it = m_tracked.find(session); it != m_tracked.end())
            it->entry.hints.append(QStringLiteral("startFailed"));
    });
    // Destroyed while live: the desk ended the order (its destructor sends /cancel). Only the pointer's
    // value is used here: the OrderSession part of the object is already gone.
    connect(session, &QObject::destroyed, this, [this, session] {
        if (!m_tracked.contains(session))
            return;
        Tracked ended = m_tracked.take(session);
        ended.entry.outcome = AuditEntry::Outcome::Cancelled;
        ended.entry.outcomeDetail = QStringLiteral("ended by the desk");
        ended.entry.rfa = rfaId(Rfa::Rfa6);
        writeTracked(std::move(ended));
    });
}

void AuditRecorder::recordIdCardVerification(const IdCardRecord &record)
{
    Tracked tracked;
    AuditEntry &entry = tracked.entry;
    entry.operatorName = AuditEntry::currentOperator();
    entry.flow = QStringLiteral("verify-id-card");
    entry.environment = record.environment;
    entry.startedAt = record.requestedAt.toUTC();
    entry.appVersion = QStringLiteral(BANKID_VERSION);
    entry.outcome = record.outcome;
    entry.orderRef = record.verificationId;
    if (record.outcome == AuditEntry::Outcome::Error) {
        entry.outcomeDetail = QStringLiteral("ageLimit=%1 not verified: %2").arg(record.ageLimit).arg(record.detail);
    } else {
        entry.outcomeDetail = QStringLiteral("ageLimit=%1 %2; verifiedAt %3; identifiedAt %4")
                                  .arg(record.ageLimit)
                                  .arg(record.meetsAgeLimit ? QStringLiteral("met") : QStringLiteral("not met"),
                                       auditTimestamp(record.verifiedAt), auditTimestamp(record.identifiedAt));
    }
    tracked.personalNumber = record.personalNumber;
    writeTracked(std::move(tracked));
}

void AuditRecorder::onStateChanged(OrderSession *session)
{
    auto it = m_tracked.find(session);
    if (it == m_tracked.end())
        return;
    if (!session->orderRef().isEmpty())
        it->entry.orderRef = session->orderRef();

    switch (session->state()) {
    case OrderSession::State::Complete:
        if (it->personalNumber.isEmpty() && session->completion())
            it->personalNumber = session->completion()->personalNumber;
        write(session, AuditEntry::Outcome::Complete, {}, {});
        return;
    case OrderSession::State::Failed: {
        const OrderFailure failure = session->failure().value_or(OrderFailure{});
        switch (failure.kind) {
        case OrderFailure::Kind::HintCode:
            it->entry.hints.append(failure.hintCode);
            write(session, AuditEntry::Outcome::Failed, failure.hintCode, rfaId(failure.rfa));
            return;
        case OrderFailure::Kind::Error: {
            QString detail = RpError::kindName(failure.error.kind());
            if (!failure.error.errorCode().isEmpty())
                detail += QLatin1Char(':') + failure.error.errorCode();
            write(session, AuditEntry::Outcome::Error, detail, rfaId(failure.rfa));
            return;
        }
        case OrderFailure::Kind::Deadline:
            write(session, AuditEntry::Outcome::Error, QStringLiteral("deadline"), rfaId(failure.rfa));
            return;
        case OrderFailure::Kind::RiskBlocked:
            // BankID completed it but rates it high risk: a failure, and whose order it was matters to an
            // audit (masked and hashed like every number in the log).
            if (it->personalNumber.isEmpty() && session->completion())
                it->personalNumber = session->completion()->personalNumber;
            write(session, AuditEntry::Outcome::Failed, QStringLiteral("risk:high"), rfaId(failure.rfa));
            return;
        }
        return;
    }
    case OrderSession::State::Cancelled:
        write(session, AuditEntry::Outcome::Cancelled, QStringLiteral("cancelled at BankID"), rfaId(Rfa::Rfa6));
        return;
    case OrderSession::State::Idle:
    case OrderSession::State::Starting:
    case OrderSession::State::Pending:
    case OrderSession::State::Cancelling:
        return;
    }
}

void AuditRecorder::write(OrderSession *session, AuditEntry::Outcome outcome, const QString &detail, const QString &rfa)
{
    Tracked tracked = m_tracked.take(session);
    session->disconnect(this);
    tracked.entry.outcome = outcome;
    tracked.entry.outcomeDetail = detail;
    tracked.entry.rfa = rfa;
    writeTracked(std::move(tracked));
}

void AuditRecorder::writeTracked(Tracked tracked)
{
    AuditEntry &entry = tracked.entry;
    entry.finishedAt = QDateTime::currentDateTimeUtc();
    QString error;
    if (!m_log->open(&error)) {
        qCWarning(lcAuditRecorder).noquote() << "order not recorded:" << error;
        emit recordFailed(error);
        return;
    }
    if (!tracked.personalNumber.trimmed().isEmpty()) {
        entry.personalNumberMasked = PersonalNumber::mask(tracked.personalNumber);
        entry.personalNumberHash = m_log->personalNumberHash(tracked.personalNumber);
    }
    tracked.personalNumber.clear();
    const qint64 seq = m_log->append(entry, &error);
    if (m_log->repairedTornBytes() != m_reportedRepairBytes) {
        m_reportedRepairBytes = m_log->repairedTornBytes();
        emit logRepaired(m_log->repairReport());
    }
    if (seq == 0) {
        qCWarning(lcAuditRecorder).noquote() << "order not recorded:" << error;
        emit recordFailed(error);
        return;
    }
    emit recorded(entry, seq);
}

} // namespace bankid
