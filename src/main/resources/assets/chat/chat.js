// The chat page's script (step 2): one socket to /chat that reconnects by itself.

// tag::chat-page-script[]
const status = document.getElementById("status");
const messages = document.getElementById("messages");
const input = document.getElementById("msgInput");
let failedTries = 0;
let socket;

function connect() {
    socket = new WebSocket(socketUrl("/chat"));
    showState(socket, status);
    socket.addEventListener("open", () => failedTries = 0);
    socket.addEventListener("message", event => addItem(messages, event.data));
    socket.addEventListener("close", () => {
        // The server went away: try again, a little later after each failed try.
        failedTries += 1;
        const delay = retryDelay(failedTries);
        status.textContent += ", reconnecting in " + (delay / 1000).toFixed(1) + " s";
        setTimeout(connect, delay);
    });
}

// Enter submits the form; the text stays in the box until it could really be sent.
document.getElementById("chatForm").addEventListener("submit", event => {
    event.preventDefault();
    if (socket.readyState === WebSocket.OPEN && input.value !== "") {
        socket.send(input.value);
        input.value = "";
    }
    input.focus();
});
connect();
// end::chat-page-script[]
