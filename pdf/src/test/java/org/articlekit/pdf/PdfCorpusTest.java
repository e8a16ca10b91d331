package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;

/**
 * Optional check over pdf.js's odd and broken test files (read from ../../shared when present,
 * never copied): each one reads, or fails with an {@link ArticleFormatException}, within a guard.
 */
class PdfCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus/pdf");

    @Test
    void everyCorpusFileReadsOrFailsWithATypedError() throws IOException {
        Path dir = CORPUS.resolve("pdfjs");
        assumeTrue(Files.isDirectory(dir), "corpus not present");
        Map<String, String> passwords = passwords(CORPUS.resolve("pdfjs-manifest-subset.json"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        List<String> read = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (Path f : files) {
            byte[] data = Files.readAllBytes(f);
            String name = f.getFileName().toString();
            PdfOptions options = PdfOptions.builder().password(passwords.get(name)).build();
            ConversionContext ctx = ConversionContext.builder().sourceName(name)
                    .options(FormatOptions.of(options)).build();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    FormatRegistry.defaults().byId("pdf").bookReader().orElseThrow()
                            .readBook(new ByteArrayInputStream(data), ctx);
                    read.add(name);
                } catch (ArticleFormatException e) {
                    assertThat(e.getMessage()).as(name).startsWith(name);
                    rejected.add(name + ": " + e.getMessage());
                }
            }, name);
        }
        assertThat(read.size() + rejected.size()).isEqualTo(files.size());
        assertThat(read).as("most files are readable; rejected: %s", rejected).hasSizeGreaterThan(files.size() / 2);
    }

    /** The pdf.js manifest's passwords by file name (a small scan; the manifest is JSON objects). */
    private static Map<String, String> passwords(Path manifest) throws IOException {
        Map<String, String> result = new HashMap<>();
        if (!Files.exists(manifest)) {
            return result;
        }
        String json = Files.readString(manifest);
        Matcher entry = Pattern.compile("\\{[^{}]*\\}").matcher(json);
        Pattern file = Pattern.compile("\"file\"\\s*:\\s*\"(?:[^\"]*/)?([^\"/]+)\"");
        Pattern password = Pattern.compile("\"password\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        while (entry.find()) {
            Matcher f = file.matcher(entry.group());
            Matcher p = password.matcher(entry.group());
            if (f.find() && p.find()) {
                result.put(f.group(1), unescape(p.group(1)));
            }
        }
        return result;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                if (n == 'u' && i + 4 < s.length()) {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    sb.append(n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
