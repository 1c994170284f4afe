#include "Order.h"

namespace bankid::sim {

QString orderKindName(OrderKind kind)
{
    switch (kind) {
    case OrderKind::Auth:
        return QStringLiteral("auth");
    case OrderKind::Sign:
        return QStringLiteral("sign");
    case OrderKind::Payment:
        return QStringLiteral("payment");
    case OrderKind::PhoneAuth:
        return QStringLiteral("phone/auth");
    case OrderKind::PhoneSign:
        return QStringLiteral("phone/sign");
    }
    return {};
}

bool isPhoneKind(OrderKind kind)
{
    return kind == OrderKind::PhoneAuth || kind == OrderKind::PhoneSign;
}

QByteArray pendingHint(OrderStage stage)
{
    switch (stage) {
    case OrderStage::Outstanding:
        return QByteArrayLiteral("outstandingTransaction");
    case OrderStage::Started:
        return QByteArrayLiteral("started");
    case OrderStage::UserMrtd:
        return QByteArrayLiteral("userMrtd");
    case OrderStage::UserCallConfirm:
        return QByteArrayLiteral("userCallConfirm");
    case OrderStage::UserSign:
        return QByteArrayLiteral("userSign");
    case OrderStage::Complete:
    case OrderStage::Failed:
        break;
    }
    return {};
}

QString orderRiskName(OrderRisk risk)
{
    switch (risk) {
    case OrderRisk::Low:
        return QStringLiteral("low");
    case OrderRisk::Moderate:
        return QStringLiteral("moderate");
    case OrderRisk::High:
        return QStringLiteral("high");
    case OrderRisk::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

std::optional<OrderRisk> orderRiskFromName(const QString &name)
{
    for (const OrderRisk risk : {OrderRisk::Low, OrderRisk::Moderate, OrderRisk::High, OrderRisk::Blocked}) {
        if (name == orderRiskName(risk))
            return risk;
    }
    return std::nullopt;
}

} // namespace bankid::sim
