#include "IdCardCameraView.h"

#include "ProblemMarker.h"
#include "VideoFramePreview.h"
#include "VideoFrameQrScanner.h"

#include <QCamera>
#include <QCameraDevice>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcCameraView, "bankid.app.camera")

namespace bankid {

IdCardCameraView::IdCardCameraView(QWidget *parent)
    : QWidget(parent)
    , m_scanner(new VideoFrameQrScanner(this))
    , m_cameraLabel(new QLabel(this))
    , m_cameraComboBox(new QComboBox(this))
    , m_startStopPushButton(new QPushButton(this))
    , m_preview(new VideoFramePreview(this))
    , m_statusLabel(new QLabel(this))
{
    m_cameraLabel->setObjectName(QStringLiteral("cameraLabel"));
    m_cameraComboBox->setObjectName(QStringLiteral("cameraComboBox"));
    m_startStopPushButton->setObjectName(QStringLiteral("cameraStartStopPushButton"));
    m_preview->setObjectName(QStringLiteral("cameraPreview"));
    m_statusLabel->setObjectName(QStringLiteral("cameraStatusLabel"));
    m_cameraLabel->setBuddy(m_cameraComboBox);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_cameraComboBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_cameraComboBox->setMinimumContentsLength(16);

    m_session.setVideoSink(&m_sink);
    m_scanner->setVideoSink(&m_sink);
    connect(&m_sink, &QVideoSink::videoFrameChanged, m_preview, [this](const QVideoFrame &frame) {
        // The preview stops with the scan: the frame a code was read from stays on screen.
        if (m_state == State::Looking)
            m_preview->setFrame(frame);
    });
    connect(m_scanner, &VideoFrameQrScanner::codeFound, this, &IdCardCameraView::onCodeFound);
    connect(m_scanner, &VideoFrameQrScanner::otherCodeSeen, this, &IdCardCameraView::onOtherCode);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &IdCardCameraView::refreshCameras);
    connect(m_startStopPushButton, &QPushButton::clicked, this, &IdCardCameraView::onStartStopClicked);
    connect(m_cameraComboBox, &QComboBox::activated, this, [this] {
        const bool wasRunning = isCameraActive();
        emit cameraChosen(cameraId());
        if (wasRunning) {
            stopCamera();
            startCamera();
        }
    });

    auto *chooserRow = new QHBoxLayout;
    chooserRow->addWidget(m_cameraLabel);
    chooserRow->addWidget(m_cameraComboBox, 1);
    chooserRow->addWidget(m_startStopPushButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(chooserRow);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_statusLabel);

    refreshCameras();
    retranslateUi();
}

IdCardCameraView::~IdCardCameraView()
{
    // The camera goes before the session and sink it writes to.
    m_session.setCamera(nullptr);
    delete m_camera;
}

void IdCardCameraView::refreshCameras()
{
    const QByteArray current = cameraId();
    m_cameraComboBox->clear();
    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    for (const QCameraDevice &camera : cameras)
        m_cameraComboBox->addItem(camera.description(), camera.id());
    if (!current.isEmpty())
        setCameraId(current);
    else if (const QCameraDevice fallback = QMediaDevices::defaultVideoInput(); !fallback.isNull())
        setCameraId(fallback.id());
    m_cameraComboBox->setEnabled(!cameras.isEmpty());
    // A running camera that was unplugged: say so rather than show a frozen picture.
    if (m_camera) {
        bool present = false;
        for (const QCameraDevice &camera : cameras)
            present = present || camera.id() == m_camera->cameraDevice().id();
        if (!present) {
            stopCamera();
            m_state = State::Problem;
            m_problem = tr("The camera was disconnected.");
        }
    }
    updateStatus();
}

int IdCardCameraView::cameraCount() const
{
    return m_cameraComboBox->count();
}

QByteArray IdCardCameraView::cameraId() const
{
    return m_cameraComboBox->currentData().toByteArray();
}

void IdCardCameraView::setCameraId(const QByteArray &id)
{
    const int index = m_cameraComboBox->findData(id);
    if (index >= 0)
        m_cameraComboBox->setCurrentIndex(index);
}

void IdCardCameraView::startCamera()
{
    stopCamera();
    m_problem.clear();
    m_otherCodeSeen = false;
    m_preview->clearFrame();
    m_state = State::Looking;
    m_scanner->start();
    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    QCameraDevice device;
    for (const QCameraDevice &camera : cameras) {
        if (camera.id() == cameraId())
            device = camera;
    }
    if (!device.isNull()) {
        m_camera = new QCamera(device, this);
        connect(m_camera, &QCamera::errorOccurred, this, &IdCardCameraView::onCameraError);
        connect(m_camera, &QCamera::activeChanged, this, &IdCardCameraView::updateStatus);
        m_session.setCamera(m_camera);
        m_camera->start();
        qCInfo(lcCameraView).noquote() << "camera started:" << device.description();
    }
    updateStatus();
}

void IdCardCameraView::stopCamera()
{
    m_scanner->stop();
    if (m_camera) {
        m_session.setCamera(nullptr);
        m_camera->stop();
        m_camera->deleteLater();
        m_camera = nullptr;
        qCInfo(lcCameraView) << "camera stopped";
    }
    if (m_state == State::Looking)
        m_state = State::Off;
    updateStatus();
}

bool IdCardCameraView::isScanning() const
{
    return m_scanner->isScanning();
}

bool IdCardCameraView::isCameraActive() const
{
    return m_camera && m_camera->isActive();
}

void IdCardCameraView::setActive(bool active)
{
    if (!active && (m_camera || m_scanner->isScanning()))
        stopCamera();
}

void IdCardCameraView::onStartStopClicked()
{
    const bool start = !isScanning();
    if (start)
        startCamera();
    else
        stopCamera();
    emit cameraSwitched(start);
}

void IdCardCameraView::onCodeFound(const QString &code)
{
    m_state = State::CodeRead;
    stopCamera();
    emit codeFound(code);
}

void IdCardCameraView::onOtherCode()
{
    m_otherCodeSeen = true;
    updateStatus();
}

void IdCardCameraView::onCameraError()
{
    if (!m_camera || m_camera->error() == QCamera::NoError)
        return;
    const QString detail = m_camera->errorString();
    qCWarning(lcCameraView).noquote() << "camera error:" << detail;
    stopCamera();
    m_state = State::Problem;
    m_problem = tr("The camera could not be used (%1). Another program may be using it, or this user may not "
                   "use cameras (on Linux: the “video” group). Use a handheld scanner or paste the code into “Scanned code”.")
                    .arg(detail);
    updateStatus();
}

QString IdCardCameraView::statusText() const
{
    return m_statusLabel->text();
}

void IdCardCameraView::updateStatus()
{
    const bool noCamera = m_cameraComboBox->count() == 0;
    QString status;
    QString placeholder;
    switch (m_state) {
    case State::Off:
        status = noCamera ? tr("No camera found. Connect a webcam, or use a handheld scanner or paste the code into “Scanned code”.")
                          : tr("The camera is off. Start it to read the QR code on the holder's phone.");
        placeholder = noCamera ? tr("No camera") : tr("Camera off");
        break;
    case State::Looking:
        if (noCamera) {
            status = tr("No camera found. Connect a webcam, or use a handheld scanner or paste the code into “Scanned code”.");
            placeholder = tr("No camera");
        } else {
            status = m_otherCodeSeen
                ? tr("That QR code is not a BankID ID card. Ask the holder to open the ID card in the BankID app.")
                : tr("Looking for the ID card's QR code: hold the phone in front of the camera.");
            placeholder = tr("Starting the camera…");
        }
        break;
    case State::CodeRead:
        status = tr("QR code read. The camera has stopped; start it again for the next card.");
        placeholder = tr("QR code read");
        break;
    case State::Problem:
        status = m_problem;
        placeholder = tr("Camera problem");
        break;
    }
    m_statusLabel->setText(status);
    ProblemMarker::mark(m_statusLabel, m_state == State::Problem || (m_state == State::Looking && m_otherCodeSeen));
    m_preview->setPlaceholderText(placeholder);
    m_startStopPushButton->setText(isScanning() ? tr("&Stop camera") : tr("&Start camera"));
    m_startStopPushButton->setAccessibleName(isScanning() ? tr("Stop the camera") : tr("Start the camera"));
}

void IdCardCameraView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void IdCardCameraView::retranslateUi()
{
    m_cameraLabel->setText(tr("Came&ra:"));
    m_cameraComboBox->setAccessibleName(tr("Camera"));
    m_preview->setAccessibleName(tr("Camera picture"));
    m_statusLabel->setAccessibleName(tr("Camera status"));
    updateStatus();
}

} // namespace bankid
