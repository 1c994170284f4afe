#include "SessionRecorder.h"

namespace bankid::test {

void SessionRecorder::attach(OrderSession *session)
{
    QObject::connect(session, &OrderSession::stateChanged, &m_context, [this, session](OrderSession::State state) {
        states << state;
        if (state == OrderSession::State::Pending)
            pendingOrderRefs << session->orderRef();
    });
    QObject::connect(session, &OrderSession::hintChanged, &m_context, [this](const QString &hint, Rfa rfa) {
        hints << hint;
        rfas << rfaId(rfa);
    });
    QObject::connect(session, &OrderSession::qrContentChanged, &m_context,
                     [this](const QString &content) { qrContents << content; });
    QObject::connect(session, &OrderSession::restarted, &m_context, [this](int count) { restarts = count; });
    QObject::connect(session, &OrderSession::completed, &m_context, [this] { ++completedCount; });
    QObject::connect(session, &OrderSession::failed, &m_context, [this] { ++failedCount; });
}

} // namespace bankid::test
