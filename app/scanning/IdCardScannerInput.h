#pragma once

#include <QLineEdit>

namespace bankid {

/// The input a handheld 2D scanner types into ("keyboard wedge": the QR content as key strokes, then Enter)
/// and the operator pastes into. Enter hands the text over as codeEntered() and empties the input at once,
/// so the next scan starts clean.
///
/// Contract:
/// - Never disabled or read-only while shown: a scanner does not wait, and key strokes that reach a
///   disabled input are lost. Whether a code may be sent is the page's decision, not the input's.
/// - A pasted text with a line break (a copied line, a scanner that ends with LF) submits the part before
///   the first break, as Enter would; the rest is dropped.
/// - Leading and trailing spaces are trimmed before codeEntered(); an empty input emits nothing.
/// - Room for the longest code (maxLength() = IdCardCode::MaxLength + 16): a longer paste is cut by QLineEdit
///   and then refused by the page's validation, never silently accepted.
///
/// \code
///   auto *input = new bankid::IdCardScannerInput(this);
///   connect(input, &bankid::IdCardScannerInput::codeEntered, this, &Page::verifyCode);
///   input->setFocus();
/// \endcode
class IdCardScannerInput : public QLineEdit
{
    Q_OBJECT

public:
    explicit IdCardScannerInput(QWidget *parent = nullptr);

    /// Submits the current text as Enter does.
    void submit();

signals:
    /// A scan (or paste) was completed; `text` is trimmed and not empty.
    void codeEntered(const QString &text);

private:
    void onTextEdited(const QString &text);
};

} // namespace bankid
