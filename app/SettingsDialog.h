#pragma once

#include "ClientIdentity.h"
#include "ConnectionManager.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QScrollArea;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace bankid {

class AppSettings;
class PasswordStore;

/// The settings dialog: environment, RP certificate (with its details and expiry warning), endUserIp,
/// language, poll interval (never below the core's 2 s floor), auto-restarts, returnRisk and "Test connection".
///
/// The certificate location is a file or a pkcs11: URI of a key on a token (ClientIdentity::isTokenUri());
/// for a URI the second row is the certificate file (empty: read from the token) and the
/// password is the token's PIN. A setting the administrator locked (ManagedSettings) shows its value
/// read-only or disabled, its label says "(locked)", and its tooltip and accessible description give the
/// administrator's reason; a notice at the top says the same and lists locked settings not shown here.
///
/// Contract: nothing is saved until OK (accept()), which writes AppSettings, stores the password in the
/// keychain when "Remember" is checked (never anywhere else) and hands it to the ConnectionManager for
/// this run. "Test connection" tests the dialog's current, unsaved values through
/// ConnectionManager::testConnection(RpConfig); the simulator choice tests the running simulator.
///
/// \code
///   bankid::SettingsDialog dialog(&settings, &connections, this);
///   if (dialog.exec() == QDialog::Accepted)
///       connections.configure();
/// \endcode
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings *settings, ConnectionManager *connections, QWidget *parent = nullptr);
    /// Disconnects the certificate fields first: ~QWidget clears the focus, which emits editingFinished
    /// into reloadCertificate() after this dialog's members are gone.
    ~SettingsDialog() override;

    /// The profile the dialog's fields describe now.
    ConnectionManager::Profile profile() const;
    /// The identity loaded from the certificate fields (null when none or failed).
    const ClientIdentity &identity() const { return m_identity; }
    /// Warning days before expiry.
    static constexpr int ExpiryWarningDays = 30;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;
    /// A LayoutRequest (a longer text, a language switch) schedules growToFit().
    bool event(QEvent *event) override;
    /// The sections' LayoutRequest (a label got a longer text) schedules growToFit() too.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Grows the dialog to its contents' size hint (never shrinks it), bounded by the screen's available
    /// geometry; beyond that the sections scroll. So no wrapped text is cut when it gets longer.
    void growToFit();
    void scheduleGrowToFit();
    void retranslateUi();
    void updateEnabledFields();
    void reloadCertificate();
    void onTestConnection();
    void onConnectionTested(bool ok, const QString &report);
    void browseCertificate();
    void browseKey();
    void browseCa();
    /// Key/PIN rows for a file or a token location (texts depend on the certificate field).
    void updateCertificateRows();
    /// `text` with "(locked)" before its colon when the administrator locked `key`.
    QString fieldLabel(const QString &text, const QString &key) const;
    /// Makes the locked fields read-only/disabled (once, at construction).
    void applyLocks();
    /// The notice, tooltips and accessible descriptions of locked fields (in the current language).
    void retranslateLocks();
    bool isTokenLocation() const;

    AppSettings *m_settings;
    ConnectionManager *m_connections;
    PasswordStore *m_passwords;
    ClientIdentity m_identity;
    bool m_testing = false;
    bool m_growPending = false;
    QWidget *m_sections = nullptr;
    /// Widgets of locked settings (kept disabled whatever the environment), by the key they show.
    QList<QPair<QString, QWidget *>> m_lockedWidgets;
    QScrollArea *m_sectionsScrollArea = nullptr;

    QLabel *m_lockIconLabel;
    QLabel *m_lockedNoticeLabel;
    QGroupBox *m_connectionGroupBox;
    QLabel *m_environmentLabel;
    QComboBox *m_environmentComboBox;
    QLabel *m_urlLabel;
    QLineEdit *m_urlLineEdit;
    QLabel *m_caLabel;
    QLineEdit *m_caLineEdit;
    QPushButton *m_caBrowsePushButton;
    QGroupBox *m_certificateGroupBox;
    QLabel *m_certificateLabel;
    QLineEdit *m_certificateLineEdit;
    QPushButton *m_certificateBrowsePushButton;
    QLabel *m_keyLabel;
    QLineEdit *m_keyLineEdit;
    QPushButton *m_keyBrowsePushButton;
    QLabel *m_passwordLabel;
    QLineEdit *m_passwordLineEdit;
    QCheckBox *m_rememberCheckBox;
    QLabel *m_certificateDetailsLabel;
    QLabel *m_certificateWarningLabel;
    QGroupBox *m_orderGroupBox;
    QLabel *m_endUserIpLabel;
    QLineEdit *m_endUserIpLineEdit;
    QLabel *m_languageLabel;
    QComboBox *m_languageComboBox;
    QLabel *m_pollLabel;
    QSpinBox *m_pollSpinBox;
    QLabel *m_restartsLabel;
    QSpinBox *m_restartsSpinBox;
    QCheckBox *m_returnRiskCheckBox;
    QPushButton *m_testPushButton;
    QLabel *m_testResultLabel;
    QDialogButtonBox *m_buttonBox;
};

} // namespace bankid
