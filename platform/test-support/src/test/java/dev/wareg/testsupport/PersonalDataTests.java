package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "Message from +5511987654321 accepted",
            "wa_id=5511987654321",
            "GET \"/v1/accounts?phone=%2B5511987654321\", parameters={masked}",
            "calling (11) 98765-4321 now",
            "calling 11 98765-4321 now",
            "landline (31) 5553-0303",
            "98765-4321",
            "sent to maria.silva@exemplo.com.br",
            "\"email\":\"ana+news@example.com\"",
            "cpf 529.982.247-25 refused",
            "cpf=52998224725",
            "CEP 01310-100 unknown",
            "Cannot deserialize value of type `java.time.LocalDate` from String \"17/05/1990\": 529.982.247-26"})
    void findsWhatLooksPersonal(String line) {
        assertThat(PersonalData.patterns().findIn(line)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Web chat message 01a213fa-3b58-70ae-8b35-a64c177e96ba from +55*******3101",
            "Account 01a213fa-2cf5-73c2-9b6a-5a0fe07ce56e updated to version 4",
            "e-mail m***@example.com, CPF ***.982.247-**, CEP 01310-***, born 1990-**-**",
            "Created new connection: eventBus#347b370c:0/SimpleConnection@729a9c3d [delegate=amqp://guest@127.0.0.1:5672/, localPort=38266]",
            "{\"@timestamp\":\"2026-11-25T18:27:05.737009922Z\",\"process\":{\"pid\":11427}}",
            "Started AccountApiApplication in 51.189 seconds (process running for 62.62)",
            "Tomcat started on port 44641 (http) with context path '/'",
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=t_59e4c6ad12584395",
            "traceId 4bf92f3577b34da6a3ce929d0e0e4736 spanId 00f067aa0ba902b7"})
    void leavesMasksIdsAndTheUsualLogLinesAlone(String line) {
        assertThat(PersonalData.patterns().findIn(line)).isEmpty();
    }

    @Test
    void findsTheValuesATestTypedWhateverTheirCase() {
        var data = PersonalData.patternsAnd(List.of("Heloísa Quaresma", "Rua dos Girassóis"));
        assertThat(data.findIn("name=HELOÍSA QUARESMA")).containsExactly("a value typed in a conversation: heloísa quaresma");
        assertThat(data.findIn("nothing here")).isEmpty();
    }
}
