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

} // namespace bankid::sim
