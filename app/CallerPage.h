#pragma once

#include "ApiTypes.h"
#include "StartMethod.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace bankid {

/// The "Identify a caller" task: /phone/auth or /phone/sign for a person on the phone.
///
/// Contract: the personal number is validated live (PersonalNumber::check; the rule's message is shown
/// under the field and set as its accessible description); Start is enabled only for a valid number and,
/// for phone sign, a non-empty text. startRequested() carries flow PhoneAuth or PhoneSign, the 12-digit
/// number, callInitiator and the optional text, with StartMethod::Phone.
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

    OrderRequest request() const;
    /// Whether Start is enabled (the inputs are complete and valid).
    bool canStart() const;

signals:
    void startRequested(const bankid::OrderRequest &request, bankid::StartMethod method);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateValidation();
    void emitStart();

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
};

} // namespace bankid
