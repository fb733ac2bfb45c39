package io.callstream.web.api;

import org.springframework.http.HttpMethod;

/**
 * One route of an application and who may call it.
 *
 * @param method {@code null} for a route that takes every method not routed otherwise
 */
public record Route(HttpMethod method, String path, Guard guard) {

    @Override
    public String toString() {
        return (method == null ? "*" : method.name()) + " " + path + " " + guard;
    }
}
