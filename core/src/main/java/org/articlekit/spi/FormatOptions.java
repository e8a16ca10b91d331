package org.articlekit.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The options of each format, kept by their class: a writer asks for its own options class and
 * falls back to that class's defaults. Only {@link Options} classes go in, so a wrong argument is a
 * compile error rather than a surprise at run time.
 *
 * <pre>{@code
 * FormatOptions opts = FormatOptions.of(HtmlOptions.builder().fragment(true).build());
 * HtmlOptions html = opts.get(HtmlOptions.class, HtmlOptions::defaults);
 * }</pre>
 *
 * <p>Immutable and thread-safe when the options it holds are (every options class of ArticleKit is).
 */
public final class FormatOptions {

    private static final FormatOptions NONE = new FormatOptions(Map.of());

    private final Map<Class<?>, Options> byClass;

    private FormatOptions(Map<Class<?>, Options> byClass) {
        this.byClass = byClass;
    }

    /** @return no options: every format uses its defaults */
    public static FormatOptions none() {
        return NONE;
    }

    /**
     * @param options options objects, at most one per class
     * @return the container
     * @throws IllegalArgumentException when two options share a class
     */
    public static FormatOptions of(Options... options) {
        FormatOptions result = NONE;
        for (Options o : options) {
            Objects.requireNonNull(o, "options");
            if (result.byClass.containsKey(o.getClass())) {
                throw new IllegalArgumentException("two options of class " + o.getClass().getName());
            }
            result = result.with(o);
        }
        return result;
    }

    /**
     * @param options options to add, replacing any of the same class
     * @return a new container
     */
    public FormatOptions with(Options options) {
        Objects.requireNonNull(options, "options");
        Map<Class<?>, Options> map = new LinkedHashMap<>(byClass);
        map.put(options.getClass(), options);
        return new FormatOptions(Map.copyOf(map));
    }

    /**
     * @param type the options class
     * @param <T> the options type
     * @return the options of that class, when given
     */
    public <T extends Options> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(byClass.get(type)));
    }

    /**
     * @param type the options class
     * @param defaults gives the defaults when no options of that class were given
     * @param <T> the options type
     * @return the options
     */
    public <T extends Options> T get(Class<T> type, Supplier<T> defaults) {
        return get(type).orElseGet(defaults);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormatOptions f && byClass.equals(f.byClass);
    }

    @Override
    public int hashCode() {
        return byClass.hashCode();
    }

    @Override
    public String toString() {
        return "FormatOptions" + byClass.values();
    }
}
