package exercises.twoservers;

import com.example.websockets.broker.Broker;
import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import com.example.websockets.instances.RedisBroker;
import com.example.websockets.testing.RedisServer;
import org.junit.jupiter.api.Test;

// Two servers in one test, as two instances of the app share Redis in step 6: here they share
// one broker in memory, and in the last test a real Redis (redis-server must be installed).
class SharedChatTest {

    @Test
    void alice_on_one_server_and_bob_on_the_other_read_each_other() {
        try (Broker broker = Broker.local();
                ExerciseServer first = ExerciseServer.start(new SharedChat(broker));
                ExerciseServer second = ExerciseServer.start(new SharedChat(broker))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            alice.send("hello from the first");
            alice.expect("User says: hello from the first");
            bob.expect("User says: hello from the first");
            bob.send("hello from the second");
            bob.expect("User says: hello from the second");
            alice.expect("User says: hello from the second");
        }
    }

    @Test
    void each_client_gets_each_message_once() {
        try (Broker broker = Broker.local();
                ExerciseServer first = ExerciseServer.start(new SharedChat(broker));
                ExerciseServer second = ExerciseServer.start(new SharedChat(broker))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer carol = Peer.connect("Carol (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            alice.send("one");
            bob.expect("User says: one");
            bob.send("two");
            // A message sent to the server's own clients and through the broker comes twice.
            carol.expect("User says: one");
            carol.expect("User says: two");
            alice.expect("User says: one");
            alice.expect("User says: two");
            Peer.expectNothingMore(alice, carol);
        }
    }

    @Test
    void a_departure_is_announced_on_every_server() {
        try (Broker broker = Broker.local();
                ExerciseServer first = ExerciseServer.start(new SharedChat(broker));
                ExerciseServer second = ExerciseServer.start(new SharedChat(broker))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            bob.leave();
            alice.expect("A user has left the chat");
        }
    }

    @Test
    void the_same_chat_works_through_a_real_redis() {
        try (RedisServer redis = RedisServer.startFresh();
                Broker one = RedisBroker.connect(redis.url());
                Broker two = RedisBroker.connect(redis.url());
                ExerciseServer first = ExerciseServer.start(new SharedChat(one));
                ExerciseServer second = ExerciseServer.start(new SharedChat(two))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            alice.send("through Redis");
            alice.expect("User says: through Redis");
            bob.expect("User says: through Redis");
            bob.leave();
            alice.expect("A user has left the chat");
            alice.expectNothingMore();
        }
    }
}
