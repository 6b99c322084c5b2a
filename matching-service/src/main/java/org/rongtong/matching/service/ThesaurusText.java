package org.rongtong.matching.service;

import java.util.Locale;

import org.rongtong.web.validation.Tags;

/** How the thesaurus compares text: NFKC, lower case, no spaces; clause ends; whole Latin words; two-character keys. */
final class ThesaurusText {

    private ThesaurusText() {
    }

    /** NFKC, lower case, no spaces; text already in that form (most Chinese text) is returned as it is. */
    public static String comparable(String tag) {
        if (tag == null) {
            return "";
        }
        for (int i = 0; i < tag.length(); i++) {
            if (!alreadyComparable(tag.charAt(i))) {
                return Tags.normalise(tag).toLowerCase(Locale.ROOT).replace(" ", "");
            }
        }
        return tag;
    }

    /** Characters NFKC and lower-casing leave as they are and that are not spaces: CJK ideographs, ASCII, CJK punctuation. */
    private static boolean alreadyComparable(char c) {
        return c >= 0x4E00 && c <= 0x9FFF || c > ' ' && c < 0x7F && (c < 'A' || c > 'Z') || c >= 0x3001 && c <= 0x303F
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '·';
    }

    static boolean isClauseEnd(char c) {
        return c == '，' || c == '。' || c == '；' || c == ';' || c == '！' || c == '？' || c == '!' || c == '?' || c == '\n'
                || c == ',' || c == '|';
    }

    static boolean latinBoundary(String s, int from, int to) {
        return (from == 0 || !isLatinAlnum(s.charAt(from - 1))) && (to >= s.length() || !isLatinAlnum(s.charAt(to)));
    }

    private static boolean isLatinAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    static int key(char a, char b) {
        return (a << 16) | b;
    }


}
