#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace bankid {

/// Finds a member name that occurs twice in one JSON object of a raw JSON text.
///
/// Why: QJsonDocument keeps one of two equal keys and says nothing, so {"status":"pending",
/// "status":"complete"} would be read as whichever it keeps, while another parser (a proxy, an audit
/// tool reading the stored answer) may keep the other. An answer that means two things is refused as an
/// invalid answer (RpCall), never resolved silently.
///
/// Contract: one pass, linear in the text's length (no recursion: nesting depth only grows a heap stack);
/// names are compared after decoding JSON escapes, so "st\u0061tus" and "status" are the same member.
/// The text is expected to be valid JSON (RpCall scans only what QJsonDocument parsed); on anything else
/// it returns whatever it found so far and never reads out of bounds.
///
/// \code
///   if (const auto member = bankid::JsonDuplicateKeys::firstDuplicate(body))
///       refuse(QStringLiteral("member '%1' appears twice").arg(*member)); // e.g. "completionData.user.name"
/// \endcode
class JsonDuplicateKeys
{
public:
    /// The dotted path of the first member that repeats a name of its object (array elements are "[]"),
    /// or nullopt when every object's names are distinct.
    static std::optional<QString> firstDuplicate(QByteArrayView json);
};

} // namespace bankid
