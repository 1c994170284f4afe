#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace bankid {

/// The content of a digital ID card's QR code (Verify API v1, api digest §11), as scanned, checked before it
/// is sent to BankID's POST /verify.
///
/// Contract (idcard-contract §3):
/// - parse() removes ONE trailing line end (CR LF, LF or CR: the Enter a keyboard-wedge scanner types after
///   the code) and nothing else; then the code must be non-empty, at most MaxLength characters, printable
///   ASCII only (no whitespace, no control character, nothing outside ASCII) and start with Prefix followed
///   by at least one character. What follows the prefix is opaque (BankID: hex; not checked here, so a
///   format change on BankID's side is never refused locally).
/// - A refused input gets one sentence in `problem` naming what is wrong, and for a bad character which one
///   (U+XXXX) at which 1-based position. The sentences are English technical text.
/// - text() is what goes into {"qrCode": ...}. Never log it whole: loggable() keeps the first
///   LoggedCharacters characters only.
///
/// UNCONFIRMED: the 1024-character bound and the refusal of whitespace are our simulator's rules (contract §1),
/// not BankID's published ones; real codes are far shorter (api digest §11).
///
/// \code
///   QString problem;
///   const auto code = bankid::IdCardCode::parse(scannerLine, &problem);
///   if (!code)
///       return showError(problem);
///   RpCall *call = client.verifyIdCard(*code);
/// \endcode
class IdCardCode
{
public:
    /// The longest code accepted (characters, after the line end is removed).
    static constexpr int MaxLength = 1024;
    /// Every ID card code starts with this (api digest §11).
    static constexpr QLatin1StringView Prefix{"BANKIDF."};
    /// How many leading characters logs may show ("BANKIDF.74A2").
    static constexpr int LoggedCharacters = 12;

    /// The code in `scanned`, or std::nullopt with `problem` (when non-null) saying why not.
    static std::optional<IdCardCode> parse(const QString &scanned, QString *problem);

    /// The code exactly as it goes on the wire.
    QString text() const { return m_text; }
    /// The first LoggedCharacters characters followed by "…" (the whole code never appears in a log).
    QString loggable() const;

private:
    explicit IdCardCode(const QString &text) : m_text(text) {}
    QString m_text;
};

} // namespace bankid
