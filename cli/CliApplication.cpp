#include "CliApplication.h"

#include "AuditCommand.h"
#include "DocumentSignRequest.h"
#include "EndUserAddress.h"
#include "EvidenceRoots.h"
#include "IdCardEvidenceVerifier.h"
#include "LaunchUrl.h"
#include "PlatformTerminal.h"
#include "QrContent.h"
#include "QrMatrix.h"
#include "Receipt.h"
#include "RpCall.h"
#include "RpClient.h"
#include "RpConfig.h"
#include "RpError.h"
#include "SignFileCommand.h"
#include "Simulator.h"
#include "TerminalQr.h"
#include "TerminalSafeText.h"
#include "Translations.h"
#include "UserMessages.h"
#include "VerifyIdCardCommand.h"
#include "VerifyReceiptCommand.h"
#include "VerifySignatureCommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace bankid {

namespace {

// Writes every byte (fwrite, not fputs: a NUL must never end the output early). What is written is either
// this program's own text or outside text already made safe with TerminalSafeText.
void writeOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

// Indented JSON of `object` for --json output; its strings come from outside, so it goes through
// TerminalSafeText::lines(), which keeps it valid JSON with the same value.
QString jsonText(const QJsonObject &object)
{
    return TerminalSafeText::lines(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

// The output of a command (audit, verify, ...): human text or JSON that quotes files, certificates and
// receipts, none of which may drive the terminal.
void writeCommandOutput(const QString &output)
{
    writeOut(TerminalSafeText::lines(output));
}

// How an RpError decides the process' exit code: a refusal before sending or a broken setup is a
// configuration error (2); TLS, network and unreadable answers are "nothing was decided" (3);
// an answer of BankID's about the order itself is a failed order (1).
// finish() waits for the calls in flight at most a request's deadline plus this: the deadline is RpCall's own
// bound, the margin lets its failure arrive and be handled before the CLI gives up on it.
constexpr int IdleWaitMarginMs = 2000;

// The one sentence for an order BankID rates as high risk or blocked (OrderFailure::isRiskBlocked()).
QString riskBlockedSentence()
{
    return CliApplication::tr("BankID rates this order as high risk: it is blocked. Do not trust it.");
}

// A single /collect (the collect command, which runs no OrderSession) says the order is blocked for risk: a
// complete with risk "high" or a failed transactionRiskBlocked, as OrderSession decides for a whole order.
bool collectIsRiskBlocked(const CollectResponse &response)
{
    if (response.status == CollectStatus::Complete)
        return response.completion && response.completion->risk == QLatin1String("high");
    return response.status == CollectStatus::Failed && response.hintCode == QLatin1String("transactionRiskBlocked");
}

ExitCode exitCodeFor(const RpError &error)
{
    switch (error.kind()) {
    case RpError::Kind::None:
        return ExitCode::Complete;
    case RpError::Kind::Validation:
    case RpError::Kind::Configuration:
        return ExitCode::Usage;
    case RpError::Kind::Api:
    case RpError::Kind::Cancelled:
        return ExitCode::OrderFailed;
    case RpError::Kind::InvalidResponse:
    case RpError::Kind::Timeout:
    case RpError::Kind::Connection:
    case RpError::Kind::ServerCertificateUntrusted:
    case RpError::Kind::ClientCertificateRejected:
    case RpError::Kind::Tls:
        return ExitCode::Network;
    }
    return ExitCode::Network;
}

} // namespace

CliApplication::CliApplication(const CliOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_terminal(!options.json && PlatformTerminal::isTerminal(stdout))
{
    m_redrawTimer.setInterval(1000);
    connect(&m_redrawTimer, &QTimer::timeout, this, &CliApplication::redraw);
}

CliApplication::~CliApplication()
{
    // QObject deletes children after the members are gone: the session and the client (with the RpCalls still
    // in flight, whose replies belong to m_nam) must go first, while m_nam and the simulator still exist.
    delete m_session;
    m_session = nullptr;
    delete m_client;
    m_client = nullptr;
}

void CliApplication::start()
{
    if (!m_options.language.isEmpty())
        Translations::install(QLocale(m_options.language));
    else
        Translations::install(QLocale::system());

    switch (m_options.command) {
    case CliOptions::Command::Help:
        writeOut(m_options.helpText);
        return finish(ExitCode::Complete);
    case CliOptions::Command::Version:
        writeOut(QStringLiteral("bankid-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return finish(ExitCode::Complete);
    case CliOptions::Command::QrContent:
        writeOut(QrContent::at(m_options.startToken, m_options.startSecret, m_options.seconds) + u'\n');
        return finish(ExitCode::Complete);
    case CliOptions::Command::Audit: {
        const AuditCommand::Result result = AuditCommand::verify(m_options.auditFile, m_options.json);
        writeCommandOutput(result.output);
        return finish(result.code, result.error);
    }
    case CliOptions::Command::VerifySignature: {
        const VerifySignatureCommand::Result result = VerifySignatureCommand::run(m_options.verifySignature);
        writeCommandOutput(result.output);
        return finish(result.code, result.error);
    }
    case CliOptions::Command::VerifyReceipt: {
        const VerifyReceiptCommand::Result result = VerifyReceiptCommand::run(m_options.verifyReceipt);
        writeCommandOutput(result.output);
        return finish(result.code, result.error);
    }
    case CliOptions::Command::SignFile: {
        // Before any order (and before the simulator starts): a missing file or a folder the receipt cannot
        // be written to must not cost the signer a signature.
        QString error;
        m_digest = SignFileCommand::prepare(m_options.documentFile, &error);
        if (!m_digest)
            return finish(ExitCode::Usage, error);
        if (connectToServer())
            runOrder();
        return;
    }
    case CliOptions::Command::VerifyIdCard: {
        // The code and the roots first: a bad scan or root file never starts a simulator or a connection.
        std::optional<IdCardCode> code;
        QString error;
        if (m_options.verifyIdCard.newTestCardFor.isEmpty()) {
            QFile input;
            if (!input.open(stdin, QIODevice::ReadOnly) && m_options.verifyIdCard.code == QLatin1String("-"))
                return finish(ExitCode::Usage, tr("cannot read stdin: %1").arg(input.errorString()));
            code = VerifyIdCardCommand::readCode(m_options.verifyIdCard.code, &input, &error);
            if (!code)
                return finish(ExitCode::Usage, error);
        }
        const auto roots = VerifyIdCardCommand::loadRoots(m_options.verifyIdCard.rootFiles, &error);
        if (!roots)
            return finish(ExitCode::Usage, error);
        if (connectToServer())
            runVerifyIdCard(code, *roots);
        return;
    }
    case CliOptions::Command::Order:
        if (connectToServer())
            runOrder();
        return;
    case CliOptions::Command::Collect:
        if (connectToServer())
            runCollect();
        return;
    case CliOptions::Command::Cancel:
        if (connectToServer())
            runCancel();
        return;
    }
}

bool CliApplication::startSimulator(RpConfig *config)
{
    const QString stateDir = EvidenceRoots::deskSimulatorStateDir();
    if (!QDir().mkpath(stateDir)) {
        finish(ExitCode::Usage, tr("cannot create the embedded simulator's folder %1").arg(QDir::toNativeSeparators(stateDir)));
        return false;
    }
    sim::SimulatorOptions simulatorOptions;
    simulatorOptions.stateDir = stateDir;
    simulatorOptions.userMode = sim::UserMode::Auto;
    m_simulator = std::make_unique<sim::Simulator>(simulatorOptions);
    QString error;
    if (!m_simulator->start(&error)) {
        finish(ExitCode::Usage, tr("the embedded simulator did not start: %1").arg(error));
        return false;
    }
    const auto simulatorConfig = RpConfig::forCustomServer(m_simulator->baseUrl(), m_simulator->caCertificatePath(),
                                                           m_simulator->clientP12Path(), sim::Simulator::clientPassword,
                                                           &error);
    if (!simulatorConfig) {
        finish(ExitCode::Usage, error);
        return false;
    }
    *config = *simulatorConfig;
    if (!m_terminal && !m_options.json)
        writeErr(tr("bankid-cli: using the embedded simulator at %1\n")
                     .arg((m_options.command == CliOptions::Command::VerifyIdCard ? config->effectiveIdCardBaseUrl()
                                                                                   : config->baseUrl)
                              .toString()));
    return true;
}

bool CliApplication::connectToServer()
{
    RpConfig config;
    if (m_options.useSimulator) {
        if (!startSimulator(&config))
            return false;
    } else {
        config = RpConfig::forEnvironment(m_options.environment);
        if (m_options.environment == Environment::Custom)
            config.baseUrl = QUrl(m_options.url);
        // verify-id-card's --url names the Verify API base (the RP API is not used then); an RP API URL ending
        // in /v6.0 is taken to mean the same server's Verify API (RpConfig::derivedIdCardBaseUrl()).
        if (m_options.environment == Environment::Custom && m_options.command == CliOptions::Command::VerifyIdCard) {
            const QUrl derived = RpConfig::derivedIdCardBaseUrl(config.baseUrl);
            config.idCardBaseUrl = derived.isEmpty() ? config.baseUrl : derived;
        }
        if (!m_options.caFile.isEmpty()) {
            QString error;
            const auto roots = RpConfig::loadCaFile(m_options.caFile, &error);
            if (!roots) {
                finish(ExitCode::Usage, QStringLiteral("--ca: ") + error);
                return false;
            }
            config.caCertificates = *roots;
        }
        // A pkcs11: URI takes the certificate file (--cert-file) where a PEM certificate takes its key file.
        config.identity = ClientIdentity::load(m_options.certFile, m_options.password,
                                               ClientIdentity::isTokenUri(m_options.certFile) ? m_options.certCompanionFile
                                                                                              : m_options.keyFile);
        if (config.identity.isNull()) {
            finish(ExitCode::Usage, QStringLiteral("--cert: ") + config.identity.error().message());
            return false;
        }
        const QString warning = config.identity.validityWarning(QDateTime::currentDateTimeUtc());
        if (!warning.isEmpty())
            writeErr(tr("bankid-cli: warning: %1\n").arg(warning));
    }
    if (const QString problem = config.validationError(); !problem.isEmpty()) {
        finish(ExitCode::Usage, problem);
        return false;
    }
    if (m_options.command == CliOptions::Command::VerifyIdCard) {
        if (const QString problem = config.idCardValidationError(); !problem.isEmpty()) {
            finish(ExitCode::Usage, problem);
            return false;
        }
    }
    m_baseUrl = config.baseUrl.toString();
    m_client = new RpClient(&m_nam, config, this);
    return true;
}

OrderRequest CliApplication::buildRequest() const
{
    const QString endUserIp = !m_options.endUserIp.isEmpty() ? m_options.endUserIp
                              : m_options.useSimulator      ? QStringLiteral("127.0.0.1")
                                                            : EndUserAddress::detect();
    const AppDeviceData app {QStringLiteral("se.bankid-desk.cli"), QStringLiteral("linux"), {}, {}};
    if (m_options.command == CliOptions::Command::SignFile && m_digest) {
        // The document's summary and digest, plus the same device data and requirements as `sign`.
        OrderRequest request = DocumentSignRequest::build(*m_digest, endUserIp);
        request.app = app;
        request.returnRisk = true;
        if (m_options.pinCode)
            request.requirement.pinCode = true;
        if (m_options.mrtd)
            request.requirement.mrtd = true;
        request.requirement.personalNumber = m_options.personalNumber;
        return request;
    }
    OrderRequest request;
    request.flow = m_options.flow;
    if (!isPhoneFlow(request.flow)) {
        request.endUserIp = endUserIp;
        request.app = app;
        // Always: BankID's risk rating is how a high-risk order is recognised and refused (OrderSession
        // fails it with OrderFailure::Kind::RiskBlocked). Phone orders have no returnRisk member.
        request.returnRisk = true;
    }
    request.userVisibleData = m_options.text.toUtf8();
    request.userNonVisibleData = m_options.nonVisibleData;
    request.userVisibleDataIsMarkdown = m_options.markdown;
    if (m_options.pinCode)
        request.requirement.pinCode = true;
    if (m_options.mrtd && !isPhoneFlow(request.flow))
        request.requirement.mrtd = true;
    if (isPhoneFlow(request.flow)) {
        request.personalNumber = m_options.personalNumber;
        if (m_options.callInitiator) // always set for phone flows (CliOptions::parse)
            request.callInitiator = *m_options.callInitiator;
    } else {
        request.requirement.personalNumber = m_options.personalNumber;
    }
    if (request.flow == Flow::Payment) {
        UserVisibleTransaction transaction;
        transaction.transactionType = m_options.transactionType.isEmpty() ? QStringLiteral("card") : m_options.transactionType;
        transaction.recipientName = m_options.recipient;
        transaction.amount = m_options.amount;
        if (!transaction.amount.isEmpty())
            transaction.currency = m_options.currency.isEmpty() ? QStringLiteral("SEK") : m_options.currency;
        request.userVisibleTransaction = transaction;
    }
    return request;
}

void CliApplication::runOrder()
{
    m_startMethod = isPhoneFlow(m_options.flow) ? StartMethod::Phone
                    : m_options.sameDevice      ? StartMethod::SameDevice
                                                : StartMethod::QrCode;
    OrderSession::Options sessionOptions;
    sessionOptions.startMethod = m_startMethod;
    sessionOptions.pollIntervalMs = m_options.pollIntervalMs;
    sessionOptions.maxAutoRestarts = m_options.autoRestarts;

    m_session = new OrderSession(m_client, &m_clock, this);
    connect(m_session, &OrderSession::hintChanged, this, &CliApplication::onHintChanged);
    connect(m_session, &OrderSession::qrContentChanged, this, &CliApplication::onQrContentChanged);
    connect(m_session, &OrderSession::completed, this, &CliApplication::onCompleted);
    connect(m_session, &OrderSession::failed, this, &CliApplication::onFailed);
    connect(m_session, &OrderSession::stateChanged, this, [this](OrderSession::State state) {
        if (state == OrderSession::State::Pending && m_startMethod == StartMethod::SameDevice && !m_options.json)
            writeErr(tr("Open BankID on this device: %1\n").arg(TerminalSafeText::line(m_session->launchUrl().toString())));
        if (state == OrderSession::State::Cancelled)
            finish(ExitCode::OrderFailed, UserMessages::text(Rfa::Rfa6));
    });
    connect(m_session, &OrderSession::restarted, this, [this](int count) {
        if (!m_terminal && !m_options.json)
            writeErr(tr("bankid-cli: the QR code was not scanned in time; new order (%1 of %2)\n")
                         .arg(count)
                         .arg(m_options.autoRestarts));
    });
    if (m_terminal)
        m_redrawTimer.start();
    m_request = buildRequest();
    m_startedAt = QDateTime::currentDateTime();
    m_session->start(m_request, sessionOptions);
}

void CliApplication::runCollect()
{
    RpCall *call = m_client->collect(m_options.orderRef);
    connect(call, &RpCall::finished, this, [this, call] {
        if (!call->ok())
            return finishWithError(call->error());
        const CollectResponse &response = call->collectResponse();
        if (m_options.json) {
            writeOut(jsonText(response.raw));
        } else {
            const Rfa rfa = response.status == CollectStatus::Failed
                ? UserMessages::forFailed(response.hintCode, StartMethod::QrCode)
                : UserMessages::forPending(response.hintCode, StartMethod::QrCode);
            writeOut(QStringLiteral("%1 %2 %3\n").arg(collectStatusName(response.status), TerminalSafeText::line(response.hintCode),
                                                     response.status == CollectStatus::Complete ? QString()
                                                                                                : UserMessages::text(rfa)));
            if (response.completion)
                onCompleted(*response.completion);
        }
        if (collectIsRiskBlocked(response))
            return finish(ExitCode::OrderFailed, riskBlockedSentence());
        finish(response.status == CollectStatus::Failed ? ExitCode::OrderFailed : ExitCode::Complete);
    });
}

void CliApplication::runCancel()
{
    RpCall *call = m_client->cancel(m_options.orderRef);
    connect(call, &RpCall::finished, this, [this, call] {
        if (!call->ok())
            return finishWithError(call->error());
        writeOut(m_options.json ? QStringLiteral("{}\n") : tr("cancelled %1\n").arg(TerminalSafeText::line(m_options.orderRef)));
        finish(ExitCode::Complete);
    });
}

void CliApplication::runVerifyIdCard(std::optional<IdCardCode> code, QList<QSslCertificate> roots)
{
    QString rootsDescription = tr("no --root given (BankID's signing roots are not published)");
    if (!roots.isEmpty()) {
        rootsDescription = EvidenceRoots::describe(m_options.verifyIdCard.rootFiles, roots);
    } else if (m_simulator) {
        QString error;
        roots = EvidenceRoots::load({m_simulator->signingRootPath()}, &error);
        rootsDescription = roots.isEmpty() ? error : EvidenceRoots::describe({m_simulator->signingRootPath()}, roots);
    }
    if (!code) {
        QString error;
        const QByteArray minted = m_simulator->mintIdCardCode(m_options.verifyIdCard.newTestCardFor, &error);
        if (minted.isEmpty())
            return finish(ExitCode::Usage, tr("--new-test-card: %1").arg(error));
        code = IdCardCode::parse(QString::fromLatin1(minted), &error);
        if (!code)
            return finish(ExitCode::Usage, tr("--new-test-card: the simulator minted an unusable code: %1").arg(error));
        writeErr(tr("bankid-cli: test ID card code: %1\n").arg(TerminalSafeText::line(code->text())));
    }
    RpCall *call = m_client->verifyIdCard(*code);
    connect(call, &RpCall::finished, this, [this, call, roots, rootsDescription] {
        const VerifyIdCardCommand::Arguments &arguments = m_options.verifyIdCard;
        if (!call->ok() && call->error().kind() != RpError::Kind::Api)
            return finishWithError(call->error());
        CommandResult result;
        if (!call->ok()) {
            result = VerifyIdCardCommand::refused(call->error(), arguments);
        } else {
            std::optional<VerificationReport> evidence;
            if (!roots.isEmpty())
                evidence = IdCardEvidenceVerifier::verify(call->idCardVerification(), roots);
            result = VerifyIdCardCommand::verified(call->idCardVerification(), evidence, rootsDescription, arguments);
        }
        // Names, details and check texts are BankID's: writeCommandOutput() and finish() make them safe.
        writeCommandOutput(result.output);
        finish(result.code, result.error);
    });
}

void CliApplication::onHintChanged(const QString &hintCode, Rfa rfa)
{
    m_hintCode = hintCode;
    m_rfa = rfa;
    if (m_terminal)
        redraw();
    else if (!m_options.json)
        writeErr(QStringLiteral("bankid-cli: %1 %2 (%3)\n").arg(rfaId(rfa), UserMessages::text(rfa), TerminalSafeText::line(hintCode)));
}

void CliApplication::onQrContentChanged(const QString &content)
{
    m_qrContent = content;
    if (m_terminal)
        redraw();
}

// The live view: the QR code (only while the order waits to be picked up), the official message for the
// current hint, and the time left of the ~30 s start window. Redrawn in place every second.
void CliApplication::redraw()
{
    if (!m_session || m_finished)
        return;
    QString screen = QStringLiteral("\x1b[H\x1b[2J");
    screen += tr("BankID %1 — order %2\n\n").arg(flowName(m_options.flow), TerminalSafeText::line(m_session->orderRef()));
    const bool showQr = m_startMethod == StartMethod::QrCode && !m_qrContent.isEmpty()
        && (m_hintCode.isEmpty() || m_hintCode == QLatin1String("outstandingTransaction"));
    if (showQr) {
        if (m_options.noQr) {
            screen += TerminalSafeText::line(m_qrContent) + u'\n';
        } else if (const auto matrix = QrMatrix::encode(m_qrContent.toUtf8())) {
            screen += TerminalQr::render(*matrix);
        }
        const qint64 remaining = m_session->startWindowRemainingMs();
        screen += tr("Scan within %1 s").arg((remaining + 999) / 1000);
        if (m_options.autoRestarts > 0)
            screen += tr(" · new code %1 of %2").arg(m_session->restartCount()).arg(m_options.autoRestarts);
        screen += u'\n';
    }
    if (m_rfa != Rfa::None)
        screen += u'\n' + UserMessages::text(m_rfa) + u'\n';
    screen += tr("\nCtrl+C cancels the order.\n");
    writeOut(screen);
}

void CliApplication::onCompleted(const CompletionData &completion)
{
    if (m_terminal)
        writeOut(QStringLiteral("\x1b[H\x1b[2J"));
    if (m_options.command == CliOptions::Command::SignFile && m_session)
        return saveReceipt();
    if (m_options.json) {
        QJsonObject result;
        result.insert(QStringLiteral("orderRef"), m_session ? m_session->orderRef() : m_options.orderRef);
        result.insert(QStringLiteral("status"), QStringLiteral("complete"));
        result.insert(QStringLiteral("completionData"), completion.raw);
        writeOut(jsonText(result));
    } else {
        // Every value is BankID's: printed through TerminalSafeText, so a name cannot drive the terminal.
        QString text;
        text += tr("Identified:        %1\n").arg(TerminalSafeText::line(completion.name));
        text += tr("Personal number:   %1\n").arg(TerminalSafeText::line(completion.personalNumber));
        text += tr("BankID issued:     %1\n").arg(TerminalSafeText::line(completion.bankIdIssueDate));
        text += tr("Device IP address: %1\n").arg(TerminalSafeText::line(completion.deviceIpAddress));
        if (completion.stepUpMrtd)
            text += tr("ID document check: %1\n").arg(*completion.stepUpMrtd ? tr("passed") : tr("not passed"));
        if (!completion.risk.isEmpty())
            text += tr("Risk:              %1\n").arg(TerminalSafeText::line(completion.risk));
        writeOut(text);
    }
    if (m_session)
        finish(ExitCode::Complete);
}

void CliApplication::saveReceipt()
{
    Receipt receipt = Receipt::forDocumentOrder(*m_digest, m_request, m_session->completedCollectResponse());
    receipt.environmentName =
        m_options.useSimulator ? QStringLiteral("simulator") : environmentName(m_options.environment);
    receipt.baseUrl = m_baseUrl;
    receipt.startedAt = m_startedAt;
    receipt.completedAt = receipt.writtenAt;
    receipt.application = QStringLiteral("bankid-cli");
    receipt.applicationVersion = QCoreApplication::applicationVersion();

    const SignFileCommand::Result result = SignFileCommand::saveReceipt(receipt, m_options.documentFile, m_options.json);
    if (!result.notice.isEmpty())
        writeErr(QStringLiteral("bankid-cli: ") + TerminalSafeText::lines(result.notice) + u'\n');
    writeCommandOutput(result.output);
    finish(result.code, result.error);
}

void CliApplication::onFailed(const OrderFailure &failure)
{
    if (m_terminal)
        writeOut(QStringLiteral("\x1b[H\x1b[2J"));
    // Risk "high" (or BankID's own transactionRiskBlocked): the order failed, whatever completionData said;
    // sign-file writes no receipt for it (receipts are written only from onCompleted()).
    if (failure.isRiskBlocked())
        return finish(ExitCode::OrderFailed,
                      riskBlockedSentence() + QStringLiteral(" (") + TerminalSafeText::line(failure.technicalMessage) + u')');
    // The technical message may quote the server (details, an orderRef, an excerpt of its body).
    const QString message = UserMessages::text(failure.rfa) + QStringLiteral(" (") + TerminalSafeText::line(failure.technicalMessage) + u')';
    if (failure.kind == OrderFailure::Kind::Error)
        return finish(exitCodeFor(failure.error), message);
    finish(ExitCode::OrderFailed, message);
}

void CliApplication::interrupt()
{
    if (m_finished) {
        // finish() is waiting for the answer to a call in flight (a /cancel); that wait is bounded.
        writeErr(tr("bankid-cli: waiting for BankID to answer before exiting (at most %1 s)\n")
                     .arg((m_idleWaitTimer.remainingTime() + 999) / 1000));
        return;
    }
    if (m_session && m_session->isActive()) {
        if (!m_interrupted) {
            m_interrupted = true;
            writeErr(tr("\nbankid-cli: cancelling the order…\n"));
            m_session->cancel(); // ends in State::Cancelled when BankID answered (or the call failed)
        } else {
            writeErr(tr("bankid-cli: still waiting for BankID to confirm the cancel\n"));
        }
        return;
    }
    finish(ExitCode::OrderFailed, tr("interrupted"));
}

void CliApplication::finishWithError(const RpError &error)
{
    finish(exitCodeFor(error), TerminalSafeText::line(error.technicalMessage()));
}

void CliApplication::finish(ExitCode code, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = code;
    m_redrawTimer.stop();
    // Messages may quote outside text (file names, what a file or a server said): no controls reach the
    // terminal; line breaks are kept for messages that have several lines by design.
    if (!message.isEmpty())
        writeErr(QStringLiteral("bankid-cli: ") + TerminalSafeText::lines(message) + u'\n');
    // An order is never abandoned at BankID: a session still live here (it should not be) is cancelled, and
    // the wait below covers its /cancel.
    if (m_session && m_session->isActive())
        m_session->cancel();
    if (m_client) {
        // idle() is emitted from inside the last call's finished(), before the other receivers of that signal
        // ran (one of them may send a /cancel): queued, exitWhenIdle() looks again once they all have.
        connect(m_client, &RpClient::idle, this, &CliApplication::exitWhenIdle, Qt::QueuedConnection);
        m_idleWaitTimer.setSingleShot(true);
        m_idleWaitTimer.setInterval(m_client->config().requestDeadlineMs + IdleWaitMarginMs);
        connect(&m_idleWaitTimer, &QTimer::timeout, this, &CliApplication::onIdleWaitTimeout);
        // A request sent during the wait (the /cancel of an order whose response arrived only now) gets its
        // own full deadline.
        connect(m_client, &RpClient::requestSent, &m_idleWaitTimer, qOverload<>(&QTimer::start));
        m_idleWaitTimer.start();
    }
    // On the next turn of the loop, when the receivers of the signal that led here have run.
    QTimer::singleShot(0, this, &CliApplication::exitWhenIdle);
}

void CliApplication::exitWhenIdle()
{
    if (m_exitRequested || (m_client && m_client->inFlightCount() > 0))
        return;
    m_exitRequested = true;
    m_idleWaitTimer.stop();
    QCoreApplication::exit(static_cast<int>(m_exitCode));
}

void CliApplication::onIdleWaitTimeout()
{
    if (m_exitRequested)
        return;
    const QString orderRef = m_session ? m_session->orderRef() : QString();
    const int seconds = (m_idleWaitTimer.interval() + 999) / 1000;
    writeErr(QStringLiteral("bankid-cli: ")
             + (orderRef.isEmpty()
                    ? tr("BankID did not answer within %1 s; exiting without its answer").arg(seconds)
                    : tr("BankID did not answer the cancel within %1 s; order %2 may stay pending until it expires")
                          .arg(seconds)
                          .arg(orderRef))
             + u'\n');
    m_exitRequested = true;
    QCoreApplication::exit(static_cast<int>(m_exitCode));
}

} // namespace bankid
