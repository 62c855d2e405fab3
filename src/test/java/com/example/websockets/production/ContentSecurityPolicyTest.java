package com.example.websockets.production;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.Variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.Browser;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every page works under its strict Content Security Policy, in a real Chromium, which enforces
 * it.
 */
@Timeout(90)
class ContentSecurityPolicyTest {

    private static Javalin app() {
        Map<String, String> env = Map.of("NOTIFY_INTERVAL_MS", "100");
        return WebSocketsApp.create(env,
                WebSocketsApp.select("all", new WebSocketsApp.Parts(Variables.of(env))));
    }

    @Test
    void every_page_works_with_no_violation_reported() {
        try (Browser browser = Browser.open()) {
            JavalinTest.test(app(), (server, http) -> {
                browser.connect(server.port(), "/");
                browser.find("msgInput").sendKeys("under the policy");
                browser.find("send").click();
                browser.awaitMessages(List.of("Message received: under the policy"));

                browser.connect(server.port(), "/chat");
                browser.typeAndEnter("still chatting");
                browser.awaitMessages(List.of("User says: still chatting"));

                browser.load(server.port(), "/notifications");
                browser.find("start").click();
                browser.awaitAsserted(() -> assertEquals(6, browser.messages().size()));

                assertEquals(List.of(), browser.policyViolations());
            });
        }
    }

    @Test
    void an_inline_script_and_a_socket_to_another_server_are_blocked() {
        try (Browser browser = Browser.open()) {
            JavalinTest.test(app(), (server, http) -> {
                browser.connect(server.port(), "/chat");
                // What injected markup would try: run inline code, and send the chat elsewhere.
                browser.driver.executeScript("""
                        window.violations = [];
                        document.addEventListener("securitypolicyviolation",
                                event => window.violations.push(event.effectiveDirective));
                        const script = document.createElement("script");
                        script.textContent = "window.inlineRan = true;";
                        document.body.appendChild(script);
                        try {
                            new WebSocket("ws://127.0.0.2:" + arguments[0] + "/chat");
                        } catch (refused) {
                            window.violations.push("connect-src");
                        }
                        """, server.port());
                browser.awaitAsserted(() -> {
                    Object violations = browser.driver.executeScript("return window.violations;");
                    assertTrue(violations.toString().contains("script-src"), violations.toString());
                    assertTrue(violations.toString().contains("connect-src"),
                            violations.toString());
                });
                assertNull(browser.driver.executeScript("return window.inlineRan;"),
                        "the inline script never ran");
                // The console reports them too: the check in the test above would see such a
                // report.
                browser.awaitAsserted(() -> assertTrue(browser.policyViolations().size() >= 2));
            });
        }
    }
}
