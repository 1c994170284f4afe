#include "PageTitleLabel.h"

namespace bankid {

PageTitleLabel::PageTitleLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    setFont(titleFont);
}

} // namespace bankid
