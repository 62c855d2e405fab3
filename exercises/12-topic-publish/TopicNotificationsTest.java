package exercises.topicpublish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class TopicNotificationsTest {

    @Test
    void a_notification_reaches_only_the_subscribers_of_its_topic() {
        try (ExerciseServer server = ExerciseServer.start(new TopicNotifications())) {
            Peer alice = Peer.connect("Alice", server, "/topics?topics=orders");
            Peer bob = Peer.connect("Bob", server, "/topics?topics=lab");
            server.post("/publish/orders", "Order 17 shipped");
            server.post("/publish/lab", "Result ready");
            alice.expect("orders: Order 17 shipped");
            // Bob's first message is the lab's: the one about orders never reached him.
            bob.expect("lab: Result ready");
        }
    }

    @Test
    void a_subscriber_may_follow_several_topics_or_every_topic() {
        try (ExerciseServer server = ExerciseServer.start(new TopicNotifications())) {
            Peer carol = Peer.connect("Carol", server, "/topics?topics=orders,lab");
            Peer dan = Peer.connect("Dan", server, "/topics");
            server.post("/publish/orders", "Order 17 shipped");
            server.post("/publish/lab", "Result ready");
            server.post("/publish/news", "Closed on Monday");
            server.post("/publish/orders", "Order 18 shipped");
            carol.expect("orders: Order 17 shipped");
            carol.expect("lab: Result ready");
            carol.expect("orders: Order 18 shipped"); // and not the news
            dan.expect("orders: Order 17 shipped");
            dan.expect("lab: Result ready");
            dan.expect("news: Closed on Monday");
        }
    }

    @Test
    void the_publisher_hears_how_many_subscribers_it_reached() {
        try (ExerciseServer server = ExerciseServer.start(new TopicNotifications())) {
            Peer.connect("Alice", server, "/topics?topics=orders");
            Peer bob = Peer.connect("Bob", server, "/topics?topics=lab");
            Peer.connect("Dan", server, "/topics");
            assertEquals("Delivered to 2", server.post("/publish/orders", "Order 17 shipped"),
                    "The answer to a POST to /publish/orders, with Alice on orders, Bob on lab"
                            + " and Dan on every topic");
            bob.leave();
            assertEquals("Delivered to 1", server.post("/publish/lab", "Result ready"),
                    "The answer to a POST to /publish/lab, after Bob (on lab) left");
        }
    }

    @Test
    void any_code_of_the_server_may_publish() {
        TopicNotifications notifications = new TopicNotifications();
        try (ExerciseServer server = ExerciseServer.start(notifications)) {
            Peer alice = Peer.connect("Alice", server, "/topics?topics=lab");
            assertEquals(1, notifications.publish("lab", "Result ready"),
                    "publish(\"lab\", ...) with Alice on lab answers how many it reached");
            alice.expect("lab: Result ready");
        }
    }
}
