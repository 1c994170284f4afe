#include "VerifyIdCardPage.h"

#include "AgeCheck.h"
#include "AgeLimitChooser.h"
#include "AppSettings.h"
#include "AuditRecorder.h"
#include "ConnectionManager.h"
#include "DemoPhonePanel.h"
#include "IdCardCameraView.h"
#include "IdCardCode.h"
#include "IdCardEvidenceVerifier.h"
#include "IdCardScannerInput.h"
#include "ManagedSettings.h"
#include "OperatorMessages.h"
#include "OutcomeBadge.h"
#include "PersonalNumber.h"
#include "ProblemMarker.h"
#include "RpCall.h"
#include "RpClient.h"
#include "Simulator.h"
#include "VerifyReceiptPage.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

Q_LOGGING_CATEGORY(lcIdCardPage, "bankid.app.idcard")

namespace bankid {

namespace {

/// Seconds matter here (how fresh the identification is), and the ISO order reads the same in both languages.
QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

const QLatin1String AuthenticationPrefix("authentication ");

/// The translated title of IdCardEvidenceVerifier's check `name` ("authentication …" reuses the receipt
/// page's titles of the same EvidenceVerifier checks; they are grouped under the holder's identification).
QString evidenceCheckTitle(const QString &name)
{
    if (name.startsWith(AuthenticationPrefix))
        return VerifyReceiptPage::checkTitle(name.mid(AuthenticationPrefix.size()));
    struct Title {
        const char *name;
        const char *title;
    };
    static const Title titles[] = {
        {"verification xml", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "BankID's verification signature readable")},
        {"verification references", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "Verification data intact")},
        {"verification signature value", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "Verification signature genuine")},
        {"verification signing certificate", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "Verification signed by its certificate")},
        {"verification chain", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "Verification certificate chain")},
        {"verification content", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "Verification names this card")},
        {"holder matches", QT_TRANSLATE_NOOP("bankid::VerifyIdCardPage", "Holder matches the identification")},
    };
    for (const Title &title : titles) {
        if (name == QLatin1String(title.name))
            return QCoreApplication::translate("bankid::VerifyIdCardPage", title.title);
    }
    return name;
}

/// "199001011234" as it is written on Swedish documents: "19900101-1234".
QString withHyphen(const QString &personalNumber)
{
    return personalNumber.size() == 12 ? personalNumber.left(8) + QLatin1Char('-') + personalNumber.mid(8)
                                       : personalNumber;
}

/// The receipt page's words for a check's outcome and the table's headers: the same checks read the same.
QString receiptPageText(const char *text)
{
    return QCoreApplication::translate("bankid::VerifyReceiptPage", text);
}

QString outcomeText(VerificationCheck::Outcome outcome)
{
    switch (outcome) {
    case VerificationCheck::Outcome::Passed: return receiptPageText("✔ passed");
    case VerificationCheck::Outcome::Failed: return receiptPageText("✘ FAILED");
    case VerificationCheck::Outcome::NotRun: return receiptPageText("– not run");
    }
    return {};
}

QLabel *valueLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

VerifyIdCardPage::VerifyIdCardPage(AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_titleLabel(new QLabel(this))
    , m_introLabel(new QLabel(this))
    , m_scannerLabel(new QLabel(this))
    , m_scannerInput(new IdCardScannerInput(this))
    , m_verifyPushButton(new QPushButton(this))
    , m_demoScanPushButton(new QPushButton(this))
    , m_ageLimitChooser(new AgeLimitChooser(this))
    , m_cameraView(new IdCardCameraView(this))
    , m_messageLabel(new QLabel(this))
    , m_outcomeBadge(new OutcomeBadge(this))
    , m_resultWidget(new QWidget(this))
    , m_nameCaptionLabel(new QLabel(this))
    , m_nameLabel(valueLabel(this, "nameLabel"))
    , m_personalNumberCaptionLabel(new QLabel(this))
    , m_personalNumberLabel(valueLabel(this, "personalNumberLabel"))
    , m_revealPushButton(new QPushButton(this))
    , m_ageCaptionLabel(new QLabel(this))
    , m_ageLabel(valueLabel(this, "ageLabel"))
    , m_identifiedAtCaptionLabel(new QLabel(this))
    , m_identifiedAtLabel(valueLabel(this, "identifiedAtLabel"))
    , m_verifiedAtCaptionLabel(new QLabel(this))
    , m_verifiedAtLabel(valueLabel(this, "verifiedAtLabel"))
    , m_photoReminderLabel(new QLabel(this))
    , m_evidenceLabel(valueLabel(this, "evidenceLabel"))
    , m_evidenceToolButton(new QToolButton(this))
    , m_evidenceTreeWidget(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("verifyIdCardPage"));
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    m_introLabel->setObjectName(QStringLiteral("introLabel"));
    m_scannerLabel->setObjectName(QStringLiteral("scannerLabel"));
    m_scannerInput->setObjectName(QStringLiteral("scannerInput"));
    m_verifyPushButton->setObjectName(QStringLiteral("verifyPushButton"));
    m_demoScanPushButton->setObjectName(QStringLiteral("demoScanPushButton"));
    m_cameraView->setObjectName(QStringLiteral("cameraView"));
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_outcomeBadge->setObjectName(QStringLiteral("outcomeBadge"));
    m_resultWidget->setObjectName(QStringLiteral("resultWidget"));
    m_revealPushButton->setObjectName(QStringLiteral("revealPushButton"));
    m_photoReminderLabel->setObjectName(QStringLiteral("photoReminderLabel"));
    m_evidenceToolButton->setObjectName(QStringLiteral("evidenceToolButton"));
    m_evidenceTreeWidget->setObjectName(QStringLiteral("evidenceTreeWidget"));

    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_introLabel->setWordWrap(true);
    m_scannerLabel->setBuddy(m_scannerInput);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->hide();
    m_revealPushButton->setCheckable(true);
    m_photoReminderLabel->setWordWrap(true);
    m_evidenceLabel->setWordWrap(true);
    m_nameLabel->setFont([this] {
        QFont larger = font();
        larger.setPointSizeF(larger.pointSizeF() * 1.3);
        larger.setBold(true);
        return larger;
    }());
    QFont reminderFont = m_photoReminderLabel->font();
    reminderFont.setBold(true);
    m_photoReminderLabel->setFont(reminderFont);
    m_evidenceToolButton->setCheckable(true);
    m_evidenceToolButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_evidenceToolButton->setArrowType(Qt::RightArrow);
    // Two columns fit the result column; each check's technical detail is its expandable child row.
    m_evidenceTreeWidget->setColumnCount(2);
    m_evidenceTreeWidget->setRootIsDecorated(true);
    m_evidenceTreeWidget->setWordWrap(true);
    m_evidenceTreeWidget->header()->setStretchLastSection(false);
    m_evidenceTreeWidget->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_evidenceTreeWidget->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_evidenceTreeWidget->setMinimumHeight(m_evidenceTreeWidget->fontMetrics().lineSpacing() * 14);
    m_evidenceTreeWidget->hide();
    m_demoScanPushButton->hide();
    // The answer must read across the counter: twice the usual mark and heading.
    m_outcomeBadge->setEmphasis(2.0);
    m_ageLimitChooser->setLimit(m_settings->idCardAgeLimit());
    // An administrator who locks the age limit (a bar: 18, a shop selling alcohol: 20) means every check at
    // this desk uses it: the chooser is fixed, and says why.
    if (m_settings->isLocked(SettingKey::IdCardAgeLimit)) {
        m_ageLimitChooser->setEnabled(false);
        m_ageLimitChooser->setToolTip(m_settings->managed().lockedDescription());
    }
    m_cameraView->setCameraId(m_settings->idCardCamera());
    // The scanner input takes the focus whenever the page gets it (MainWindow::showTask focuses the page).
    setFocusProxy(m_scannerInput);

    auto *scannerRow = new QHBoxLayout;
    scannerRow->addWidget(m_scannerLabel);
    scannerRow->addWidget(m_scannerInput, 1);
    scannerRow->addWidget(m_verifyPushButton);
    auto *demoRow = new QHBoxLayout;
    demoRow->addWidget(m_demoScanPushButton);
    demoRow->addStretch(1);

    auto *personalNumberRow = new QHBoxLayout;
    personalNumberRow->setContentsMargins(0, 0, 0, 0);
    personalNumberRow->addWidget(m_personalNumberLabel);
    personalNumberRow->addWidget(m_revealPushButton);
    personalNumberRow->addStretch(1);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_nameCaptionLabel, m_nameLabel);
    form->addRow(m_personalNumberCaptionLabel, personalNumberRow);
    form->addRow(m_ageCaptionLabel, m_ageLabel);
    form->addRow(m_identifiedAtCaptionLabel, m_identifiedAtLabel);
    form->addRow(m_verifiedAtCaptionLabel, m_verifiedAtLabel);
    auto *resultLayout = new QVBoxLayout(m_resultWidget);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addLayout(form);
    resultLayout->addWidget(m_photoReminderLabel);
    resultLayout->addWidget(m_evidenceLabel);
    resultLayout->addWidget(m_evidenceToolButton);
    resultLayout->addWidget(m_evidenceTreeWidget);

    auto *resultColumn = new QVBoxLayout;
    resultColumn->addWidget(m_outcomeBadge);
    resultColumn->addWidget(m_messageLabel);
    resultColumn->addWidget(m_resultWidget);
    resultColumn->addStretch(1);
    // The camera column keeps its preview's size at the top; the result column takes the rest of the width.
    auto *cameraColumn = new QVBoxLayout;
    cameraColumn->addWidget(m_cameraView);
    cameraColumn->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(cameraColumn, 2);
    columns->addLayout(resultColumn, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_introLabel);
    layout->addLayout(scannerRow);
    layout->addLayout(demoRow);
    layout->addWidget(m_ageLimitChooser);
    layout->addLayout(columns, 1);

    setTabOrder(m_scannerInput, m_verifyPushButton);
    setTabOrder(m_verifyPushButton, m_demoScanPushButton);
    setTabOrder(m_demoScanPushButton, m_ageLimitChooser);

    connect(m_scannerInput, &IdCardScannerInput::codeEntered, this, &VerifyIdCardPage::submitCode);
    connect(m_verifyPushButton, &QPushButton::clicked, m_scannerInput, &IdCardScannerInput::submit);
    connect(m_demoScanPushButton, &QPushButton::clicked, this, &VerifyIdCardPage::scanFromDemoPhone);
    connect(m_cameraView, &IdCardCameraView::codeFound, this, &VerifyIdCardPage::submitCode);
    connect(m_cameraView, &IdCardCameraView::cameraSwitched, this, [this](bool on) {
        m_settings->setIdCardCameraOn(on);
    });
    connect(m_cameraView, &IdCardCameraView::cameraChosen, this, [this](const QByteArray &id) {
        m_settings->setIdCardCamera(id);
    });
    connect(m_ageLimitChooser, &AgeLimitChooser::limitChanged, this, [this](int years) {
        m_settings->setIdCardAgeLimit(years);
    });
    connect(m_revealPushButton, &QPushButton::toggled, this, &VerifyIdCardPage::refresh);
    // Esc takes the holder's details off the screen once they have gone (the input keeps the focus).
    auto *clearShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    clearShortcut->setObjectName(QStringLiteral("clearResultShortcut"));
    clearShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(clearShortcut, &QShortcut::activated, this, &VerifyIdCardPage::clearResult);
    connect(m_evidenceToolButton, &QToolButton::toggled, this, [this](bool open) {
        m_evidenceTreeWidget->setVisible(open);
        m_evidenceToolButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });

    retranslateUi();
}

VerifyIdCardPage::~VerifyIdCardPage()
{
    if (m_call)
        m_call->disconnect(this); // its answer has no page to go to (the window closes)
}

void VerifyIdCardPage::setConnection(ConnectionManager *connections)
{
    m_connections = connections;
}

void VerifyIdCardPage::setAuditRecorder(AuditRecorder *recorder)
{
    m_auditRecorder = recorder;
}

void VerifyIdCardPage::setDemoPhone(DemoPhonePanel *panel)
{
    m_demoPhone = panel;
    m_demoScanPushButton->setVisible(panel != nullptr);
}

void VerifyIdCardPage::submitCode(const QString &scanned)
{
    QString problem;
    const std::optional<IdCardCode> code = IdCardCode::parse(scanned, &problem);
    if (!code) {
        if (m_call)
            return; // a stray line while a request runs does not wipe out what is on screen
        ++m_generation;
        m_result.reset();
        m_evidence.reset();
        m_state = State::Refused;
        m_messageIsProblem = true;
        m_message = OperatorMessages::forNotIdCardCode(problem);
        qCInfo(lcIdCardPage).noquote() << "refused locally:" << problem;
        refresh();
        return;
    }
    if (m_call) {
        // A scanner that types the code twice, or a camera that reads it again: one request per code.
        if (code->text() != m_inFlightCode)
            setNotice(tr("Still verifying the previous card. Scan this one again when its result shows."));
        return;
    }
    if (m_sentCodes.contains(code->text())) {
        setNotice(code->text() == m_resultCode
                      ? tr("This QR code was just verified: its result is shown. For another check, ask the holder "
                           "to show the ID card again for a fresh code.")
                      : tr("This QR code was already sent to BankID, which accepts each code once. Ask the holder "
                           "to show the ID card again for a fresh code."));
        return;
    }
    RpClient *client = m_connections ? m_connections->client() : nullptr;
    if (!client) {
        m_state = State::Refused;
        m_messageIsProblem = true;
        m_message = tr("Not connected to BankID, so nothing was sent. Open Settings to fix the connection, then "
                       "scan a fresh code.");
        m_result.reset();
        refresh();
        return;
    }

    ++m_generation;
    m_sentCodes.insert(code->text());
    m_inFlightCode = code->text();
    m_requestAgeLimit = m_ageLimitChooser->limit();
    m_requestedAt = QDateTime::currentDateTimeUtc();
    m_result.reset();
    m_evidence.reset();
    m_message.clear();
    m_state = State::Verifying;
    m_revealPushButton->setChecked(false); // a new holder starts masked
    ++m_requestCount;
    qCInfo(lcIdCardPage).noquote() << "verifying ID card code" << code->loggable() << "age limit" << m_requestAgeLimit;
    RpCall *call = client->verifyIdCard(*code);
    m_call = call;
    connect(call, &RpCall::finished, this, [this, call] { onFinished(call); });
    refresh();
}

void VerifyIdCardPage::onFinished(RpCall *call)
{
    if (call != m_call)
        return;
    m_call = nullptr;
    m_resultCode = m_inFlightCode;
    m_inFlightCode.clear();
    if (call->ok()) {
        m_result = call->idCardVerification();
        m_state = State::Verified;
        m_messageIsProblem = false;
        m_message.clear();
        const bool meets = checkAge(m_result->user.age, m_requestAgeLimit) == AgeOutcome::Meets;
        qCInfo(lcIdCardPage).noquote() << "verified" << PersonalNumber::mask(m_result->user.personalNumber)
                                       << "age limit" << m_requestAgeLimit << (meets ? "met" : "not met");
        recordAudit(nullptr);
        checkEvidence();
    } else {
        const RpError error = call->error();
        m_result.reset();
        m_state = State::Refused;
        m_messageIsProblem = true;
        m_message = OperatorMessages::forIdCardError(error);
        qCInfo(lcIdCardPage).noquote() << "not verified:" << error.technicalMessage();
        recordAudit(&error);
    }
    refresh();
    // Ready for the next holder: the scanner's keys go to the input, wherever the operator clicked meanwhile.
    if (isVisible())
        m_scannerInput->setFocus();
    emit finished();
}

void VerifyIdCardPage::recordAudit(const RpError *error)
{
    if (!m_auditRecorder)
        return;
    AuditRecorder::IdCardRecord record;
    record.environment = m_connections ? deskEnvironmentName(m_connections->environment()) : QString();
    record.ageLimit = m_requestAgeLimit;
    record.requestedAt = m_requestedAt;
    if (error) {
        record.outcome = AuditEntry::Outcome::Error;
        record.detail = RpError::kindName(error->kind());
        if (!error->errorCode().isEmpty())
            record.detail += QLatin1Char(':') + error->errorCode();
        if (!error->details().isEmpty())
            record.detail += QStringLiteral(" (") + error->details() + QLatin1Char(')');
    } else {
        record.personalNumber = m_result->user.personalNumber;
        record.meetsAgeLimit = checkAge(m_result->user.age, m_requestAgeLimit) == AgeOutcome::Meets;
        record.outcome = record.meetsAgeLimit ? AuditEntry::Outcome::Complete : AuditEntry::Outcome::Failed;
        record.verificationId = m_result->verificationId;
        record.verifiedAt = m_result->verifiedAt;
        record.identifiedAt = m_result->identifiedAt;
    }
    m_auditRecorder->recordIdCardVerification(record);
}

void VerifyIdCardPage::checkEvidence()
{
    // The simulator signs with its own PKI (demo mode); BankID does not publish its signing roots, so
    // elsewhere the chain cannot pass and the summary says why.
    QList<QSslCertificate> roots;
    sim::Simulator *simulator = m_connections ? m_connections->simulator() : nullptr;
    if (simulator) {
        roots << simulator->signingRoot();
        m_rootsDescription = tr("Checked against the local simulator's signing root: not a BankID signature.");
    } else {
        m_rootsDescription = tr("BankID does not publish its signing roots, so the certificate chains are not "
                                "checked here; BankID's answer over the desk's verified connection is what counts.");
    }
    const quint64 generation = m_generation;
    const IdCardVerification verification = *m_result;
    auto report = std::make_shared<VerificationReport>();
    m_jobs.cancelAll();
    m_jobs.run([verification, roots, report](const std::atomic_bool &) {
        *report = IdCardEvidenceVerifier::verify(verification, roots);
    }, [this, generation, report] {
        if (generation != m_generation)
            return; // another result is shown by now
        m_evidence = *report;
        refreshEvidence();
        emit evidenceChecked();
    });
}

void VerifyIdCardPage::scanFromDemoPhone()
{
    if (!m_demoPhone)
        return;
    const QStringList decoded = m_demoPhone->scanIdCardCode();
    if (decoded.isEmpty()) {
        setNotice(tr("No readable QR code on the demo phone. Press “Show ID card” there first."));
        return;
    }
    const QString code = decoded.first();
    submitCode(code);
}

void VerifyIdCardPage::clearResult()
{
    ++m_generation;
    m_jobs.cancelAll();
    m_result.reset();
    m_evidence.reset();
    m_message.clear();
    m_resultCode.clear();
    if (!m_call)
        m_state = State::Waiting;
    refresh();
}

void VerifyIdCardPage::setNotice(const QString &notice)
{
    m_message = notice;
    m_messageIsProblem = false;
    refresh();
}

void VerifyIdCardPage::refresh()
{
    const QLocale locale;
    const int limit = m_requestAgeLimit;
    switch (m_state) {
    case State::Waiting:
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Waiting, tr("Waiting for a scan"),
                                   tr("Scan the QR code the holder shows in the BankID app (ID card)."));
        break;
    case State::Verifying:
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Waiting, tr("Verifying with BankID…"));
        break;
    case State::Verified: {
        const bool meets = checkAge(m_result->user.age, limit) == AgeOutcome::Meets;
        if (meets)
            m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Passed, tr("%1 OR OLDER").arg(locale.toString(limit)),
                                       tr("Genuine ID card. The holder is %n year(s) old: the age limit of %1 is met.",
                                          "", m_result->user.age)
                                           .arg(locale.toString(limit)));
        else
            m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Failed, tr("UNDER %1").arg(locale.toString(limit)),
                                       tr("Genuine ID card, but the holder is %n year(s) old: the age limit of %1 is "
                                          "NOT met.", "", m_result->user.age)
                                           .arg(locale.toString(limit)));
        break;
    }
    case State::Refused:
        m_outcomeBadge->setOutcome(OutcomeBadge::Outcome::Blocked, tr("Not verified"));
        break;
    }
    m_messageLabel->setText(m_message);
    m_messageLabel->setVisible(!m_message.isEmpty());
    ProblemMarker::mark(m_messageLabel, m_messageIsProblem && !m_message.isEmpty());

    // Its layout reparented the result's labels to it: they show and hide with it.
    m_resultWidget->setVisible(m_result.has_value());
    if (m_result) {
        const IdCardUser &user = m_result->user;
        m_nameLabel->setText(user.name.isEmpty() ? user.givenName + QLatin1Char(' ') + user.surname : user.name);
        m_personalNumberLabel->setText(m_revealPushButton->isChecked() ? withHyphen(user.personalNumber)
                                                                       : PersonalNumber::mask(user.personalNumber));
        m_ageLabel->setText(tr("%n year(s)", "", user.age));
        m_identifiedAtLabel->setText(timeText(m_result->identifiedAt));
        m_verifiedAtLabel->setText(timeText(m_result->verifiedAt));
    }
    m_revealPushButton->setText(m_revealPushButton->isChecked() ? tr("Hid&e") : tr("Sho&w"));
    m_revealPushButton->setAccessibleName(m_revealPushButton->isChecked() ? tr("Hide the personal number")
                                                                          : tr("Show the personal number"));
    m_verifyPushButton->setEnabled(true); // never blocks a scanner; submitCode() decides
    refreshEvidence();
}

void VerifyIdCardPage::refreshEvidence()
{
    m_evidenceTreeWidget->clear();
    if (!m_result) {
        m_evidenceLabel->clear();
        return;
    }
    if (!m_evidence) {
        m_evidenceLabel->setText(tr("Checking the signatures…"));
        return;
    }
    // Two groups: the holder's identification (EvidenceVerifier's checks) and BankID's verification signature.
    auto *identification = new QTreeWidgetItem(m_evidenceTreeWidget, {tr("The holder's identification in the app")});
    auto *verification = new QTreeWidgetItem(m_evidenceTreeWidget, {tr("BankID's verification of the card")});
    int failed = 0;
    for (const VerificationCheck &check : m_evidence->checks) {
        if (check.failed())
            ++failed;
        const QString title = evidenceCheckTitle(check.name);
        QTreeWidgetItem *group = check.name.startsWith(AuthenticationPrefix) ? identification : verification;
        auto *item = new QTreeWidgetItem(group, {title, outcomeText(check.outcome)});
        item->setData(0, Qt::UserRole, check.name);
        const QString technical = check.name + QStringLiteral(": ") + check.detail;
        for (int column = 0; column < 2; ++column)
            item->setToolTip(column, title + QLatin1Char('\n') + technical);
        if (!check.detail.isEmpty()) {
            auto *child = new QTreeWidgetItem(item, {technical});
            child->setFirstColumnSpanned(true);
            child->setToolTip(0, technical);
        }
        if (!check.passed()) {
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setFont(1, bold);
        }
    }
    for (QTreeWidgetItem *group : {identification, verification}) {
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        group->setExpanded(true);
    }
    const QLocale locale;
    const int total = int(m_evidence->checks.size());
    const QString summary = m_evidence->allPassed()
        ? tr("Signatures: all required checks passed (%1 checks).").arg(locale.toString(total))
        : tr("Signatures: %1 of %2 checks failed.").arg(locale.toString(failed), locale.toString(total));
    m_evidenceLabel->setText(summary + QLatin1Char(' ') + m_rootsDescription);
}

void VerifyIdCardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_settings->idCardCameraOn() && !m_cameraView->isScanning() && m_state != State::Verifying)
        m_cameraView->startCamera();
}

void VerifyIdCardPage::hideEvent(QHideEvent *event)
{
    m_cameraView->setActive(false); // the camera (and its light) is off while the page is not shown
    QWidget::hideEvent(event);
}

void VerifyIdCardPage::keyPressEvent(QKeyEvent *event)
{
    // A scanner typing while the focus is on a button of the page (the operator clicked one): the keys no
    // button takes land here and go to the scanner input, so the code is not lost.
    const QString text = event->text();
    if (!text.isEmpty() && text.at(0).isPrint() && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        m_scannerInput->setFocus();
        m_scannerInput->insert(text);
        return;
    }
    QWidget::keyPressEvent(event);
}

void VerifyIdCardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void VerifyIdCardPage::retranslateUi()
{
    m_titleLabel->setText(tr("Verify an ID card"));
    m_introLabel->setText(tr("The holder opens the ID card in the BankID app and shows its QR code. Scan it with "
                             "the handheld scanner or the camera, or paste it below: BankID says whether the card "
                             "is genuine, whose it is and how old the holder is."));
    m_scannerLabel->setText(tr("Scanned c&ode:"));
    m_scannerInput->setPlaceholderText(tr("Scan or paste the QR code (BANKIDF.…)"));
    m_scannerInput->setAccessibleName(tr("Scanned QR code"));
    // No mnemonic: Enter in the scanner input is the keyboard way (and the page has few letters left).
    m_verifyPushButton->setText(tr("Verify"));
    m_verifyPushButton->setAccessibleName(tr("Verify the scanned code"));
    m_demoScanPushButton->setText(tr("Scan from the demo &phone"));
    m_demoScanPushButton->setAccessibleName(tr("Scan the ID card QR code shown on the demo phone"));
    m_messageLabel->setAccessibleName(tr("Message"));
    m_nameCaptionLabel->setText(tr("Name:"));
    m_nameLabel->setAccessibleName(tr("Name"));
    m_personalNumberCaptionLabel->setText(tr("Personal number:"));
    m_personalNumberLabel->setAccessibleName(tr("Personal number"));
    m_ageCaptionLabel->setText(tr("Age:"));
    m_ageLabel->setAccessibleName(tr("Age"));
    m_identifiedAtCaptionLabel->setText(tr("Identified at:"));
    m_identifiedAtLabel->setAccessibleName(tr("When the holder identified in the BankID app"));
    m_verifiedAtCaptionLabel->setText(tr("Verified at:"));
    m_verifiedAtLabel->setAccessibleName(tr("When BankID verified the card"));
    m_photoReminderLabel->setText(tr("Compare the holder with the photo in their BankID app: BankID sends no photo."));
    m_evidenceToolButton->setText(tr("Si&gnature checks"));
    m_evidenceToolButton->setAccessibleName(tr("Show the signature checks"));
    m_evidenceTreeWidget->setHeaderLabels({receiptPageText("Check"), receiptPageText("Result")});
    m_evidenceTreeWidget->setAccessibleName(tr("Signature checks and their results"));
    refresh();
}

} // namespace bankid
