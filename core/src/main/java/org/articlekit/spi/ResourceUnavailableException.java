package org.articlekit.spi;

import java.io.IOException;

/**
 * A resource reference that was refused or not found. Readers and writers usually turn it into an
 * {@code image.unresolved} warning and go on.
 */
public class ResourceUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String reference;
    private final String reason;

    /**
     * @param reference the reference as written in the document
     * @param reason why it is unavailable, such as "is outside the article folder"
     */
    public ResourceUnavailableException(String reference, String reason) {
        super(reference + ": " + reason);
        this.reference = reference;
        this.reason = reason;
    }

    /** @return the reference as written in the document */
    public String reference() {
        return reference;
    }

    /** @return why it is unavailable */
    public String reason() {
        return reason;
    }
}
