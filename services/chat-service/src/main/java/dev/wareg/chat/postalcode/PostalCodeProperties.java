package dev.wareg.chat.postalcode;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lookup  which adapter answers CEP lookups: the fixed demo table ({@code memory}) or ViaCEP
 *                ({@code viacep}), off by default so the embedded default never leaves the machine
 * @param baseUrl where ViaCEP answers
 * @param timeout for connecting to ViaCEP and for its answer; the person is waiting, and without an answer the
 *                chat simply asks the address parts
 */
@Validated
@ConfigurationProperties("wareg.chat.postal-code")
record PostalCodeProperties(
        @DefaultValue("memory") @NotNull Lookup lookup,
        @DefaultValue("https://viacep.com.br") @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration timeout) {

    enum Lookup {
        MEMORY, VIACEP
    }
}
