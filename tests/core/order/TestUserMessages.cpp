// UserMessages: exact English and Swedish RFA texts (Swedish through the embedded translation, switched
// live), and the hint code x start method -> RFA mapping of facts file §4.
#include "Translations.h"
#include "UserMessages.h"
#include "ValidationError.h"

#include <QCoreApplication>
#include <QTest>

using namespace bankid;

class TestUserMessages : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void texts_data();
    void texts();
    void everyRfaHasText();
    void pending_data();
    void pending();
    void failed_data();
    void failed();
    void liveLanguageSwitch();
    void unknownLanguageStaysEnglish();
    void validatorMessagesTranslated();
};

void TestUserMessages::cleanup()
{
    Translations::remove();
}

void TestUserMessages::texts_data()
{
    QTest::addColumn<Rfa>("rfa");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("swedish");

    // BankID's texts, exact (developers.bankid.com/ui-resources/user-messages; facts file §4). RFA15B's
    // Swedish "gitligt" typo is written "giltigt"; RFA23's English "you ID" typo is kept.
    QTest::newRow("RFA1") << Rfa::Rfa1 << "Start your BankID app." << "Starta BankID-appen.";
    QTest::newRow("RFA2") << Rfa::Rfa2 << "You don't seem to have the BankID app. Install the app and get a BankID."
                          << "Du verkar inte ha BankID-appen. Installera den och skaffa ett BankID.";
    QTest::newRow("RFA3") << Rfa::Rfa3 << "The action was cancelled. Please try again."
                          << QString::fromUtf8("Åtgärden avbröts. Försök igen.");
    QTest::newRow("RFA4") << Rfa::Rfa4
                          << "An identification or signature is already in progress for your personal identity number. "
                             "Please try again."
                          << QString::fromUtf8("En identifiering eller underskrift pågår redan för ditt personnummer. "
                                               "Försök igen.");
    QTest::newRow("RFA5") << Rfa::Rfa5 << "Something went wrong. Please try again."
                          << QString::fromUtf8("Något gick fel. Försök igen.");
    QTest::newRow("RFA6") << Rfa::Rfa6 << "The action was cancelled." << QString::fromUtf8("Åtgärden avbröts.");
    QTest::newRow("RFA8") << Rfa::Rfa8
                          << QString::fromUtf8("The BankID app is not responding. Please check that it’s started and "
                                               "that you have internet access. Try again.")
                          << QString::fromUtf8("BankID-appen svarar inte. Kontrollera att den är startad och att du har "
                                               "internetanslutning. Försök sedan igen.");
    QTest::newRow("RFA9") << Rfa::Rfa9 << "Enter your security code in the BankID app and select Identify or Sign."
                          << QString::fromUtf8("Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller "
                                               "Skriv under.");
    QTest::newRow("RFA13") << Rfa::Rfa13 << "Trying to start your BankID app."
                           << QString::fromUtf8("Försöker starta BankID-appen.");
    QTest::newRow("RFA15A") << Rfa::Rfa15A
                            << "Searching for BankID. Make sure you have a valid BankID on this computer. If you have a "
                               "BankID on card, please insert the card into your card reader."
                            << QString::fromUtf8("Söker efter BankID. Säkerställ att du har ett giltigt BankID på den "
                                                 "här datorn. Om du har ett BankID på kort, sätt in kortet i "
                                                 "kortläsaren.");
    QTest::newRow("RFA15B") << Rfa::Rfa15B << "Searching for BankID. Make sure you have a valid BankID on this device."
                            << QString::fromUtf8("Söker efter BankID. Säkerställ att du har ett giltigt BankID på den "
                                                 "här enheten.");
    QTest::newRow("RFA16") << Rfa::Rfa16
                           << "Your BankID is blocked or too old. Please use another BankID or get a new one from your "
                              "bank."
                           << QString::fromUtf8("Ditt BankID är för gammalt eller spärrat. Använd ett annat BankID "
                                                "eller skaffa ett nytt hos din bank.");
    QTest::newRow("RFA17A") << Rfa::Rfa17A
                            << "You don't seem to have the BankID app/program. Please install it and get a BankID from "
                               "your bank."
                            << QString::fromUtf8("Du verkar inte ha BankID-appen/programmet. Installera den och skaffa "
                                                 "ett BankID hos din bank.");
    QTest::newRow("RFA17B") << Rfa::Rfa17B << "Failed to scan the QR code. Start the BankID app and scan the QR code."
                            << QString::fromUtf8("Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av "
                                                 "QR-koden.");
    QTest::newRow("RFA19") << Rfa::Rfa19 << "Would you like to use BankID on this computer, or a Mobile BankID?"
                           << QString::fromUtf8("Vill du använda BankID på den här datorn eller ett Mobilt BankID?");
    QTest::newRow("RFA20") << Rfa::Rfa20 << "Do you want to use BankID on this device or another device?"
                           << QString::fromUtf8("Vill du använda BankID på den här enheten eller på en annan enhet?");
    QTest::newRow("RFA21") << Rfa::Rfa21 << "An identification or signing is in progress."
                           << QString::fromUtf8("En identifiering eller underskrift pågår.");
    QTest::newRow("RFA22") << Rfa::Rfa22 << "Something went wrong. Please try again."
                           << QString::fromUtf8("Något gick fel. Försök igen.");
    QTest::newRow("RFA23") << Rfa::Rfa23 << "Take a photo of, and scan, you ID document with the BankID app."
                           << QString::fromUtf8("Fotografera och läs av din ID-handling med BankID-appen.");
    // Swedish-only messages (single source, UNCONFIRMED); the English is ours.
    QTest::newRow("RFA24") << Rfa::Rfa24 << "Complete the face recognition in the BankID app."
                           << QString::fromUtf8("Gör en ansiktsigenkänning i BankID-appen.");
    QTest::newRow("RFA25") << Rfa::Rfa25 << "Choose how you want to confirm your identity in the BankID app."
                           << QString::fromUtf8("Välj hur du vill bekräfta din identitet i BankID-appen.");
    QTest::newRow("RFA26") << Rfa::Rfa26 << "The check of your ID document failed. Please try again."
                           << QString::fromUtf8("Kontrollen av din ID-handling misslyckades. Försök igen.");
    QTest::newRow("RFA27") << Rfa::Rfa27 << "The face recognition failed. Please try again."
                           << QString::fromUtf8("Ansiktsigenkänningen misslyckades. Försök igen.");
    QTest::newRow("RFA28") << Rfa::Rfa28 << "Your device lacks the reader needed to check ID documents."
                           << QString::fromUtf8("Din enhet saknar den läsare som behövs för att kontrollera "
                                                "ID-handlingar.");
    QTest::newRow("RFA29") << Rfa::Rfa29
                           << "You have several BankIDs on your device. You need to delete all but one BankID to "
                              "complete the identification. You do this under Menu - Settings in your BankID app."
                           << QString::fromUtf8("Du har flera BankID på din enhet. Du behöver radera alla utom ett "
                                                "BankID för att kunna slutföra identifieringen. Det gör du under Meny - "
                                                "Inställningar i din BankID-app.");
    QTest::newRow("RFA30") << Rfa::Rfa30 << "The confirmation of your identity failed. Please try again."
                           << QString::fromUtf8("Bekräftelsen av din identitet misslyckades. Försök igen.");
}

void TestUserMessages::texts()
{
    QFETCH(Rfa, rfa);
    QFETCH(QString, english);
    QFETCH(QString, swedish);

    QCOMPARE(UserMessages::text(rfa), english);
    QCOMPARE(UserMessages::englishText(rfa), english);

    QVERIFY(Translations::install(QLocale(QLocale::Swedish, QLocale::Sweden)));
    QCOMPARE(Translations::installedLanguage(), QLocale::Swedish);
    QCOMPARE(UserMessages::text(rfa), swedish);
    QCOMPARE(UserMessages::englishText(rfa), english);
}

void TestUserMessages::everyRfaHasText()
{
    const QList<Rfa> all = UserMessages::all();
    QCOMPARE(all.size(), 26); // every Rfa value except None
    QVERIFY(!all.contains(Rfa::None));
    QVERIFY(UserMessages::text(Rfa::None).isEmpty());
    QVERIFY(UserMessages::sourceText(Rfa::None) == nullptr);
    for (const Rfa rfa : all)
        QVERIFY2(!UserMessages::text(rfa).isEmpty(), qPrintable(rfaId(rfa)));
}

void TestUserMessages::pending_data()
{
    QTest::addColumn<QString>("hintCode");
    QTest::addColumn<StartMethod>("method");
    QTest::addColumn<Rfa>("rfa");

    const struct {
        const char *hint;
        Rfa qr;
        Rfa sameDevice;
        Rfa phone;
    } table[] = {
        {"outstandingTransaction", Rfa::Rfa1, Rfa::Rfa13, Rfa::Rfa1},
        {"noClient", Rfa::Rfa1, Rfa::Rfa1, Rfa::Rfa1},
        {"started", Rfa::Rfa15B, Rfa::Rfa15A, Rfa::Rfa15B},
        {"userSign", Rfa::Rfa9, Rfa::Rfa9, Rfa::Rfa9},
        {"userMrtd", Rfa::Rfa23, Rfa::Rfa23, Rfa::Rfa23},
        {"userCallConfirm", Rfa::Rfa21, Rfa::Rfa21, Rfa::Rfa21},
        {"userFace", Rfa::Rfa24, Rfa::Rfa24, Rfa::Rfa24},
        {"userStepUp", Rfa::Rfa25, Rfa::Rfa25, Rfa::Rfa25},
        {"processing", Rfa::Rfa21, Rfa::Rfa21, Rfa::Rfa21},
        {"someFutureHint", Rfa::Rfa21, Rfa::Rfa21, Rfa::Rfa21},
        {"", Rfa::Rfa21, Rfa::Rfa21, Rfa::Rfa21},
    };
    for (const auto &row : table) {
        const QByteArray hint = *row.hint ? QByteArray(row.hint) : QByteArray("empty");
        QTest::addRow("pending_%s_qr", hint.constData()) << QString::fromLatin1(row.hint) << StartMethod::QrCode << row.qr;
        QTest::addRow("pending_%s_sameDevice", hint.constData())
            << QString::fromLatin1(row.hint) << StartMethod::SameDevice << row.sameDevice;
        QTest::addRow("pending_%s_phone", hint.constData())
            << QString::fromLatin1(row.hint) << StartMethod::Phone << row.phone;
    }
}

void TestUserMessages::pending()
{
    QFETCH(QString, hintCode);
    QFETCH(StartMethod, method);
    QFETCH(Rfa, rfa);
    QCOMPARE(rfaId(UserMessages::forPending(hintCode, method)), rfaId(rfa));
}

void TestUserMessages::failed_data()
{
    QTest::addColumn<QString>("hintCode");
    QTest::addColumn<StartMethod>("method");
    QTest::addColumn<Rfa>("rfa");

    const struct {
        const char *hint;
        Rfa qr;
        Rfa sameDevice;
        Rfa phone;
    } table[] = {
        {"expiredTransaction", Rfa::Rfa8, Rfa::Rfa8, Rfa::Rfa8},
        {"certificateErr", Rfa::Rfa16, Rfa::Rfa16, Rfa::Rfa16},
        {"userCancel", Rfa::Rfa6, Rfa::Rfa6, Rfa::Rfa6},
        {"cancelled", Rfa::Rfa3, Rfa::Rfa3, Rfa::Rfa3},
        {"startFailed", Rfa::Rfa17B, Rfa::Rfa17A, Rfa::Rfa17A},
        {"userDeclinedCall", Rfa::Rfa22, Rfa::Rfa22, Rfa::Rfa22},
        {"notSupportedByUserApp", Rfa::Rfa22, Rfa::Rfa22, Rfa::Rfa22},
        {"transactionRiskBlocked", Rfa::Rfa22, Rfa::Rfa22, Rfa::Rfa22},
        {"mrtdVerificationFailed", Rfa::Rfa26, Rfa::Rfa26, Rfa::Rfa26},
        {"facialRecognitionFailed", Rfa::Rfa27, Rfa::Rfa27, Rfa::Rfa27},
        {"nfcNotSupportedByDevice", Rfa::Rfa28, Rfa::Rfa28, Rfa::Rfa28},
        {"multipleBankIdsOnDevice", Rfa::Rfa29, Rfa::Rfa29, Rfa::Rfa29},
        {"stepUpFailed", Rfa::Rfa30, Rfa::Rfa30, Rfa::Rfa30},
        {"someFutureHint", Rfa::Rfa22, Rfa::Rfa22, Rfa::Rfa22},
        {"", Rfa::Rfa22, Rfa::Rfa22, Rfa::Rfa22},
    };
    for (const auto &row : table) {
        const QByteArray hint = *row.hint ? QByteArray(row.hint) : QByteArray("empty");
        QTest::addRow("failed_%s_qr", hint.constData()) << QString::fromLatin1(row.hint) << StartMethod::QrCode << row.qr;
        QTest::addRow("failed_%s_sameDevice", hint.constData())
            << QString::fromLatin1(row.hint) << StartMethod::SameDevice << row.sameDevice;
        QTest::addRow("failed_%s_phone", hint.constData())
            << QString::fromLatin1(row.hint) << StartMethod::Phone << row.phone;
    }
}

void TestUserMessages::failed()
{
    QFETCH(QString, hintCode);
    QFETCH(StartMethod, method);
    QFETCH(Rfa, rfa);
    QCOMPARE(rfaId(UserMessages::forFailed(hintCode, method)), rfaId(rfa));
}

void TestUserMessages::liveLanguageSwitch()
{
    QCOMPARE(UserMessages::text(Rfa::Rfa1), QStringLiteral("Start your BankID app."));
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    QCOMPARE(UserMessages::text(Rfa::Rfa1), QStringLiteral("Starta BankID-appen."));
    // Installing again replaces, never stacks, the translator.
    QVERIFY(Translations::install(QLocale(QLocale::Swedish, QLocale::Finland)));
    QCOMPARE(UserMessages::text(Rfa::Rfa1), QStringLiteral("Starta BankID-appen."));
    QVERIFY(Translations::install(QLocale(QLocale::English, QLocale::UnitedStates)));
    QCOMPARE(Translations::installedLanguage(), QLocale::English);
    QCOMPARE(UserMessages::text(Rfa::Rfa1), QStringLiteral("Start your BankID app."));
}

void TestUserMessages::unknownLanguageStaysEnglish()
{
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    QVERIFY(!Translations::install(QLocale(QLocale::Japanese)));
    QCOMPARE(Translations::installedLanguage(), QLocale::English);
    QCOMPARE(UserMessages::text(Rfa::Rfa6), QStringLiteral("The action was cancelled."));
}

void TestUserMessages::validatorMessagesTranslated()
{
    const ValidationError error(QStringLiteral("userVisibleData"), ValidationError::Rule::Base64TooLong,
                                {QStringLiteral("1 600"), QStringLiteral("/auth"), QStringLiteral("1 500")});
    QCOMPARE(error.message(), QStringLiteral("userVisibleData is 1 600 characters after base64; /auth allows at most 1 500."));
    QVERIFY(Translations::install(QLocale(QLocale::Swedish)));
    QCOMPARE(error.message(),
             QString::fromUtf8("userVisibleData är 1 600 tecken efter base64; /auth tillåter högst 1 500."));
}

QTEST_GUILESS_MAIN(TestUserMessages)
#include "TestUserMessages.moc"
