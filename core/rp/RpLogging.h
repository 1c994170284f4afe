#pragma once

#include <QLoggingCategory>

// The one logging category of the RP calls ("bankid.rp"): RpClient, RpCall and CancelJob's retried cancels
// share it, so QT_LOGGING_RULES="bankid.rp.debug=true" shows one order's calls in order. Personal numbers are
// masked before they reach it (PersonalNumber::masked()); passwords and qrStartSecret never do.
Q_DECLARE_LOGGING_CATEGORY(lcRp)
