package org.articlekit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A publication or update date exactly as an input wrote it, together with what it means.
 *
 * <p>An {@code ArticleDate} keeps three things: the original text ({@link #text()}), the wall-clock
 * date and time it names ({@link #dateTime()}), and the UTC offset when the input gave one
 * ({@link #offset()}). A date without a zone is never placed in the machine's default zone: it has
 * no {@link #instant()}, and {@link #hasZone()} is {@code false}.
 *
 * <pre>{@code
 * ArticleDate d = ArticleDate.parse("Fri, 16 Jul 2021 20:06:53 GMT");
 * d.instant();   // Optional[2021-07-16T20:06:53Z]
 * d.text();      // "Fri, 16 Jul 2021 20:06:53 GMT"
 * }</pre>
 *
 * <p>Recognised forms: ISO-8601 date, date-time and offset date-time (also with a space instead of
 * {@code T}, with or without seconds), RFC 1123 ({@code Fri, 16 Jul 2021 20:06:53 GMT}), slashed
 * dates ({@code 2021/07/16 20:06}) and Chinese dates ({@code 2021年7月16日 20:06}). Text in any
 * other form is kept as an unparsed date: {@link #isParsed()} is {@code false}.
 *
 * <p>Instances are immutable and thread-safe; two dates are equal when their text and meaning are.
 */
public final class ArticleDate {

    private static final DateTimeFormatter RFC_1123 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .parseLenient()
            .optionalStart()
            .appendPattern("EEE, ")
            .optionalEnd()
            .appendPattern("d MMM yyyy HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .appendLiteral(' ')
            .appendOffset("+HHMM", "GMT")
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter RFC_1123_NAMED_ZONE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart()
            .appendPattern("EEE, ")
            .optionalEnd()
            .appendPattern("d MMM yyyy HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalEnd()
            .appendLiteral(' ')
            .appendPattern("z")
            .toFormatter(Locale.ROOT);

    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})"
                    + "(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

    private static final Pattern CHINESE = Pattern.compile(
            "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]"
                    + "(?:\\s*(?:(上午|下午|晚上)\\s*)?(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})\\s*分?"
                    + "(?:\\s*[:：]\\s*(\\d{1,2})\\s*秒?)?)?");

    private final String text;
    private final @Nullable LocalDateTime dateTime;
    private final @Nullable ZoneOffset offset;
    private final boolean hasTime;

    private ArticleDate(String text, @Nullable LocalDateTime dateTime, @Nullable ZoneOffset offset, boolean hasTime) {
        this.text = Objects.requireNonNull(text, "text");
        this.dateTime = dateTime;
        this.offset = offset;
        this.hasTime = hasTime;
    }

    /**
     * Parses a date in any of the recognised forms; text in another form gives an unparsed date
     * that still keeps the text.
     *
     * @param text the date as the input wrote it; surrounding white space is ignored when parsing
     *     but kept in {@link #text()}
     * @return the date, never {@code null}
     */
    public static ArticleDate parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        // Numeric and Chinese forms first: they are the common ones, and a regular expression that
        // does not match costs far less than a formatter that throws.
        Matcher m = NUMERIC.matcher(s);
        if (m.matches()) {
            return fromParts(text, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6),
                    m.group(7), m.group(8), null);
        }
        m = CHINESE.matcher(s);
        if (m.matches()) {
            return fromParts(text, m.group(1), m.group(2), m.group(3), m.group(5), m.group(6), m.group(7),
                    null, null, m.group(4));
        }
        if (!s.isEmpty() && Character.isLetterOrDigit(s.charAt(0))) {
            for (DateTimeFormatter f : List.of(RFC_1123, RFC_1123_NAMED_ZONE)) {
                try {
                    TemporalAccessor t = f.parse(s);
                    ZonedDateTime z = ZonedDateTime.from(t);
                    return new ArticleDate(text, z.toLocalDateTime(), z.getOffset(), true);
                } catch (DateTimeException e) {
                    // not this form; the next form is tried
                }
            }
        }
        return new ArticleDate(text, null, null, false);
    }

    private static ArticleDate fromParts(String text, String y, String mo, String d, @Nullable String h,
            @Nullable String mi, @Nullable String sec, @Nullable String frac, @Nullable String zone,
            @Nullable String halfDay) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            if (h == null) {
                return new ArticleDate(text, date.atStartOfDay(), null, false);
            }
            int hour = Integer.parseInt(h);
            if (halfDay != null && !halfDay.equals("上午") && hour < 12) {
                hour += 12;
            }
            int nanos = 0;
            if (frac != null) {
                nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
            }
            LocalTime time = LocalTime.of(hour, Integer.parseInt(Objects.requireNonNull(mi)),
                    sec == null ? 0 : Integer.parseInt(sec), nanos);
            ZoneOffset offset = zone == null ? null : parseOffset(zone);
            return new ArticleDate(text, date.atTime(time), offset, true);
        } catch (DateTimeException | NumberFormatException e) {
            return new ArticleDate(text, null, null, false);
        }
    }

    private static ZoneOffset parseOffset(String zone) {
        String z = zone.toUpperCase(Locale.ROOT);
        if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        if (z.length() == 3) {
            z = z + ":00";
        } else if (z.length() == 5) {
            z = z.substring(0, 3) + ":" + z.substring(3);
        }
        return ZoneOffset.of(z);
    }

    /**
     * A date with a known offset; its text is the ISO-8601 form.
     *
     * @param dateTime the date and time with its offset
     * @return the date
     */
    public static ArticleDate of(OffsetDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return new ArticleDate(dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                dateTime.toLocalDateTime(), dateTime.getOffset(), true);
    }

    /**
     * A date and time without a zone; its text is the ISO-8601 form.
     *
     * @param dateTime the wall-clock date and time
     * @return the date
     */
    public static ArticleDate of(LocalDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return new ArticleDate(dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), dateTime, null, true);
    }

    /**
     * A calendar day without a time; its text is {@code yyyy-MM-dd}.
     *
     * @param date the day
     * @return the date
     */
    public static ArticleDate of(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new ArticleDate(date.toString(), date.atStartOfDay(), null, false);
    }

    /**
     * Rebuilds a date from its text and its meaning, as stored by a format that keeps both (such as
     * our HTML writer's JSON-LD); when {@code iso} does not parse, the date is parsed from {@code text}.
     *
     * @param text the original text
     * @param iso the meaning as written by {@link #isoString()}
     * @return the date
     */
    public static ArticleDate of(String text, String iso) {
        Objects.requireNonNull(text, "text");
        ArticleDate meaning = parse(Objects.requireNonNull(iso, "iso"));
        if (!meaning.isParsed()) {
            return parse(text);
        }
        boolean timed = iso.contains("T");
        return new ArticleDate(text, meaning.dateTime, meaning.offset, timed);
    }

    /** @return the date exactly as the input wrote it */
    public String text() {
        return text;
    }

    /** @return whether the text was understood as a date */
    public boolean isParsed() {
        return dateTime != null;
    }

    /** @return whether the input named a time zone or offset */
    public boolean hasZone() {
        return offset != null;
    }

    /** @return whether the input gave a time of day, not only a day */
    public boolean hasTime() {
        return hasTime;
    }

    /** @return the wall-clock date and time the text names, when it was understood */
    public Optional<LocalDateTime> dateTime() {
        return Optional.ofNullable(dateTime);
    }

    /** @return the UTC offset the text names, when it names one */
    public Optional<ZoneOffset> offset() {
        return Optional.ofNullable(offset);
    }

    /** @return the instant, present only when the text was understood and named a zone */
    public Optional<Instant> instant() {
        return dateTime == null || offset == null ? Optional.empty() : Optional.of(dateTime.toInstant(offset));
    }

    /**
     * The meaning in ISO-8601: an offset date-time ({@code 2021-07-16T20:06:53Z}) when a zone was
     * given, a local date-time ({@code 2021-07-16T20:06:53}) when only a time was, a day
     * ({@code 2021-07-16}) when only a day was.
     *
     * @return the ISO-8601 text, or empty when the date was not understood
     */
    public Optional<String> isoString() {
        if (dateTime == null) {
            return Optional.empty();
        }
        if (offset != null) {
            return Optional.of(dateTime.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (!hasTime && dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return Optional.of(dateTime.toLocalDate().toString());
        }
        return Optional.of(dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    /**
     * A key that orders dates by time: the instant when the zone is known, else the wall clock read
     * as UTC. Unparsed dates sort last.
     *
     * @return seconds since the epoch, or {@link Long#MAX_VALUE} when unparsed
     */
    public long sortKey() {
        if (dateTime == null) {
            return Long.MAX_VALUE;
        }
        return dateTime.toEpochSecond(offset == null ? ZoneOffset.UTC : offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArticleDate other
                && text.equals(other.text)
                && Objects.equals(dateTime, other.dateTime)
                && Objects.equals(offset, other.offset)
                && hasTime == other.hasTime;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, dateTime, offset, hasTime);
    }

    @Override
    public String toString() {
        return isoString().map(iso -> iso.equals(text) ? text : text + " (" + iso + ")").orElse(text);
    }

}
