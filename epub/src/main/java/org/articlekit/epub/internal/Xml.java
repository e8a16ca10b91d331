package org.articlekit.epub.internal;

/** Small helpers for writing XML text by hand: escaping. */
final class Xml {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private Xml() {
    }

    /**
     * Escapes text for element content and double-quoted attributes, dropping characters XML
     * cannot hold (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates).
     */
    static String escape(String s) {
        StringBuilder sb = null;
        int n = s.length();
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"') {
                continue; // the common case: a character XML holds as it is
            }
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\r' -> "&#13;";
                default -> allowed(s, i) ? null : "";
            };
            if (rep == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(n + n / 8 + 16);
            }
            sb.append(s, copied, i).append(rep);
            copied = i + 1;
        }
        return sb == null ? s : sb.append(s, copied, n).toString();
    }

    /** Escapes an attribute value, keeping tabs and line breaks as character references. */
    static String attr(String s) {
        String e = escape(s);
        if (e.indexOf('\t') < 0 && e.indexOf('\n') < 0) {
            return e;
        }
        return e.replace("\t", "&#9;").replace("\n", "&#10;");
    }

    /** @return whether XML 1.0 can hold every character of {@code s} exactly */
    static boolean safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c >= 0xD800) && !allowed(s, i)) {
                return false;
            }
        }
        return true;
    }

    static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }
}
