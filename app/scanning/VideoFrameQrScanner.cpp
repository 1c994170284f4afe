#include "VideoFrameQrScanner.h"

#include "IdCardCode.h"
#include "QrImageDecoder.h"

#include <QLoggingCategory>
#include <QVideoFrame>
#include <QVideoSink>

Q_LOGGING_CATEGORY(lcFrameScanner, "bankid.app.framescanner")

namespace bankid {

VideoFrameQrScanner::VideoFrameQrScanner(QObject *parent)
    : QObject(parent)
{
    m_worker.setMaxThreadCount(1);
    m_worker.setObjectName(QStringLiteral("qrFrameDecoder"));
}

VideoFrameQrScanner::~VideoFrameQrScanner()
{
    // A decode in progress posts its result to this object; wait for it, so it is posted (and discarded
    // with this object) rather than delivered to freed memory.
    m_worker.waitForDone();
}

void VideoFrameQrScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sinkConnection)
        disconnect(m_sinkConnection);
    m_sink = sink;
    if (sink)
        m_sinkConnection = connect(sink, &QVideoSink::videoFrameChanged, this, &VideoFrameQrScanner::onFrame);
}

void VideoFrameQrScanner::start()
{
    ++m_generation;
    m_scanning = true;
    m_lastOtherCode.clear();
}

void VideoFrameQrScanner::stop()
{
    ++m_generation;
    m_scanning = false;
}

QString VideoFrameQrScanner::idCardCodeAmong(const QStringList &texts)
{
    for (const QString &text : texts) {
        if (text.startsWith(IdCardCode::Prefix))
            return text;
    }
    return {};
}

void VideoFrameQrScanner::onFrame(const QVideoFrame &frame)
{
    if (!m_scanning || !frame.isValid())
        return;
    if (m_busy) {
        ++m_dropped;
        return;
    }
    // On this thread: a GPU-backed frame is mapped through the GUI's graphics context (see the header).
    const QImage image = frame.toImage();
    if (image.isNull()) {
        qCDebug(lcFrameScanner) << "a frame of" << frame.size() << "in" << frame.pixelFormat()
                                << "could not be converted";
        return;
    }
    m_busy = true;
    ++m_decoded;
    const quint64 generation = m_generation;
    m_worker.start([this, image, generation] {
        const QStringList codes = QrImageDecoder::decode(image);
        // Queued to this object's thread; the destructor waits for this lambda, so `this` is still alive
        // when the event is posted (and a posted event of a deleted object is discarded).
        QMetaObject::invokeMethod(this, [this, generation, codes] { onDecoded(generation, codes); },
                                  Qt::QueuedConnection);
    });
}

void VideoFrameQrScanner::onDecoded(quint64 generation, const QStringList &codes)
{
    m_busy = false;
    if (generation != m_generation || !m_scanning)
        return; // stopped or restarted meanwhile: this frame belongs to an earlier scan
    emit frameDecoded(codes);
    const QString code = idCardCodeAmong(codes);
    if (!code.isEmpty()) {
        stop();
        qCInfo(lcFrameScanner).noquote() << "ID card code read from the camera:" << code.left(12) + QStringLiteral("…");
        emit codeFound(code);
        return;
    }
    for (const QString &other : codes) {
        if (other != m_lastOtherCode) {
            m_lastOtherCode = other;
            emit otherCodeSeen(other);
        }
    }
}

} // namespace bankid
