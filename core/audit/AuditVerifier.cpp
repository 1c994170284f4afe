#include "AuditVerifier.h"

#include "AuditLog.h"
#include "BoundedFileReader.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace bankid {

namespace {

struct ParsedLine
{
    QByteArray bytes;
    std::optional<AuditVerifier::Record> record;
    QByteArray prev;
    QString error;
};

ParsedLine parseLine(int number, const QByteArray &bytes)
{
    ParsedLine parsed;
    parsed.bytes = bytes;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        parsed.error = AuditVerifier::tr("it is not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset);
        return parsed;
    }
    if (!document.isObject()) {
        parsed.error = AuditVerifier::tr("it is not a JSON object");
        return parsed;
    }
    const QJsonObject object = document.object();
    const QJsonValue version = object.value(QLatin1String("v"));
    if (!version.isDouble() || version.toDouble() != AuditLog::FormatVersion) {
        parsed.error = AuditVerifier::tr("its \"v\" is not %1").arg(AuditLog::FormatVersion);
        return parsed;
    }
    const std::optional<qint64> seq = AuditLog::sequenceNumber(object.value(QLatin1String("seq")));
    if (!seq) {
        parsed.error = AuditVerifier::tr("its \"seq\" is not a whole number of 1 or more");
        return parsed;
    }
    const QDateTime time = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    if (!time.isValid()) {
        parsed.error = AuditVerifier::tr("its \"time\" is not an ISO-8601 time");
        return parsed;
    }
    const QString prev = object.value(QLatin1String("prev")).toString();
    if (prev.size() != 64 || QByteArray::fromHex(prev.toLatin1()).toHex() != prev.toLatin1()) {
        parsed.error = AuditVerifier::tr("its \"prev\" is not 64 lower-case hex digits");
        return parsed;
    }
    QString entryError;
    const auto entry = AuditEntry::fromJson(object, &entryError);
    if (!entry) {
        parsed.error = entryError;
        return parsed;
    }
    parsed.prev = prev.toLatin1();
    parsed.record = AuditVerifier::Record{number, *seq, time.toUTC(), *entry, false};
    return parsed;
}

} // namespace

QString AuditVerifier::problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return QStringLiteral("none");
    case Problem::Unreadable: return QStringLiteral("unreadable");
    case Problem::Malformed: return QStringLiteral("malformed");
    case Problem::Edited: return QStringLiteral("edited");
    case Problem::Removed: return QStringLiteral("removed");
    case Problem::Reordered: return QStringLiteral("reordered");
    case Problem::Duplicated: return QStringLiteral("duplicated");
    }
    return {};
}

AuditVerifier::Report AuditVerifier::verifyFile(const QString &path)
{
    QString reason;
    const std::optional<QByteArray> content = BoundedFileReader::read(path, BoundedFileReader::MaxAuditLogBytes, &reason);
    if (!content) {
        Report report;
        report.problem = Problem::Unreadable;
        report.message = tr("cannot read the audit log: %1").arg(reason);
        return report;
    }
    return verifyBytes(*content);
}

AuditVerifier::Report AuditVerifier::verifyBytes(const QByteArray &content)
{
    Report report;
    QList<QByteArray> lines = content.split('\n');
    // split() leaves one element after the last '\n': empty for a well-terminated file, else the torn tail.
    const QByteArray tail = lines.takeLast();
    if (!tail.isEmpty()) {
        report.tornTail = true;
        report.tornLine = int(lines.size()) + 1;
    }
    // A torn tail is tolerated after whole entries (a crash while appending). Bytes without any '\n' hold no
    // whole entry at all (random bytes, NULs, or a crash during the very first append): nothing verified, so
    // not a verified log.
    if (lines.isEmpty() && !tail.isEmpty()) {
        report.problem = Problem::Malformed;
        report.line = 1;
        report.message = tr("no complete entry: the file has %1 bytes but no line break, so not one whole audit entry")
                             .arg(tail.size());
        return report;
    }

    QList<ParsedLine> parsed;
    parsed.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        parsed.append(parseLine(int(i) + 1, lines.at(i)));
        if (parsed.last().record)
            report.records.append(*parsed.last().record);
    }

    auto fail = [&report](Problem problem, int line, const QString &message) {
        report.problem = problem;
        report.line = line;
        report.message = message;
    };

    QHash<qint64, int> seenAt; // seq -> the line it was first seen on
    qint64 expected = 1;
    for (qsizetype i = 0; i < parsed.size(); ++i) {
        const int number = int(i) + 1;
        const ParsedLine &line = parsed.at(i);
        if (!line.record) {
            fail(Problem::Malformed, number, tr("line %1 is not an audit entry: %2").arg(number).arg(line.error));
            break;
        }
        const qint64 seq = line.record->seq;
        if (seq < expected) {
            if (seenAt.contains(seq))
                fail(Problem::Duplicated, number, tr("line %1 repeats seq %2 of line %3").arg(number).arg(seq).arg(seenAt.value(seq)));
            else
                fail(Problem::Reordered, number, tr("line %1 is out of order: seq %2 comes after seq %3")
                                                     .arg(number).arg(seq).arg(expected - 1));
            break;
        }
        if (seq > expected) {
            bool comesLater = false;
            for (qsizetype j = i + 1; j < parsed.size() && !comesLater; ++j)
                comesLater = parsed.at(j).record && parsed.at(j).record->seq >= expected && parsed.at(j).record->seq < seq;
            if (comesLater)
                fail(Problem::Reordered, number, tr("line %1 is out of order: seq %2 where seq %3 was expected (seq %3 comes later in the file)")
                                                     .arg(number).arg(seq).arg(expected));
            else if (seq == expected + 1)
                fail(Problem::Removed, number, tr("an entry was removed before line %1: seq %2 is missing").arg(number).arg(expected));
            else
                fail(Problem::Removed, number, tr("entries were removed before line %1: seq %2 to %3 are missing")
                                                   .arg(number).arg(expected).arg(seq - 1));
            break;
        }
        const QByteArray wantedPrev = i == 0 ? AuditLog::firstPrev() : AuditLog::lineHash(parsed.at(i - 1).bytes);
        if (line.prev != wantedPrev) {
            if (i == 0) {
                fail(Problem::Edited, number, tr("line 1 was edited: the first entry's prev is not 64 zeros"));
            } else {
                fail(Problem::Edited, number - 1, tr("line %1 was edited after it was written: its SHA-256 does not "
                                                     "match the prev recorded in line %2")
                                                      .arg(number - 1).arg(number));
                // The edited line does not count as verified.
                --report.verifiedEntries;
                report.records[i - 1].verified = false;
                report.headSeq = i >= 2 ? parsed.at(i - 2).record->seq : 0;
                report.headHash = i >= 2 ? QString::fromLatin1(AuditLog::lineHash(parsed.at(i - 2).bytes)) : QString();
            }
            break;
        }
        seenAt.insert(seq, number);
        ++expected;
        ++report.verifiedEntries;
        report.records[i].verified = true;
        report.headSeq = seq;
        report.headHash = QString::fromLatin1(AuditLog::lineHash(line.bytes));
    }
    return report;
}

QString AuditVerifier::Report::summary() const
{
    if (problem == Problem::Unreadable)
        return message;
    if (problem != Problem::None)
        return tr("line %1: %2: %3").arg(line).arg(problemName(problem), message);
    QString text = verifiedEntries == 0
        ? tr("the audit log is empty: nothing to verify")
        : tr("%n entries verified; the chain is intact (head: seq %1, SHA-256 %2)", nullptr, int(verifiedEntries))
              .arg(headSeq)
              .arg(headHash);
    if (tornTail)
        text += tr("; line %1 is an incomplete entry (a crash while writing) and was not counted").arg(tornLine);
    return text;
}

} // namespace bankid
