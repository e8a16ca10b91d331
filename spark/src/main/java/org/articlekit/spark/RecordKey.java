package org.articlekit.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Places a record on an executor by its output name, and orders records by name, then by input and
 * place in it, so that a name given twice (an address crawled twice) is written once, from its
 * first record, as the command line keeps the first.
 *
 * @param name the output name, empty for failures and counts
 * @param source the input
 * @param offset the place in the input
 */
record RecordKey(String name, String source, long offset) implements Serializable, Comparable<RecordKey> {

    private static final Comparator<RecordKey> ORDER = Comparator.comparing(RecordKey::name)
            .thenComparing(RecordKey::source).thenComparingLong(RecordKey::offset);

    @Override
    public int compareTo(RecordKey o) {
        return ORDER.compare(this, o);
    }
}
