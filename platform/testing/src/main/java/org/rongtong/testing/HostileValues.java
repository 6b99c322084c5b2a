package org.rongtong.testing;

import java.util.List;

/** The values the fuzzer sends: strings, parameters, bodies and content types that have broken parsers and services. */
final class HostileValues {

    private HostileValues() {
    }

    /** Strings that have broken parsers, databases, logs and terminals. */
    static final List<String> HOSTILE = List.of(
            "", " ", "\t\n", "\u202Eevil\u202C.exe", "a\u0000b", "\u0000", "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "\uFEFFbom",
            "\uFFFE\uFFFF", "\u200B\u200D\u2060", "e\u0301\u0301\u0301\u0301\u0301\u0301", "👨‍👩‍👧‍👦🇨🇳", "𠜎𠜱𠝹𠱓", "\u0085\u2028\u2029",
            "a\r\nX-Injected: 1", "' OR '1'='1' --", "\"; DROP TABLE enterprise; --", "${jndi:ldap://127.0.0.1/a}", "%s%n%x",
            "<script>alert(1)</script>", "../../../../etc/passwd", "..", ".", "%00", "%2e%2e%2f", "\\u0000", "null", "NaN",
            "-0", "1e999", "0x1F", "9".repeat(400), "-" + "9".repeat(60), "１２３", "٣٤٥", "中华人民共和国".repeat(3), "\u0007\u001B[31m");
    static final List<String> ASCII_HOSTILE = List.of("", " ", "x", "*", "W/\"x\"", "\"" + "9".repeat(40) + "\"", "-1",
            "\"-1\"", "%00", "../..", "' OR 1=1", "9".repeat(8000), "a\tb", "\"\"", ",", "W/", "\"1\", \"2\"", "null");
    /** Percent-encoded bytes that decode to NUL, to no valid UTF-8, to an encoded surrogate, to an overlong slash. */
    static final List<String> RAW_ENCODED = List.of("%00", "%FF", "%ED%A0%80", "%C0%AF", "%C3%28", "%E2%80%AE", "%F4%90%80%80",
            "%2F", "%2F..%2F..", "%25", "%0D%0AX:1");
    /** Every parameter of every operation gets each of these once, before the random cases (percent-encoded already). */
    static final List<String> SWEEP = List.of("%00", "%FF", "%ED%A0%80", "9".repeat(400), "NOPE", "", "%E2%80%AEevil",
            "%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9", "-1", "%2F..%2F", "a%0D%0Ab", "%EF%BB%BF1");
    static final List<String> WHOLE_BODIES = List.of("", " ", "null", "[]", "{}", "[null]", "0", "-1", "true", "\"fuzz\"",
            "{", "{\"a\":", "[1,2", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{/*c*/}", "NaN", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":\"\\ud800\"}", "{\"__proto__\":{\"x\":1}}", "<x/>", "a=1&b=2", "{\"a\":1}{\"b\":2}", "\u0000");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "application/json; charset=UTF-16", "application/json; charset=nonsense", "*/*", "application/",
            "application/octet-stream", "text/csv");

    /** Marks a string in a body tree that is replaced, once serialised, by the raw fragment of that number. */
    static final String RAW_MARK = "@@RAW";
    /** JSON a tree cannot hold: nesting past the parser's limit, numbers Jackson refuses, duplicate keys. */
    static final List<String> RAW_FRAGMENTS = List.of("[".repeat(1_500) + "]".repeat(1_500),
            "{\"a\":".repeat(1_200) + "0" + "}".repeat(1_200), "1" + "0".repeat(2_000), "NaN", "-Infinity", "01", "1e99999", "0x10",
            "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"\\u0000\"", "\"\\uDFFF\\uD800\"");
}
