#pragma once

#include "Rfa.h"
#include "StartMethod.h"

#include <QList>
#include <QString>

namespace bankid {

/// BankID's recommended user messages (RFA texts, developers.bankid.com/ui-resources/user-messages,
/// facts file §4) and the hint code -> RFA mapping for collect results.
///
/// The English texts are the translation source strings, exactly as BankID publishes them (including
/// "you ID" in RFA23); translations/bankid-desk_sv.ts holds BankID's exact Swedish texts. RFA24..RFA30
/// exist in Swedish only (single source, UNCONFIRMED): their English source strings are our own rendering.
/// text() translates at call time, so a live language switch (Translations::install) shows at once.
/// Error -> RFA mapping (alreadyInProgress -> RFA4, ...) lives with RpError, not here.
///
/// Usage:
/// \code
///   const Rfa rfa = collect.status == CollectStatus::Failed
///       ? UserMessages::forFailed(collect.hintCode, StartMethod::QrCode)
///       : UserMessages::forPending(collect.hintCode, StartMethod::QrCode);
///   hintLabel->setText(UserMessages::text(rfa));
/// \endcode
class UserMessages
{
public:
    UserMessages() = delete;

    /// The text in the installed language; empty for Rfa::None.
    static QString text(Rfa rfa);
    /// The English text regardless of the installed language (logs, audit); empty for Rfa::None.
    static QString englishText(Rfa rfa);
    /// The untranslated UTF-8 source literal (nullptr for Rfa::None).
    static const char *sourceText(Rfa rfa);
    /// Every RFA that has a text, in id order.
    static QList<Rfa> all();

    /// The RFA for a pending collect. outstandingTransaction -> RFA1 (QR, phone) or RFA13 (same device);
    /// noClient -> RFA1; started -> RFA15A when BankID runs on this computer (same device), RFA15B when it
    /// runs on the person's other device (QR, phone); userSign -> RFA9; userMrtd -> RFA23; userFace ->
    /// RFA24 and userStepUp -> RFA25 (UNCONFIRMED); anything else, userCallConfirm included -> RFA21.
    static Rfa forPending(const QString &hintCode, StartMethod method);
    /// The RFA for a failed collect. expiredTransaction -> RFA8; certificateErr -> RFA16; userCancel ->
    /// RFA6; cancelled -> RFA3; startFailed -> RFA17B (QR) or RFA17A (otherwise); the UNCONFIRMED
    /// mrtdVerificationFailed, facialRecognitionFailed, nfcNotSupportedByDevice, multipleBankIdsOnDevice,
    /// stepUpFailed -> RFA26..RFA30; anything else (userDeclinedCall, notSupportedByUserApp,
    /// transactionRiskBlocked included) -> RFA22.
    static Rfa forFailed(const QString &hintCode, StartMethod method);
};

} // namespace bankid
