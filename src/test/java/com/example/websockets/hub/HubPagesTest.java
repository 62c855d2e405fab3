package com.example.websockets.hub;

import com.example.websockets.testing.Steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.chapter.Screenshots;
import com.example.websockets.testing.Browser;
import com.example.websockets.testing.TestSocket;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/** Step 5's pages in a real headless Chromium: the live dashboard and the EventSource page. */
@Timeout(90)
class HubPagesTest {

    private static double largest(Browser browser, String chart, int series) {
        Object values = browser.driver.executeScript(
                "return window.dashboardCharts[arguments[0]].series[arguments[1]];", chart, series);
        return ((List<?>) values).stream().mapToDouble(value -> ((Number) value).doubleValue())
                .max().orElse(0);
    }

    @Test
    void the_dashboard_charts_move_with_the_traffic_and_shows_a_published_notification() {
        Map<String, String> env = Map.of("PUBLISH_TOKEN", Publisher.TOKEN);
        try (Browser browser = Browser.open()) {
            JavalinTest.test(WebSocketsApp.create(env, List.of(Steps.hub(env))), (server, http) -> {
                browser.load(server.port(), "/dashboard");
                browser.awaitText("status", "open");
                browser.awaitText("hubStatus", "open");
                browser.awaitAsserted(() -> assertTrue(browser.text("latest").contains(" open"),
                        browser.text("latest")));

                List<TestSocket> subscribers = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    subscribers.add(HubEndpointTest.subscriber(server.port(), "orders"));
                }
                // The dashboard's own two sockets and five more.
                browser.awaitAsserted(() -> assertTrue(largest(browser, "open", 0) >= 7));
                Publisher.publish(server.port(), "orders", "Order 17 shipped");
                browser.awaitAsserted(() -> assertEquals("[orders] Order 17 shipped",
                        browser.driver.findElement(By.cssSelector("#feed li")).getText()
                                .substring(9)));
                for (int i = 0; i < 20; i++) {
                    Publisher.publish(server.port(), "orders", "n" + i);
                }
                browser.awaitAsserted(() -> {
                    assertTrue(largest(browser, "notifications", 0) >= 1, "published a second");
                    assertTrue(largest(browser, "notifications", 1) >= 5, "delivered a second");
                    assertTrue(largest(browser, "messages", 1) >= 5, "messages out a second");
                    assertTrue(largest(browser, "jvm", 1) >= 1, "threads");
                });
                assertEquals(List.of(), browser.policyViolations());
                browser.driver.manage().window().setSize(new Dimension(760, 720));
                Screenshots.one("dashboard.png", browser.screenshot());
                subscribers.forEach(TestSocket::close);
            });
        }
    }

    @Test
    void the_event_source_page_receives_and_resumes_after_the_stream_ends() {
        Map<String, String> env = Map.of("PUBLISH_TOKEN", Publisher.TOKEN);
        HubEndpoint step = Steps.hub(env);
        try (Browser browser = Browser.open()) {
            JavalinTest.test(WebSocketsApp.create(env, List.of(step)), (server, http) -> {
                browser.load(server.port(), "/events");
                browser.awaitText("status", "open");
                long first = Publisher.publish(server.port(), "orders", "first");
                browser.awaitMessages(List.of("#" + first + " [orders] first"));

                step.closeStreams();
                browser.awaitText("status", "reconnecting");
                long second = Publisher.publish(server.port(), "lab", "while away");
                long third = Publisher.publish(server.port(), "orders", "also while away");
                // EventSource comes back by itself, sends Last-Event-ID, and gets each missed one
                // once.
                browser.awaitMessages(List.of("#" + first + " [orders] first",
                        "#" + second + " [lab] while away",
                        "#" + third + " [orders] also while away"));
                assertEquals("open", browser.text("status"));
                assertEquals(List.of(), browser.policyViolations());
            });
        }
    }
}
