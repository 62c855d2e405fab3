// Shared by every page of the app: where its WebSocket lives, and what the learner sees of it.

// tag::socket-url[]
// The WebSocket URL for `path` on the host and port that served this page,
// with wss: when the page itself came over https:. Never a hard-coded host.
function socketUrl(path) {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + location.host + path;
}
// end::socket-url[]

// Shows the socket's state in `element`: connecting, open, or closed with its code and reason.
function showState(socket, element) {
    element.textContent = "connecting";
    socket.addEventListener("open", () => element.textContent = "open");
    socket.addEventListener("close", event =>
        element.textContent =
            "closed (" + event.code + (event.reason ? " " + event.reason : "") + ")");
}

// tag::add-item[]
// Adds a message to a list as plain text: markup inside it is shown, never run.
function addItem(list, text) {
    const item = document.createElement("li");
    item.textContent = text;
    list.appendChild(item);
}
// end::add-item[]

// tag::retry-delay[]
// How long to wait before reconnect attempt number `attempt` (1, 2, 3, ...): a ceiling that
// doubles from 0.5 s up to 10 s, and a random point in its upper half. The randomness (jitter)
// spreads out the tabs that one server restart dropped at the same moment, so that they don't
// all come back in the same instant.
function retryDelay(attempt) {
    const ceiling = Math.min(500 * 2 ** (attempt - 1), 10000);
    return ceiling / 2 + Math.random() * ceiling / 2;
}
// end::retry-delay[]

// The local time with milliseconds, e.g. 14:03:07.250.
function clock() {
    const now = new Date();
    return now.toLocaleTimeString("en-GB") + "." + String(now.getMilliseconds()).padStart(3, "0");
}
