#include "IdCardScannerInput.h"

#include "IdCardCode.h"

#include <QRegularExpression>

namespace bankid {

IdCardScannerInput::IdCardScannerInput(QWidget *parent)
    : QLineEdit(parent)
{
    setMaxLength(IdCardCode::MaxLength + 16);
    setClearButtonEnabled(true);
    // Monospace: the operator can compare a pasted code with what the phone shows.
    QFont mono = font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    setFont(mono);
    // The scanner's Enter (Key_Return or keypad Key_Enter) arrives as returnPressed.
    connect(this, &QLineEdit::returnPressed, this, &IdCardScannerInput::submit);
    connect(this, &QLineEdit::textEdited, this, &IdCardScannerInput::onTextEdited);
}

void IdCardScannerInput::submit()
{
    const QString code = text().trimmed();
    clear();
    if (!code.isEmpty())
        emit codeEntered(code);
}

void IdCardScannerInput::onTextEdited(const QString &text)
{
    // QLineEdit keeps line breaks from a paste; treat the first as the scanner's Enter.
    const qsizetype lineBreak = text.indexOf(QRegularExpression(QStringLiteral("[\\r\\n\\x{2029}]")));
    if (lineBreak < 0)
        return;
    setText(text.left(lineBreak));
    submit();
}

} // namespace bankid
