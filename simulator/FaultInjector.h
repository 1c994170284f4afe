#pragma once

#include "FaultRule.h"

#include <QJsonArray>
#include <QList>

#include <optional>

namespace bankid::sim {

// The active fault rules of a simulator, consulted once per RP API request.
//
// Contract: take() walks the rules in the order they were added; the first rule that matches the endpoint
// and wins its probability roll is used: its remaining count drops by one and it is removed at zero.
//
//     FaultInjector faults;
//     faults.add(*FaultRule::parse(QStringLiteral("collect:503:count=2"), &error));
//     if (const auto rule = faults.take(QStringLiteral("collect"))) ...
class FaultInjector
{
public:
    /// Adds a rule and returns its id (ids start at 1 and are never reused).
    int add(FaultRule rule);
    bool remove(int id);
    int clear();
    std::optional<FaultRule> take(const QString &endpoint);
    QJsonArray toJson() const;
    bool isEmpty() const { return m_rules.isEmpty(); }

private:
    QList<FaultRule> m_rules;
    int m_nextId = 1;
};

} // namespace bankid::sim
