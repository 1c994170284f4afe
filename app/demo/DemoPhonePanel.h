#pragma once

#include "StartMethod.h"
#include "TestPerson.h"

#include <QPointer>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QToolButton;

namespace bankid::sim {
class Simulator;
}

namespace bankid {

class QrCodeWidget;

/// The demonstrator's simulated BankID app (simulator environment only): plays the person's phone against
/// the in-process Simulator so every hint code and error of a flow can be shown live. "Scan QR code"
/// grabs the QR widget as it is shown, decodes the pixels with QrImageDecoder (libzbar) and hands the
/// decoded text to Simulator::scan(), so a broken drawing fails the demo exactly as it would fail a phone.
///
/// Contract: the simulator and the QR widget are not owned (QPointer); every action appends the
/// simulator's answer to the panel's log and emits acted() with the same line. Buttons are enabled only
/// when they make sense for the current order and start method (setOrder); an action that still arrives
/// when the order is no longer pending (a stale click) is refused with a "refused" line and nothing is
/// sent to the simulator. Once the order is picked up and until it ends, the panel shows what the person
/// reads in the app (DemoPhoneSignerText). setCompact(true) hides the person list, the faults, the log and
/// the automatic switch, so the panel fits beside the desk on a small screen (toggle button at the top).
/// "Show ID card" plays the person's digital ID card: it mints a code for the selected test person
/// (Simulator::mintIdCardCode: valid once, for a short time) and shows it as a large QR code on the screen, so
/// the desk's screen decoder (scanIdCardCode()) and a real camera pointed at the screen both read it.
///
/// \code
///   auto *phone = new bankid::DemoPhonePanel(simulator, this);
///   phone->setQrSource(orderView->qrWidget());
///   phone->setOrder(session.orderRef(), session.autoStartToken(), bankid::StartMethod::QrCode);
/// \endcode
class DemoPhonePanel : public QWidget
{
    Q_OBJECT

public:
    DemoPhonePanel(bankid::sim::Simulator *simulator, QWidget *parent = nullptr);

    /// "Scan QR code" grabs this widget AS SHOWN, decodes it and calls simulator->scan(decoded).
    void setQrSource(QrCodeWidget *widget);
    /// The order the phone acts on; "" = none.
    void setOrder(const QString &orderRef, const QString &autoStartToken, bankid::StartMethod method);

    /// The log text (one line per action), for tests.
    QString logText() const;
    /// What the person reads in the app right now, as plain text; empty when nothing is shown.
    QString signerText() const;

    /// Adds a test person to the simulator and to the person list (e.g. one whose age is computed from
    /// today); false with `error` when the simulator refuses it.
    bool addPerson(const bankid::sim::TestPerson &person, QString *error = nullptr);
    /// Selects the test person with this number (when listed).
    void selectPerson(const QString &personalNumber);
    /// Mints a fresh ID card code for the selected person and shows it (see the class contract).
    void showIdCard();
    /// The ID card code shown now; empty when none.
    QString idCardCode() const;
    /// Decodes the ID card QR code AS SHOWN (its pixels, libzbar); empty when none is shown or readable.
    QStringList scanIdCardCode() const;

    /// Compact: only the order line, what the person reads and the actions are shown.
    void setCompact(bool compact);
    bool isCompact() const;

signals:
    void acted(const QString &description);
    /// The panel was switched to compact (narrow) or back; its minimumSizeHint() changed accordingly.
    void compactChanged(bool compact);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    QString selectedPerson() const;
    void report(const QString &line);
    /// True when the simulator still has m_orderRef pending; otherwise logs "<action>: refused ..." and
    /// refreshes the buttons from the simulator's state.
    bool orderStillPending(const QString &action);
    void refreshFromSimulator();
    void updateSignerText();
    /// Two columns of actions in the full panel, one in the compact (narrow) one.
    void arrangeActions(int columns);
    void onScan();
    void onIdCardToggled(bool show);
    void onOpen();
    void onConfirmCall();
    void onApprove();
    void onCancelInApp();
    void onWrongCode();
    void onDecline();
    void onAutomaticToggled(bool automatic);
    void onInjectFault();
    void onClearFaults();
    void onOrderChanged(const QString &orderRef, const QString &status, const QString &hintCode);

    QPointer<sim::Simulator> m_simulator;
    QPointer<QrCodeWidget> m_qrSource;
    QString m_orderRef;
    QString m_autoStartToken;
    StartMethod m_method = StartMethod::QrCode;
    QString m_status;
    QString m_hintCode;

    QGroupBox *m_phoneGroupBox = nullptr;
    QToolButton *m_compactToolButton = nullptr;
    QGridLayout *m_actionsGridLayout = nullptr;
    QLabel *m_signerTextLabel = nullptr;
    QTextBrowser *m_signerTextBrowser = nullptr;
    QLabel *m_personLabel = nullptr;
    QComboBox *m_personComboBox = nullptr;
    QLabel *m_orderLabel = nullptr;
    QPushButton *m_scanPushButton = nullptr;
    QPushButton *m_openPushButton = nullptr;
    QPushButton *m_confirmCallPushButton = nullptr;
    QPushButton *m_approvePushButton = nullptr;
    QPushButton *m_cancelInAppPushButton = nullptr;
    QPushButton *m_wrongCodePushButton = nullptr;
    QPushButton *m_declinePushButton = nullptr;
    QPushButton *m_idCardPushButton = nullptr;
    QLabel *m_idCardLabel = nullptr;
    QrCodeWidget *m_idCardQrWidget = nullptr;
    QList<sim::TestPerson> m_persons; ///< the list's persons: built-in, then added ones
    QCheckBox *m_automaticCheckBox = nullptr;
    QGroupBox *m_faultsGroupBox = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QComboBox *m_endpointComboBox = nullptr;
    QLabel *m_kindLabel = nullptr;
    QComboBox *m_kindComboBox = nullptr;
    QLabel *m_countLabel = nullptr;
    QSpinBox *m_countSpinBox = nullptr;
    QPushButton *m_injectPushButton = nullptr;
    QPushButton *m_clearFaultsPushButton = nullptr;
    QLabel *m_logLabel = nullptr;
    QPlainTextEdit *m_logPlainTextEdit = nullptr;
};

} // namespace bankid
