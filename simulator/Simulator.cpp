#include "Simulator.h"

#include "EvidencePki.h"
#include "FaultInjector.h"
#include "HttpConnection.h"
#include "IdCardService.h"
#include "QrPayload.h"
#include "SimulatorServer.h"
#include "StateDirectory.h"
#include "TestPerson.h"

#include <QDir>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QStandardPaths>

namespace bankid::sim {

Q_LOGGING_CATEGORY(lcSim, "bankid.sim", QtInfoMsg)

namespace {

QString defaultStateDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("bankid-simulator"));
}

} // namespace

Simulator::Simulator(const SimulatorOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_book(std::make_unique<OrderBook>(options))
    , m_faults(std::make_unique<FaultInjector>())
{
    if (m_options.stateDir.isEmpty())
        m_options.stateDir = defaultStateDir();
    m_state = std::make_unique<StateDirectory>(m_options.stateDir);
    m_pki = std::make_unique<EvidencePki>(m_options.stateDir);
    m_idCards = std::make_unique<IdCardService>(m_pki.get(), &m_book->persons(), m_options.idCardCodeLifetimeMs);
    for (const FaultRule &rule : m_options.faults)
        m_faults->add(rule);
    connect(m_book.get(), &OrderBook::orderCreated, this, &Simulator::orderCreated);
    connect(m_book.get(), &OrderBook::orderChanged, this, &Simulator::orderChanged);
    connect(m_book.get(), &OrderBook::orderRemoved, this, &Simulator::orderRemoved);
}

Simulator::~Simulator()
{
    // The server first: its sockets' queued answers refer to the book.
    m_server.reset();
}

bool Simulator::start(QString *error)
{
    if (m_server) {
        if (error)
            *error = QStringLiteral("the simulator is already running");
        return false;
    }
    {
        // The desk's demo mode and `bankid-cli --simulator` share one state folder on purpose (receipts must
        // verify later with the same signing root), so two processes may start at the same moment on a
        // fresh folder: the lock makes one of them create the keys and the other read them.
        if (!StateDirectory::prepareFolder(m_options.stateDir, error))
            return false;
        QLockFile lock(QDir(m_options.stateDir).filePath(QStringLiteral(".state.lock")));
        lock.setStaleLockTime(30000);
        if (!lock.tryLock(30000)) {
            if (error)
                *error = QStringLiteral("the state folder %1 is locked by another simulator (%2)")
                             .arg(m_options.stateDir, lock.error() == QLockFile::PermissionError
                                                          ? QStringLiteral("no permission to lock it")
                                                          : QStringLiteral("timed out after 30 s"));
            return false;
        }
        if (!m_state->ensure(m_options.extraHostnames, error))
            return false;
        if (!m_pki->ensure(error))
            return false;
    }
    m_book->setEvidencePki(m_pki.get());

    QList<QSslCertificate> clientCas = {m_state->ca().certificate};
    for (const QString &file : m_options.trustedClientCaFiles) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(file, QSsl::Pem);
        if (cas.isEmpty()) {
            if (error)
                *error = QStringLiteral("--trust-client-ca: no PEM certificate could be read from ") + file;
            return false;
        }
        clientCas += cas;
    }
    const CertifiedKey &identity = m_options.serverIdentityOverride ? *m_options.serverIdentityOverride
                                                                    : m_state->server();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setLocalCertificateChain(QList<QSslCertificate>{identity.certificate} + identity.chain);
    configuration.setPrivateKey(identity.key);
    configuration.setCaCertificates(clientCas);
    configuration.setPeerVerifyMode(m_options.acceptAnyClientCert ? QSslSocket::QueryPeer : QSslSocket::VerifyPeer);

    auto server = std::make_unique<SimulatorServer>(m_book.get(), m_faults.get());
    server->setLatencyMs(m_options.latencyMs);
    server->setIdCardService(m_idCards.get());
    server->setRequireCertificateInHttp(m_options.acceptAnyClientCert);
    server->setTrustedClientCas(clientCas);
    server->setHandshakeTimeoutMs(m_options.handshakeTimeoutMs);
    server->setConnectionCap(m_options.maxConnections);
    HttpConnection::Options connectionOptions;
    connectionOptions.idleTimeoutMs = m_options.idleTimeoutMs;
    server->setConnectionOptions(connectionOptions);
    connect(server.get(), &SimulatorServer::tlsRejected, this, &Simulator::tlsRejected);
    if (!server->listenTls(m_options.listenAddress, m_options.port, configuration, error))
        return false;
    m_server = std::move(server);
    qCInfo(lcSim) << "listening on" << baseUrl().toString();
    return true;
}

bool Simulator::isRunning() const
{
    return m_server != nullptr;
}

quint16 Simulator::port() const
{
    return m_server ? m_server->port() : 0;
}

QUrl Simulator::baseUrl() const
{
    QUrl url = controlUrl();
    url.setPath(QStringLiteral("/rp/v6.0"));
    return url;
}

QUrl Simulator::idCardBaseUrl() const
{
    QUrl url = controlUrl();
    url.setPath(QStringLiteral("/rp/v1"));
    return url;
}

QUrl Simulator::controlUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    const QHostAddress &address = m_options.listenAddress;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address.isNull())
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (address == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("::1"));
    else
        url.setHost(address.toString());
    url.setPort(port());
    url.setPath(QStringLiteral("/sim/v1"));
    return url;
}

QString Simulator::stateDir() const { return m_state->path(); }
QString Simulator::caCertificatePath() const { return m_state->caPath(); }
QString Simulator::serverCertificatePath() const { return m_state->serverCertPath(); }
QString Simulator::clientP12Path() const { return m_state->clientP12Path(); }
QString Simulator::clientCertificatePath() const { return m_state->clientCertPath(); }
QString Simulator::clientKeyPath() const { return m_state->clientKeyPath(); }
QSslCertificate Simulator::caCertificate() const { return m_state->ca().certificate; }
QString Simulator::signingRootPath() const { return m_pki->rootPath(); }
QSslCertificate Simulator::signingRoot() const { return m_pki->root().certificate; }

bool Simulator::setPersonRevoked(const QString &personalNumber, bool revoked, QString *error)
{
    if (!TestPerson::isWellFormed(personalNumber)) {
        if (error)
            *error = QStringLiteral("personalNumber: must be 12 digits (YYYYMMDDNNNN)");
        return false;
    }
    m_pki->setRevoked(personalNumber, revoked ? std::optional<QDateTime>(QDateTime::currentDateTimeUtc()) : std::nullopt);
    qCInfo(lcSim) << "signing certificate of" << TestPerson::mask(personalNumber) << (revoked ? "revoked" : "reinstated");
    return true;
}

bool Simulator::addPerson(const TestPerson &person, QString *error)
{
    return m_book->persons().add(person, error);
}

QByteArray Simulator::mintIdCardCode(const QString &personalNumber, QString *error)
{
    const IdCardService::Outcome minted = m_idCards->mint(personalNumber);
    if (!minted.ok && error)
        *error = minted.details;
    return minted.code;
}

QByteArray Simulator::currentQrData(const QByteArray &orderRef)
{
    const Order *order = m_book->find(orderRef);
    if (!order || order->qrStartToken.isEmpty())
        return {};
    return QrPayload::build(order->qrStartToken, order->qrStartSecret, (m_book->now() - order->createdAt) / 1000);
}

OrderBook::Result Simulator::scan(const QByteArray &qrData, const QString &personalNumber)
{
    return m_book->scan(qrData, personalNumber, {});
}

OrderBook::Result Simulator::open(const QByteArray &autoStartToken, const QString &personalNumber)
{
    return m_book->open(autoStartToken, personalNumber, {});
}

OrderBook::Result Simulator::approve(const QByteArray &orderRef)
{
    return m_book->act(orderRef, OrderBook::Action::Approve);
}

OrderBook::Result Simulator::userCancel(const QByteArray &orderRef)
{
    return m_book->act(orderRef, OrderBook::Action::Cancel);
}

OrderBook::Result Simulator::wrongCode(const QByteArray &orderRef)
{
    return m_book->act(orderRef, OrderBook::Action::WrongCode);
}

OrderBook::Result Simulator::decline(const QByteArray &orderRef)
{
    return m_book->act(orderRef, OrderBook::Action::Decline);
}

OrderBook::Result Simulator::confirmCall(const QByteArray &orderRef)
{
    return m_book->act(orderRef, OrderBook::Action::ConfirmCall);
}

OrderBook::Result Simulator::choosePerson(const QByteArray &orderRef, const QString &personalNumber)
{
    return m_book->act(orderRef, OrderBook::Action::Person, personalNumber);
}

QJsonArray Simulator::orders()
{
    return m_book->ordersJson();
}

void Simulator::setUserMode(UserMode mode)
{
    m_book->setUserMode(mode);
}

void Simulator::setRisk(OrderRisk risk)
{
    m_book->setRisk(risk);
}

int Simulator::addFault(const QString &spec, QString *error)
{
    const auto rule = FaultRule::parse(spec, error);
    return rule ? m_faults->add(*rule) : 0;
}

int Simulator::clearFaults()
{
    return m_faults->clear();
}

QJsonArray Simulator::faults() const
{
    return m_faults->toJson();
}

} // namespace bankid::sim
