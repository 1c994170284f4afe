#include "AgeLimitChooser.h"

#include "AppSettings.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>

namespace bankid {

AgeLimitChooser::AgeLimitChooser(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_group(new QButtonGroup(this))
    , m_18RadioButton(new QRadioButton(this))
    , m_20RadioButton(new QRadioButton(this))
    , m_25RadioButton(new QRadioButton(this))
    , m_customRadioButton(new QRadioButton(this))
    , m_customSpinBox(new QSpinBox(this))
{
    setObjectName(QStringLiteral("ageLimitChooser"));
    m_label->setObjectName(QStringLiteral("ageLimitLabel"));
    m_18RadioButton->setObjectName(QStringLiteral("ageLimit18RadioButton"));
    m_20RadioButton->setObjectName(QStringLiteral("ageLimit20RadioButton"));
    m_25RadioButton->setObjectName(QStringLiteral("ageLimit25RadioButton"));
    m_customRadioButton->setObjectName(QStringLiteral("ageLimitCustomRadioButton"));
    m_customSpinBox->setObjectName(QStringLiteral("ageLimitCustomSpinBox"));
    m_group->addButton(m_18RadioButton, 18);
    m_group->addButton(m_20RadioButton, 20);
    m_group->addButton(m_25RadioButton, 25);
    m_group->addButton(m_customRadioButton, 0);
    m_customSpinBox->setRange(AppSettings::MinIdCardAgeLimit, AppSettings::MaxIdCardAgeLimit);
    m_customSpinBox->setValue(AppSettings::DefaultIdCardAgeLimit);
    m_label->setBuddy(m_18RadioButton);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_18RadioButton);
    layout->addWidget(m_20RadioButton);
    layout->addWidget(m_25RadioButton);
    layout->addWidget(m_customRadioButton);
    layout->addWidget(m_customSpinBox);
    layout->addStretch(1);

    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            onChanged();
    });
    connect(m_customSpinBox, &QSpinBox::valueChanged, this, &AgeLimitChooser::onChanged);
    setLimit(AppSettings::DefaultIdCardAgeLimit);
    retranslateUi();
}

int AgeLimitChooser::limit() const
{
    const int preset = m_group->checkedId();
    return preset > 0 ? preset : m_customSpinBox->value();
}

void AgeLimitChooser::setLimit(int years)
{
    m_settingLimit = true;
    years = qBound(AppSettings::MinIdCardAgeLimit, years, AppSettings::MaxIdCardAgeLimit);
    if (QAbstractButton *preset = m_group->button(years); preset && years > 0) {
        preset->setChecked(true);
    } else {
        m_customRadioButton->setChecked(true);
        m_customSpinBox->setValue(years);
    }
    m_customSpinBox->setEnabled(m_customRadioButton->isChecked());
    m_settingLimit = false;
}

void AgeLimitChooser::onChanged()
{
    m_customSpinBox->setEnabled(m_customRadioButton->isChecked());
    if (!m_settingLimit)
        emit limitChanged(limit());
}

void AgeLimitChooser::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AgeLimitChooser::retranslateUi()
{
    m_label->setText(tr("Age &limit:"));
    const QLocale locale;
    m_18RadioButton->setText(locale.toString(18));
    m_20RadioButton->setText(locale.toString(20));
    m_25RadioButton->setText(locale.toString(25));
    m_customRadioButton->setText(tr("C&ustom:"));
    m_18RadioButton->setAccessibleName(tr("Age limit 18 years"));
    m_20RadioButton->setAccessibleName(tr("Age limit 20 years"));
    m_25RadioButton->setAccessibleName(tr("Age limit 25 years"));
    m_customRadioButton->setAccessibleName(tr("Custom age limit"));
    m_customSpinBox->setAccessibleName(tr("Custom age limit in years"));
    m_customSpinBox->setSuffix(tr(" years"));
}

} // namespace bankid
