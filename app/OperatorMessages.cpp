#include "OperatorMessages.h"

namespace bankid {

QString OperatorMessages::forPending(const QString &hintCode, StartMethod method)
{
    if (hintCode.isEmpty() || hintCode == QLatin1String("outstandingTransaction")) {
        switch (method) {
        case StartMethod::QrCode: return tr("Waiting for the person to scan the QR code with the BankID app.");
        case StartMethod::SameDevice: return tr("Waiting for the BankID app to open on this computer.");
        case StartMethod::Phone: return tr("Waiting for the person to open the BankID app.");
        }
    }
    if (hintCode == QLatin1String("noClient"))
        return tr("Waiting for the person to open the BankID app.");
    if (hintCode == QLatin1String("started"))
        return tr("The person has opened BankID and is looking for their BankID.");
    if (hintCode == QLatin1String("userCallConfirm"))
        return tr("Waiting for the person to confirm the call.");
    if (hintCode == QLatin1String("userSign"))
        return tr("The person is confirming in the BankID app.");
    if (hintCode == QLatin1String("userMrtd"))
        return tr("The person is scanning their ID document with the BankID app.");
    if (hintCode == QLatin1String("userFace"))
        return tr("The person is taking a face photo in the BankID app.");
    if (hintCode == QLatin1String("userStepUp"))
        return tr("The person is doing an extra check in the BankID app.");
    return tr("Waiting for BankID.");
}

QString OperatorMessages::forFailed(const QString &hintCode)
{
    if (hintCode == QLatin1String("userDeclinedCall"))
        return tr("The person says they are not on a call with you. Do not continue.");
    if (hintCode == QLatin1String("userCancel"))
        return tr("The person cancelled in the BankID app.");
    if (hintCode == QLatin1String("expiredTransaction"))
        return tr("The person did not finish in time. Start a new order if they still want to.");
    if (hintCode == QLatin1String("startFailed"))
        return tr("The person did not start BankID in time.");
    if (hintCode == QLatin1String("certificateErr"))
        return tr("The person's BankID cannot be used (blocked or too many wrong codes).");
    if (hintCode == QLatin1String("cancelled"))
        return tr("A newer order for the same person replaced this one.");
    return tr("The order did not go through.");
}

bool OperatorMessages::mustNotContinue(const QString &hintCode)
{
    return hintCode == QLatin1String("userDeclinedCall");
}

} // namespace bankid
