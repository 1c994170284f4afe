// PlatformTerminal's POSIX branch: a pseudo-terminal is a terminal; a file, a pipe and a null stream are
// not (what decides whether bankid-cli draws the QR code or writes plain text).

#include "PlatformTerminal.h"

#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

using namespace bankid;

class TestPlatformTerminal : public QObject
{
    Q_OBJECT

private slots:
    void pseudoTerminalIsATerminal();
    void fileAndPipeAreNot();
};

void TestPlatformTerminal::pseudoTerminalIsATerminal()
{
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0)
        QSKIP("no pseudo-terminals here (/dev/ptmx)");
    QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
    const char *name = ::ptsname(master);
    QVERIFY(name);
    const int slave = ::open(name, O_WRONLY | O_NOCTTY); // never this test's controlling terminal
    QVERIFY(slave >= 0);
    std::FILE *terminal = ::fdopen(slave, "w");
    QVERIFY(terminal);
    QVERIFY(PlatformTerminal::isTerminal(terminal));
    std::fclose(terminal);
    ::close(master);
}

void TestPlatformTerminal::fileAndPipeAreNot()
{
    QVERIFY(!PlatformTerminal::isTerminal(nullptr));
    std::FILE *file = std::tmpfile();
    QVERIFY(file);
    QVERIFY(!PlatformTerminal::isTerminal(file));
    std::fclose(file);

    int ends[2] = {-1, -1};
    QCOMPARE(::pipe(ends), 0);
    std::FILE *pipe = ::fdopen(ends[1], "w");
    QVERIFY(pipe);
    QVERIFY(!PlatformTerminal::isTerminal(pipe));
    std::fclose(pipe);
    ::close(ends[0]);
}

QTEST_GUILESS_MAIN(TestPlatformTerminal)
#include "TestPlatformTerminal.moc"
