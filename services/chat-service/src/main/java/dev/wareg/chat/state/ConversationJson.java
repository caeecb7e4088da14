package dev.wareg.chat.state;

import dev.wareg.chat.conversation.Conversation;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.TraceContext;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * A conversation as the stores outside this JVM keep it (Redis, PostgreSQL): one JSON document, its outbox
 * included, so the events a turn publishes are stored in the same write as the state it led to. One format for
 * both, so a conversation reads the same whichever store wrote it.
 */
final class ConversationJson {

    private static final EventCodec EVENTS = new EventCodec();

    /**
     * Its own mapper, not the application's, so settings for HTTP JSON cannot change the stored format. The events of
     * the conversation's outbox are written as the bus writes them ({@link EventCodec}'s envelope, without a trace):
     * the envelope names each event's type, which the record alone does not, and reads what older versions wrote.
     */
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new SimpleModule("outbox")
            .addSerializer(IntegrationEvent.class, new ValueSerializer<>() {
                @Override
                public void serialize(IntegrationEvent event, JsonGenerator json, SerializationContext context) {
                    json.writeRawValue(new String(EVENTS.encode(event, TraceContext.NONE), StandardCharsets.UTF_8));
                }
            })
            .addDeserializer(IntegrationEvent.class, new ValueDeserializer<>() {
                @Override
                public IntegrationEvent deserialize(JsonParser json, DeserializationContext context) {
                    JsonNode envelope = context.readTree(json);
                    return EVENTS.decode(envelope.toString().getBytes(StandardCharsets.UTF_8)).event();
                }
            }))
            .build();

    private ConversationJson() {
    }

    static String write(Conversation conversation) {
        return JSON.writeValueAsString(conversation);
    }

    static Conversation read(String json) {
        return JSON.readValue(json, Conversation.class);
    }
}
