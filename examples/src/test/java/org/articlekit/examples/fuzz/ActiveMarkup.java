package org.articlekit.examples.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What a browser would run in a document, judged on the parsed tree (so text that only looks like
 * markup, escaped, does not count): script elements other than JSON-LD data blocks, event-handler
 * attributes ({@code on*}), and attributes whose value, with entities decoded and white space and
 * control characters removed, starts with {@code javascript:}, {@code vbscript:} or
 * {@code data:text/html}: for attributes that hold an address (href, src, action, …, and the URL of
 * a meta refresh), not for text such as a title, an alt text or a meta description; and
 * {@code javascript:} anywhere inside a style or a srcset.
 */
final class ActiveMarkup {

    /**
     * What a browser's URL parser ignores: C0 controls and spaces at either end, tabs and line
     * breaks anywhere. (Anything else, a no-break space say, makes the scheme no scheme: fuzzing
     * found the judge flagging "JAVAS&amp;nbsp;CRIPT:x", which is a relative address.)
     */
    private static final Pattern IGNORED_IN_SCHEME = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$|[\\t\\n\\r]");

    /** Attributes a browser follows, loads or submits to as an address. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster",
            "background", "cite", "codebase", "longdesc", "usemap", "ping", "manifest", "lowsrc", "dynsrc", "icon",
            "srcset", "archive", "classid", "profile", "itemtype");

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
                if (tag.equals("meta") && local.equals("content") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                    int url = value.indexOf("url=");
                    value = url < 0 ? "" : value.substring(url + 4).replaceAll("^['\"]", "");
                } else if (!URL_ATTRIBUTES.contains(local)) {
                    value = ""; // text such as a title, alt or meta description is not run, whatever it says
                }
                boolean scriptUrl = value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:text/html");
                String raw = a.getValue().toLowerCase(Locale.ROOT);
                boolean embedded = (local.equals("style") || local.equals("srcset"))
                        && IGNORED_IN_SCHEME.matcher(raw).replaceAll("").contains("javascript:");
                if (scriptUrl || embedded) {
                    found.add("<" + tag + " " + key + "=\"" + a.getValue() + "\">");
                }
            }
        }
        return found;
    }
}
