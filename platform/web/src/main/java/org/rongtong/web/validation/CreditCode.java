package org.rongtong.web.validation;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters; positions 9-17 are the
 * organisation code with its own check digit (GB 11714), position 18 checks the first 17.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCode() {
    }

    /** Why the code is not valid, or null when it is. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed; use digits and upper-case "
                        + "letters other than I, O, S, V, Z";
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return "characters 3-8 must be the six-digit region code";
        }
        char orgCheck = organisationCheck(code.substring(8, 16));
        if (orgCheck == 0 || code.charAt(16) != orgCheck) {
            return "the organisation code (characters 9-17) fails its check digit";
        }
        if (code.charAt(17) != finalCheck(code)) {
            return "the check character (position 18) does not match";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** GB 11714 check over 8 characters, letters A=10 … Z=35; 0 when a character has no value. */
    static char organisationCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : (c >= 'A' && c <= 'Z' ? c - 'A' + 10 : -1);
            if (value < 0) {
                return 0;
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /**
     * Completes the first 16 characters (authority, type, region, 8-character organisation body) with both
     * check characters: what generators of test data and demonstration programmes need.
     */
    public static String complete(String first16) {
        char orgCheck = organisationCheck(first16.substring(8, 16));
        if (first16.length() != 16 || orgCheck == 0) {
            throw new IllegalArgumentException("Need 16 characters with a letter-or-digit organisation body: " + first16);
        }
        String seventeen = first16 + orgCheck;
        return seventeen + finalCheck(seventeen);
    }

    static char finalCheck(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * CODE_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
