#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
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

/// Qt's own catalogue for the language (button boxes, file dialogs, line-edit menus), installed beside ours.
std::unique_ptr<QTranslator> &installedQtTranslator()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

/// Qt's own texts in the language of `locale`, from QLibraryInfo::TranslationsPath: qtbase_<lang>.qm when the
/// system has it, else the older all-in-one qt_<lang>.qm (Debian 12's qt6-translations-l10n ships Swedish
/// only as qt_sv.qm). Qt 6 asks the standard button texts (OK, Cancel, Save…) in the context
/// "QPlatformTheme"; the older catalogue has them under "QDialogButtonBox", so such a lookup falls back to
/// that context with the same source text.
class QtCatalogueTranslator : public QTranslator
{
public:
    bool loadFor(const QLocale &locale)
    {
        const QString directory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        return load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), directory)
            || load(locale, QStringLiteral("qt"), QStringLiteral("_"), directory);
    }

    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (text.isEmpty() && context && qstrcmp(context, "QPlatformTheme") == 0)
            text = QTranslator::translate("QDialogButtonBox", sourceText, disambiguation, n);
        return text;
    }
};

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
    std::unique_ptr<QTranslator> &qtTranslator = installedQtTranslator();
    if (qtTranslator) {
        QCoreApplication::removeTranslator(qtTranslator.get());
        qtTranslator.reset();
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
    if (!english) {
        // Qt's own buttons and dialogs in the same language; missing is not fatal (they stay in English).
        auto qtTranslator = std::make_unique<QtCatalogueTranslator>();
        if (qtTranslator->loadFor(locale) && QCoreApplication::installTranslator(qtTranslator.get())) {
            qCInfo(lcTranslations) << "installed Qt's translation" << qtTranslator->filePath();
            installedQtTranslator() = std::move(qtTranslator);
        } else {
            qCInfo(lcTranslations) << "no Qt translation for" << locale.name() << "in"
                                   << QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        }
    }
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
