#include "IdCardCodeBook.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace bankid::sim {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + count));
    return bytes;
}

} // namespace

IdCardCodeBook::IdCardCodeBook(int lifetimeMs, int capacity)
    : m_lifetimeMs(lifetimeMs)
    , m_capacity(qMax(1, capacity))
    , m_secret(randomBytes(32))
{
    m_clock.start();
}

QByteArray IdCardCodeBook::macFor(const QByteArray &random) const
{
    return QMessageAuthenticationCode::hash(random, m_secret, QCryptographicHash::Sha256).left(16);
}

QByteArray IdCardCodeBook::mint(const QString &personalNumber, const Identification &identification)
{
    const QByteArray random = randomBytes(16);
    m_entries.insert(random, Entry{personalNumber, identification, m_clock.elapsed(), false});
    m_mintOrder.push_back(random);
    while (int(m_mintOrder.size()) > m_capacity) {
        m_entries.remove(m_mintOrder.front());
        m_mintOrder.pop_front();
    }
    const QByteArray raw = random + macFor(random);
    return QByteArray(prefix.data(), prefix.size()) + raw.toHex().toUpper();
}

IdCardCodeBook::Redemption IdCardCodeBook::redeem(const QByteArray &code)
{
    Redemption result;
    result.details = QStringLiteral("qrCode not valid");
    const QByteArray hex = code.mid(prefix.size());
    if (!code.startsWith(QByteArray(prefix.data(), prefix.size())) || hex.size() != hexLength)
        return result;
    for (const char c : hex) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f')))
            return result;
    }
    const QByteArray bytes = QByteArray::fromHex(hex);
    const QByteArray random = bytes.left(16);
    // Constant-time comparison is not needed in a simulator, but costs nothing.
    const QByteArray expected = macFor(random);
    const QByteArray given = bytes.mid(16);
    unsigned char difference = 0;
    for (int i = 0; i < 16; ++i)
        difference |= static_cast<unsigned char>(expected.at(i) ^ given.at(i));
    if (difference != 0)
        return result;
    const auto it = m_entries.find(random);
    if (it == m_entries.end()) {
        result.details = QStringLiteral("qrCode expired"); // minted here, then forgotten: only old codes are
        return result;
    }
    if (it->used) {
        result.details = QStringLiteral("qrCode already used");
        return result;
    }
    if (m_clock.elapsed() - it->mintedAt > m_lifetimeMs) {
        result.details = QStringLiteral("qrCode expired");
        return result;
    }
    it->used = true;
    result.ok = true;
    result.details.clear();
    result.personalNumber = it->personalNumber;
    result.identification = it->identification;
    return result;
}

} // namespace bankid::sim
