package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input (RELIABILITY.md rows 2, 3 and 21), run in a 256 MB JVM with a 512 KB stack: the
 * inputs that make Markdown parsers slow or overflow their stack, after cmark's table of
 * pathological cases (generated here from their descriptions), and front-matter bombs. Each case
 * must end within 4 s with an article or a clean {@link ArticleFormatException}, never a
 * StackOverflowError or OutOfMemoryError.
 */
@Tag("resilience")
class PathologicalInputTest {

    record Case(String name, Supplier<String> input) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("nested strong emphasis", () -> repeat("*a **a ", 65_000) + "b" + repeat(" a** a*", 65_000)),
                new Case("many emphasis closers with no openers", () -> repeat("a_ ", 65_000)),
                new Case("many emphasis openers with no closers", () -> repeat("_a ", 65_000)),
                new Case("many triple-star openers with no closers", () -> repeat("a***", 65_000)),
                new Case("many link closers with no openers", () -> repeat("a]", 65_000)),
                new Case("many link openers with no closers", () -> repeat("[a", 65_000)),
                new Case("mismatched openers and closers", () -> repeat("*a_ ", 50_000)),
                new Case("openers and closers multiple of 3", () -> "a**b" + repeat("c* ", 50_000)),
                new Case("link openers and emphasis closers", () -> repeat("[ a_", 50_000)),
                new Case("pattern [ (]( repeated", () -> repeat("[ (](", 80_000)),
                new Case("pattern ![[]() repeated", () -> repeat("![[]()", 160_000)),
                new Case("hard link and emphasis case", () -> "**x [a*b**c*](d)"),
                new Case("nested brackets", () -> repeat("[", 50_000) + "a" + repeat("]", 50_000)),
                new Case("nested images", () -> repeat("![", 30_000) + "a" + repeat("](b)", 30_000)),
                new Case("nested block quotes", () -> repeat("> ", 50_000) + "a"),
                new Case("deeply nested lists", () -> IntStream.range(0, 1000).mapToObj(i -> "  ".repeat(i) + "* a\n")
                        .reduce("", String::concat)),
                new Case("deeply nested ordered lists", () -> IntStream.range(0, 1000)
                        .mapToObj(i -> "   ".repeat(i) + "1. a\n").reduce("", String::concat)),
                new Case("U+0000 in input", () -> "abc\u0000de\u0000"),
                new Case("backticks", () -> IntStream.range(1, 5000).mapToObj(i -> "e" + "`".repeat(i))
                        .reduce("", String::concat)),
                new Case("unclosed links A", () -> repeat("[a](<b", 30_000)),
                new Case("unclosed links B", () -> repeat("[a](b", 30_000)),
                new Case("unclosed comments", () -> "</" + repeat("<!--", 300_000)),
                new Case("unclosed processing instructions", () -> repeat("a <?", 100_000)),
                new Case("unclosed CDATA", () -> repeat("a <![CDATA[", 50_000)),
                new Case("many link reference definitions", () -> IntStream.range(0, 50_000)
                        .mapToObj(i -> "[" + i + "]: u\n").reduce(new StringBuilder(), StringBuilder::append,
                                StringBuilder::append) + repeat("[0] ", 50_000)),
                new Case("many references to one definition", () -> "[x]: /u\n\n" + repeat("[x] ", 100_000)),
                new Case("nested emphasis runs", () -> repeat("*", 50_000) + "a" + repeat("*", 50_000)),
                new Case("a wide table", () -> "|" + repeat("a|", 1_000) + "\n|" + repeat("-|", 1_000) + "\n"
                        + repeat("|" + repeat("b|", 1_000) + "\n", 10)),
                new Case("a long table", () -> "| a | b |\n|---|---|\n" + repeat("| x | y |\n", 10_000)),
                new Case("many footnote references", () -> repeat("[^1]", 50_000) + "\n\n[^1]: note\n"),
                new Case("many bare addresses", () -> repeat("www.a.b ", 5_000) + repeat("x@y.zz ", 5_000)),
                new Case("many unknown Hexo tags", () -> repeat("{% youtube x %}", 20_000)),
                new Case("many unclosed Hexo blocks", () -> repeat("{% note %}\n", 20_000)),
                new Case("many fenced code openers", () -> repeat("```\n", 30_000)),
                new Case("nested HTML blocks", () -> repeat("<div>", 100_000) + "x"),
                new Case("many tabs and spaces", () -> repeat("\t \t- ", 50_000) + "a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pathologicalMarkdownEndsQuicklyWithAnArticleOrACleanError(Case c) {
        String body = c.input().get();
        assertTimeoutPreemptively(Duration.ofSeconds(4), () -> {
            Posts posts = new Posts();
            try {
                Article a = posts.read("---\ntitle: x\n---\n" + body);
                String back = posts.write(a);
                assertThat(back).startsWith("---\ntitle: x\n---\n");
            } catch (ArticleFormatException e) {
                assertThat(e.getMessage()).startsWith("post.md").doesNotContain("StackOverflow", "OutOfMemory");
            }
        }, c.name());
    }

    /**
     * Bodies just within what is parsed on the caller's thread instead of a worker: at most 64 Ki characters and
     * 200 Markdown marks between two blank lines (the 60 block levels take 60 of them, each case uses the
     * rest), nested as deeply as that allows, inside 60 levels of block quotes and lists (the guard refuses more
     * than 64).
     */
    static Stream<Case> smallNestedCases() {
        String blocks = repeat("> - ", 30) + repeat("* ", 30);
        return Stream.of(
                new Case("nested emphasis", () -> blocks + repeat("*a ", 70) + "b" + repeat(" a*", 70)),
                new Case("nested strong emphasis", () -> blocks + repeat("**a ", 35) + "b" + repeat(" a**", 35)),
                new Case("nested strikethrough and emphasis", () -> blocks + repeat("~~_a ", 46) + "b"),
                new Case("nested brackets", () -> blocks + repeat("[", 70) + "a" + repeat("]", 70)),
                new Case("nested images", () -> blocks + repeat("![", 35) + "a" + repeat("](b)", 23)),
                new Case("many paragraphs of nested emphasis", () -> repeat(blocks + repeat("_a ", 70) + "b"
                        + repeat(" a_", 70) + "\n\n", 30)),
                new Case("long plain text", () -> repeat("长段落文字 plain words ", 3_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallNestedCases")
    void smallBodiesParsedOnTheCallersThreadFitA256KiBStack(Case c) throws InterruptedException {
        String post = "---\ntitle: x\n---\n" + c.input().get();
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                Posts posts = new Posts();
                posts.write(posts.read(post));
            } catch (ArticleFormatException e) {
                if (!e.getMessage().contains("nested deeper than")) {
                    failure[0] = e;
                }
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "small-stack", 256 << 10);
        t.start();
        t.join(10_000);
        assertThat(t.isAlive()).as("still running").isFalse();
        assertThat(failure[0]).as(c.name()).isNull();
    }

    @Test
    void deepNestingIsRefusedNamingTheLimit() {
        Posts posts = new Posts();
        assertThatThrownBy(() -> posts.read(repeat("> ", 5_000) + "a")).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("nested deeper than 64 levels");
    }

    static Stream<Case> frontMatterBombs() {
        return Stream.of(
                new Case("billion laughs 9x9", () -> {
                    StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                    String prev = "a";
                    for (char c = 'b'; c <= 'i'; c++) {
                        sb.append(c).append(": &").append(c).append(" [").append(String.join(",",
                                java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
                        prev = String.valueOf(c);
                    }
                    return sb.toString();
                }),
                new Case("23 levels of two aliases", () -> {
                    StringBuilder sb = new StringBuilder("l0: &l0 [x, y]\n");
                    for (int i = 1; i <= 23; i++) {
                        sb.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
                                .append(", *l").append(i - 1).append("]\n");
                    }
                    return sb.toString();
                }),
                new Case("deep flow nesting", () -> "k: " + repeat("[", 10_000) + repeat("]", 10_000) + "\n"),
                new Case("deep block nesting", () -> IntStream.range(0, 2_000).mapToObj(i -> " ".repeat(i) + "k:\n")
                        .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString()),
                new Case("deep dash nesting", () -> repeat("- ", 5_000) + "x\n"),
                new Case("a recursive alias", () -> "a: &a [*a]\n"),
                new Case("a recursive key", () -> "&k [*k]: v\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frontMatterBombs")
    void yamlBombsAreRefusedQuickly(Case c) {
        String post = "---\n" + c.input().get() + "---\nbody\n";
        assertTimeoutPreemptively(Duration.ofSeconds(4), () -> assertThatThrownBy(() -> new Posts().read(post))
                .isInstanceOf(ArticleFormatException.class).hasMessageStartingWith("post.md:"), c.name());
    }

    @Test
    void deeplyNestedTomlAndJsonAreRefused() {
        List<String> posts = List.of("+++\nk = " + repeat("[", 10_000) + repeat("]", 10_000) + "\n+++\n",
                "+++\nk = " + repeat("{a = ", 5_000) + "1" + repeat("}", 5_000) + "\n+++\n",
                "{\"k\": " + repeat("[", 10_000) + repeat("]", 10_000) + "}\nbody\n");
        for (String p : posts) {
            assertTimeoutPreemptively(Duration.ofSeconds(4), () -> assertThatThrownBy(() -> new Posts().read(p))
                    .isInstanceOf(ArticleFormatException.class).hasMessageContaining("nested deeper than 20"));
        }
    }

    @Test
    void aHugeBodyWithManyImagesAndParagraphsStillConverts() throws IOException {
        String body = repeat("段落 **粗体** 和 ![图](images/a.png) 以及 [链接](https://example.org)。\n\n", 3_000);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Posts posts = new Posts();
            Article a = posts.read("---\ntitle: big\n---\n" + body);
            assertThat(posts.write(a)).contains("**粗体**");
        });
    }
}
