#pragma once

#include <QMetaType>
#include <QString>

namespace bankid {

/// A BankID "Recommended user message" (RFA) identifier, as listed on
/// developers.bankid.com/ui-resources/user-messages. The texts live in UserMessages.
/// RFA24..RFA30 are newer Swedish-only messages from a single source (UNCONFIRMED).
enum class Rfa {
    None,   ///< nothing to show (e.g. an RP-internal state)
    Rfa1,   ///< Start your BankID app.
    Rfa2,   ///< You don't seem to have the BankID app...
    Rfa3,   ///< The action was cancelled. Please try again.
    Rfa4,   ///< ...already in progress for your personal identity number...
    Rfa5,   ///< Something went wrong. Please try again.
    Rfa6,   ///< The action was cancelled.
    Rfa8,   ///< The BankID app is not responding...
    Rfa9,   ///< Enter your security code in the BankID app...
    Rfa13,  ///< Trying to start your BankID app.
    Rfa15A, ///< Searching for BankID... on this computer (card reader)
    Rfa15B, ///< Searching for BankID... on this device
    Rfa16,  ///< Your BankID is blocked or too old...
    Rfa17A, ///< You don't seem to have the BankID app/program...
    Rfa17B, ///< Failed to scan the QR code...
    Rfa19,  ///< Would you like to use BankID on this computer, or a Mobile BankID?
    Rfa20,  ///< Do you want to use BankID on this device or another device?
    Rfa21,  ///< An identification or signing is in progress.
    Rfa22,  ///< Something went wrong. Please try again. (unknown error)
    Rfa23,  ///< Take a photo of, and scan, you ID document with the BankID app.
    Rfa24,  ///< userFace (UNCONFIRMED)
    Rfa25,  ///< userStepUp (UNCONFIRMED)
    Rfa26,  ///< mrtdVerificationFailed (UNCONFIRMED)
    Rfa27,  ///< facialRecognitionFailed (UNCONFIRMED)
    Rfa28,  ///< nfcNotSupportedByDevice (UNCONFIRMED)
    Rfa29,  ///< multipleBankIdsOnDevice (UNCONFIRMED)
    Rfa30,  ///< stepUpFailed (UNCONFIRMED)
};

/// "RFA9", "RFA15A", ... ; empty for Rfa::None.
QString rfaId(Rfa rfa);

} // namespace bankid

Q_DECLARE_METATYPE(bankid::Rfa)
