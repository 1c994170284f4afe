#include "Rfa.h"

namespace bankid {

QString rfaId(Rfa rfa)
{
    switch (rfa) {
    case Rfa::None: return {};
    case Rfa::Rfa1: return QStringLiteral("RFA1");
    case Rfa::Rfa2: return QStringLiteral("RFA2");
    case Rfa::Rfa3: return QStringLiteral("RFA3");
    case Rfa::Rfa4: return QStringLiteral("RFA4");
    case Rfa::Rfa5: return QStringLiteral("RFA5");
    case Rfa::Rfa6: return QStringLiteral("RFA6");
    case Rfa::Rfa8: return QStringLiteral("RFA8");
    case Rfa::Rfa9: return QStringLiteral("RFA9");
    case Rfa::Rfa13: return QStringLiteral("RFA13");
    case Rfa::Rfa15A: return QStringLiteral("RFA15A");
    case Rfa::Rfa15B: return QStringLiteral("RFA15B");
    case Rfa::Rfa16: return QStringLiteral("RFA16");
    case Rfa::Rfa17A: return QStringLiteral("RFA17A");
    case Rfa::Rfa17B: return QStringLiteral("RFA17B");
    case Rfa::Rfa19: return QStringLiteral("RFA19");
    case Rfa::Rfa20: return QStringLiteral("RFA20");
    case Rfa::Rfa21: return QStringLiteral("RFA21");
    case Rfa::Rfa22: return QStringLiteral("RFA22");
    case Rfa::Rfa23: return QStringLiteral("RFA23");
    case Rfa::Rfa24: return QStringLiteral("RFA24");
    case Rfa::Rfa25: return QStringLiteral("RFA25");
    case Rfa::Rfa26: return QStringLiteral("RFA26");
    case Rfa::Rfa27: return QStringLiteral("RFA27");
    case Rfa::Rfa28: return QStringLiteral("RFA28");
    case Rfa::Rfa29: return QStringLiteral("RFA29");
    case Rfa::Rfa30: return QStringLiteral("RFA30");
    }
    return {};
}

} // namespace bankid
