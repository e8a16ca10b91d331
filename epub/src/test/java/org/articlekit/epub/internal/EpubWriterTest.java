package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.junit.jupiter.api.Test;

class EpubWriterTest {

    static byte[] write(Book book, List<Diagnostic> warnings, Object... options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EpubWriter().writeBook(book, out, Fixtures.context(warnings, options));
        return out.toByteArray();
    }

    @Test
    void aBookOfChineseEnglishOddAndMissingImagePostsPassesEpubcheck() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        byte[] epub = write(Fixtures.book(Fixtures.chinesePost(), Fixtures.oddPost(), Fixtures.missingImages()),
                warnings);
        java.nio.file.Files.write(java.nio.file.Path.of("/tmp/ak-test.epub"), epub);
        EpubCheck.assertValid(epub);
        assertThat(warnings).extracting(Diagnostic::code).contains("image.unresolved");
    }
}
