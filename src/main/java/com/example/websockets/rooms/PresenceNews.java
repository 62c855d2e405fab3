package com.example.websockets.rooms;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * What the instances of step 4 tell each other about presence, through the broker. Each piece of
 * news names the instance it comes from; what an instance says about itself it has already applied.
 */
// tag::presence-news[]
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PresenceNews.Online.class, name = "online"),
        @JsonSubTypes.Type(value = PresenceNews.Offline.class, name = "offline"),
        @JsonSubTypes.Type(value = PresenceNews.Came.class, name = "came"),
        @JsonSubTypes.Type(value = PresenceNews.Left.class, name = "left"),
        @JsonSubTypes.Type(value = PresenceNews.Everyone.class, name = "everyone"),
        @JsonSubTypes.Type(value = PresenceNews.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = PresenceNews.Bye.class, name = "bye")})
sealed interface PresenceNews {

    String from();

    record Online(String from, Presence.Claim claim) implements PresenceNews {
    }

    record Offline(String from, String name) implements PresenceNews {
    }

    record Came(String from, String room, String name) implements PresenceNews {
    }

    record Left(String from, String room, String name) implements PresenceNews {
    }

    /** All an instance has: said every third of the timeout, and to a newcomer's hello. */
    record Everyone(String from, List<Presence.Claim> online,
                    Map<String, List<String>> rooms)
            implements PresenceNews {
    }

    /** A new instance asks the others to tell it everyone they have. */
    record Hello(String from) implements PresenceNews {
    }

    /** An instance stops: its users leave at once, not after the timeout. */
    record Bye(String from) implements PresenceNews {
    }
}
// end::presence-news[]
