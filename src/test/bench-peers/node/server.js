// The chapter's three examples on Node's ws library, for the benchmark's side-by-side figures:
// /ws echoes, /chat broadcasts to everyone, /notifications sends five, two seconds apart, then closes.
const http = require("http");
const { WebSocketServer } = require("ws");

const echo = new WebSocketServer({ noServer: true });
const chat = new WebSocketServer({ noServer: true });
const notifications = new WebSocketServer({ noServer: true });
const interval = Number(process.env.NOTIFY_INTERVAL_MS || 2000);

echo.on("connection", socket => {
    socket.on("message", data => socket.send("Message received: " + data));
});

chat.on("connection", socket => {
    socket.on("message", data => {
        const text = "User says: " + data;
        for (const client of chat.clients) {
            client.send(text);
        }
    });
    socket.on("close", () => {
        for (const client of chat.clients) {
            client.send("A user has left the chat");
        }
    });
});

notifications.on("connection", socket => {
    let sent = 0;
    const timer = setInterval(() => {
        sent += 1;
        socket.send("🔔 Notification " + sent + ": Something happened!");
        if (sent === 5) {
            clearInterval(timer);
            socket.close(1000);
        }
    }, interval);
    socket.on("close", () => clearInterval(timer));
});

const paths = { "/ws": echo, "/chat": chat, "/notifications": notifications };
const server = http.createServer();
server.on("upgrade", (request, socket, head) => {
    const endpoint = paths[new URL(request.url, "http://localhost").pathname];
    if (!endpoint) {
        socket.destroy();
        return;
    }
    endpoint.handleUpgrade(request, socket, head, client => endpoint.emit("connection", client, request));
});
server.listen({ port: Number(process.env.PORT), host: "127.0.0.1", backlog: 4096 }, () => console.log("listening"));
