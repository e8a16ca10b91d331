package org.articlekit.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.BookBinder;
import org.articlekit.web.FullText;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of {@code convert} for feeds and lists of addresses: what is read, and how much of it. */
final class WebFlags {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    @Option(names = "--input-list", paramLabel = "FILE",
            description = "Read more INPUTs from FILE, one per line (addresses or paths; blank lines and lines "
                    + "starting with # are skipped).")
    @Nullable Path inputList;

    @Option(names = "--full-text", paramLabel = "auto|always|never",
            description = "Feeds: fetch each item's page and extract its article: 'auto' (the default) when the item "
                    + "holds only a summary (under 500 characters, or ending in …), 'always', or 'never'. An item "
                    + "whose page fails keeps its summary, with a warning. --offline means never.")
    @Nullable String fullText;

    @Option(names = "--since", paramLabel = "DATE|DURATION",
            description = "Feeds and web archives: keep only articles published since DATE (2026-11-01) or in the "
                    + "last DURATION (30m, 12h, 7d, 2w). Articles without a date are kept.")
    @Nullable String since;

    @Option(names = "--max-articles", paramLabel = "N",
            description = "Feeds and web archives: keep at most the newest N articles of each (default: all).")
    int maxArticles;

    /** @return a problem with the values of these flags, or null */
    @Nullable String check() {
        if (maxArticles < 0) {
            return "--max-articles must be 0 or more, not " + maxArticles;
        }
        try {
            fullText();
            since(Instant.now());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** @return the full-text mode; {@link FullText#NEVER} when offline */
    FullText fullText(boolean offline) {
        return offline ? FullText.NEVER : fullText();
    }

    private FullText fullText() {
        if (fullText == null) {
            return FullText.AUTO;
        }
        return switch (fullText.strip().toLowerCase(Locale.ROOT)) {
            case "auto" -> FullText.AUTO;
            case "always" -> FullText.ALWAYS;
            case "never" -> FullText.NEVER;
            default -> throw new IllegalArgumentException("--full-text must be auto, always or never, not '"
                    + fullText + "'");
        };
    }

    /**
     * @param now the present
     * @return the oldest date kept, or null for all
     * @throws IllegalArgumentException when {@code --since} is neither a date nor a duration
     */
    @Nullable Instant since(Instant now) {
        if (since == null) {
            return null;
        }
        String s = since.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        try {
            return OffsetDateTime.parse(since.strip()).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(since.strip()).atStartOfDay(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notADay) {
                throw new IllegalArgumentException("--since must be a date (2026-11-01, 2026-11-01T08:00+08:00) or a "
                        + "duration (30m, 12h, 7d, 2w), not '" + since + "'");
            }
        }
    }

    /** @return the binder with these flags' selection and full-text mode */
    BookBinder.Builder apply(BookBinder.Builder b, boolean offline) {
        return b.fullText(fullText(offline)).since(since(Instant.now())).maxArticles(maxArticles);
    }

    /**
     * @return the inputs the list file names, in order
     * @throws ArticleFormatException naming the list file and line when it cannot be read
     */
    List<String> listed() throws ArticleFormatException {
        List<String> found = new ArrayList<>();
        if (inputList == null) {
            return found;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(inputList, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArticleFormatException(inputList.toString(), 0, null, "cannot be read: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith("\uFEFF")) {
                l = l.substring(1).strip();
            }
            if (!l.isEmpty() && !l.startsWith("#")) {
                found.add(l);
            }
        }
        if (found.isEmpty()) {
            throw new ArticleFormatException(inputList.toString(), "names no inputs (one address or path per line)");
        }
        return found;
    }
}
