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
    // English is the source language; its catalogue holds only plural forms ("1 entry" / "2 entries"),
    // so a missing English catalogue still leaves readable texts.
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(english ? QLocale(QLocale::English) : locale, QStringLiteral("bankid-desk"),
                          QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        if (english) {
            QLocale::setDefault(locale);
            return true;
        }
        qCInfo(lcTranslations) << "no translation for" << locale.name() << "- staying in English";
        return false;
    }
    if (!QCoreApplication::installTranslator(translator.get())) {
        qCWarning(lcTranslations) << "could not install the translation for" << locale.name();
        return false;
    }
    qCInfo(lcTranslations) << "installed translation" << translator->filePath();
    installedTranslator() = std::move(translator);
    installedLanguageRef() = english ? QLocale::English : locale.language();
    // Dates and numbers follow the language the texts are in ("lördag 28 november", "4,6 s").
    QLocale::setDefault(locale);
    return true;
}

QLocale::Language Translations::installedLanguage()
{
    return installedLanguageRef();
}

} // namespace bankid
