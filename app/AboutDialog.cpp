#include "AboutDialog.h"
#include "BankIdVersion.h"

#include "DeskOptions.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace bankid {

AboutDialog::AboutDialog(const QString &environmentName, QWidget *parent)
    : QDialog(parent)
    , m_environmentName(environmentName)
    , m_iconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_versionsLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    m_versionsLabel->setObjectName(QStringLiteral("versionsLabel"));
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));
    const int iconSide = fontMetrics().height() * 4;
    m_iconLabel->setPixmap(QIcon(QStringLiteral(":/bankid-desk/icons/bankid-desk.svg"))
                               .pixmap(QSize(iconSide, iconSide), devicePixelRatio()));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_versionsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_versionsLabel->setWordWrap(true);

    auto *textLayout = new QVBoxLayout;
    textLayout->addWidget(m_titleLabel);
    textLayout->addWidget(m_versionsLabel);
    textLayout->addStretch(1);
    auto *top = new QHBoxLayout;
    top->addWidget(m_iconLabel, 0, Qt::AlignTop);
    top->addLayout(textLayout, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_buttonBox);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

QString AboutDialog::versionsText() const
{
    return tr("BankID Desk %1\nQt %2 (built with %3)\n%4\nEnvironment: %5")
        .arg(QStringLiteral(BANKID_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)), m_environmentName);
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About BankID Desk"));
    m_titleLabel->setText(tr("BankID Desk"));
    m_versionsLabel->setText(DeskOptions::tasksDescription() + QStringLiteral("\n\n") + versionsText());
    m_versionsLabel->setAccessibleName(tr("Versions"));
    m_iconLabel->setAccessibleName(tr("BankID Desk icon"));
}

} // namespace bankid
