package dev.wareg.platform.defaults;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service returns is {@code application/problem+json} with a stable type, a human detail, and
 * never a stack trace. Spring MVC's own exceptions keep their status codes; anything unexpected is a 500 whose
 * log line names the exception class only, since messages of arbitrary exceptions may carry request data.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ResponseEntity<Object> handleUnexpected(Exception exception, WebRequest request) {
        log.error("Unhandled {} while serving a request", exception.getClass().getName());
        var problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side. Try again later.");
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "code", String.valueOf(error.getCode()),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some values are missing or invalid.");
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "code", constraintName(error.getCodes()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some values are missing or invalid.");
        problem.setProperty("errors", errors);
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is not valid JSON of the expected shape.");
        return createResponseEntity(problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", "Send the body as " + exception.getSupportedMediaTypes() + ".");
        return createResponseEntity(problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    /** The most general of a constraint's message codes ({@code Max}), as a lower-case code ({@code max}). */
    private static String constraintName(String[] codes) {
        return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1].toLowerCase(Locale.ROOT);
    }
}
