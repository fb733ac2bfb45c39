package io.callstream.ingress.admin;

/**
 * One thing wrong with a request to the admin API.
 *
 * @param field where, in the request's JSON names ({@code block_list[3].caller_id})
 */
public record Violation(String field, String message) {
}
