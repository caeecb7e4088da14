package dev.wareg.chat.api;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.platform.defaults.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the chat reads one message, for debugging and for scoring a running system against a corpus: the same
 * interpreter the conversation uses. Off unless {@code wareg.chat.interpret-endpoint.enabled}, in the embedded default
 * too; when on, it answers loopback callers only, or whoever sends the configured bearer token, and bodies over a few
 * KiB are refused before they are read ({@link InterpretEndpointConfiguration}). Nothing is stored and nothing is
 * logged.
 */
@RestController
@ConditionalOnBooleanProperty(InterpretEndpointConfiguration.ENABLED)
@Tag(name = "Interpretation", description = "How the chat understands a message")
class InterpretController {

    private final Interpreter interpreter;
    private final ChatProperties properties;

    InterpretController(Interpreter interpreter, ChatProperties properties) {
        this.interpreter = interpreter;
        this.properties = properties;
    }

    /**
     * @param text  the message
     * @param lang  the conversation's language, if known (informative: the interpreter reads both languages)
     * @param asked the field the bot had just asked for, if any ({@code email}, {@code postalCode})
     */
    record InterpretRequest(String text, String lang, String asked) {
    }

    @PostMapping(path = InterpretEndpointConfiguration.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Interpret one message",
            description = "Intent, confidence, topics and fields named, values spotted, numbered choice, language. "
                    + "Each value is canonical, as it would be stored: birthDate as ISO 8601 (1990-05-17), phone as "
                    + "E.164 (+5511987654321; Brazil when no country code is given), cpf and postalCode as digits, "
                    + "email with its domain in lower case, state as its two-letter UF (SP); free text (name, "
                    + "street, number, complement, district, city) as written, trimmed. A value its field refuses "
                    + "(an impossible date, a CPF with wrong check digits) is as written. spans gives, per field, "
                    + "the part of the text the value was read from; it has no entry for a value said in words "
                    + "(\"zero um três...\", \"ana arroba gmail ponto com\").")
    Interpretation interpret(@RequestBody InterpretRequest request) {
        if (request.text() == null || request.text().isBlank() || request.text().length() > properties.maxMessageLength()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "validation",
                    "Invalid request", "Send a text of 1 to " + properties.maxMessageLength() + " characters."), null);
        }
        return interpreter.interpret(request.text(), request.asked());
    }
}
