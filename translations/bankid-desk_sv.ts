<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>bankid::PersonalNumber</name>
    <message>
        <source>The personal identity number is valid.</source>
        <translation>Personnumret är giltigt.</translation>
    </message>
    <message>
        <source>Enter a personal identity number.</source>
        <translation>Ange ett personnummer.</translation>
    </message>
    <message>
        <source>A personal identity number has 12 digits: YYYYMMDDNNNN (YYYYMMDD-NNNN is also accepted).</source>
        <translation>Ett personnummer har 12 siffror: ÅÅÅÅMMDDNNNN (ÅÅÅÅMMDD-NNNN går också bra).</translation>
    </message>
    <message>
        <source>The first 8 digits are not a real date (YYYYMMDD; a coordination number adds 60 to the day).</source>
        <translation>De första 8 siffrorna är inget giltigt datum (ÅÅÅÅMMDD; i ett samordningsnummer är dagen ökad med 60).</translation>
    </message>
    <message>
        <source>The last digit does not match the check digit; check for a typo.</source>
        <translation>Den sista siffran stämmer inte med kontrollsiffran; kontrollera att numret är rätt inskrivet.</translation>
    </message>
</context>
<context>
    <name>bankid::SimpleMarkdown</name>
    <message>
        <source>control characters other than line breaks and tabs are not allowed</source>
        <translation>andra styrtecken än radbrytningar och tabbar är inte tillåtna</translation>
    </message>
    <message>
        <source>a heading has at most three &apos;#&apos; (levels 1 to 3)</source>
        <translation>en rubrik har högst tre &apos;#&apos; (nivå 1 till 3)</translation>
    </message>
    <message>
        <source>a space is needed between &apos;#&apos; and the heading text</source>
        <translation>det behövs ett mellanslag mellan &apos;#&apos; och rubriktexten</translation>
    </message>
    <message>
        <source>the heading has no text</source>
        <translation>rubriken saknar text</translation>
    </message>
    <message>
        <source>the list item has no text</source>
        <translation>listpunkten saknar text</translation>
    </message>
    <message>
        <source>a table row must end with &apos;|&apos;</source>
        <translation>en tabellrad måste sluta med &apos;|&apos;</translation>
    </message>
    <message>
        <source>this table row has a different number of cells than the first row</source>
        <translation>tabellraden har ett annat antal celler än den första raden</translation>
    </message>
    <message>
        <source>&apos;*&apos; (bold) is opened but not closed on the same line</source>
        <translation>&apos;*&apos; (fetstil) öppnas men stängs inte på samma rad</translation>
    </message>
    <message>
        <source>&apos;+&apos; (italic) is opened but not closed on the same line</source>
        <translation>&apos;+&apos; (kursiv stil) öppnas men stängs inte på samma rad</translation>
    </message>
    <message>
        <source>emphasis markers with no text between them</source>
        <translation>betoningstecken utan text emellan</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>rad %1, kolumn %2: %3</translation>
    </message>
</context>
<context>
    <name>bankid::UserMessages</name>
    <message>
        <source>Start your BankID app.</source>
        <translation>Starta BankID-appen.</translation>
    </message>
    <message>
        <source>You don&apos;t seem to have the BankID app. Install the app and get a BankID.</source>
        <translation>Du verkar inte ha BankID-appen. Installera den och skaffa ett BankID.</translation>
    </message>
    <message>
        <source>The action was cancelled. Please try again.</source>
        <translation>Åtgärden avbröts. Försök igen.</translation>
    </message>
    <message>
        <source>An identification or signature is already in progress for your personal identity number. Please try again.</source>
        <translation>En identifiering eller underskrift pågår redan för ditt personnummer. Försök igen.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Något gick fel. Försök igen.</translation>
    </message>
    <message>
        <source>The action was cancelled.</source>
        <translation>Åtgärden avbröts.</translation>
    </message>
    <message>
        <source>The BankID app is not responding. Please check that it’s started and that you have internet access. Try again.</source>
        <translation>BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Försök sedan igen.</translation>
    </message>
    <message>
        <source>Enter your security code in the BankID app and select Identify or Sign.</source>
        <translation>Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.</translation>
    </message>
    <message>
        <source>Trying to start your BankID app.</source>
        <translation>Försöker starta BankID-appen.</translation>
    </message>
    <message>
        <source>Searching for BankID. Make sure you have a valid BankID on this computer. If you have a BankID on card, please insert the card into your card reader.</source>
        <translation>Söker efter BankID. Säkerställ att du har ett giltigt BankID på den här datorn. Om du har ett BankID på kort, sätt in kortet i kortläsaren.</translation>
    </message>
    <message>
        <source>Searching for BankID. Make sure you have a valid BankID on this device.</source>
        <translation>Söker efter BankID. Säkerställ att du har ett giltigt BankID på den här enheten.</translation>
    </message>
    <message>
        <source>Your BankID is blocked or too old. Please use another BankID or get a new one from your bank.</source>
        <translation>Ditt BankID är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din bank.</translation>
    </message>
    <message>
        <source>You don&apos;t seem to have the BankID app/program. Please install it and get a BankID from your bank.</source>
        <translation>Du verkar inte ha BankID-appen/programmet. Installera den och skaffa ett BankID hos din bank.</translation>
    </message>
    <message>
        <source>Failed to scan the QR code. Start the BankID app and scan the QR code.</source>
        <translation>Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden.</translation>
    </message>
    <message>
        <source>Would you like to use BankID on this computer, or a Mobile BankID?</source>
        <translation>Vill du använda BankID på den här datorn eller ett Mobilt BankID?</translation>
    </message>
    <message>
        <source>Do you want to use BankID on this device or another device?</source>
        <translation>Vill du använda BankID på den här enheten eller på en annan enhet?</translation>
    </message>
    <message>
        <source>An identification or signing is in progress.</source>
        <translation>En identifiering eller underskrift pågår.</translation>
    </message>
    <message>
        <source>Take a photo of, and scan, you ID document with the BankID app.</source>
        <translation>Fotografera och läs av din ID-handling med BankID-appen.</translation>
    </message>
    <message>
        <source>Complete the face recognition in the BankID app.</source>
        <translation>Gör en ansiktsigenkänning i BankID-appen.</translation>
    </message>
    <message>
        <source>Choose how you want to confirm your identity in the BankID app.</source>
        <translation>Välj hur du vill bekräfta din identitet i BankID-appen.</translation>
    </message>
    <message>
        <source>The check of your ID document failed. Please try again.</source>
        <translation>Kontrollen av din ID-handling misslyckades. Försök igen.</translation>
    </message>
    <message>
        <source>The face recognition failed. Please try again.</source>
        <translation>Ansiktsigenkänningen misslyckades. Försök igen.</translation>
    </message>
    <message>
        <source>Your device lacks the reader needed to check ID documents.</source>
        <translation>Din enhet saknar den läsare som behövs för att kontrollera ID-handlingar.</translation>
    </message>
    <message>
        <source>You have several BankIDs on your device. You need to delete all but one BankID to complete the identification. You do this under Menu - Settings in your BankID app.</source>
        <translation>Du har flera BankID på din enhet. Du behöver radera alla utom ett BankID för att kunna slutföra identifieringen. Det gör du under Meny - Inställningar i din BankID-app.</translation>
    </message>
    <message>
        <source>The confirmation of your identity failed. Please try again.</source>
        <translation>Bekräftelsen av din identitet misslyckades. Försök igen.</translation>
    </message>
</context>
<context>
    <name>bankid::ValidationError</name>
    <message>
        <source>%1 is required for %2.</source>
        <translation>%1 krävs för %2.</translation>
    </message>
    <message>
        <source>%1 is required when %2 is set.</source>
        <translation>%1 krävs när %2 är angivet.</translation>
    </message>
    <message>
        <source>%1 is not accepted by %2; leave it out.</source>
        <translation>%1 tas inte emot av %2; utelämna det.</translation>
    </message>
    <message>
        <source>%1 must not contain an empty entry.</source>
        <translation>%1 får inte innehålla ett tomt värde.</translation>
    </message>
    <message>
        <source>%1 is %2 characters; at least %3 are required.</source>
        <translation>%1 är %2 tecken; minst %3 krävs.</translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 are allowed.</source>
        <translation>%1 är %2 tecken; högst %3 är tillåtna.</translation>
    </message>
    <message>
        <source>%1 is %2 characters after base64; %3 allows at most %4.</source>
        <translation>%1 är %2 tecken efter base64; %3 tillåter högst %4.</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-8 text.</source>
        <translation>%1 är inte giltig UTF-8-text.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not an IPv4 or IPv6 address (host names are not accepted).</source>
        <translation>%1 &apos;%2&apos; är ingen IPv4- eller IPv6-adress (värdnamn accepteras inte).</translation>
    </message>
    <message>
        <source>%1 is not a valid personal identity number: %2</source>
        <translation>%1 är inte ett giltigt personnummer: %2</translation>
    </message>
    <message>
        <source>%1 must be an absolute URL, such as https://example.com/done?nonce=...</source>
        <translation>%1 måste vara en absolut URL, till exempel https://example.com/done?nonce=...</translation>
    </message>
    <message>
        <source>web and app must not both be sent; choose one.</source>
        <translation>web och app får inte skickas samtidigt; välj det ena.</translation>
    </message>
    <message>
        <source>%1 needs at least one member filled in.</source>
        <translation>%1 behöver minst ett ifyllt fält.</translation>
    </message>
    <message>
        <source>%1 may contain only a-z, 0-9, &apos;.&apos; and &apos;-&apos; (write other characters as punycode).</source>
        <translation>%1 får bara innehålla a-z, 0-9, &apos;.&apos; och &apos;-&apos; (skriv andra tecken som punycode).</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not allowed; use one of: %3.</source>
        <translation>%1 &apos;%2&apos; är inte tillåtet; använd något av: %3.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a policy OID such as 1.2.752.78.1.5; a single &apos;*&apos; may replace the last component from the fifth on.</source>
        <translation>%1 &apos;%2&apos; är ingen policy-OID som 1.2.752.78.1.5; ett enda &apos;*&apos; får ersätta den sista komponenten från och med den femte.</translation>
    </message>
    <message>
        <source>%1 must not be set when transactionType is npa.</source>
        <translation>%1 får inte anges när transactionType är npa.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be digits with an optional &apos;,&apos; and two decimals, such as 1000,00.</source>
        <translation>%1 &apos;%2&apos; måste vara siffror, eventuellt med &apos;,&apos; och två decimaler, till exempel 1000,00.</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; must be a three-letter ISO 4217 code in capitals, such as SEK.</source>
        <translation>%1 &apos;%2&apos; måste vara en ISO 4217-kod med tre versaler, till exempel SEK.</translation>
    </message>
    <message>
        <source>%1 is not valid simpleMarkdownV1: %2</source>
        <translation>%1 är inte giltig simpleMarkdownV1: %2</translation>
    </message>
</context>
</TS>
