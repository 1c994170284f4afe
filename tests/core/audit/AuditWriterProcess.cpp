// AuditWriterProcess: a writer for TestAuditLog's crash tests, which kill it with SIGKILL. Not a test itself.
//
//   AuditWriterProcess LOG loop     append entries until killed; print "appended <seq>" once each is fsynced
//   AuditWriterProcess LOG torn N   append N entries, then write the first half of an entry line the way a
//                                   write() cut short by a crash leaves it, print "torn", and wait to be killed
//
// The "torn" mode writes the half line itself because a SIGKILL practically never lands inside one
// write() of a few hundred bytes: it reproduces what a power cut or a full disk leaves, deterministically.
#include "AuditEntry.h"
#include "AuditLog.h"
#include "PersonalNumber.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>

#include <cstdio>
#include <unistd.h>

namespace {

bankid::AuditEntry entryNumber(bankid::AuditLog &log, qint64 n)
{
    const QString number = QStringLiteral("199001011234");
    bankid::AuditEntry entry;
    entry.operatorName = bankid::AuditEntry::currentOperator();
    entry.flow = QStringLiteral("phone-auth");
    entry.environment = QStringLiteral("simulator");
    entry.personalNumberMasked = bankid::PersonalNumber::mask(number);
    entry.personalNumberHash = log.personalNumberHash(number);
    entry.hints = {QStringLiteral("outstandingTransaction"), QStringLiteral("userCallConfirm"), QStringLiteral("userSign")};
    entry.outcome = bankid::AuditEntry::Outcome::Complete;
    entry.orderRef = QStringLiteral("writer-order-%1").arg(n);
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.finishedAt = entry.startedAt;
    entry.appVersion = QStringLiteral("writer");
    return entry;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "AuditWriterProcess: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3)
        return fail(QStringLiteral("usage: AuditWriterProcess LOG loop | LOG torn N"));
    bankid::AuditLog log(arguments.at(1));
    QString error;
    if (!log.open(&error))
        return fail(error);

    const bool torn = arguments.at(2) == QLatin1String("torn");
    const qint64 count = torn ? arguments.value(3).toLongLong() : -1;
    for (qint64 n = 1; count < 0 || n <= count; ++n) {
        const qint64 seq = log.append(entryNumber(log, n), &error);
        if (seq == 0)
            return fail(error);
        std::printf("appended %lld\n", static_cast<long long>(seq));
        std::fflush(stdout);
    }

    QFile file(arguments.at(1));
    if (!file.open(QIODevice::Append))
        return fail(file.errorString());
    const QByteArray half = QByteArrayLiteral("{\"v\":1,\"seq\":") + QByteArray::number(count + 1)
        + QByteArrayLiteral(",\"time\":\"2026-01-01T00:00:00.000Z\",\"prev\":\"00ab");
    file.write(half);
    file.flush();
    std::printf("torn\n");
    std::fflush(stdout);
    for (;;)
        ::pause();
}
