#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace bankid {

/// Runs blocking work (hashing a document, verifying a receipt) off the UI thread for one page, and makes
/// sure none of it outlives the page.
///
/// Contract:
/// - run(work, done): `work` runs on a new thread with a cancel flag it should poll; `done` runs afterwards on
///   the thread of this object (the UI thread), unless this object was destroyed first.
/// - cancelAll() sets the flag of every job still running (a newer request supersedes older ones, so a user who
///   picks three large files in a row does not get three full hashes at once).
/// - The destructor cancels every job and waits for its thread to end: no work touches a destroyed page, and
///   none runs on while the application exits.
///
///     m_jobs.cancelAll();
///     auto result = std::make_shared<Outcome>();
///     m_jobs.run([path, result](const std::atomic_bool &cancelled) { result->digest = DocumentDigest::ofFile(path, &result->error, &cancelled); },
///                [this, result] { onHashed(*result); });
class BackgroundJobs : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundJobs(QObject *parent = nullptr);
    ~BackgroundJobs() override;

    void run(std::function<void(const std::atomic_bool &cancelled)> work, std::function<void()> done);
    void cancelAll();
    /// Jobs whose threads have not finished yet.
    int runningCount() const;

private:
    struct Job {
        QPointer<QThread> thread;
        std::shared_ptr<std::atomic_bool> cancelled;
    };
    QList<Job> m_jobs;
};

} // namespace bankid
