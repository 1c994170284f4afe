#include "Translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTranslator>

#include <memory>

Q_LOGGING_CATEGORY(lcTranslations, "bankid.translations")

namespace bankid {

namespace {

/// The one installed translator. Owned here (not by the application object) because it must outlive
/// every switch and be removed before it is replaced; function-local so no static-init order matters.
std::unique_ptr<QTranslator> &installedTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

QLocale::Language &installedLanguageRef()
{
    static QLocale::Language language = QLocale::English;
    return language;
}

} // namespace

void Translations::remove()
{
    std::unique_ptr<QTranslator> &translator = installedTranslator();
    if (translator) {
        QCoreApplication::removeTranslator(translator.get());
        translator.reset();
    }
    installedLanguageRef() = QLocale::English;
}

bool Translations::install(const QLocale &locale)
{
    remove();
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        QLocale::setDefault(locale);
        return true;
    }

    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, QStringLiteral("bankid-desk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        qCInfo(lcTranslations) << "no translation for" << locale.name() << "- staying in English";
        return false;
    }
    if (!QCoreApplication::installTranslator(translator.get())) {
        qCWarning(lcTranslations) << "could not install the translation for" << locale.name();
        return false;
    }
    qCInfo(lcTranslations) << "installed translation" << translator->filePath();
    installedTranslator() = std::move(translator);
    installedLanguageRef() = locale.language();
    // Dates and numbers follow the language the texts are in ("lördag 28 november", "4,6 s").
    QLocale::setDefault(locale);
    return true;
}

QLocale::Language Translations::installedLanguage()
{
    return installedLanguageRef();
}

} // namespace bankid
