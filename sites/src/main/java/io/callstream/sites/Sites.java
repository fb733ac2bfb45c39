package io.callstream.sites;

/** Where the edge gets the current {@link SiteCatalog}: memory only, never I/O on the request path. */
@FunctionalInterface
public interface Sites {

    SiteCatalog current();
}
