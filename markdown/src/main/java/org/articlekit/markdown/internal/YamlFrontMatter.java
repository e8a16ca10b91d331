package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads YAML front matter safely: the text is checked for nesting depth before SnakeYAML sees it
 * (its composer recurses), composed with the Failsafe schema (every scalar is its source string;
 * nothing is instantiated), and walked here: tags other than the standard scalar, list and map
 * tags are refused, duplicate keys are refused, and a value budget stops alias bombs.
 */
final class YamlFrontMatter {

    private static final Set<String> ALLOWED_TAGS = Set.of(Tag.STR.getValue(), Tag.SEQ.getValue(),
            Tag.MAP.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(),
            Tag.PREFIX + "timestamp");

    /** Failsafe schema (scalars stay strings), no duplicate or recursive keys, at most 50 aliases. */
    private static final LoadSettings SETTINGS = LoadSettings.builder().setSchema(new FailsafeSchema())
            .setAllowDuplicateKeys(false).setAllowRecursiveKeys(false).setMaxAliasesForCollections(50)
            .setCodePointLimit(16 << 20).setUseMarks(true).setLabel("front matter").build();

    private final ConversionContext ctx;
    private final int firstLine;
    private int budget = FrontMatterValues.MAX_VALUES;

    private YamlFrontMatter(ConversionContext ctx, int firstLine) {
        this.ctx = ctx;
        this.firstLine = firstLine;
    }

    /**
     * @param text the YAML between the fences
     * @param firstLine the file line where it starts
     * @param ctx for errors
     * @return the values; empty for blank front matter
     * @throws ArticleFormatException when the YAML is malformed, not a map, too deep or unsafe
     */
    static FrontMatterValues read(String text, int firstLine, ConversionContext ctx) throws ArticleFormatException {
        FrontMatterValues out = new FrontMatterValues();
        if (text.isBlank()) {
            return out;
        }
        int deep = NestingScan.yamlTooDeepLine(text, FrontMatterValues.MAX_DEPTH);
        if (deep > 0) {
            throw ctx.error(firstLine + deep - 1, "front matter is nested deeper than " + FrontMatterValues.MAX_DEPTH
                    + " levels", null);
        }
        Optional<Node> root;
        try {
            root = new Composer(SETTINGS, new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text))).getSingleNode();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + firstLine).orElse(firstLine);
            throw ctx.error(line, "front matter is not valid YAML: " + oneLine(e.getProblem() != null ? e.getProblem()
                    : e.getMessage()), e);
        } catch (YamlEngineException e) {
            throw ctx.error(firstLine, "front matter is not valid YAML: " + oneLine(e.getMessage()), e);
        } catch (NumberFormatException e) {
            // SnakeYAML Engine parses a cut-off hexadecimal escape (x, u or U after a backslash) in a
            // double-quoted scalar with Integer.parseInt unchecked (found by FrontMatterFuzzTest)
            throw ctx.error(firstLine, "front matter is not valid YAML: a bad escape sequence in a quoted string", e);
        } catch (IllegalArgumentException e) {
            // SnakeYAML Engine rejects some tags (a cut-off %-escape such as !s8%E) with a plain
            // IllegalArgumentException rather than its own exception (found by FrontMatterFuzzTest)
            throw ctx.error(firstLine, "front matter is not valid YAML: " + oneLine(e.getMessage()), e);
        }
        if (root.isEmpty()) {
            return out;
        }
        Node node = root.get();
        YamlFrontMatter reader = new YamlFrontMatter(ctx, firstLine);
        if (!(node instanceof MappingNode map)) {
            if (node instanceof ScalarNode s && s.getValue().isBlank()) {
                return out;
            }
            throw ctx.error(reader.line(node), "front matter is a " + kind(node) + ", not a map of keys and values",
                    null);
        }
        reader.checkTag(node);
        for (NodeTuple t : map.getValue()) {
            String key = reader.key(t.getKeyNode(), out.values.keySet());
            out.lines.put(key, reader.line(t.getKeyNode()));
            out.values.put(key, reader.value(t.getValueNode(), 1));
        }
        return out;
    }

    private @Nullable Object value(Node node, int depth) throws ArticleFormatException {
        if (--budget < 0) {
            throw ctx.error(line(node), "front matter holds more than " + FrontMatterValues.MAX_VALUES
                    + " values (aliases counted at each use)", null);
        }
        if (depth > FrontMatterValues.MAX_DEPTH) {
            throw ctx.error(line(node), "front matter is nested deeper than " + FrontMatterValues.MAX_DEPTH + " levels",
                    null);
        }
        checkTag(node);
        if (node instanceof ScalarNode s) {
            return s.isPlain() ? FrontMatterValues.plain(s.getValue()) : s.getValue();
        }
        if (node instanceof SequenceNode seq) {
            List<@Nullable Object> list = new ArrayList<>();
            for (Node n : seq.getValue()) {
                list.add(value(n, depth + 1));
            }
            return list;
        }
        MappingNode map = (MappingNode) node;
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = key(t.getKeyNode(), m.keySet());
            m.put(key, value(t.getValueNode(), depth + 1));
        }
        return m;
    }

    private String key(Node node, Set<String> seen) throws ArticleFormatException {
        checkTag(node);
        if (!(node instanceof ScalarNode s)) {
            throw ctx.error(line(node), "front matter has a " + kind(node) + " as a key; keys must be text", null);
        }
        String key = s.getValue();
        if (key.isBlank()) {
            throw ctx.error(line(node), "front matter has an empty key", null);
        }
        if (seen.contains(key)) {
            throw ctx.error(line(node), "front matter has the key '" + key + "' twice", null);
        }
        if (--budget < 0) {
            throw ctx.error(line(node), "front matter holds more than " + FrontMatterValues.MAX_VALUES + " values",
                    null);
        }
        return key;
    }

    private void checkTag(Node node) throws ArticleFormatException {
        String tag = node.getTag().getValue();
        if (!ALLOWED_TAGS.contains(tag)) {
            throw ctx.error(line(node), "front matter uses the tag " + (tag.startsWith(Tag.PREFIX)
                    ? "!!" + tag.substring(Tag.PREFIX.length()) : tag) + "; global and custom tags are not allowed",
                    null);
        }
    }

    private int line(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(0) + firstLine;
    }

    private static String kind(Node node) {
        return node instanceof SequenceNode ? "list" : node instanceof MappingNode ? "map" : "single value";
    }

    private static String oneLine(@Nullable String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
