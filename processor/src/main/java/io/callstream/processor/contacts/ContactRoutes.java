package io.callstream.processor.contacts;

import static io.callstream.web.api.ApiOperation.content;
import static io.callstream.web.api.ApiOperation.json;

import io.callstream.web.api.ApiOperation;
import io.callstream.web.api.ApiRoutes;
import io.callstream.web.api.Guard;
import io.callstream.web.api.ProblemMapping;
import org.springframework.http.HttpStatus;

/** The contacts API's routes, behind the API token, and the problems its failures become. */
public final class ContactRoutes {

    private static final String CONTACTS = "/api/v1/contacts";
    private static final String CONTACT = CONTACTS + "/{number}";

    private ContactRoutes() {
    }

    public static ApiRoutes.Builder addTo(ApiRoutes.Builder routes, ContactsHandler contacts) {
        return routes
                .POST(CONTACTS, Guard.API_TOKEN, contacts::importCsv, contacts("importContacts",
                        "Import contacts from a CSV file")
                        .description("A header row names the columns (number, name, organization, external_id, url); "
                                + "',' ';' or tab, UTF-8 with or without byte-order mark, else Windows-1252.")
                        .body("The CSV file.", content("text/csv", String.class))
                        .response(HttpStatus.OK, "Rows imported and rejected, with the first problems and their lines.",
                                json(ContactImport.Result.class))
                        .problem(HttpStatus.BAD_REQUEST, "No usable header row, not a country code, or no such site.")
                        .problem(HttpStatus.CONTENT_TOO_LARGE, "Over the import limit (64 MiB by default)."))
                .PUT(CONTACT, Guard.API_TOKEN, contacts::put, contact("putContact", "Store a contact")
                        .body(ContactsHandler.ContactBody.class, "The contact; name is required.")
                        .response(HttpStatus.OK, "Stored under the normalised number.")
                        .problem(HttpStatus.BAD_REQUEST, "No name, no number, not a country code, or no such site."))
                .GET(CONTACT, Guard.API_TOKEN, contacts::get, contact("getContact", "Get a contact")
                        .response(HttpStatus.OK, "The contact.", json(ContactsHandler.ContactBody.class))
                        .problem(HttpStatus.BAD_REQUEST, "Not a country code, or no such site.")
                        .problem(HttpStatus.NOT_FOUND, "No contact has this number."))
                .DELETE(CONTACT, Guard.API_TOKEN, contacts::delete, contact("deleteContact", "Delete a contact")
                        .response(HttpStatus.NO_CONTENT, "Deleted (or there was none).")
                        .problem(HttpStatus.BAD_REQUEST, "Not a country code, or no such site."));
    }

    public static ProblemMapping.Builder problems(ProblemMapping.Builder problems) {
        return problems
                .map(InvalidContactsFileException.class, HttpStatus.BAD_REQUEST)
                .map(ContactsImportTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE);
    }

    private static ApiOperation contacts(String id, String summary) {
        return ApiOperation.of(id, summary).tag("contacts")
                .queryParameter("country_code", String.class, "A country code (49): numbers in national format "
                        + "(030 5557 1600) are numbers of that country, as a site with this country code sends them.")
                .queryParameter("site", String.class, "A site: its country code, if country_code is not given.");
    }

    private static ApiOperation contact(String id, String summary) {
        return contacts(id, summary).pathParameter("number", "The phone number, in any notation: it is normalised.");
    }
}
