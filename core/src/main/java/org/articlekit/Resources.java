package org.articlekit;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The files an article refers to, each stored once and looked up by its name or by the reference
 * it was read from.
 *
 * <pre>{@code
 * Resources res = Resources.empty().with(Resource.of(png, "image/png", "cat.png"));
 * res.find("cat.png");   // by the original reference
 * }</pre>
 *
 * <p>Adding content that is already present keeps one copy, and remembers the new reference as
 * another way to find it. Immutable and thread-safe.
 */
public final class Resources {

    private static final Resources EMPTY = new Resources(Map.of(), Map.of());

    private final Map<String, Resource> byName;
    private final Map<String, String> nameBySource;

    private Resources(Map<String, Resource> byName, Map<String, String> nameBySource) {
        this.byName = byName;
        this.nameBySource = nameBySource;
    }

    /** @return no resources */
    public static Resources empty() {
        return EMPTY;
    }

    /**
     * @param resources the resources; repeats of the same content are stored once
     * @return the collection
     */
    public static Resources of(Collection<Resource> resources) {
        Resources r = EMPTY;
        for (Resource x : resources) {
            r = r.with(Objects.requireNonNull(x, "resource"));
        }
        return r;
    }

    /**
     * @param resource a resource to add
     * @return a collection with the resource (or, for content already present, its reference) added
     */
    public Resources with(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        String source = resource.source().orElse(null);
        boolean known = byName.containsKey(resource.name());
        if (known && (source == null || nameBySource.containsKey(source))) {
            return this;
        }
        Map<String, Resource> names = byName;
        if (!known) {
            names = new LinkedHashMap<>(byName);
            names.put(resource.name(), resource);
            names = Collections.unmodifiableMap(names);
        }
        Map<String, String> sources = nameBySource;
        if (source != null && !nameBySource.containsKey(source)) {
            sources = new LinkedHashMap<>(nameBySource);
            sources.put(source, resource.name());
            sources = Collections.unmodifiableMap(sources);
        }
        return new Resources(names, sources);
    }

    /**
     * @param name a resource name
     * @return the resource with that name
     */
    public Optional<Resource> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Finds a resource by the reference it was read from, such as the {@code src} of an image in
     * the body; writers use this to embed images whose addresses the body keeps.
     *
     * @param source the reference as written in the article
     * @return the resource read from that reference
     */
    public Optional<Resource> bySource(String source) {
        String name = nameBySource.get(source);
        return name == null ? Optional.empty() : get(name);
    }

    /**
     * Finds the resource an image reference means: by name first, then by source.
     *
     * @param reference a resource name or an original reference
     * @return the resource
     */
    public Optional<Resource> find(String reference) {
        Optional<Resource> hit = get(reference);
        return hit.isPresent() ? hit : bySource(reference);
    }

    /** @return every resource, in the order added */
    public List<Resource> all() {
        return List.copyOf(byName.values());
    }

    /** @return the original references and the names of the resources read from them, in order */
    public Map<String, String> sources() {
        return nameBySource;
    }

    /** @return how many resources there are */
    public int size() {
        return byName.size();
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resources r && byName.equals(r.byName) && nameBySource.equals(r.nameBySource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byName, nameBySource);
    }

    @Override
    public String toString() {
        return "Resources" + byName.keySet();
    }
}
