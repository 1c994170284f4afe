// BackgroundJobs: work runs off the calling thread, `done` comes back on it, cancelAll() stops work that
// polls its flag and suppresses `done`, and destroying the owner waits for every thread (no work outlives it).

#include "BackgroundJobs.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace bankid;

class TestBackgroundJobs : public QObject
{
    Q_OBJECT

private slots:
    void doneRunsOnTheOwnersThread();
    void cancelledWorkStopsAndSkipsDone();
    void destructionWaitsForRunningWork();
};

void TestBackgroundJobs::doneRunsOnTheOwnersThread()
{
    BackgroundJobs jobs;
    auto workThread = std::make_shared<std::atomic<QThread *>>(nullptr);
    QThread *doneThread = nullptr;
    bool done = false;
    jobs.run([workThread](const std::atomic_bool &) { workThread->store(QThread::currentThread()); },
             [&] {
                 doneThread = QThread::currentThread();
                 done = true;
             });
    QVERIFY(QTest::qWaitFor([&done] { return done; }, 5000));
    QVERIFY(workThread->load() != nullptr);
    QVERIFY(workThread->load() != QThread::currentThread());
    QCOMPARE(doneThread, QThread::currentThread());
    QVERIFY(QTest::qWaitFor([&jobs] { return jobs.runningCount() == 0; }, 5000));
}

void TestBackgroundJobs::cancelledWorkStopsAndSkipsDone()
{
    BackgroundJobs jobs;
    auto started = std::make_shared<std::atomic_bool>(false);
    auto sawCancel = std::make_shared<std::atomic_bool>(false);
    bool done = false;
    jobs.run([started, sawCancel](const std::atomic_bool &cancelled) {
                 started->store(true);
                 while (!cancelled.load())
                     QThread::msleep(1);
                 sawCancel->store(true);
             },
             [&done] { done = true; });
    QVERIFY(QTest::qWaitFor([started] { return started->load(); }, 5000));
    QCOMPARE(jobs.runningCount(), 1);
    jobs.cancelAll();
    QVERIFY(QTest::qWaitFor([&jobs] { return jobs.runningCount() == 0; }, 5000));
    QVERIFY(sawCancel->load());
    QCoreApplication::processEvents(); // a queued `done` would run here
    QVERIFY(!done);
}

void TestBackgroundJobs::destructionWaitsForRunningWork()
{
    auto started = std::make_shared<std::atomic_bool>(false);
    auto finished = std::make_shared<std::atomic_bool>(false);
    bool done = false;
    {
        BackgroundJobs jobs;
        jobs.run([started, finished](const std::atomic_bool &cancelled) {
                     started->store(true);
                     while (!cancelled.load())
                         QThread::msleep(1);
                     finished->store(true);
                 },
                 [&done] { done = true; });
        QVERIFY(QTest::qWaitFor([started] { return started->load(); }, 5000));
    } // cancels and waits here
    QVERIFY(finished->load());
    QCoreApplication::processEvents();
    QVERIFY(!done);
}

QTEST_GUILESS_MAIN(TestBackgroundJobs)
#include "TestBackgroundJobs.moc"
