// JsonDuplicateKeys: rows of JSON texts with and without a member name repeated in one object (escaped
// spellings, nesting, arrays, names that only look alike), and a large input scanned in linear time.

#include "JsonDuplicateKeys.h"

#include <QElapsedTimer>
#include <QtTest>

using bankid::JsonDuplicateKeys;

class TestJsonDuplicateKeys : public QObject
{
    Q_OBJECT

private slots:
    void rows_data();
    void rows();
    void largeInputIsLinear();
};

void TestJsonDuplicateKeys::rows_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("duplicate"); // empty: none

    QTest::newRow("empty_object") << QByteArray("{}") << QString();
    QTest::newRow("distinct") << QByteArray(R"({"a":1,"b":"a","c":{"a":2}})") << QString();
    QTest::newRow("top_level") << QByteArray(R"({"status":"pending","status":"complete"})") << QStringLiteral("status");
    QTest::newRow("escaped_same_name") << QByteArray(R"({"status":1,"st\u0061tus":2})") << QStringLiteral("status");
    QTest::newRow("escaped_quote_in_name") << QByteArray(R"({"a\"b":1,"a\u0022b":2})") << QStringLiteral("a\"b");
    QTest::newRow("surrogate_pair_escape") << QByteArray("{\"\\ud83d\\ude00\":1,\"\xf0\x9f\x98\x80\":2}")
                                           << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("case_differs") << QByteArray(R"({"Status":1,"status":2})") << QString();
    QTest::newRow("value_equals_name") << QByteArray(R"({"a":"a","b":"a"})") << QString();
    QTest::newRow("same_name_in_sibling_objects") << QByteArray(R"({"x":{"a":1},"y":{"a":2}})") << QString();
    QTest::newRow("nested") << QByteArray(R"({"completionData":{"user":{"name":"A","name":"B"}}})")
                            << QStringLiteral("completionData.user.name");
    QTest::newRow("in_array_element") << QByteArray(R"({"list":[{"a":1},{"a":1,"a":2}]})") << QStringLiteral("list.[].a");
    QTest::newRow("after_nested_object") << QByteArray(R"({"a":{"b":{}},"a":2})") << QStringLiteral("a");
    QTest::newRow("strings_in_arrays_are_values") << QByteArray(R"({"a":["a","a"],"b":1})") << QString();
    QTest::newRow("whitespace") << QByteArray(" {\n \"a\" : 1 ,\n \"a\" : 2 }\n") << QStringLiteral("a");
    QTest::newRow("braces_inside_strings") << QByteArray(R"({"a":"{\"a\":1}","b":"}"})") << QString();
    QTest::newRow("truncated_input_is_safe") << QByteArray(R"({"a":1,"b":"\u00)") << QString();
    QTest::newRow("backslash_at_end_is_safe") << QByteArray("{\"a\\") << QString();
    QTest::newRow("unbalanced_closers_are_safe") << QByteArray(R"(]]}}{"a":1,"a":2})") << QStringLiteral("a");
}

void TestJsonDuplicateKeys::rows()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, duplicate);
    const std::optional<QString> found = JsonDuplicateKeys::firstDuplicate(json);
    QCOMPARE(found.value_or(QString()), duplicate);
    QCOMPARE(found.has_value(), !duplicate.isEmpty());
}

void TestJsonDuplicateKeys::largeInputIsLinear()
{
    // 1 MiB (the answer size cap) of distinct members, then the same 16 times larger: a quadratic scan
    // would take ~256 times as long. The bound is generous (proves no blow-up, not a speed).
    auto membersOf = [](int count) {
        QByteArray json = "{";
        for (int i = 0; i < count; ++i)
            json += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":[1,{\"x\":\"y\"}]";
        json += '}';
        return json;
    };
    const QByteArray small = membersOf(40000);
    const QByteArray large = membersOf(640000);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!JsonDuplicateKeys::firstDuplicate(small));
    const qint64 smallMs = std::max<qint64>(1, timer.restart());
    QVERIFY(!JsonDuplicateKeys::firstDuplicate(large));
    const qint64 largeMs = timer.elapsed();
    qInfo("scan: %lld bytes in %lld ms, %lld bytes in %lld ms", qlonglong(small.size()), qlonglong(smallMs),
          qlonglong(large.size()), qlonglong(largeMs));
    QVERIFY2(largeMs < smallMs * 64 + 2000, qPrintable(QStringLiteral("%1 ms vs %2 ms").arg(largeMs).arg(smallMs)));
}

QTEST_GUILESS_MAIN(TestJsonDuplicateKeys)
#include "TestJsonDuplicateKeys.moc"
