#pragma once

#include "StartMethod.h"

#include <QWidget>

class QRadioButton;

namespace bankid {

/// The "how does the person start BankID" choice the order pages share: "QR code on another device" (the
/// default) or "BankID on this device", as two radio buttons in one exclusive group.
///
/// Contract: the buttons keep the object names "qrRadioButton" and "sameDeviceRadioButton" (tests and
/// accessibility tools find them by name) and are ordinary focusable children, so a page puts them in its tab
/// chain with firstButton() / lastButton(). Texts follow the UI language (QEvent::LanguageChange).
///
///     m_startMethodChooser = new StartMethodChooser(Qt::Horizontal, this);
///     setTabOrder(m_textEdit, m_startMethodChooser->firstButton());
///     emit startRequested(request(), m_startMethodChooser->startMethod());
class StartMethodChooser : public QWidget
{
    Q_OBJECT

public:
    explicit StartMethodChooser(Qt::Orientation orientation, QWidget *parent = nullptr);

    StartMethod startMethod() const;
    void setStartMethod(StartMethod method);
    QRadioButton *firstButton() const { return m_qrRadioButton; }
    QRadioButton *lastButton() const { return m_sameDeviceRadioButton; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QRadioButton *m_qrRadioButton;
    QRadioButton *m_sameDeviceRadioButton;
};

} // namespace bankid
