package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case file under {@code src/test/resources/cases}. A case file is a few header lines
 * ({@code direction: normalize}, optionally {@code base: URL} and {@code warns: code}), a line
 * {@code ---}, the input, a line {@code === expected}, and the expected output.
 */
class CaseFilesTest {

    record Case(String name, String direction, String base, List<String> warns, String input, String expected) {
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
        String base = "";
        List<String> warns = new ArrayList<>();
        for (String line : text.substring(0, sep).split("\n")) {
            if (line.startsWith("direction:")) {
                direction = line.substring(10).strip();
            } else if (line.startsWith("base:")) {
                base = line.substring(5).strip();
            } else if (line.startsWith("warns:")) {
                warns.add(line.substring(6).strip());
            }
        }
        return new Case(file.getFileName().toString(), direction, base, warns,
                text.substring(sep + 5, exp), text.substring(exp + 14).strip());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseFileHolds(Case c) throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        String actual;
        switch (c.direction()) {
            case "normalize" -> {
                BodyNormalizer n = BodyNormalizer.builder().baseUri(c.base().isEmpty() ? null : URI.create(c.base()))
                        .warnings(warnings::add).build();
                actual = n.normalize(c.input()).html();
            }
            default -> throw new IllegalStateException(c.name() + ": unknown direction " + c.direction());
        }
        assertThat(actual).as(c.name()).isEqualTo(c.expected());
        for (String code : c.warns()) {
            assertThat(warnings).as(c.name() + " warnings").extracting(Diagnostic::code).contains(code);
        }
    }
}
