package org.rongtong.web.validation;

import java.util.regex.Pattern;

import org.rongtong.web.problem.ProblemException;

/**
 * A GB/T 2260 administrative division code and its prefixes: two digits name a province, four a prefecture, six a
 * county. A prefix of 3 or 5 digits names nothing, so it is refused everywhere, never matched as "starts with".
 * {@link #PREFIX} and {@link #COUNTY} are the only region patterns of the project (ADR 0032).
 */
public final class RegionCode {

    /** A province, prefecture or county code: 2, 4 or 6 digits. */
    public static final String PREFIX = "\\d{2}(\\d{2}){0,2}";
    public static final String PREFIX_MESSAGE = "must be a province, prefecture or county code (2, 4 or 6 digits)";

    /** A full division code, where a record is located: 6 digits. */
    public static final String COUNTY = "\\d{6}";
    public static final String COUNTY_MESSAGE = "must be a six-digit GB/T 2260 division code";

    private static final Pattern PREFIX_PATTERN = Pattern.compile(PREFIX);

    private RegionCode() {
    }

    public static boolean isPrefix(String value) {
        return value != null && PREFIX_PATTERN.matcher(value).matches();
    }

    /** An optional query value: null when absent or blank, the stripped prefix when valid, else 400 naming the parameter. */
    public static String prefix(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (!isPrefix(stripped)) {
            throw ProblemException.invalid(parameter, PREFIX_MESSAGE);
        }
        return stripped;
    }
}
