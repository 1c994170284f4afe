#include "RiskBlockedNotice.h"

namespace bankid {

QString RiskBlockedNotice::text()
{
    // The warning sign keeps the meaning when the red of ProblemMarker is not seen.
    return tr("⚠ Blocked: BankID rates this order as high risk. Do not continue.");
}

} // namespace bankid
