package org.articlekit.benchmarks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.articlekit.benchmarks.PostGenerator.Post;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Which JSON library reads our JSON fastest: Jackson 3's streaming parser (as core's {@code Json}
 * uses it: tokens into ordered maps and lists) against SnakeYAML Engine loading the same text with
 * its JSON schema, on JSON-LD blocks and JSON feeds made from {@link PostGenerator}'s posts (seed
 * 42). Both must give the same values; the program counts the inputs where they differ.
 *
 * <p>{@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.articlekit.benchmarks.JsonParsers [POSTS] [ROUNDS]} (defaults 1000 and 15); it prints the
 * median time of a round over all inputs and the throughput in MB/s.
 */
public final class JsonParsers {

    private static final JsonFactory JACKSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

    private JsonParsers() {
    }

    /**
     * @param args {@code [POSTS] [ROUNDS]}
     * @throws Exception when a parser fails
     */
    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        PostGenerator g = new PostGenerator(PostGenerator.DEFAULT_SEED);
        List<String> ld = new ArrayList<>();
        List<String> feeds = new ArrayList<>();
        List<Post> batch = new ArrayList<>();
        for (int n = 0; n < posts; n++) {
            Post p = g.post(n);
            ld.add(jsonLd(p));
            batch.add(p);
            if (batch.size() == 20) {
                feeds.add(feed(batch));
                batch.clear();
            }
        }
        LoadSettings settings = LoadSettings.builder().setSchema(new JsonSchema())
                .setCodePointLimit(64 * 1024 * 1024).build();
        for (String name : List.of("JSON-LD", "JSON feed")) {
            List<String> inputs = name.equals("JSON-LD") ? ld : feeds;
            long bytes = inputs.stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
            int differ = 0;
            for (String s : inputs) {
                Object a = jackson(s);
                Object b = normal(new Load(settings).loadFromString(s));
                if (!a.equals(b)) {
                    differ++;
                }
            }
            double j = median(rounds, () -> inputs.forEach(JsonParsers::jackson));
            double y = median(rounds, () -> inputs.forEach(s -> new Load(settings).loadFromString(s)));
            System.out.printf(Locale.ROOT, "%s: %d inputs, %.2f MB; values differ in %d%n", name, inputs.size(),
                    bytes / 1e6, differ);
            System.out.printf(Locale.ROOT, "  Jackson 3 streaming   %8.2f ms  %7.1f MB/s%n", j, bytes / 1e3 / j);
            System.out.printf(Locale.ROOT, "  SnakeYAML Engine JSON %8.2f ms  %7.1f MB/s  (%.1f x Jackson)%n", y,
                    bytes / 1e3 / y, y / j);
        }
    }

    private static double median(int rounds, Runnable r) {
        for (int i = 0; i < 5; i++) {
            r.run();
        }
        double[] t = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[rounds / 2];
    }

    /** Tokens into ordered maps and lists, as core's {@code Json.parse} does. */
    static Object jackson(String s) {
        try (JsonParser p = JACKSON.createParser(ObjectReadContext.empty(), s)) {
            return value(p, p.nextToken());
        }
    }

    private static Object value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n == JsonToken.PROPERTY_NAME; n = p.nextToken()) {
                    String k = p.currentName();
                    m.put(k, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    l.add(value(p, n));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT, LONG -> p.getLongValue();
                    default -> p.getBigIntegerValue();
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            default -> {
                return "null";
            }
        }
    }

    /** SnakeYAML's values in Jackson's terms: integers as longs, null as the marker above. */
    private static Object normal(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normal(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normal(x)));
            return out;
        }
        return v;
    }

    private static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                default -> sb.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    /** A schema.org BlogPosting block as blog pages carry it. */
    static String jsonLd(Post p) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"@context\": \"https://schema.org\",\n  \"@type\": \"BlogPosting\",\n");
        sb.append("  \"headline\": ").append(q(p.title())).append(",\n");
        sb.append("  \"datePublished\": ").append(q(p.date())).append(",\n");
        sb.append("  \"author\": {\"@type\": \"Person\", \"name\": ").append(q(p.author())).append("},\n");
        sb.append("  \"keywords\": [");
        for (int i = 0; i < p.tags().size(); i++) {
            sb.append(i > 0 ? ", " : "").append(q(p.tags().get(i)));
        }
        sb.append("],\n  \"image\": {\"@type\": \"ImageObject\", \"url\": \"https://example.org/").append(p.cover())
                .append("\", \"width\": 1200, \"height\": 630},\n");
        sb.append("  \"wordCount\": ").append(p.markdown().length()).append(",\n");
        sb.append("  \"isAccessibleForFree\": true,\n  \"rating\": 4.5,\n");
        sb.append("  \"publisher\": {\"@type\": \"Organization\", \"name\": \"示例博客 Example Blog\", \"logo\": null},\n");
        String text = p.markdown();
        sb.append("  \"description\": ").append(q(text.substring(0, Math.min(300, text.length())))).append("\n}");
        return sb.toString();
    }

    /** A JSON Feed 1.1 document of posts with their HTML bodies. */
    static String feed(List<Post> posts) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"示例博客\", ");
        sb.append("\"home_page_url\": \"https://example.org/\", \"items\": [");
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            sb.append(i > 0 ? ",\n" : "\n").append("{\"id\": ").append(q("https://example.org/" + p.name()))
                    .append(", \"title\": ").append(q(p.title())).append(", \"date_published\": ").append(q(p.date()))
                    .append(", \"authors\": [{\"name\": ").append(q(p.author())).append("}], \"tags\": [");
            for (int t = 0; t < p.categories().size(); t++) {
                sb.append(t > 0 ? ", " : "").append(q(p.categories().get(t)));
            }
            sb.append("], \"content_html\": ").append(q(p.bodyHtml())).append('}');
        }
        return sb.append("\n]}").toString();
    }
}
