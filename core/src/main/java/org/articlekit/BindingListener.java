package org.articlekit;

import java.io.IOException;

/**
 * Hears how a {@link BookBinder} is getting on: inputs read, inputs that failed, chapters written.
 *
 * <pre>{@code
 * BookBinder binder = BookBinder.builder().listener(new BindingListener() {
 *     public void inputRead(String name, int done, int total, int articles, int images) { bar.step(); }
 * }).build();
 * }</pre>
 *
 * <p>Every method does nothing by default. Inputs are read on several threads, so {@link #inputRead}
 * and {@link #inputFailed} may be called concurrently: implementations must be thread-safe. Warnings
 * go to the converter's warning consumer ({@link Converter.Builder#warnings}), not here. A listener
 * must not throw.
 */
public interface BindingListener {

    /** A listener that ignores everything. */
    BindingListener NONE = new BindingListener() {
    };

    /**
     * Reading starts.
     *
     * @param total the number of inputs to read, or -1 when not known (an iterable of articles)
     */
    default void reading(int total) {
    }

    /**
     * One input was read, with the images it refers to.
     *
     * @param name the input's name (see {@link ArticleSource.Entry#name()})
     * @param done the inputs read or failed so far
     * @param total the number of inputs, or -1 when not known
     * @param articles the articles it held (1, or more for an EPUB or PDF)
     * @param images the images read with them (from files beside the input, or downloaded)
     */
    default void inputRead(String name, int done, int total, int articles, int images) {
    }

    /**
     * One input could not be read. The binder reads the others, then fails with the first failure.
     *
     * @param name the input's name
     * @param failure what went wrong; it names the file
     */
    default void inputFailed(String name, IOException failure) {
    }

    /**
     * Writing starts.
     *
     * @param chapters the number of chapters of the book
     */
    default void writing(int chapters) {
    }

    /**
     * A chapter was written (for PDF: prepared; the book is laid out after the last one).
     *
     * @param done the chapters written so far
     * @param total the chapters of the book
     */
    default void chapterWritten(int done, int total) {
    }
}
