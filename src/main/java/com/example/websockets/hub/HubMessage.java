package com.example.websockets.hub;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collection;

/**
 * What a subscriber of step 5 receives: JSON objects told apart by their {@code type}, written by
 * Jackson from these records, the way step 4 writes its own.
 */
// tag::hub-messages[]
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = HubMessage.Notification.class, name = "notification"),
        @JsonSubTypes.Type(value = HubMessage.Gap.class, name = "gap"),
        @JsonSubTypes.Type(value = HubMessage.Subscribed.class, name = "subscribed"),
        @JsonSubTypes.Type(value = HubMessage.Error.class, name = "error")})
sealed interface HubMessage {

    /** A notification, numbered by the broker; {@code time} is when the hub took it in. */
    record Notification(long id, String topic, String title, String body, String level,
                        String time)
            implements HubMessage {
    }

    /** Some notifications after {@code after} are no longer kept: the catch-up lacks them. */
    record Gap(long after, String reason) implements HubMessage {
    }

    /** What was missed has been sent: from here on, everything new of these topics. */
    record Subscribed(Collection<String> topics) implements HubMessage {
    }

    record Error(String code, String reason) implements HubMessage {
    }
}
// end::hub-messages[]
