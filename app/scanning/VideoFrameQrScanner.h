#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

class QVideoFrame;
class QVideoSink;

namespace bankid {

/// Reads the first BankID ID card QR code ("BANKIDF.…") out of a stream of video frames: the frames a
/// QVideoSink shows (a camera's, or a test's pushed with QVideoSink::setVideoFrame) are decoded with libzbar
/// (QrImageDecoder) on a worker thread.
///
/// Contract:
/// - setVideoSink(): frames arrive through the sink's videoFrameChanged; the sink is not owned.
/// - One frame at a time: a frame that arrives while another is decoded is dropped (droppedFrames()), so a
///   slow decoder never queues frames up behind a live camera. The frame is turned into a QImage on this
///   object's (the GUI) thread, because a camera frame may live in a GPU texture only the GUI's graphics
///   context may read; only the decoding runs on the worker.
/// - While scanning (start() until a code is taken or stop()), the first decoded text that starts with
///   IdCardCode::Prefix is emitted once as codeFound() and scanning stops; a QR code with other content is
///   reported by otherCodeSeen() (not again while the same content stays in view) and scanning
///   goes on. frameDecoded() follows
///   every decoded frame (tests wait on it).
/// - The destructor waits for a decode still running (a few milliseconds): no result reaches a destroyed
///   scanner.
///
/// \code
///   auto *scanner = new bankid::VideoFrameQrScanner(this);
///   scanner->setVideoSink(&sink);                      // the sink QMediaCaptureSession feeds
///   connect(scanner, &bankid::VideoFrameQrScanner::codeFound, this, &Page::verifyCode);
///   scanner->start();
/// \endcode
class VideoFrameQrScanner : public QObject
{
    Q_OBJECT

public:
    explicit VideoFrameQrScanner(QObject *parent = nullptr);
    ~VideoFrameQrScanner() override;

    void setVideoSink(QVideoSink *sink);
    QVideoSink *videoSink() const { return m_sink; }

    /// Starts looking for a code (again); a code found before is forgotten.
    void start();
    /// Stops looking: frames are ignored until start().
    void stop();
    bool isScanning() const { return m_scanning; }
    /// Frames that arrived while another was being decoded, since construction.
    int droppedFrames() const { return m_dropped; }
    /// Frames handed to the decoder, since construction.
    int decodedFrames() const { return m_decoded; }

    /// The decoder step, synchronously (what the worker runs): the ID card code among `texts`, or empty.
    static QString idCardCodeAmong(const QStringList &texts);

signals:
    /// The first ID card code seen since start(); scanning has stopped.
    void codeFound(const QString &code);
    /// A readable QR code that is not an ID card code (e.g. a web link).
    void otherCodeSeen(const QString &content);
    /// One frame was decoded; `codes` is every QR text found in it (empty: none).
    void frameDecoded(const QStringList &codes);

private:
    void onFrame(const QVideoFrame &frame);
    void onDecoded(quint64 generation, const QStringList &codes);

    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_sinkConnection;
    QThreadPool m_worker; ///< one thread: one decode at a time
    bool m_scanning = false;
    bool m_busy = false;
    quint64 m_generation = 0; ///< bumped by start() and stop(): a late result of an older scan is dropped
    int m_dropped = 0;
    int m_decoded = 0;
    QString m_lastOtherCode;
};

} // namespace bankid
