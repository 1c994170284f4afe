#pragma once

#include "OrderSession.h"

#include <QList>
#include <QObject>
#include <QStringList>

namespace bankid::test {

// Records, in order, everything an OrderSession reports through its signals, for assertions after the
// session has finished (or while waiting with QTRY_*). Plain values: no QSignalSpy, no metatype registration.
//
// Contract: recording stops when either the session or the recorder is destroyed (the connections use a
// context object the recorder owns), so a recorder declared after its session is safe even when the
// session's destructor still cancels and reports.
//
//     OrderSession session(client, &clock);
//     test::SessionRecorder recorded;
//     recorded.attach(&session);
//     session.start(request, options);
//     QTRY_VERIFY_WITH_TIMEOUT(!session.isActive(), 20000);
//     QCOMPARE(recorded.completedCount, 1);
class SessionRecorder
{
public:
    QList<OrderSession::State> states; ///< every stateChanged, in order
    QStringList hints;                 ///< every hintChanged hint code, in order
    QStringList rfas;                  ///< the RFA id (rfaId) that came with each of `hints`
    QStringList qrContents;            ///< every qrContentChanged payload, in order
    QStringList pendingOrderRefs;      ///< the session's orderRef each time it became Pending
    int restarts = 0;                  ///< the last restarted() count
    int completedCount = 0;
    int failedCount = 0;

    /// Starts recording `session`'s signals (may be called for several sessions in turn).
    void attach(OrderSession *session);

private:
    QObject m_context; ///< the receiver context of every connection: they end with the recorder
};

} // namespace bankid::test
