#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <deque>

namespace bankid::sim {

// The ID card QR codes one simulator has handed out (facts §11) and what became of them.
//
// Contract: a code is "BANKIDF." + 64 upper-case hex digits: 16 random bytes followed by the first 16 bytes
// of HMAC-SHA256 over them with a secret made at construction (per process), so a code from another
// simulator or with a flipped digit is refused without a lookup. redeem() accepts a code once, within
// `lifetimeMs` of minting; afterwards it says "qrCode already used" or "qrCode expired" (codes stay remembered
// so the answer can tell which), and "qrCode not valid" for anything that carries no valid MAC. At most
// `capacity` codes are remembered (the oldest are forgotten first; a forgotten code with a valid MAC can
// only be an old one and counts as expired). Time is a monotonic clock started at construction. Not
// thread-safe: lives in the simulator's thread.
//
//     IdCardCodeBook codes(30000);
//     const QByteArray code = codes.mint(QStringLiteral("199001012385"), evidence);
//     const IdCardCodeBook::Redemption r = codes.redeem(code);   // r.ok, r.personalNumber, r.evidence
class IdCardCodeBook
{
public:
    static constexpr QLatin1StringView prefix{"BANKIDF."};
    static constexpr int hexLength = 64;

    /// The holder's identification behind a code (facts §9 evidence, made when the card was shown).
    struct Identification {
        QByteArray orderRef;
        QByteArray signatureBase64;
        QByteArray ocspBase64;
        QDateTime identifiedAt;
    };

    struct Redemption {
        bool ok = false;
        QString details; ///< on failure: "qrCode not valid", "qrCode expired" or "qrCode already used"
        QString personalNumber;
        Identification identification;
    };

    explicit IdCardCodeBook(int lifetimeMs, int capacity = 10000);

    QByteArray mint(const QString &personalNumber, const Identification &identification);
    Redemption redeem(const QByteArray &code);
    int lifetimeMs() const { return m_lifetimeMs; }

private:
    struct Entry {
        QString personalNumber;
        Identification identification;
        qint64 mintedAt = 0;
        bool used = false;
    };

    QByteArray macFor(const QByteArray &random) const;

    int m_lifetimeMs;
    int m_capacity;
    QByteArray m_secret;
    QElapsedTimer m_clock;
    QHash<QByteArray, Entry> m_entries; ///< by the code's 16 random bytes
    std::deque<QByteArray> m_mintOrder;
};

} // namespace bankid::sim
