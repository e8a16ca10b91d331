package org.articlekit.internal.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.articlekit.ArticleFormatException;
import org.articlekit.Limits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fuzz target for the normaliser's own tree, which a body hands to its first {@code document()} caller instead
 * of parsing its XHTML: for any HTML, that tree must be node for node the parsed XHTML, and normalising the
 * XHTML again must give it back unchanged. In {@code mvn verify} it replays the committed seeds in
 * {@code src/test/resources/org/articlekit/internal/html/NormalizerFuzzTestInputs}; {@code JAZZER_FUZZ=1 mvn -pl
 * core test -Dtest=NormalizerFuzzTest} fuzzes for real.
 */
class NormalizerFuzzTest {

    @FuzzTest
    void theNormalisersTreeIsItsParsedXhtmlAndStable(byte[] data) throws ArticleFormatException {
        String html = new String(data, StandardCharsets.UTF_8);
        Normalizer n = new Normalizer(null, Limits.defaults().maxDepth(), (code, message) -> { });
        String xhtml = n.normalize(Jsoup.parseBodyFragment(html).body());
        Document tree = n.tree();
        Document parsed = Xhtml.parseFragment(xhtml);
        if (tree != null) {
            assertThat(NormalizerTreeTest.dump(tree.body())).as(html).isEqualTo(NormalizerTreeTest.dump(parsed.body()));
        }
        Normalizer again = new Normalizer(null, Limits.defaults().maxDepth(), (code, message) -> { });
        assertThat(again.normalize(parsed.body())).as("normalising %s twice", html).isEqualTo(xhtml);
    }
}
