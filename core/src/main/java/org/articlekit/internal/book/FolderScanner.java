package org.articlekit.internal.book;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.articlekit.ArticleSource;
import org.articlekit.Diagnostic;

/**
 * Finds the articles in a folder the way the command line promises: regular files with a known
 * extension only, never leaving the folder.
 *
 * <p>The walk does not follow symbolic links. A link to a regular file is kept only when its real
 * path is inside the folder; links to folders are not entered. FIFOs, devices and sockets are
 * skipped (opening a FIFO would block), and so are hidden entries (names starting with a dot).
 * Folders whose names look like files ({@code x.html/}) are entered as folders, never read as
 * files. What is skipped for a reason a user may not expect is reported as a warning.
 */
public final class FolderScanner {

    private final Set<String> extensions;
    private final Consumer<Diagnostic> warnings;

    /**
     * @param extensions the lower-case extensions (without dots) of readable files
     * @param warnings receives one {@code input.skipped} warning per surprising skip
     */
    public FolderScanner(Collection<String> extensions, Consumer<Diagnostic> warnings) {
        this.extensions = Set.copyOf(extensions);
        this.warnings = warnings;
    }

    /**
     * @param dir the folder as the user named it
     * @return the articles found, ordered by their path inside the folder
     * @throws IOException when the folder itself cannot be read
     */
    public List<ArticleSource.Entry> scan(Path dir) throws IOException {
        Path root = dir.toRealPath();
        List<ArticleSource.Entry> found = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(root) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (hidden(f) || !known(f)) {
                    return FileVisitResult.CONTINUE;
                }
                Path shown = dir.resolve(root.relativize(f));
                if (attrs.isRegularFile()) {
                    found.add(input(root, f, shown));
                } else if (attrs.isSymbolicLink()) {
                    link(root, f, shown, found);
                } else if (!attrs.isDirectory()) {
                    skip(shown, "not a regular file (a FIFO, device or socket), skipped");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                skip(dir.resolve(root.relativize(f)), describe(e) + ", skipped");
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(ArticleSource.Entry::name));
        return List.copyOf(found);
    }

    private void link(Path root, Path f, Path shown, List<ArticleSource.Entry> found) {
        Path real;
        try {
            real = f.toRealPath();
        } catch (IOException e) {
            skip(shown, "broken symbolic link, skipped");
            return;
        }
        if (!real.startsWith(root)) {
            skip(shown, "symbolic link to a file outside " + root + ", skipped");
        } else if (Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            found.add(input(root, f, shown));
        }
    }

    private static ArticleSource.Entry input(Path root, Path f, Path shown) {
        return new ArticleSource.Entry(shown, root.relativize(f).toString());
    }

    private void skip(Path shown, String why) {
        warnings.accept(new Diagnostic("input.skipped", why, shown.toString(), 0, null));
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Whether the name ends in a known extension: its last part ({@code html}) or last two ({@code warc.gz}). */
    private boolean known(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        int before = name.lastIndexOf('.', dot - 1);
        return extensions.contains(name.substring(dot + 1))
                || before > 0 && extensions.contains(name.substring(before + 1));
    }
}
