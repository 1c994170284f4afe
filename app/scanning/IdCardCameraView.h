#pragma once

#include <QByteArray>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QPointer>
#include <QString>
#include <QVideoSink>
#include <QWidget>

class QCamera;
class QComboBox;
class QLabel;
class QPushButton;

namespace bankid {

class VideoFramePreview;
class VideoFrameQrScanner;

/// The webcam way into Verify ID card: a camera chooser (QMediaDevices), Start / Stop, a live preview and
/// a VideoFrameQrScanner reading the frames. The first ID card code read stops the camera (the preview keeps
/// the frame it was read from) and is emitted as codeFound(); Start reads the next one.
///
/// Contract:
/// - The camera runs only between startCamera() (the Start button) and stopCamera() / a code read / the
///   view being hidden (setActive(false): a page switch turns the camera and its light off).
/// - The preview and the scanner are fed by the same QVideoSink (videoSink()), the one the capture session
///   writes to; frames pushed into it by a test take exactly the camera's path.
/// - No camera, a camera that fails to start or disappears, and a permission refused are a sentence in
///   statusText() and on the preview, with what to use instead; nothing is thrown at the operator.
/// - The chosen camera is cameraId(); setCameraId() picks it when present (else the system default).
///
/// \code
///   auto *camera = new bankid::IdCardCameraView(this);
///   connect(camera, &bankid::IdCardCameraView::codeFound, this, &Page::verifyCode);
///   camera->startCamera();
/// \endcode
class IdCardCameraView : public QWidget
{
    Q_OBJECT

public:
    explicit IdCardCameraView(QWidget *parent = nullptr);
    ~IdCardCameraView() override;

    /// The sink the camera feeds; the preview and the scanner read it.
    QVideoSink *videoSink() { return &m_sink; }
    VideoFrameQrScanner *scanner() const { return m_scanner; }

    /// Starts the chosen camera and the scanner; without a camera only the scanner runs (so frames pushed
    /// into videoSink() are read) and statusText() says there is no camera.
    void startCamera();
    void stopCamera();
    /// True between startCamera() and stopCamera() / a code read.
    bool isScanning() const;
    /// True while a real camera is running.
    bool isCameraActive() const;
    /// false stops the camera (the page is left); true changes nothing by itself.
    void setActive(bool active);

    QByteArray cameraId() const;
    void setCameraId(const QByteArray &id);
    /// Number of cameras offered in the chooser.
    int cameraCount() const;
    /// What the view says now (no camera, problem, looking, code read).
    QString statusText() const;

signals:
    /// An ID card code was read; the camera has stopped.
    void codeFound(const QString &code);
    /// The operator started or stopped the camera (remembered by the page).
    void cameraSwitched(bool on);
    /// The operator chose another camera.
    void cameraChosen(const QByteArray &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State {
        Off,        ///< not scanning
        Looking,    ///< scanning (camera running, or frames from elsewhere)
        CodeRead,   ///< stopped after a code
        Problem,    ///< the camera failed: m_problem
    };

    void retranslateUi();
    void refreshCameras();
    void updateStatus();
    void onCodeFound(const QString &code);
    void onOtherCode();
    void onCameraError();
    void onStartStopClicked();

    QMediaDevices m_devices;
    QMediaCaptureSession m_session;
    QVideoSink m_sink;
    QPointer<QCamera> m_camera;
    VideoFrameQrScanner *m_scanner;
    State m_state = State::Off;
    QString m_problem;
    bool m_otherCodeSeen = false;

    QLabel *m_cameraLabel;
    QComboBox *m_cameraComboBox;
    QPushButton *m_startStopPushButton;
    VideoFramePreview *m_preview;
    QLabel *m_statusLabel;
};

} // namespace bankid
