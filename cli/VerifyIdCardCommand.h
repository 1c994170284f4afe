#pragma once

#include "CommandResult.h"
#include "IdCardCode.h"
#include "IdCardVerification.h"
#include "VerificationReport.h"

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace bankid {

class RpError;

/// `bankid-cli verify-id-card QRCODE|- [--age-limit N] [--root PEM]... [--json]` with the connection options
/// of the order commands (--env, --url naming the Verify API base - an RP API URL ending in /v6.0 is mapped to
/// the same server's /v1 -, --ca, --cert, ...; or --simulator), and
/// `bankid-cli verify-id-card --simulator --new-test-card PNR [...]`: asks BankID's Verify API v1 whether a
/// digital ID card is genuine (api digest §11) and prints who it belongs to, their age, whether they meet the
/// age limit, and the checks of the evidence BankID returned.
///
/// The parts without a network: parsing the words, reading the code (the argument, or ONE line of stdin for
/// "-", as a keyboard-wedge scanner types it, read at most MaxStdinLineBytes), and the output. CliApplication
/// does the exchange in between.
///
/// Contract:
/// - Exit 0 (ExitCode::Complete): BankID verified the card, the age limit (if given) is met and the evidence
///   (if checked) passed. Exit 1 (OrderFailed): BankID refused the code (expired, used, unknown: its
///   errorCode and details are printed), the holder is below --age-limit, or the evidence failed a check.
///   Exit 2: usage (a malformed code is refused here, before anything is sent). Exit 3: network, TLS or an
///   unreadable answer.
/// - The evidence is checked against the --root certificates; with --simulator and no --root, against the
///   embedded simulator's signing root. Without any root it is not checked (BankID's signing roots are not
///   published, api digest §9) and the output says so; that alone does not fail the command.
/// - Every value from BankID is printed through TerminalSafeText (by CliApplication); --json prints one
///   object: {"verified", "user" (BankID's user object), "verification" {verificationId, verifiedAt},
///   "authentication" {identifiedAt, orderRef}, "ageLimit", "ageLimitMet", "evidence" (the
///   IdCardEvidenceVerifier report, or null), "evidenceNote"}; a refusal prints {"verified": false,
///   "httpStatus", "errorCode", "details"}.
/// - --new-test-card PNR (only with --simulator, instead of QRCODE): the embedded simulator mints a fresh test
///   card for the person, prints its code on stderr and verifies it in the same process (a code is valid only
///   in the simulator process that minted it).
class VerifyIdCardCommand
{
    Q_DECLARE_TR_FUNCTIONS(bankid::VerifyIdCardCommand)

public:
    /// The longest stdin line read: a code of IdCardCode::MaxLength characters plus CR LF.
    static constexpr qint64 MaxStdinLineBytes = IdCardCode::MaxLength + 2;

    struct Arguments {
        QString code;           ///< QRCODE as given, or "-" for one line of stdin; empty with newTestCardFor
        QString newTestCardFor; ///< --new-test-card: the personal number of the simulated holder
        std::optional<int> ageLimit;
        QStringList rootFiles;
        bool json = false;
    };

    /// Checks the words after "verify-id-card" and the option values; an empty string when valid, else one
    /// sentence naming the argument or option and the problem. A literal QRCODE is checked here already.
    static QString parse(const QStringList &words, const QString &ageLimit, const QString &newTestCard,
                         bool simulator, const QStringList &rootFiles, Arguments *arguments);
    /// The code to verify: `argument` itself, or for "-" one line read from `input` (stdin). std::nullopt
    /// with `error` naming the problem.
    static std::optional<IdCardCode> readCode(const QString &argument, QIODevice *input, QString *error);
    /// The trusted roots from --root files; std::nullopt with `error` when a file is unusable.
    static std::optional<QList<QSslCertificate>> loadRoots(const QStringList &rootFiles, QString *error);
    /// The output and exit code of a verified card. `evidence` is null when no root was available;
    /// `rootsDescription` names the roots used (or why none).
    static CommandResult verified(const IdCardVerification &verification, const std::optional<VerificationReport> &evidence,
                                  const QString &rootsDescription, const Arguments &arguments);
    /// The output and exit code of a refusal by BankID (RpError::Kind::Api).
    static CommandResult refused(const RpError &error, const Arguments &arguments);
};

} // namespace bankid
