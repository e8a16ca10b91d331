package org.articlekit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds what a browser would run in an HTML document: script elements (JSON-LD data blocks
 * aside), event-handler attributes, and script-bearing addresses — parsed as a browser parses it,
 * so escaped text that merely looks like markup does not count. A test helper.
 */
public final class ActiveContent {

    private ActiveContent() {
    }

    /**
     * @param html an HTML document or fragment
     * @return a description of each piece of active content, empty when there is none
     */
    public static List<String> find(String html) {
        Document doc = Jsoup.parse(html);
        List<String> found = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String name = e.normalName();
            if (name.equals("script") && !e.attr("type").equalsIgnoreCase("application/ld+json")) {
                found.add("<script>");
            }
            if (name.equals("iframe") || name.equals("object") || name.equals("embed") || name.equals("frame")
                    || name.equals("base") || name.equals("form")
                    || name.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                found.add("<" + name + ">");
            }
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    found.add("<" + name + " " + key + ">");
                }
                String value = a.getValue().replaceAll("[\\x00-\\x20\\x7F]+", "").toLowerCase(Locale.ROOT);
                if (value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:text/html") || key.equals("style") && value.contains("javascript:")) {
                    found.add("<" + name + " " + key + "=" + a.getValue() + ">");
                }
            }
        }
        return found;
    }
}
