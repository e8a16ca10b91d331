package org.articlekit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Would SnakeYAML Engine's emitter or tomlj's serialiser keep what ours keep? Over a folder of real
 * posts (the visible corpus; nothing is copied from it), each post is read by the Markdown reader
 * and written again with YAML and with TOML front matter by our emitters. The library then writes
 * the same values: SnakeYAML Engine's {@link Dump} the map its loader reads from our YAML, tomlj's
 * {@code toToml()} the table its parser reads from our TOML. For each front matter the program
 * checks what a reader of the library's text gets: the same values (re-parse equality), the same
 * key order, strings that a YAML 1.1 reader (Jekyll's Psych, the 1.1 mode of other tools) would
 * take for another type left unquoted ({@code yes}, {@code no}, {@code on}, {@code 007},
 * {@code 0x1F}, {@code 1_000}, {@code 12:30}), CJK written as escapes, and multi-line strings
 * written otherwise than ours. It prints the counts.
 *
 * <p>{@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.articlekit.benchmarks.FrontMatterEmitters [DIR]} (default {@code ../shared/corpus/posts}).
 */
public final class FrontMatterEmitters {

    /** Plain scalars that YAML 1.1 resolves to a boolean, an octal, hexadecimal or sexagesimal number. */
    private static final Pattern YAML11_OTHER_TYPE = Pattern.compile(
            "(?i:y|n|yes|no|on|off|true|false)|[-+]?0[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9][0-9_]*_[0-9_]*"
                    + "|[-+]?[0-9]+(:[0-5]?[0-9])+|0b[01]+");
    private static final Pattern CJK_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private FrontMatterEmitters() {
    }

    /**
     * @param args {@code [DIR]}
     * @throws Exception when the folder cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpus/posts");
        if (!Files.isDirectory(dir)) {
            System.out.println("skipped: no corpus at " + dir);
            return;
        }
        List<Path> posts;
        try (Stream<Path> s = Files.walk(dir)) {
            posts = s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown")).sorted().toList();
        }
        FormatRegistry registry = FormatRegistry.defaults();
        ArticleReader reader = registry.byId("markdown").reader().orElseThrow();
        ArticleWriter writer = registry.byId("markdown").writer().orElseThrow();
        Load load = new Load(LoadSettings.builder().build());
        Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());
        Map<String, Integer> yaml = new TreeMap<>();
        Map<String, Integer> toml = new TreeMap<>();
        int read = 0;
        int unreadable = 0;
        for (Path post : posts) {
            Article a;
            try {
                a = reader.read(new ByteArrayInputStream(Files.readAllBytes(post)),
                        ConversionContext.builder().sourceName(post.getFileName().toString()).build());
            } catch (Exception e) {
                unreadable++;
                continue;
            }
            read++;
            String ourYaml = block(write(writer, a, MarkdownOptions.FrontMatter.YAML), "---");
            String ourToml = block(write(writer, a, MarkdownOptions.FrontMatter.TOML), "+++");
            if (ourYaml != null) {
                Object ours = load.loadFromString(ourYaml);
                if (!(ours instanceof Map<?, ?>)) {
                    continue;
                }
                String theirs = dump.dumpToString(ours);
                count(yaml, "front matters", true);
                count(yaml, "values differ on re-parse", !ours.equals(load.loadFromString(theirs)));
                count(yaml, "key order differs", ours instanceof Map<?, ?> m
                        && !new ArrayList<>(m.keySet()).equals(new ArrayList<>(((Map<?, ?>) load.loadFromString(theirs))
                                .keySet())));
                count(yaml, "a string a YAML 1.1 reader takes for another type left unquoted",
                        plainYaml11Hazard(ourYaml) < plainYaml11Hazard(theirs));
                count(yaml, "CJK written as \\u escapes", cjkEscaped(theirs) && !cjkEscaped(ourYaml));
                count(yaml, "multi-line string: a | block (ours: one quoted line with \\n)",
                        theirs.contains(": |") && !ourYaml.contains(": |"));
                count(yaml, "(ours quotes a string a YAML 1.1 reader would retype)", ourYaml.matches(
                        "(?s).*: '(?i:y|n|yes|no|on|off|[-+]?0[0-7]+|[0-9]+(:[0-5]?[0-9])+)'\n.*"));
                count(yaml, "output text identical to ours", theirs.equals(ourYaml));
            }
            if (ourToml != null && !ourToml.isBlank()) {
                TomlParseResult ours = Toml.parse(ourToml);
                if (ours.hasErrors()) {
                    count(toml, "our TOML not read by tomlj", true);
                    continue;
                }
                String theirs = ours.toToml();
                TomlParseResult again = Toml.parse(theirs);
                count(toml, "front matters", true);
                count(toml, "tomlj cannot read its own output", again.hasErrors());
                count(toml, "values differ on re-parse", !again.hasErrors() && !plain(ours).equals(plain(again)));
                count(toml, "key order differs", !new ArrayList<>(ours.keySet()).equals(new ArrayList<>(again.keySet())));
                count(toml, "CJK written as \\u escapes", cjkEscaped(theirs) && !cjkEscaped(ourToml));
                count(toml, "multi-line string: a \"\"\" block (ours: one quoted line with \\n)",
                        theirs.contains("\"\"\"") && !ourToml.contains("\"\"\""));
                count(toml, "output text identical to ours", theirs.equals(ourToml));
            }
        }
        System.out.printf(Locale.ROOT, "%d posts read (%d not readable) from %s%n", read, unreadable, dir);
        System.out.println("SnakeYAML Engine Dump (block style) of the values of our YAML:");
        yaml.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-70s %5d%n", k, v));
        System.out.println("tomlj toToml() of the table of our TOML:");
        toml.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-70s %5d%n", k, v));
    }

    /** A table's values as plain maps and lists, which compare by value. */
    private static Object plain(Object v) {
        if (v instanceof org.tomlj.TomlTable t) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (String k : t.keySet()) {
                m.put(k, plain(t.get(List.of(k))));
            }
            return m;
        }
        if (v instanceof org.tomlj.TomlArray a) {
            List<Object> l = new ArrayList<>();
            for (Object o : a.toList()) {
                l.add(plain(o));
            }
            return l;
        }
        return v;
    }

    private static void count(Map<String, Integer> counts, String what, boolean hit) {
        counts.merge(what, hit ? 1 : 0, Integer::sum);
    }

    private static String write(ArticleWriter writer, Article a, MarkdownOptions.FrontMatter fm) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarkdownOptions options = MarkdownOptions.builder().frontMatter(fm).build();
        writer.write(a, out, ConversionContext.builder().sourceName("post.md").options(FormatOptions.of(options)).build());
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The text between the first two fence lines, or null when the post has no front matter. */
    private static String block(String md, String fence) {
        if (!md.startsWith(fence + "\n")) {
            return null;
        }
        int end = md.indexOf("\n" + fence + "\n", fence.length());
        return end < 0 ? null : md.substring(fence.length() + 1, end + 1);
    }

    /** How many plain (unquoted) values of a block mapping are YAML 1.1 booleans or odd numbers. */
    private static int plainYaml11Hazard(String yaml) {
        int n = 0;
        for (String line : yaml.split("\n")) {
            String v = line.strip();
            int colon = v.indexOf(": ");
            if (v.startsWith("- ")) {
                v = v.substring(2);
            } else if (colon >= 0) {
                v = v.substring(colon + 2);
            } else {
                continue;
            }
            if (YAML11_OTHER_TYPE.matcher(v.strip()).matches()) {
                n++;
            }
        }
        return n;
    }

    private static boolean cjkEscaped(String text) {
        Matcher m = CJK_ESCAPE.matcher(text);
        while (m.find()) {
            if (Integer.parseInt(m.group(1), 16) >= 0x2E80) {
                return true;
            }
        }
        return false;
    }
}
