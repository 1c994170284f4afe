#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

#include <optional>

namespace bankid::sim {

/// Which RP endpoint created an order.
enum class OrderKind {
    Auth,      ///< /auth
    Sign,      ///< /sign
    Payment,   ///< /payment
    PhoneAuth, ///< /phone/auth
    PhoneSign, ///< /phone/sign
};

/// Where an order is in its life; the pending ones map to hintCodes.
enum class OrderStage {
    Outstanding,     ///< pending outstandingTransaction: not picked up yet
    Started,         ///< pending started: the app has the order, briefly
    UserMrtd,        ///< pending userMrtd: the user scans the ID document (requirement.mrtd only)
    UserCallConfirm, ///< pending userCallConfirm: phone order picked up, the user confirms the call
    UserSign,        ///< pending userSign: the user enters the security code
    Complete,        ///< complete: completionData is available
    Failed,          ///< failed: failedHint says why
};

/// What BankID's risk assessment says about an order (facts §2 returnRisk, §10). Scripted per simulator
/// (SimulatorOptions::risk, --risk, POST /sim/v1/risk) and fixed when an order is created.
enum class OrderRisk {
    Low,      ///< completionData.risk "low" (only when the order asked with returnRisk:true, as BankID)
    Moderate, ///< completionData.risk "moderate"
    High,     ///< completionData.risk "high": the order completes, and the RP must treat it as blocked
    Blocked,  ///< BankID blocks it itself: when the user approves, the order fails with transactionRiskBlocked
};

/// "auth", "sign", "payment", "phone/auth", "phone/sign".
QString orderKindName(OrderKind kind);
bool isPhoneKind(OrderKind kind);
/// The hintCode of a pending stage ("outstandingTransaction", ...); empty for Complete/Failed.
QByteArray pendingHint(OrderStage stage);
/// "low", "moderate", "high", "blocked": the names of --risk and the control API.
QString orderRiskName(OrderRisk risk);
/// The OrderRisk named `name` (exactly one of orderRiskName()'s), or std::nullopt.
std::optional<OrderRisk> orderRiskFromName(const QString &name);

// The validated content of an order request: what OrderBook needs to create an order.
struct OrderRequest {
    OrderKind kind = OrderKind::Auth;
    QString endUserIp;              ///< empty for phone orders
    QByteArray userVisibleData;     ///< base64 exactly as sent (may be empty)
    QByteArray userNonVisibleData;  ///< base64 exactly as sent (may be empty)
    /// userVisibleDataFormat "simpleMarkdownV1" was sent: the app renders userVisibleData as markdown.
    bool userVisibleDataIsMarkdown = false;
    QString personalNumber;         ///< phone personalNumber or requirement.personalNumber; empty if none
    bool mrtd = false;
    bool returnRisk = false;
};

// One order as the simulator keeps it. Times are milliseconds of the OrderBook's monotonic clock.
//
// Contract: collectBody always holds the exact compact JSON /collect returns right now; it is rebuilt on
// every stage change, so collect itself allocates nothing big.
struct Order {
    OrderRequest request;
    QByteArray orderRef;
    QByteArray autoStartToken; ///< empty for phone orders
    QByteArray qrStartToken;   ///< empty for phone orders
    QByteArray qrStartSecret;  ///< empty for phone orders; never logged
    QSslCertificate creator;   ///< the RP client certificate that created the order
    bool autoUser = true;
    OrderRisk risk = OrderRisk::Low; ///< the simulator's risk setting when the order was created

    qint64 createdAt = 0;
    qint64 stageSince = 0;
    qint64 pickedUpAt = -1; ///< -1: never picked up
    qint64 finishedAt = -1; ///< -1: still pending
    OrderStage stage = OrderStage::Outstanding;
    QByteArray failedHint;

    QString signer;          ///< personal number of who picks up / signs (chosen or default)
    QString deviceIpAddress; ///< empty: derived from options and endUserIp at completion
    int wrongCodes = 0;

    QByteArray collectBody;

    bool isPending() const { return finishedAt < 0; }
};

} // namespace bankid::sim
