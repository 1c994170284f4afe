#pragma once

#include <QLocale>

namespace bankid {

/// Installs the application's translation (English source strings, Swedish in :/i18n/bankid-desk_sv.qm,
/// embedded into bankid_core by qt_add_translations) and switches it live: installing a new language
/// replaces the previous translator, English removes it. Qt then sends QEvent::LanguageChange to every
/// widget, and texts fetched through QCoreApplication::translate afterwards (UserMessages::text,
/// ValidationError::message) come out in the new language. Needs a QCoreApplication instance; call it
/// from the GUI thread only.
///
/// Usage:
/// \code
///   Translations::install(QLocale(QLocale::Swedish));   // Swedish
///   Translations::install(QLocale(QLocale::English));   // back to English
/// \endcode
class Translations
{
public:
    Translations() = delete;

    /// Loads the translation for \a locale. English (and the C locale) install the English plural-forms
    /// catalogue (translations/bankid-desk_en.ts) and return true. Another language returns true when its .qm was found and installed; otherwise
    /// false, and the application is left in English. On success it also makes \a locale the default
    /// QLocale, so dates and numbers are written in the language of the texts. For a language other than
    /// English it also installs Qt's own catalogue (qtbase_<lang>.qm, else qt_<lang>.qm, from
    /// QLibraryInfo::TranslationsPath) so Qt's buttons and dialogs match; its absence only leaves them in
    /// English.
    static bool install(const QLocale &locale);
    /// Removes the installed translations, ours and Qt's (back to English).
    static void remove();
    /// The language currently installed: QLocale::English when none.
    static QLocale::Language installedLanguage();
};

} // namespace bankid
