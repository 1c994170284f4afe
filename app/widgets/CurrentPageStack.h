#pragma once

#include <QStackedWidget>

namespace bankid {

/// A QStackedWidget that sizes by the page shown only. QStackedLayout's height-for-width is the largest of
/// ALL its pages (Qt 6.4), so inside a scroll area a tall hidden page (Verify receipt's table, the result
/// view) made every page scroll on a small screen and pushed the order view's status panel and Cancel
/// button out of sight. Here the current page alone answers heightForWidth(), sizeHint() and
/// minimumSizeHint().
class CurrentPageStack : public QStackedWidget
{
    Q_OBJECT

public:
    explicit CurrentPageStack(QWidget *parent = nullptr);

    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};

} // namespace bankid
