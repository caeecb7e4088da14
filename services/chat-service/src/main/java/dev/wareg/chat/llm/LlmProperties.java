package dev.wareg.chat.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled             whether a local model is consulted when the rules are unsure; off by default, so the
 *                            embedded default needs no Ollama and no text leaves the rules
 * @param baseUrl             where Ollama answers
 * @param model               the Ollama model; a small instruct model answers within the timeout on a CPU
 * @param timeout             for connecting and for the whole answer: the person is waiting, and without an answer
 *                            the rules' reading stands
 * @param confidenceThreshold rules' readings at or above it are taken without consulting the model
 * @param circuitBreaker      when to stop calling a failing Ollama for a while
 */
@Validated
@ConfigurationProperties("wareg.chat.llm")
record LlmProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://127.0.0.1:11434") @NotNull URI baseUrl,
        @DefaultValue("qwen2.5:0.5b-instruct") @NotBlank String model,
        @DefaultValue("3s") @NotNull @DurationMin(millis = 1) Duration timeout,
        @DefaultValue("0.7") @DecimalMin("0") @DecimalMax("1") double confidenceThreshold,
        @DefaultValue @NotNull @Valid CircuitBreaker circuitBreaker) {

    /**
     * @param failureRateThreshold the percentage of failed consultations, among the last {@code slidingWindowSize},
     *                             that opens the circuit
     * @param slidingWindowSize    how many of the latest consultations are judged (and how many are needed first)
     * @param waitInOpenState      how long an open circuit refuses consultations before one is tried again
     */
    record CircuitBreaker(
            @DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRateThreshold,
            @DefaultValue("10") @Min(1) int slidingWindowSize,
            @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration waitInOpenState) {
    }
}
