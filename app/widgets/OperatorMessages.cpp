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

QString OperatorMessages::forIdCardError(const RpError &error)
{
    const QString detail = error.details().toLower();
    switch (error.kind()) {
    case RpError::Kind::None:
        return {};
    case RpError::Kind::Validation:
        return forNotIdCardCode(error.technicalMessage());
    case RpError::Kind::Api:
        if (error.httpStatus() == 400 && detail.contains(QLatin1String("expired")))
            return tr("The QR code has expired: it is valid for a short time only. Ask the holder to show the ID card "
                      "again and scan the new code.");
        if (error.httpStatus() == 400 && (detail.contains(QLatin1String("used")) || detail.contains(QLatin1String("reuse"))))
            return tr("This QR code has already been used: each code can be verified once. Ask the holder to show "
                      "the ID card again and scan the new code.");
        if (error.httpStatus() == 400)
            return tr("BankID does not accept this QR code as a valid ID card. Ask the holder to open the ID card in "
                      "the BankID app (not a login QR code) and scan the code shown there.");
        if (error.httpStatus() == 401 || error.httpStatus() == 403)
            return tr("BankID refused the desk's RP certificate for ID card verification (%1). Nothing was verified. "
                      "Check the certificate in Settings or call IT support.")
                .arg(error.technicalMessage());
        return tr("BankID could not verify the card right now (%1). Nothing was verified. Wait a moment, then ask "
                  "for a fresh code and scan again.")
            .arg(error.technicalMessage());
    case RpError::Kind::Timeout:
    case RpError::Kind::Connection:
        return tr("BankID could not be reached (%1). Nothing was verified. Check the network connection, then ask "
                  "for a fresh code and scan again.")
            .arg(error.technicalMessage());
    case RpError::Kind::ServerCertificateUntrusted:
    case RpError::Kind::ClientCertificateRejected:
    case RpError::Kind::Tls:
        return tr("The secure connection to BankID failed (%1). Nothing was verified. Check the environment and the "
                  "RP certificate in Settings, or call IT support.")
            .arg(error.technicalMessage());
    case RpError::Kind::Configuration:
        return tr("The desk is not set up for ID card verification (%1). Open Settings to fix it.")
            .arg(error.technicalMessage());
    case RpError::Kind::InvalidResponse:
        return tr("BankID's answer could not be read (%1). Nothing was verified. Ask for a fresh code and scan again; "
                  "if it happens again, call IT support.")
            .arg(error.technicalMessage());
    case RpError::Kind::Cancelled:
        return tr("The verification was cancelled. Scan a fresh code to verify the card.");
    }
    return error.technicalMessage();
}

QString OperatorMessages::forNotIdCardCode(const QString &problem)
{
    return tr("This is not a BankID ID card code (%1). Ask the holder to open the ID card in the BankID app and "
              "scan the QR code shown there.")
        .arg(problem);
}

} // namespace bankid
