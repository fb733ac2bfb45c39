package io.callstream.web.api;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.arrayschema.Builder.arraySchemaBuilder;
import static org.springdoc.core.fn.builders.content.Builder.contentBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;
import static org.springdoc.core.fn.builders.schema.Builder.schemaBuilder;
import static org.springdoc.core.fn.builders.securityrequirement.Builder.securityRequirementBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springdoc.core.fn.builders.content.Builder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The OpenAPI description of one route, written beside the route ({@link ApiRoutes}): what it
 * takes, what it answers, and which problems it can answer with. The guard adds its own security
 * requirement and 401.
 */
public final class ApiOperation {

    private final String operationId;
    private final String summary;
    private String description;
    private String tag;
    private final List<org.springdoc.core.fn.builders.parameter.Builder> parameters = new ArrayList<>();
    private org.springdoc.core.fn.builders.requestbody.Builder requestBody;
    private final Map<String, org.springdoc.core.fn.builders.apiresponse.Builder> responses = new LinkedHashMap<>();

    private ApiOperation(String operationId, String summary) {
        this.operationId = operationId;
        this.summary = summary;
    }

    public static ApiOperation of(String operationId, String summary) {
        return new ApiOperation(operationId, summary);
    }

    public ApiOperation description(String text) {
        this.description = text;
        return this;
    }

    public ApiOperation tag(String name) {
        this.tag = name;
        return this;
    }

    public ApiOperation pathParameter(String name, String text) {
        parameters.add(parameterBuilder().name(name).in(ParameterIn.PATH).required(true).description(text)
                .implementation(String.class));
        return this;
    }

    public ApiOperation queryParameter(String name, Class<?> type, String text) {
        parameters.add(parameterBuilder().name(name).in(ParameterIn.QUERY).required(false).description(text)
                .implementation(type));
        return this;
    }

    /** A JSON request body of this type. */
    public ApiOperation body(Class<?> type, String text) {
        return body(text, json(type));
    }

    /** A JSON request body: a list of this type. */
    public ApiOperation bodyList(Class<?> type, String text) {
        return body(text, jsonList(type));
    }

    /** A request body in any of these encodings. */
    public ApiOperation body(String text, Builder... contents) {
        requestBody = requestBodyBuilder().description(text).required(true);
        for (Builder content : contents) {
            requestBody.content(content);
        }
        return this;
    }

    public ApiOperation response(HttpStatus status, String text, Builder... contents) {
        var response = responseBuilder().responseCode(String.valueOf(status.value())).description(text);
        for (Builder content : contents) {
            response.content(content);
        }
        responses.put(String.valueOf(status.value()), response);
        return this;
    }

    /** Problem-details answers with these statuses, each with what it means here. */
    public ApiOperation problem(HttpStatus status, String text) {
        return response(status, text, content(ApiProblem.MEDIA_TYPE.toString(), ApiProblem.class));
    }

    public static Builder json(Class<?> type) {
        return content(MediaType.APPLICATION_JSON_VALUE, type);
    }

    public static Builder jsonList(Class<?> type) {
        return contentBuilder().mediaType(MediaType.APPLICATION_JSON_VALUE)
                .array(arraySchemaBuilder().schema(schemaBuilder().implementation(type)));
    }

    public static Builder content(String mediaType, Class<?> type) {
        return contentBuilder().mediaType(mediaType).schema(schemaBuilder().implementation(type));
    }

    /** What springdoc reads, with the guard's security requirement and its 401 added. */
    Consumer<org.springdoc.core.fn.builders.operation.Builder> describe(Guard guard) {
        return operation -> {
            operation.operationId(operationId).summary(summary);
            if (description != null) {
                operation.description(description);
            }
            if (tag != null) {
                operation.tag(tag);
            }
            parameters.forEach(operation::parameter);
            if (requestBody != null) {
                operation.requestBody(requestBody);
            }
            responses.values().forEach(operation::response);
            guard.securityScheme().ifPresent(scheme -> {
                operation.security(securityRequirementBuilder().name(scheme));
                if (!responses.containsKey("401")) {
                    operation.response(responseBuilder().responseCode("401")
                            .description("No valid " + scheme + " in 'Authorization: Bearer <token>'.")
                            .content(content(ApiProblem.MEDIA_TYPE.toString(), ApiProblem.class)));
                }
            });
        };
    }
}
