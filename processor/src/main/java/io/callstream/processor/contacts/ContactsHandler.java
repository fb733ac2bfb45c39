package io.callstream.processor.contacts;

import java.util.List;
import java.util.Map;

import io.callstream.processor.query.LocalCallStores;
import io.callstream.processor.query.Problems;
import io.callstream.schema.Contact;
import io.callstream.schema.PhoneNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Caller identification data: {@code PUT/GET/DELETE /api/v1/contacts/{number}} and
 * {@code POST /api/v1/contacts} with a CSV file. Contacts apply to calls derived after they arrive.
 */
public final class ContactsHandler {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContactBody(String name, String organization, String externalId, String url) {
    }

    private final ContactWriter writer;
    private final LocalCallStores stores;
    private final Scheduler blocking;

    public ContactsHandler(ContactWriter writer, LocalCallStores stores, Scheduler blocking) {
        this.writer = writer;
        this.stores = stores;
        this.blocking = blocking;
    }

    public Mono<ServerResponse> put(ServerRequest request) {
        String number = number(request);
        return request.bodyToMono(ContactBody.class)
                .flatMap(body -> body.name() == null || body.name().isBlank() || number.isEmpty()
                        ? Problems.respond(HttpStatus.BAD_REQUEST, "A contact needs a number and a name.")
                        : Mono.fromRunnable(() -> writer.put(List.of(new ContactsCsv.Entry(number,
                                        new Contact(body.name(), body.organization(), body.externalId(), body.url())))))
                                .subscribeOn(blocking)
                                .then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                        .bodyValue(Map.of("number", number))));
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        String number = number(request);
        return Mono.fromCallable(() -> stores.contact(number))
                .subscribeOn(blocking)
                .flatMap(contact -> contact.isPresent()
                        ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(new ContactBody(
                                contact.get().getName(), contact.get().getOrganization(), contact.get().getExternalId(),
                                contact.get().getUrl()))
                        : Problems.respond(HttpStatus.NOT_FOUND, "No contact for " + number + "."));
    }

    public Mono<ServerResponse> delete(ServerRequest request) {
        String number = number(request);
        return Mono.fromRunnable(() -> writer.delete(number)).subscribeOn(blocking).then(ServerResponse.noContent().build());
    }

    /** Imports a CSV file; rows that cannot be read are listed, the others are stored. */
    public Mono<ServerResponse> importCsv(ServerRequest request) {
        return request.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(ContactsCsv::parse)
                .flatMap(result -> Mono.fromRunnable(() -> writer.put(result.entries()))
                        .subscribeOn(blocking)
                        .then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of(
                                "imported", result.entries().size(), "problems", result.problems()))));
    }

    private static String number(ServerRequest request) {
        String number = PhoneNumbers.normalize(request.pathVariable("number"), null);
        return number == null ? "" : number;
    }
}
