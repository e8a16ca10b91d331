package org.articlekit.spi;

/**
 * Receives a book writer's reports of the chapters it has written, for progress bars.
 *
 * <pre>{@code
 * ConversionContext ctx = ConversionContext.builder()
 *         .progress((done, total) -> bar.stepTo(done)).build();
 * }</pre>
 *
 * <p>Book writers ({@link BookWriter}) call it once per chapter, in order, on the writing thread,
 * with the number of chapters written so far and the book's number of chapters. A writer that lays
 * the book out in one step after preparing its chapters reports each chapter when it is prepared.
 * Implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ChapterProgress {

    /** Ignores every report. */
    ChapterProgress NONE = (done, total) -> { };

    /**
     * @param done the chapters written so far, from 1
     * @param total the chapters of the book
     */
    void chapterWritten(int done, int total);
}
