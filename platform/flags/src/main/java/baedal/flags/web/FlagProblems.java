package baedal.flags.web;

import baedal.flags.InvalidFlagChange;
import baedal.flags.StaleFlagVersion;
import baedal.flags.UnknownFlag;
import baedal.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The flags' problems, with stable types under {@value Problems#TYPE_BASE}. */
@RestControllerAdvice(assignableTypes = FlagOperatorController.class)
class FlagProblems {

    static final class VersionRequired extends RuntimeException {
        VersionRequired(String key) {
            super("a change to flag " + key + " names the version it was made against: If-Match: \"<version>\"");
        }
    }

    static final class MalformedVersion extends RuntimeException {
        MalformedVersion(String value) {
            super("If-Match is a flag version in quotes, e.g. \"3\": " + value);
        }
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownFlag e) {
        return Problems.problem(HttpStatus.NOT_FOUND, "flag-not-found", "No such flag", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleFlagVersion e) {
        ProblemDetail problem = Problems.problem(HttpStatus.PRECONDITION_FAILED, "flag-version-stale",
                "The flag changed meanwhile", e.getMessage());
        problem.setProperty("currentVersion", e.current());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidFlagChange e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "flag-change-invalid", "The flag cannot take this change",
                e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unavailable(baedal.flags.FlagsUnavailable e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "flags-unavailable", "Flags cannot be changed here",
                e.getMessage());
    }

    /** The flags' database does not answer: the change did not happen (nothing half-done, it is one transaction). */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ProblemDetail storeDown(RuntimeException e) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "flags-unavailable", "Flags cannot be changed now",
                "the flags' database does not answer; instances keep their state; try again");
    }

    @ExceptionHandler
    ProblemDetail versionRequired(VersionRequired e) {
        return Problems.problem(HttpStatus.PRECONDITION_REQUIRED, "flag-version-required",
                "The change names no version", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail malformed(MalformedVersion e) {
        return Problems.problem(HttpStatus.BAD_REQUEST, "flag-version-malformed", "The version does not parse",
                e.getMessage());
    }
}
