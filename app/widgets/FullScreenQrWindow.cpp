#include "FullScreenQrWindow.h"

#include "QrCodeWidget.h"

#include <QCloseEvent>
#include <QEvent>
#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QVBoxLayout>

namespace bankid {

FullScreenQrWindow::FullScreenQrWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_qr(new QrCodeWidget(this))
    , m_messageLabel(new QLabel(this))
    , m_hintLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("fullScreenQrWindow"));
    setAttribute(Qt::WA_DeleteOnClose, false);

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setTextFormat(Qt::PlainText);
    QFont large = m_messageLabel->font();
    large.setPointSizeF(large.pointSizeF() * 2.0); // relative to the user's font: readable from a distance
    m_messageLabel->setFont(large);

    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setAlignment(Qt::AlignCenter);
    m_hintLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_qr, 1);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_hintLabel);

    // Both keys close: Esc is what people try first, F11 toggles it as it was opened.
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::Key_F11)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &QWidget::close);
    }
    retranslateUi();
}

void FullScreenQrWindow::setContent(const QString &qrContent)
{
    m_qr->setContent(qrContent);
    m_qr->setVisible(!qrContent.isEmpty());
}

void FullScreenQrWindow::setMessage(const QString &rfaText)
{
    m_messageLabel->setText(rfaText);
    m_messageLabel->setAccessibleDescription(rfaText);
}

QrCodeWidget *FullScreenQrWindow::qrWidget() const
{
    return m_qr;
}

QString FullScreenQrWindow::message() const
{
    return m_messageLabel->text();
}

void FullScreenQrWindow::closeEvent(QCloseEvent *event)
{
    QWidget::closeEvent(event);
    if (event->isAccepted())
        emit closed();
}

void FullScreenQrWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FullScreenQrWindow::retranslateUi()
{
    setWindowTitle(tr("BankID QR code"));
    setAccessibleName(tr("Full-screen BankID QR code"));
    m_messageLabel->setAccessibleName(tr("Message"));
    m_hintLabel->setText(tr("Press Esc or F11 to close this view."));
    m_hintLabel->setAccessibleName(tr("How to close"));
}

} // namespace bankid
