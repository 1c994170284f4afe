#include "AbuseTlsClient.h"

#include "CertificateFactory.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QSslKey>

QByteArray AbuseTlsClient::Answer::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

AbuseTlsClient::AbuseTlsClient(const QString &stateDir, quint16 port)
    : m_stateDir(stateDir)
    , m_port(port)
    , m_socket(std::make_unique<QSslSocket>())
{
}

QSslConfiguration AbuseTlsClient::configuration(const QString &stateDir, Identity identity)
{
    const QDir dir(stateDir);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca.pem"))));
    if (identity == Identity::Simulator) {
        ssl.setLocalCertificate(QSslCertificate::fromPath(dir.filePath(QStringLiteral("client.pem"))).value(0));
        QFile key(dir.filePath(QStringLiteral("client-key.pem")));
        if (key.open(QIODevice::ReadOnly))
            ssl.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
    } else if (identity == Identity::Foreign) {
        ssl.setLocalCertificate(foreignIdentity().certificate);
        ssl.setPrivateKey(foreignIdentity().key);
    }
    return ssl;
}

const bankid::sim::CertifiedKey &AbuseTlsClient::foreignIdentity()
{
    // Made once per process: a CA and client the simulator has never seen.
    static const bankid::sim::CertifiedKey foreign = bankid::sim::CertificateFactory::issueClient(
        bankid::sim::CertificateFactory::createCa(QStringLiteral("Foreign Test CA")), QStringLiteral("Foreign RP"));
    return foreign;
}

QByteArray AbuseTlsClient::request(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                                   const QByteArray &extraHeaders)
{
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty())
        bytes += "Content-Type: application/json\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
    return bytes;
}

bool AbuseTlsClient::connect(Identity identity, int timeoutMs)
{
    m_socket->setSslConfiguration(configuration(m_stateDir, identity));
    m_socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
    return m_socket->waitForEncrypted(timeoutMs);
}

bool AbuseTlsClient::send(const QByteArray &bytes)
{
    if (m_socket->write(bytes) != bytes.size())
        return false;
    // Push it out now; an error here (e.g. the server already closed) shows up in readAnswer().
    while (m_socket->bytesToWrite() > 0 && m_socket->state() == QAbstractSocket::ConnectedState) {
        if (!m_socket->waitForBytesWritten(5000))
            break;
    }
    return true;
}

AbuseTlsClient::Answer AbuseTlsClient::readAnswer(int timeoutMs)
{
    Answer answer;
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        m_buffer += m_socket->readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            const QByteArray head = m_buffer.left(headEnd + 2);
            answer.head = head;
            const qsizetype length = answer.header("Content-Length").toLongLong();
            if (m_buffer.size() >= headEnd + 4 + length) {
                answer.body = m_buffer.mid(headEnd + 4, length);
                answer.status = head.mid(9, 3).toInt();
                m_buffer.remove(0, headEnd + 4 + length);
                return answer;
            }
        }
        if (m_socket->state() != QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0) {
            answer.closed = true;
            return answer;
        }
        if (deadline.hasExpired())
            return answer;
        m_socket->waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200))));
    }
}

bool AbuseTlsClient::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_socket->readAll();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            return true;
        m_socket->waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200))));
    }
    return m_socket->state() == QAbstractSocket::UnconnectedState;
}

AbuseTlsClient::Answer AbuseTlsClient::roundTrip(const QString &stateDir, quint16 port, const QByteArray &request,
                                                 int timeoutMs)
{
    AbuseTlsClient client(stateDir, port);
    if (!client.connect(Identity::Simulator, timeoutMs) || !client.send(request))
        return {};
    return client.readAnswer(timeoutMs);
}
