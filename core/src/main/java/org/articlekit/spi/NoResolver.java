package org.articlekit.spi;

/** The resolver that refuses everything, one instance, so that a writer can tell it from a real one. */
final class NoResolver implements ResourceResolver {

    static final NoResolver INSTANCE = new NoResolver();

    private NoResolver() {
    }

    @Override
    public org.articlekit.Resource resolve(String reference) throws ResourceUnavailableException {
        throw new ResourceUnavailableException(reference, "no resource resolver is configured");
    }
}
