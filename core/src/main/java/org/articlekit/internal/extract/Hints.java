package org.articlekit.internal.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * What class names, ids, roles and short texts say about a block, in English and in the pinyin
 * and Chinese conventions of Chinese sites ({@code zhengwen} 正文, {@code neirong} 内容,
 * {@code tuijian} 推荐, {@code xiangguan} 相关, {@code pinglun} 评论, {@code fenxiang} 分享…).
 */
public final class Hints {

    /** Blocks that are page furniture whatever they hold; the reason names the kind. */
    private static final Pattern UNLIKELY = Pattern.compile("(?i)comment|pinglun|disqus|utterances|giscus|share|sharing"
            + "|fenxiang|social|related|xiangguan|recommend|tuijian|sidebar|side-bar|footer|breadcrumb|crumbs"
            + "|copyright|banquan|advert|guanggao|sponsor|promo|popup|modal|cookie|newsletter|subscribe|masthead"
            + "|byline|gutter|line-?numbers|linenos|toolbar|pagination|pager|reward|dashang|donate|post-nav|prev-next"
            + "|(?:^|[-_\\s])(?:ad|ads|adv|nav|navbar|menu|header|top-?bar|tags?|hot|rank|paihang|login"
            + "|meta|share|follow|info|author|date|time|pubtime|source|laiyuan)(?:$|[-_\\s\\d])");

    /** Words in a class or id that make a block likely content. */
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|artical|content|post-?body|entry|hentry"
            + "|h-entry|story|zhengwen|neirong|wenzhang|main|text|blog|body|detail|markdown|prose"
            + "|(?:^|[-_\\s])(?:post|con|cont|txt|wz|page)(?:$|[-_\\s\\d])");

    /** Words in a class or id that make a block likely furniture, for the score. */
    private static final Pattern NEGATIVE = Pattern.compile("(?i)comment|pinglun|share|fenxiang|social|related"
            + "|xiangguan|recommend|tuijian|sidebar|footer|copyright|banquan|advert|guanggao|sponsor|promo"
            + "|widget|hidden|byline|author|contact|shopping|outbrain|taboola|scroll|media|caption|credit"
            + "|(?:^|[-_\\s])(?:ad|ads|nav|menu|tags?|meta|hot|rank|foot|side|info|list)(?:$|[-_\\s\\d])");

    /** Class or id names that override an unlikely match. */
    /** Footnotes belong to the article whatever else their names say ({@code footnotes-list}). */
    private static final Pattern FOOTNOTES = Pattern.compile("(?i)foot-?notes?|endnotes?");
    private static final Pattern MAYBE = Pattern.compile("(?i)article|body|column|content|main|zhengwen|neirong"
            + "|entry|story|shadow");

    /** Roles of page furniture. */
    static final Set<String> FURNITURE_ROLES = Set.of("navigation", "complementary", "banner", "contentinfo", "menu",
            "menubar", "dialog", "alertdialog", "alert", "search", "toolbar");

    /**
     * Elements that are never content. A {@code <form>} is not among them: some sites wrap the whole
     * page in one; its controls are.
     */
    static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer", "button", "select",
            "textarea", "input", "script", "style", "noscript", "template", "iframe", "frame", "object", "embed",
            "dialog", "link", "meta", "canvas", "audio", "video", "map", "label");

    /** A heading that starts a list of other stories. */
    public static final Pattern RELATED_HEADING = Pattern.compile("(?iu)\\s*(?:相关推荐|热点推荐|热门推荐|猜你喜欢|相关阅读|推荐阅读"
            + "|相关文章|相关新闻|延伸阅读|热门文章|热门阅读|热点新闻|精彩推荐|为你推荐|你可能(?:还)?(?:喜欢|感兴趣)|更多精彩"
            + "|热文推荐|大家都在看|related(?: articles| posts| stories| news| content| reading)?"
            + "|recommended(?: for you| articles| stories| reading)?|you (?:may|might) (?:also )?(?:like|enjoy)"
            + "|more (?:stories|articles|news|from \\S.*)|read (?:more|next|also)|also read|most (?:popular|read)(?: in \\S.{0,30})?"
            + "|trending(?: now)?|popular posts|recent posts|editor'?s picks|don'?t miss|you may also be interested in"
            // German, French, Spanish, Portuguese, Italian, Polish, Dutch: the same boxes under their own names.
            + "|lesen sie (?:auch|mehr)|auch interessant|schon gelesen|mehr zum thema(?: \\S.*)?|mehr themen|zum weiterlesen"
            + "|(?:das|dies(?:e[rs]?)?)(?: \\S+)? könnte[n]? (?:dich|sie|euch) (?:auch |ebenfalls )?interessieren"
            + "|weitere informationen(?: zu[mr]? .{1,40})?|mehr zu[mr]? .{1,40}"
            // "Also on <site>": the site's other stories.
            + "|(?:auch auf|also on|aussi sur|también en) \\S+\\.[a-z]{2,}"
            + "|weitere (?:artikel|beiträge|nachrichten|videos|themen|meldungen)(?: zum thema| aus .*| der .*)?|ähnliche (?:artikel|beiträge)"
            + "|verwandte (?:artikel|themen)|meistgelesen|meist gelesen|beliebte (?:artikel|beiträge)|(?:unsere |weitere )?empfehlungen(?: aus dem .*| der redaktion)?"
            + "|(?:à|a) lire (?:aussi|également)|lire aussi|sur le même sujet|articles? (?:similaires|liés|connexes)"
            + "|vous aimerez (?:peut-être )?aussi|dans la même rubrique|les plus lus"
            + "|le(?:a|e) (?:también|más)|(?:también )?te puede interesar|le puede interesar|noticias relacionadas"
            + "|artículos relacionados|más noticias|lo más (?:leído|visto)|vea también|mira también|puedes ver"
            + "|leia também|veja também|notícias relacionadas|mais lidas|leggi anche|articoli correlati"
            + "|potrebbe interessarti|i più letti|czytaj (?:także|też|więcej)|zobacz (?:także|też)|przeczytaj (?:także|też)"
            + "|polecamy|podobne artykuły|najczęściej czytane|lees ook|gerelateerde artikelen|meer nieuws)"
            + "\\s*[:：?!]?\\s*");

    /**
     * A heading that starts the comments, in English and the languages above: like a related
     * box, it ends the article when no article text follows it.
     */
    static final Pattern COMMENTS_HEADING = Pattern.compile("(?iu)\\s*(?:\\d+\\s+)?(?:comments?|leave a (?:comment|reply)"
            + "|post a comment|add a comment|join the (?:discussion|conversation)|kommentare?|kommentar (?:verfassen|schreiben)"
            + "|schreibe(?:n sie)? einen kommentar|kommentieren sie|diskutieren sie mit|commentaires?|laisser un commentaire"
            + "|réagissez|comentarios?|deja (?:un comentario|una respuesta)|comentários|commenti|lascia un commento"
            + "|komentarze?|dodaj komentarz|reacties)\\s*(?:\\(\\d+\\))?\\s*[:：?!]?\\s*");

    /**
     * A paragraph pointing to another story ("Lesen Sie auch: …", "Lea también: …", "Read also: …"):
     * the prefix, then a link.
     */
    static final Pattern SEE_ALSO_PREFIX = Pattern.compile("(?iu)\\s*(?:read (?:also|more|next)|also read|see also"
            + "|lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|(?:à|a) lire (?:aussi|également)|lire aussi"
            + "|voir aussi|le(?:a|e)(?: también| más)?|vea también|mire|mira también|puedes ver|te puede interesar"
            + "|leia também|veja também|leggi anche|czytaj (?:także|też|więcej)|zobacz (?:także|też)|przeczytaj (?:także|też)"
            + "|lees ook|相关阅读|延伸阅读|推荐阅读|相关文章|相关新闻)\\s*[:：»>]\\s*\\S.*");

    /** A label marking an advertisement, in the languages above. */
    static final Pattern AD_LABEL = Pattern.compile("(?iu)\\s*[-–(\\[]?\\s*(?:advertisement|advert|sponsored(?: content)?"
            + "|anzeige|werbung|gesponsert|publicité|publicidad|pubblicità|publicidade|reklama|advertentie|广告)"
            + "\\s*[-–)\\]]?\\s*");

    /**
     * Prompts around an article rather than in it: rate it, share it, subscribe (to the newsletter,
     * to read the rest), follow the site, get its app, print it.
     */
    static final Pattern PROMPT = Pattern.compile("(?isu)\\s*(?:(?:war|ist) (?:der|dieser|dieses) (?:artikel|beitrag|text|seite)"
            + " (?:hilfreich|nützlich|interessant)|wie (?:bewerten|fanden|finden) sie diese[nr]? (?:artikel|beitrag)"
            + "|hier können sie (?:den|diesen) artikel bewerten|(?:möchten sie )?(?:den|diesen) (?:artikel|beitrag) teilen"
            + "|(?:was|is) this (?:article|post|page|story) (?:helpful|useful)|rate this (?:article|post|story)"
            + "|share this (?:article|post|story|page)|did you (?:like|enjoy) this (?:article|post|story)"
            + "|rezept drucken|artikel drucken|print (?:this )?(?:article|recipe|page)|imprimer(?: cette page)?"
            + "|(?:hazte|hágase|werden sie) (?:miembro|mitglied).{0,100})\\s*[.:?!]?\\s*");

    /** Words that make a short line a prompt when they come early in it: newsletters, subscriptions, follow us, apps. */
    static final Pattern PROMPT_WORDS = Pattern.compile("(?iu)^(?:.{0,60}?\\bnewsletter\\b"
            + "|.{0,80}?\\b(?:subscribe|subscription|suscr[ií]bete|abonnieren)\\b"
            + "|.{0,40}?\\b(?:follow|folgen sie|síguenos|suivez-nous|obserwuj)\\b.{0,60}?"
            + "\\b(?:twitter|facebook|instagram|whatsapp|telegram|youtube)\\b|.{0,80}?\\bdownload\\b.{0,40}?\\bapp\\b)");

    /**
     * @param line a short line of text
     * @return whether it is a prompt around the article (see {@link #PROMPT})
     */
    static boolean prompt(String line) {
        return (mayHavePromptWord(line) && PROMPT_WORDS.matcher(line).find()) || PROMPT_LINE.matches(line);
    }

    /** The words of {@link #PROMPT_WORDS}, case-folded: a line holding none of them cannot match it. */
    static final List<String> PROMPT_WORD_STEMS = List.of("newsletter", "subscri", "suscr", "abonnieren",
            "follow", "folgen sie", "síguenos", "suivez-nous", "obserwuj", "download");

    /**
     * From here on (CJK radicals, ideographs, kana, Hangul, full-width forms…), no character folds to a
     * letter of {@link #PROMPT_WORD_STEMS}, so a line's CJK text is not folded.
     */
    static final char FOLDS_TO_NO_STEM_LETTER = '\u2e80';

    /** Folds a character as Unicode case-insensitive matching does (lower case of the upper case). */
    static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /**
     * A quick test that comes before {@link #PROMPT_WORDS}, whose lazy scans cost more than the rest
     * of the copier's line rules on a page of short paragraphs. Folds each character as the
     * pattern's Unicode case-insensitive matching does (lower case of the upper case), so it never
     * rejects a line the pattern would match.
     */
    private static boolean mayHavePromptWord(String line) {
        char[] folded = new char[line.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = line.charAt(i);
            folded[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c)
                    : c >= FOLDS_TO_NO_STEM_LETTER ? c : fold(c);
        }
        String f = new String(folded);
        for (String stem : PROMPT_WORD_STEMS) {
            if (f.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** Lines that end an article: editors, disclaimers, copyright notices. */
    static final Pattern TRAILER = Pattern.compile("(?is)\\s*[（(【\\[]?\\s*(?:责任编辑|责编|编辑|校对|审核|监制)\\s*[:：].{0,40}"
            + "|\\s*(?:特别声明|免责声明|版权声明|声明\\s*[:：]|notice\\s*:\\s*the content above|disclaimer\\s*:"
            + "|本文(?:为|系)?(?:作者|转载|原创).{0,10}(?:版权|授权|声明)|版权(?:所有|归)|未经(?:授权|许可).{0,6}(?:转载|禁止)"
            + "|©|\\(c\\)\\s*\\d{4}|copyright\\s*(?:©|\\(c\\)|\\d{4})|all rights reserved).*");

    /**
     * A line giving the article's publication or update date or its category, in the languages
     * above ("Veröffentlicht am 3. März", "Last updated: …", "Category: …"): the label, then a colon
     * or a number; a bare "Date: …" label, which is a common word, only with a colon; or a blog's
     * "This entry was posted in …" line.
     */
    static final Pattern DATE_LINE = Pattern.compile("(?isu)\\s*(?:(?:veröffentlich(?:t|ung)|(?:zuletzt )?aktualisiert"
            + "|published|updated|posted|last (?:updated|modified)|ultima modifica|release date|fecha de publicación"
            + "|publicado|actualizado|publié|mis à jour|opublikowano|zaktualizowano|category|kategorie|categoría"
            + "|catégorie)(?: (?:on|in|am|el|le))?\\s*(?:[:：]\\s*.{0,40}|\\D{0,20}\\d.{0,20})"
            + "|(?:news |publication |post |release )?(?:date|datum|fecha|data)\\s*[:：]\\s*.{0,40}"
            + "|this entry was posted in .{0,60})");

    /** Share bars and counters written out as text. */
    static final Pattern SHARE_TEXT = Pattern.compile("(?is)\\s*(?:\\d+\\s*)?(?:分享到|分享至|分享|share(?: this| on)?"
            + "|tweet|点赞|收藏|举报|转发)\\s*[:：]?.{0,30}");

    /** Addresses of spacer and tracking images ({@code spacer.gif}, {@code 1x1.png}, {@code pixel.gif}…). */
    private static final Pattern SPACER_SRC = Pattern.compile("(?i)(?:^|[/_.\\-])(?:spacer|blank|pixel|transparent|1x1"
            + "|tracking|tracker|beacon)(?:[_.\\-]\\w*)?\\.(?:gif|png)(?:$|[?#])"
            + "|/(?:pixel|beacon|tracking|track)(?:$|[/?])");

    /** The line patterns above with their quick first-character test (see {@link LineRule}). */
    static final LineRule RELATED_LINE = new LineRule(RELATED_HEADING);
    static final LineRule COMMENTS_LINE = new LineRule(COMMENTS_HEADING);
    static final LineRule SEE_ALSO_LINE = new LineRule(SEE_ALSO_PREFIX);
    static final LineRule AD_LINE = new LineRule(AD_LABEL);
    static final LineRule PROMPT_LINE = new LineRule(PROMPT);
    static final LineRule TRAILER_LINE = new LineRule(TRAILER);
    static final LineRule DATE_OR_CATEGORY_LINE = new LineRule(DATE_LINE);
    static final LineRule SHARE_LINE = new LineRule(SHARE_TEXT);

    private Hints() {
    }

    /**
     * @param src an image's address
     * @param width its width attribute, or ""
     * @param height its height attribute, or ""
     * @return whether it is a spacer or a tracking pixel rather than a picture: at most 2 pixels
     *     in a declared dimension, or named so
     */
    public static boolean spacerImage(String src, String width, String height) {
        if (tiny(width) || tiny(height)) {
            return true;
        }
        return SPACER_SRC.matcher(src).find();
    }

    private static boolean tiny(String size) {
        String s = size.strip();
        if (s.endsWith("px")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        if (s.isEmpty() || s.length() > 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(s) <= 2;
    }

    /** Names of an article's lead: standfirst, teaser, summary, in the conventions of several languages. */
    private static final Pattern LEAD = Pattern.compile("(?i)lead(?!er)|intro|teaser|excerpt|summary|standfirst"
            + "|chapo|chapeau|perex|bajada|entradilla|abstract|description|subtitle|subheadline");

    /**
     * @param e an element
     * @return whether its class or id names it the article's lead (not a leaderboard advertisement)
     */
    static boolean lead(Element e) {
        String names = names(e);
        return !names.isEmpty() && LEAD.matcher(names).find();
    }

    private static final Pattern CAPTION = Pattern.compile("(?i)caption|credit|figure|photo|image|media|gallery|asset");

    /**
     * @param e an element
     * @return whether its class or id names it a picture, a caption or a credit
     */
    static boolean caption(Element e) {
        String names = names(e);
        return !names.isEmpty() && CAPTION.matcher(names).find();
    }

    /**
     * @param kind a furniture kind given by {@link #furniture}
     * @return whether names of that kind mean a short line or a list of links (headers, menus,
     *     share bars, date, tags and meta lines), which a block of plain text is not
     */
    static boolean namedLineOrMenu(String kind) {
        return kind.equals("header block") || kind.equals("navigation") || kind.equals("share bar")
                || kind.equals("byline, date or tags line");
    }

    private static final Pattern BYLINE = Pattern.compile("(?i)author|byline");

    /**
     * @param e an element
     * @return whether its names say it is about the author (a byline, an author's box)
     */
    static boolean byline(Element e) {
        String names = names(e);
        return !names.isEmpty() && BYLINE.matcher(names).find();
    }

    /** Words of {@link #NEGATIVE} that say what kind of box a block is, not that it is furniture. */
    private static final Pattern WRAPPER_WORDS = Pattern.compile("(?i)widget|list|info");

    /** A call to action (subscribe, donate, sign up) in a box word's clothing. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile("(?i)(?:^|[-_\\s])cta(?:$|[-_\\s\\d])");

    /**
     * @param e an element
     * @return whether its names count against it only through box words ({@code widget},
     *     {@code list}, {@code info}), which page builders give every box, paragraphs included
     */
    static boolean wrapperName(Element e) {
        String names = names(e);
        return !names.isEmpty() && NEGATIVE.matcher(names).find() && !CALL_TO_ACTION.matcher(names).find()
                && !NEGATIVE.matcher(WRAPPER_WORDS.matcher(names).replaceAll(" ")).find();
    }

    private static final Pattern CAPTION_TEXT = Pattern.compile("(?i)caption|credit|legend");

    /**
     * @param e an element
     * @return whether its class or id names it a picture's caption or credit (not the picture's box)
     */
    static boolean captionText(Element e) {
        String names = names(e);
        return !names.isEmpty() && NAME_CAPTIONS.get().computeIfAbsent(names, n -> CAPTION_TEXT.matcher(n).find());
    }

    /** @return the element's class and id, joined */
    static String names(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty()) {
            return id;
        }
        return id.isEmpty() ? cls : cls + " " + id;
    }

    /**
     * @param e an element
     * @param byName whether class and id names count, not only tags, roles and hidden styles
     * @return why it is page furniture, or {@code null} when it may be content
     */
    static @Nullable String furniture(Element e, boolean byName) {
        String tag = e.normalName();
        if (FURNITURE_TAGS.contains(tag)) {
            return tag.equals("nav") ? "navigation" : tag.equals("aside") ? "aside" : tag.equals("footer") ? "footer"
                    : "<" + tag + ">";
        }
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden")) && !tag.equals("img")) {
            return "hidden block";
        }
        String style = e.attr("style");
        if (!style.isEmpty()) {
            String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (s.contains("display:none") || s.contains("visibility:hidden")) {
                return "hidden block";
            }
        }
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (FURNITURE_ROLES.contains(role)) {
            return role + " block";
        }
        if (tag.equals("body") || tag.equals("html") || tag.equals("a") || tag.equals("main")
                || tag.equals("article") || tag.equals("img") || tag.equals("pre") || tag.equals("code")) {
            return null;
        }
        String names = names(e);
        if (names.isEmpty() || !byName) {
            return null;
        }
        String verdict = NAME_VERDICTS.get().computeIfAbsent(names, Hints::nameVerdict);
        if (!verdict.isEmpty() && !"articleBody".equals(e.attr("itemprop"))) {
            return verdict;
        }
        return null;
    }

    /**
     * Class names repeat within a page: what the patterns say about each is computed once per
     * thread (the caches are cleared when they grow large).
     */
    private static final ThreadLocal<java.util.Map<String, String>> NAME_VERDICTS =
            ThreadLocal.withInitial(() -> new BoundedMap<>());
    private static final ThreadLocal<java.util.Map<String, Integer>> NAME_WEIGHTS =
            ThreadLocal.withInitial(() -> new BoundedMap<>());
    private static final ThreadLocal<java.util.Map<String, Boolean>> NAME_CAPTIONS =
            ThreadLocal.withInitial(() -> new BoundedMap<>());

    /** A map that forgets everything past a few thousand entries, so hostile pages cannot grow it. */
    private static final class BoundedMap<K, V> extends java.util.HashMap<K, V> {
        private static final long serialVersionUID = 1L;

        @Override
        public V computeIfAbsent(K key, java.util.function.Function<? super K, ? extends V> f) {
            if (size() > 4096) {
                clear();
            }
            return super.computeIfAbsent(key, f);
        }
    }

    /** @return the furniture kind the names say, or "" */
    private static String nameVerdict(String names) {
        if (FOOTNOTES.matcher(names).find()) {
            return "";
        }
        var m = UNLIKELY.matcher(names);
        if (m.find() && !MAYBE.matcher(names).find()) {
            return kind(m.group().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        }
        return "";
    }

    private static int nameWeight(String names) {
        int w = 0;
        if (POSITIVE.matcher(names).find()) {
            w += 25;
        }
        if (NEGATIVE.matcher(names).find() && !FOOTNOTES.matcher(names).find()) {
            w -= 25;
        }
        return w;
    }

    private static String kind(String word) {
        return switch (word) {
            case "comment", "pinglun", "disqus", "utterances", "giscus" -> "comment area";
            case "share", "sharing", "fenxiang", "social", "follow" -> "share bar";
            case "related", "xiangguan", "recommend", "tuijian", "hot", "rank", "paihang" -> "related list";
            case "footer", "copyright", "banquan" -> "footer";
            case "advert", "guanggao", "sponsor", "promo", "ad", "ads", "adv" -> "advertisement";
            case "gutter", "linenumbers", "linenos" -> "line numbers";
            case "nav", "navbar", "menu", "breadcrumb", "crumbs", "postnav", "prevnext", "pagination", "pager" ->
                "navigation";
            case "tag", "tags", "meta", "info", "author", "byline", "date", "time", "pubtime", "source", "laiyuan" ->
                "byline, date or tags line";
            default -> word + " block";
        };
    }

    /**
     * @param e an element
     * @return the class/id weight: +25 for a content name, -25 for a furniture name, plus a bonus
     *     for the article markers
     */
    static int weight(Element e) {
        int w = 0;
        String names = names(e);
        if (!names.isEmpty()) {
            w += NAME_WEIGHTS.get().computeIfAbsent(names, Hints::nameWeight);
        }
        String itemprop = e.attr("itemprop");
        if (itemprop.equals("articleBody") || itemprop.equals("text")) {
            w += 30;
        }
        String tag = e.normalName();
        if (tag.equals("article")) {
            w += 10;
        } else if (tag.equals("main")) {
            w += 5;
        }
        return w;
    }
}
