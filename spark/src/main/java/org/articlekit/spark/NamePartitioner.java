package org.articlekit.spark;

import org.apache.spark.Partitioner;

/**
 * Sends every record of one output name to the same partition (records without a name, failures
 * and counts, are spread by their source and place), whatever the executor that read them.
 */
final class NamePartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final int partitions;

    NamePartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        RecordKey k = (RecordKey) key;
        int h = k.name().isEmpty() ? (k.source() + "#" + k.offset()).hashCode() : k.name().hashCode();
        return Math.floorMod(h, partitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamePartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
