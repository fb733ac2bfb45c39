package io.callstream.processor.contacts;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.callstream.processor.query.InvalidQueryException;
import io.callstream.processor.query.LocalCallStores;
import io.callstream.schema.Contact;
import io.callstream.schema.PhoneNumbers;
import io.callstream.schema.SiteConfig;
import io.callstream.web.api.ApiProblem;
import io.callstream.web.api.Violation;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Caller identification data: {@code PUT/GET/DELETE /api/v1/contacts/{number}} and
 * {@code POST /api/v1/contacts} with a CSV file ({@link ContactImport}). Contacts apply to calls
 * derived after they arrive.
 */
public final class ContactsHandler {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContactBody(String name, String organization, String externalId, String url) {
    }

    /** How many buffers of the request body the CSV import asks for ahead of reading them. */
    private static final int IMPORT_READ_AHEAD = 4;

    private final ContactWriter writer;
    private final ContactImport csvImport;
    private final LocalCallStores stores;
    private final Function<String, Optional<SiteConfig>> sites;
    private final Scheduler blocking;

    /** @param sites looks a site up, for the country code of {@code ?site=} */
    public ContactsHandler(ContactWriter writer, ContactImport csvImport, LocalCallStores stores,
            Function<String, Optional<SiteConfig>> sites, Scheduler blocking) {
        this.writer = writer;
        this.csvImport = csvImport;
        this.stores = stores;
        this.sites = sites;
        this.blocking = blocking;
    }

    public Mono<ServerResponse> put(ServerRequest request) {
        String number = number(request);
        return request.bodyToMono(ContactBody.class)
                .switchIfEmpty(Mono.error(() -> new ServerWebInputException("A JSON body is required.")))
                .flatMap(body -> body.name() == null || body.name().isBlank() || number.isEmpty()
                        ? ApiProblem.invalid(List.of(new Violation(number.isEmpty() ? "number" : "name",
                                "a contact needs a number and a name"))).respond()
                        : Mono.fromRunnable(() -> writer.put(List.of(new ContactEntry(number,
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
                        : ApiProblem.of(HttpStatus.NOT_FOUND, "No contact for " + number + ".").respond());
    }

    public Mono<ServerResponse> delete(ServerRequest request) {
        String number = number(request);
        return Mono.fromRunnable(() -> writer.delete(number)).subscribeOn(blocking).then(ServerResponse.noContent().build());
    }

    /**
     * Imports a CSV file, streamed: rows that are no contact are counted and the first ones listed,
     * the others are stored. Without a usable header row or over the size limit it fails with
     * {@link InvalidContactsFileException} or {@link ContactsImportTooLargeException}.
     */
    public Mono<ServerResponse> importCsv(ServerRequest request) {
        if (request.headers().contentLength().orElse(0) > csvImport.maxBytes()) {
            return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than the import limit of "
                    + csvImport.maxBytes() / (1024 * 1024) + " MiB; split it.").respond();
        }
        String countryCode = countryCode(request);
        Flux<DataBuffer> body = request.body(BodyExtractors.toDataBuffers());
        return Mono.fromCallable(() -> {
                    try (InputStream csv = DataBufferUtils.subscriberInputStream(body, IMPORT_READ_AHEAD)) {
                        return csvImport.importFrom(csv, countryCode);
                    }
                })
                .subscribeOn(blocking)
                .flatMap(result -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(result));
    }

    private String number(ServerRequest request) {
        String number = PhoneNumbers.normalize(request.pathVariable("number"), countryCode(request));
        return number == null ? "" : number;
    }

    /**
     * {@code ?country_code=49}, or {@code ?site=berlin} for that site's: national numbers ({@code 030 ...})
     * are numbers of that country, as the site's calls are.
     */
    private String countryCode(ServerRequest request) {
        String countryCode = request.queryParam("country_code").orElse(null);
        if (countryCode != null) {
            if (!PhoneNumbers.isCountryCode(countryCode)) {
                throw new InvalidQueryException(List.of(new Violation("country_code",
                        "must be 1 to 3 digits without '+' or leading 0, for example 49")));
            }
            return countryCode;
        }
        return request.queryParam("site").map(site -> sites.apply(site)
                        .orElseThrow(() -> new InvalidQueryException(List.of(new Violation("site", "no such site")))))
                .map(SiteConfig::getCountryCode).orElse(null);
    }
}
