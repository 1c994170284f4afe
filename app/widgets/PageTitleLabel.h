#pragma once

#include <QLabel>

namespace bankid {

/// A task page's title: bold, 1.6 times the font it would have had, so every task page heads the same way.
/// Its object name is "titleLabel" (tests and screenshots find it by that name).
class PageTitleLabel : public QLabel
{
    Q_OBJECT

public:
    explicit PageTitleLabel(QWidget *parent = nullptr);
};

} // namespace bankid
