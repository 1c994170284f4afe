#pragma once

#include <QWidget>

class QButtonGroup;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace bankid {

/// The age limit a holder must meet on the Verify ID card page: 18, 20 or 25 (the common Swedish limits:
/// alcohol in bars and shops, Systembolaget, some rentals) or a custom number of years in a spin box.
///
/// Contract: limit() is always in AppSettings::MinIdCardAgeLimit..MaxIdCardAgeLimit; setLimit() selects the
/// matching preset or Custom with the spin box at that value; limitChanged() is emitted on every change the
/// operator makes (not by setLimit()). The spin box is enabled only with Custom.
///
/// \code
///   auto *ages = new bankid::AgeLimitChooser(this);
///   ages->setLimit(settings->idCardAgeLimit());
///   connect(ages, &bankid::AgeLimitChooser::limitChanged, this, [settings](int years) { settings->setIdCardAgeLimit(years); });
/// \endcode
class AgeLimitChooser : public QWidget
{
    Q_OBJECT

public:
    explicit AgeLimitChooser(QWidget *parent = nullptr);

    int limit() const;
    void setLimit(int years);

signals:
    void limitChanged(int years);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onChanged();

    QLabel *m_label;
    QButtonGroup *m_group;
    QRadioButton *m_18RadioButton;
    QRadioButton *m_20RadioButton;
    QRadioButton *m_25RadioButton;
    QRadioButton *m_customRadioButton;
    QSpinBox *m_customSpinBox;
    bool m_settingLimit = false;
};

} // namespace bankid
