package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One choke point each for reading archives, parsing XML and writing output files (RELIABILITY
 * rows 11, 14, 26 and G4): this lint scans the main sources of every module of the build (found
 * through the repository root, the folder above this module) and fails when any file other than
 * the designated one touches the dangerous API. Comments and string literals are ignored, so a
 * file may still name the API in its documentation.
 *
 * <ul>
 *   <li>archives: {@code ZipFile}, {@code ZipInputStream}, {@code JarFile} only in the EPUB
 *       module's {@code SafeZip} (names checked, sizes and ratios counted, nothing extracted);
 *   <li>XML: {@code DocumentBuilderFactory}, {@code SAXParserFactory}, {@code XMLInputFactory},
 *       {@code TransformerFactory}, {@code SchemaFactory}, {@code XPathFactory} and jsoup's
 *       {@code Parser.xmlParser} only in the EPUB module's {@code SecureXml} and, for feeds, core's
 *       {@code SafeFeedXml};
 *   <li>output files: {@code Files.newOutputStream}, {@code Files.write}/{@code writeString},
 *       {@code Files.newBufferedWriter}, {@code Files.copy}, {@code FileOutputStream},
 *       {@code FileWriter}, {@code RandomAccessFile}, {@code FileChannel.open},
 *       {@code AsynchronousFileChannel} and {@code PrintWriter}/{@code PrintStream} on a file name
 *       only in core's {@code AtomicFiles} (temporary sibling, atomic move). A
 *       {@code FileOutputStream} on {@code FileDescriptor.out}/{@code err} is the console, not a
 *       file, and is allowed.
 * </ul>
 */
class ChokePointTest {

    private static final Pattern ARCHIVES = Pattern.compile("\\b(ZipFile|ZipInputStream|JarFile|JarInputStream)\\b");
    private static final Pattern XML = Pattern.compile("\\b(DocumentBuilderFactory|SAXParserFactory|XMLInputFactory"
            + "|TransformerFactory|SchemaFactory|XPathFactory|XMLReaderFactory)\\b|Parser\\s*\\.\\s*xmlParser\\b");
    private static final Pattern OUTPUT = Pattern.compile("\\bFiles\\s*\\.\\s*(newOutputStream|write|writeString"
            + "|newBufferedWriter|copy|newByteChannel)\\b|\\bnew\\s+(FileOutputStream|FileWriter|RandomAccessFile)\\b"
            + "|\\bFileChannel\\s*\\.\\s*open\\b|\\bAsynchronousFileChannel\\b"
            + "|\\bnew\\s+Print(Writer|Stream)\\s*\\(\\s*(new\\s+File\\b|\\w*(file|path)\\w*\\s*[,)])");
    /** The console streams: {@code new FileOutputStream(FileDescriptor.out)}. */
    private static final Pattern CONSOLE = Pattern.compile("new\\s+FileOutputStream\\s*\\(\\s*FileDescriptor\\s*\\.\\s*(out|err)\\s*\\)");

    /** The choke points, as paths relative to the repository root. */
    private static final Map<Pattern, Set<String>> ALLOWED = Map.of(
            ARCHIVES, Set.of("epub/src/main/java/org/articlekit/epub/internal/SafeZip.java"),
            XML, Set.of("epub/src/main/java/org/articlekit/epub/internal/SecureXml.java",
                    // core cannot reach the EPUB module: feeds have their own, refusing any DOCTYPE first
                    "core/src/main/java/org/articlekit/internal/feed/SafeFeedXml.java"),
            OUTPUT, Set.of("core/src/main/java/org/articlekit/internal/io/AtomicFiles.java",
                    // the CLI's --log file grows line by line as the run goes (so a stopped run keeps its log);
                    // it holds the run's own messages, never converted content
                    "examples/src/main/java/org/articlekit/examples/cli/RunLog.java",
                    // not shipped: the benchmark generator writes synthetic posts into a scratch folder the
                    // benchmark scripts name; it reads nothing untrusted
                    "benchmarks/src/main/java/org/articlekit/benchmarks/PostGenerator.java"));

    private static Path root;
    private static List<Path> sources;

    @BeforeAll
    static void findMainSources() throws IOException {
        root = Path.of("..").toAbsolutePath().normalize();
        String parentPom = Files.readString(root.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(parentPom).as("the folder above the examples module is the repository root")
                .contains("<artifactId>articlekit-parent</artifactId>");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parentPom);
        sources = new ArrayList<>();
        while (module.find()) {
            Path main = root.resolve(module.group(1)).resolve("src/main/java");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertThat(sources).as("main sources of all modules").hasSizeGreaterThan(100);
    }

    @Test
    void onlySafeZipReadsArchives() throws IOException {
        assertThat(offenders(ARCHIVES)).as("read archives without SafeZip").isEmpty();
    }

    @Test
    void onlySecureXmlParsesXml() throws IOException {
        assertThat(offenders(XML)).as("parse XML without SecureXml").isEmpty();
    }

    @Test
    void onlyAtomicFilesOpensOutputFiles() throws IOException {
        assertThat(offenders(OUTPUT)).as("open output files without AtomicFiles").isEmpty();
    }

    @Test
    void theLintSeesThroughCommentsAndCatchesEachForm() {
        String code = """
                // ZipFile in a comment, "ZipInputStream in a string"
                /* Files.write(p, b) in a block comment */
                var s = new PrintStream(new FileOutputStream(FileDescriptor.out));
                """;
        String stripped = code(code);
        assertThat(ARCHIVES.matcher(stripped).find()).isFalse();
        assertThat(OUTPUT.matcher(stripped).find()).isFalse();
        for (String offending : List.of("Files.write(p, b);", "Files .newOutputStream(p)", "new FileOutputStream(f)",
                "Files.newBufferedWriter(p)", "Files.copy(in, target)", "new PrintWriter(file)",
                "FileChannel.open(p, WRITE)", "new RandomAccessFile(f, \"rw\")")) {
            assertThat(OUTPUT.matcher(code(offending)).find()).as(offending).isTrue();
        }
        assertThat(XML.matcher(code("DocumentBuilderFactory.newInstance()")).find()).isTrue();
        assertThat(XML.matcher(code("Jsoup.parse(in, null, \"\", Parser.xmlParser())")).find()).isTrue();
        assertThat(ARCHIVES.matcher(code("new ZipInputStream(in)")).find()).isTrue();
    }

    private List<String> offenders(Pattern api) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (ALLOWED.get(api).contains(relative)) {
                continue;
            }
            Matcher m = api.matcher(code(Files.readString(file, StandardCharsets.UTF_8)));
            while (m.find()) {
                found.add(relative + ": " + m.group());
            }
        }
        return found;
    }

    /** The source without comments, string and character literals, and console streams. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                out.append(c).append(c);
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return CONSOLE.matcher(out).replaceAll("CONSOLE");
    }
}
