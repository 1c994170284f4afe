// RequestValidator: every documented request rule, each with passing and failing rows, checked by the
// field wire name and rule; plus exact message texts.
#include "RequestValidator.h"

#include <QTest>

#include <functional>

using namespace bankid;

using Mutation = std::function<void(OrderRequest &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

const QString ValidPnr = QStringLiteral("198112189876");

/// The smallest valid request of each flow; each row changes one thing.
OrderRequest baseRequest(Flow flow)
{
    OrderRequest request;
    request.flow = flow;
    switch (flow) {
    case Flow::Auth:
        request.endUserIp = QStringLiteral("192.0.2.1");
        break;
    case Flow::Sign:
        request.endUserIp = QStringLiteral("192.0.2.1");
        request.userVisibleData = QByteArrayLiteral("Jag godkanner avtalet");
        break;
    case Flow::Payment:
        request.endUserIp = QStringLiteral("192.0.2.1");
        request.userVisibleTransaction = UserVisibleTransaction{QStringLiteral("card"), QStringLiteral("Webbshoppen AB"),
                                                                QString(), QString(), QString()};
        break;
    case Flow::PhoneAuth:
        request.personalNumber = ValidPnr;
        break;
    case Flow::PhoneSign:
        request.personalNumber = ValidPnr;
        request.userVisibleData = QByteArrayLiteral("Jag godkanner avtalet");
        break;
    }
    return request;
}

QByteArray bytesForBase64Length(int base64Length)
{
    return QByteArray(base64Length / 4 * 3, 'a');
}

} // namespace

class TestRequestValidator : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void validateAllReportsEveryField();
    void messages_data();
    void messages();
    void certificatePolicyReading_data();
    void certificatePolicyReading();
    void base64Length();
};

void TestRequestValidator::rules_data()
{
    QTest::addColumn<Flow>("flow");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field"); // empty: the request is valid
    QTest::addColumn<QString>("rule");

    const Mutation none = [](OrderRequest &) {};
    auto row = [](const char *name, Flow flow, Mutation mutate, const char *field = "", const char *rule = "") {
        QTest::newRow(name) << flow << mutate << QString::fromLatin1(field) << QString::fromLatin1(rule);
    };

    // Base requests of every flow pass.
    row("auth_minimal_valid", Flow::Auth, none);
    row("sign_minimal_valid", Flow::Sign, none);
    row("payment_minimal_valid", Flow::Payment, none);
    row("phone_auth_minimal_valid", Flow::PhoneAuth, none);
    row("phone_sign_minimal_valid", Flow::PhoneSign, none);

    // Required members.
    row("auth_endUserIp_missing", Flow::Auth, [](OrderRequest &r) { r.endUserIp.clear(); }, "endUserIp", "required");
    row("sign_userVisibleData_missing", Flow::Sign, [](OrderRequest &r) { r.userVisibleData.clear(); },
        "userVisibleData", "required");
    row("payment_userVisibleData_optional", Flow::Payment, [](OrderRequest &r) { r.userVisibleData.clear(); });
    row("payment_transaction_missing", Flow::Payment, [](OrderRequest &r) { r.userVisibleTransaction.reset(); },
        "userVisibleTransaction", "required");
    row("phone_auth_personalNumber_missing", Flow::PhoneAuth, [](OrderRequest &r) { r.personalNumber.clear(); },
        "personalNumber", "required");
    row("phone_sign_userVisibleData_missing", Flow::PhoneSign, [](OrderRequest &r) { r.userVisibleData.clear(); },
        "userVisibleData", "required");
    row("phone_auth_userVisibleData_optional", Flow::PhoneAuth, none);

    // endUserIp syntax.
    row("endUserIp_ipv6_valid", Flow::Auth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("2001:db8::10"); });
    row("endUserIp_ipv4_mapped_valid", Flow::Auth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("::ffff:192.0.2.1"); });
    row("endUserIp_hostname", Flow::Auth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("localhost"); },
        "endUserIp", "ipAddress");
    row("endUserIp_short_ipv4", Flow::Auth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("127.1"); },
        "endUserIp", "ipAddress");
    row("endUserIp_octet_256", Flow::Sign, [](OrderRequest &r) { r.endUserIp = QStringLiteral("192.0.2.256"); },
        "endUserIp", "ipAddress");
    row("endUserIp_scope_id", Flow::Auth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("fe80::1%eth0"); },
        "endUserIp", "ipAddress");
    row("endUserIp_with_port", Flow::Auth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("192.0.2.1:443"); },
        "endUserIp", "ipAddress");

    // Lengths after base64.
    row("auth_visible_1500_ok", Flow::Auth, [](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(1500); });
    row("auth_visible_1504_too_long", Flow::Auth,
        [](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(1504); }, "userVisibleData", "base64TooLong");
    row("sign_visible_40000_ok", Flow::Sign, [](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(40000); });
    row("sign_visible_40004_too_long", Flow::Sign,
        [](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(40004); }, "userVisibleData", "base64TooLong");
    row("payment_visible_40004_too_long", Flow::Payment,
        [](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(40004); }, "userVisibleData", "base64TooLong");
    row("auth_nonvisible_1500_ok", Flow::Auth,
        [](OrderRequest &r) { r.userNonVisibleData = bytesForBase64Length(1500); });
    row("auth_nonvisible_1504_too_long", Flow::Auth,
        [](OrderRequest &r) { r.userNonVisibleData = bytesForBase64Length(1504); }, "userNonVisibleData",
        "base64TooLong");
    row("sign_nonvisible_200000_ok", Flow::Sign,
        [](OrderRequest &r) { r.userNonVisibleData = bytesForBase64Length(200000); });
    row("sign_nonvisible_200004_too_long", Flow::Sign,
        [](OrderRequest &r) { r.userNonVisibleData = bytesForBase64Length(200004); }, "userNonVisibleData",
        "base64TooLong");
    row("payment_nonvisible_200004_too_long", Flow::Payment,
        [](OrderRequest &r) { r.userNonVisibleData = bytesForBase64Length(200004); }, "userNonVisibleData",
        "base64TooLong");
    row("phone_auth_visible_1504_too_long", Flow::PhoneAuth,
        [](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(1504); }, "userVisibleData", "base64TooLong");
    row("visible_not_utf8", Flow::Sign, [](OrderRequest &r) { r.userVisibleData = QByteArray("\xc3\x28", 2); },
        "userVisibleData", "utf8");

    // simpleMarkdownV1.
    row("markdown_valid", Flow::Sign, [](OrderRequest &r) {
        r.userVisibleData = QByteArrayLiteral("# Avtal\n*Belopp:* 100 kr");
        r.userVisibleDataIsMarkdown = true;
    });
    row("markdown_invalid", Flow::Sign, [](OrderRequest &r) {
        r.userVisibleData = QByteArrayLiteral("#Avtal");
        r.userVisibleDataIsMarkdown = true;
    }, "userVisibleData", "markdown");
    row("markdown_syntax_ignored_when_plain", Flow::Sign,
        [](OrderRequest &r) { r.userVisibleData = QByteArrayLiteral("#Avtal *oavslutad"); });
    row("markdown_format_without_data", Flow::Auth, [](OrderRequest &r) { r.userVisibleDataIsMarkdown = true; },
        "userVisibleData", "requiredWith");

    // Personal numbers.
    row("requirement_personalNumber_valid", Flow::Auth,
        [](OrderRequest &r) { r.requirement.personalNumber = QStringLiteral("19811218-9876"); });
    row("requirement_personalNumber_check_digit", Flow::Auth,
        [](OrderRequest &r) { r.requirement.personalNumber = QStringLiteral("198112189875"); },
        "requirement.personalNumber", "personalNumber");
    row("phone_personalNumber_bad_date", Flow::PhoneSign,
        [](OrderRequest &r) { r.personalNumber = QStringLiteral("199013011230"); }, "personalNumber", "personalNumber");
    row("auth_top_level_personalNumber_removed_in_v6", Flow::Auth,
        [](OrderRequest &r) { r.personalNumber = ValidPnr; }, "personalNumber", "notAccepted");

    // Requirement values.
    row("cardReader_class2_ok", Flow::Auth, [](OrderRequest &r) { r.requirement.cardReader = QStringLiteral("class2"); });
    row("cardReader_class3", Flow::Auth, [](OrderRequest &r) { r.requirement.cardReader = QStringLiteral("class3"); },
        "requirement.cardReader", "allowedValue");
    row("policies_valid_list", Flow::Sign, [](OrderRequest &r) {
        r.requirement.certificatePolicies = {QStringLiteral("1.2.752.78.1.5"), QStringLiteral("1.2.3.4.*")};
    });
    row("policies_bad_oid", Flow::Sign,
        [](OrderRequest &r) { r.requirement.certificatePolicies = {QStringLiteral("1.2.x")}; },
        "requirement.certificatePolicies", "certificatePolicy");
    row("policies_wildcard_too_early", Flow::Sign,
        [](OrderRequest &r) { r.requirement.certificatePolicies = {QStringLiteral("1.2.*")}; },
        "requirement.certificatePolicies", "certificatePolicy");
    row("policies_empty_entry", Flow::Sign,
        [](OrderRequest &r) { r.requirement.certificatePolicies = {QString()}; }, "requirement.certificatePolicies",
        "empty");
    row("phone_requirement_pinCode_ok", Flow::PhoneAuth, [](OrderRequest &r) { r.requirement.pinCode = true; });
    row("phone_requirement_personalNumber", Flow::PhoneAuth,
        [](OrderRequest &r) { r.requirement.personalNumber = ValidPnr; }, "requirement.personalNumber", "notAccepted");
    row("phone_requirement_mrtd", Flow::PhoneSign, [](OrderRequest &r) { r.requirement.mrtd = true; },
        "requirement.mrtd", "notAccepted");

    // Members a phone flow does not accept.
    row("phone_endUserIp", Flow::PhoneAuth, [](OrderRequest &r) { r.endUserIp = QStringLiteral("192.0.2.1"); },
        "endUserIp", "notAccepted");
    row("phone_returnUrl", Flow::PhoneAuth, [](OrderRequest &r) { r.returnUrl = QStringLiteral("https://rp.example/"); },
        "returnUrl", "notAccepted");
    row("phone_returnRisk", Flow::PhoneSign, [](OrderRequest &r) { r.returnRisk = true; }, "returnRisk", "notAccepted");
    row("phone_web", Flow::PhoneAuth, [](OrderRequest &r) { r.web = WebDeviceData{QStringLiteral("rp.example"), {}, {}}; },
        "web", "notAccepted");
    row("phone_app", Flow::PhoneAuth, [](OrderRequest &r) { r.app = AppDeviceData{QStringLiteral("se.x"), {}, {}, {}}; },
        "app", "notAccepted");
    row("sign_riskFlags_outside_payment", Flow::Sign,
        [](OrderRequest &r) { r.riskFlags = {QStringLiteral("newCard")}; }, "riskFlags", "notAccepted");
    row("auth_transaction_outside_payment", Flow::Auth, [](OrderRequest &r) {
        r.userVisibleTransaction = UserVisibleTransaction{QStringLiteral("npa"), QStringLiteral("X"), {}, {}, {}};
    }, "userVisibleTransaction", "notAccepted");

    // returnUrl.
    row("returnUrl_valid", Flow::Auth, [](OrderRequest &r) { r.returnUrl = QStringLiteral("https://rp.example/r?n=1"); });
    row("returnUrl_512_ok", Flow::Auth, [](OrderRequest &r) {
        r.returnUrl = QStringLiteral("https://rp.example/") + QString(512 - 19, QLatin1Char('a'));
    });
    row("returnUrl_513_too_long", Flow::Auth, [](OrderRequest &r) {
        r.returnUrl = QStringLiteral("https://rp.example/") + QString(513 - 19, QLatin1Char('a'));
    }, "returnUrl", "tooLong");
    row("returnUrl_relative", Flow::Auth, [](OrderRequest &r) { r.returnUrl = QStringLiteral("/done"); }, "returnUrl",
        "absoluteUrl");
    row("returnUrl_no_host", Flow::Sign, [](OrderRequest &r) { r.returnUrl = QStringLiteral("https://"); },
        "returnUrl", "absoluteUrl");

    // web / app.
    row("web_valid", Flow::Auth, [](OrderRequest &r) {
        r.web = WebDeviceData{QStringLiteral("xn--rksmrgs-5wao1o.example"), QStringLiteral("Mozilla/5.0"),
                              QStringLiteral("c0ffee")};
    });
    row("app_valid", Flow::Auth, [](OrderRequest &r) { r.app = AppDeviceData{QStringLiteral("se.example.desk"), {}, {}, {}}; });
    row("web_and_app", Flow::Auth, [](OrderRequest &r) {
        r.web = WebDeviceData{QStringLiteral("rp.example"), {}, {}};
        r.app = AppDeviceData{QStringLiteral("se.x"), {}, {}, {}};
    }, "web", "webAndApp");
    row("web_without_members", Flow::Auth, [](OrderRequest &r) { r.web = WebDeviceData{}; }, "web", "noDeviceMember");
    row("app_without_members", Flow::Sign, [](OrderRequest &r) { r.app = AppDeviceData{}; }, "app", "noDeviceMember");
    row("referringDomain_two_chars", Flow::Auth, [](OrderRequest &r) { r.web = WebDeviceData{QStringLiteral("ab"), {}, {}}; },
        "web.referringDomain", "tooShort");
    row("referringDomain_254_chars", Flow::Auth,
        [](OrderRequest &r) { r.web = WebDeviceData{QString(254, QLatin1Char('a')), {}, {}}; }, "web.referringDomain",
        "tooLong");
    row("referringDomain_uppercase", Flow::Auth,
        [](OrderRequest &r) { r.web = WebDeviceData{QStringLiteral("RP.example"), {}, {}}; }, "web.referringDomain",
        "domainCharacters");
    row("referringDomain_unicode", Flow::Auth,
        [](OrderRequest &r) { r.web = WebDeviceData{QStringLiteral("räksmörgås.se"), {}, {}}; }, "web.referringDomain",
        "domainCharacters");
    row("userAgent_257", Flow::Auth, [](OrderRequest &r) { r.web = WebDeviceData{{}, QString(257, QLatin1Char('u')), {}}; },
        "web.userAgent", "tooLong");
    row("web_deviceIdentifier_65", Flow::Auth,
        [](OrderRequest &r) { r.web = WebDeviceData{{}, {}, QString(65, QLatin1Char('d'))}; }, "web.deviceIdentifier",
        "tooLong");
    row("app_deviceIdentifier_64_ok", Flow::Auth,
        [](OrderRequest &r) { r.app = AppDeviceData{{}, {}, {}, QString(64, QLatin1Char('d'))}; });
    row("app_deviceIdentifier_65", Flow::Auth,
        [](OrderRequest &r) { r.app = AppDeviceData{{}, {}, {}, QString(65, QLatin1Char('d'))}; }, "app.deviceIdentifier",
        "tooLong");

    // Payment.
    row("payment_card_with_money_ok", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->amount = QStringLiteral("1000,00");
        r.userVisibleTransaction->currency = QStringLiteral("SEK");
    });
    row("payment_amount_integer_ok", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->amount = QStringLiteral("250");
        r.userVisibleTransaction->currency = QStringLiteral("EUR");
    });
    row("payment_npa_ok", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->transactionType = QStringLiteral("npa");
    });
    row("payment_type_unknown", Flow::Payment,
        [](OrderRequest &r) { r.userVisibleTransaction->transactionType = QStringLiteral("swish"); },
        "userVisibleTransaction.transactionType", "allowedValue");
    row("payment_type_missing", Flow::Payment,
        [](OrderRequest &r) { r.userVisibleTransaction->transactionType.clear(); },
        "userVisibleTransaction.transactionType", "required");
    row("payment_recipient_missing", Flow::Payment,
        [](OrderRequest &r) { r.userVisibleTransaction->recipientName = QStringLiteral("  "); },
        "userVisibleTransaction.recipient.name", "required");
    row("payment_npa_with_money", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->transactionType = QStringLiteral("npa");
        r.userVisibleTransaction->amount = QStringLiteral("10,00");
        r.userVisibleTransaction->currency = QStringLiteral("SEK");
    }, "userVisibleTransaction.money", "moneyForbidden");
    row("payment_amount_dot_separator", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->amount = QStringLiteral("1000.00");
        r.userVisibleTransaction->currency = QStringLiteral("SEK");
    }, "userVisibleTransaction.money.amount", "amountFormat");
    row("payment_amount_one_decimal", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->amount = QStringLiteral("1000,5");
        r.userVisibleTransaction->currency = QStringLiteral("SEK");
    }, "userVisibleTransaction.money.amount", "amountFormat");
    row("payment_amount_without_currency", Flow::Payment,
        [](OrderRequest &r) { r.userVisibleTransaction->amount = QStringLiteral("100,00"); },
        "userVisibleTransaction.money.currency", "requiredWith");
    row("payment_currency_without_amount", Flow::Payment,
        [](OrderRequest &r) { r.userVisibleTransaction->currency = QStringLiteral("SEK"); },
        "userVisibleTransaction.money.amount", "requiredWith");
    row("payment_currency_lowercase", Flow::Payment, [](OrderRequest &r) {
        r.userVisibleTransaction->amount = QStringLiteral("100,00");
        r.userVisibleTransaction->currency = QStringLiteral("sek");
    }, "userVisibleTransaction.money.currency", "currencyFormat");
    row("payment_riskFlags_valid", Flow::Payment, [](OrderRequest &r) {
        r.riskFlags = RequestValidator::riskFlagValues();
    });
    row("payment_riskFlag_unknown", Flow::Payment,
        [](OrderRequest &r) { r.riskFlags = {QStringLiteral("newCard"), QStringLiteral("veryRisky")}; }, "riskFlags",
        "allowedValue");
}

void TestRequestValidator::rules()
{
    QFETCH(Flow, flow);
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    QFETCH(QString, rule);

    OrderRequest request = baseRequest(flow);
    mutate(request);
    const auto error = RequestValidator::validate(request);
    if (field.isEmpty()) {
        QVERIFY2(!error, qPrintable(error ? error->field() + QLatin1String(": ") + error->message() : QString()));
        QVERIFY(RequestValidator::validateAll(request).isEmpty());
        return;
    }
    QVERIFY2(error, "expected a validation error");
    QCOMPARE(error->field(), field);
    QCOMPARE(error->ruleName(), rule);
    QVERIFY(!error->message().isEmpty());
    QVERIFY2(error->message().contains(field.section(QLatin1Char('.'), 0, 0)), qPrintable(error->message()));
    QVERIFY2(!error->message().contains(ValidPnr), "a personal number must never appear in a message");
}

void TestRequestValidator::validateAllReportsEveryField()
{
    OrderRequest request = baseRequest(Flow::Sign);
    request.endUserIp = QStringLiteral("not-an-ip");
    request.userVisibleData.clear();
    request.requirement.cardReader = QStringLiteral("class9");
    request.returnUrl = QStringLiteral("relative/path");
    QStringList fields;
    for (const ValidationError &error : RequestValidator::validateAll(request))
        fields.append(error.field());
    QCOMPARE(fields, (QStringList{QStringLiteral("endUserIp"), QStringLiteral("userVisibleData"),
                                  QStringLiteral("requirement.cardReader"), QStringLiteral("returnUrl")}));
}

void TestRequestValidator::messages_data()
{
    QTest::addColumn<Flow>("flow");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("message");

    QTest::newRow("auth_visible_1600")
        << Flow::Auth << Mutation([](OrderRequest &r) { r.userVisibleData = bytesForBase64Length(1600); })
        << "userVisibleData is 1 600 characters after base64; /auth allows at most 1 500.";
    QTest::newRow("sign_nonvisible_200004")
        << Flow::Sign << Mutation([](OrderRequest &r) { r.userNonVisibleData = bytesForBase64Length(200004); })
        << "userNonVisibleData is 200 004 characters after base64; /sign allows at most 200 000.";
    QTest::newRow("sign_required")
        << Flow::Sign << Mutation([](OrderRequest &r) { r.userVisibleData.clear(); })
        << "userVisibleData is required for /sign.";
    QTest::newRow("phone_endUserIp")
        << Flow::PhoneAuth << Mutation([](OrderRequest &r) { r.endUserIp = QStringLiteral("192.0.2.1"); })
        << "endUserIp is not accepted by /phone/auth; leave it out.";
    QTest::newRow("hostname")
        << Flow::Auth << Mutation([](OrderRequest &r) { r.endUserIp = QStringLiteral("desk.local"); })
        << "endUserIp 'desk.local' is not an IPv4 or IPv6 address (host names are not accepted).";
    QTest::newRow("personal_number_check_digit")
        << Flow::PhoneAuth << Mutation([](OrderRequest &r) { r.personalNumber = QStringLiteral("198112189875"); })
        << "personalNumber is not a valid personal identity number: The last digit does not match the check digit; "
           "check for a typo.";
    QTest::newRow("markdown_position")
        << Flow::Sign << Mutation([](OrderRequest &r) {
               r.userVisibleData = QByteArrayLiteral("ok\nBelopp *100");
               r.userVisibleDataIsMarkdown = true;
           })
        << "userVisibleData is not valid simpleMarkdownV1: line 2, column 8: '*' (bold) is opened but not closed on "
           "the same line";
    QTest::newRow("value_with_percent_not_reexpanded")
        << Flow::Auth << Mutation([](OrderRequest &r) { r.requirement.cardReader = QStringLiteral("%2"); })
        << "requirement.cardReader '%2' is not allowed; use one of: class1, class2.";
}

void TestRequestValidator::messages()
{
    QFETCH(Flow, flow);
    QFETCH(Mutation, mutate);
    QFETCH(QString, message);
    OrderRequest request = baseRequest(flow);
    mutate(request);
    const auto error = RequestValidator::validate(request);
    QVERIFY(error);
    QCOMPARE(error->message(), message);
}

void TestRequestValidator::certificatePolicyReading_data()
{
    QTest::addColumn<QString>("oid");
    QTest::addColumn<bool>("valid");
    QTest::newRow("production_mobile") << "1.2.752.78.1.5" << true;
    QTest::newRow("test_file") << "1.2.3.4.5" << true;
    QTest::newRow("wildcard_position_5") << "1.2.752.78.*" << true;
    QTest::newRow("wildcard_position_6") << "1.2.752.78.1.*" << true;
    QTest::newRow("wildcard_position_4") << "1.2.752.*" << false;
    QTest::newRow("wildcard_not_last") << "1.2.752.78.*.5" << false;
    QTest::newRow("two_wildcards") << "1.2.752.78.*.*" << false;
    QTest::newRow("wildcard_inside_component") << "1.2.752.7*" << false;
    QTest::newRow("leading_zero") << "1.2.0752.78.1" << false;
    QTest::newRow("empty_component") << "1..2" << false;
    QTest::newRow("single_component") << "1" << false;
    QTest::newRow("trailing_dot") << "1.2.3." << false;
}

void TestRequestValidator::certificatePolicyReading()
{
    QFETCH(QString, oid);
    QFETCH(bool, valid);
    QCOMPARE(RequestValidator::isValidCertificatePolicy(oid), valid);
}

void TestRequestValidator::base64Length()
{
    QCOMPARE(RequestValidator::base64Length(0), 0);
    QCOMPARE(RequestValidator::base64Length(1), 4);
    QCOMPARE(RequestValidator::base64Length(3), 4);
    QCOMPARE(RequestValidator::base64Length(4), 8);
    QCOMPARE(RequestValidator::base64Length(1125), 1500);
    QCOMPARE(RequestValidator::base64Length(1126), 1504);
}

QTEST_APPLESS_MAIN(TestRequestValidator)
#include "TestRequestValidator.moc"
