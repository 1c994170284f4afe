#pragma once

#include "OrderBook.h"
#include "SimulatorOptions.h"
#include "TestPerson.h"

#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <memory>

namespace bankid::sim {

class EvidencePki;
class FaultInjector;
class IdCardService;
class SimulatorServer;
class StateDirectory;

// A BankID RP API v6.0 server over mutual TLS, in process: the simulator the tests, the CLI's --simulator
// and the desk app's demo mode talk to exactly as they would talk to BankID.
//
// Contract: start() prepares the state dir (CA, server and client certificates; see StateDirectory) and
// listens; afterwards baseUrl() is "https://127.0.0.1:<port>/rp/v6.0" WITHOUT a trailing slash (append
// "/auth", "/collect", ...), the control API lives at controlUrl() = "https://127.0.0.1:<port>/sim/v1" and
// the BankID Verify API (ID cards) at idCardBaseUrl() = "https://127.0.0.1:<port>/rp/v1" (append "/verify").
// Clients must present a certificate issued by the simulator CA (clientP12Path(), password
// clientPassword) or by a CA in SimulatorOptions::trustedClientCaFiles. The C++ control methods do the
// same as the control API and return the same errors. Everything runs in the thread that owns the object.
//
//     SimulatorOptions options;
//     options.stateDir = temp.path();
//     Simulator simulator(options);
//     QString error;
//     if (!simulator.start(&error)) qFatal("%s", qPrintable(error));
//     client.setBaseUrl(simulator.baseUrl());
//     client.setIdentity(simulator.clientP12Path(), QString::fromLatin1(Simulator::clientPassword));
class Simulator : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *clientPassword = "qwerty123";

    explicit Simulator(const SimulatorOptions &options = {}, QObject *parent = nullptr);
    ~Simulator() override;

    bool start(QString *error);
    bool isRunning() const;
    const SimulatorOptions &options() const { return m_options; }

    QUrl baseUrl() const;
    QUrl controlUrl() const;
    /// The Verify API base on the same listener, "https://127.0.0.1:<port>/rp/v1", no trailing slash.
    QUrl idCardBaseUrl() const;
    quint16 port() const;

    QString stateDir() const;
    QString caCertificatePath() const;
    QString serverCertificatePath() const;
    QString clientP12Path() const;
    QString clientCertificatePath() const;
    QString clientKeyPath() const;
    QSslCertificate caCertificate() const;
    /// The root of the signing PKI (signing-root.pem): what a verifier of completionData.signature trusts.
    QString signingRootPath() const;
    QSslCertificate signingRoot() const;
    /// Marks the person's signing certificate revoked (OCSP "revoked" in later completions) or good again;
    /// false with `error` for a malformed personal number. Same as POST /sim/v1/persons/{pn}/revoke|reinstate.
    bool setPersonRevoked(const QString &personalNumber, bool revoked, QString *error = nullptr);

    /// Adds (or replaces) a test person, e.g. one with a birth date computed from today; false with `error`
    /// for a malformed or Luhn-invalid number, empty names or a built-in number. Same as POST /sim/v1/persons.
    bool addPerson(const TestPerson &person, QString *error = nullptr);
    /// What the person's BankID app shows as their digital ID card: "BANKIDF." + 64 hex digits, valid once for
    /// SimulatorOptions::idCardCodeLifetimeMs at /rp/v1/verify. Empty with `error` for a malformed number or a
    /// person who is neither built-in nor added. Same as POST /sim/v1/persons/{personalNumber}/id-card.
    QByteArray mintIdCardCode(const QString &personalNumber, QString *error = nullptr);

    /// The QR content an RP would show for `orderRef` right now (qrTime = whole seconds since creation).
    QByteArray currentQrData(const QByteArray &orderRef);
    OrderBook::Result scan(const QByteArray &qrData, const QString &personalNumber = {});
    OrderBook::Result open(const QByteArray &autoStartToken, const QString &personalNumber = {});
    OrderBook::Result approve(const QByteArray &orderRef);
    OrderBook::Result userCancel(const QByteArray &orderRef);
    OrderBook::Result wrongCode(const QByteArray &orderRef);
    OrderBook::Result decline(const QByteArray &orderRef);
    OrderBook::Result confirmCall(const QByteArray &orderRef);
    OrderBook::Result choosePerson(const QByteArray &orderRef, const QString &personalNumber);
    QJsonArray orders();
    void setUserMode(UserMode mode);
    /// BankID's risk verdict for orders created from now on; same as POST /sim/v1/risk.
    void setRisk(OrderRisk risk);

    /// Adds a fault (FaultRule syntax); returns its id or 0 with `error` set.
    int addFault(const QString &spec, QString *error);
    int clearFaults();
    QJsonArray faults() const;

    OrderBook *orderBook() const { return m_book.get(); }

Q_SIGNALS:
    void orderCreated(const QString &orderRef);
    void orderChanged(const QString &orderRef, const QString &status, const QString &hintCode);
    void orderRemoved(const QString &orderRef);
    void tlsRejected(const QString &reason);

private:
    SimulatorOptions m_options;
    std::unique_ptr<StateDirectory> m_state;
    std::unique_ptr<EvidencePki> m_pki;
    std::unique_ptr<OrderBook> m_book;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<IdCardService> m_idCards;
    std::unique_ptr<SimulatorServer> m_server;
};

} // namespace bankid::sim
