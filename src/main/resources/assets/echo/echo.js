// The echo page's script (step 1): one socket to /ws, each reply added to the list.

// tag::page-script[]
const ws = new WebSocket(socketUrl("/ws"));
showState(ws, document.getElementById("status"));
ws.onmessage = function (event) {
    addItem(document.getElementById("messages"), event.data);
};
function sendMessage() {
    const input = document.getElementById("msgInput");
    ws.send(input.value);
    input.value = "";
}
document.getElementById("send").addEventListener("click", sendMessage);
// end::page-script[]
