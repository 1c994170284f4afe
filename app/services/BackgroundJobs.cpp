#include "BackgroundJobs.h"

namespace bankid {

BackgroundJobs::BackgroundJobs(QObject *parent)
    : QObject(parent)
{
}

BackgroundJobs::~BackgroundJobs()
{
    cancelAll();
    for (const Job &job : std::as_const(m_jobs)) {
        if (job.thread) {
            job.thread->wait();
            delete job.thread; // its queued deleteLater would otherwise run after we are gone: harmless, but leaks until then
        }
    }
}

void BackgroundJobs::run(std::function<void(const std::atomic_bool &cancelled)> work, std::function<void()> done)
{
    // Forget jobs whose threads are gone (QPointer cleared by deleteLater).
    m_jobs.removeIf([](const Job &job) { return job.thread.isNull(); });

    auto cancelled = std::make_shared<std::atomic_bool>(false);
    QThread *thread = QThread::create([work = std::move(work), cancelled] { work(*cancelled); });
    thread->setObjectName(QStringLiteral("backgroundJob"));
    // Queued to this object's thread; dropped by Qt when this object is destroyed before it is delivered.
    connect(thread, &QThread::finished, this, [done = std::move(done), cancelled] {
        if (!cancelled->load())
            done();
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_jobs.append(Job{thread, cancelled});
    thread->start(QThread::LowPriority);
}

void BackgroundJobs::cancelAll()
{
    for (const Job &job : std::as_const(m_jobs))
        job.cancelled->store(true);
}

int BackgroundJobs::runningCount() const
{
    int running = 0;
    for (const Job &job : m_jobs) {
        if (job.thread && !job.thread->isFinished())
            ++running;
    }
    return running;
}

} // namespace bankid
