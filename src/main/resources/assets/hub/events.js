// The events page's script (step 5): the hub's notifications over plain HTTP. EventSource
// reconnects by itself and sends the id of the last event it got (Last-Event-ID), so the
// server resumes the stream there: no code of ours for either.

const byId = id => document.getElementById(id);
let source = null;

// tag::event-source[]
function listen(topics) {
    const url = "/api/notifications/stream?topics=" + encodeURIComponent(topics);
    source = new EventSource(url);
    window.eventSource = source; // lets the browser tests close it
    source.addEventListener("open", () => byId("status").textContent = "open");
    source.addEventListener("error", () => byId("status").textContent = "reconnecting");
    source.addEventListener("notification", event => {
        const notification = JSON.parse(event.data);
        const line = "#" + event.lastEventId + " [" + notification.topic + "] "
            + notification.title;
        addItem(byId("messages"), line);
    });
    source.addEventListener("gap", () =>
        addItem(byId("messages"), "(some notifications are no longer kept)"));
}
// end::event-source[]

byId("pick").addEventListener("submit", event => {
    event.preventDefault();
    source?.close();
    listen(byId("topics").value);
});
listen(byId("topics").value);
