#include "UserMessages.h"

#include <QCoreApplication>

namespace bankid {

namespace {

struct Entry {
    Rfa rfa;
    const char *source;
};

// English source strings, exact as published by BankID (facts file §4). RFA24..RFA30: our English.
const Entry Entries[] = {
    {Rfa::Rfa1, QT_TRANSLATE_NOOP("bankid::UserMessages", "Start your BankID app.")},
    {Rfa::Rfa2, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                  "You don't seem to have the BankID app. Install the app and get a BankID.")},
    {Rfa::Rfa3, QT_TRANSLATE_NOOP("bankid::UserMessages", "The action was cancelled. Please try again.")},
    {Rfa::Rfa4, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                  "An identification or signature is already in progress for your personal "
                                  "identity number. Please try again.")},
    {Rfa::Rfa5, QT_TRANSLATE_NOOP("bankid::UserMessages", "Something went wrong. Please try again.")},
    {Rfa::Rfa6, QT_TRANSLATE_NOOP("bankid::UserMessages", "The action was cancelled.")},
    {Rfa::Rfa8, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                  "The BankID app is not responding. Please check that it’s started and that you "
                                  "have internet access. Try again.")},
    {Rfa::Rfa9, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                  "Enter your security code in the BankID app and select Identify or Sign.")},
    {Rfa::Rfa13, QT_TRANSLATE_NOOP("bankid::UserMessages", "Trying to start your BankID app.")},
    {Rfa::Rfa15A, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                    "Searching for BankID. Make sure you have a valid BankID on this computer. If "
                                    "you have a BankID on card, please insert the card into your card reader.")},
    {Rfa::Rfa15B, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                    "Searching for BankID. Make sure you have a valid BankID on this device.")},
    {Rfa::Rfa16, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "Your BankID is blocked or too old. Please use another BankID or get a new one "
                                   "from your bank.")},
    {Rfa::Rfa17A, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                    "You don't seem to have the BankID app/program. Please install it and get a "
                                    "BankID from your bank.")},
    {Rfa::Rfa17B, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                    "Failed to scan the QR code. Start the BankID app and scan the QR code.")},
    {Rfa::Rfa19, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "Would you like to use BankID on this computer, or a Mobile BankID?")},
    {Rfa::Rfa20, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "Do you want to use BankID on this device or another device?")},
    {Rfa::Rfa21, QT_TRANSLATE_NOOP("bankid::UserMessages", "An identification or signing is in progress.")},
    // Same English (and Swedish) text as RFA5; kept as its own entry because the id differs.
    {Rfa::Rfa22, QT_TRANSLATE_NOOP("bankid::UserMessages", "Something went wrong. Please try again.")},
    {Rfa::Rfa23, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "Take a photo of, and scan, you ID document with the BankID app.")},
    {Rfa::Rfa24, QT_TRANSLATE_NOOP("bankid::UserMessages", "Complete the face recognition in the BankID app.")},
    {Rfa::Rfa25, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "Choose how you want to confirm your identity in the BankID app.")},
    {Rfa::Rfa26, QT_TRANSLATE_NOOP("bankid::UserMessages", "The check of your ID document failed. Please try again.")},
    {Rfa::Rfa27, QT_TRANSLATE_NOOP("bankid::UserMessages", "The face recognition failed. Please try again.")},
    {Rfa::Rfa28, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "Your device lacks the reader needed to check ID documents.")},
    {Rfa::Rfa29, QT_TRANSLATE_NOOP("bankid::UserMessages",
                                   "You have several BankIDs on your device. You need to delete all but one BankID "
                                   "to complete the identification. You do this under Menu - Settings in your "
                                   "BankID app.")},
    {Rfa::Rfa30, QT_TRANSLATE_NOOP("bankid::UserMessages", "The confirmation of your identity failed. Please try again.")},
};

} // namespace

const char *UserMessages::sourceText(Rfa rfa)
{
    for (const Entry &entry : Entries) {
        if (entry.rfa == rfa)
            return entry.source;
    }
    return nullptr;
}

QString UserMessages::text(Rfa rfa)
{
    const char *source = sourceText(rfa);
    return source ? QCoreApplication::translate("bankid::UserMessages", source) : QString();
}

QString UserMessages::englishText(Rfa rfa)
{
    const char *source = sourceText(rfa);
    return source ? QString::fromUtf8(source) : QString();
}

QList<Rfa> UserMessages::all()
{
    QList<Rfa> list;
    for (const Entry &entry : Entries)
        list.append(entry.rfa);
    return list;
}

Rfa UserMessages::forPending(const QString &hintCode, StartMethod method)
{
    if (hintCode == QLatin1String("outstandingTransaction"))
        return method == StartMethod::SameDevice ? Rfa::Rfa13 : Rfa::Rfa1;
    if (hintCode == QLatin1String("noClient"))
        return Rfa::Rfa1;
    if (hintCode == QLatin1String("started"))
        return method == StartMethod::SameDevice ? Rfa::Rfa15A : Rfa::Rfa15B;
    if (hintCode == QLatin1String("userSign"))
        return Rfa::Rfa9;
    if (hintCode == QLatin1String("userMrtd"))
        return Rfa::Rfa23;
    if (hintCode == QLatin1String("userFace"))
        return Rfa::Rfa24;
    if (hintCode == QLatin1String("userStepUp"))
        return Rfa::Rfa25;
    return Rfa::Rfa21;
}

Rfa UserMessages::forFailed(const QString &hintCode, StartMethod method)
{
    if (hintCode == QLatin1String("expiredTransaction"))
        return Rfa::Rfa8;
    if (hintCode == QLatin1String("certificateErr"))
        return Rfa::Rfa16;
    if (hintCode == QLatin1String("userCancel"))
        return Rfa::Rfa6;
    if (hintCode == QLatin1String("cancelled"))
        return Rfa::Rfa3;
    if (hintCode == QLatin1String("startFailed"))
        return method == StartMethod::QrCode ? Rfa::Rfa17B : Rfa::Rfa17A;
    if (hintCode == QLatin1String("mrtdVerificationFailed"))
        return Rfa::Rfa26;
    if (hintCode == QLatin1String("facialRecognitionFailed"))
        return Rfa::Rfa27;
    if (hintCode == QLatin1String("nfcNotSupportedByDevice"))
        return Rfa::Rfa28;
    if (hintCode == QLatin1String("multipleBankIdsOnDevice"))
        return Rfa::Rfa29;
    if (hintCode == QLatin1String("stepUpFailed"))
        return Rfa::Rfa30;
    return Rfa::Rfa22;
}

} // namespace bankid
