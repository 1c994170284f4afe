#include "AgeCheck.h"

namespace bankid {

bool isValidAgeLimit(int limit)
{
    return limit >= MinAgeLimit && limit <= MaxAgeLimit;
}

AgeOutcome checkAge(int age, int limit)
{
    if (age < 0)
        return AgeOutcome::Below;
    return age >= limit ? AgeOutcome::Meets : AgeOutcome::Below;
}

} // namespace bankid
