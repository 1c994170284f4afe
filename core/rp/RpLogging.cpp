#include "RpLogging.h"

Q_LOGGING_CATEGORY(lcRp, "bankid.rp")
