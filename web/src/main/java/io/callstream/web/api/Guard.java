package io.callstream.web.api;

import java.util.Optional;

/**
 * Who may call a route. Every route declares one ({@link ApiRoutes}), so none is public by
 * omission; the application says how each guard it uses is enforced.
 */
public enum Guard {

    /** Anyone: nothing secret behind it. */
    PUBLIC(null),
    /** A PBX: the site's token in the path, answered in Zammad's shape when wrong. */
    SITE_TOKEN(null),
    /** An administrator: {@code Authorization: Bearer <admin token>}. */
    ADMIN_TOKEN("admin-token"),
    /** A reader of calls and contacts: {@code Authorization: Bearer <API token>}. */
    API_TOKEN("api-token");

    private final String securityScheme;

    Guard(String securityScheme) {
        this.securityScheme = securityScheme;
    }

    /** The OpenAPI security scheme that documents this guard; the site token is a path parameter instead. */
    public Optional<String> securityScheme() {
        return Optional.ofNullable(securityScheme);
    }
}
