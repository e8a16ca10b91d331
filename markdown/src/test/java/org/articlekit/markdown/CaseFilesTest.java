package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case file under {@code src/test/resources/cases}: a few header lines
 * ({@code direction: md-to-html}, {@code html-to-md} or {@code md-to-md}, optionally {@code warns:
 * code}), a line {@code ---}, the input, a line {@code === expected}, and the expected output. For
 * {@code html-to-md} the expected Markdown must also read back to the same body, white space next to
 * tags aside (the Markdown renderer puts line breaks between blocks and after {@code br}).
 */
class CaseFilesTest {

    record Case(String name, String direction, List<String> warns, String input, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        Path dir = Path.of("src/test/resources/cases");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".case")).sorted().toList()) {
                out.add(parse(f));
            }
        }
        assertThat(out).as("case files").isNotEmpty();
        return out.stream();
    }

    static Case parse(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int sep = text.indexOf("\n---\n");
        int exp = text.indexOf("\n=== expected\n");
        if (sep < 0 || exp < sep) {
            throw new IllegalStateException(file + ": needs '---' and '=== expected' lines");
        }
        String direction = "";
        List<String> warns = new ArrayList<>();
        for (String line : text.substring(0, sep).split("\n")) {
            if (line.startsWith("direction:")) {
                direction = line.substring(10).strip();
            } else if (line.startsWith("warns:")) {
                warns.add(line.substring(6).strip());
            }
        }
        return new Case(file.getFileName().toString(), direction, warns, text.substring(sep + 5, exp + 1),
                text.substring(exp + 14));
    }

    static String squeeze(Body b) {
        return b.html().replaceAll("\\s+", " ").replaceAll(" ?(<[^>]+>) ?", "$1").strip();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseFileHolds(Case c) throws IOException {
        Posts posts = new Posts();
        String actual;
        switch (c.direction()) {
            case "md-to-html" -> actual = posts.read(c.input()).body().html() + "\n";
            case "md-to-md" -> actual = posts.write(posts.read(c.input()));
            case "html-to-md" -> {
                Body body = Body.fromHtml(c.input());
                actual = posts.write(Article.builder().body(body).build());
                assertThat(squeeze(posts.read(actual).body())).as(c.name() + " reads back").isEqualTo(squeeze(body));
            }
            default -> throw new IllegalStateException(c.name() + ": unknown direction " + c.direction());
        }
        assertThat(actual).as(c.name()).isEqualTo(c.expected());
        for (String code : c.warns()) {
            assertThat(posts.warnings).as(c.name() + " warnings").extracting(Diagnostic::code).contains(code);
        }
    }
}
