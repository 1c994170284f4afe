#include "StartBlockedLabel.h"

namespace bankid {

StartBlockedLabel::StartBlockedLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("startBlockedLabel"));
    setWordWrap(true);
    hide();
}

void StartBlockedLabel::showReason(bool allowed, const QString &reason, QWidget *startButton)
{
    const QString shown = allowed ? QString() : reason;
    setText(shown);
    setVisible(!shown.isEmpty());
    startButton->setToolTip(shown);
}

} // namespace bankid
