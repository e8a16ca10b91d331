package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Japanese and Korean posts that do not name their language: the book's {@code dc:language} and
 * each chapter's {@code lang} come from the text's script, not {@code und}.
 */
class LanguageGuessBookTest {

    @TempDir
    Path dir;

    private Path post(String name, String title, String body) throws IOException {
        Files.createDirectories(dir.resolve("posts"));
        return Files.writeString(dir.resolve("posts").resolve(name), "---\ntitle: " + title + "\n---\n" + body + "\n",
                StandardCharsets.UTF_8);
    }

    /** The text of each {@code .opf} and {@code .xhtml} entry of an EPUB, by entry name. */
    private static Map<String, String> entries(Path epub) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(epub))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().endsWith(".opf") || e.getName().endsWith(".xhtml")) {
                    out.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    @Test
    void aBookOfJapanesePostsIsJapaneseAndSoIsEachChapter() throws IOException {
        post("2024-03-01-a.md", "東京の春", "桜がきれいに咲いています。週末は公園へ行きました。");
        post("2024-03-02-b.md", "ひらがなの日記", "きょうは あめが ふっています。ほんを よみました。");
        Path epub = dir.resolve("ja.epub");

        Cli.Result r = Cli.run("convert", dir.resolve("posts"), "-o", epub);

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, String> e = entries(epub);
        assertThat(e).anySatisfy((name, text) -> assertThat(text).contains("<dc:language>ja</dc:language>"));
        assertThat(e.values()).filteredOn(t -> t.contains("桜がきれい") || t.contains("あめが"))
                .hasSize(2).allSatisfy(t -> assertThat(t).contains("lang=\"ja\"").doesNotContain("lang=\"und\""));
        assertThat(String.join("", e.values())).doesNotContain(">und<");
    }

    @Test
    void aBookOfKoreanPostsIsKoreanAndSoIsEachChapter() throws IOException {
        post("2024-03-01-a.md", "서울의 봄", "오늘은 날씨가 정말 좋습니다. 친구와 함께 공원에 갔습니다.");
        post("2024-03-02-b.md", "두 번째 글", "한국어로 쓴 짧은 글입니다. 책을 읽었습니다.");
        Path epub = dir.resolve("ko.epub");

        Cli.Result r = Cli.run("convert", dir.resolve("posts"), "-o", epub);

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, String> e = entries(epub);
        assertThat(e).anySatisfy((name, text) -> assertThat(text).contains("<dc:language>ko</dc:language>"));
        assertThat(e.values()).filteredOn(t -> t.contains("날씨가") || t.contains("한국어로"))
                .hasSize(2).allSatisfy(t -> assertThat(t).contains("lang=\"ko\"").doesNotContain("lang=\"und\""));
    }

    @Test
    void aBookMixingJapaneseAndKoreanPostsGivesEachChapterItsOwnLanguage() throws IOException {
        post("2024-03-01-a.md", "東京の春", "桜がきれいに咲いています。週末は公園へ行きました。");
        post("2024-03-02-b.md", "서울의 봄", "오늘은 날씨가 정말 좋습니다. 친구와 함께 공원에 갔습니다.");
        Path epub = dir.resolve("mixed.epub");

        Cli.Result r = Cli.run("convert", dir.resolve("posts"), "-o", epub);

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, String> e = entries(epub);
        assertThat(e.values()).filteredOn(t -> t.contains("桜がきれい")).singleElement()
                .satisfies(t -> assertThat(t).contains("lang=\"ja\""));
        assertThat(e.values()).filteredOn(t -> t.contains("날씨가")).singleElement()
                .satisfies(t -> assertThat(t).contains("lang=\"ko\""));
    }
}
