package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Entities;
import org.jspecify.annotations.Nullable;

/**
 * Expands the common Hexo tag plugins before the Markdown parser sees the body: {@code asset_img}
 * and {@code img} become images, {@code codeblock} a fenced code block, {@code blockquote} and
 * {@code note} block quotes, {@code raw} its content. An unknown tag stays as visible text with a
 * {@code markdown.tag} warning. Tags inside fenced code, inline code, or escaped as
 * {@code \{%} are left alone.
 */
final class HexoTags {

    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)([^\\n]*?)\\s*-?%}");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

    /** After this many unknown or unclosed tags, the rest are counted in one last warning. */
    private static final int MAX_WARNINGS = 20;

    private final ConversionContext ctx;
    private final String assetFolder;
    private final int firstLine;
    private final java.util.Set<String> unclosed = new java.util.HashSet<>();
    private int warnings;
    private int unreported;

    private HexoTags(ConversionContext ctx, String assetFolder, int firstLine) {
        this.ctx = ctx;
        this.assetFolder = assetFolder;
        this.firstLine = firstLine;
    }

    /**
     * @param body the Markdown body
     * @param assetFolder the post's asset folder (its file name without extension), or empty
     * @param firstLine the file line where the body starts
     * @param ctx for warnings
     * @return the body with tags expanded; the same string when it has no {@code {%}
     * @throws ArticleFormatException in strict mode, on an unknown tag
     */
    static String expand(String body, String assetFolder, int firstLine, ConversionContext ctx)
            throws ArticleFormatException {
        if (!body.contains("{%")) {
            return body;
        }
        return new HexoTags(ctx, assetFolder, firstLine).expand(body);
    }

    private String expand(String body) throws ArticleFormatException {
        String[] lines = body.split("\n", -1);
        StringBuilder out = new StringBuilder(body.length() + 64);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (fence != null) {
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                        && line.strip().length() == f.group(1).length()) {
                    fence = null;
                }
                out.append(line).append('\n');
                continue;
            }
            if (f.find()) {
                fence = f.group(1);
                out.append(line).append('\n');
                continue;
            }
            Matcher m = TAG.matcher(line);
            int last = 0;
            int ticksAt = 0;
            int ticks = 0;
            while (m.find()) {
                for (; ticksAt < m.start(); ticksAt++) {
                    if (line.charAt(ticksAt) == '`') {
                        ticks++;
                    }
                }
                if (ticks % 2 == 1 || m.start() > 0 && line.charAt(m.start() - 1) == '\\') {
                    continue;
                }
                String name = m.group(1);
                List<String> args = args(m.group(2));
                out.append(line, last, m.start());
                last = m.end();
                String end = "end" + name;
                switch (name) {
                    case "asset_img", "asset_image", "img", "image" -> {
                        String img = name.startsWith("asset") ? assetImage(args) : image(args);
                        boolean alone = line.strip().equals(m.group().strip());
                        out.append(alone && !img.isEmpty() ? "<p>" + img + "</p>" : img);
                    }
                    case "codeblock", "code", "blockquote", "quote", "note", "raw", "callout" -> {
                        int[] close = unclosed.contains(end) ? null : findEnd(lines, i, m.end(), end);
                        if (close == null) {
                            unclosed.add(end);
                            warn(firstLine + i, "the Hexo tag {% " + name + " %} is never closed by {% " + end
                                    + " %}; kept as text");
                            out.append(line, m.start(), m.end());
                            continue;
                        }
                        String content = between(lines, i, m.end(), close[0], close[1]);
                        if (name.equals("raw")) {
                            out.append(content);
                        } else {
                            out.append('\n').append(block(name, args, content)).append('\n');
                        }
                        // Continue after the closing tag, on its line.
                        i = close[0];
                        line = lines[i];
                        m = TAG.matcher(line);
                        m.region(close[2], line.length());
                        last = close[2];
                        ticksAt = close[2];
                        ticks = 0;
                    }
                    default -> {
                        warn(firstLine + i, "unknown Hexo tag {% " + name + " %}; kept as text");
                        out.append(line, m.start(), m.end());
                    }
                }
            }
            out.append(line, last, line.length());
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (unreported > 0) {
            ctx.warn("markdown.tag", 0, unreported + " more unknown or unclosed Hexo tags were kept as text");
        }
        return out.toString();
    }

    private void warn(int line, String message) throws ArticleFormatException {
        if (warnings++ < MAX_WARNINGS) {
            ctx.warn("markdown.tag", line, message);
        } else {
            unreported++;
        }
    }

    /** Where {@code {% end %}} is: its line, and the columns where it starts and ends; or null. */
    private static int @Nullable [] findEnd(String[] lines, int from, int col, String end) {
        Pattern p = Pattern.compile("\\{%-?\\s*" + end + "\\s*-?%}");
        for (int i = from; i < lines.length; i++) {
            Matcher m = p.matcher(lines[i]);
            if (m.find(i == from ? col : 0)) {
                return new int[] {i, m.start(), m.end()};
            }
        }
        return null;
    }

    private static String between(String[] lines, int from, int col, int to, int toCol) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            String l = lines[i];
            int start = i == from ? col : 0;
            int stop = i == to ? toCol : l.length();
            sb.append(l, start, Math.max(start, stop));
            if (i < to) {
                sb.append('\n');
            }
        }
        String s = sb.toString();
        if (s.startsWith("\n")) {
            s = s.substring(1);
        }
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private String block(String name, List<String> args, String content) {
        switch (name) {
            case "codeblock", "code" -> {
                String lang = "";
                for (String a : args) {
                    if (a.startsWith("lang:")) {
                        lang = a.substring(5);
                    }
                }
                String fence = "```";
                while (content.contains(fence)) {
                    fence += "`";
                }
                return fence + lang.replaceAll("[^\\w#+.-]", "") + "\n" + content + "\n" + fence + "\n";
            }
            case "raw" -> {
                return content + "\n";
            }
            default -> {
                StringBuilder sb = new StringBuilder();
                for (String l : content.split("\n", -1)) {
                    sb.append(l.isEmpty() ? ">" : "> " + l).append('\n');
                }
                if (name.equals("blockquote") || name.equals("quote")) {
                    String by = String.join(" ", args).strip();
                    if (!by.isEmpty() && !by.startsWith("http")) {
                        sb.append(">\n> — ").append(by.replace("<", "&lt;")).append('\n');
                    }
                }
                return sb.toString();
            }
        }
    }

    private String assetImage(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty() && !looksLikePath(rest.get(0)) && rest.size() > 1) {
            rest.remove(0);
        }
        if (rest.isEmpty()) {
            return "";
        }
        String slug = rest.remove(0);
        String src = assetFolder.isEmpty() || slug.contains("://") ? slug : assetFolder + "/" + slug;
        return img(src, rest);
    }

    private String image(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty() && !looksLikePath(rest.get(0))) {
            rest.remove(0);
        }
        if (rest.isEmpty()) {
            return "";
        }
        return img(rest.remove(0), rest);
    }

    private static boolean looksLikePath(String s) {
        return s.contains("/") || s.contains(".");
    }

    /** An {@code img} tag; after the source come optional width and height, then the title and alt text. */
    private static String img(String src, List<String> rest) {
        @Nullable String width = null;
        @Nullable String height = null;
        if (!rest.isEmpty() && rest.get(0).matches("\\d+(px|%)?")) {
            width = rest.remove(0).replace("px", "");
            if (!rest.isEmpty() && rest.get(0).matches("\\d+(px|%)?")) {
                height = rest.remove(0).replace("px", "");
            }
        }
        String title = rest.isEmpty() ? "" : rest.get(0);
        String alt = rest.size() > 1 ? rest.get(1) : title;
        StringBuilder sb = new StringBuilder("<img src=\"").append(Entities.escape(src)).append('"');
        sb.append(" alt=\"").append(Entities.escape(alt)).append('"');
        if (!title.isEmpty()) {
            sb.append(" title=\"").append(Entities.escape(title)).append('"');
        }
        if (width != null && !width.endsWith("%")) {
            sb.append(" width=\"").append(width).append('"');
        }
        if (height != null && !height.endsWith("%")) {
            sb.append(" height=\"").append(height).append('"');
        }
        return sb.append(" />").toString();
    }

    private static List<String> args(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = ARG.matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }
}
