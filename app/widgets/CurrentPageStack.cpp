#include "CurrentPageStack.h"

namespace bankid {

CurrentPageStack::CurrentPageStack(QWidget *parent)
    : QStackedWidget(parent)
{
    connect(this, &QStackedWidget::currentChanged, this, [this] { updateGeometry(); });
}

bool CurrentPageStack::hasHeightForWidth() const
{
    const QWidget *page = currentWidget();
    return page && page->hasHeightForWidth();
}

int CurrentPageStack::heightForWidth(int width) const
{
    const QWidget *page = currentWidget();
    if (!page || !page->hasHeightForWidth())
        return -1;
    return std::max(page->heightForWidth(width), page->minimumSizeHint().height());
}

QSize CurrentPageStack::sizeHint() const
{
    const QWidget *page = currentWidget();
    return page ? page->sizeHint() : QStackedWidget::sizeHint();
}

QSize CurrentPageStack::minimumSizeHint() const
{
    const QWidget *page = currentWidget();
    return page ? page->minimumSizeHint() : QStackedWidget::minimumSizeHint();
}

} // namespace bankid
