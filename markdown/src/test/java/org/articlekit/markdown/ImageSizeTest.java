package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.junit.jupiter.api.Test;

/**
 * An image whose width and height are the picture's own size (a page's usual markup) is written
 * as a Markdown image, as a blog author writes it; a size that differs (the author's display
 * size), or that cannot be checked, stays in raw HTML, since no engine's Markdown has a size.
 */
class ImageSizeTest {

    private static byte[] png(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static Article withPicture(String img) throws IOException {
        return Article.builder().body(Body.fromHtml("<p>阳台的照片：</p><p>" + img + "</p>"))
                .resources(Resources.of(java.util.List.of(Resource.of(png(30, 20), "image/png", "images/b.png"))))
                .build();
    }

    @Test
    void theSizeOfThePictureItselfIsLeftOutAndTheImageIsMarkdown() throws IOException {
        Posts posts = new Posts();
        Article a = withPicture("<img src=\"images/b.png\" alt=\"阳台\" title=\"六月\" width=\"30\" height=\"20\" />");

        String md = posts.write(a);

        assertThat(md).contains("![阳台](images/b.png \"六月\")").doesNotContain("<img");
        assertThat(posts.read(md).body().html()).contains("<img src=\"images/b.png\" alt=\"阳台\" title=\"六月\" />");
    }

    @Test
    void aDisplaySizeOtherThanThePicturesStaysWithTheImage() throws IOException {
        Posts posts = new Posts();
        Article a = withPicture("<img src=\"images/b.png\" alt=\"阳台\" width=\"15\" height=\"10\" />");

        String md = posts.write(a);

        assertThat(md).contains("<img src=\"images/b.png\" alt=\"阳台\" width=\"15\" height=\"10\" />");
        assertThat(posts.read(md).body().html()).contains("width=\"15\" height=\"10\"");
    }

    @Test
    void aSizeThatCannotBeCheckedIsKept() throws IOException {
        Posts posts = new Posts();
        Article a = Article.builder().body(Body.fromHtml(
                "<p><img src=\"https://example.org/a.png\" alt=\"\" width=\"30\" height=\"20\" /></p>")).build();

        assertThat(posts.write(a)).contains("width=\"30\" height=\"20\"");
    }
}
