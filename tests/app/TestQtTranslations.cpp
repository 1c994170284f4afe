// Qt's own texts follow the desk's language (issue 9, finding 7): Translations::install loads Qt's
// catalogue beside the desk's, so a QDialogButtonBox (every dialog's OK/Cancel) and QFileDialog speak
// Swedish, and switching back to English restores Qt's English texts.

#include "Translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLibraryInfo>
#include <QPushButton>
#include <QTest>

using namespace bankid;

class TestQtTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void dialogButtonsAreSwedish();
    void switchingBackRestoresEnglish();
};

namespace {

QString cancelText()
{
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    return box.button(QDialogButtonBox::Cancel)->text();
}

} // namespace

void TestQtTranslations::cleanup()
{
    Translations::install(QLocale(QLocale::English));
}

void TestQtTranslations::dialogButtonsAreSwedish()
{
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    // Debian 12: qt6-translations-l10n (./dev installs it) provides qt_sv.qm in this folder.
    QCOMPARE_NE(QCoreApplication::translate("QFileDialog", "&Open"), QStringLiteral("&Open"));
    QCOMPARE(cancelText(), QStringLiteral("Avbryt"));
}

void TestQtTranslations::switchingBackRestoresEnglish()
{
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    QCOMPARE(cancelText(), QStringLiteral("Avbryt"));
    QVERIFY(Translations::install(QLocale(QLocale::English)));
    QCOMPARE(cancelText(), QStringLiteral("Cancel"));
}

QTEST_MAIN(TestQtTranslations)
#include "TestQtTranslations.moc"
