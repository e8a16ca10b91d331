package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.articlekit.Article;
import org.apache.commons.logging.LogFactory;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.articlekit.Diagnostic;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.mozilla.universalchardet.UniversalDetector;

class CoverFontTest {

    private static final String CHINESE = "中文与数学：炸弹、汉字 — Ünïcode & Latin";

    @Test
    void picksTheBundledNotoSansScForAChineseAndLatinTitle() {
        CoverFont.Choice faces = CoverFont.pick(CHINESE + "张三, Jane Doe");

        assertThat(faces.name()).isEqualTo(CoverFont.BUNDLED_NAME);
        assertThat(faces.problem()).isNull();
        assertThat(faces.bold()).isNotSameAs(faces.regular());
        assertThat(CoverFont.missing(faces.regular(), CHINESE)).isEmpty();
        assertThat(CoverFont.missing(faces.bold(), CHINESE)).isEmpty();
    }

    @Test
    void paintsAChineseCoverWithoutAFontWarning() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();

        byte[] png = CoverPainter.paint(CHINESE, "张三, Jane Doe", "2024-05-01", 300, 450, Fixtures.context(warnings));

        assertThat(warnings).isEmpty();
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(300);
    }

    @Test
    void namesTheCharactersThatNoFontShows() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        String title = "Hieroglyph \uD80C\uDC00"; // U+13000, in neither Noto Sans SC nor the usual installed fonts

        CoverPainter.paint(title, "", "", 300, 450, Fixtures.context(warnings));

        assertThat(warnings).extracting(Diagnostic::code).containsExactly("cover.font");
        assertThat(warnings.get(0).message()).contains("U+13000", "placeholders").doesNotContain("U+0048");
    }

    /**
     * The EPUB module on the module path, the font jar beside it as an automatic module: the font is
     * found although its folder is in another module (where {@code Class.getResourceAsStream} of an
     * EPUB class would not look).
     */
    @Test
    void loadsTheBundledFontWhenTheModulesAreOnTheModulePath() throws Exception {
        URL font = CoverFont.class.getClassLoader().getResource(CoverFont.REGULAR);
        assertThat(font).as("the font jar on the test class path").isNotNull();
        Path fontJar = Path.of(((JarURLConnection) font.openConnection()).getJarFileURL().toURI());
        Path logging = location(LogFactory.class);
        String loggingModule = ModuleFinder.of(logging).findAll().iterator().next().descriptor().name();
        ModuleFinder finder = ModuleFinder.of(location(CoverFont.class), location(Article.class), location(Jsoup.class),
                location(Nullable.class), location(UniversalDetector.class), location(TTFParser.class),
                location(RandomAccessReadBuffer.class), location(org.jdom2.Document.class),
                location(org.netpreserve.jwarc.WarcReader.class), location(tools.jackson.core.JsonParser.class),
                logging, fontJar);
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(),
                Set.of("org.articlekit.epub", loggingModule));
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(cf, List.of(ModuleLayer.boot()),
                ClassLoader.getPlatformClassLoader());
        ModuleLayer layer = controller.layer();
        Module epub = layer.findModule("org.articlekit.epub").orElseThrow();
        controller.addOpens(epub, "org.articlekit.epub.internal", CoverFontTest.class.getModule());
        Class<?> coverFont = Class.forName("org.articlekit.epub.internal.CoverFont", true, epub.getClassLoader());
        assertThat(coverFont.getModule().isNamed()).as("loaded from the module, not the class path").isTrue();
        assertThat(layer.findModule(CoverFont.FONT_MODULE)).isPresent();

        Method bundled = coverFont.getDeclaredMethod("bundledRegular");
        bundled.setAccessible(true);
        Object loaded = bundled.invoke(null);
        Method fontOf = loaded.getClass().getDeclaredMethod("face");
        fontOf.setAccessible(true);
        Method failureOf = loaded.getClass().getDeclaredMethod("failure");
        failureOf.setAccessible(true);

        Object face = fontOf.invoke(loaded);

        assertThat(failureOf.invoke(loaded)).isNull();
        assertThat(face).as("the bundled font, read from the font module").isNotNull();
        assertThat(face.getClass().getModule()).isSameAs(epub);
    }

    /** Whatever a stream says is available, every byte is read, once and in order. */
    @Test
    void readsEveryByteWhateverTheStreamSaysIsAvailable() throws IOException {
        byte[] data = new byte[100_000];
        new java.util.Random(7).nextBytes(data);
        for (int claimed : new int[] {0, 1, 4_096, 99_999, 100_000, 150_000}) {
            java.io.InputStream in = new ByteArrayInputStream(data) {
                @Override
                public synchronized int available() {
                    return claimed;
                }
            };
            assertThat(CoverFont.readAll(in)).as("available() = %d", claimed).isEqualTo(data);
        }
    }

    private static Path location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
