package io.callstream.ingress.site;

/** Where the edge gets the current {@link SiteCatalog}: memory only, never I/O on the request path. */
@FunctionalInterface
public interface Sites {

    SiteCatalog current();
}
