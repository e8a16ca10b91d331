package org.articlekit.internal.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What main-content extraction did with one page: whether the page looked like an article, how
 * much of its text was kept, and each block removed from inside the article with the reason.
 *
 * <p>The HTML reader turns it into diagnostics: one {@code extract.removed} warning per removed
 * block (message: the reason and the start of the block's text) and an {@code extract.not-article}
 * warning when the page is not an article. These codes are informational: strict mode does not
 * turn them into failures, since dropping page furniture is what extraction is for.
 */
public final class ExtractionReport {

    /**
     * One removed block.
     *
     * @param reason why it was removed, such as {@code "share bar"}
     * @param excerpt the start of its text (at most 40 characters)
     * @param characters how many non-space characters it held
     */
    public record Removal(String reason, String excerpt, int characters) {
        /** Checks the components. */
        public Removal {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(excerpt, "excerpt");
        }

        /** @return a sentence for a warning */
        public String message() {
            return "removed " + reason + (excerpt.isEmpty() ? "" : ": '" + excerpt + "'") + " (" + characters
                    + " characters)";
        }
    }

    private final List<Removal> removals = new ArrayList<>();
    private boolean article = true;
    private String verdict = "";
    private int keptCharacters;
    private int pageCharacters;

    /** @return the removed blocks, in document order */
    public List<Removal> removals() {
        return List.copyOf(removals);
    }

    /** @return whether the page looked like one article */
    public boolean isArticle() {
        return article;
    }

    /** @return why the page is not an article, or "" */
    public String verdict() {
        return verdict;
    }

    /** @return the non-space characters of the content that was kept */
    public int keptCharacters() {
        return keptCharacters;
    }

    /** @return the non-space characters of the whole page's visible text */
    public int pageCharacters() {
        return pageCharacters;
    }

    void removed(String reason, String text, int characters) {
        String excerpt = text.strip().replaceAll("\\s+", " ");
        if (excerpt.codePointCount(0, excerpt.length()) > 40) {
            excerpt = excerpt.substring(0, excerpt.offsetByCodePoints(0, 40)) + "…";
        }
        removals.add(new Removal(reason, excerpt, characters));
    }

    void notArticle(String why) {
        article = false;
        verdict = why;
    }

    void copyOf(ExtractionReport other) {
        removals.clear();
        removals.addAll(other.removals);
        article = other.article;
        verdict = other.verdict;
        keptCharacters = other.keptCharacters;
        pageCharacters = other.pageCharacters;
    }

    void sizes(int kept, int page) {
        keptCharacters = kept;
        pageCharacters = page;
    }

    @Override
    public String toString() {
        return "ExtractionReport{article=" + article + (verdict.isEmpty() ? "" : " (" + verdict + ")") + ", kept "
                + keptCharacters + " of " + pageCharacters + " characters, removed " + removals + "}";
    }
}
