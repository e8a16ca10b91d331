package org.articlekit.spi;

/**
 * The options of one format ({@code HtmlOptions}, {@code MarkdownOptions}, {@code EpubOptions}, {@code PdfOptions},
 * {@code TextOptions}, or a format of your own): what {@link FormatOptions} holds, one per class. Implement it on
 * the options class of a format you add; the compiler then refuses anything else in {@link FormatOptions#of}.
 *
 * <p>Options classes should be immutable, so that one {@link FormatOptions} can be shared by threads.
 */
public interface Options {
}
