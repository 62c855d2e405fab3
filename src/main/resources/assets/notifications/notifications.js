// The notifications page's script (step 3): a stream of notifications per press of the button.

// tag::notifications-page-script[]
const start = document.getElementById("start");
const messages = document.getElementById("messages");

start.addEventListener("click", () => {
    start.disabled = true; // one stream at a time
    const socket = new WebSocket(socketUrl("/notifications"));
    showState(socket, document.getElementById("status"));
    socket.addEventListener("message", event => addItem(messages, clock() + " " + event.data));
    socket.addEventListener("close", event => {
        addItem(messages, clock() + " Stream closed: " + event.code + " " + event.reason);
        start.disabled = false;
    });
});
// end::notifications-page-script[]
