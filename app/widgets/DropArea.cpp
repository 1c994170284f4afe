#include "DropArea.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QVBoxLayout>

namespace bankid {

DropArea::DropArea(QWidget *parent)
    : QFrame(parent)
    , m_promptLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("dropArea"));
    m_promptLabel->setObjectName(QStringLiteral("dropPromptLabel"));
    setAcceptDrops(true);
    setFrameShape(QFrame::StyledPanel);
    setFrameShadow(QFrame::Sunken);
    setLineWidth(1);
    setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_promptLabel->setAlignment(Qt::AlignCenter);
    m_promptLabel->setWordWrap(true);
    m_promptLabel->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_promptLabel);
}

void DropArea::setPrompt(const QString &text)
{
    m_promptLabel->setText(text);
    setAccessibleName(text);
    setAccessibleDescription(text);
}

QString DropArea::prompt() const
{
    return m_promptLabel->text();
}

void DropArea::setHovered(bool hovered)
{
    // A thicker raised frame while a drag hovers: no colour needed to see the target.
    setFrameShadow(hovered ? QFrame::Raised : QFrame::Sunken);
    setLineWidth(hovered ? 3 : 1);
}

void DropArea::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData() || !event->mimeData()->hasUrls())
        return; // ignored: no drop cursor
    setHovered(true);
    event->acceptProposedAction();
}

void DropArea::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void DropArea::dragLeaveEvent(QDragLeaveEvent *event)
{
    setHovered(false);
    QFrame::dragLeaveEvent(event);
}

void DropArea::dropEvent(QDropEvent *event)
{
    setHovered(false);
    if (!event->mimeData() || !event->mimeData()->hasUrls())
        return;
    event->acceptProposedAction();
    emit dropped(event->mimeData()->urls());
}

} // namespace bankid
