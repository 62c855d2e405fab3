package com.example.websockets.echo;

import java.util.Map;
import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.Browser;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/** The chapter's echo page at {@code /}, in a real headless Chromium. */
@Timeout(60)
class EchoPageTest {

    @Test
    void typing_and_pressing_Send_shows_the_echo() {
        var app = WebSocketsApp.create(Map.of(), List.of(new EchoEndpoint()));
        try (Browser browser = Browser.open()) {
            JavalinTest.test(app, (server, http) -> {
                browser.connect(server.port(), "/");
                browser.find("msgInput").sendKeys("Hello from Chromium");
                browser.driver.findElement(By.tagName("button")).click();
                browser.awaitMessages(List.of("Message received: Hello from Chromium"));
            });
        }
    }
}
