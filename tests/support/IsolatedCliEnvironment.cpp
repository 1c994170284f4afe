#include "IsolatedCliEnvironment.h"

namespace bankid::test {

QProcessEnvironment isolatedCliEnvironment(const QString &dataHome, const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"LC_ALL", "LANG"})
        environment.insert(QLatin1String(variable), QStringLiteral("C.UTF-8"));
    for (const char *variable : {"LANGUAGE", "QT_LOGGING_RULES"})
        environment.remove(QLatin1String(variable));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    environment.insert(QStringLiteral("HOME"), home);
    return environment;
}

} // namespace bankid::test
