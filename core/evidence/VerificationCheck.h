#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace bankid {

// The outcome of one step of EvidenceVerifier, e.g. {"reference bidKeyInfo", Failed, "DigestValue ... differs"}.
//
// Contract: `name` is a stable English identifier (see VerificationReport::checkNames()); `detail` is English
// technical text saying what was checked or why it failed. A check that does not apply (no OCSP response
// given, no expected data) is NotRun, which is neither a pass nor a failure.
//
//     for (const VerificationCheck &check : report.checks)
//         std::printf("%-28s %s\n", qPrintable(check.name), check.passed() ? "ok" : "NOT OK");
struct VerificationCheck {
    /// What happened to the check.
    enum class Outcome {
        NotRun, ///< did not apply or could not be reached (detail says why)
        Passed, ///< checked and correct
        Failed, ///< checked and wrong (detail says why)
    };

    QString name;
    Outcome outcome = Outcome::NotRun;
    QString detail;

    bool passed() const { return outcome == Outcome::Passed; }
    bool failed() const { return outcome == Outcome::Failed; }
    /// "passed", "failed" or "not run".
    static QString outcomeName(Outcome outcome);
    /// {"name", "ok" (true / false / null when not run), "outcome", "detail"}.
    QJsonObject toJson() const;

    // A report's fixed, ordered list of checks (VerificationReport, ReceiptReport) is a QList of these; the
    // helpers below are the one implementation of what such a list does.
    /// One NotRun check per name, in order, detail "not run".
    static QList<VerificationCheck> notRun(const QStringList &names);
    /// Sets the outcome and detail of the check called `name` in `checks`; false (and nothing changed) for an
    /// unknown name — a programming error the callers assert on.
    static bool setIn(QList<VerificationCheck> &checks, const QString &name, Outcome outcome, const QString &detail);
    /// The check called `name` in `checks`, or a NotRun check with detail "no such check".
    static VerificationCheck findIn(const QList<VerificationCheck> &checks, const QString &name);
    /// toJson() of each check, in order.
    static QJsonArray toJsonArray(const QList<VerificationCheck> &checks);
};

} // namespace bankid
