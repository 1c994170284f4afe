<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>bankid::AuditLog</name>
    <message numerus="yes">
        <source>the audit log %1 ends in %n byte(s) that are not part of an audit entry; the file is left as it is</source>
        <translation>
            <numerusform>the audit log %1 ends in %n byte that are not part of an audit entry; the file is left as it is</numerusform>
            <numerusform>the audit log %1 ends in %n bytes that are not part of an audit entry; the file is left as it is</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The audit log %1 ended in an incomplete line (%n byte(s), left by a crash or a full disk while writing); it was removed and the log continues after the last whole entry.</source>
        <translation>
            <numerusform>The audit log %1 ended in an incomplete line (%n byte, left by a crash or a full disk while writing); it was removed and the log continues after the last whole entry.</numerusform>
            <numerusform>The audit log %1 ended in an incomplete line (%n bytes, left by a crash or a full disk while writing); it was removed and the log continues after the last whole entry.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::AuditVerifier</name>
    <message numerus="yes">
        <source>%n entries verified; the chain is intact (head: seq %1, SHA-256 %2)</source>
        <translation>
            <numerusform>%n entry verified; the chain is intact (head: seq %1, SHA-256 %2)</numerusform>
            <numerusform>%n entries verified; the chain is intact (head: seq %1, SHA-256 %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::DemoPhonePanel</name>
    <message numerus="yes">
        <source>Showing the ID card of %1: the QR code is valid once, for %n second(s).</source>
        <translation>
            <numerusform>Showing the ID card of %1: the QR code is valid once, for %n second.</numerusform>
            <numerusform>Showing the ID card of %1: the QR code is valid once, for %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::SettingsDialog</name>
    <message numerus="yes">
        <source>Subject: %1
Issuer: %2
Valid until: %3 (%n day(s) left)</source>
        <translation>
            <numerusform>Subject: %1
Issuer: %2
Valid until: %3 (%n day left)</numerusform>
            <numerusform>Subject: %1
Issuer: %2
Valid until: %3 (%n days left)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate expires in %n day(s): order a new one from your bank in time.</source>
        <translation>
            <numerusform>The certificate expires in %n day: order a new one from your bank in time.</numerusform>
            <numerusform>The certificate expires in %n days: order a new one from your bank in time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::VerifyIdCardPage</name>
    <message numerus="yes">
        <source>Genuine ID card. The holder is %n year(s) old: the age limit of %1 is met.</source>
        <translation>
            <numerusform>Genuine ID card. The holder is %n year old: the age limit of %1 is met.</numerusform>
            <numerusform>Genuine ID card. The holder is %n years old: the age limit of %1 is met.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Genuine ID card, but the holder is %n year(s) old: the age limit of %1 is NOT met.</source>
        <translation>
            <numerusform>Genuine ID card, but the holder is %n year old: the age limit of %1 is NOT met.</numerusform>
            <numerusform>Genuine ID card, but the holder is %n years old: the age limit of %1 is NOT met.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::VerifyReceiptCommand</name>
    <message numerus="yes">
        <source>Result: NOT verified, %n check(s) failed or did not run:</source>
        <translation>
            <numerusform>Result: NOT verified, %n check failed or did not run:</numerusform>
            <numerusform>Result: NOT verified, %n checks failed or did not run:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::VerifyReceiptPage</name>
    <message numerus="yes">
        <source>Not verified: %n check(s) could not run</source>
        <translation>
            <numerusform>Not verified: %n check could not run</numerusform>
            <numerusform>Not verified: %n checks could not run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bankid::VerifySignatureCommand</name>
    <message numerus="yes">
        <source>Result: NOT verified, %n check(s) failed:</source>
        <translation>
            <numerusform>Result: NOT verified, %n check failed:</numerusform>
            <numerusform>Result: NOT verified, %n checks failed:</numerusform>
        </translation>
    </message>
</context>
</TS>
