package org.articlekit.examples.cli;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input file of a command: named on the command line, or found by scanning a folder.
 *
 * @param path the file as it is opened (the folder argument joined with the relative name)
 * @param root the real path of the scanned folder it was found in, or {@code null} when named directly
 * @param name the name used to order articles and to name outputs: the path inside the scanned
 *     folder, or the argument as given
 */
record Input(Path path, @Nullable Path root, String name) {

    Input {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
    }

    /** An input named directly on the command line. */
    static Input named(Path path) {
        return new Input(path, null, path.toString());
    }

    /** @return the path as shown in messages */
    String display() {
        return path.toString();
    }
}
