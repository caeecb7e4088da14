package dev.wareg.chat.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the assistant's content out of what {@code /api/chat} answers, streamed or not. */
class OllamaAnswerTests {

    @Test
    void oneObjectOnOneLineOrOverSeveral() {
        assertThat(OllamaInterpreter.content("""
                {"model":"m","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"{\\"a\\":1}"},"done":true,"done_reason":"stop"}
                """)).isEqualTo("{\"a\":1}");
        assertThat(OllamaInterpreter.content("""
                {
                  "model": "m",
                  "message": {"role": "assistant", "content": "x"},
                  "done": true
                }""")).isEqualTo("x");
    }

    @Test
    void streamedChunksAreJoined() {
        assertThat(OllamaInterpreter.content("""
                {"model":"m","message":{"role":"assistant","content":"{\\"in"},"done":false}
                {"model":"m","message":{"role":"assistant","content":"tent\\"}"},"done":false}
                {"model":"m","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}
                """)).isEqualTo("{\"intent\"}");
    }

    @Test
    void anAnswerThatIsNotOllamasIsUnavailable() {
        for (String answer : new String[] {
                "", "<html>502 Bad Gateway</html>", "{\"message\":{\"content\":\"x\"},\"done\":",
                "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"x\"},\"done\":false}",
                "{\"model\":\"m\",\"done\":true}",
                "{\"message\":{\"content\":\"x\"},\"done\":false}\n{\"error\":\"out of memory\",\"done\":true}"}) {
            assertThatThrownBy(() -> OllamaInterpreter.content(answer)).as(answer)
                    .isInstanceOf(OllamaInterpreter.OllamaUnavailable.class);
        }
    }
}
