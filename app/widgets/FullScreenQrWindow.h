#pragma once

#include <QString>
#include <QWidget>

class QLabel;

namespace bankid {

class QrCodeWidget;

/// A large QR code and the current RFA text for a second screen (or the desk's own screen, full screen),
/// so the person can scan from a distance. Esc or F11 closes it; closing emits closed(). The window only
/// shows what it is given: the OrderView (through the main window) feeds it each QR refresh and RFA text.
///
/// \code
///   auto *window = new bankid::FullScreenQrWindow;
///   connect(orderView, &bankid::OrderView::qrContentShown, window, &bankid::FullScreenQrWindow::setContent);
///   window->showFullScreen();
/// \endcode
class FullScreenQrWindow : public QWidget
{
    Q_OBJECT

public:
    explicit FullScreenQrWindow(QWidget *parent = nullptr);

    void setContent(const QString &qrContent);
    void setMessage(const QString &rfaText);
    QrCodeWidget *qrWidget() const;
    QString message() const;

signals:
    void closed();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QrCodeWidget *m_qr = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_hintLabel = nullptr;
};

} // namespace bankid
