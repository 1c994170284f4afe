#include "SettingsDialog.h"

#include "ProblemMarker.h"
#include "AppSettings.h"
#include "EndUserAddress.h"
#include "PasswordStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QPainter>
#include <QPainterPath>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <utility>

namespace bankid {

namespace {

// A line edit with a "Browse…" button beside it.
QHBoxLayout *withButton(QLineEdit *edit, QPushButton *button)
{
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(button);
    return row;
}

// A small padlock in the text colour (no lock glyph in the fonts a desk has, so it is drawn).
QPixmap padlock(const QWidget *widget)
{
    const int size = widget->fontMetrics().height();
    const qreal ratio = widget->devicePixelRatioF();
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor colour = widget->palette().color(QPalette::WindowText);
    painter.setPen(QPen(colour, qMax(1.5, size / 9.0)));
    const QRectF shackle(size * 0.3, size * 0.1, size * 0.4, size * 0.5);
    painter.drawArc(shackle, 0, 180 * 16);
    painter.drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), size * 0.45));
    painter.drawLine(QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), size * 0.45));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(size * 0.18, size * 0.45, size * 0.64, size * 0.5), size * 0.08, size * 0.08);
    return pixmap;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, ConnectionManager *connections, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_connections(connections)
    , m_passwords(new PasswordStore(this))
    , m_lockIconLabel(new QLabel(this))
    , m_lockedNoticeLabel(new QLabel(this))
    , m_connectionGroupBox(new QGroupBox(this))
    , m_environmentLabel(new QLabel(this))
    , m_environmentComboBox(new QComboBox(this))
    , m_urlLabel(new QLabel(this))
    , m_urlLineEdit(new QLineEdit(this))
    , m_caLabel(new QLabel(this))
    , m_caLineEdit(new QLineEdit(this))
    , m_caBrowsePushButton(new QPushButton(this))
    , m_certificateGroupBox(new QGroupBox(this))
    , m_certificateLabel(new QLabel(this))
    , m_certificateLineEdit(new QLineEdit(this))
    , m_certificateBrowsePushButton(new QPushButton(this))
    , m_keyLabel(new QLabel(this))
    , m_keyLineEdit(new QLineEdit(this))
    , m_keyBrowsePushButton(new QPushButton(this))
    , m_passwordLabel(new QLabel(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_rememberCheckBox(new QCheckBox(this))
    , m_certificateDetailsLabel(new QLabel(this))
    , m_certificateWarningLabel(new QLabel(this))
    , m_orderGroupBox(new QGroupBox(this))
    , m_endUserIpLabel(new QLabel(this))
    , m_endUserIpLineEdit(new QLineEdit(this))
    , m_languageLabel(new QLabel(this))
    , m_languageComboBox(new QComboBox(this))
    , m_pollLabel(new QLabel(this))
    , m_pollSpinBox(new QSpinBox(this))
    , m_restartsLabel(new QLabel(this))
    , m_restartsSpinBox(new QSpinBox(this))
    , m_returnRiskCheckBox(new QCheckBox(this))
    , m_testPushButton(new QPushButton(this))
    , m_testResultLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    m_lockedNoticeLabel->setObjectName(QStringLiteral("lockedNoticeLabel"));
    m_keyLabel->setObjectName(QStringLiteral("keyLabel"));
    m_passwordLabel->setObjectName(QStringLiteral("passwordLabel"));
    m_environmentComboBox->setObjectName(QStringLiteral("environmentComboBox"));
    m_urlLineEdit->setObjectName(QStringLiteral("urlLineEdit"));
    m_caLineEdit->setObjectName(QStringLiteral("caLineEdit"));
    m_caBrowsePushButton->setObjectName(QStringLiteral("caBrowsePushButton"));
    m_certificateLineEdit->setObjectName(QStringLiteral("certificateLineEdit"));
    m_certificateBrowsePushButton->setObjectName(QStringLiteral("certificateBrowsePushButton"));
    m_keyLineEdit->setObjectName(QStringLiteral("keyLineEdit"));
    m_keyBrowsePushButton->setObjectName(QStringLiteral("keyBrowsePushButton"));
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_rememberCheckBox->setObjectName(QStringLiteral("rememberCheckBox"));
    m_certificateDetailsLabel->setObjectName(QStringLiteral("certificateDetailsLabel"));
    m_certificateWarningLabel->setObjectName(QStringLiteral("certificateWarningLabel"));
    m_endUserIpLineEdit->setObjectName(QStringLiteral("endUserIpLineEdit"));
    m_languageComboBox->setObjectName(QStringLiteral("languageComboBox"));
    m_pollSpinBox->setObjectName(QStringLiteral("pollSpinBox"));
    m_restartsSpinBox->setObjectName(QStringLiteral("restartsSpinBox"));
    m_returnRiskCheckBox->setObjectName(QStringLiteral("returnRiskCheckBox"));
    m_testPushButton->setObjectName(QStringLiteral("testPushButton"));
    m_testResultLabel->setObjectName(QStringLiteral("testResultLabel"));
    m_buttonBox->setObjectName(QStringLiteral("buttonBox"));

    for (const DeskEnvironment environment : {DeskEnvironment::Simulator, DeskEnvironment::Test,
                                              DeskEnvironment::Production, DeskEnvironment::Custom})
        m_environmentComboBox->addItem(QString(), static_cast<int>(environment));
    m_languageComboBox->addItem(QString(), QString());
    m_languageComboBox->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageComboBox->addItem(QStringLiteral("Svenska"), QStringLiteral("sv"));
    m_pollSpinBox->setRange(AppSettings::MinPollIntervalSeconds, AppSettings::MaxPollIntervalSeconds);
    m_restartsSpinBox->setRange(0, AppSettings::MaxAutoRestarts);
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_rememberCheckBox->setVisible(PasswordStore::isAvailable());
    for (QLabel *label : {m_certificateDetailsLabel, m_certificateWarningLabel, m_testResultLabel, m_lockedNoticeLabel}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_environmentLabel->setBuddy(m_environmentComboBox);
    m_urlLabel->setBuddy(m_urlLineEdit);
    m_caLabel->setBuddy(m_caLineEdit);
    m_certificateLabel->setBuddy(m_certificateLineEdit);
    m_keyLabel->setBuddy(m_keyLineEdit);
    m_passwordLabel->setBuddy(m_passwordLineEdit);
    m_endUserIpLabel->setBuddy(m_endUserIpLineEdit);
    m_languageLabel->setBuddy(m_languageComboBox);
    m_pollLabel->setBuddy(m_pollSpinBox);
    m_restartsLabel->setBuddy(m_restartsSpinBox);

    auto *connectionForm = new QFormLayout(m_connectionGroupBox);
    connectionForm->addRow(m_environmentLabel, m_environmentComboBox);
    connectionForm->addRow(m_urlLabel, m_urlLineEdit);
    connectionForm->addRow(m_caLabel, withButton(m_caLineEdit, m_caBrowsePushButton));
    auto *certificateForm = new QFormLayout(m_certificateGroupBox);
    certificateForm->addRow(m_certificateLabel, withButton(m_certificateLineEdit, m_certificateBrowsePushButton));
    certificateForm->addRow(m_keyLabel, withButton(m_keyLineEdit, m_keyBrowsePushButton));
    certificateForm->addRow(m_passwordLabel, m_passwordLineEdit);
    certificateForm->addRow(QString(), m_rememberCheckBox);
    certificateForm->addRow(m_certificateDetailsLabel);
    certificateForm->addRow(m_certificateWarningLabel);
    auto *orderForm = new QFormLayout(m_orderGroupBox);
    orderForm->addRow(m_endUserIpLabel, m_endUserIpLineEdit);
    orderForm->addRow(m_languageLabel, m_languageComboBox);
    orderForm->addRow(m_pollLabel, m_pollSpinBox);
    orderForm->addRow(m_restartsLabel, m_restartsSpinBox);
    orderForm->addRow(QString(), m_returnRiskCheckBox);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testPushButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);

    // Long rows wrap below their label instead of widening the dialog past a small screen.
    for (QFormLayout *form : {connectionForm, certificateForm, orderForm})
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // The sections scroll when the screen is too small for them (1366x768 at 150 %); OK/Cancel stay in view.
    auto *sections = new QWidget;
    m_sections = sections;
    sections->installEventFilter(this);
    auto *sectionsLayout = new QVBoxLayout(sections);
    sectionsLayout->setContentsMargins(0, 0, 0, 0);
    auto *lockedRow = new QHBoxLayout;
    lockedRow->addWidget(m_lockIconLabel, 0, Qt::AlignTop);
    lockedRow->addWidget(m_lockedNoticeLabel, 1);
    sectionsLayout->addLayout(lockedRow);
    sectionsLayout->addWidget(m_connectionGroupBox);
    sectionsLayout->addWidget(m_certificateGroupBox);
    sectionsLayout->addWidget(m_orderGroupBox);
    sectionsLayout->addLayout(testRow);
    sectionsLayout->addStretch(1);
    auto *sectionsScrollArea = new QScrollArea(this);
    m_sectionsScrollArea = sectionsScrollArea;
    sectionsScrollArea->setObjectName(QStringLiteral("sectionsScrollArea"));
    sectionsScrollArea->setWidgetResizable(true);
    sectionsScrollArea->setFrameShape(QFrame::NoFrame);
    sectionsScrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    sectionsScrollArea->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    sectionsScrollArea->setWidget(sections);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(sectionsScrollArea, 1);
    layout->addWidget(m_buttonBox);
    setSizeGripEnabled(true);

    // Load the saved values (the command line's overrides are not settings and are not shown here).
    m_environmentComboBox->setCurrentIndex(m_environmentComboBox->findData(static_cast<int>(m_settings->environment())));
    m_urlLineEdit->setText(m_settings->customUrl());
    m_caLineEdit->setText(m_settings->customCaFile());
    m_certificateLineEdit->setText(m_settings->certificateFile());
    m_keyLineEdit->setText(m_settings->keyFile());
    m_rememberCheckBox->setChecked(m_settings->rememberPassword());
    m_endUserIpLineEdit->setText(m_settings->endUserIpOverride());
    m_languageComboBox->setCurrentIndex(qMax(0, m_languageComboBox->findData(m_settings->language())));
    m_pollSpinBox->setValue(m_settings->pollIntervalSeconds());
    m_restartsSpinBox->setValue(m_settings->autoRestarts());
    m_returnRiskCheckBox->setChecked(m_settings->returnRisk());
    // Show a path or URI from its start (QLineEdit::setText leaves the cursor, and the view, at the end).
    for (QLineEdit *edit : {m_urlLineEdit, m_caLineEdit, m_certificateLineEdit, m_keyLineEdit})
        edit->setCursorPosition(0);

    connect(m_environmentComboBox, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEnabledFields);
    connect(m_certificateLineEdit, &QLineEdit::editingFinished, this, &SettingsDialog::reloadCertificate);
    connect(m_certificateLineEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateCertificateRows);
    connect(m_keyLineEdit, &QLineEdit::editingFinished, this, &SettingsDialog::reloadCertificate);
    connect(m_passwordLineEdit, &QLineEdit::editingFinished, this, &SettingsDialog::reloadCertificate);
    connect(m_caBrowsePushButton, &QPushButton::clicked, this, &SettingsDialog::browseCa);
    connect(m_certificateBrowsePushButton, &QPushButton::clicked, this, &SettingsDialog::browseCertificate);
    connect(m_keyBrowsePushButton, &QPushButton::clicked, this, &SettingsDialog::browseKey);
    connect(m_testPushButton, &QPushButton::clicked, this, &SettingsDialog::onTestConnection);
    connect(m_connections, &ConnectionManager::connectionTested, this, &SettingsDialog::onConnectionTested);
    connect(m_buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    applyLocks();
    retranslateUi();
    updateEnabledFields();
    reloadCertificate();
    // A readable first width (about 70 characters), then as tall as the contents need.
    resize(fontMetrics().averageCharWidth() * 70, sizeHint().height()); // then growToFit() once laid out
}

SettingsDialog::~SettingsDialog()
{
    m_certificateLineEdit->disconnect(this);
    m_keyLineEdit->disconnect(this);
    m_passwordLineEdit->disconnect(this);
}

bool SettingsDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::Show)
        growToFit(); // laid out now: shown at the right size, not one event loop turn later
    else if (event->type() == QEvent::LayoutRequest)
        scheduleGrowToFit();
    return handled;
}

bool SettingsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_sections && event->type() == QEvent::LayoutRequest)
        scheduleGrowToFit();
    return QDialog::eventFilter(watched, event);
}

void SettingsDialog::scheduleGrowToFit()
{
    if (m_growPending)
        return;
    m_growPending = true;
    QTimer::singleShot(0, this, [this] {
        m_growPending = false;
        growToFit();
    });
}

void SettingsDialog::growToFit()
{
    // Never narrower than the sections in the current language (no horizontal scrolling, nothing cut at
    // the right edge, room for the vertical scrollbar).
    m_sectionsScrollArea->setMinimumWidth(m_sections->minimumSizeHint().width()
                                          + m_sectionsScrollArea->verticalScrollBar()->sizeHint().width());
    // The sections at the current width (wrapped labels get taller as the dialog gets narrower), plus
    // what is around them: the dialog's margins and OK/Cancel.
    const int sectionsWidth = m_sectionsScrollArea->viewport()->width();
    const int sectionsHeight = m_sections->hasHeightForWidth() ? m_sections->heightForWidth(sectionsWidth)
                                                               : m_sections->sizeHint().height();
    const int around = height() - m_sectionsScrollArea->height();
    QSize wanted = size().expandedTo(QSize(sizeHint().width(), sectionsHeight + around));
    if (const QScreen *shownOn = screen())
        wanted = wanted.boundedTo(shownOn->availableGeometry().size() - QSize(16, 40));
    if (wanted != size())
        resize(wanted);
}

ConnectionManager::Profile SettingsDialog::profile() const
{
    ConnectionManager::Profile profile;
    profile.environment = static_cast<DeskEnvironment>(m_environmentComboBox->currentData().toInt());
    profile.url = m_urlLineEdit->text().trimmed();
    profile.caFile = m_caLineEdit->text().trimmed();
    profile.certificateFile = m_certificateLineEdit->text().trimmed();
    profile.keyFile = m_keyLineEdit->text().trimmed();
    return profile;
}

void SettingsDialog::updateEnabledFields()
{
    const DeskEnvironment environment = profile().environment;
    const bool custom = environment == DeskEnvironment::Custom;
    for (QWidget *widget : {static_cast<QWidget *>(m_urlLabel), static_cast<QWidget *>(m_urlLineEdit),
                            static_cast<QWidget *>(m_caLabel), static_cast<QWidget *>(m_caLineEdit),
                            static_cast<QWidget *>(m_caBrowsePushButton)})
        widget->setEnabled(custom);
    for (const auto &[key, widget] : std::as_const(m_lockedWidgets)) {
        if (!qobject_cast<QLineEdit *>(widget) && !qobject_cast<QSpinBox *>(widget))
            widget->setEnabled(false);
    }
    // The simulator brings its own RP certificate.
    m_certificateGroupBox->setEnabled(environment != DeskEnvironment::Simulator);
    m_testResultLabel->clear();
}

void SettingsDialog::reloadCertificate()
{
    const ConnectionManager::Profile current = profile();
    m_certificateWarningLabel->clear();
    if (current.certificateFile.isEmpty()) {
        m_identity = ClientIdentity();
        m_certificateDetailsLabel->setText(tr("No RP certificate chosen (needed for BankID test, production and "
                                              "custom servers)."));
        m_certificateDetailsLabel->setAccessibleDescription(m_certificateDetailsLabel->text());
        return;
    }
    const bool token = isTokenLocation();
    if (token && m_passwordLineEdit->text().isEmpty()) {
        // No file to check: the token is only opened with its PIN (a wrong PIN counts against its retries).
        m_identity = ClientIdentity();
        ProblemMarker::mark(m_certificateDetailsLabel, false);
        m_certificateDetailsLabel->setText(current.keyFile.isEmpty()
                                               ? tr("Key on a token: enter its PIN to check it. The certificate is read "
                                                    "from the token.")
                                               : tr("Key on a token: enter its PIN to check it. The certificate is read "
                                                    "from %1.").arg(QDir::toNativeSeparators(current.keyFile)));
        m_certificateDetailsLabel->setAccessibleDescription(m_certificateDetailsLabel->text());
        return;
    }
    m_identity = ClientIdentity::load(current.certificateFile, m_passwordLineEdit->text().toUtf8(), current.keyFile);
    if (m_identity.isNull()) {
        const ClientIdentityError &error = m_identity.error();
        const bool needsPassword = error.kind() == ClientIdentityError::Kind::WrongPassword
            && m_passwordLineEdit->text().isEmpty();
        m_certificateDetailsLabel->setText(needsPassword ? tr("This certificate is protected: enter its password.")
                                                         : error.message());
        ProblemMarker::mark(m_certificateDetailsLabel, !needsPassword);
        m_certificateDetailsLabel->setAccessibleDescription(m_certificateDetailsLabel->text());
        return;
    }
    ProblemMarker::mark(m_certificateDetailsLabel, false);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 daysLeft = m_identity.daysLeft(now);
    m_certificateDetailsLabel->setText(tr("Subject: %1\nIssuer: %2\nValid until: %3 (%n day(s) left)", nullptr,
                                          static_cast<int>(qMax<qint64>(0, daysLeft)))
                                           .arg(m_identity.subject(), m_identity.issuer(),
                                                QLocale().toString(m_identity.expiry().toLocalTime(), QLocale::ShortFormat)));
    m_certificateDetailsLabel->setAccessibleDescription(m_certificateDetailsLabel->text());
    QString warning = m_identity.validityWarning(now);
    if (warning.isEmpty() && daysLeft < ExpiryWarningDays)
        warning = tr("The certificate expires in %n day(s): order a new one from your bank in time.", nullptr,
                     static_cast<int>(daysLeft));
    m_certificateWarningLabel->setText(warning);
    ProblemMarker::mark(m_certificateWarningLabel, !warning.isEmpty());
    m_certificateWarningLabel->setAccessibleDescription(warning);
}

void SettingsDialog::onTestConnection()
{
    const ConnectionManager::Profile current = profile();
    m_testResultLabel->setText(tr("Testing…"));
    ProblemMarker::mark(m_testResultLabel, false);
    if (current.environment == DeskEnvironment::Simulator) {
        if (!m_connections->simulator() || !m_connections->isReady()) {
            m_testResultLabel->setText(tr("The simulator starts when you save these settings; test it then."));
            return;
        }
        m_testing = true;
        m_testPushButton->setEnabled(false);
        m_connections->testConnection();
        return;
    }
    QString error;
    const auto config = m_connections->buildConfig(current, m_passwordLineEdit->text().toUtf8(), &error);
    if (!config) {
        m_testResultLabel->setText(error);
        ProblemMarker::mark(m_testResultLabel, true);
        return;
    }
    m_testing = true;
    m_testPushButton->setEnabled(false);
    m_connections->testConnection(*config);
}

void SettingsDialog::onConnectionTested(bool ok, const QString &report)
{
    if (!m_testing)
        return;
    m_testing = false;
    m_testPushButton->setEnabled(true);
    m_testResultLabel->setText(ok ? tr("OK: %1").arg(report) : tr("Failed: %1").arg(report));
    m_testResultLabel->setAccessibleDescription(m_testResultLabel->text());
    ProblemMarker::mark(m_testResultLabel, !ok);
}

void SettingsDialog::browseCertificate()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("RP certificate"), m_certificateLineEdit->text(),
        tr("Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)"));
    if (path.isEmpty())
        return;
    m_certificateLineEdit->setText(path);
    m_passwordLineEdit->clear();
    reloadCertificate();
}

void SettingsDialog::browseKey()
{
    const QString path = isTokenLocation()
        ? QFileDialog::getOpenFileName(this, tr("Certificate file"), m_keyLineEdit->text(),
                                       tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        : QFileDialog::getOpenFileName(this, tr("Private key"), m_keyLineEdit->text(),
                                       tr("PEM keys (*.pem *.key);;All files (*)"));
    if (path.isEmpty())
        return;
    m_keyLineEdit->setText(path);
    reloadCertificate();
}

void SettingsDialog::browseCa()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("CA certificate"), m_caLineEdit->text(),
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_caLineEdit->setText(path);
}

void SettingsDialog::accept()
{
    const ConnectionManager::Profile current = profile();
    const QString endUserIp = m_endUserIpLineEdit->text().trimmed();
    if (!endUserIp.isEmpty() && QHostAddress(endUserIp).isNull()) {
        m_endUserIpLineEdit->setFocus();
        m_testResultLabel->setText(tr("End-user IP: '%1' is not an IPv4 or IPv6 address.").arg(endUserIp));
        ProblemMarker::mark(m_testResultLabel, true);
        return;
    }
    m_settings->setEnvironment(current.environment);
    m_settings->setCustomUrl(current.url);
    m_settings->setCustomCaFile(current.caFile);
    m_settings->setCertificateFile(current.certificateFile);
    m_settings->setKeyFile(current.keyFile);
    const bool remember = PasswordStore::isAvailable() && m_rememberCheckBox->isChecked();
    const bool wasRemembered = m_settings->rememberPassword();
    m_settings->setRememberPassword(remember);
    m_settings->setEndUserIpOverride(endUserIp);
    m_settings->setLanguage(m_languageComboBox->currentData().toString());
    m_settings->setPollIntervalSeconds(m_pollSpinBox->value());
    m_settings->setAutoRestarts(m_restartsSpinBox->value());
    m_settings->setReturnRisk(m_returnRiskCheckBox->isChecked());
    m_settings->sync();

    const QByteArray password = m_passwordLineEdit->text().toUtf8();
    if (!current.certificateFile.isEmpty() && !password.isEmpty()) {
        m_connections->rememberPasswordForSession(current.certificateFile, password);
        // The keychain is the only place a password is ever stored; the store outlives this dialog.
        if (remember) {
            auto *store = new PasswordStore(m_connections);
            connect(store, &PasswordStore::writeFinished, store, &QObject::deleteLater);
            store->write(current.certificateFile, password);
        }
    }
    if (wasRemembered && !remember && !current.certificateFile.isEmpty()) {
        auto *store = new PasswordStore(m_connections);
        connect(store, &PasswordStore::removeFinished, store, &QObject::deleteLater);
        store->remove(current.certificateFile);
    }
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_connectionGroupBox->setTitle(tr("Connection"));
    m_environmentLabel->setText(fieldLabel(tr("&Environment:"), SettingKey::Environment));
    for (int row = 0; row < m_environmentComboBox->count(); ++row) {
        const auto environment = static_cast<DeskEnvironment>(m_environmentComboBox->itemData(row).toInt());
        m_environmentComboBox->setItemText(row, environment == DeskEnvironment::Custom
                                                    ? tr("Custom URL + CA file")
                                                    : ConnectionManager::environmentDisplayName(environment));
    }
    m_environmentComboBox->setAccessibleName(tr("Environment"));
    m_urlLabel->setText(fieldLabel(tr("Custom &URL:"), SettingKey::CustomUrl));
    m_urlLineEdit->setPlaceholderText(tr("https://host:port/rp/v6.0"));
    m_urlLineEdit->setAccessibleName(tr("Custom RP API base URL"));
    m_caLabel->setText(fieldLabel(tr("&CA file:"), SettingKey::CustomCaFile));
    m_caLineEdit->setAccessibleName(tr("CA certificate file of the custom server"));
    m_caBrowsePushButton->setText(tr("Bro&wse…"));
    m_caBrowsePushButton->setAccessibleName(tr("Choose the CA certificate file"));
    m_certificateGroupBox->setTitle(tr("RP certificate"));
    m_certificateLabel->setText(fieldLabel(tr("Certificate &file:"), SettingKey::CertificateFile));
    m_certificateLineEdit->setPlaceholderText(tr("PKCS#12 (.p12, .pfx), PEM, or a pkcs11: URI of a key on a token"));
    m_certificateLineEdit->setAccessibleName(tr("RP certificate file or token URI"));
    m_certificateBrowsePushButton->setText(tr("&Browse…"));
    m_certificateBrowsePushButton->setAccessibleName(tr("Choose the RP certificate file"));
    m_keyBrowsePushButton->setText(tr("Brow&se…"));
    updateCertificateRows();
    m_certificateDetailsLabel->setAccessibleName(tr("Certificate details"));
    m_certificateWarningLabel->setAccessibleName(tr("Certificate warning"));
    m_orderGroupBox->setTitle(tr("Orders"));
    m_endUserIpLabel->setText(fieldLabel(tr("End-user &IP:"), SettingKey::EndUserIp));
    m_endUserIpLineEdit->setPlaceholderText(tr("Detected: %1").arg(EndUserAddress::detect()));
    m_endUserIpLineEdit->setAccessibleName(tr("End-user IP address override"));
    m_endUserIpLineEdit->setAccessibleDescription(tr("Leave empty to use the detected address"));
    m_languageLabel->setText(fieldLabel(tr("&Language:"), SettingKey::Language));
    m_languageComboBox->setItemText(0, tr("System language"));
    m_languageComboBox->setAccessibleName(tr("Language"));
    m_pollLabel->setText(fieldLabel(tr("P&oll interval:"), SettingKey::PollInterval));
    m_pollSpinBox->setSuffix(tr(" s"));
    m_pollSpinBox->setAccessibleName(tr("Seconds between status checks"));
    m_restartsLabel->setText(fieldLabel(tr("&Automatic restarts:"), SettingKey::AutoRestarts));
    m_restartsSpinBox->setAccessibleName(tr("New QR codes after an unscanned one expired"));
    m_returnRiskCheckBox->setText(fieldLabel(tr("Ask BankID for its risk assess&ment (high risk blocks the order)"), SettingKey::ReturnRisk));
    m_returnRiskCheckBox->setAccessibleName(tr("Ask BankID for its risk assessment"));
    m_testPushButton->setText(tr("&Test connection"));
    m_testPushButton->setAccessibleName(tr("Test the connection with these settings"));
    m_testResultLabel->setAccessibleName(tr("Connection test result"));
    retranslateLocks();
    reloadCertificate();
}

bool SettingsDialog::isTokenLocation() const
{
    return ClientIdentity::isTokenUri(m_certificateLineEdit->text().trimmed());
}

void SettingsDialog::updateCertificateRows()
{
    if (isTokenLocation()) {
        m_keyLabel->setText(fieldLabel(tr("Certificate file (for a to&ken):"), SettingKey::KeyFile));
        m_keyLineEdit->setPlaceholderText(tr("Empty: the certificate is read from the token"));
        m_keyLineEdit->setAccessibleName(tr("Certificate file for the key on the token"));
        m_keyBrowsePushButton->setAccessibleName(tr("Choose the certificate file for the key on the token"));
        m_passwordLabel->setText(tr("&PIN:"));
        m_passwordLineEdit->setAccessibleName(tr("Token PIN"));
        m_passwordLineEdit->setPlaceholderText(tr("Asked when needed; never stored in plain text"));
        m_rememberCheckBox->setText(fieldLabel(tr("&Remember the PIN in the system keychain"), SettingKey::RememberPassword));
        m_rememberCheckBox->setAccessibleName(tr("Remember the PIN in the system keychain"));
    } else {
        m_keyLabel->setText(fieldLabel(tr("&Key file:"), SettingKey::KeyFile));
        m_keyLineEdit->setPlaceholderText(tr("Only for PEM certificates with a separate key"));
        m_keyLineEdit->setAccessibleName(tr("Private key file"));
        m_keyBrowsePushButton->setAccessibleName(tr("Choose the private key file"));
        m_passwordLabel->setText(tr("&Password:"));
        m_passwordLineEdit->setAccessibleName(tr("Certificate password"));
        m_passwordLineEdit->setPlaceholderText(tr("Asked when needed; never stored in plain text"));
        m_rememberCheckBox->setText(fieldLabel(tr("&Remember the password in the system keychain"),
                                               SettingKey::RememberPassword));
        m_rememberCheckBox->setAccessibleName(tr("Remember the password in the system keychain"));
    }
}

QString SettingsDialog::fieldLabel(const QString &text, const QString &key) const
{
    if (!m_settings->isLocked(key))
        return text;
    // "&Environment:" -> "&Environment (locked):"; a check box text has no colon.
    if (text.endsWith(QLatin1Char(':')))
        return tr("%1 (locked):", "a settings label whose value the administrator locked").arg(text.chopped(1));
    return tr("%1 (locked)", "a check box whose value the administrator locked").arg(text);
}

void SettingsDialog::applyLocks()
{
    const QList<QPair<QString, QList<QWidget *>>> fields{
        {SettingKey::Environment, {m_environmentComboBox}},
        {SettingKey::CustomUrl, {m_urlLineEdit}},
        {SettingKey::CustomCaFile, {m_caLineEdit, m_caBrowsePushButton}},
        {SettingKey::CertificateFile, {m_certificateLineEdit, m_certificateBrowsePushButton}},
        {SettingKey::KeyFile, {m_keyLineEdit, m_keyBrowsePushButton}},
        {SettingKey::RememberPassword, {m_rememberCheckBox}},
        {SettingKey::EndUserIp, {m_endUserIpLineEdit}},
        {SettingKey::Language, {m_languageComboBox}},
        {SettingKey::PollInterval, {m_pollSpinBox}},
        {SettingKey::AutoRestarts, {m_restartsSpinBox}},
        {SettingKey::ReturnRisk, {m_returnRiskCheckBox}},
    };
    for (const auto &[key, widgets] : fields) {
        if (!m_settings->isLocked(key))
            continue;
        for (QWidget *widget : widgets) {
            m_lockedWidgets.append({key, widget});
            // Text fields stay in the tab order (read-only), so the keyboard reaches them and their reason.
            if (auto *edit = qobject_cast<QLineEdit *>(widget))
                edit->setReadOnly(true);
            else if (auto *spin = qobject_cast<QSpinBox *>(widget))
                spin->setReadOnly(true);
            else
                widget->setEnabled(false);
            if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QSpinBox *>(widget)) {
                // Read-only fields on the window's background, so they do not look editable.
                QPalette palette = widget->palette();
                palette.setColor(QPalette::Base, palette.color(QPalette::Window));
                widget->setPalette(palette);
            }
        }
    }
    const bool anyLocks = m_settings->managed().hasLocks();
    m_lockIconLabel->setVisible(anyLocks);
    m_lockedNoticeLabel->setVisible(anyLocks);
}

void SettingsDialog::retranslateLocks()
{
    const ManagedSettings &managed = m_settings->managed();
    if (!managed.hasLocks())
        return;
    m_lockIconLabel->setPixmap(padlock(this));
    QStringList elsewhere; // locked settings this dialog does not show
    if (managed.isLocked(SettingKey::AuditLogFile))
        elsewhere << tr("the audit log file (%1)").arg(QDir::toNativeSeparators(m_settings->auditLogFile()));
    if (managed.isLocked(SettingKey::AllowedTasks))
        elsewhere << tr("the tasks this desk offers (%1)")
                         .arg(managed.value(SettingKey::AllowedTasks).toStringList().join(QStringLiteral(", ")));
    if (managed.isLocked(SettingKey::IdCardAgeLimit))
        elsewhere << tr("the ID card age limit (%1)").arg(m_settings->idCardAgeLimit());
    QString notice = tr("Settings marked (locked) are set by your administrator: %1").arg(managed.reason());
    if (!elsewhere.isEmpty())
        notice += QLatin1Char('\n') + tr("Also locked: %1.").arg(QLocale().createSeparatedList(elsewhere));
    m_lockedNoticeLabel->setText(notice);
    m_lockedNoticeLabel->setAccessibleName(tr("Locked settings"));
    m_lockedNoticeLabel->setAccessibleDescription(notice);
    for (const auto &[key, widget] : std::as_const(m_lockedWidgets)) {
        widget->setToolTip(managed.lockedDescription());
        widget->setAccessibleDescription(managed.lockedDescription());
    }
}

} // namespace bankid
