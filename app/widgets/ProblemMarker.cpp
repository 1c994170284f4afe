#include "ProblemMarker.h"

#include <QLabel>

namespace bankid {

void ProblemMarker::mark(QLabel *label, bool problem)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (problem) {
        const bool dark = palette.color(QPalette::Window).lightness() < 128;
        palette.setColor(QPalette::WindowText, dark ? QColor(255, 120, 120) : QColor(170, 0, 0));
    }
    label->setPalette(palette);
}

} // namespace bankid
