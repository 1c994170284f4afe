#include "FaultInjector.h"

#include <QRandomGenerator>

namespace bankid::sim {

int FaultInjector::add(FaultRule rule)
{
    rule.id = m_nextId++;
    m_rules.append(rule);
    return rule.id;
}

bool FaultInjector::remove(int id)
{
    return m_rules.removeIf([id](const FaultRule &rule) { return rule.id == id; }) > 0;
}

int FaultInjector::clear()
{
    const int count = int(m_rules.size());
    m_rules.clear();
    return count;
}

std::optional<FaultRule> FaultInjector::take(const QString &endpoint)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &rule = m_rules[i];
        if (!rule.matches(endpoint))
            continue;
        if (rule.probability < 1.0 && QRandomGenerator::global()->generateDouble() >= rule.probability)
            continue;
        const FaultRule used = rule;
        if (rule.remaining > 0 && --rule.remaining == 0)
            m_rules.removeAt(i);
        return used;
    }
    return std::nullopt;
}

QJsonArray FaultInjector::toJson() const
{
    QJsonArray array;
    for (const FaultRule &rule : m_rules)
        array.append(rule.toJson());
    return array;
}

} // namespace bankid::sim
