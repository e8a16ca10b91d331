package org.articlekit;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The files an article refers to, each stored once and looked up by its name.
 *
 * <pre>{@code
 * Resources res = Resources.empty().with(Resource.of(png, "image/png", null));
 * res.get("images/…png");
 * }</pre>
 *
 * <p>Adding content that is already present keeps one copy. Immutable and thread-safe.
 */
public final class Resources {

    private static final Resources EMPTY = new Resources(Map.of());

    private final Map<String, Resource> byName;

    private Resources(Map<String, Resource> byName) {
        this.byName = byName;
    }

    /** @return no resources */
    public static Resources empty() {
        return EMPTY;
    }

    /**
     * @param resources the resources; repeats of the same name are stored once
     * @return the collection
     */
    public static Resources of(Collection<Resource> resources) {
        Map<String, Resource> map = new LinkedHashMap<>();
        for (Resource r : resources) {
            map.putIfAbsent(Objects.requireNonNull(r, "resource").name(), r);
        }
        return map.isEmpty() ? EMPTY : new Resources(Collections.unmodifiableMap(map));
    }

    /**
     * @param resource a resource to add
     * @return a collection with the resource added (this one when it was present already)
     */
    public Resources with(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        if (byName.containsKey(resource.name())) {
            return this;
        }
        Map<String, Resource> map = new LinkedHashMap<>(byName);
        map.put(resource.name(), resource);
        return new Resources(Collections.unmodifiableMap(map));
    }

    /**
     * @param name a resource name
     * @return the resource with that name
     */
    public Optional<Resource> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @return every resource, in the order added */
    public List<Resource> all() {
        return List.copyOf(byName.values());
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
        return o instanceof Resources r && byName.equals(r.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "Resources" + byName.keySet();
    }
}
