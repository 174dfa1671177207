package io.prescale.contract.summary;

import java.net.URI;
import java.util.Locale;

/**
 * A link on the summary: a relative path (an archived file, {@code artifact/prescale/policy.json}) or an absolute
 * http(s) URL (a published dashboard). Anything else ({@code javascript:}, {@code data:}, a path going up with
 * {@code ..}) is refused.
 */
public record Link(String label, String href) {
    public Link {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
        if (!safe(href)) {
            throw new IllegalArgumentException("link must be a relative path or an http(s) URL, got '" + href + "'");
        }
    }

    /** Whether {@code href} may be put on the page. */
    public static boolean safe(String href) {
        if (href == null || href.isBlank() || href.startsWith("//") || href.contains("\\")) {
            return false;
        }
        try {
            URI uri = new URI(href);
            if (uri.getScheme() == null) {
                return !href.startsWith("/") && !("/" + uri.getPath() + "/").contains("/../");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
