package io.callstream.ingress.admin;

import io.callstream.sites.store.SiteStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * The admin API's one error shape: RFC 9457 problem details; a 400 lists every violation in
 * {@code errors}. Framework errors (unreadable JSON, wrong method) get the same shape.
 */
@RestControllerAdvice(assignableTypes = SiteAdminController.class)
public class AdminProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminProblems.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidSiteChangeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.violations().size() == 1 ? "1 value is invalid." : e.violations().size() + " values are invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(SiteNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(SiteConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unavailable(SiteStoreUnavailableException e) {
        log.warn("Site change not confirmed: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not confirm the change in time; it may or may not have been applied. Read the site and retry.");
    }
}
