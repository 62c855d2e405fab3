// The dashboard's script (step 5): figures once a second over one socket, notifications over
// another, and both come back by themselves after a restart, with jitter.

const byId = id => document.getElementById(id);
const charts = {
    open: new LineChart(byId("open"), ["#1565c0"]),
    messages: new LineChart(byId("messages")),
    notifications: new LineChart(byId("notifications")),
    jvm: new LineChart(byId("jvm"))
};
window.dashboardCharts = charts; // lets the browser tests read what is drawn

// Opens `path` and keeps it open: `onMessage` gets each message parsed, `url` is asked afresh
// on every try (so a reconnect can say where it left off).
function keepOpen(url, status, onMessage) {
    let failedTries = 0;
    const connect = () => {
        const socket = new WebSocket(url());
        showState(socket, status);
        socket.addEventListener("open", () => failedTries = 0);
        socket.addEventListener("message", event => onMessage(JSON.parse(event.data)));
        socket.addEventListener("close", () => {
            failedTries += 1;
            setTimeout(connect, retryDelay(failedTries));
        });
    };
    connect();
}

// tag::dashboard-figures[]
keepOpen(() => socketUrl("/dashboard/live"), byId("status"), figures => {
    const open = Object.values(figures.open).reduce((sum, count) => sum + count, 0);
    charts.open.add(open);
    charts.messages.add(figures.messagesInPerSecond, figures.framesOutPerSecond);
    charts.notifications.add(figures.publishedPerSecond, figures.deliveredPerSecond);
    charts.jvm.add(figures.heapMb, figures.threads);
    byId("latest").textContent = figures.time + ": " + open + " open, "
        + figures.framesOutPerSecond + " frames out a second, "
        + figures.publishedPerSecond + " published, heap " + figures.heapMb + " MB, "
        + figures.threads + " threads";
});
// end::dashboard-figures[]

// tag::dashboard-feed[]
let lastId = 0; // 0 at first: everything the hub still keeps
keepOpen(() => socketUrl("/hub?topics=*&after=" + lastId), byId("hubStatus"), message => {
    if (message.type === "gap") {
        addItem(byId("feed"), "(some notifications are no longer kept)");
    } else if (message.type === "notification" && message.id > lastId) {
        lastId = message.id;
        const item = document.createElement("li");
        item.className = message.level;
        item.textContent = message.time.substring(11, 19) + " [" + message.topic + "] "
            + message.title
            + (message.body ? ": " + message.body : "");
        byId("feed").prepend(item);
    }
});
// end::dashboard-feed[]
