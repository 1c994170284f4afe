// PlatformAccountName's POSIX branch: the passwd name of the real user id, whatever USER says (the
// environment is set by whoever starts the process), and AuditEntry::currentOperator() uses it.

#include "AuditEntry.h"
#include "PlatformAccountName.h"

#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace bankid;

class TestPlatformAccountName : public QObject
{
    Q_OBJECT

private slots:
    void isThePasswdNameOfTheRealUser();
    void ignoresASpoofedEnvironment();
};

void TestPlatformAccountName::isThePasswdNameOfTheRealUser()
{
    const passwd *entry = ::getpwuid(::getuid());
    if (!entry)
        QSKIP("this uid has no passwd entry here (a container): the name is then empty");
    QCOMPARE(PlatformAccountName::current(), QString::fromLocal8Bit(entry->pw_name));
    QVERIFY(!PlatformAccountName::current().isEmpty());
}

void TestPlatformAccountName::ignoresASpoofedEnvironment()
{
    if (!::getpwuid(::getuid()))
        QSKIP("this uid has no passwd entry here (a container)");
    const QByteArray user = qgetenv("USER");
    const QByteArray logName = qgetenv("LOGNAME");
    qputenv("USER", "someone-else");
    qputenv("LOGNAME", "someone-else");
    const QString name = PlatformAccountName::current();
    const QString operatorName = AuditEntry::currentOperator();
    qputenv("USER", user);
    qputenv("LOGNAME", logName);
    QVERIFY(name != QLatin1String("someone-else"));
    QCOMPARE(operatorName, name);
}

QTEST_GUILESS_MAIN(TestPlatformAccountName)
#include "TestPlatformAccountName.moc"
