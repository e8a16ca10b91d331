package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module walls hold for a user's program on the module path: a module that requires the four library modules
 * compiles against their exported packages only, finds every format through {@link java.util.ServiceLoader}, and
 * writes a book; a module that imports an {@code internal} package of core, markdown or epub does not compile.
 *
 * <p>The module path is the library modules with their runtime dependencies, which the build writes to
 * {@code target/library-module-path.txt} (maven-dependency-plugin, {@code generate-test-resources}). A reactor
 * module is a jar after {@code package} and its {@code target/classes} before; {@code articlekit-pdf} has no
 * module-info (see pdf/pom.xml), so a classes directory of it is put in a jar with its automatic module name.
 */
class ModulePathTest {

    private static final Path MODULE_PATH_FILE = Path.of("target/library-module-path.txt");

    /** Module names of the library, and the automatic name pdf's jar carries. */
    private static final List<String> LIBRARY = List.of("org.articlekit.core", "org.articlekit.markdown",
            "org.articlekit.epub", "org.articlekit.pdf");

    private static final String USER_MODULE = """
            module user.app {
                requires org.articlekit.core;
                requires org.articlekit.markdown;
                requires org.articlekit.epub;
                requires org.articlekit.pdf;
            }
            """;

    /** Writes a two-article book as EPUB and PDF, reads the EPUB back, and checks the registry and the walls. */
    private static final String USER_MAIN = """
            package user.app;

            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            import org.articlekit.Article;
            import org.articlekit.ArticleKit;
            import org.articlekit.Body;
            import org.articlekit.Book;
            import org.articlekit.Converter;
            import org.articlekit.Metadata;
            import org.articlekit.spi.FormatRegistry;

            public final class Main {
                public static void main(String[] args) throws Exception {
                    Path dir = Path.of(args[0]);
                    Book book = Book.builder()
                            .metadata(Metadata.builder().title("Walls").author("A. Writer").language("en").build())
                            .article(Article.builder().metadata(Metadata.builder().title("First").build())
                                    .body(Body.fromHtml("<p>The first <b>article</b>.</p>")).build())
                            .article(Article.builder().metadata(Metadata.builder().title("Second").build())
                                    .body(Body.fromHtml("<h2>Part</h2><p>The second article.</p>")).build())
                            .build();

                    List<String> ids = FormatRegistry.defaults().ids();
                    check(ids.containsAll(List.of("html", "txt", "markdown", "epub", "pdf")), "format ids " + ids);

                    Converter converter = Converter.builder().build();
                    converter.writeBook(book, dir.resolve("walls.epub"), "epub");
                    converter.writeBook(book, dir.resolve("walls.pdf"), "pdf");
                    Book back = converter.readBook(dir.resolve("walls.epub"), "epub");
                    List<String> titles = back.articles().stream()
                            .map(a -> a.metadata().title().orElse("?")).toList();
                    check(titles.equals(List.of("First", "Second")), "chapters read back " + titles);
                    Path posts = Files.createDirectories(dir.resolve("posts"));
                    Files.writeString(posts.resolve("b.md"), "---\\ntitle: Later\\ndate: 2024-02-01\\n---\\nb\\n");
                    Files.writeString(posts.resolve("a.md"), "---\\ntitle: Earlier\\ndate: 2024-01-01\\n---\\na\\n");
                    ArticleKit.convert(posts, dir.resolve("posts.epub"));
                    List<String> bound = converter.readBook(dir.resolve("posts.epub"), null).articles().stream()
                            .map(a -> a.metadata().title().orElse("?")).toList();
                    check(bound.equals(List.of("Earlier", "Later")), "a bound folder's chapters " + bound);
                    byte[] pdf = Files.readAllBytes(dir.resolve("walls.pdf"));
                    check(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"),
                            "walls.pdf is not a PDF");

                    for (String name : new String[] {"org.articlekit.core", "org.articlekit.markdown",
                            "org.articlekit.epub"}) {
                        Module m = ModuleLayer.boot().findModule(name).orElseThrow();
                        check(!m.getDescriptor().isAutomatic(), name + " is an automatic module");
                        for (String p : m.getPackages()) {
                            check(!p.contains(".internal") || !m.isExported(p), name + " exports " + p);
                        }
                    }
                    check(ModuleLayer.boot().findModule("org.articlekit.pdf").isPresent(), "no org.articlekit.pdf");
                    System.out.println("ok " + ids);
                }

                private static void check(boolean ok, String what) {
                    if (!ok) {
                        throw new AssertionError(what);
                    }
                }
            }
            """;

    /** Imports one internal class of each explicit module. */
    private static final String SNEAK_MODULE = """
            module user.sneak {
                requires org.articlekit.core;
                requires org.articlekit.markdown;
                requires org.articlekit.epub;
            }
            """;

    private static final String SNEAK_MAIN = """
            package user.sneak;

            import org.articlekit.internal.html.Xhtml;
            import org.articlekit.markdown.internal.MarkdownFormat;
            import org.articlekit.epub.internal.EpubFormat;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println(Xhtml.class + " " + MarkdownFormat.class + " " + EpubFormat.class);
                }
            }
            """;

    @TempDir
    static Path dir;

    private static String modulePath;

    @BeforeAll
    static void buildTheModulePath() throws IOException {
        if (!Files.isRegularFile(MODULE_PATH_FILE)) {
            fail(MODULE_PATH_FILE.toAbsolutePath() + " is missing: run the test through Maven, whose "
                    + "generate-test-resources phase writes it");
        }
        String listed = Files.readString(MODULE_PATH_FILE, StandardCharsets.UTF_8).strip();
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> entries = new ArrayList<>();
        for (String entry : listed.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            entries.add(Files.isDirectory(p) && !Files.exists(p.resolve("module-info.class"))
                    ? automaticJar(p, lib).toString() : entry);
        }
        modulePath = String.join(File.pathSeparator, entries);
    }

    @Test
    void aProgramOnTheModulePathUsesTheFormatsThroughTheExportedApiOnly() throws Exception {
        Path out = compile("user.app", USER_MODULE, USER_MAIN, true);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(javaLauncher(), "--module-path", out + File.pathSeparator + modulePath,
                // PDFBox's jars are automatic modules and cannot require commons-logging, which has a module-info;
                // nothing else requires it, so a user adds it to the boot layer (README, "Modules").
                "--add-modules", "org.apache.commons.logging",
                "-m", "user.app/user.app.Main", work.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the program did not finish within 3 minutes; stderr:\n" + Files.readString(stderr));
        }
        if (p.exitValue() != 0) {
            fail("the program failed with exit code " + p.exitValue() + "; stderr:\n" + Files.readString(stderr));
        }
        assertThat(Files.readString(stdout)).startsWith("ok ");
        assertThat(work.resolve("walls.epub")).isRegularFile();
    }

    @Test
    void aProgramThatImportsInternalPackagesDoesNotCompile() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = compile(javac, diagnostics, "user.sneak", SNEAK_MODULE, SNEAK_MAIN);
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(compiled).as("compiled although it imports internal packages").isFalse();
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("org.articlekit.internal.html is not visible"))
                .anySatisfy(e -> assertThat(e).contains("org.articlekit.markdown.internal is not visible"))
                .anySatisfy(e -> assertThat(e).contains("org.articlekit.epub.internal is not visible"));
    }

    /** Compiles a one-class module; fails the test with javac's messages when {@code mustCompile} and it does not. */
    private static Path compile(String module, String moduleInfo, String main, boolean mustCompile)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        if (!compile(javac, diagnostics, module, moduleInfo, main) && mustCompile) {
            fail(module + " does not compile against the library's exported API:\n"
                    + String.join("\n", diagnostics.getDiagnostics().stream().map(Object::toString).toList()));
        }
        return dir.resolve("classes").resolve(module);
    }

    private static boolean compile(JavaCompiler javac, DiagnosticCollector<JavaFileObject> diagnostics, String module,
            String moduleInfo, String main) throws IOException {
        assertThat(javac).as("a JDK with a Java compiler").isNotNull();
        Path src = dir.resolve("src").resolve(module);
        Path pkg = Files.createDirectories(src.resolve(module.replace('.', '/')));
        Path info = Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Path mainFile = Files.writeString(pkg.resolve("Main.java"), main);
        Path classes = Files.createDirectories(dir.resolve("classes").resolve(module));
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "--module-path", modulePath, "-d", classes.toString(),
                    "-Xlint:-requires-automatic");
            return javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(info, mainFile)).call();
        }
    }

    /** A classes directory without module-info as a jar whose automatic module name is its library module's. */
    private static Path automaticJar(Path classes, Path lib) throws IOException {
        String name = LIBRARY.stream().filter(m -> Files.isDirectory(classes.resolve(m.replace('.', '/'))))
                .reduce((a, b) -> a.length() >= b.length() ? a : b)
                .orElseThrow(() -> new AssertionError(classes + " has no module-info and is no library module"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", name);
        Path jar = lib.resolve(name + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(f).toString().replace(File.separatorChar, '/');
                if (entry.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
