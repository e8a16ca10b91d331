package org.articlekit.epub.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Book;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.spi.ArticleHeader;
import org.jspecify.annotations.Nullable;

/**
 * What a book says about itself, with stand-ins taken from its articles: title, authors, language,
 * the span of dates, the modification time (the latest date in the book, so the same content
 * always gives the same package).
 */
record BookFacts(String title, List<String> authors, String language, String dates, @Nullable String date,
        String modified, List<String> subjects) {

    private static final int MAX_AUTHORS = 20;
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    static BookFacts of(Book book) {
        Metadata m = book.metadata();
        List<Article> articles = book.articles();
        String title = m.title().orElseGet(() -> articles.size() == 1 ? articles.get(0).metadata().title()
                .orElse("Untitled") : "Articles");
        List<String> authors = new ArrayList<>(m.authors());
        if (authors.isEmpty()) {
            Set<String> all = new LinkedHashSet<>();
            for (Article a : articles) {
                all.addAll(a.metadata().authors());
                if (all.size() >= MAX_AUTHORS) {
                    break;
                }
            }
            authors.addAll(all);
            if (authors.size() > MAX_AUTHORS) {
                authors = authors.subList(0, MAX_AUTHORS);
            }
        }
        String language = m.language().or(book::commonestLanguage).orElse("und");
        ArticleDate first = null;
        ArticleDate last = null;
        for (Article a : articles) {
            ArticleDate d = a.metadata().published().or(() -> a.metadata().updated()).orElse(null);
            if (d != null && d.isParsed()) {
                if (first == null || d.sortKey() < first.sortKey()) {
                    first = d;
                }
                if (last == null || d.sortKey() > last.sortKey()) {
                    last = d;
                }
            }
        }
        String dates = "";
        if (first != null) {
            String a = ArticleHeader.displayDate(first);
            String b = ArticleHeader.displayDate(last);
            dates = a.equals(b) ? a : a + " – " + b;
        }
        ArticleDate own = m.published().filter(ArticleDate::isParsed).orElse(last);
        String date = own == null ? null : own.dateTime().orElseThrow().toLocalDate().toString();
        String modified = book.latestDate().map(i -> MODIFIED.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)))
                .orElse("1980-01-01T00:00:00Z");
        List<String> subjects = new ArrayList<>(m.tags());
        for (CategoryPath p : m.categories()) {
            subjects.add(p.toString());
        }
        return new BookFacts(title, List.copyOf(authors), language, dates, date, modified, List.copyOf(subjects));
    }
}
