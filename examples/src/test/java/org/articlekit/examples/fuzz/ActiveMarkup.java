package org.articlekit.examples.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What a browser would run in a document, judged on the parsed tree (so text that only looks like
 * markup, escaped, does not count): script elements other than JSON-LD data blocks, event-handler
 * attributes ({@code on*}), and attributes whose value, with entities decoded and white space and
 * control characters removed, starts with {@code javascript:}, {@code vbscript:} or
 * {@code data:text/html} (or holds {@code javascript:} inside a style or a srcset).
 */
final class ActiveMarkup {

    /** Browsers skip these when they read a URL scheme. */
    private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("[\\x00-\\x20\\x7F\\u00A0\\u2028\\u2029]+");

    private ActiveMarkup() {
    }

    /**
     * @param markup an HTML or XHTML document or fragment
     * @return one description per piece of active content, empty when there is none
     */
    static List<String> in(String markup) {
        List<String> found = new ArrayList<>();
        for (Element e : Jsoup.parse(markup).getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script") && !e.attr("type").trim().equalsIgnoreCase("application/ld+json")) {
                found.add("<" + tag + ">");
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                int colon = key.indexOf(':');
                String local = colon < 0 ? key : key.substring(colon + 1);
                if (local.startsWith("on")) {
                    found.add("<" + tag + " " + key + ">");
                }
                String value = IGNORED_IN_SCHEME.matcher(a.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
                boolean scriptUrl = value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:text/html");
                boolean embedded = (local.equals("style") || local.equals("srcset")) && value.contains("javascript:");
                if (scriptUrl || embedded) {
                    found.add("<" + tag + " " + key + "=\"" + a.getValue() + "\">");
                }
            }
        }
        return found;
    }
}
