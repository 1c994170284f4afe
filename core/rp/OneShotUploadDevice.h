#pragma once

#include <QByteArray>
#include <QIODevice>

namespace bankid {

/// The body of an order-creating request (/auth, /sign, ...) as QNetworkAccessManager's upload device,
/// readable once and never rewound after that.
///
/// Why: QNAM silently re-sends a request whose connection closes after it was written and before any
/// answer byte (QHttpNetworkConnectionChannel's reconnect attempts, POST included). For /auth that can
/// create a second order for the same person. QNAM re-sends only after rewinding the upload device; this
/// one refuses to rewind once anything was read, so QNAM ends the reply with ContentReSendError instead,
/// and RpError/OrderSession report an order whose state at BankID is unknown (never a silent second one).
///
/// Contract: random access over a copy of `body` (so QNAM neither buffers it again nor chunks it);
/// reset() and seek() succeed only while nothing has been read; write-only use is refused.
class OneShotUploadDevice : public QIODevice
{
    Q_OBJECT

public:
    explicit OneShotUploadDevice(const QByteArray &body, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_body.size(); }
    bool seek(qint64 pos) override;
    bool reset() override;
    /// Whether QNAM asked to rewind after reading, i.e. tried to send the request a second time.
    bool rewindRefused() const { return m_rewindRefused; }
    /// Whether QNAM read any of the body, i.e. began writing the request to a connection.
    bool wasRead() const { return m_read; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_body;
    bool m_read = false;
    bool m_rewindRefused = false;
};

} // namespace bankid
