package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.articlekit.ArticleKit;
import org.articlekit.Formats;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed edges of the API: format ids as constants, missing inputs as the JDK's exception, one code catalogue. */
class ApiEdgesTest {

    @TempDir
    Path tmp;

    @Test
    void everyFormatConstantIsTheIdOfAFormatOfThisBuildAndEveryFormatHasOne() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field f : Formats.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        FormatRegistry registry = FormatRegistry.defaults();
        assertThat(constants).allSatisfy(id -> assertThat(registry.find(id)).as(id).isPresent()
                .hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(id)));
        // the formats ArticleKit ships (this module's tests add one of their own through the SPI)
        assertThat(registry.formats().stream().filter(f -> !f.getClass().getName().startsWith("org.articlekit.examples")))
                .hasSize(constants.size()).allSatisfy(f -> assertThat(constants).contains(f.id()));
    }

    @Test
    void aMissingInputIsNoSuchFileExceptionNamingIt() {
        Path missing = tmp.resolve("没有这篇.md");
        assertThatThrownBy(() -> ArticleKit.read(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> ArticleKit.converter().readBook(missing, Formats.MARKDOWN))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anUnreadableInputIsAccessDeniedException() throws IOException {
        Path locked = Files.writeString(tmp.resolve("locked.html"), "<p>x</p>");
        assertThat(locked.toFile().setReadable(false, false)).isTrue();
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked),
                "running as a user who reads every file (root): permissions cannot be tested");
        assertThatThrownBy(() -> ArticleKit.read(locked)).isInstanceOf(AccessDeniedException.class);
    }

    /** A code reported by library code: {@code warn("code", …)}, {@code new Diagnostic("code", …)}, {@code Diagnostic.of("code", …)}. */
    private static final Pattern REPORTED = Pattern.compile(
            "(?:\\bwarn|\\bnew\\s+Diagnostic|\\bDiagnostic\\s*\\.\\s*of)\\s*\\(\\s*\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"");
    private static final Pattern CATALOGUED = Pattern.compile("<tr><td>\\{@code ([a-z0-9.-]+)}</td>");

    @Test
    void everyDiagnosticCodeReportedIsInTheCatalogue() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String catalogue = Files.readString(root.resolve("core/src/main/java/org/articlekit/Diagnostic.java"),
                StandardCharsets.UTF_8);
        Set<String> documented = new TreeSet<>();
        Matcher d = CATALOGUED.matcher(catalogue);
        while (d.find()) {
            documented.add(d.group(1));
        }
        Set<String> reported = new TreeSet<>();
        for (String module : List.of("core", "markdown", "epub", "pdf", "spark")) {
            Path main = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = REPORTED.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        reported.add(m.group(1));
                    }
                }
            }
        }
        assertThat(reported).as("codes found in the modules' sources").hasSizeGreaterThan(30);
        assertThat(documented).as("the catalogue in Diagnostic's javadoc").containsAll(reported);
    }
}
