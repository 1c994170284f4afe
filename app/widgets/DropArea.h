#pragma once

#include <QFrame>
#include <QList>
#include <QUrl>

class QLabel;

namespace bankid {

/// A framed, labelled target for dragging files from a file manager. It accepts any drag that carries URLs
/// and hands the dropped URLs over unfiltered: the page that owns it decides what it can use (one local
/// file, a document and its receipt, ...) and says what it cannot.
///
/// Contract: dropped() is emitted once per drop with every URL of the drag (possibly remote or folders);
/// drags without URLs are refused (no drop cursor). The prompt is plain text and is also the accessible
/// description, so a screen reader says what to drop; the frame is highlighted only while a drag hovers.
///
/// \code
///   auto *area = new bankid::DropArea(this);
///   area->setPrompt(tr("Drop a document here"));
///   connect(area, &bankid::DropArea::dropped, this, &Page::onDropped);
/// \endcode
class DropArea : public QFrame
{
    Q_OBJECT

public:
    explicit DropArea(QWidget *parent = nullptr);

    void setPrompt(const QString &text);
    QString prompt() const;

signals:
    void dropped(const QList<QUrl> &urls);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setHovered(bool hovered);

    QLabel *m_promptLabel;
};

} // namespace bankid
