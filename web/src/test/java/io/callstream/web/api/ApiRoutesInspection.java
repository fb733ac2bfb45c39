package io.callstream.web.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.server.RouterFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the route tests of every application check: the routes a running application has with
 * their guards, routers that bypass {@link ApiRoutes}, and what its OpenAPI document says.
 */
public final class ApiRoutesInspection {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private ApiRoutesInspection() {
    }

    /** Every route of the application, as "METHOD path GUARD" ("*" for other methods), in router order. */
    public static List<String> routes(ApplicationContext context) {
        return context.getBeanProvider(ApiRoutes.class).orderedStream()
                .flatMap(router -> router.table().stream()).map(Route::toString).toList();
    }

    public static List<Route> guardedRoutes(ApplicationContext context) {
        return context.getBeanProvider(ApiRoutes.class).orderedStream()
                .flatMap(router -> router.table().stream()).filter(route -> route.method() != null).toList();
    }

    /** Router beans that are not an {@link ApiRoutes}: their routes would declare no guard. */
    @SuppressWarnings("rawtypes")
    public static List<String> routersOutsideApiRoutes(ApplicationContext context) {
        Map<String, RouterFunction> routers = context.getBeansOfType(RouterFunction.class);
        return routers.entrySet().stream().filter(router -> !(router.getValue() instanceof ApiRoutes))
                .map(Map.Entry::getKey).toList();
    }

    /** The route's path with every variable filled in ({siteId} becomes "siteId-1"). */
    public static String samplePath(Route route) {
        return PATH_VARIABLE.matcher(route.path()).replaceAll("$1-1");
    }

    /** Every operation of an OpenAPI document as "METHOD path". */
    public static Set<String> documentedOperations(String openApi) {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = JsonMapper.shared().readTree(openApi).path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }
        return operations;
    }

    public static JsonNode schema(String openApi, String name) {
        return JsonMapper.shared().readTree(openApi).path("components").path("schemas").path(name);
    }

    /** "Schema.property" for every property of every schema whose name is not snake_case, except in {@code exempt}. */
    public static List<String> propertiesNotInSnakeCase(String openApi, Set<String> exempt) {
        List<String> found = new ArrayList<>();
        JsonNode schemas = JsonMapper.shared().readTree(openApi).path("components").path("schemas");
        for (String schema : schemas.propertyNames()) {
            if (exempt.contains(schema)) {
                continue;
            }
            for (Iterator<String> names = schemas.path(schema).path("properties").propertyNames().iterator();
                    names.hasNext(); ) {
                String property = names.next();
                if (!SNAKE_CASE.matcher(property).matches()) {
                    found.add(schema + "." + property);
                }
            }
        }
        return found;
    }
}
