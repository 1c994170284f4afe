#pragma once

#include "ApiTypes.h"
#include "StartMethod.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace bankid {

class StartBlockedLabel;

/// The "Identify a caller" task: /phone/auth or /phone/sign for a person on the phone.
///
/// Contract: the personal number is accepted in its 12-digit forms and in the 10-digit forms people say
/// aloud (YYMMDD-NNNN, YYMMDDNNNN, YYMMDD+NNNN; PersonalNumber::expandedDigits with today's date), and the
/// 12-digit result is shown under the field once valid. Problems are shown (marked, and as the field's
/// accessible description) only when the input is complete (12 digits, a 10-digit form with its separator,
/// or a character no number has) or the operator left the field: never on an empty field, never while the
/// digits are still being typed. Start is enabled only for a valid number and, for phone sign, a non-empty
/// text, and while setStartAllowed() allows it. startRequested() carries flow PhoneAuth or PhoneSign, the
/// 12-digit number, callInitiator and the optional text, with StartMethod::Phone.
///
/// \code
///   auto *page = new bankid::CallerPage;
///   connect(page, &bankid::CallerPage::startRequested, window, &MainWindow::startOrder);
/// \endcode
class CallerPage : public QWidget
{
    Q_OBJECT

public:
    explicit CallerPage(QWidget *parent = nullptr);
    /// Disconnects the number field first: ~QWidget clears its focus, which emits editingFinished into
    /// this page after its members are gone.
    ~CallerPage() override;

    OrderRequest request() const;
    /// Whether Start is enabled (the inputs are complete and valid, and starting is allowed).
    bool canStart() const;
    /// Allows or blocks starting (e.g. while the connection is unusable): when blocked, Start is disabled
    /// and \a reason is its tooltip and shown beside it. The MainWindow calls this.
    Q_INVOKABLE void setStartAllowed(bool allowed, const QString &reason);

signals:
    void startRequested(const bankid::OrderRequest &request, bankid::StartMethod method);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateValidation();
    void emitStart();
    /// The 12-digit number of the current input ("" when it is no accepted form), using today's date.
    QString expandedNumber() const;
    /// Whether the input cannot become valid by typing more: complete forms or a foreign character.
    bool inputComplete() const;

    QLabel *m_titleLabel;
    QLabel *m_personalNumberLabel;
    QLineEdit *m_personalNumberLineEdit;
    QLabel *m_validationLabel;
    QLabel *m_initiatorLabel;
    QRadioButton *m_userCalledRadioButton;
    QRadioButton *m_rpCalledRadioButton;
    QLabel *m_actionLabel;
    QRadioButton *m_identifyRadioButton;
    QRadioButton *m_signRadioButton;
    QLabel *m_textLabel;
    QLineEdit *m_textLineEdit;
    QPushButton *m_startPushButton;
    StartBlockedLabel *m_startBlockedLabel;
    bool m_startAllowed = true;
    /// Set when the operator left the field (or pressed Enter) with input; cleared when they type again.
    bool m_leftNumberField = false;
};

} // namespace bankid
