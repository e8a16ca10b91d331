package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;

/**
 * commonmark-java's autolink extension, run only on documents that can hold an autolink. The
 * extension scans every text node character by character (every {@code w} starts a look for
 * {@code www.}), which was a twentieth of reading a post; yet it links only text that holds
 * {@code ://} (a URL), {@code @} (an e-mail address) or {@code www.}. A document none of whose
 * text nodes holds one of those is left as it is, which is what the extension would do; any
 * other document goes to the extension whole. Link destinations are not text nodes, so the usual
 * {@code [text](https://…)} does not count.
 */
final class GatedAutolink implements Parser.ParserExtension {

    private final List<PostProcessor> processors;

    private GatedAutolink(List<PostProcessor> processors) {
        this.processors = processors;
    }

    /** @return the extension, holding the autolink extension's own post-processors */
    static GatedAutolink create() {
        List<PostProcessor> taken = new ArrayList<>();
        Parser.Builder keeper = new Parser.Builder() {
            @Override
            public Parser.Builder postProcessor(PostProcessor postProcessor) {
                taken.add(postProcessor);
                return this;
            }
        };
        ((Parser.ParserExtension) AutolinkExtension.create()).extend(keeper);
        if (taken.isEmpty()) {
            throw new IllegalStateException("the autolink extension added no post-processor");
        }
        return new GatedAutolink(List.copyOf(taken));
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(document -> {
            if (!mayHoldLinks(document)) {
                return document;
            }
            Node result = document;
            for (PostProcessor p : processors) {
                result = p.process(result);
            }
            return result;
        });
    }

    /** Whether any text node of the tree holds {@code ://}, {@code @} or {@code www.} in any case. */
    static boolean mayHoldLinks(Node root) {
        Node n = root;
        while (n != null) {
            if (n instanceof Text t && mayHoldLink(t.getLiteral())) {
                return true;
            }
            Node next = n.getFirstChild();
            if (next == null) {
                while (n != root && n.getNext() == null) {
                    n = n.getParent();
                }
                next = n == root ? null : n.getNext();
            }
            n = next;
        }
        return false;
    }

    /** Whether the text holds {@code @}, {@code ://} or {@code www.} in any case; one pass over it. */
    static boolean mayHoldLink(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '@' || c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/'
                    || c == '.' && i >= 3 && (s.charAt(i - 1) | 0x20) == 'w' && (s.charAt(i - 2) | 0x20) == 'w'
                    && (s.charAt(i - 3) | 0x20) == 'w') {
                return true;
            }
        }
        return false;
    }
}
