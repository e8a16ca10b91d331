package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dialect hugo}: Hugo's flat taxonomy terms, typed TOML datetimes and {@code <!--more-->}, from the command line. */
class HugoDialectTest {

    static final String HUGO_POST = """
            +++
            title = "Go 服务"
            date = 2024-03-05T10:00:00+08:00
            draft = false
            categories = ["Web", "Go"]
            tags = ["http"]
            weight = 2
            +++
            开头一段。

            <!--more-->

            后面的内容。
            """;

    @TempDir
    Path dir;

    @Test
    void dialectHugoReadsTwoFlatCategoriesWhereHexoReadsOnePath() throws IOException {
        Path post = Files.writeString(dir.resolve("post.md"), HUGO_POST, StandardCharsets.UTF_8);
        Path hugo = dir.resolve("hugo.html");
        Path hexo = dir.resolve("hexo.html");

        Cli.Result a = Cli.run("convert", post, "--dialect", "hugo", "-o", hugo);
        Cli.Result b = Cli.run("convert", post, "--dialect", "hexo", "-o", hexo);

        assertThat(a.status()).as(a.err()).isZero();
        assertThat(Files.readString(hugo)).contains("\"article:section\" content=\"Web\"")
                .contains("\"article:section\" content=\"Go\"");
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(Files.readString(hexo)).contains("\"article:section\" content=\"Web / Go\"");
    }

    @Test
    void dialectHugoWritesThePostBackAsTomlWithItsKeysItsDatetimeAndItsMoreMarker() throws IOException {
        Path post = Files.writeString(dir.resolve("post.md"), HUGO_POST, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.md");

        Cli.Result r = Cli.run("convert", post, "--dialect", "hugo", "--front-matter", "toml", "-o", out);

        assertThat(r.status()).as(r.err()).isZero();
        String md = Files.readString(out);
        assertThat(md).startsWith("""
                +++
                title = "Go 服务"
                date = 2024-03-05T10:00:00+08:00
                draft = false
                categories = ["Web", "Go"]
                tags = ["http"]
                weight = 2
                """);
        assertThat(md).contains("开头一段。\n\n<!--more-->\n\n后面的内容。").doesNotContain("summary");
    }
}
