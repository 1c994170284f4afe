#include "Receipt.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace bankid {

namespace {

/// A receipt is a few tens of kilobytes (the signature dominates); anything far larger is not one.
constexpr qsizetype MaxReceiptBytes = 16 * 1024 * 1024;
/// The largest integer a JSON number (an IEEE double) holds exactly.
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    // Keep the local offset the time was taken in (a reader sees the signer's wall clock) and milliseconds.
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODateWithMs);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("bankid::Receipt", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("bankid::Receipt", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("bankid::Receipt", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("bankid::Receipt", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("bankid::Receipt", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("bankid::Receipt", "nothing");
}

/// Reads members of one JSON object and records the first problem as "path: message".
class Reader
{
public:
    explicit Reader(QString *error) : m_error(error) {}

    bool ok() const { return m_ok; }

    void fail(const QString &path, const QString &message)
    {
        if (!m_ok)
            return;
        m_ok = false;
        if (m_error)
            *m_error = path + QStringLiteral(": ") + message;
    }

    /// The member, or Undefined with "missing" recorded.
    QJsonValue member(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "required member is missing"));
        return value;
    }

    QJsonObject object(const QJsonObject &parent, const QString &path, const QString &key)
    {
        const QJsonValue value = member(parent, path, key);
        if (!m_ok)
            return {};
        if (!value.isObject()) {
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "expected an object, got %1").arg(typeName(value)));
            return {};
        }
        return value.toObject();
    }

    QString string(const QJsonObject &parent, const QString &path, const QString &key, bool allowEmpty = true)
    {
        const QJsonValue value = member(parent, path, key);
        if (!m_ok)
            return {};
        if (!value.isString()) {
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "expected a string, got %1").arg(typeName(value)));
            return {};
        }
        if (!allowEmpty && value.toString().isEmpty())
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "must not be empty"));
        return value.toString();
    }

    /// A JSON number that is a whole number in [0, 2^53].
    std::optional<qint64> nonNegativeInteger(const QJsonObject &parent, const QString &path, const QString &key)
    {
        const QJsonValue value = member(parent, path, key);
        if (!m_ok)
            return std::nullopt;
        if (!value.isDouble()) {
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "expected a number, got %1").arg(typeName(value)));
            return std::nullopt;
        }
        const double number = value.toDouble();
        if (!std::isfinite(number) || number != std::floor(number)) {
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "expected a whole number, got %1").arg(number));
            return std::nullopt;
        }
        if (number < 0 || number > MaxExactInteger) {
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "%1 is out of range (0 to 2^53)").arg(number, 0, 'g', 17));
            return std::nullopt;
        }
        return qint64(number);
    }

    QDateTime time(const QJsonObject &parent, const QString &path, const QString &key)
    {
        const QString text = string(parent, path, key);
        if (!m_ok)
            return {};
        // ISO 8601 date and time with an explicit offset ("Z" or "+01:00"): a time without one is ambiguous.
        static const QRegularExpression pattern(QStringLiteral(
            "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})$"));
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!pattern.match(text).hasMatch() || !time.isValid()) {
            fail(join(path, key),
                 QCoreApplication::translate("bankid::Receipt", "expected an ISO 8601 time with a UTC offset (2026-01-31T14:05:09.123+01:00), got \"%1\"")
                     .arg(text.left(64)));
            return {};
        }
        return time;
    }

    /// A base64 string (standard alphabet, padding optional) whose decoding succeeds.
    void base64(const QJsonObject &parent, const QString &path, const QString &key, bool allowEmpty = true)
    {
        const QString text = string(parent, path, key, allowEmpty);
        if (!m_ok)
            return;
        const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        bool ascii = true;
        for (const QChar c : text)
            ascii = ascii && c.unicode() < 128;
        if (!ascii || !decoded)
            fail(join(path, key), QCoreApplication::translate("bankid::Receipt", "expected base64 text"));
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

private:
    QString *m_error;
    bool m_ok = true;
};

std::optional<QByteArray> decodedRequestMember(const QJsonObject &body, const QString &key)
{
    const QJsonValue value = body.value(key);
    if (!value.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

QJsonObject completionData(const QJsonObject &collectResponse)
{
    return collectResponse.value(QLatin1String("completionData")).toObject();
}

} // namespace

QString Receipt::formatName()
{
    return QStringLiteral("bankid-desk-receipt");
}

QString Receipt::fileSuffix()
{
    return QStringLiteral(".bankid-receipt.json");
}

Receipt Receipt::forDocumentOrder(const DocumentDigest &digest, const OrderRequest &sent,
                                  const QJsonObject &collectResponse)
{
    Receipt receipt;
    receipt.documentFileName = digest.fileName;
    receipt.documentSize = digest.size;
    receipt.documentSha256 = digest.sha256;
    receipt.endpoint = endpointPath(sent.flow);
    receipt.requestBody = sent.toJson();
    receipt.collectResponse = collectResponse;
    receipt.writtenAt = QDateTime::currentDateTime();
    return receipt;
}

QJsonObject Receipt::toJson() const
{
    // QJsonObject keeps its keys sorted, so the written member order is alphabetical; the format says member
    // order is not significant (docs/receipt-format.md).
    return QJsonObject{
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("version"), version},
        {QStringLiteral("document"),
         QJsonObject{{QStringLiteral("fileName"), documentFileName},
                     {QStringLiteral("size"), double(documentSize)},
                     {QStringLiteral("sha256"), QString::fromLatin1(documentSha256.toHex())}}},
        {QStringLiteral("environment"),
         QJsonObject{{QStringLiteral("name"), environmentName}, {QStringLiteral("baseUrl"), baseUrl}}},
        {QStringLiteral("request"),
         QJsonObject{{QStringLiteral("endpoint"), endpoint}, {QStringLiteral("body"), requestBody}}},
        {QStringLiteral("collectResponse"), collectResponse},
        {QStringLiteral("times"),
         QJsonObject{{QStringLiteral("started"), formatTime(startedAt)},
                     {QStringLiteral("completed"), formatTime(completedAt)},
                     {QStringLiteral("written"), formatTime(writtenAt)}}},
        {QStringLiteral("client"),
         QJsonObject{{QStringLiteral("application"), application}, {QStringLiteral("version"), applicationVersion}}}};
}

QByteArray Receipt::toBytes() const
{
    QByteArray bytes = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    return bytes;
}

std::optional<Receipt> Receipt::fromJson(const QByteArray &bytes, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<Receipt> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return fail(QCoreApplication::translate("bankid::Receipt", "the receipt is empty"));
    if (bytes.size() > MaxReceiptBytes)
        return fail(QCoreApplication::translate("bankid::Receipt", "the receipt is %1 bytes; a receipt is never larger than %2 bytes")
                        .arg(bytes.size())
                        .arg(MaxReceiptBytes));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QCoreApplication::translate("bankid::Receipt", "not valid JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return fail(QCoreApplication::translate("bankid::Receipt", "not a receipt: the JSON text is not an object"));
    const QJsonObject root = document.object();

    Reader read(error);
    Receipt receipt;

    // Format and version first: a newer version may have changed anything else.
    const QString format = read.string(root, QString(), QStringLiteral("format"));
    if (read.ok() && format != formatName())
        read.fail(QStringLiteral("format"), QCoreApplication::translate("bankid::Receipt", "expected \"%1\", got \"%2\"").arg(formatName(), format.left(64)));
    const auto version = read.nonNegativeInteger(root, QString(), QStringLiteral("version"));
    if (!read.ok())
        return std::nullopt;
    if (*version < 1)
        return fail(QStringLiteral("version: ") + QCoreApplication::translate("bankid::Receipt", "%1 is not a receipt format version (they start at 1)").arg(*version));
    if (*version > CurrentVersion)
        return fail(QStringLiteral("version: ")
                    + QCoreApplication::translate("bankid::Receipt", "%1 is newer than this program understands (%2)").arg(*version).arg(CurrentVersion));
    receipt.version = int(*version);

    const QJsonObject documentObject = read.object(root, QString(), QStringLiteral("document"));
    receipt.documentFileName = read.string(documentObject, QStringLiteral("document"), QStringLiteral("fileName"), false);
    if (read.ok() && (receipt.documentFileName.contains(QLatin1Char('/')) || receipt.documentFileName.contains(QChar(0))))
        read.fail(QStringLiteral("document.fileName"), QCoreApplication::translate("bankid::Receipt", "must be a file name without a folder"));
    if (const auto size = read.nonNegativeInteger(documentObject, QStringLiteral("document"), QStringLiteral("size")))
        receipt.documentSize = *size;
    const QString sha256 = read.string(documentObject, QStringLiteral("document"), QStringLiteral("sha256"));
    if (read.ok()) {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
        if (sha256.size() != 64)
            read.fail(QStringLiteral("document.sha256"),
                      QCoreApplication::translate("bankid::Receipt", "expected 64 hex digits, got %1 characters").arg(sha256.size()));
        else if (!hex.match(sha256).hasMatch())
            read.fail(QStringLiteral("document.sha256"), QCoreApplication::translate("bankid::Receipt", "expected 64 hex digits, got other characters"));
        else
            receipt.documentSha256 = QByteArray::fromHex(sha256.toLatin1());
    }

    const QJsonObject environment = read.object(root, QString(), QStringLiteral("environment"));
    receipt.environmentName = read.string(environment, QStringLiteral("environment"), QStringLiteral("name"));
    static const QStringList environments{QStringLiteral("simulator"), QStringLiteral("test"),
                                          QStringLiteral("production"), QStringLiteral("custom")};
    if (read.ok() && !environments.contains(receipt.environmentName))
        read.fail(QStringLiteral("environment.name"),
                  QCoreApplication::translate("bankid::Receipt", "expected one of %1, got \"%2\"")
                      .arg(environments.join(QStringLiteral(", ")), receipt.environmentName.left(64)));
    receipt.baseUrl = read.string(environment, QStringLiteral("environment"), QStringLiteral("baseUrl"));

    const QJsonObject request = read.object(root, QString(), QStringLiteral("request"));
    receipt.endpoint = read.string(request, QStringLiteral("request"), QStringLiteral("endpoint"));
    if (read.ok() && receipt.endpoint != QLatin1String("sign") && receipt.endpoint != QLatin1String("phone/sign"))
        read.fail(QStringLiteral("request.endpoint"),
                  QCoreApplication::translate("bankid::Receipt", "expected \"sign\" or \"phone/sign\", got \"%1\"").arg(receipt.endpoint.left(64)));
    receipt.requestBody = read.object(request, QStringLiteral("request"), QStringLiteral("body"));
    read.base64(receipt.requestBody, QStringLiteral("request.body"), QStringLiteral("userVisibleData"));
    read.base64(receipt.requestBody, QStringLiteral("request.body"), QStringLiteral("userNonVisibleData"));

    receipt.collectResponse = read.object(root, QString(), QStringLiteral("collectResponse"));
    const QString status = read.string(receipt.collectResponse, QStringLiteral("collectResponse"), QStringLiteral("status"));
    if (read.ok() && status != QLatin1String("complete"))
        read.fail(QStringLiteral("collectResponse.status"),
                  QCoreApplication::translate("bankid::Receipt", "expected \"complete\", got \"%1\" (only a completed order has a signature)").arg(status.left(64)));
    const QJsonObject completion =
        read.object(receipt.collectResponse, QStringLiteral("collectResponse"), QStringLiteral("completionData"));
    // Both are base64 by the API (the verifier decodes them). Reading them strictly here also keeps a receipt
    // byte-stable: Qt 6.4's JSON reader keeps a U+FEFF at the start of a string that holds an escape ("\Z",
    // "\n") but drops it from one without (QString::fromUtf8 strips a leading BOM); QJsonDocument writes "\Z"
    // as "Z", so a receipt rewritten by toBytes() could read differently from the file (found by fuzz_receipt).
    read.base64(completion, QStringLiteral("collectResponse.completionData"), QStringLiteral("signature"), false);
    read.base64(completion, QStringLiteral("collectResponse.completionData"), QStringLiteral("ocspResponse"), false);

    const QJsonObject times = read.object(root, QString(), QStringLiteral("times"));
    receipt.startedAt = read.time(times, QStringLiteral("times"), QStringLiteral("started"));
    receipt.completedAt = read.time(times, QStringLiteral("times"), QStringLiteral("completed"));
    receipt.writtenAt = read.time(times, QStringLiteral("times"), QStringLiteral("written"));

    const QJsonObject client = read.object(root, QString(), QStringLiteral("client"));
    receipt.application = read.string(client, QStringLiteral("client"), QStringLiteral("application"), false);
    receipt.applicationVersion = read.string(client, QStringLiteral("client"), QStringLiteral("version"));

    if (!read.ok())
        return std::nullopt;
    return receipt;
}

QString Receipt::signature() const
{
    return completionData(collectResponse).value(QLatin1String("signature")).toString();
}

QString Receipt::ocspResponse() const
{
    return completionData(collectResponse).value(QLatin1String("ocspResponse")).toString();
}

QString Receipt::signerName() const
{
    return completionData(collectResponse).value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString();
}

QString Receipt::signerPersonalNumber() const
{
    return completionData(collectResponse)
        .value(QLatin1String("user"))
        .toObject()
        .value(QLatin1String("personalNumber"))
        .toString();
}

QString Receipt::orderRef() const
{
    return collectResponse.value(QLatin1String("orderRef")).toString();
}

std::optional<QByteArray> Receipt::sentUserVisibleData() const
{
    return decodedRequestMember(requestBody, QStringLiteral("userVisibleData"));
}

std::optional<QByteArray> Receipt::sentUserNonVisibleData() const
{
    return decodedRequestMember(requestBody, QStringLiteral("userNonVisibleData"));
}

QString Receipt::defaultPathFor(const QString &documentPath)
{
    return documentPath + fileSuffix();
}

QString Receipt::documentPathFor(const QString &receiptPath)
{
    const qsizetype slash = receiptPath.lastIndexOf(QLatin1Char('/'));
    const QString folder = receiptPath.left(slash + 1);
    const QString name = receiptPath.mid(slash + 1);
    // "-2" .. "-999": the names ReceiptWriter falls back to (no "-1", no leading zeros).
    static const QRegularExpression pattern(
        QStringLiteral("^(.+)\\.bankid-receipt(?:-(?:[2-9]|[1-9][0-9]{1,2}))?\\.json$"));
    const QRegularExpressionMatch match = pattern.match(name);
    if (!match.hasMatch())
        return QString();
    return folder + match.captured(1);
}

} // namespace bankid
