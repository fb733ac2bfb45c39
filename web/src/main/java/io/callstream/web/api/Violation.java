package io.callstream.web.api;

/**
 * One thing wrong with a request.
 *
 * @param field where, in the request's own names ({@code block_list[3].caller_id}, {@code limit})
 */
public record Violation(String field, String message) {
}
