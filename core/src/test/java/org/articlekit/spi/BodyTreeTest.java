package org.articlekit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.junit.jupiter.api.Test;

class BodyTreeTest {

    private static final String HTML = "<h2>Title</h2><p>One <a href=\"a?x=1&amp;y=2\">link</a> and "
            + "<img src=\"a.png\" alt=\"a\" /></p><ul><li><p>in a <a href=\"b\">list</a></p></li></ul>";

    @Test
    void writesABodysTreeBackAsTheXhtmlTheBodyHolds() throws ArticleFormatException {
        Body body = Body.fromHtml(HTML);
        Document doc = body.document();
        assertThat(BodyTree.xhtml(doc.body())).isEqualTo(body.html()).isEqualTo(doc.body().html());
        Element p = doc.body().child(1);
        assertThat(BodyTree.outerXhtml(p)).contains(p.outerHtml());
    }

    @Test
    void walksEveryNodeInDocumentOrderWithoutLeavingTheRoot() throws ArticleFormatException {
        Document doc = Body.fromHtml(HTML).document();
        Element list = doc.body().child(2);
        List<String> seen = new ArrayList<>();
        for (Node n = list; n != null; n = BodyTree.next(n, list)) {
            seen.add(n.nodeName());
        }
        assertThat(seen).containsExactly("ul", "li", "p", "#text", "a", "#text");
    }

    @Test
    void findsElementsByNameRootIncludedAndHandsOutAListThatCannotBeChanged() throws ArticleFormatException {
        Document doc = Body.fromHtml(HTML).document();
        List<Element> links = BodyTree.elementsByTag(doc.body(), "a");
        assertThat(links).extracting(e -> e.attr("href")).containsExactly("a?x=1&y=2", "b");
        assertThat(BodyTree.elementsByTag(doc.body(), "body")).containsExactly(doc.body());
        assertThat(BodyTree.hasElement(doc.body(), "img")).isTrue();
        assertThat(BodyTree.hasElement(doc.body(), "table")).isFalse();
        assertThatThrownBy(links::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void makesElementsThatWriteLikeParsedOnes() {
        Element p = BodyTree.element("p");
        p.appendChild(BodyTree.element("br"));
        p.appendText("x < y");
        assertThat(BodyTree.outerXhtml(p)).contains("<p><br />x &lt; y</p>");
        assertThat(BodyTree.element("my-widget").tagName()).isEqualTo("my-widget");
    }

    @Test
    void leavesTreesWithScriptDataToJsoup() {
        Element script = BodyTree.element("script");
        script.appendChild(new org.jsoup.nodes.DataNode("if (a < b) {}"));
        assertThat(BodyTree.outerXhtml(script)).isEmpty();
    }

    @Test
    void aNullArgumentFailsNamingTheParameter() {
        Element e = BodyTree.element("p");
        assertThatThrownBy(() -> BodyTree.next(e, null)).hasMessage("root");
        assertThatThrownBy(() -> BodyTree.elementsByTag(e, null)).hasMessage("name");
        assertThatThrownBy(() -> BodyTree.outerXhtml(null)).hasMessage("element");
    }
}
