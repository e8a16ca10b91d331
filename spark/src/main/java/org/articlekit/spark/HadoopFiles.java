package org.articlekit.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the job's files through Hadoop's file systems (local, HDFS, S3…), so that executors write
 * their outputs where the output folder is. Carries the driver's Hadoop configuration to the
 * executors (it is not serializable itself). Posts and books in a local folder are written by the
 * library itself ({@link #local}). A file is written under a temporary name in the
 * same folder and renamed into place, so no reader sees half a file; a task retried writes the
 * same bytes again.
 */
final class HadoopFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Configuration conf;

    HadoopFiles(Configuration conf) {
        this.conf = new Configuration(conf);
    }

    /** What writes one file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param dir the folder
     * @param name the file name
     * @param content writes the bytes
     * @throws IOException when the file cannot be written
     */
    void write(String dir, String name, Content content) throws IOException {
        Path target = new Path(new Path(dir), name);
        FileSystem fs = target.getFileSystem(conf);
        fs.setWriteChecksum(false);
        Path tmp = new Path(target.getParent(), "._" + name + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (OutputStream out = fs.create(tmp, true)) {
                content.writeTo(out);
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot move " + tmp + " to " + target);
            }
        } finally {
            if (fs.exists(tmp)) {
                fs.delete(tmp, false);
            }
        }
    }

    /**
     * @param dir the folder
     * @param name a file name
     * @return the file as a local path, when the folder is on the local file system: the library
     *     writes it there itself, atomically (as the command line writes), at the cost of a few system
     *     calls rather than Hadoop's dozen and more
     * @throws IOException when the file system cannot be reached
     */
    Optional<java.nio.file.Path> local(String dir, String name) throws IOException {
        Path target = new Path(new Path(dir), name);
        FileSystem fs = target.getFileSystem(conf);
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            return Optional.of(java.nio.file.Path.of(fs.makeQualified(target).toUri().getPath()));
        }
        return Optional.empty();
    }

    /** @param dir a folder to make, with its parents @throws IOException when it cannot be made */
    void mkdirs(String dir) throws IOException {
        Path p = new Path(dir);
        if (!p.getFileSystem(conf).mkdirs(p)) {
            throw new IOException("cannot make the folder " + dir);
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
