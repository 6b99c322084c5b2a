package org.rongtong.web.validation;

/**
 * Text PostgreSQL can store: no NUL (U+0000), which a {@code text} column refuses outright (the statement fails), and no
 * UTF-16 surrogate without its pair, which cannot be encoded as UTF-8 and would be stored as '?'.
 */
public final class StorableText {

    public static final String MESSAGE = "must not contain NUL (U+0000) or an unpaired UTF-16 surrogate";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
