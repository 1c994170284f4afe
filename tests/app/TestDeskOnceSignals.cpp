// TerminationSignals, POSIX branch: SIGINT and SIGTERM become terminationRequested() in the event loop (the
// handler only writes to a socket), one emission per signal, one instance at a time, and the previous
// dispositions come back when it is destroyed. (The Windows branch is not built here.)
#include "TerminationSignals.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using bankid::TerminationSignals;

class TestDeskOnceSignals : public QObject
{
    Q_OBJECT

private slots:
    void signalsBecomeQtSignals();
    void oneInstanceAtATime();
    void previousDispositionsComeBack();
};

void TestDeskOnceSignals::signalsBecomeQtSignals()
{
    TerminationSignals termination;
    QVERIFY2(termination.isInstalled(), qPrintable(termination.errorString()));
    QSignalSpy requested(&termination, &TerminationSignals::terminationRequested);
    QCOMPARE(std::raise(SIGTERM), 0);
    QCOMPARE(requested.size(), 0); // nothing happens inside the handler: the event loop delivers it
    QTRY_COMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toInt(), int(SIGTERM));
    QCOMPARE(std::raise(SIGINT), 0);
    QCOMPARE(std::raise(SIGTERM), 0);
    QTRY_COMPARE(requested.size(), 3);
    QCOMPARE(requested.at(1).at(0).toInt(), int(SIGINT));
    QCOMPARE(requested.at(2).at(0).toInt(), int(SIGTERM));
}

void TestDeskOnceSignals::oneInstanceAtATime()
{
    TerminationSignals first;
    QVERIFY(first.isInstalled());
    TerminationSignals second;
    QVERIFY(!second.isInstalled());
    QVERIFY(second.errorString().contains(QLatin1String("another TerminationSignals")));
    QSignalSpy requested(&first, &TerminationSignals::terminationRequested);
    QCOMPARE(std::raise(SIGTERM), 0);
    QTRY_COMPARE(requested.size(), 1);
}

void TestDeskOnceSignals::previousDispositionsComeBack()
{
    const auto previousTerm = std::signal(SIGTERM, SIG_IGN);
    const auto previousInt = std::signal(SIGINT, SIG_IGN);
    {
        TerminationSignals termination;
        QVERIFY(termination.isInstalled());
        struct sigaction current;
        QCOMPARE(::sigaction(SIGTERM, nullptr, &current), 0);
        QVERIFY(current.sa_handler != SIG_IGN && current.sa_handler != SIG_DFL);
    }
    struct sigaction term;
    struct sigaction interrupt;
    QCOMPARE(::sigaction(SIGTERM, nullptr, &term), 0);
    QCOMPARE(::sigaction(SIGINT, nullptr, &interrupt), 0);
    QVERIFY(term.sa_handler == SIG_IGN);
    QVERIFY(interrupt.sa_handler == SIG_IGN);
    std::signal(SIGTERM, previousTerm);
    std::signal(SIGINT, previousInt);
    // A new instance can be installed again.
    TerminationSignals again;
    QVERIFY(again.isInstalled());
}

QTEST_GUILESS_MAIN(TestDeskOnceSignals)
#include "TestDeskOnceSignals.moc"
