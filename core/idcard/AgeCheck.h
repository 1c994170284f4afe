#pragma once

namespace bankid {

/// Whether an ID card holder's age meets an operator's age limit (api digest §11: 18, 20 and 25 are the
/// common Swedish limits). The desk and the CLI decide only through these two functions, so both say the
/// same thing about the same card.
///
/// \code
///   if (!bankid::isValidAgeLimit(limit))
///       return usage("the age limit must be 1..150");
///   const bool ok = bankid::checkAge(verification.user.age, limit) == bankid::AgeOutcome::Meets;
/// \endcode
enum class AgeOutcome {
    Meets, ///< age >= limit
    Below, ///< age < limit (also for a negative, i.e. unknown, age)
};

/// The smallest and largest limits an operator may set.
constexpr int MinAgeLimit = 1;
constexpr int MaxAgeLimit = 150;

/// True for MinAgeLimit..MaxAgeLimit.
bool isValidAgeLimit(int limit);

/// Meets when `age` (whole years, BankID's user.age) is at least `limit`. Pure. An age below 0 (unknown)
/// never meets a limit; a limit outside isValidAgeLimit() is a caller error: it is compared all the same
/// (a limit of 0 or less is met by every known age), never silently replaced.
AgeOutcome checkAge(int age, int limit);

} // namespace bankid
