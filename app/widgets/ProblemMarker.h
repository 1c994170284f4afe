#pragma once

class QLabel;

namespace bankid {

/// Shows a label's text as a problem (or not). Qt has no "error" palette role, so this picks a red that
/// keeps its contrast on the current window colour: dark red on a light palette, light red on a dark one.
///
///     ProblemMarker::mark(m_hintLabel, !PersonalNumber::parse(text));
class ProblemMarker
{
public:
    static void mark(QLabel *label, bool problem);
};

} // namespace bankid
