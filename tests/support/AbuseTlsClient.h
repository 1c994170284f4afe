#pragma once

#include <QByteArray>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>

#include <memory>

namespace bankid::sim {
struct CertifiedKey;
}

// A blocking, raw HTTP/1.1-over-TLS client for the abuse tests: it writes exactly the bytes it is given
// (malformed, pipelined, oversized) and reads answers exactly as they arrive.
//
// Contract: connect() finishes the TLS handshake (or fails) within the timeout; readAnswer() returns one
// complete answer (status line, headers, Content-Length body) or one with status 0 when none arrived
// (`closed` tells whether the server closed the connection). Identity::Simulator presents the state
// dir's client.pem/client-key.pem, Identity::Foreign a certificate from a freshly made CA the simulator has
// never seen, Identity::None no certificate. The server is verified against the state dir's ca.pem.
//
//     AbuseTlsClient client(simulator.stateDir() + "/state", simulator.port());
//     QVERIFY(client.connect());
//     client.send(AbuseTlsClient::request("POST", "/rp/v6.0/collect", R"({"orderRef":"x"})"));
//     QCOMPARE(client.readAnswer().status, 400);
class AbuseTlsClient
{
public:
    enum class Identity { Simulator, Foreign, None };

    struct Answer {
        int status = 0;
        QByteArray head;
        QByteArray body;
        bool closed = false;
        QByteArray header(const QByteArray &name) const;
    };

    AbuseTlsClient(const QString &stateDir, quint16 port);

    /// The TLS configuration a client with `identity` uses for this state dir.
    static QSslConfiguration configuration(const QString &stateDir, Identity identity);
    /// The Identity::Foreign certificate and key (made once per process by a CA nobody trusts).
    static const bankid::sim::CertifiedKey &foreignIdentity();
    /// A complete request with Host, Content-Type (when a body is given) and Content-Length.
    static QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                              const QByteArray &extraHeaders = {});

    bool connect(Identity identity = Identity::Simulator, int timeoutMs = 5000);
    bool send(const QByteArray &bytes);
    Answer readAnswer(int timeoutMs = 5000);
    /// True when the server closed the connection within the timeout (pending input is read and dropped).
    bool waitForClosed(int timeoutMs);
    QSslSocket &socket() { return *m_socket; }
    QString errorString() const { return m_socket->errorString(); }

    /// One request on a fresh mutual-TLS connection: the "normal client" of the abuse tests.
    static Answer roundTrip(const QString &stateDir, quint16 port, const QByteArray &request, int timeoutMs = 5000);

private:
    QString m_stateDir;
    quint16 m_port;
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_buffer;
};
