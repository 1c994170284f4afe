<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>DemoPhoneSignerText</name>
    <message>
        <source>Log in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Log in to %1</source>
        <translation>Logga in hos %1</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Skriv under</translation>
    </message>
    <message>
        <source>Sign for %1</source>
        <translation>Skriv under för %1</translation>
    </message>
    <message>
        <source>Approve a payment</source>
        <translation>Godkänn en betalning</translation>
    </message>
    <message>
        <source>Approve a payment for %1</source>
        <translation>Godkänn en betalning till %1</translation>
    </message>
</context>
<context>
    <name>bankid::AboutDialog</name>
    <message>
        <source>BankID Desk %1
Qt %2 (built with %3)
%4
Environment: %5</source>
        <translation>BankID Desk %1
Qt %2 (byggd med %3)
%4
Miljö: %5</translation>
    </message>
    <message>
        <source>About BankID Desk</source>
        <translation>Om BankID Desk</translation>
    </message>
    <message>
        <source>BankID Desk</source>
        <translation>BankID Desk</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>BankID Desk icon</source>
        <translation>Ikon för BankID Desk</translation>
    </message>
</context>
<context>
    <name>bankid::AgeLimitChooser</name>
    <message>
        <source>Age &amp;limit:</source>
        <translation>&amp;Åldersgräns:</translation>
    </message>
    <message>
        <source>Age limit 18 years</source>
        <translation>Åldersgräns 18 år</translation>
    </message>
    <message>
        <source>Age limit 20 years</source>
        <translation>Åldersgräns 20 år</translation>
    </message>
    <message>
        <source>Age limit 25 years</source>
        <translation>Åldersgräns 25 år</translation>
    </message>
    <message>
        <source>Custom age limit</source>
        <translation>Annan åldersgräns</translation>
    </message>
    <message>
        <source>Custom age limit in years</source>
        <translation>Annan åldersgräns i år</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>C&amp;ustom:</source>
        <translation>Annan å&amp;lder:</translation>
    </message>
</context>
<context>
    <name>bankid::AuditCommand</name>
    <message>
        <source>audit needs a sub-command: audit verify [FILE]</source>
        <translation>audit kräver ett underkommando: audit verify [FILE]</translation>
    </message>
    <message>
        <source>unknown audit sub-command &apos;%1&apos;: use audit verify [FILE]</source>
        <translation>okänt underkommando till audit &apos;%1&apos;: använd audit verify [FILE]</translation>
    </message>
    <message>
        <source>audit verify takes at most one FILE, not &apos;%1&apos;</source>
        <translation>audit verify tar högst en FILE, inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the desk&apos;s audit log %1 does not exist (no order was run yet?); give a FILE to check another log</source>
        <translation>diskens granskningslogg %1 finns inte (har ingen order körts ännu?); ange en FILE för att kontrollera en annan logg</translation>
    </message>
    <message>
        <source>audit verify: %1 is not a file</source>
        <translation>audit verify: %1 är ingen fil</translation>
    </message>
</context>
<context>
    <name>bankid::AuditEntry</name>
    <message>
        <source>the member &quot;%1&quot; is not a string</source>
        <translation>fältet &quot;%1&quot; är ingen sträng</translation>
    </message>
    <message>
        <source>the member &quot;%1&quot; is not an ISO-8601 time: %2</source>
        <translation>fältet &quot;%1&quot; är ingen tidpunkt enligt ISO-8601: %2</translation>
    </message>
    <message>
        <source>the member &quot;%1&quot; is not an array</source>
        <translation>fältet &quot;%1&quot; är ingen array</translation>
    </message>
    <message>
        <source>the member &quot;%1&quot; holds something other than strings</source>
        <translation>fältet &quot;%1&quot; innehåller annat än strängar</translation>
    </message>
    <message>
        <source>the member &quot;%1&quot; is not complete, failed, error or cancelled: &quot;%2&quot;</source>
        <translation>fältet &quot;%1&quot; är inte complete, failed, error eller cancelled: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>slutförd</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>misslyckad</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 the outcome (&quot;failed&quot;), %2 its detail: a hintCode such as userCancel, or an error kind</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>bankid::AuditLog</name>
    <message>
        <source>%1 %2: %3</source>
        <extracomment>%1 what failed (&quot;cannot open the audit log&quot;), %2 the file, %3 the operating system&apos;s reason</extracomment>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>cannot create the audit log folder %1</source>
        <translation>kan inte skapa granskningsloggens mapp %1</translation>
    </message>
    <message>
        <source>cannot open the audit log</source>
        <translation>kan inte öppna granskningsloggen</translation>
    </message>
    <message>
        <source>cannot lock the audit log</source>
        <translation>kan inte låsa granskningsloggen</translation>
    </message>
    <message>
        <source>the audit key %1 is damaged: it must hold %2 bytes as hex</source>
        <translation>granskningsnyckeln %1 är skadad: den måste innehålla %2 byte i hexadecimal form</translation>
    </message>
    <message>
        <source>cannot read the audit key %1: %2</source>
        <translation>kan inte läsa granskningsnyckeln %1: %2</translation>
    </message>
    <message>
        <source>cannot create the audit key %1: %2</source>
        <translation>kan inte skapa granskningsnyckeln %1: %2</translation>
    </message>
    <message>
        <source>cannot create the audit key %1</source>
        <translation>kan inte skapa granskningsnyckeln %1</translation>
    </message>
    <message>
        <source>cannot read the audit log</source>
        <translation>kan inte läsa granskningsloggen</translation>
    </message>
    <message numerus="yes">
        <source>the audit log %1 ends in %n byte(s) that are not part of an audit entry; the file is left as it is</source>
        <translation>
            <numerusform>granskningsloggen %1 slutar med %n byte som inte hör till någon granskningspost; filen lämnas som den är</numerusform>
            <numerusform>granskningsloggen %1 slutar med %n byte som inte hör till någon granskningspost; filen lämnas som den är</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot cut the incomplete last line of the audit log</source>
        <translation>kan inte korta bort granskningsloggens ofullständiga sista rad</translation>
    </message>
    <message numerus="yes">
        <source>The audit log %1 ended in an incomplete line (%n byte(s), left by a crash or a full disk while writing); it was removed and the log continues after the last whole entry.</source>
        <translation>
            <numerusform>Granskningsloggen %1 slutade med en ofullständig rad (%n byte, kvar efter en krasch eller full disk under skrivning); den togs bort och loggen fortsätter efter den sista hela posten.</numerusform>
            <numerusform>Granskningsloggen %1 slutade med en ofullständig rad (%n byte, kvar efter en krasch eller full disk under skrivning); den togs bort och loggen fortsätter efter den sista hela posten.</numerusform>
        </translation>
    </message>
    <message>
        <source>the last entry of the audit log %1 is damaged (not a v%2 audit entry), so no entry can be chained to it; run &quot;bankid-cli audit verify&quot; to find out more</source>
        <translation>den sista posten i granskningsloggen %1 är skadad (ingen granskningspost i formatet v%2), så ingen ny post kan kedjas till den; kör &quot;bankid-cli audit verify&quot; för att få veta mer</translation>
    </message>
    <message>
        <source>cannot write to the audit log</source>
        <translation>kan inte skriva till granskningsloggen</translation>
    </message>
    <message>
        <source>cannot flush the audit log to disk</source>
        <translation>kan inte spara granskningsloggen på disk</translation>
    </message>
</context>
<context>
    <name>bankid::AuditLogDialog</name>
    <message>
        <source>Press Verify to check that no entry was edited, removed or reordered.</source>
        <translation>Tryck på Verifiera för att kontrollera att ingen post har ändrats, tagits bort eller kastats om.</translation>
    </message>
    <message>
        <source>No order has been recorded yet.</source>
        <translation>Ingen order har registrerats ännu.</translation>
    </message>
    <message>
        <source>Verified: %1</source>
        <translation>Verifierad: %1</translation>
    </message>
    <message>
        <source>Problem found at line %1 (%2): %3</source>
        <translation>Problem på rad %1 (%2): %3</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Granskningslogg</translation>
    </message>
    <message>
        <source>Every order run at this desk, from %1</source>
        <translation>Alla ordrar som körts vid den här disken, från %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Handläggare</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flöde</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Poster i granskningsloggen</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Verifieringsresultat</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verifiera</translation>
    </message>
    <message>
        <source>Check the hash chain: finds edited, removed and reordered entries</source>
        <translation>Kontrollera hashkedjan: hittar ändrade, borttagna och omkastade poster</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Läs in igen</translation>
    </message>
</context>
<context>
    <name>bankid::AuditVerifier</name>
    <message>
        <source>it is not JSON (%1 at byte %2)</source>
        <translation>den är inte JSON (%1 vid byte %2)</translation>
    </message>
    <message>
        <source>it is not a JSON object</source>
        <translation>den är inget JSON-objekt</translation>
    </message>
    <message>
        <source>its &quot;v&quot; is not %1</source>
        <translation>dess &quot;v&quot; är inte %1</translation>
    </message>
    <message>
        <source>its &quot;time&quot; is not an ISO-8601 time</source>
        <translation>dess &quot;time&quot; är ingen tidpunkt enligt ISO-8601</translation>
    </message>
    <message>
        <source>its &quot;prev&quot; is not 64 lower-case hex digits</source>
        <translation>dess &quot;prev&quot; är inte 64 hexadecimala siffror med gemener</translation>
    </message>
    <message>
        <source>line %1 is not an audit entry: %2</source>
        <translation>rad %1 är ingen granskningspost: %2</translation>
    </message>
    <message>
        <source>line %1 repeats seq %2 of line %3</source>
        <translation>rad %1 upprepar seq %2 från rad %3</translation>
    </message>
    <message>
        <source>line %1 is out of order: seq %2 comes after seq %3</source>
        <translation>rad %1 är i fel ordning: seq %2 kommer efter seq %3</translation>
    </message>
    <message>
        <source>an entry was removed before line %1: seq %2 is missing</source>
        <translation>en post har tagits bort före rad %1: seq %2 saknas</translation>
    </message>
    <message>
        <source>entries were removed before line %1: seq %2 to %3 are missing</source>
        <translation>poster har tagits bort före rad %1: seq %2 till %3 saknas</translation>
    </message>
    <message>
        <source>line 1 was edited: the first entry&apos;s prev is not 64 zeros</source>
        <translation>rad 1 har ändrats: den första postens prev är inte 64 nollor</translation>
    </message>
    <message>
        <source>line %1 was edited after it was written: its SHA-256 does not match the prev recorded in line %2</source>
        <translation>rad %1 har ändrats efter att den skrevs: dess SHA-256 stämmer inte med det prev som sparats på rad %2</translation>
    </message>
    <message>
        <source>line %1: %2: %3</source>
        <translation>rad %1: %2: %3</translation>
    </message>
    <message>
        <source>the audit log is empty: nothing to verify</source>
        <translation>granskningsloggen är tom: inget att verifiera</translation>
    </message>
    <message numerus="yes">
        <source>%n entries verified; the chain is intact (head: seq %1, SHA-256 %2)</source>
        <translation>
            <numerusform>%n post verifierad; kedjan är intakt (senaste: seq %1, SHA-256 %2)</numerusform>
            <numerusform>%n poster verifierade; kedjan är intakt (senaste: seq %1, SHA-256 %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>; line %1 is an incomplete entry (a crash while writing) and was not counted</source>
        <translation>; rad %1 är en ofullständig post (en krasch under skrivning) och räknades inte</translation>
    </message>
    <message>
        <source>its &quot;seq&quot; is not a whole number of 1 or more</source>
        <translation>dess &quot;seq&quot; är inte ett heltal som är 1 eller större</translation>
    </message>
    <message>
        <source>line %1 is out of order: seq %2 where seq %3 was expected (seq %3 comes later in the file)</source>
        <translation>rad %1 står i fel ordning: seq %2 där seq %3 väntades (seq %3 kommer längre fram i filen)</translation>
    </message>
    <message>
        <source>cannot read the audit log: %1</source>
        <translation>granskningsloggen kan inte läsas: %1</translation>
    </message>
    <message>
        <source>no complete entry: the file has %1 bytes but no line break, so not one whole audit entry</source>
        <translation>ingen hel post: filen har %1 byte men ingen radbrytning, alltså inte en enda hel loggpost</translation>
    </message>
</context>
<context>
    <name>bankid::BoundedFileReader</name>
    <message>
        <source>%1 is %2 bytes, larger than the limit of %3 bytes for this file: not read</source>
        <translation>%1 är %2 byte, mer än gränsen på %3 byte för den här filen: lästes inte</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a FIFO, device or socket): not read</source>
        <translation>%1 är inte en vanlig fil (en FIFO, enhet eller socket): lästes inte</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>inget filnamn angavs</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 finns inte</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kan inte läsas: %2</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file</source>
        <translation>%1 är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>%1 grew past the limit of %2 bytes while it was read: not read</source>
        <translation>%1 växte förbi gränsen på %2 byte medan den lästes: lästes inte</translation>
    </message>
</context>
<context>
    <name>bankid::CallerPage</name>
    <message>
        <source>Required for signing: the text the person signs</source>
        <translation>Krävs för underskrift: texten som personen skriver under</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Valfritt</translation>
    </message>
    <message>
        <source>Identify a caller</source>
        <translation>Legitimera den som ringer</translation>
    </message>
    <message>
        <source>&amp;Personal number:</source>
        <translation>&amp;Personnummer:</translation>
    </message>
    <message>
        <source>Personal identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Who called?</source>
        <translation>Vem ringde?</translation>
    </message>
    <message>
        <source>The person ca&amp;lled us</source>
        <translation>Personen &amp;ringde oss</translation>
    </message>
    <message>
        <source>The person called us</source>
        <translation>Personen ringde oss</translation>
    </message>
    <message>
        <source>&amp;We called the person</source>
        <translation>V&amp;i ringde personen</translation>
    </message>
    <message>
        <source>We called the person</source>
        <translation>Vi ringde personen</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Åtgärd:</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>&amp;Legitimera</translation>
    </message>
    <message>
        <source>Identify the caller</source>
        <translation>Legitimera den som ringer</translation>
    </message>
    <message>
        <source>Si&amp;gn</source>
        <translation>Skriv un&amp;der</translation>
    </message>
    <message>
        <source>Let the caller sign a text</source>
        <translation>Låt den som ringer skriva under en text</translation>
    </message>
    <message>
        <source>Te&amp;xt shown in the app:</source>
        <translation>Te&amp;xt som visas i appen:</translation>
    </message>
    <message>
        <source>Text shown in the BankID app</source>
        <translation>Text som visas i BankID-appen</translation>
    </message>
    <message>
        <source>Optional for identification, required for signing</source>
        <translation>Valfritt för identifiering, krävs för underskrift</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>S&amp;tarta</translation>
    </message>
    <message>
        <source>Start the phone order</source>
        <translation>Starta telefonordern</translation>
    </message>
    <message>
        <source>Valid coordination number: %1</source>
        <translation>Giltigt samordningsnummer: %1</translation>
    </message>
    <message>
        <source>Valid personal identity number: %1</source>
        <translation>Giltigt personnummer: %1</translation>
    </message>
    <message>
        <source>12 digits (YYYYMMDDNNNN), or the 10-digit form YYMMDD-NNNN (YYMMDD+NNNN from age 100).</source>
        <translation>12 siffror (ÅÅÅÅMMDDNNNN) eller 10 siffror i formen ÅÅMMDD-NNNN (ÅÅMMDD+NNNN från 100 års ålder).</translation>
    </message>
    <message>
        <source>A personal identity number has 12 digits (YYYYMMDDNNNN or YYYYMMDD-NNNN) or 10 digits (YYMMDD-NNNN, YYMMDDNNNN, or YYMMDD+NNNN from age 100).</source>
        <translation>Ett personnummer har 12 siffror (ÅÅÅÅMMDDNNNN eller ÅÅÅÅMMDD-NNNN) eller 10 siffror (ÅÅMMDD-NNNN, ÅÅMMDDNNNN eller ÅÅMMDD+NNNN från 100 års ålder).</translation>
    </message>
    <message>
        <source>YYYYMMDDNNNN or YYMMDD-NNNN</source>
        <translation>ÅÅÅÅMMDDNNNN eller ÅÅMMDD-NNNN</translation>
    </message>
</context>
<context>
    <name>bankid::CliApplication</name>
    <message>
        <source>the embedded simulator did not start: %1</source>
        <translation>den inbyggda simulatorn startade inte: %1</translation>
    </message>
    <message>
        <source>bankid-cli: using the embedded simulator at %1
</source>
        <translation>bankid-cli: använder den inbyggda simulatorn på %1
</translation>
    </message>
    <message>
        <source>bankid-cli: warning: %1
</source>
        <translation>bankid-cli: varning: %1
</translation>
    </message>
    <message>
        <source>Open BankID on this device: %1
</source>
        <translation>Öppna BankID på den här enheten: %1
</translation>
    </message>
    <message>
        <source>bankid-cli: the QR code was not scanned in time; new order (%1 of %2)
</source>
        <translation>bankid-cli: QR-koden lästes inte av i tid; ny order (%1 av %2)
</translation>
    </message>
    <message>
        <source>cancelled %1
</source>
        <translation>ordern %1 avbröts
</translation>
    </message>
    <message>
        <source>BankID %1 — order %2

</source>
        <translation>BankID %1 — order %2

</translation>
    </message>
    <message>
        <source>Scan within %1 s</source>
        <translation>Läs av inom %1 s</translation>
    </message>
    <message>
        <source> · new code %1 of %2</source>
        <translation> · ny kod %1 av %2</translation>
    </message>
    <message>
        <source>
Ctrl+C cancels the order.
</source>
        <translation>
Ctrl+C avbryter ordern.
</translation>
    </message>
    <message>
        <source>Identified:        %1
</source>
        <translation>Legitimerad:          %1
</translation>
    </message>
    <message>
        <source>Personal number:   %1
</source>
        <translation>Personnummer:         %1
</translation>
    </message>
    <message>
        <source>BankID issued:     %1
</source>
        <translation>BankID utfärdat:      %1
</translation>
    </message>
    <message>
        <source>Device IP address: %1
</source>
        <translation>Enhetens IP-adress:   %1
</translation>
    </message>
    <message>
        <source>ID document check: %1
</source>
        <translation>ID-handlingskontroll: %1
</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>inte godkänd</translation>
    </message>
    <message>
        <source>Risk:              %1
</source>
        <translation>Risk:                 %1
</translation>
    </message>
    <message>
        <source>
bankid-cli: cancelling the order…
</source>
        <translation>
bankid-cli: avbryter ordern…
</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>avbruten</translation>
    </message>
    <message>
        <source>cannot create the embedded simulator&apos;s folder %1</source>
        <translation>kan inte skapa den inbyggda simulatorns mapp %1</translation>
    </message>
    <message>
        <source>BankID rates this order as high risk: it is blocked. Do not trust it.</source>
        <translation>BankID bedömer ordern som högrisk: den är spärrad. Lita inte på den.</translation>
    </message>
    <message>
        <source>bankid-cli: waiting for BankID to answer before exiting (at most %1 s)
</source>
        <translation>bankid-cli: väntar på svar från BankID innan programmet avslutas (högst %1 s)
</translation>
    </message>
    <message>
        <source>bankid-cli: still waiting for BankID to confirm the cancel
</source>
        <translation>bankid-cli: väntar fortfarande på att BankID ska bekräfta avbrottet
</translation>
    </message>
    <message>
        <source>BankID did not answer within %1 s; exiting without its answer</source>
        <translation>BankID svarade inte inom %1 s; avslutar utan svaret</translation>
    </message>
    <message>
        <source>BankID did not answer the cancel within %1 s; order %2 may stay pending until it expires</source>
        <translation>BankID svarade inte på avbrottet inom %1 s; ordern %2 kan ligga kvar tills den löper ut</translation>
    </message>
    <message>
        <source>cannot read stdin: %1</source>
        <translation>kan inte läsa stdin: %1</translation>
    </message>
    <message>
        <source>no --root given (BankID&apos;s signing roots are not published)</source>
        <translation>inget --root angivet (BankID:s rotcertifikat för signaturer publiceras inte)</translation>
    </message>
    <message>
        <source>--new-test-card: %1</source>
        <translation>--new-test-card: %1</translation>
    </message>
    <message>
        <source>--new-test-card: the simulator minted an unusable code: %1</source>
        <translation>--new-test-card: simulatorn skapade en oanvändbar kod: %1</translation>
    </message>
    <message>
        <source>bankid-cli: test ID card code: %1
</source>
        <translation>bankid-cli: kod för test-ID-kort: %1
</translation>
    </message>
</context>
<context>
    <name>bankid::CliOptions</name>
    <message>
        <source>--password-env and --password-file are mutually exclusive</source>
        <translation>--password-env och --password-file kan inte användas samtidigt</translation>
    </message>
    <message>
        <source>--password-env: the environment variable %1 is not set</source>
        <translation>--password-env: miljövariabeln %1 är inte satt</translation>
    </message>
    <message>
        <source>The command to run (see above).</source>
        <translation>Kommandot som ska köras (se ovan).</translation>
    </message>
    <message>
        <source>Start the BankID simulator in this process (simulated user) and use it.</source>
        <translation>Starta BankID-simulatorn i den här processen (simulerad användare) och använd den.</translation>
    </message>
    <message>
        <source>BankID environment: test or production (default: test).</source>
        <translation>BankID-miljö: test eller production (standard: test).</translation>
    </message>
    <message>
        <source>PEM file with the CA certificate(s) to pin for --url.</source>
        <translation>PEM-fil med det eller de CA-certifikat som --url ska låsas till.</translation>
    </message>
    <message>
        <source>PEM private key, when not inside the --cert file.</source>
        <translation>Privat nyckel i PEM-format, om den inte finns i --cert-filen.</translation>
    </message>
    <message>
        <source>endUserIp to send (default: this machine&apos;s address).</source>
        <translation>endUserIp som ska skickas (standard: den här datorns adress).</translation>
    </message>
    <message>
        <source>Text shown to the person in the BankID app (userVisibleData).</source>
        <translation>Text som visas för personen i BankID-appen (userVisibleData).</translation>
    </message>
    <message>
        <source>Send --text as simpleMarkdownV1.</source>
        <translation>Skicka --text som simpleMarkdownV1.</translation>
    </message>
    <message>
        <source>userNonVisibleData (sent base64-encoded).</source>
        <translation>userNonVisibleData (skickas base64-kodad).</translation>
    </message>
    <message>
        <source>Start BankID on this device (autostart link) instead of showing a QR code.</source>
        <translation>Starta BankID på den här enheten (autostartlänk) i stället för att visa en QR-kod.</translation>
    </message>
    <message>
        <source>Require the security code (no biometrics).</source>
        <translation>Kräv säkerhetskoden (ingen biometri).</translation>
    </message>
    <message>
        <source>Require a scan of a passport or national ID card.</source>
        <translation>Kräv avläsning av pass eller nationellt ID-kort.</translation>
    </message>
    <message>
        <source>payment: card or npa (default: card).</source>
        <translation>payment: card eller npa (standard: card).</translation>
    </message>
    <message>
        <source>payment: recipient name.</source>
        <translation>payment: mottagarens namn.</translation>
    </message>
    <message>
        <source>payment: amount such as 100,00.</source>
        <translation>payment: belopp, till exempel 100,00.</translation>
    </message>
    <message>
        <source>payment: ISO 4217 currency (default: SEK).</source>
        <translation>payment: valuta enligt ISO 4217 (standard: SEK).</translation>
    </message>
    <message>
        <source>Start a new order up to N times when the QR code was not scanned in time.</source>
        <translation>Starta en ny order upp till N gånger när QR-koden inte lästes av i tid.</translation>
    </message>
    <message>
        <source>Language of the messages: sv or en (default: the system&apos;s).</source>
        <translation>Meddelandenas språk: sv eller en (standard: systemets).</translation>
    </message>
    <message>
        <source>Print the result as JSON on standard output.</source>
        <translation>Skriv ut resultatet som JSON på standard output (stdout).</translation>
    </message>
    <message>
        <source>Do not draw the QR code (print its content instead).</source>
        <translation>Rita inte QR-koden (skriv ut dess innehåll i stället).</translation>
    </message>
    <message>
        <source>Log each request and state change on standard error.</source>
        <translation>Logga varje anrop och tillståndsändring på standard error (stderr).</translation>
    </message>
    <message>
        <source>qr-content: the qrStartToken.</source>
        <translation>qr-content: qrStartToken.</translation>
    </message>
    <message>
        <source>qr-content: the qrStartSecret.</source>
        <translation>qr-content: qrStartSecret.</translation>
    </message>
    <message>
        <source>qr-content: whole seconds since the order response arrived.</source>
        <translation>qr-content: hela sekunder sedan svaret på ordern kom.</translation>
    </message>
    <message>
        <source>no command given; try --help</source>
        <translation>inget kommando angavs; prova --help</translation>
    </message>
    <message>
        <source>%1 needs exactly one ORDERREF</source>
        <translation>%1 kräver exakt en ORDERREF</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>oväntat argument &apos;%1&apos;</translation>
    </message>
    <message>
        <source>qr-content needs --start-token, --start-secret and --seconds</source>
        <translation>qr-content kräver --start-token, --start-secret och --seconds</translation>
    </message>
    <message>
        <source>--seconds must be a whole number of seconds, 0 or more</source>
        <translation>--seconds måste vara ett helt antal sekunder, 0 eller fler</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; try --help</source>
        <translation>okänt kommando &apos;%1&apos;; prova --help</translation>
    </message>
    <message>
        <source>--env must be test or production (use --url for anything else), not &apos;%1&apos;</source>
        <translation>--env måste vara test eller production (använd --url för allt annat), inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--simulator brings its own URL, CA and certificate: leave out --url, --env and --cert</source>
        <translation>--simulator har egen URL, CA och eget certifikat: utelämna --url, --env och --cert</translation>
    </message>
    <message>
        <source>--url needs --ca: a custom server is only trusted through a CA you name</source>
        <translation>--url kräver --ca: en anpassad server betros bara via en CA som du anger</translation>
    </message>
    <message>
        <source>--cert is required (the RP certificate), unless --simulator is used</source>
        <translation>--cert krävs (RP-certifikatet) om inte --simulator används</translation>
    </message>
    <message>
        <source>--end-user-ip: &apos;%1&apos; is not an IPv4 or IPv6 address</source>
        <translation>--end-user-ip: &apos;%1&apos; är ingen IPv4- eller IPv6-adress</translation>
    </message>
    <message>
        <source>--auto-restart must be a number from 0 to 10</source>
        <translation>--auto-restart måste vara ett tal från 0 till 10</translation>
    </message>
    <message>
        <source>--lang must be sv or en, not &apos;%1&apos;</source>
        <translation>--lang måste vara sv eller en, inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--same-device does not apply to phone flows: the person is on a call</source>
        <translation>--same-device gäller inte telefonflöden: personen är i ett samtal</translation>
    </message>
    <message>
        <source>Personal number, 12 digits: required for phone flows; for the others it restricts who may complete the order.</source>
        <translation>Personnummer, 12 siffror: krävs för telefonflöden; i övriga flöden begränsar det vem som får slutföra ordern.</translation>
    </message>
    <message>
        <source>verify-signature: the completionData ocspResponse (base64 or DER file).</source>
        <translation>verify-signature: ocspResponse från completionData (base64 eller DER-fil).</translation>
    </message>
    <message>
        <source>verify, verify-signature: a trusted root certificate (PEM file); repeatable.</source>
        <translation>verify, verify-signature: ett betrott rotcertifikat (PEM-fil); kan anges flera gånger.</translation>
    </message>
    <message>
        <source>verify, verify-signature: verify as of this ISO 8601 time (default: the signing time).</source>
        <translation>verify, verify-signature: verifiera per denna tidpunkt enligt ISO 8601 (standard: tidpunkten för underskriften).</translation>
    </message>
    <message>
        <source>--%1 does not apply to sign-file: the text shown and the data signed are made from the document</source>
        <translation>--%1 gäller inte sign-file: texten som visas och de data som skrivs under skapas utifrån dokumentet</translation>
    </message>
    <message>
        <source>--%1 does not apply to sign-file, which starts a sign order</source>
        <translation>--%1 gäller inte sign-file, som startar en underskriftsorder</translation>
    </message>
    <message>
        <source>phone-auth, phone-sign (required): who called whom, user (the person called you) or RP (you called the person).</source>
        <translation>phone-auth, phone-sign (krävs): vem som ringde vem, user (personen ringde dig) eller RP (du ringde personen).</translation>
    </message>
    <message>
        <source>Ask BankID for the risk level of the order: always done (high risk fails the order); accepted for older scripts.</source>
        <translation>Be BankID om orderns risknivå: görs alltid (hög risk gör att ordern misslyckas); godtas för äldre skript.</translation>
    </message>
    <message>
        <source>Milliseconds between collects, at least %1 (default: %1).</source>
        <translation>Millisekunder mellan collect-anropen, minst %1 (standard: %1).</translation>
    </message>
    <message>
        <source>%1 needs --call-initiator user (the person called you) or --call-initiator RP (you called the person)</source>
        <translation>%1 kräver --call-initiator user (personen ringde dig) eller --call-initiator RP (du ringde personen)</translation>
    </message>
    <message>
        <source>--call-initiator must be user (the person called you) or RP (you called the person), not &apos;%1&apos;</source>
        <translation>--call-initiator måste vara user (personen ringde dig) eller RP (du ringde personen), inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--call-initiator applies only to phone-auth and phone-sign</source>
        <translation>--call-initiator gäller bara phone-auth och phone-sign</translation>
    </message>
    <message>
        <source>--poll-interval must be at least %1 ms (BankID asks for one collect every 2 s)</source>
        <translation>--poll-interval måste vara minst %1 ms (BankID vill ha ett collect-anrop varannan sekund)</translation>
    </message>
    <message>
        <source>--password-file: %1</source>
        <translation>--password-file: %1</translation>
    </message>
    <message>
        <source>Starts and follows Swedish BankID orders from a terminal (BankID RP API v6.0).

Commands:
  auth | sign | payment | phone-auth | phone-sign   start an order and follow it to the end
  collect ORDERREF                                 collect an order once and print its status
  cancel ORDERREF                                  cancel an order
  qr-content --start-token T --start-secret S --seconds N   print the animated QR content of one second
  audit verify [FILE]                              check an audit log (default: the desk&apos;s own)
  verify-signature SIG [--ocsp F] [--root PEM]... [--at TIME]   verify a completionData signature
  sign-file FILE                                   sign a document by its SHA-256; writes FILE.bankid-receipt.json
  verify FILE [RECEIPT] [--root PEM]... [--at TIME]   verify a document against its receipt, offline
  verify-id-card QRCODE|- [--age-limit N] [--root PEM]...   verify a digital ID card (Verify API v1; - reads
                                                   one line from stdin, e.g. a scanner); --url is the Verify API
                                                   base there, e.g. https://127.0.0.1:8443/rp/v1
  verify-id-card --simulator --new-test-card PNR   mint a test card in the embedded simulator and verify it

BankID&apos;s signing roots are not bundled: give them to verify and verify-signature with --root. A receipt
made with --simulator verifies against the local simulator&apos;s signing root when no --root is given.

Exit codes: 0 complete (verify: every check passed), 1 order failed (verify: a check failed or did not
run; sign-file: also when the receipt could not be written; verify-id-card: BankID refused the code, the
holder is below --age-limit, or the evidence failed a check), 2 usage or configuration error, 3 network
or TLS error.</source>
        <translation>Startar och följer svenska BankID-ordrar från en terminal (BankID RP API v6.0).

Kommandon:
  auth | sign | payment | phone-auth | phone-sign   starta en order och följ den till slutet
  collect ORDERREF                                 hämta status för en order en gång och skriv ut den
  cancel ORDERREF                                  avbryt en order
  qr-content --start-token T --start-secret S --seconds N   skriv ut den animerade QR-kodens innehåll för en sekund
  audit verify [FILE]                              kontrollera en granskningslogg (standard: diskens egen)
  verify-signature SIG [--ocsp F] [--root PEM]... [--at TIME]   verifiera en signatur från completionData
  sign-file FILE                                   skriv under ett dokument via dess SHA-256; skriver FILE.bankid-receipt.json
  verify FILE [RECEIPT] [--root PEM]... [--at TIME]   verifiera ett dokument mot dess kvitto, offline
  verify-id-card QRCODE|- [--age-limit N] [--root PEM]...   verifiera ett digitalt ID-kort (Verify API v1; - läser
                                                   en rad från stdin, t.ex. från en skanner); --url är där bas-URL:en
                                                   för Verify API, t.ex. https://127.0.0.1:8443/rp/v1
  verify-id-card --simulator --new-test-card PNR   skapa ett test-ID-kort i den inbyggda simulatorn och verifiera det

BankID:s rotcertifikat för signaturer medföljer inte: ange dem till verify och verify-signature med --root. Ett
kvitto som skapats med --simulator verifieras mot den lokala simulatorns rotcertifikat när inget --root anges.

Slutkoder: 0 slutförd (verify: alla kontroller godkändes), 1 ordern misslyckades (verify: en kontroll
misslyckades eller kördes inte; sign-file: även när kvittot inte kunde skrivas; verify-id-card: BankID avvisade
koden, innehavaren är under --age-limit eller bevisen klarade inte en kontroll), 2 fel i användning eller
konfiguration, 3 nätverks- eller TLS-fel.</translation>
    </message>
    <message>
        <source>Custom RP API base URL (needs --ca), e.g. https://127.0.0.1:8443/rp/v6.0; for verify-id-card the Verify API base URL, e.g. https://127.0.0.1:8443/rp/v1.</source>
        <translation>Anpassad bas-URL för RP API (kräver --ca), t.ex. https://127.0.0.1:8443/rp/v6.0; för verify-id-card bas-URL:en för Verify API, t.ex. https://127.0.0.1:8443/rp/v1.</translation>
    </message>
    <message>
        <source>verify-id-card: the holder must be at least this old (years, %1 to %2).</source>
        <translation>verify-id-card: innehavaren måste vara minst så här gammal (år, %1 till %2).</translation>
    </message>
    <message>
        <source>verify-id-card --simulator: mint a test ID card for this personal number and verify it.</source>
        <translation>verify-id-card --simulator: skapa ett test-ID-kort för det här personnumret och verifiera det.</translation>
    </message>
    <message>
        <source>--%1 does not apply to verify-id-card</source>
        <translation>--%1 gäller inte för verify-id-card</translation>
    </message>
    <message>
        <source>--age-limit and --new-test-card apply only to verify-id-card</source>
        <translation>--age-limit och --new-test-card gäller bara för verify-id-card</translation>
    </message>
    <message>
        <source>RP client certificate: PKCS#12 (.p12/.pfx) or PEM, or a PKCS#11 URI (pkcs11:token=...;object=...) for a key on a token (the PIN then comes from --password-env / --password-file; module: BANKID_PKCS11_MODULE).</source>
        <translation>RP-klientcertifikat: PKCS#12 (.p12/.pfx) eller PEM, eller en PKCS#11-URI (pkcs11:token=...;object=...) för en nyckel på en token (PIN-koden hämtas då från --password-env / --password-file; modul: BANKID_PKCS11_MODULE).</translation>
    </message>
    <message>
        <source>Certificate file (PEM or DER) for a --cert pkcs11: URI, when the certificate is not on the token.</source>
        <translation>Certifikatfil (PEM eller DER) när --cert är en pkcs11:-URI och certifikatet inte finns på tokenen.</translation>
    </message>
    <message>
        <source>Read the certificate password (or the token PIN) from this environment variable.</source>
        <translation>Läs certifikatlösenordet (eller tokenens PIN-kod) från den här miljövariabeln.</translation>
    </message>
    <message>
        <source>Read the certificate password (or the token PIN) from this file.</source>
        <translation>Läs certifikatlösenordet (eller tokenens PIN-kod) från den här filen.</translation>
    </message>
    <message>
        <source>--cert-file is only for a key on a token: give --cert a pkcs11: URI, or put the certificate in --cert (and the key in --key)</source>
        <translation>--cert-file gäller bara en nyckel på en token: ange en pkcs11:-URI i --cert, eller ange certifikatet i --cert (och nyckeln i --key)</translation>
    </message>
    <message>
        <source>--key cannot be used with a --cert pkcs11: URI (the key is on the token); give the certificate file with --cert-file</source>
        <translation>--key kan inte användas när --cert är en pkcs11:-URI (nyckeln finns på tokenen); ange certifikatfilen med --cert-file</translation>
    </message>
</context>
<context>
    <name>bankid::ConnectionManager</name>
    <message>
        <source>cannot create the simulator&apos;s folder %1</source>
        <translation>kan inte skapa simulatorns mapp %1</translation>
    </message>
    <message>
        <source>the embedded simulator did not start: %1</source>
        <translation>den inbyggda simulatorn startade inte: %1</translation>
    </message>
    <message>
        <source>the embedded simulator is not running</source>
        <translation>den inbyggda simulatorn körs inte</translation>
    </message>
    <message>
        <source>Custom URL: &apos;%1&apos; is not an https:// URL</source>
        <translation>Anpassad URL: &apos;%1&apos; är ingen https://-URL</translation>
    </message>
    <message>
        <source>Custom CA file: a custom server needs a CA certificate file to trust</source>
        <translation>Anpassad CA-fil: en anpassad server kräver en CA-certifikatfil att lita på</translation>
    </message>
    <message>
        <source>Custom CA file: %1</source>
        <translation>Anpassad CA-fil: %1</translation>
    </message>
    <message>
        <source>RP certificate: choose the certificate file BankID issued to you (Settings)</source>
        <translation>RP-certifikat: välj certifikatfilen som BankID har utfärdat till dig (Inställningar)</translation>
    </message>
    <message>
        <source>RP certificate: %1</source>
        <translation>RP-certifikat: %1</translation>
    </message>
    <message>
        <source>RP certificate: no password given for %1</source>
        <translation>RP-certifikat: inget lösenord angavs för %1</translation>
    </message>
    <message>
        <source>the password stored in the keychain is wrong</source>
        <translation>lösenordet som är sparat i nyckelringen är fel</translation>
    </message>
    <message>
        <source>Simulator (demo)</source>
        <translation>Simulator (demo)</translation>
    </message>
    <message>
        <source>BankID test</source>
        <translation>BankID testmiljö</translation>
    </message>
    <message>
        <source>BankID production</source>
        <translation>BankID produktion</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>Anpassad URL</translation>
    </message>
    <message>
        <source>Custom (%1)</source>
        <translation>Anpassad (%1)</translation>
    </message>
    <message>
        <source>not connected: the settings are incomplete</source>
        <translation>inte ansluten: inställningarna är ofullständiga</translation>
    </message>
    <message>
        <source>TLS and authentication work: BankID answered</source>
        <translation>TLS och autentisering fungerar: BankID svarade</translation>
    </message>
    <message>
        <source>the server rejected the RP certificate (HTTP %1 %2)</source>
        <translation>servern avvisade RP-certifikatet (HTTP %1 %2)</translation>
    </message>
    <message>
        <source>TLS works, but the server answered HTTP %1 %2: %3</source>
        <translation>TLS fungerar, men servern svarade HTTP %1 %2: %3</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (%1)</source>
        <translation>serverns certifikat är inte betrott (%1)</translation>
    </message>
    <message>
        <source>the server rejected the RP certificate (%1)</source>
        <translation>servern avvisade RP-certifikatet (%1)</translation>
    </message>
    <message>
        <source>cannot reach %1 (%2)</source>
        <translation>kan inte nå %1 (%2)</translation>
    </message>
    <message>
        <source>the settings are incomplete: %1</source>
        <translation>inställningarna är ofullständiga: %1</translation>
    </message>
    <message>
        <source>the TLS handshake with %1 failed (%2)</source>
        <translation>TLS-handskakningen med %1 misslyckades (%2)</translation>
    </message>
    <message>
        <source>%1 answered, but not like BankID (%2)</source>
        <translation>%1 svarade, men inte som BankID (%2)</translation>
    </message>
    <message>
        <source>RP key on a token: no PIN given for %1</source>
        <translation>RP-nyckel på token: ingen PIN-kod angavs för %1</translation>
    </message>
</context>
<context>
    <name>bankid::ConnectionWarningBar</name>
    <message>
        <source>Connection problem</source>
        <translation>Anslutningsproblem</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Varning</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Öppna Inställningar…</translation>
    </message>
    <message>
        <source>Choose the environment and the RP certificate</source>
        <translation>Välj miljö och RP-certifikat</translation>
    </message>
</context>
<context>
    <name>bankid::DemoPhonePanel</name>
    <message>
        <source>Scan: no QR code is shown on the desk.</source>
        <translation>Avläsning: ingen QR-kod visas vid disken.</translation>
    </message>
    <message>
        <source>Scan: no readable QR code in the picture.</source>
        <translation>Avläsning: ingen läsbar QR-kod i bilden.</translation>
    </message>
    <message>
        <source>Scanned the QR code: accepted by BankID.</source>
        <translation>Läste av QR-koden: godkänd av BankID.</translation>
    </message>
    <message>
        <source>Scanned the QR code: refused (%1).</source>
        <translation>Läste av QR-koden: avvisad (%1).</translation>
    </message>
    <message>
        <source>Opened the BankID app: the order was picked up.</source>
        <translation>Öppnade BankID-appen: ordern hämtades.</translation>
    </message>
    <message>
        <source>Opening the BankID app failed (%1).</source>
        <translation>Det gick inte att öppna BankID-appen (%1).</translation>
    </message>
    <message>
        <source>Confirmed the call.</source>
        <translation>Bekräftade samtalet.</translation>
    </message>
    <message>
        <source>Confirming the call failed (%1).</source>
        <translation>Det gick inte att bekräfta samtalet (%1).</translation>
    </message>
    <message>
        <source>Entered the right security code: approved.</source>
        <translation>Angav rätt säkerhetskod: godkänt.</translation>
    </message>
    <message>
        <source>Approving failed (%1).</source>
        <translation>Det gick inte att godkänna (%1).</translation>
    </message>
    <message>
        <source>Pressed Cancel in the BankID app.</source>
        <translation>Tryckte på Avbryt i BankID-appen.</translation>
    </message>
    <message>
        <source>Cancelling in the app failed (%1).</source>
        <translation>Det gick inte att avbryta i appen (%1).</translation>
    </message>
    <message>
        <source>Entered a wrong security code.</source>
        <translation>Angav fel säkerhetskod.</translation>
    </message>
    <message>
        <source>Entering a wrong code failed (%1).</source>
        <translation>Det gick inte att ange fel kod (%1).</translation>
    </message>
    <message>
        <source>Declined: &quot;I am not on a call&quot;.</source>
        <translation>Nekade: ”Jag är inte i ett samtal”.</translation>
    </message>
    <message>
        <source>Declining the call failed (%1).</source>
        <translation>Det gick inte att neka samtalet (%1).</translation>
    </message>
    <message>
        <source>The app now acts automatically (from the next order on).</source>
        <translation>Appen agerar nu automatiskt (från och med nästa order).</translation>
    </message>
    <message>
        <source>The app now waits for you to act (from the next order on).</source>
        <translation>Appen väntar nu på att du agerar (från och med nästa order).</translation>
    </message>
    <message>
        <source>Fault %1 injected: %2</source>
        <translation>Fel %1 injicerat: %2</translation>
    </message>
    <message>
        <source>Faults cleared: %1</source>
        <translation>Rensade fel: %1</translation>
    </message>
    <message>
        <source>BankID: %1 %2</source>
        <translation>BankID: %1 %2</translation>
    </message>
    <message>
        <source>Simulated BankID app (demo)</source>
        <translation>Simulerad BankID-app (demo)</translation>
    </message>
    <message>
        <source>Simulated BankID app</source>
        <translation>Simulerad BankID-app</translation>
    </message>
    <message>
        <source>Test person:</source>
        <translation>Testperson:</translation>
    </message>
    <message>
        <source>Test person who picks up the order</source>
        <translation>Testperson som hämtar ordern</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No order to act on.</source>
        <translation>Ingen order att agera på.</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Order %1: %2</translation>
    </message>
    <message>
        <source>Order state</source>
        <translation>Orderstatus</translation>
    </message>
    <message>
        <source>Scan &amp;QR code</source>
        <translation>Läs av &amp;QR-kod</translation>
    </message>
    <message>
        <source>Scan the QR code shown on the desk</source>
        <translation>Läs av QR-koden som visas vid disken</translation>
    </message>
    <message>
        <source>Open on this devi&amp;ce</source>
        <translation>&amp;Öppna på den här enheten</translation>
    </message>
    <message>
        <source>Open the BankID app with the autostart token</source>
        <translation>Öppna BankID-appen med autostarttoken</translation>
    </message>
    <message>
        <source>Confir&amp;m call</source>
        <translation>Bekräfta sa&amp;mtal</translation>
    </message>
    <message>
        <source>Confirm that you are on a call with the company</source>
        <translation>Bekräfta att du är i ett samtal med företaget</translation>
    </message>
    <message>
        <source>&amp;Decline call</source>
        <translation>&amp;Neka samtal</translation>
    </message>
    <message>
        <source>Answer that you are not on a call</source>
        <translation>Svara att du inte är i ett samtal</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Godkänn</translation>
    </message>
    <message>
        <source>Enter the right security code</source>
        <translation>Ange rätt säkerhetskod</translation>
    </message>
    <message>
        <source>Wrong securit&amp;y code</source>
        <translation>Fel s&amp;äkerhetskod</translation>
    </message>
    <message>
        <source>Enter a wrong security code</source>
        <translation>Ange fel säkerhetskod</translation>
    </message>
    <message>
        <source>Ca&amp;ncel in app</source>
        <translation>Avbryt i app&amp;en</translation>
    </message>
    <message>
        <source>Press Cancel in the BankID app</source>
        <translation>Tryck på Avbryt i BankID-appen</translation>
    </message>
    <message>
        <source>In&amp;ject</source>
        <translation>Inji&amp;cera</translation>
    </message>
    <message>
        <source>Inject the fault</source>
        <translation>Injicera felet</translation>
    </message>
    <message>
        <source>Clear faults</source>
        <translation>Rensa fel</translation>
    </message>
    <message>
        <source>Remove all injected faults</source>
        <translation>Ta bort alla injicerade fel</translation>
    </message>
    <message>
        <source>Act automatically</source>
        <translation>Agera aut&amp;omatiskt</translation>
    </message>
    <message>
        <source>The simulated app scans and approves by itself</source>
        <translation>Den simulerade appen läser av och godkänner på egen hand</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Fel</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>&amp;Slutpunkt:</translation>
    </message>
    <message>
        <source>Endpoint the fault hits</source>
        <translation>Slutpunkt som felet drabbar</translation>
    </message>
    <message>
        <source>auth</source>
        <translation>auth</translation>
    </message>
    <message>
        <source>sign</source>
        <translation>sign</translation>
    </message>
    <message>
        <source>phone/auth</source>
        <translation>phone/auth</translation>
    </message>
    <message>
        <source>collect</source>
        <translation>collect</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alla</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>Kind of fault</source>
        <translation>Typ av fel</translation>
    </message>
    <message>
        <source>503 maintenance</source>
        <translation>503 underhåll</translation>
    </message>
    <message>
        <source>500 internal error</source>
        <translation>500 internt fel</translation>
    </message>
    <message>
        <source>429 too many requests</source>
        <translation>429 för många anrop</translation>
    </message>
    <message>
        <source>408 request timeout</source>
        <translation>408 tidsgräns för anrop</translation>
    </message>
    <message>
        <source>HTML error page</source>
        <translation>HTML-felsida</translation>
    </message>
    <message>
        <source>Truncated JSON</source>
        <translation>Avkortad JSON</translation>
    </message>
    <message>
        <source>Close connection</source>
        <translation>Stäng anslutningen</translation>
    </message>
    <message>
        <source>Delay 3 s</source>
        <translation>Fördröjning 3 s</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Antal:</translation>
    </message>
    <message>
        <source>How many requests the fault hits</source>
        <translation>Hur många anrop felet drabbar</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Obegränsat</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Logg:</translation>
    </message>
    <message>
        <source>What the simulated app did</source>
        <translation>Vad den simulerade appen gjorde</translation>
    </message>
    <message>
        <source>Fault refused (%1): %2</source>
        <translation>Fel avvisat (%1): %2</translation>
    </message>
    <message>
        <source>%1: refused, no order is waiting for the app. Nothing was done.</source>
        <translation>%1: avvisat, ingen order väntar på appen. Inget gjordes.</translation>
    </message>
    <message>
        <source>%1: refused, the order has already ended (%2). Nothing was done.</source>
        <translation>%1: avvisat, ordern har redan avslutats (%2). Inget gjordes.</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Läs av</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Confirm call</source>
        <translation>Bekräfta samtal</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Cancel in app</source>
        <translation>Avbryt i appen</translation>
    </message>
    <message>
        <source>Wrong security code</source>
        <translation>Fel säkerhetskod</translation>
    </message>
    <message>
        <source>Decline call</source>
        <translation>Neka samtal</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Visa allt</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>Kompakt</translation>
    </message>
    <message>
        <source>Show the test person, faults and log again</source>
        <translation>Visa testperson, fel och logg igen</translation>
    </message>
    <message>
        <source>Hide the test person, faults and log to make the panel narrow</source>
        <translation>Dölj testperson, fel och logg så att panelen blir smal</translation>
    </message>
    <message>
        <source>Compact demo phone</source>
        <translation>Kompakt demotelefon</translation>
    </message>
    <message>
        <source>W&amp;hat the person reads in the app:</source>
        <translation>Vad pe&amp;rsonen läser i appen:</translation>
    </message>
    <message>
        <source>Text shown to the person in the BankID app</source>
        <translation>Text som visas för personen i BankID-appen</translation>
    </message>
    <message>
        <source>Completed.</source>
        <translation>Slutförd.</translation>
    </message>
    <message>
        <source>BankID reports status “%1”, hintCode “%2”</source>
        <translation>BankID rapporterar status ”%1”, hintCode ”%2”</translation>
    </message>
    <message>
        <source>No ID card: %1</source>
        <translation>Inget ID-kort: %1</translation>
    </message>
    <message>
        <source>Show ID card: refused (%1).</source>
        <translation>Visa ID-kort: avvisat (%1).</translation>
    </message>
    <message numerus="yes">
        <source>Showing the ID card of %1: the QR code is valid once, for %n second(s).</source>
        <translation>
            <numerusform>Visar ID-kortet för %1: QR-koden gäller en gång, i %n sekund.</numerusform>
            <numerusform>Visar ID-kortet för %1: QR-koden gäller en gång, i %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide the digital ID card</source>
        <translation>Dölj det digitala ID-kortet</translation>
    </message>
    <message>
        <source>Show the selected person&apos;s digital ID card as a QR code</source>
        <translation>Visa den valda personens digitala ID-kort som QR-kod</translation>
    </message>
    <message>
        <source>ID card QR code</source>
        <translation>ID-kortets QR-kod</translation>
    </message>
    <message>
        <source>ID card of %1</source>
        <translation>ID-kort för %1</translation>
    </message>
    <message>
        <source>Show this QR code to the desk&apos;s scanner or camera: it is valid once, for a short time.</source>
        <translation>Visa den här QR-koden för diskens skanner eller kamera: den gäller en gång, en kort stund.</translation>
    </message>
    <message>
        <source>Hide ID card</source>
        <translation>Dölj ID-kort</translation>
    </message>
    <message>
        <source>Show ID card</source>
        <translation>Visa ID-kort</translation>
    </message>
</context>
<context>
    <name>bankid::DeskLoginPage</name>
    <message>
        <source>Log in at the desk</source>
        <translation>Logga in vid disken</translation>
    </message>
    <message>
        <source>The person in front of you logs in with BankID: they scan the QR code with the BankID app on their phone, or BankID starts on this computer.</source>
        <translation>Personen framför dig loggar in med BankID genom att läsa av QR-koden med BankID-appen i sin telefon, eller så startar BankID på den här datorn.</translation>
    </message>
    <message>
        <source>&amp;Log in with BankID</source>
        <translation>&amp;Logga in med BankID</translation>
    </message>
    <message>
        <source>Log in with BankID</source>
        <translation>Logga in med BankID</translation>
    </message>
    <message>
        <source>Starts a BankID login order</source>
        <translation>Startar en inloggningsorder för BankID</translation>
    </message>
    <message>
        <source>Text &amp;shown in the app:</source>
        <translation>&amp;Text som visas i appen:</translation>
    </message>
    <message>
        <source>Log in at the service desk</source>
        <translation>Logga in vid servicedisken</translation>
    </message>
    <message>
        <source>Text shown in the BankID app</source>
        <translation>Text som visas i BankID-appen</translation>
    </message>
    <message>
        <source>Start method:</source>
        <translation>Startsätt:</translation>
    </message>
</context>
<context>
    <name>bankid::DeskOptions</name>
    <message>
        <source>Where to send orders: simulator, test or production (default: the saved setting).</source>
        <translation>Vart ordrar skickas: simulator, test eller production (standard: den sparade inställningen).</translation>
    </message>
    <message>
        <source>Custom RP API base URL (implies a custom environment; needs --ca).</source>
        <translation>Anpassad bas-URL för RP API (innebär en anpassad miljö; kräver --ca).</translation>
    </message>
    <message>
        <source>PEM file with the CA certificate(s) to pin for --url.</source>
        <translation>PEM-fil med det eller de CA-certifikat som --url ska låsas till.</translation>
    </message>
    <message>
        <source>Language: sv or en (default: the saved setting, else the system&apos;s).</source>
        <translation>Språk: sv eller en (standard: den sparade inställningen, annars systemets).</translation>
    </message>
    <message>
        <source>Start an order at launch: auth, sign or phone-auth.</source>
        <translation>Starta en order vid programstart: auth, sign eller phone-auth.</translation>
    </message>
    <message>
        <source>Open the full-screen QR code window with the first order.</source>
        <translation>Öppna QR-kodsfönstret i helskärm vid den första ordern.</translation>
    </message>
    <message>
        <source>Log each request and state change on standard error.</source>
        <translation>Logga varje anrop och tillståndsändring på standard error (stderr).</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;; try --help</source>
        <translation>oväntat argument &apos;%1&apos;; prova --help</translation>
    </message>
    <message>
        <source>--environment must be simulator, test or production (use --url for anything else), not &apos;%1&apos;</source>
        <translation>--environment måste vara simulator, test eller production (använd --url för allt annat), inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--url implies a custom environment: leave out --environment %1</source>
        <translation>--url innebär en anpassad miljö: utelämna --environment %1</translation>
    </message>
    <message>
        <source>--url must be an absolute https:// URL such as https://127.0.0.1:8443/rp/v6.0, not &apos;%1&apos;</source>
        <translation>--url måste vara en absolut https://-URL som https://127.0.0.1:8443/rp/v6.0, inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--url needs --ca: a custom server is only trusted through a CA you name</source>
        <translation>--url kräver --ca: en anpassad server betros bara via en CA som du anger</translation>
    </message>
    <message>
        <source>--ca only applies with --url (the test and production roots are built in)</source>
        <translation>--ca gäller bara tillsammans med --url (rotcertifikaten för test och produktion är inbyggda)</translation>
    </message>
    <message>
        <source>--environment simulator brings its own certificate: leave out --cert</source>
        <translation>--environment simulator har ett eget certifikat: utelämna --cert</translation>
    </message>
    <message>
        <source>--password-env needs the name of an environment variable</source>
        <translation>--password-env kräver namnet på en miljövariabel</translation>
    </message>
    <message>
        <source>--password-env: the environment variable %1 is not set</source>
        <translation>--password-env: miljövariabeln %1 är inte satt</translation>
    </message>
    <message>
        <source>--lang must be sv or en, not &apos;%1&apos;</source>
        <translation>--lang måste vara sv eller en, inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--start must be auth, sign or phone-auth, not &apos;%1&apos;</source>
        <translation>--start måste vara auth, sign eller phone-auth, inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>BankID Desk: six tasks with Swedish BankID at a service desk.
  Log in: the person in front of you logs in with BankID.
  Identify caller: identify the person you are on the phone with, or let them sign.
  Sign text: the person signs a text you write.
  Sign document: the person signs a document; a receipt is saved next to it.
  Verify receipt: check a signed document against its receipt, offline.
  Verify ID card: check a visitor&apos;s digital ID card and their age.</source>
        <translation>BankID Desk: sex uppgifter med svenskt BankID vid en servicedisk.
  Logga in: personen framför dig loggar in med BankID.
  Legitimera den som ringer: legitimera personen du talar med i telefon, eller låt personen skriva under.
  Skriv under text: personen skriver under en text som du skriver.
  Skriv under dokument: personen skriver under ett dokument; ett kvitto sparas bredvid det.
  Verifiera kvitto: kontrollera ett underskrivet dokument mot dess kvitto, offline.
  Verifiera ID-kort: kontrollera en besökares digitala ID-kort och ålder.</translation>
    </message>
    <message>
        <source>Without options it uses the saved settings (by default the embedded simulator).</source>
        <translation>Utan alternativ används de sparade inställningarna (som standard den inbyggda simulatorn).</translation>
    </message>
    <message>
        <source>RP client certificate: PKCS#12 (.p12/.pfx) or PEM file, or a pkcs11: URI of a key on a token.</source>
        <translation>RP-klientcertifikat: PKCS#12-fil (.p12/.pfx) eller PEM-fil, eller en pkcs11:-URI för en nyckel på en token.</translation>
    </message>
    <message>
        <source>With a pkcs11: URI in --cert: the certificate file (PEM or DER); default: the certificate on the token.</source>
        <translation>Med en pkcs11:-URI i --cert: certifikatfilen (PEM eller DER); standard: certifikatet på tokenen.</translation>
    </message>
    <message>
        <source>Read the certificate password (or the token PIN) from this environment variable.</source>
        <translation>Läs certifikatlösenordet (eller tokenens PIN-kod) från den här miljövariabeln.</translation>
    </message>
    <message>
        <source>Read the certificate password (or the token PIN) from the first line of this file.</source>
        <translation>Läs certifikatlösenordet (eller tokenens PIN-kod) från den första raden i den här filen.</translation>
    </message>
    <message>
        <source>With --start phone-auth: the caller&apos;s personal number (YYYYMMDDNNNN).</source>
        <translation>Med --start phone-auth: personnumret för den som ringer (ÅÅÅÅMMDDNNNN).</translation>
    </message>
    <message>
        <source>With --personal-number: who called whom, RP (the desk called) or user (the person called).</source>
        <translation>Med --personal-number: vem som ringde vem, RP (disken ringde) eller user (personen ringde).</translation>
    </message>
    <message>
        <source>Run exactly one order (needs --start), print the verified identity on standard output as one JSON object and exit: 0 verified, 1 failed or cancelled by the person, 2 usage or configuration, 3 network or TLS, 4 closed by the operator.</source>
        <translation>Kör exakt en order (kräver --start), skriv ut den verifierade identiteten på standard output (stdout) som ett JSON-objekt och avsluta: 0 verifierad, 1 misslyckades eller avbröts av personen, 2 fel i användning eller konfiguration, 3 nätverks- eller TLS-fel, 4 stängdes av handläggaren.</translation>
    </message>
    <message>
        <source>With --once: write the result as JSON (the only format, accepted for clarity).</source>
        <translation>Med --once: skriv resultatet som JSON (det enda formatet; godtas för tydlighetens skull).</translation>
    </message>
    <message>
        <source>With --once: add BankID&apos;s signature and OCSP response (base64) to the JSON.</source>
        <translation>Med --once: lägg till BankID:s signatur och OCSP-svar (base64) i JSON-objektet.</translation>
    </message>
    <message>
        <source>--cert-file only applies with --cert pkcs11:… (the certificate of a key on a token)</source>
        <translation>--cert-file gäller bara tillsammans med --cert pkcs11:… (certifikatet för en nyckel på en token)</translation>
    </message>
    <message>
        <source>--cert-file only applies when --cert is a pkcs11: URI; &apos;%1&apos; is a file that holds its own certificate</source>
        <translation>--cert-file gäller bara när --cert är en pkcs11:-URI; &apos;%1&apos; är en fil som innehåller sitt eget certifikat</translation>
    </message>
    <message>
        <source>--cert-file needs the name of a certificate file</source>
        <translation>--cert-file kräver namnet på en certifikatfil</translation>
    </message>
    <message>
        <source>give either --password-env or --password-file, not both</source>
        <translation>ange antingen --password-env eller --password-file, inte båda</translation>
    </message>
    <message>
        <source>--password-file needs the name of a file</source>
        <translation>--password-file kräver namnet på en fil</translation>
    </message>
    <message>
        <source>--password-file: cannot read %1: %2</source>
        <translation>--password-file: kan inte läsa %1: %2</translation>
    </message>
    <message>
        <source>--password-file: the first line of %1 is longer than %2 bytes</source>
        <translation>--password-file: den första raden i %1 är längre än %2 byte</translation>
    </message>
    <message>
        <source>--personal-number only applies with --start phone-auth</source>
        <translation>--personal-number gäller bara tillsammans med --start phone-auth</translation>
    </message>
    <message>
        <source>--personal-number %1: %2</source>
        <translation>--personal-number %1: %2</translation>
    </message>
    <message>
        <source>--call-initiator only applies with --start phone-auth --personal-number</source>
        <translation>--call-initiator gäller bara tillsammans med --start phone-auth --personal-number</translation>
    </message>
    <message>
        <source>--call-initiator must be user (the person called you) or RP (you called the person), not &apos;%1&apos;</source>
        <translation>--call-initiator måste vara user (personen ringde dig) eller RP (du ringde personen), inte &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--personal-number needs --call-initiator user (the person called you) or --call-initiator RP (you called the person)</source>
        <translation>--personal-number kräver --call-initiator user (personen ringde dig) eller --call-initiator RP (du ringde personen)</translation>
    </message>
    <message>
        <source>--once needs --start auth, sign or phone-auth: it runs exactly one order</source>
        <translation>--once kräver --start auth, sign eller phone-auth: alternativet kör exakt en order</translation>
    </message>
    <message>
        <source>--json only applies with --once</source>
        <translation>--json gäller bara tillsammans med --once</translation>
    </message>
    <message>
        <source>--with-evidence only applies with --once</source>
        <translation>--with-evidence gäller bara tillsammans med --once</translation>
    </message>
</context>
<context>
    <name>bankid::DocumentDigest</name>
    <message>
        <source>No document file was given.</source>
        <translation>Ingen dokumentfil angavs.</translation>
    </message>
    <message>
        <source>The document %1 does not exist.</source>
        <translation>Dokumentet %1 finns inte.</translation>
    </message>
    <message>
        <source>The document %1 is a folder, not a file.</source>
        <translation>Dokumentet %1 är en mapp, inte en fil.</translation>
    </message>
    <message>
        <source>The document %1 is not a regular file (a device, pipe or socket cannot be signed).</source>
        <translation>Dokumentet %1 är ingen vanlig fil (en enhet, pipe eller socket kan inte skrivas under).</translation>
    </message>
    <message>
        <source>The document %1 cannot be read: %2</source>
        <translation>Dokumentet %1 kan inte läsas: %2</translation>
    </message>
    <message>
        <source>Computing the SHA-256 of %1 was cancelled.</source>
        <translation>Beräkningen av SHA-256 för %1 avbröts.</translation>
    </message>
</context>
<context>
    <name>bankid::DocumentSignRequest</name>
    <message>
        <source>File: %1</source>
        <translation>Fil: %1</translation>
    </message>
    <message>
        <source>Size: 1 byte</source>
        <translation>Storlek: 1 byte</translation>
    </message>
    <message>
        <source>Size: %1 bytes</source>
        <translation>Storlek: %1 byte</translation>
    </message>
    <message>
        <source>Sign document</source>
        <translation>Skriv under dokument</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>bankid::EnvironmentBadge</name>
    <message>
        <source>SIMULATOR</source>
        <translation>SIMULATOR</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>TEST</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUKTION</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>ANPASSAD</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Miljö: %1</translation>
    </message>
    <message>
        <source>The built-in simulator: no real BankID, nothing reaches a customer.</source>
        <translation>Den inbyggda simulatorn: inget riktigt BankID, ingenting når någon kund.</translation>
    </message>
    <message>
        <source>BankID&apos;s test system: test identities only.</source>
        <translation>BankID:s testmiljö: endast testidentiteter.</translation>
    </message>
    <message>
        <source>BankID&apos;s production system: real customers, real signatures.</source>
        <translation>BankID:s produktionsmiljö: riktiga kunder, riktiga underskrifter.</translation>
    </message>
    <message>
        <source>A BankID service at an address from the settings.</source>
        <translation>En BankID-tjänst på en adress från inställningarna.</translation>
    </message>
</context>
<context>
    <name>bankid::EvidenceRoots</name>
    <message>
        <source>The root certificate file %1 is a folder.</source>
        <translation>Rotcertifikatfilen %1 är en mapp.</translation>
    </message>
    <message>
        <source>The root certificate file %1 cannot be read: %2</source>
        <translation>Rotcertifikatfilen %1 kan inte läsas: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no certificate (PEM or DER).</source>
        <translation>Filen %1 innehåller inget certifikat (PEM eller DER).</translation>
    </message>
    <message>
        <source>no trusted roots</source>
        <translation>inga betrodda rotcertifikat</translation>
    </message>
</context>
<context>
    <name>bankid::FullScreenQrWindow</name>
    <message>
        <source>BankID QR code</source>
        <translation>QR-kod för BankID</translation>
    </message>
    <message>
        <source>Full-screen BankID QR code</source>
        <translation>QR-kod för BankID i helskärm</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Press Esc or F11 to close this view.</source>
        <translation>Tryck på Esc eller F11 för att stänga den här vyn.</translation>
    </message>
    <message>
        <source>How to close</source>
        <translation>Så stänger du</translation>
    </message>
</context>
<context>
    <name>bankid::IdCardCameraView</name>
    <message>
        <source>The camera was disconnected.</source>
        <translation>Kameran kopplades bort.</translation>
    </message>
    <message>
        <source>The camera could not be used (%1). Another program may be using it, or this user may not use cameras (on Linux: the “video” group). Use a handheld scanner or paste the code into “Scanned code”.</source>
        <translation>Kameran kunde inte användas (%1). Ett annat program kanske använder den, eller så får den här användaren inte använda kameror (i Linux: gruppen ”video”). Använd en handskanner eller klistra in koden i ”Inläst kod”.</translation>
    </message>
    <message>
        <source>No camera found. Connect a webcam, or use a handheld scanner or paste the code into “Scanned code”.</source>
        <translation>Ingen kamera hittades. Anslut en webbkamera, eller använd en handskanner eller klistra in koden i ”Inläst kod”.</translation>
    </message>
    <message>
        <source>The camera is off. Start it to read the QR code on the holder&apos;s phone.</source>
        <translation>Kameran är avstängd. Starta den för att läsa QR-koden i innehavarens telefon.</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Ingen kamera</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kameran är avstängd</translation>
    </message>
    <message>
        <source>That QR code is not a BankID ID card. Ask the holder to open the ID card in the BankID app.</source>
        <translation>Den QR-koden är inget ID-kort från BankID. Be innehavaren öppna ID-kortet i BankID-appen.</translation>
    </message>
    <message>
        <source>Looking for the ID card&apos;s QR code: hold the phone in front of the camera.</source>
        <translation>Letar efter ID-kortets QR-kod: håll telefonen framför kameran.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Startar kameran…</translation>
    </message>
    <message>
        <source>QR code read. The camera has stopped; start it again for the next card.</source>
        <translation>QR-koden är läst. Kameran har stoppats; starta den igen för nästa kort.</translation>
    </message>
    <message>
        <source>QR code read</source>
        <translation>QR-koden är läst</translation>
    </message>
    <message>
        <source>Camera problem</source>
        <translation>Problem med kameran</translation>
    </message>
    <message>
        <source>Stop the camera</source>
        <translation>Stoppa kameran</translation>
    </message>
    <message>
        <source>Start the camera</source>
        <translation>Starta kameran</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>Camera status</source>
        <translation>Kamerans status</translation>
    </message>
    <message>
        <source>&amp;Stop camera</source>
        <translation>S&amp;toppa kameran</translation>
    </message>
    <message>
        <source>&amp;Start camera</source>
        <translation>S&amp;tarta kameran</translation>
    </message>
    <message>
        <source>Came&amp;ra:</source>
        <translation>Kame&amp;ra:</translation>
    </message>
</context>
<context>
    <name>bankid::LockedOptions</name>
    <message>
        <source>%1 cannot change %2, which the administrator locked in %3%4</source>
        <translation>%1 kan inte ändra %2, som administratören har låst i %3%4</translation>
    </message>
    <message>
        <source>--start %1 cannot start the task %2, which %3 does not allow at this desk%4</source>
        <translation>--start %1 kan inte starta uppgiften %2, som %3 inte tillåter vid den här disken%4</translation>
    </message>
</context>
<context>
    <name>bankid::MainWindow</name>
    <message>
        <source>Log in with BankID</source>
        <translation>Logga in med BankID</translation>
    </message>
    <message>
        <source>Sign with BankID</source>
        <translation>Skriv under med BankID</translation>
    </message>
    <message>
        <source>Approve the payment with BankID</source>
        <translation>Godkänn betalningen med BankID</translation>
    </message>
    <message>
        <source>Identify the caller with BankID</source>
        <translation>Legitimera den som ringer med BankID</translation>
    </message>
    <message>
        <source>The caller signs with BankID</source>
        <translation>Den som ringer skriver under med BankID</translation>
    </message>
    <message>
        <source>Enter the text to sign, then press Sign.</source>
        <translation>Skriv texten som ska skrivas under och tryck sedan på Skriv under.</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s personal number, then press Start.</source>
        <translation>Ange personnumret för den som ringer och tryck sedan på Starta.</translation>
    </message>
    <message>
        <source>Password for the RP certificate %1:</source>
        <translation>Lösenord för RP-certifikatet %1:</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>Certifikatlösenord</translation>
    </message>
    <message>
        <source>Environment: %1</source>
        <translation>Miljö: %1</translation>
    </message>
    <message>
        <source>No RP certificate loaded</source>
        <translation>Inget RP-certifikat inläst</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Certifikat: %1</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Exportera resultat</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>The result was not exported: %1</source>
        <translation>Resultatet exporterades inte: %1</translation>
    </message>
    <message>
        <source>Result exported to %1</source>
        <translation>Resultatet exporterades till %1</translation>
    </message>
    <message>
        <source>The Swedish translation is not available; staying in English.</source>
        <translation>Den svenska översättningen är inte tillgänglig; programmet fortsätter på engelska.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Logga in</translation>
    </message>
    <message>
        <source>&amp;Identify caller</source>
        <translation>Legitimera den som &amp;ringer</translation>
    </message>
    <message>
        <source>&amp;Sign text</source>
        <translation>&amp;Skriv under text</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Identify caller</source>
        <translation>Legitimera den som ringer</translation>
    </message>
    <message>
        <source>Sign text</source>
        <translation>Skriv under text</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Uppgifter</translation>
    </message>
    <message>
        <source>Current task</source>
        <translation>Aktuell uppgift</translation>
    </message>
    <message>
        <source>Demo phone</source>
        <translation>Demotelefon</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Tasks</source>
        <translation>&amp;Uppgifter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Export result…</source>
        <translation>&amp;Exportera resultat…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Full-screen QR code</source>
        <translation>QR-kod i &amp;helskärm</translation>
    </message>
    <message>
        <source>&amp;Demo phone</source>
        <translation>&amp;Demotelefon</translation>
    </message>
    <message>
        <source>&amp;About BankID Desk</source>
        <translation>&amp;Om BankID Desk</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>RP certificate</source>
        <translation>RP-certifikat</translation>
    </message>
    <message>
        <source>The order was not written to the audit log: %1</source>
        <translation>Ordern skrevs inte till granskningsloggen: %1</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Granskningslogg…</translation>
    </message>
    <message>
        <source>Sign &amp;document</source>
        <translation>Skriv under &amp;dokument</translation>
    </message>
    <message>
        <source>&amp;Verify receipt</source>
        <translation>&amp;Verifiera kvitto</translation>
    </message>
    <message>
        <source>Sign document</source>
        <translation>Skriv under dokument</translation>
    </message>
    <message>
        <source>Verify receipt</source>
        <translation>Verifiera kvitto</translation>
    </message>
    <message>
        <source>Receipt not saved</source>
        <translation>Kvittot sparades inte</translation>
    </message>
    <message>
        <source>The receipt of the last signature could not be saved and exists only in this window. Save it before closing?</source>
        <translation>Kvittot för den senaste underskriften kunde inte sparas och finns bara i det här fönstret. Vill du spara det innan du stänger?</translation>
    </message>
    <message>
        <source>Simulator: the demo phone plays the BankID app. Use “Open on this device” there.</source>
        <translation>Simulator: demotelefonen spelar BankID-appen. Använd ”Öppna på den här enheten” där.</translation>
    </message>
    <message>
        <source>Cancelling the order at BankID…</source>
        <translation>Avbryter ordern hos BankID…</translation>
    </message>
    <message>
        <source>BankID Desk — %1</source>
        <translation>BankID Desk — %1</translation>
    </message>
    <message>
        <source>Connecting to BankID…</source>
        <translation>Ansluter till BankID…</translation>
    </message>
    <message>
        <source>Not connected to BankID: %1</source>
        <translation>Inte ansluten till BankID: %1</translation>
    </message>
    <message>
        <source>Not connected to BankID. Open Settings to fix the connection.</source>
        <translation>Inte ansluten till BankID. Öppna Inställningar för att åtgärda anslutningen.</translation>
    </message>
    <message>
        <source>No order was started: not connected to BankID.</source>
        <translation>Ingen order startades: inte ansluten till BankID.</translation>
    </message>
    <message>
        <source>The demo phone is hidden to fit the screen; View &gt; Demo phone (Ctrl+D) shows it.</source>
        <translation>Demotelefonen är dold för att fönstret ska få plats på skärmen; Visa &gt; Demotelefon (Ctrl+D) visar den.</translation>
    </message>
    <message>
        <source>Verify ID &amp;card</source>
        <translation>Verifiera ID-&amp;kort</translation>
    </message>
    <message>
        <source>Verify ID card</source>
        <translation>Verifiera ID-kort</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+6 switch tasks</source>
        <translation>Ctrl+1 till Ctrl+6 byter uppgift</translation>
    </message>
    <message>
        <source>This task is not allowed at this desk (set by the administrator).</source>
        <translation>Den här uppgiften är inte tillåten vid den här disken (inställt av administratören).</translation>
    </message>
    <message>
        <source>PIN for the token %1:</source>
        <translation>PIN-kod för tokenen %1:</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>PIN-kod för token</translation>
    </message>
</context>
<context>
    <name>bankid::ManagedSettings</name>
    <message>
        <source>simulator, test, production or custom</source>
        <translation>simulator, test, production eller custom</translation>
    </message>
    <message>
        <source>an absolute https:// URL</source>
        <translation>en absolut https://-URL</translation>
    </message>
    <message>
        <source>the absolute path of a PEM file</source>
        <translation>den absoluta sökvägen till en PEM-fil</translation>
    </message>
    <message>
        <source>the absolute path of a certificate file or a pkcs11: URI</source>
        <translation>den absoluta sökvägen till en certifikatfil eller en pkcs11:-URI</translation>
    </message>
    <message>
        <source>empty or the absolute path of a file</source>
        <translation>tomt eller den absoluta sökvägen till en fil</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true eller false</translation>
    </message>
    <message>
        <source>detect or an IPv4/IPv6 address</source>
        <translation>detect eller en IPv4-/IPv6-adress</translation>
    </message>
    <message>
        <source>whole seconds from %1 to %2</source>
        <translation>hela sekunder från %1 till %2</translation>
    </message>
    <message>
        <source>a number from 0 to %1</source>
        <translation>ett tal från 0 till %1</translation>
    </message>
    <message>
        <source>whole years from %1 to %2</source>
        <translation>hela år från %1 till %2</translation>
    </message>
    <message>
        <source>an absolute file path</source>
        <translation>en absolut sökväg till en fil</translation>
    </message>
    <message>
        <source>a comma-separated list of %1</source>
        <translation>en kommaseparerad lista med %1</translation>
    </message>
    <message>
        <source>sv, en or system</source>
        <translation>sv, en eller system</translation>
    </message>
    <message>
        <source>%1: cannot be read as an INI file; no setting is managed</source>
        <translation>%1: kan inte läsas som en INI-fil; inga inställningar styrs centralt</translation>
    </message>
    <message>
        <source>%1: unknown key %2 (the [locked] group takes keys and reason)</source>
        <translation>%1: okänd nyckel %2 (gruppen [locked] accepterar keys och reason)</translation>
    </message>
    <message>
        <source>%1: %2 cannot be set here and is ignored (settable: %3)</source>
        <translation>%1: %2 kan inte anges här och ignoreras (kan anges: %3)</translation>
    </message>
    <message>
        <source>%1: %2 = &apos;%3&apos; is ignored: expected %4</source>
        <translation>%1: %2 = &apos;%3&apos; ignoreras: värdet ska vara %4</translation>
    </message>
    <message>
        <source>%1: locked/keys names %2, which cannot be locked (lockable: %3)</source>
        <translation>%1: locked/keys anger %2, som inte kan låsas (kan låsas: %3)</translation>
    </message>
    <message>
        <source>%1: locked/keys names %2 but the file gives it no valid value, so it is not locked</source>
        <translation>%1: locked/keys anger %2, men filen ger den inget giltigt värde, så den låses inte</translation>
    </message>
    <message>
        <source>set in %1</source>
        <translation>angivet i %1</translation>
    </message>
    <message>
        <source>Locked by your administrator: %1</source>
        <translation>Låst av administratören: %1</translation>
    </message>
</context>
<context>
    <name>bankid::OperatorMessages</name>
    <message>
        <source>Waiting for the person to scan the QR code with the BankID app.</source>
        <translation>Väntar på att personen läser av QR-koden med BankID-appen.</translation>
    </message>
    <message>
        <source>Waiting for the BankID app to open on this computer.</source>
        <translation>Väntar på att BankID-appen öppnas på den här datorn.</translation>
    </message>
    <message>
        <source>Waiting for the person to open the BankID app.</source>
        <translation>Väntar på att personen öppnar BankID-appen.</translation>
    </message>
    <message>
        <source>The person has opened BankID and is looking for their BankID.</source>
        <translation>Personen har öppnat BankID och söker efter sitt BankID.</translation>
    </message>
    <message>
        <source>Waiting for the person to confirm the call.</source>
        <translation>Väntar på att personen bekräftar samtalet.</translation>
    </message>
    <message>
        <source>The person is confirming in the BankID app.</source>
        <translation>Personen bekräftar i BankID-appen.</translation>
    </message>
    <message>
        <source>The person is scanning their ID document with the BankID app.</source>
        <translation>Personen läser av sin ID-handling med BankID-appen.</translation>
    </message>
    <message>
        <source>The person is taking a face photo in the BankID app.</source>
        <translation>Personen tar en ansiktsbild i BankID-appen.</translation>
    </message>
    <message>
        <source>The person is doing an extra check in the BankID app.</source>
        <translation>Personen gör en extra kontroll i BankID-appen.</translation>
    </message>
    <message>
        <source>Waiting for BankID.</source>
        <translation>Väntar på BankID.</translation>
    </message>
    <message>
        <source>The person says they are not on a call with you. Do not continue.</source>
        <translation>Personen uppger att det inte pågår något samtal med dig. Fortsätt inte.</translation>
    </message>
    <message>
        <source>The person cancelled in the BankID app.</source>
        <translation>Personen avbröt i BankID-appen.</translation>
    </message>
    <message>
        <source>The person did not finish in time. Start a new order if they still want to.</source>
        <translation>Personen blev inte klar i tid. Starta en ny order om personen fortfarande vill.</translation>
    </message>
    <message>
        <source>The person did not start BankID in time.</source>
        <translation>Personen startade inte BankID i tid.</translation>
    </message>
    <message>
        <source>The person&apos;s BankID cannot be used (blocked or too many wrong codes).</source>
        <translation>Personens BankID kan inte användas (spärrat eller för många felaktiga koder).</translation>
    </message>
    <message>
        <source>A newer order for the same person replaced this one.</source>
        <translation>En nyare order för samma person har ersatt den här.</translation>
    </message>
    <message>
        <source>The order did not go through.</source>
        <translation>Ordern gick inte igenom.</translation>
    </message>
    <message>
        <source>The QR code has expired: it is valid for a short time only. Ask the holder to show the ID card again and scan the new code.</source>
        <translation>QR-koden har gått ut: den gäller bara en kort stund. Be innehavaren visa ID-kortet igen och läs av den nya koden.</translation>
    </message>
    <message>
        <source>This QR code has already been used: each code can be verified once. Ask the holder to show the ID card again and scan the new code.</source>
        <translation>Den här QR-koden har redan använts: varje kod kan verifieras en gång. Be innehavaren visa ID-kortet igen och läs av den nya koden.</translation>
    </message>
    <message>
        <source>BankID does not accept this QR code as a valid ID card. Ask the holder to open the ID card in the BankID app (not a login QR code) and scan the code shown there.</source>
        <translation>BankID godtar inte den här QR-koden som ett giltigt ID-kort. Be innehavaren öppna ID-kortet i BankID-appen (inte en QR-kod för inloggning) och läs av koden som visas där.</translation>
    </message>
    <message>
        <source>BankID refused the desk&apos;s RP certificate for ID card verification (%1). Nothing was verified. Check the certificate in Settings or call IT support.</source>
        <translation>BankID avvisade diskens RP-certifikat för verifiering av ID-kort (%1). Inget verifierades. Kontrollera certifikatet i Inställningar eller ring IT-supporten.</translation>
    </message>
    <message>
        <source>BankID could not verify the card right now (%1). Nothing was verified. Wait a moment, then ask for a fresh code and scan again.</source>
        <translation>BankID kunde inte verifiera kortet just nu (%1). Inget verifierades. Vänta en stund, be sedan om en ny kod och läs av igen.</translation>
    </message>
    <message>
        <source>BankID could not be reached (%1). Nothing was verified. Check the network connection, then ask for a fresh code and scan again.</source>
        <translation>BankID gick inte att nå (%1). Inget verifierades. Kontrollera nätverksanslutningen, be sedan om en ny kod och läs av igen.</translation>
    </message>
    <message>
        <source>The secure connection to BankID failed (%1). Nothing was verified. Check the environment and the RP certificate in Settings, or call IT support.</source>
        <translation>Den säkra anslutningen till BankID misslyckades (%1). Inget verifierades. Kontrollera miljön och RP-certifikatet i Inställningar, eller ring IT-supporten.</translation>
    </message>
    <message>
        <source>The desk is not set up for ID card verification (%1). Open Settings to fix it.</source>
        <translation>Disken är inte inställd för verifiering av ID-kort (%1). Öppna Inställningar för att åtgärda det.</translation>
    </message>
    <message>
        <source>BankID&apos;s answer could not be read (%1). Nothing was verified. Ask for a fresh code and scan again; if it happens again, call IT support.</source>
        <translation>BankID:s svar gick inte att läsa (%1). Inget verifierades. Be om en ny kod och läs av igen; ring IT-supporten om det händer igen.</translation>
    </message>
    <message>
        <source>The verification was cancelled. Scan a fresh code to verify the card.</source>
        <translation>Verifieringen avbröts. Läs av en ny kod för att verifiera kortet.</translation>
    </message>
    <message>
        <source>This is not a BankID ID card code (%1). Ask the holder to open the ID card in the BankID app and scan the QR code shown there.</source>
        <translation>Det här är ingen ID-kortskod från BankID (%1). Be innehavaren öppna ID-kortet i BankID-appen och läs av QR-koden som visas där.</translation>
    </message>
</context>
<context>
    <name>bankid::OperatorStatusPanel</name>
    <message>
        <source>Order progress</source>
        <translation>Orderns förlopp</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>For you</source>
        <translation>Till dig</translation>
    </message>
    <message>
        <source>What the order is about</source>
        <translation>Vad ordern gäller</translation>
    </message>
    <message>
        <source>1. Scan or open</source>
        <translation>1. Läs av eller öppna</translation>
    </message>
    <message>
        <source>2. Confirm in the app</source>
        <translation>2. Bekräfta i appen</translation>
    </message>
    <message>
        <source>3. Done</source>
        <translation>3. Klart</translation>
    </message>
    <message>
        <source>Current step: %1</source>
        <translation>Aktuellt steg: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Klart: %1</translation>
    </message>
</context>
<context>
    <name>bankid::OrderView</name>
    <message>
        <source>BankID order</source>
        <translation>BankID-order</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>BankID message</source>
        <translation>Meddelande från BankID</translation>
    </message>
    <message>
        <source>Time left to start</source>
        <translation>Återstående tid att starta</translation>
    </message>
    <message>
        <source>New QR codes</source>
        <translation>Nya QR-koder</translation>
    </message>
    <message>
        <source>Technical &amp;details</source>
        <translation>Tekniska &amp;detaljer</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Tekniska detaljer</translation>
    </message>
    <message>
        <source>Show or hide the technical details of the error</source>
        <translation>Visa eller dölj felets tekniska detaljer</translation>
    </message>
    <message>
        <source>Technical details of the error</source>
        <translation>Felets tekniska detaljer</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Avbryt ordern</translation>
    </message>
    <message>
        <source>Cancel the order (Esc)</source>
        <translation>Avbryt ordern (Esc)</translation>
    </message>
    <message>
        <source>&amp;Open BankID on this device</source>
        <translation>&amp;Öppna BankID på den här enheten</translation>
    </message>
    <message>
        <source>Open BankID on this device</source>
        <translation>Öppna BankID på den här enheten</translation>
    </message>
    <message>
        <source>Show &amp;QR code instead</source>
        <translation>Visa &amp;QR-kod i stället</translation>
    </message>
    <message>
        <source>Show QR code instead</source>
        <translation>Visa QR-kod i stället</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>H&amp;elskärm</translation>
    </message>
    <message>
        <source>Show the QR code full screen</source>
        <translation>Visa QR-koden i helskärm</translation>
    </message>
    <message>
        <source>Show the QR code full screen or on a second screen (F11)</source>
        <translation>Visa QR-koden i helskärm eller på en andra skärm (F11)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <source>hintCode: %1</source>
        <translation>hintCode: %1</translation>
    </message>
    <message>
        <source>Error kind: %1</source>
        <translation>Feltyp: %1</translation>
    </message>
    <message>
        <source>Endpoint: %1</source>
        <translation>Slutpunkt: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-status: %1</translation>
    </message>
    <message>
        <source>errorCode: %1</source>
        <translation>errorCode: %1</translation>
    </message>
    <message>
        <source>details: %1</source>
        <translation>details: %1</translation>
    </message>
    <message>
        <source>Message shown: %1</source>
        <translation>Visat meddelande: %1</translation>
    </message>
    <message>
        <source>New QR code %1 of %2</source>
        <translation>Ny QR-kod %1 av %2</translation>
    </message>
    <message>
        <source>New start %1 of %2</source>
        <translation>Ny start %1 av %2</translation>
    </message>
    <message>
        <source>Starting the order…</source>
        <translation>Startar ordern…</translation>
    </message>
    <message>
        <source>Cancelling the order…</source>
        <translation>Avbryter ordern…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klart.</translation>
    </message>
    <message>
        <source>Scan within %1 s</source>
        <translation>Läs av inom %1 s</translation>
    </message>
    <message>
        <source>Start the BankID app within %1 s</source>
        <translation>Starta BankID-appen inom %1 s</translation>
    </message>
    <message>
        <source>BankID could not be started</source>
        <translation>BankID kunde inte startas</translation>
    </message>
    <message>
        <source>completionData.risk: %1</source>
        <translation>completionData.risk: %1</translation>
    </message>
    <message>
        <source>Order state at BankID: unknown. The request may have reached BankID; it was not sent again.</source>
        <translation>Orderns status hos BankID: okänd. Begäran kan ha nått BankID; den skickades inte igen.</translation>
    </message>
    <message>
        <source>BankID could not be started: nothing on this computer opens BankID links. Choose “Show QR code instead” and let the person scan the code with the BankID app on their phone.</source>
        <translation>BankID kunde inte startas: inget program på den här datorn öppnar BankID-länkar. Välj ”Visa QR-kod i stället” och låt personen skanna koden med BankID-appen i sin telefon.</translation>
    </message>
    <message>
        <source>Cancel the order?</source>
        <translation>Avbryta ordern?</translation>
    </message>
    <message>
        <source>The person has already opened BankID and may be confirming right now. Cancel their order?</source>
        <translation>Personen har redan öppnat BankID och kanske bekräftar just nu. Vill du avbryta ordern?</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>Behåll ordern</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Skriv under</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betalning</translation>
    </message>
    <message>
        <source>Identify caller</source>
        <translation>Legitimera den som ringer</translation>
    </message>
    <message>
        <source>Sign on a call</source>
        <translation>Skriv under per telefon</translation>
    </message>
    <message>
        <source>Open the BankID app and tap the QR code icon, then point the camera at this code.</source>
        <translation>Öppna BankID-appen, tryck på QR-ikonen och rikta sedan kameran mot den här koden.</translation>
    </message>
    <message>
        <source>How to scan</source>
        <translation>Så läser du av koden</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klart</translation>
    </message>
    <message>
        <source>Blocked: do not continue</source>
        <translation>Spärrad: fortsätt inte</translation>
    </message>
    <message>
        <source>Call not confirmed: do not continue</source>
        <translation>Samtalet bekräftades inte: fortsätt inte</translation>
    </message>
    <message>
        <source>The order did not go through</source>
        <translation>Ordern gick inte igenom</translation>
    </message>
    <message>
        <source>Order cancelled at BankID</source>
        <translation>Ordern avbröts hos BankID</translation>
    </message>
    <message>
        <source>Order cancelled</source>
        <translation>Ordern avbröts</translation>
    </message>
</context>
<context>
    <name>bankid::OutcomeBadge</name>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Godkänd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Misslyckad</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Spärrad</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Avbruten</translation>
    </message>
</context>
<context>
    <name>bankid::PasswordStore</name>
    <message>
        <source>this build has no system keychain support; the password is asked each time</source>
        <translation>den här versionen saknar stöd för systemets nyckelring; lösenordet efterfrågas varje gång</translation>
    </message>
</context>
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
    <name>bankid::PlatformFileDurability</name>
    <message>
        <source>the file is not open</source>
        <translation>filen är inte öppen</translation>
    </message>
    <message>
        <source>it is not a folder</source>
        <translation>det är inte en mapp</translation>
    </message>
</context>
<context>
    <name>bankid::PlatformFileLock</name>
    <message>
        <source>the file is not open</source>
        <translation>filen är inte öppen</translation>
    </message>
</context>
<context>
    <name>bankid::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation>QR-kod</translation>
    </message>
    <message>
        <source>Scan this QR code with the BankID app on your phone or tablet.</source>
        <translation>Läs av den här QR-koden med BankID-appen i din telefon eller surfplatta.</translation>
    </message>
</context>
<context>
    <name>bankid::Receipt</name>
    <message>
        <source>required member is missing</source>
        <translation>obligatoriskt fält saknas</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>förväntade ett objekt, fick %1</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>förväntade en sträng, fick %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>får inte vara tomt</translation>
    </message>
    <message>
        <source>expected a number, got %1</source>
        <translation>förväntade ett tal, fick %1</translation>
    </message>
    <message>
        <source>expected a whole number, got %1</source>
        <translation>förväntade ett heltal, fick %1</translation>
    </message>
    <message>
        <source>%1 is out of range (0 to 2^53)</source>
        <translation>%1 ligger utanför intervallet (0 till 2^53)</translation>
    </message>
    <message>
        <source>expected an ISO 8601 time with a UTC offset (2026-01-31T14:05:09.123+01:00), got &quot;%1&quot;</source>
        <translation>förväntade en tidpunkt enligt ISO 8601 med UTC-förskjutning (2026-01-31T14:05:09.123+01:00), fick &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected base64 text</source>
        <translation>förväntade base64-text</translation>
    </message>
    <message>
        <source>the receipt is empty</source>
        <translation>kvittot är tomt</translation>
    </message>
    <message>
        <source>the receipt is %1 bytes; a receipt is never larger than %2 bytes</source>
        <translation>kvittot är %1 byte; ett kvitto är aldrig större än %2 byte</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>ogiltig JSON: %1 vid byte %2</translation>
    </message>
    <message>
        <source>not a receipt: the JSON text is not an object</source>
        <translation>inget kvitto: JSON-texten är inget objekt</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;, got &quot;%2&quot;</source>
        <translation>förväntade &quot;%1&quot;, fick &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 is not a receipt format version (they start at 1)</source>
        <translation>%1 är ingen formatversion för kvitton (de börjar på 1)</translation>
    </message>
    <message>
        <source>%1 is newer than this program understands (%2)</source>
        <translation>%1 är nyare än vad det här programmet förstår (%2)</translation>
    </message>
    <message>
        <source>must be a file name without a folder</source>
        <translation>måste vara ett filnamn utan mapp</translation>
    </message>
    <message>
        <source>expected 64 hex digits, got %1 characters</source>
        <translation>förväntade 64 hexadecimala siffror, fick %1 tecken</translation>
    </message>
    <message>
        <source>expected 64 hex digits, got other characters</source>
        <translation>förväntade 64 hexadecimala siffror, fick andra tecken</translation>
    </message>
    <message>
        <source>expected one of %1, got &quot;%2&quot;</source>
        <translation>förväntade något av %1, fick &quot;%2&quot;</translation>
    </message>
    <message>
        <source>expected &quot;sign&quot; or &quot;phone/sign&quot;, got &quot;%1&quot;</source>
        <translation>förväntade &quot;sign&quot; eller &quot;phone/sign&quot;, fick &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected &quot;complete&quot;, got &quot;%1&quot; (only a completed order has a signature)</source>
        <translation>förväntade &quot;complete&quot;, fick &quot;%1&quot; (bara en slutförd order har en signatur)</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ett sanningsvärde</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>ett tal</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>en sträng</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>en lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ett objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ingenting</translation>
    </message>
</context>
<context>
    <name>bankid::ReceiptVerifier</name>
    <message>
        <source>no receipt file was given</source>
        <translation>ingen kvittofil angavs</translation>
    </message>
    <message>
        <source>the receipt %1 does not exist</source>
        <translation>kvittot %1 finns inte</translation>
    </message>
    <message>
        <source>the receipt %1 is not a regular file</source>
        <translation>kvittot %1 är ingen vanlig fil</translation>
    </message>
    <message>
        <source>the receipt %1 is %2 bytes, far larger than any receipt</source>
        <translation>kvittot %1 är %2 byte, långt större än något kvitto</translation>
    </message>
    <message>
        <source>the receipt %1 cannot be read: %2</source>
        <translation>kvittot %1 kan inte läsas: %2</translation>
    </message>
    <message>
        <source>not run: the document could not be read</source>
        <translation>ej körd: dokumentet kunde inte läsas</translation>
    </message>
    <message>
        <source>SHA-256 %1 and size %2 bytes match the receipt</source>
        <translation>SHA-256 %1 och storleken %2 byte stämmer med kvittot</translation>
    </message>
    <message>
        <source> (the file was renamed: the receipt names it &quot;%1&quot;)</source>
        <translation> (filen har bytt namn: i kvittot heter den &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>the document&apos;s SHA-256 is %1 (%2 bytes), the receipt says %3 (%4 bytes): the document is not the one the receipt was written for, or it was changed</source>
        <translation>dokumentets SHA-256 är %1 (%2 byte), kvittot anger %3 (%4 byte): dokumentet är inte det som kvittot skrevs för, eller så har det ändrats</translation>
    </message>
    <message>
        <source>the signed data could not be read from the signature (see the &quot;xml&quot; check)</source>
        <translation>de underskrivna data kunde inte läsas ur signaturen (se kontrollen &quot;xml&quot;)</translation>
    </message>
    <message>
        <source>the signature carries no usrNonVisibleData, so it names no document</source>
        <translation>signaturen innehåller ingen usrNonVisibleData och anger därför inget dokument</translation>
    </message>
    <message>
        <source>the signed usrNonVisibleData is not &quot;sha256:&lt;64 hex digits&gt;&quot; (%1 bytes)</source>
        <translation>den underskrivna usrNonVisibleData är inte &quot;sha256:&lt;64 hexadecimala siffror&gt;&quot; (%1 byte)</translation>
    </message>
    <message>
        <source>the signature is over SHA-256 %1, the document&apos;s is %2</source>
        <translation>signaturen gäller SHA-256 %1, dokumentets är %2</translation>
    </message>
    <message>
        <source>the signature is over this document&apos;s SHA-256 %1</source>
        <translation>signaturen gäller det här dokumentets SHA-256 %1</translation>
    </message>
    <message>
        <source>the signature holds no readable signer certificate</source>
        <translation>signaturen innehåller inget läsbart certifikat för undertecknaren</translation>
    </message>
    <message>
        <source>the receipt&apos;s completionData.user has no personalNumber</source>
        <translation>kvittots completionData.user saknar personalNumber</translation>
    </message>
    <message>
        <source>completionData.user.personalNumber %1 differs from the certificate&apos;s %2</source>
        <translation>completionData.user.personalNumber %1 skiljer sig från certifikatets %2</translation>
    </message>
    <message>
        <source>the receipt&apos;s completionData.user has no name</source>
        <translation>kvittots completionData.user saknar name</translation>
    </message>
    <message>
        <source>completionData.user.name &quot;%1&quot; differs from the certificate&apos;s &quot;%2&quot;</source>
        <translation>completionData.user.name &quot;%1&quot; skiljer sig från certifikatets &quot;%2&quot;</translation>
    </message>
    <message>
        <source>%1 (%2), as in the signature certificate</source>
        <translation>%1 (%2), som i signaturcertifikatet</translation>
    </message>
    <message>
        <source>the receipt %1 cannot be used: %2</source>
        <translation>kvittot %1 kan inte användas: %2</translation>
    </message>
    <message>
        <source>not run: the receipt could not be read</source>
        <translation>ej körd: kvittot kunde inte läsas</translation>
    </message>
    <message>
        <source>format version %1, %2 environment, order %3, written %4</source>
        <translation>formatversion %1, miljö %2, order %3, skrivet %4</translation>
    </message>
    <message>
        <source>local simulator signing root %1 — simulator evidence, not a BankID signature</source>
        <translation>den lokala simulatorns rotcertifikat för signaturer %1 — bevis från simulatorn, ingen BankID-signatur</translation>
    </message>
    <message>
        <source>%1 (no local simulator signing root was found)</source>
        <translation>%1 (inget lokalt rotcertifikat från simulatorn hittades)</translation>
    </message>
</context>
<context>
    <name>bankid::ReceiptWriter</name>
    <message>
        <source>The receipt %1 could not be written: %2</source>
        <translation>Kvittot %1 kunde inte skrivas: %2</translation>
    </message>
    <message>
        <source>No document was given to write a receipt for.</source>
        <translation>Inget dokument angavs att skriva ett kvitto för.</translation>
    </message>
    <message>
        <source>The receipt %1 could not be created: %2</source>
        <translation>Kvittot %1 kunde inte skapas: %2</translation>
    </message>
    <message>
        <source>No free receipt name next to %1: %2 to %3 all exist.</source>
        <translation>Inget ledigt kvittonamn bredvid %1: %2 till %3 finns redan.</translation>
    </message>
    <message>
        <source>No file name was given for the receipt.</source>
        <translation>Inget filnamn angavs för kvittot.</translation>
    </message>
    <message>
        <source>The file %1 already exists; a receipt is never written over another file.</source>
        <translation>Filen %1 finns redan; ett kvitto skrivs aldrig över en annan fil.</translation>
    </message>
</context>
<context>
    <name>bankid::ResultView</name>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Måttlig</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>Begärdes inte</translation>
    </message>
    <message>
        <source>Identified with BankID</source>
        <translation>Legitimerad med BankID</translation>
    </message>
    <message>
        <source>Signed with BankID</source>
        <translation>Underskrivet med BankID</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Personal number (hidden)</source>
        <translation>Personnummer (dolt)</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Dölj</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>V&amp;isa</translation>
    </message>
    <message>
        <source>Hide the personal number</source>
        <translation>Dölj personnumret</translation>
    </message>
    <message>
        <source>Show the personal number</source>
        <translation>Visa personnumret</translation>
    </message>
    <message>
        <source>⚠ The BankID app ran on %1, but this computer&apos;s address is %2. The order may have been completed on another device.</source>
        <translation>⚠ BankID-appen kördes på %1, men den här datorns adress är %2. Ordern kan ha slutförts på en annan enhet.</translation>
    </message>
    <message>
        <source>ID document checked (mrtd): yes</source>
        <translation>ID-handling kontrollerad (mrtd): ja</translation>
    </message>
    <message>
        <source>ID document checked (mrtd): no</source>
        <translation>ID-handling kontrollerad (mrtd): nej</translation>
    </message>
    <message>
        <source>What was si&amp;gned (from the signature):</source>
        <translation>Det som skrevs under (enli&amp;gt underskriften):</translation>
    </message>
    <message>
        <source>What was si&amp;gned (as sent):</source>
        <translation>Det som skrevs under (enli&amp;gt det som skickades):</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>startades %1</translation>
    </message>
    <message>
        <source>completed %1</source>
        <translation>slutfördes %1</translation>
    </message>
    <message>
        <source>took %1 s</source>
        <translation>tog %1 s</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Namn: %1</translation>
    </message>
    <message>
        <source>Personal number: %1</source>
        <translation>Personnummer: %1</translation>
    </message>
    <message>
        <source>BankID issued: %1</source>
        <translation>BankID utfärdat: %1</translation>
    </message>
    <message>
        <source>Device IP: %1</source>
        <translation>Enhetens IP-adress: %1</translation>
    </message>
    <message>
        <source>Device (uhi): %1</source>
        <translation>Enhet (uhi): %1</translation>
    </message>
    <message>
        <source>Step-up: %1</source>
        <translation>Förstärkt kontroll: %1</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Risk: %1</translation>
    </message>
    <message>
        <source>Signed text: %1</source>
        <translation>Underskriven text: %1</translation>
    </message>
    <message>
        <source>Order: %1</source>
        <translation>Order: %1</translation>
    </message>
    <message>
        <source>Times: %1</source>
        <translation>Tider: %1</translation>
    </message>
    <message>
        <source>Nothing to export: no completed order is shown.</source>
        <translation>Inget att exportera: ingen slutförd order visas.</translation>
    </message>
    <message>
        <source>Nothing exported: no file name was given.</source>
        <translation>Inget exporterades: inget filnamn angavs.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan inte skriva %1: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Kan inte spara %1: %2</translation>
    </message>
    <message>
        <source>Export result as JSON</source>
        <translation>Exportera resultatet som JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <source>BankID result</source>
        <translation>Resultat från BankID</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Personal number:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>BankID issued:</source>
        <translation>BankID utfärdat:</translation>
    </message>
    <message>
        <source>BankID issue date</source>
        <translation>Utfärdandedatum för BankID</translation>
    </message>
    <message>
        <source>Device IP address:</source>
        <translation>Enhetens IP-adress:</translation>
    </message>
    <message>
        <source>Device IP address</source>
        <translation>Enhetens IP-adress</translation>
    </message>
    <message>
        <source>Device IP address warning</source>
        <translation>Varning om enhetens IP-adress</translation>
    </message>
    <message>
        <source>Device identifier (uhi):</source>
        <translation>Enhetsidentifierare (uhi):</translation>
    </message>
    <message>
        <source>Device identifier</source>
        <translation>Enhetsidentifierare</translation>
    </message>
    <message>
        <source>Step-up:</source>
        <translation>Förstärkt kontroll:</translation>
    </message>
    <message>
        <source>Step-up</source>
        <translation>Förstärkt kontroll</translation>
    </message>
    <message>
        <source>Risk:</source>
        <translation>Risk:</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Order times:</source>
        <translation>Ordertider:</translation>
    </message>
    <message>
        <source>Order times</source>
        <translation>Ordertider</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy the result to the clipboard</source>
        <translation>Kopiera resultatet till urklipp</translation>
    </message>
    <message>
        <source>&amp;Export JSON…</source>
        <translation>&amp;Exportera JSON…</translation>
    </message>
    <message>
        <source>Export the result as a JSON file</source>
        <translation>Exportera resultatet som en JSON-fil</translation>
    </message>
    <message>
        <source>&amp;New order</source>
        <translation>&amp;Ny order</translation>
    </message>
    <message>
        <source>Start a new order</source>
        <translation>Starta en ny order</translation>
    </message>
    <message>
        <source>There is no unsaved receipt.</source>
        <translation>Det finns inget osparat kvitto.</translation>
    </message>
    <message>
        <source>Save receipt as</source>
        <translation>Spara kvitto som</translation>
    </message>
    <message>
        <source>BankID receipts (*.bankid-receipt*.json);;JSON files (*.json)</source>
        <translation>BankID-kvitton (*.bankid-receipt*.json);;JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Receipt not saved</source>
        <translation>Kvittot sparades inte</translation>
    </message>
    <message>
        <source>Receipt saved: %1
A receipt for this document already existed, so this one has a numbered name.</source>
        <translation>Kvittot har sparats: %1
Det fanns redan ett kvitto för det här dokumentet, så det här fick ett numrerat namn.</translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>Kvittot har sparats: %1</translation>
    </message>
    <message>
        <source>⚠ The receipt was NOT saved: %1
Save it elsewhere with Save receipt as…, or the proof of this signature is lost when you leave this view.</source>
        <translation>⚠ Kvittot sparades INTE: %1
Spara det någon annanstans med Spara kvitto som…, annars går beviset för den här signaturen förlorat när du lämnar vyn.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <source>Save &amp;receipt as…</source>
        <translation>Spa&amp;ra kvitto som…</translation>
    </message>
    <message>
        <source>Save the receipt to another file</source>
        <translation>Spara kvittot i en annan fil</translation>
    </message>
    <message>
        <source>⚠ The receipt could not be saved next to the document: %1
A copy was saved as %2. Move it next to the document, or use Save receipt as….</source>
        <translation>⚠ Kvittot kunde inte sparas bredvid dokumentet: %1
En kopia sparades som %2. Flytta den till dokumentet, eller använd Spara kvitto som….</translation>
    </message>
    <message>
        <source>The folder %1 could not be opened.</source>
        <translation>Mappen %1 kunde inte öppnas.</translation>
    </message>
    <message>
        <source>Blocked: do not continue</source>
        <translation>Spärrad: fortsätt inte</translation>
    </message>
    <message>
        <source>What the person was shown when lo&amp;gging in (from the signature):</source>
        <translation>Det som visades för personen vid inloggningen (enli&amp;gt underskriften):</translation>
    </message>
    <message>
        <source>What the person was shown when lo&amp;gging in (as sent):</source>
        <translation>Det som visades för personen vid inloggningen (enli&amp;gt det som skickades):</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>Kopierat till urklipp.</translation>
    </message>
    <message>
        <source>Copied to the clipboard (personal number hidden).</source>
        <translation>Kopierat till urklipp (personnumret dolt).</translation>
    </message>
    <message>
        <source>What the person saw</source>
        <translation>Det som personen såg</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ö&amp;ppna mapp</translation>
    </message>
    <message>
        <source>Open the folder of the receipt</source>
        <translation>Öppna kvittots mapp</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>Verifiera nu</translation>
    </message>
    <message>
        <source>Verify the receipt against the document now</source>
        <translation>Verifiera kvittot mot dokumentet nu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>bankid::RiskBlockedNotice</name>
    <message>
        <source>⚠ Blocked: BankID rates this order as high risk. Do not continue.</source>
        <translation>⚠ Spärrad: BankID bedömer ordern som högrisk. Fortsätt inte.</translation>
    </message>
</context>
<context>
    <name>bankid::SettingsDialog</name>
    <message>
        <source>No RP certificate chosen (needed for BankID test, production and custom servers).</source>
        <translation>Inget RP-certifikat valt (krävs för BankID:s testmiljö, produktion och anpassade servrar).</translation>
    </message>
    <message>
        <source>This certificate is protected: enter its password.</source>
        <translation>Certifikatet är skyddat: ange dess lösenord.</translation>
    </message>
    <message numerus="yes">
        <source>Subject: %1
Issuer: %2
Valid until: %3 (%n day(s) left)</source>
        <translation>
            <numerusform>Innehavare: %1
Utfärdare: %2
Giltigt till: %3 (%n dag kvar)</numerusform>
            <numerusform>Innehavare: %1
Utfärdare: %2
Giltigt till: %3 (%n dagar kvar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n day(s): order a new one from your bank in time.</source>
        <translation>
            <numerusform>Certifikatet går ut om %n dag: beställ ett nytt från din bank i god tid.</numerusform>
            <numerusform>Certifikatet går ut om %n dagar: beställ ett nytt från din bank i god tid.</numerusform>
        </translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testar…</translation>
    </message>
    <message>
        <source>The simulator starts when you save these settings; test it then.</source>
        <translation>Simulatorn startar när du sparar inställningarna; testa den då.</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message>
        <source>RP certificate</source>
        <translation>RP-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx *.pem *.crt);;All files (*)</source>
        <translation>Certifikat (*.p12 *.pfx *.pem *.crt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privat nyckel</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-nycklar (*.pem *.key);;Alla filer (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-certifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-certifikat (*.pem *.crt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>End-user IP: &apos;%1&apos; is not an IPv4 or IPv6 address.</source>
        <translation>Slutanvändarens IP-adress: &apos;%1&apos; är ingen IPv4- eller IPv6-adress.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Anslutning</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Miljö:</translation>
    </message>
    <message>
        <source>Custom URL + CA file</source>
        <translation>Anpassad URL + CA-fil</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>Custom &amp;URL:</source>
        <translation>Anpassad &amp;URL:</translation>
    </message>
    <message>
        <source>https://host:port/rp/v6.0</source>
        <translation>https://värd:port/rp/v6.0</translation>
    </message>
    <message>
        <source>Custom RP API base URL</source>
        <translation>Anpassad bas-URL för RP API</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-fil:</translation>
    </message>
    <message>
        <source>CA certificate file of the custom server</source>
        <translation>Den anpassade serverns CA-certifikatfil</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Blädd&amp;ra…</translation>
    </message>
    <message>
        <source>Choose the CA certificate file</source>
        <translation>Välj CA-certifikatfilen</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>Certifikat&amp;fil:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Choose the RP certificate file</source>
        <translation>Välj RP-certifikatfilen</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Nyckelfil:</translation>
    </message>
    <message>
        <source>Only for PEM certificates with a separate key</source>
        <translation>Endast för PEM-certifikat med separat nyckel</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Fil med privat nyckel</translation>
    </message>
    <message>
        <source>Brow&amp;se…</source>
        <translation>Bläd&amp;dra…</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>Välj filen med den privata nyckeln</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <source>Certificate password</source>
        <translation>Certifikatlösenord</translation>
    </message>
    <message>
        <source>Asked when needed; never stored in plain text</source>
        <translation>Efterfrågas vid behov; sparas aldrig i klartext</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>&amp;Kom ihåg lösenordet i systemets nyckelring</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Kom ihåg lösenordet i systemets nyckelring</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>Certifikatinformation</translation>
    </message>
    <message>
        <source>Certificate warning</source>
        <translation>Certifikatvarning</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Ordrar</translation>
    </message>
    <message>
        <source>End-user &amp;IP:</source>
        <translation>Slutanvändarens &amp;IP-adress:</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Upptäckt: %1</translation>
    </message>
    <message>
        <source>End-user IP address override</source>
        <translation>Åsidosätt slutanvändarens IP-adress</translation>
    </message>
    <message>
        <source>Leave empty to use the detected address</source>
        <translation>Lämna tomt för att använda den upptäckta adressen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>P&amp;oll interval:</source>
        <translation>A&amp;vfrågningsintervall:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds between status checks</source>
        <translation>Sekunder mellan statuskontrollerna</translation>
    </message>
    <message>
        <source>&amp;Automatic restarts:</source>
        <translation>&amp;Automatiska omstarter:</translation>
    </message>
    <message>
        <source>New QR codes after an unscanned one expired</source>
        <translation>Nya QR-koder efter att en oavläst kod har gått ut</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Testa anslutningen</translation>
    </message>
    <message>
        <source>Test the connection with these settings</source>
        <translation>Testa anslutningen med de här inställningarna</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultat av anslutningstestet</translation>
    </message>
    <message>
        <source>Ask BankID for its risk assess&amp;ment (high risk blocks the order)</source>
        <translation>Be BankID &amp;om en riskbedömning (hög risk spärrar ordern)</translation>
    </message>
    <message>
        <source>Ask BankID for its risk assessment</source>
        <translation>Be BankID om en riskbedömning</translation>
    </message>
    <message>
        <source>Key on a token: enter its PIN to check it. The certificate is read from the token.</source>
        <translation>Nyckel på en token: ange PIN-koden för att kontrollera den. Certifikatet läses från tokenen.</translation>
    </message>
    <message>
        <source>Key on a token: enter its PIN to check it. The certificate is read from %1.</source>
        <translation>Nyckel på en token: ange PIN-koden för att kontrollera den. Certifikatet läses från %1.</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Certifikatfil</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certifikat (*.pem *.crt *.cer *.der);;Alla filer (*)</translation>
    </message>
    <message>
        <source>PKCS#12 (.p12, .pfx), PEM, or a pkcs11: URI of a key on a token</source>
        <translation>PKCS#12 (.p12, .pfx), PEM eller en pkcs11:-URI för en nyckel på en token</translation>
    </message>
    <message>
        <source>RP certificate file or token URI</source>
        <translation>RP-certifikatfil eller token-URI</translation>
    </message>
    <message>
        <source>Certificate file (for a to&amp;ken):</source>
        <translation>Certifikatfil (för toke&amp;n):</translation>
    </message>
    <message>
        <source>Empty: the certificate is read from the token</source>
        <translation>Tomt: certifikatet läses från tokenen</translation>
    </message>
    <message>
        <source>Certificate file for the key on the token</source>
        <translation>Certifikatfil för nyckeln på tokenen</translation>
    </message>
    <message>
        <source>Choose the certificate file for the key on the token</source>
        <translation>Välj certifikatfilen för nyckeln på tokenen</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN-kod:</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>PIN-kod för token</translation>
    </message>
    <message>
        <source>&amp;Remember the PIN in the system keychain</source>
        <translation>&amp;Kom ihåg PIN-koden i systemets nyckelring</translation>
    </message>
    <message>
        <source>Remember the PIN in the system keychain</source>
        <translation>Kom ihåg PIN-koden i systemets nyckelring</translation>
    </message>
    <message>
        <source>%1 (locked):</source>
        <comment>a settings label whose value the administrator locked</comment>
        <translation>%1 (låst):</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <comment>a check box whose value the administrator locked</comment>
        <translation>%1 (låst)</translation>
    </message>
    <message>
        <source>the audit log file (%1)</source>
        <translation>filen för granskningsloggen (%1)</translation>
    </message>
    <message>
        <source>the tasks this desk offers (%1)</source>
        <translation>de uppgifter som disken erbjuder (%1)</translation>
    </message>
    <message>
        <source>the ID card age limit (%1)</source>
        <translation>åldersgränsen för ID-kort (%1)</translation>
    </message>
    <message>
        <source>Settings marked (locked) are set by your administrator: %1</source>
        <translation>Inställningar märkta (låst) har angetts av administratören: %1</translation>
    </message>
    <message>
        <source>Also locked: %1.</source>
        <translation>Även låst: %1.</translation>
    </message>
    <message>
        <source>Locked settings</source>
        <translation>Låsta inställningar</translation>
    </message>
</context>
<context>
    <name>bankid::SignDocumentPage</name>
    <message>
        <source>Computing SHA-256…</source>
        <translation>Beräknar SHA-256…</translation>
    </message>
    <message>
        <source>Nothing usable was dropped: drop one file from this computer.</source>
        <translation>Inget användbart släpptes: släpp en fil från den här datorn.</translation>
    </message>
    <message>
        <source>%1 items were dropped: drop exactly one file to sign.</source>
        <translation>%1 objekt släpptes: släpp exakt en fil att skriva under.</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer: download it first, then drop the local copy.</source>
        <translation>%1 är ingen fil på den här datorn: ladda ned den först och släpp sedan den lokala kopian.</translation>
    </message>
    <message>
        <source>%1 is a folder: drop a single file to sign.</source>
        <translation>%1 är en mapp: släpp en enda fil att skriva under.</translation>
    </message>
    <message>
        <source>Choose the document to sign</source>
        <translation>Välj dokumentet som ska skrivas under</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No document chosen yet</source>
        <translation>Inget dokument har valts ännu</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 byte)</translation>
    </message>
    <message>
        <source>%1 already exists: the new receipt will be saved under the next free numbered name (….bankid-receipt-2.json, -3, …).</source>
        <translation>%1 finns redan: det nya kvittot sparas under nästa lediga numrerade namn (….bankid-receipt-2.json, -3, …).</translation>
    </message>
    <message>
        <source>Choose a document to see what the person will sign.</source>
        <translation>Välj ett dokument för att se vad personen kommer att skriva under.</translation>
    </message>
    <message>
        <source>Sign a document</source>
        <translation>Skriv under ett dokument</translation>
    </message>
    <message>
        <source>The person signs the document&apos;s SHA-256 digest; the document itself never leaves this computer. A receipt that proves the signature offline is saved next to it.</source>
        <translation>Personen skriver under dokumentets kontrollsumma (SHA-256); själva dokumentet lämnar aldrig den här datorn. Ett kvitto som bevisar underskriften offline sparas bredvid dokumentet.</translation>
    </message>
    <message>
        <source>Drop the document to sign here</source>
        <translation>Släpp dokumentet som ska skrivas under här</translation>
    </message>
    <message>
        <source>Ch&amp;oose file…</source>
        <translation>Väl&amp;j fil…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Storlek:</translation>
    </message>
    <message>
        <source>Document size</source>
        <translation>Dokumentets storlek</translation>
    </message>
    <message>
        <source>SHA-&amp;256:</source>
        <translation>SHA-&amp;256:</translation>
    </message>
    <message>
        <source>SHA-256 digest of the document</source>
        <translation>Dokumentets kontrollsumma (SHA-256)</translation>
    </message>
    <message>
        <source>Receipt:</source>
        <translation>Kvitto:</translation>
    </message>
    <message>
        <source>Where the receipt will be saved</source>
        <translation>Var kvittot kommer att sparas</translation>
    </message>
    <message>
        <source>What the person &amp;reads in the BankID app:</source>
        <translation>Det som personen &amp;läser i BankID-appen:</translation>
    </message>
    <message>
        <source>Summary shown to the person in the BankID app</source>
        <translation>Sammanfattning som visas för personen i BankID-appen</translation>
    </message>
    <message>
        <source>&amp;Sign with BankID</source>
        <translation>S&amp;kriv under med BankID</translation>
    </message>
    <message>
        <source>Sign the document with BankID</source>
        <translation>Skriv under dokumentet med BankID</translation>
    </message>
    <message>
        <source>The folder %1 is not writable, so the receipt could not be saved next to the document: copy the document to a folder you can write to first.</source>
        <translation>Mappen %1 går inte att skriva till, så kvittot skulle inte kunna sparas bredvid dokumentet: kopiera först dokumentet till en mapp du kan skriva till.</translation>
    </message>
</context>
<context>
    <name>bankid::SignFileCommand</name>
    <message>
        <source>sign-file needs FILE: the document to sign</source>
        <translation>sign-file kräver FILE: dokumentet som ska skrivas under</translation>
    </message>
    <message>
        <source>sign-file takes one FILE, not also &apos;%1&apos;</source>
        <translation>sign-file tar en FILE, inte även &apos;%1&apos;</translation>
    </message>
    <message>
        <source>sign-file: FILE is an empty string</source>
        <translation>sign-file: FILE är en tom sträng</translation>
    </message>
    <message>
        <source>cannot sign %1: the file does not exist</source>
        <translation>kan inte skriva under %1: filen finns inte</translation>
    </message>
    <message>
        <source>cannot sign %1: it is a folder, not a file</source>
        <translation>kan inte skriva under %1: det är en mapp, inte en fil</translation>
    </message>
    <message>
        <source>cannot sign %1: it is not a regular file</source>
        <translation>kan inte skriva under %1: det är ingen vanlig fil</translation>
    </message>
    <message>
        <source>cannot sign %1: the receipt is written next to it, but its folder %2 is not writable (%3)</source>
        <translation>kan inte skriva under %1: kvittot skrivs bredvid filen, men dess mapp %2 är inte skrivbar (%3)</translation>
    </message>
    <message>
        <source>the document was signed, but its receipt could not be written: %1; the receipt is printed on standard output instead: save it as %2</source>
        <translation>dokumentet skrevs under, men dess kvitto kunde inte skrivas: %1; kvittot skrivs i stället ut på standard output (stdout): spara det som %2</translation>
    </message>
    <message>
        <source>a receipt already existed at %1; this one was saved as %2</source>
        <translation>det fanns redan ett kvitto på %1; det här sparades som %2</translation>
    </message>
    <message>
        <source>Signed:    %1 (%2 bytes, SHA-256 %3)</source>
        <translation>Underskrivet:  %1 (%2 byte, SHA-256 %3)</translation>
    </message>
    <message>
        <source>Signer:    %1, personal number %2</source>
        <translation>Undertecknare: %1, personnummer %2</translation>
    </message>
    <message>
        <source>Order:     %1</source>
        <translation>Order:         %1</translation>
    </message>
    <message>
        <source>Receipt:   %1</source>
        <translation>Kvitto:        %1</translation>
    </message>
</context>
<context>
    <name>bankid::SignTextPage</name>
    <message>
        <source>Enter the text the person signs.</source>
        <translation>Skriv texten som personen ska skriva under.</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Över gränsen</translation>
    </message>
    <message>
        <source>Within the limit</source>
        <translation>Inom gränsen</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Inga problem</translation>
    </message>
    <message>
        <source>Sign a text</source>
        <translation>Skriv under en text</translation>
    </message>
    <message>
        <source>For example: I accept the terms of the agreement.</source>
        <translation>Till exempel: Jag godkänner avtalsvillkoren.</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>Förhandsgranskn&amp;ing:</translation>
    </message>
    <message>
        <source>Preview of the text as the BankID app shows it</source>
        <translation>Förhandsgranskning av texten så som BankID-appen visar den</translation>
    </message>
    <message>
        <source>Hidden data signed along, not shown to the person</source>
        <translation>Dolda data som skrivs under tillsammans med texten men inte visas för personen</translation>
    </message>
    <message>
        <source>&amp;Sign with BankID</source>
        <translation>S&amp;kriv under med BankID</translation>
    </message>
    <message>
        <source>Sign with BankID</source>
        <translation>Skriv under med BankID</translation>
    </message>
    <message>
        <source>The text is too long: %1 characters as sent, at most %2.</source>
        <translation>Texten är för lång: %1 tecken vid sändning, högst %2.</translation>
    </message>
    <message>
        <source>The hidden data is too long: %1 characters as sent, at most %2.</source>
        <translation>Dolda data är för långa: %1 tecken vid sändning, högst %2.</translation>
    </message>
    <message>
        <source>The text contains characters that cannot be sent.</source>
        <translation>Texten innehåller tecken som inte kan skickas.</translation>
    </message>
    <message>
        <source>The hidden data contains characters that cannot be sent.</source>
        <translation>Dolda data innehåller tecken som inte kan skickas.</translation>
    </message>
    <message>
        <source>%1 / %2 characters as sent</source>
        <translation>%1 / %2 tecken vid sändning</translation>
    </message>
    <message>
        <source>Length of the text as sent</source>
        <translation>Textens längd vid sändning</translation>
    </message>
    <message>
        <source>Text the pe&amp;rson reads:</source>
        <translation>&amp;Text som personen läser:</translation>
    </message>
    <message>
        <source>Sent as userVisibleData</source>
        <translation>Skickas som userVisibleData</translation>
    </message>
    <message>
        <source>Text the person reads and signs</source>
        <translation>Text som personen läser och skriver under</translation>
    </message>
    <message>
        <source>F&amp;ormatting (headings, bold, italics, lists, tables)</source>
        <translation>&amp;Formatering (rubriker, fetstil, kursiv stil, listor, tabeller)</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formatering</translation>
    </message>
    <message>
        <source>Sent as userVisibleDataFormat simpleMarkdownV1</source>
        <translation>Skickas som userVisibleDataFormat simpleMarkdownV1</translation>
    </message>
    <message>
        <source>BankID counts userVisibleData after base64 encoding: about 4 characters for every 3 bytes of UTF-8 text</source>
        <translation>BankID räknar userVisibleData efter base64-kodning: ungefär 4 tecken för varje 3 byte UTF-8-text</translation>
    </message>
    <message>
        <source>Hidd&amp;en data (not shown to the person, optional):</source>
        <translation>&amp;Dolda data (visas inte för personen, valfritt):</translation>
    </message>
    <message>
        <source>Sent as userNonVisibleData</source>
        <translation>Skickas som userNonVisibleData</translation>
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
    <name>bankid::StartMethodChooser</name>
    <message>
        <source>QR code on another dev&amp;ice</source>
        <translation>QR-kod &amp;på en annan enhet</translation>
    </message>
    <message>
        <source>QR code on another device</source>
        <translation>QR-kod på en annan enhet</translation>
    </message>
    <message>
        <source>&amp;BankID on this device</source>
        <translation>&amp;BankID på den här enheten</translation>
    </message>
    <message>
        <source>BankID on this device</source>
        <translation>BankID på den här enheten</translation>
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
<context>
    <name>bankid::VerifyIdCardCommand</name>
    <message>
        <source>--new-test-card needs --simulator: only the embedded simulator mints test cards</source>
        <translation>--new-test-card kräver --simulator: bara den inbyggda simulatorn skapar testkort</translation>
    </message>
    <message>
        <source>--new-test-card mints the code to verify: leave out QRCODE (&apos;%1&apos;)</source>
        <translation>--new-test-card skapar koden som ska verifieras: utelämna QRCODE (”%1”)</translation>
    </message>
    <message>
        <source>--new-test-card: %1</source>
        <translation>--new-test-card: %1</translation>
    </message>
    <message>
        <source>verify-id-card needs QRCODE: the scanned ID card code, or - to read one line from stdin</source>
        <translation>verify-id-card kräver QRCODE: den inlästa ID-kortskoden, eller - för att läsa en rad från stdin</translation>
    </message>
    <message>
        <source>verify-id-card takes one QRCODE, not also &apos;%1&apos;</source>
        <translation>verify-id-card tar en QRCODE, inte också ”%1”</translation>
    </message>
    <message>
        <source>QRCODE: %1</source>
        <translation>QRCODE: %1</translation>
    </message>
    <message>
        <source>--age-limit must be a whole number of years from %1 to %2, not &apos;%3&apos;</source>
        <translation>--age-limit måste vara ett helt antal år från %1 till %2, inte ”%3”</translation>
    </message>
    <message>
        <source>the line on stdin is longer than %1 bytes: not an ID card code</source>
        <translation>raden på stdin är längre än %1 byte: ingen ID-kortskod</translation>
    </message>
    <message>
        <source>stdin: %1</source>
        <translation>stdin: %1</translation>
    </message>
    <message>
        <source>--root: %1</source>
        <translation>--root: %1</translation>
    </message>
    <message>
        <source>the holder is %1, below the age limit of %2</source>
        <translation>innehavaren är %1, under åldersgränsen %2</translation>
    </message>
    <message>
        <source>BankID&apos;s evidence for this card does not verify: %1</source>
        <translation>BankID:s bevis för det här kortet går inte att verifiera: %1</translation>
    </message>
    <message>
        <source>ID card:           genuine (verified by BankID)</source>
        <translation>ID-kort:           äkta (verifierat av BankID)</translation>
    </message>
    <message>
        <source>Name:              %1</source>
        <translation>Namn:              %1</translation>
    </message>
    <message>
        <source>Personal number:   %1</source>
        <translation>Personnummer:      %1</translation>
    </message>
    <message>
        <source>Age:               %1</source>
        <translation>Ålder:             %1</translation>
    </message>
    <message>
        <source>Age limit:         %1, met</source>
        <translation>Åldersgräns:       %1, uppfylld</translation>
    </message>
    <message>
        <source>Age limit:         %1, NOT MET</source>
        <translation>Åldersgräns:       %1, INTE UPPFYLLD</translation>
    </message>
    <message>
        <source>Identified at:     %1</source>
        <translation>Identifierad:      %1</translation>
    </message>
    <message>
        <source>Verified at:       %1</source>
        <translation>Verifierad:        %1</translation>
    </message>
    <message>
        <source>Verification ID:   %1</source>
        <translation>Verifierings-ID:   %1</translation>
    </message>
    <message>
        <source>Evidence:          not checked: %1</source>
        <translation>Bevis:             inte kontrollerade: %1</translation>
    </message>
    <message>
        <source>Evidence:          every required check passed (roots: %1)</source>
        <translation>Bevis:             alla nödvändiga kontroller godkända (rötter: %1)</translation>
    </message>
    <message>
        <source>Evidence:          NOT verified (roots: %1)</source>
        <translation>Bevis:             INTE verifierade (rötter: %1)</translation>
    </message>
    <message>
        <source>BankID refused the ID card code: %1 (HTTP %2, %3)</source>
        <translation>BankID avvisade ID-kortskoden: %1 (HTTP %2, %3)</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>inga detaljer</translation>
    </message>
</context>
<context>
    <name>bankid::VerifyIdCardPage</name>
    <message>
        <source>BankID&apos;s verification signature readable</source>
        <translation>BankID:s verifieringssignatur läsbar</translation>
    </message>
    <message>
        <source>Verification data intact</source>
        <translation>Verifieringens data oförändrade</translation>
    </message>
    <message>
        <source>Verification signature genuine</source>
        <translation>Verifieringssignaturen äkta</translation>
    </message>
    <message>
        <source>Verification signed by its certificate</source>
        <translation>Verifieringen signerad med sitt certifikat</translation>
    </message>
    <message>
        <source>Verification certificate chain</source>
        <translation>Verifieringens certifikatkedja</translation>
    </message>
    <message>
        <source>Verification names this card</source>
        <translation>Verifieringen gäller det här kortet</translation>
    </message>
    <message>
        <source>Holder matches the identification</source>
        <translation>Innehavaren stämmer med identifieringen</translation>
    </message>
    <message>
        <source>Still verifying the previous card. Scan this one again when its result shows.</source>
        <translation>Det förra kortet verifieras fortfarande. Läs av det här igen när resultatet visas.</translation>
    </message>
    <message>
        <source>This QR code was just verified: its result is shown. For another check, ask the holder to show the ID card again for a fresh code.</source>
        <translation>Den här QR-koden verifierades nyss: resultatet visas. För en ny kontroll, be innehavaren visa ID-kortet igen för en ny kod.</translation>
    </message>
    <message>
        <source>This QR code was already sent to BankID, which accepts each code once. Ask the holder to show the ID card again for a fresh code.</source>
        <translation>Den här QR-koden har redan skickats till BankID, som godtar varje kod en gång. Be innehavaren visa ID-kortet igen för en ny kod.</translation>
    </message>
    <message>
        <source>Not connected to BankID, so nothing was sent. Open Settings to fix the connection, then scan a fresh code.</source>
        <translation>Inte ansluten till BankID, så inget skickades. Öppna Inställningar för att åtgärda anslutningen och läs sedan av en ny kod.</translation>
    </message>
    <message>
        <source>Checked against the local simulator&apos;s signing root: not a BankID signature.</source>
        <translation>Kontrollerat mot den lokala simulatorns signeringsrot: ingen BankID-underskrift.</translation>
    </message>
    <message>
        <source>BankID does not publish its signing roots, so the certificate chains are not checked here; BankID&apos;s answer over the desk&apos;s verified connection is what counts.</source>
        <translation>BankID publicerar inte sina signeringsrötter, så certifikatkedjorna kontrolleras inte här; det som gäller är BankID:s svar över diskens verifierade anslutning.</translation>
    </message>
    <message>
        <source>No readable QR code on the demo phone. Press “Show ID card” there first.</source>
        <translation>Ingen läsbar QR-kod på demotelefonen. Tryck först på ”Visa ID-kort” där.</translation>
    </message>
    <message>
        <source>Waiting for a scan</source>
        <translation>Väntar på en avläsning</translation>
    </message>
    <message>
        <source>Scan the QR code the holder shows in the BankID app (ID card).</source>
        <translation>Läs av QR-koden som innehavaren visar i BankID-appen (ID-kort).</translation>
    </message>
    <message>
        <source>Verifying with BankID…</source>
        <translation>Verifierar hos BankID…</translation>
    </message>
    <message>
        <source>%1 OR OLDER</source>
        <translation>%1 ÅR ELLER ÄLDRE</translation>
    </message>
    <message numerus="yes">
        <source>Genuine ID card. The holder is %n year(s) old: the age limit of %1 is met.</source>
        <translation>
            <numerusform>Äkta ID-kort. Innehavaren är %n år: åldersgränsen %1 år är uppfylld.</numerusform>
            <numerusform>Äkta ID-kort. Innehavaren är %n år: åldersgränsen %1 år är uppfylld.</numerusform>
        </translation>
    </message>
    <message>
        <source>UNDER %1</source>
        <translation>UNDER %1 ÅR</translation>
    </message>
    <message numerus="yes">
        <source>Genuine ID card, but the holder is %n year(s) old: the age limit of %1 is NOT met.</source>
        <translation>
            <numerusform>Äkta ID-kort, men innehavaren är %n år: åldersgränsen %1 år är INTE uppfylld.</numerusform>
            <numerusform>Äkta ID-kort, men innehavaren är %n år: åldersgränsen %1 år är INTE uppfylld.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Inte verifierat</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <source>Hid&amp;e</source>
        <translation>Dölj &amp;pnr</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Visa &amp;pnr</translation>
    </message>
    <message>
        <source>Hide the personal number</source>
        <translation>Dölj personnumret</translation>
    </message>
    <message>
        <source>Show the personal number</source>
        <translation>Visa personnumret</translation>
    </message>
    <message>
        <source>Checking the signatures…</source>
        <translation>Kontrollerar underskrifterna…</translation>
    </message>
    <message>
        <source>Signatures: all required checks passed (%1 checks).</source>
        <translation>Underskrifter: alla nödvändiga kontroller godkända (%1 kontroller).</translation>
    </message>
    <message>
        <source>Signatures: %1 of %2 checks failed.</source>
        <translation>Underskrifter: %1 av %2 kontroller underkända.</translation>
    </message>
    <message>
        <source>Verify an ID card</source>
        <translation>Verifiera ett ID-kort</translation>
    </message>
    <message>
        <source>The holder opens the ID card in the BankID app and shows its QR code. Scan it with the handheld scanner or the camera, or paste it below: BankID says whether the card is genuine, whose it is and how old the holder is.</source>
        <translation>Innehavaren öppnar ID-kortet i BankID-appen och visar dess QR-kod. Läs av den med handskannern eller kameran, eller klistra in den nedan: BankID svarar om kortet är äkta, vems det är och hur gammal innehavaren är.</translation>
    </message>
    <message>
        <source>Scanned c&amp;ode:</source>
        <translation>Inläst &amp;kod:</translation>
    </message>
    <message>
        <source>Scan or paste the QR code (BANKIDF.…)</source>
        <translation>Läs av eller klistra in QR-koden (BANKIDF.…)</translation>
    </message>
    <message>
        <source>Scanned QR code</source>
        <translation>Inläst QR-kod</translation>
    </message>
    <message>
        <source>Verify the scanned code</source>
        <translation>Verifiera den inlästa koden</translation>
    </message>
    <message>
        <source>Scan from the demo &amp;phone</source>
        <translation>Läs av &amp;demotelefonen</translation>
    </message>
    <message>
        <source>Scan the ID card QR code shown on the demo phone</source>
        <translation>Läs av ID-kortets QR-kod som visas på demotelefonen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Personal number:</source>
        <translation>Personnummer:</translation>
    </message>
    <message>
        <source>Personal number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>Ålder:</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Ålder</translation>
    </message>
    <message>
        <source>Identified at:</source>
        <translation>Identifierad:</translation>
    </message>
    <message>
        <source>When the holder identified in the BankID app</source>
        <translation>När innehavaren identifierade sig i BankID-appen</translation>
    </message>
    <message>
        <source>Verified at:</source>
        <translation>Verifierad:</translation>
    </message>
    <message>
        <source>When BankID verified the card</source>
        <translation>När BankID verifierade kortet</translation>
    </message>
    <message>
        <source>Compare the holder with the photo in their BankID app: BankID sends no photo.</source>
        <translation>Jämför innehavaren med fotot i hens BankID-app: BankID skickar inget foto.</translation>
    </message>
    <message>
        <source>Si&amp;gnature checks</source>
        <translation>&amp;Bevis och kontroller</translation>
    </message>
    <message>
        <source>Show the signature checks</source>
        <translation>Visa kontrollerna av underskrifterna</translation>
    </message>
    <message>
        <source>Signature checks and their results</source>
        <translation>Kontroller av underskrifterna och deras resultat</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verifiera</translation>
    </message>
    <message>
        <source>The holder&apos;s identification in the app</source>
        <translation>Innehavarens identifiering i appen</translation>
    </message>
    <message>
        <source>BankID&apos;s verification of the card</source>
        <translation>BankID:s verifiering av kortet</translation>
    </message>
</context>
<context>
    <name>bankid::VerifyReceiptCommand</name>
    <message>
        <source>verify needs FILE: the signed document (or its receipt), optionally followed by RECEIPT</source>
        <translation>verify kräver FILE: det underskrivna dokumentet (eller dess kvitto), eventuellt följt av RECEIPT</translation>
    </message>
    <message>
        <source>verify takes FILE and at most one RECEIPT, not also &apos;%1&apos;</source>
        <translation>verify tar FILE och högst ett RECEIPT, inte även &apos;%1&apos;</translation>
    </message>
    <message>
        <source>verify: FILE is an empty string</source>
        <translation>verify: FILE är en tom sträng</translation>
    </message>
    <message>
        <source>verify: RECEIPT is an empty string</source>
        <translation>verify: RECEIPT är en tom sträng</translation>
    </message>
    <message>
        <source>no certificate in %1</source>
        <translation>inget certifikat i %1</translation>
    </message>
    <message>
        <source>none: no --root given (BankID&apos;s signing roots are not bundled: pass them with --root)</source>
        <translation>inga: inget --root angavs (BankID:s rotcertifikat för signaturer medföljer inte: ange dem med --root)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(okänt)</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Dokument: %1</translation>
    </message>
    <message>
        <source>Receipt:  %1</source>
        <translation>Kvitto:   %1</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Kontroller:</translation>
    </message>
    <message>
        <source>Signed document: %1, %2 bytes, SHA-256 %3</source>
        <translation>Underskrivet dokument: %1, %2 byte, SHA-256 %3</translation>
    </message>
    <message>
        <source>Environment: %1 (%2)</source>
        <translation>Miljö: %1 (%2)</translation>
    </message>
    <message>
        <source>Signer: %1, personal number %2</source>
        <translation>Undertecknare: %1, personnummer %2</translation>
    </message>
    <message>
        <source>Signing time: %1</source>
        <translation>Tidpunkt för underskrift: %1</translation>
    </message>
    <message>
        <source>Verified as of: %1</source>
        <translation>Verifierad per: %1</translation>
    </message>
    <message>
        <source>Trusted roots: %1</source>
        <translation>Betrodda rotcertifikat: %1</translation>
    </message>
    <message>
        <source>Result: every check passed.</source>
        <translation>Resultat: alla kontroller godkändes.</translation>
    </message>
    <message numerus="yes">
        <source>Result: NOT verified, %n check(s) failed or did not run:</source>
        <translation>
            <numerusform>Resultat: INTE verifierad, %n kontroll misslyckades eller kördes inte:</numerusform>
            <numerusform>Resultat: INTE verifierad, %n kontroller misslyckades eller kördes inte:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::VerifyReceiptPage</name>
    <message>
        <source>✔ passed</source>
        <translation>✔ godkänd</translation>
    </message>
    <message>
        <source>✘ FAILED</source>
        <translation>✘ UNDERKÄND</translation>
    </message>
    <message>
        <source>– not run</source>
        <translation>– ej körd</translation>
    </message>
    <message>
        <source>%1 is a folder: drop a signed document or its receipt.</source>
        <translation>%1 är en mapp: släpp ett underskrivet dokument eller dess kvitto.</translation>
    </message>
    <message>
        <source>%1 is a receipt, but its name does not say which document it belongs to: open the document with Open document….</source>
        <translation>%1 är ett kvitto, men namnet visar inte vilket dokument det hör till: öppna dokumentet med Öppna dokument….</translation>
    </message>
    <message>
        <source>The document of this receipt is not next to it: %1 does not exist. Open the document with Open document….</source>
        <translation>Kvittots dokument ligger inte bredvid kvittot: %1 finns inte. Öppna dokumentet med Öppna dokument….</translation>
    </message>
    <message>
        <source>No receipt found next to the document: expected %1. Open the receipt with Open receipt….</source>
        <translation>Inget kvitto hittades bredvid dokumentet: väntade %1. Öppna kvittot med Öppna kvitto….</translation>
    </message>
    <message>
        <source>%1 is not a file on this computer: download it first.</source>
        <translation>%1 är ingen fil på den här datorn: ladda ned den först.</translation>
    </message>
    <message>
        <source>Nothing usable was dropped: drop a signed document, its receipt, or both.</source>
        <translation>Inget användbart släpptes: släpp ett underskrivet dokument, dess kvitto eller båda.</translation>
    </message>
    <message>
        <source>%1 items were dropped: drop one document and its receipt at most.</source>
        <translation>%1 objekt släpptes: släpp högst ett dokument och dess kvitto.</translation>
    </message>
    <message>
        <source>Two receipts were dropped: drop one document and its receipt.</source>
        <translation>Två kvitton släpptes: släpp ett dokument och dess kvitto.</translation>
    </message>
    <message>
        <source>Neither dropped file is a receipt: drop one document and its receipt.</source>
        <translation>Ingen av de släppta filerna är ett kvitto: släpp ett dokument och dess kvitto.</translation>
    </message>
    <message>
        <source>none: BankID does not publish its signing roots; add the root certificate you were given with Add root certificate…</source>
        <translation>inga: BankID publicerar inte sina rotcertifikat för signaturer; lägg till det rotcertifikat du har fått med Lägg till rotcertifikat…</translation>
    </message>
    <message>
        <source>%1 holds no certificate.</source>
        <translation>%1 innehåller inget certifikat.</translation>
    </message>
    <message>
        <source>Open the signed document</source>
        <translation>Öppna det underskrivna dokumentet</translation>
    </message>
    <message>
        <source>Open the receipt</source>
        <translation>Öppna kvittot</translation>
    </message>
    <message>
        <source>BankID receipts (*.bankid-receipt*.json);;JSON files (*.json);;All files (*)</source>
        <translation>BankID-kvitton (*.bankid-receipt*.json);;JSON-filer (*.json);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Add a trusted root certificate</source>
        <translation>Lägg till ett betrott rotcertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certifikat (*.pem *.crt *.cer *.der);;Alla filer (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(inget)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verifierar…</translation>
    </message>
    <message>
        <source>Nothing verified yet.</source>
        <translation>Inget har verifierats ännu.</translation>
    </message>
    <message>
        <source>Not verified: a document and its receipt are both needed.</source>
        <translation>Inte verifierat: både ett dokument och dess kvitto behövs.</translation>
    </message>
    <message>
        <source>%1, personal number %2</source>
        <translation>%1, personnummer %2</translation>
    </message>
    <message>
        <source>Hid&amp;e</source>
        <translation>Döl&amp;j</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>V&amp;isa</translation>
    </message>
    <message>
        <source>Hide the personal number</source>
        <translation>Dölj personnumret</translation>
    </message>
    <message>
        <source>Show the personal number</source>
        <translation>Visa personnumret</translation>
    </message>
    <message>
        <source>None added: simulator receipts use the local simulator root.</source>
        <translation>Inga tillagda: kvitton från simulatorn använder den lokala simulatorns rotcertifikat.</translation>
    </message>
    <message>
        <source>Verify a receipt</source>
        <translation>Verifiera ett kvitto</translation>
    </message>
    <message>
        <source>Checks offline, without BankID, that a document was signed: its SHA-256 against the receipt and the signature, the signature itself, the certificate chain and the OCSP response.</source>
        <translation>Kontrollerar offline, utan BankID, att ett dokument har skrivits under: dess SHA-256 mot kvittot och signaturen, själva signaturen, certifikatkedjan och OCSP-svaret.</translation>
    </message>
    <message>
        <source>Drop a signed document or its receipt here (or both)</source>
        <translation>Släpp ett underskrivet dokument eller dess kvitto här (eller båda)</translation>
    </message>
    <message>
        <source>Open doc&amp;ument…</source>
        <translation>Öppna &amp;dokument…</translation>
    </message>
    <message>
        <source>O&amp;pen receipt…</source>
        <translation>Ö&amp;ppna kvitto…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Dokument:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Receipt:</source>
        <translation>Kvitto:</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Verifieringsresultat</translation>
    </message>
    <message>
        <source>Check&amp;s:</source>
        <translation>&amp;Kontroller:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <source>Checks and their results</source>
        <translation>Kontroller och deras resultat</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>Undertecknare:</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Undertecknare</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>Underskrivet:</translation>
    </message>
    <message>
        <source>Signing time</source>
        <translation>Tidpunkt för underskrift</translation>
    </message>
    <message>
        <source>Trusted roots:</source>
        <translation>Betrodda rotcertifikat:</translation>
    </message>
    <message>
        <source>Trusted roots used</source>
        <translation>Betrodda rotcertifikat som användes</translation>
    </message>
    <message>
        <source>Added trusted root cert&amp;ificates:</source>
        <translation>&amp;Tillagda betrodda rotcertifikat:</translation>
    </message>
    <message>
        <source>Added trusted root certificates</source>
        <translation>Tillagda betrodda rotcertifikat</translation>
    </message>
    <message>
        <source>Add r&amp;oot certificate…</source>
        <translation>&amp;Lägg till rotcertifikat…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <source>Remove the selected root certificate</source>
        <translation>Ta bort det markerade rotcertifikatet</translation>
    </message>
    <message>
        <source>Verify a&amp;gain</source>
        <translation>Ve&amp;rifiera igen</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Verifiera igen</translation>
    </message>
    <message>
        <source>The receipt is readable and complete.</source>
        <translation>Kvittot är läsbart och fullständigt.</translation>
    </message>
    <message>
        <source>The receipt cannot be read or is incomplete.</source>
        <translation>Kvittot kan inte läsas eller är ofullständigt.</translation>
    </message>
    <message>
        <source>Document unchanged</source>
        <translation>Dokumentet oförändrat</translation>
    </message>
    <message>
        <source>The document is the one the receipt was made for (same SHA-256 and size).</source>
        <translation>Dokumentet är det som kvittot gäller (samma SHA-256 och storlek).</translation>
    </message>
    <message>
        <source>The document differs from the one the receipt was made for.</source>
        <translation>Dokumentet skiljer sig från det som kvittot gäller.</translation>
    </message>
    <message>
        <source>Signature covers the document</source>
        <translation>Signaturen omfattar dokumentet</translation>
    </message>
    <message>
        <source>What the person signed is this document&apos;s SHA-256.</source>
        <translation>Det som personen skrev under är det här dokumentets SHA-256.</translation>
    </message>
    <message>
        <source>What the person signed is not this document&apos;s SHA-256.</source>
        <translation>Det som personen skrev under är inte det här dokumentets SHA-256.</translation>
    </message>
    <message>
        <source>Signer matches</source>
        <translation>Undertecknaren stämmer</translation>
    </message>
    <message>
        <source>The signer named in the receipt holds the signing certificate.</source>
        <translation>Undertecknaren som anges i kvittot innehar signeringscertifikatet.</translation>
    </message>
    <message>
        <source>The signer named in the receipt differs from the signing certificate.</source>
        <translation>Undertecknaren som anges i kvittot stämmer inte med signeringscertifikatet.</translation>
    </message>
    <message>
        <source>Signature readable</source>
        <translation>Signaturen läsbar</translation>
    </message>
    <message>
        <source>The signature is a well-formed BankID signature.</source>
        <translation>Signaturen är en korrekt uppbyggd BankID-signatur.</translation>
    </message>
    <message>
        <source>The signature is not a readable BankID signature.</source>
        <translation>Signaturen är ingen läsbar BankID-signatur.</translation>
    </message>
    <message>
        <source>Signed data intact</source>
        <translation>Underskrivna data intakta</translation>
    </message>
    <message>
        <source>The signed data is unchanged since signing.</source>
        <translation>De underskrivna data är oförändrade sedan underskriften.</translation>
    </message>
    <message>
        <source>The signed data was changed after signing.</source>
        <translation>De underskrivna data har ändrats efter underskriften.</translation>
    </message>
    <message>
        <source>Certificate data intact</source>
        <translation>Certifikatdata intakta</translation>
    </message>
    <message>
        <source>The certificate data in the signature is unchanged since signing.</source>
        <translation>Certifikatdata i signaturen är oförändrade sedan underskriften.</translation>
    </message>
    <message>
        <source>The certificate data in the signature was changed after signing.</source>
        <translation>Certifikatdata i signaturen har ändrats efter underskriften.</translation>
    </message>
    <message>
        <source>Signature genuine</source>
        <translation>Signaturen äkta</translation>
    </message>
    <message>
        <source>The signature was made with the signer&apos;s certificate.</source>
        <translation>Signaturen gjordes med undertecknarens certifikat.</translation>
    </message>
    <message>
        <source>The signature was not made with the signer&apos;s certificate.</source>
        <translation>Signaturen gjordes inte med undertecknarens certifikat.</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Certifikatkedja</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate leads to a trusted root.</source>
        <translation>Undertecknarens certifikat leder till ett betrott rotcertifikat.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate does not lead to a trusted root.</source>
        <translation>Undertecknarens certifikat leder inte till något betrott rotcertifikat.</translation>
    </message>
    <message>
        <source>Revocation answer genuine</source>
        <translation>Spärrsvaret äkta</translation>
    </message>
    <message>
        <source>The revocation answer (OCSP) is signed by the issuer&apos;s responder.</source>
        <translation>Spärrsvaret (OCSP) är signerat av utfärdarens OCSP-tjänst.</translation>
    </message>
    <message>
        <source>The revocation answer (OCSP) is not signed by the issuer&apos;s responder.</source>
        <translation>Spärrsvaret (OCSP) är inte signerat av utfärdarens OCSP-tjänst.</translation>
    </message>
    <message>
        <source>Certificate not revoked</source>
        <translation>Certifikatet inte spärrat</translation>
    </message>
    <message>
        <source>The revocation answer says the certificate was good.</source>
        <translation>Enligt spärrsvaret var certifikatet giltigt.</translation>
    </message>
    <message>
        <source>The revocation answer does not say the certificate was good.</source>
        <translation>Spärrsvaret anger inte att certifikatet var giltigt.</translation>
    </message>
    <message>
        <source>Revocation answer for this signature</source>
        <translation>Spärrsvar för den här signaturen</translation>
    </message>
    <message>
        <source>The revocation answer was given for this signature.</source>
        <translation>Spärrsvaret gäller den här signaturen.</translation>
    </message>
    <message>
        <source>The revocation answer was not given for this signature.</source>
        <translation>Spärrsvaret gäller inte den här signaturen.</translation>
    </message>
    <message>
        <source>Revocation answer time</source>
        <translation>Tidpunkt för spärrsvaret</translation>
    </message>
    <message>
        <source>The time of the revocation answer is acceptable.</source>
        <translation>Spärrsvarets tidpunkt är godtagbar.</translation>
    </message>
    <message>
        <source>The time of the revocation answer is not acceptable.</source>
        <translation>Spärrsvarets tidpunkt är inte godtagbar.</translation>
    </message>
    <message>
        <source>Text the person read</source>
        <translation>Text som personen läste</translation>
    </message>
    <message>
        <source>The signed text is the expected one.</source>
        <translation>Den underskrivna texten är den förväntade.</translation>
    </message>
    <message>
        <source>The signed text differs from the expected one.</source>
        <translation>Den underskrivna texten skiljer sig från den förväntade.</translation>
    </message>
    <message>
        <source>Hidden data</source>
        <translation>Dolda data</translation>
    </message>
    <message>
        <source>The signed hidden data is the expected one.</source>
        <translation>De dolda data som skrevs under stämmer med de förväntade.</translation>
    </message>
    <message>
        <source>The signed hidden data differs from the expected one.</source>
        <translation>De dolda data som skrevs under skiljer sig från de förväntade.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Godkänd.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Underkänd.</translation>
    </message>
    <message>
        <source>Could not be checked (see the technical detail).</source>
        <translation>Kunde inte kontrolleras (se den tekniska detaljen).</translation>
    </message>
    <message>
        <source>Technical detail (%1): %2</source>
        <translation>Teknisk detalj (%1): %2</translation>
    </message>
    <message>
        <source>All %1 checks passed</source>
        <translation>Alla %1 kontroller godkändes</translation>
    </message>
    <message>
        <source>Against the local simulator root: not a BankID signature.</source>
        <translation>Mot den lokala simulatorns rotcertifikat: ingen BankID-signatur.</translation>
    </message>
    <message>
        <source>%1 of %2 checks failed</source>
        <translation>%1 av %2 kontroller misslyckades</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Misslyckades: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not verified: %n check(s) could not run</source>
        <translation>
            <numerusform>Inte verifierat: %n kontroll kunde inte köras</numerusform>
            <numerusform>Inte verifierat: %n kontroller kunde inte köras</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not run: %1</source>
        <translation>Kunde inte köras: %1</translation>
    </message>
    <message>
        <source>Signer (not verified):</source>
        <translation>Undertecknare (ej verifierad):</translation>
    </message>
    <message>
        <source>Signer, not verified</source>
        <translation>Undertecknare, ej verifierad</translation>
    </message>
</context>
<context>
    <name>bankid::VerifySignatureCommand</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kan inte läsa %1: %2</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEL</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>ej körd</translation>
    </message>
    <message>
        <source>verify-signature needs SIG: a file with the signature (base64 or XML), or - for stdin</source>
        <translation>verify-signature kräver SIG: en fil med signaturen (base64 eller XML), eller - för stdin</translation>
    </message>
    <message>
        <source>verify-signature takes one SIG file, not also &apos;%1&apos;</source>
        <translation>verify-signature tar en SIG-fil, inte även &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--at: &apos;%1&apos; is not an ISO 8601 date and time such as 2024-06-10T12:00:00Z</source>
        <translation>--at: &apos;%1&apos; är inget datum med klockslag enligt ISO 8601, till exempel 2024-06-10T12:00:00Z</translation>
    </message>
    <message>
        <source>--ocsp: %1 is empty</source>
        <translation>--ocsp: %1 är tom</translation>
    </message>
    <message>
        <source>--root: %1 holds no PEM certificate</source>
        <translation>--root: %1 innehåller inget PEM-certifikat</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Kontroller:</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(okänt)</translation>
    </message>
    <message>
        <source>Signer: %1, personal number %2</source>
        <translation>Undertecknare: %1, personnummer %2</translation>
    </message>
    <message>
        <source>funcId: %1</source>
        <translation>funcId: %1</translation>
    </message>
    <message>
        <source>Signing time: %1</source>
        <translation>Tidpunkt för underskrift: %1</translation>
    </message>
    <message>
        <source>unknown (no OCSP response)</source>
        <translation>okänd (inget OCSP-svar)</translation>
    </message>
    <message>
        <source>Verified as of: %1</source>
        <translation>Verifierad per: %1</translation>
    </message>
    <message>
        <source>usrVisibleData: %1</source>
        <translation>usrVisibleData: %1</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(saknas)</translation>
    </message>
    <message>
        <source>usrNonVisibleData (base64): %1</source>
        <translation>usrNonVisibleData (base64): %1</translation>
    </message>
    <message>
        <source>Result: every check that ran passed.</source>
        <translation>Resultat: alla kontroller som kördes godkändes.</translation>
    </message>
    <message>
        <source>Result: NOT verified: a required check did not run.</source>
        <translation>Resultat: INTE verifierad: en obligatorisk kontroll kördes inte.</translation>
    </message>
    <message numerus="yes">
        <source>Result: NOT verified, %n check(s) failed:</source>
        <translation>
            <numerusform>Resultat: INTE verifierad, %n kontroll misslyckades:</numerusform>
            <numerusform>Resultat: INTE verifierad, %n kontroller misslyckades:</numerusform>
        </translation>
    </message>
    <message>
        <source>the signature on stdin is larger than the limit of %1 bytes: not read</source>
        <translation>signaturen på standard in är större än gränsen på %1 byte: lästes inte</translation>
    </message>
</context>
</TS>
