// The rooms page's script (step 4): sign in, then one socket for all rooms, which picks up
// where it left off after a dropped connection.

const byId = id => document.getElementById(id);
const rooms = new Map(); // room name -> { lastId, lines, present }
let current = null;
let socket = null;
let failedTries = 0;
let lastTypingSent = 0;
let typingTimer = null;
let wanted = null; // the room the join form asked for, shown once the server says we're in
const said = new Map(); // key -> the last 20 messages sent, to send again or give back on an error
const unsent = []; // to send again, with their keys, once the socket is open again
const newKey = () => Date.now().toString(36) + Math.random().toString(36).slice(2);

byId("signIn").addEventListener("submit", async event => {
    event.preventDefault();
    const answer = await fetch("/api/session", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify({name: byId("name").value})
    });
    const body = await answer.json();
    if (!answer.ok) {
        byId("problem").textContent = body.error;
        return;
    }
    byId("problem").textContent = "";
    byId("me").textContent = body.name;
    byId("signIn").hidden = true;
    byId("signedIn").hidden = false;
    connect();
});

// tag::rooms-resume[]
function connect() {
    socket = new WebSocket(socketUrl("/rooms"));
    window.roomsSocket = socket; // lets the browser tests cut it
    showState(socket, byId("status"));
    let opened = false;
    socket.addEventListener("open", () => {
        opened = true;
        failedTries = 0;
        // Back in every room, each from the last message this page saw there: no gap, no repeat.
        for (const [room, state] of rooms) {
            send({type: "join", room: room, after: state.lastId});
        }
        unsent.splice(0).forEach(sendKept);
        refreshRoomList();
    });
    socket.addEventListener("message", event => handle(JSON.parse(event.data)));
    socket.addEventListener("close", async () => {
        // A refused handshake looks like any other close to a page: ask whether the sign-in
        // still holds (a restarted server with a new key no longer takes the cookie).
        if (!opened && await signInEnded()) {
            return;
        }
        failedTries += 1;
        const delay = retryDelay(failedTries);
        byId("status").textContent += ", reconnecting in " + (delay / 1000).toFixed(1) + " s";
        setTimeout(connect, delay);
    });
}
// end::rooms-resume[]

// 401: the sign-in has ended (a new key); 409: someone else has the name now.
async function signInEnded() {
    let answer;
    try {
        answer = await fetch("/api/session");
    } catch (serverAway) {
        return false; // the server is down: keep trying
    }
    if (answer.status !== 401 && answer.status !== 409) {
        return false;
    }
    byId("problem").textContent = (await answer.json()).error;
    byId("signedIn").hidden = true;
    byId("signIn").hidden = false;
    return true;
}

function addMessage(message) {
    const state = roomState(message.room);
    if (message.id <= state.lastId) {
        return; // seen already
    }
    state.lastId = message.id;
    note(message.room, message.sender + ": " + message.text);
}

function handle(message) {
    switch (message.type) {
        case "joined":
            roomState(message.room).present = message.present;
            if (message.gap) {
                note(message.room, "(some earlier messages are no longer kept)");
            }
            message.history.forEach(addMessage);
            const asked = wanted !== null && message.room.toLowerCase() === wanted.toLowerCase();
            current = asked ? message.room : current || message.room;
            render();
            refreshRoomList();
            break;
        case "message":
            addMessage(message);
            break;
        case "presence":
            presence(message);
            break;
        case "typing":
            if (message.room === current) {
                byId("typing").textContent = message.name + " is typing...";
                clearTimeout(typingTimer);
                typingTimer = setTimeout(() => byId("typing").textContent = "", 3000);
            }
            break;
        case "private":
            note(current, "(private) " + message.from + " to " + message.to + ": " + message.text);
            break;
        case "error":
            byId("problem").textContent = message.reason;
            refused(message);
            break;
    }
}

// Not known whether it went out: sent again with its key, the room gets it once. Not sent: the
// text goes back in the box, to send when the server can take it.
function refused(error) {
    const message = said.get(error.key);
    said.delete(error.key);
    if (message === undefined) {
        return;
    }
    if (error.code === "unknown") {
        setTimeout(() => sendKept(message), 2000);
    } else {
        giveBack(message);
    }
}

// A chat message: kept by its key until the server answers, so that a second refusal finds it
// too. With the socket closed, it waits for it to open: given back, it would go again under a new
// key, and the room might get it twice.
function sendKept(message) {
    said.set(message.key, message);
    if (said.size > 20) {
        said.delete(said.keys().next().value);
    }
    if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
    } else {
        unsent.push(message);
    }
}

function giveBack(message) {
    if (byId("text").value === "") {
        byId("text").value = message.text;
    }
}

function presence(message) {
    const state = roomState(message.room);
    state.present = state.present.filter(name => name !== message.name);
    if (message.event === "came") {
        state.present.push(message.name);
    }
    note(message.room, message.name + (message.event === "came" ? " came in" : " left"));
    render();
    refreshRoomList();
}

function roomState(room) {
    if (!rooms.has(room)) {
        rooms.set(room, {lastId: 0, lines: [], present: []});
    }
    return rooms.get(room);
}

// Adds a line to a room's log, and to the page if that room is shown.
function note(room, line) {
    if (room === null) {
        return;
    }
    roomState(room).lines.push(line);
    if (room === current) {
        addItem(byId("messages"), line);
    }
}

function render() {
    byId("current").textContent = current || "(no room yet)";
    const tabs = byId("tabs");
    tabs.replaceChildren();
    for (const room of rooms.keys()) {
        const button = document.createElement("button");
        button.textContent = room;
        button.addEventListener("click", () => {
            current = room;
            render();
        });
        tabs.appendChild(button);
    }
    byId("present").textContent = current ? roomState(current).present.join(", ") : "";
    const list = byId("messages");
    list.replaceChildren();
    if (current) {
        roomState(current).lines.forEach(line => addItem(list, line));
    }
}

async function refreshRoomList() {
    const list = await (await fetch("/api/rooms")).json();
    byId("rooms").textContent = list.map(room => room.name + " (" + room.present + ")").join(", ");
}

function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(message));
    }
}

byId("joinForm").addEventListener("submit", event => {
    event.preventDefault();
    const room = byId("roomName").value.trim();
    if (room !== "") {
        wanted = room;
        send({type: "join", room: room});
        byId("roomName").value = "";
    }
});

byId("sayForm").addEventListener("submit", event => {
    event.preventDefault();
    if (current && byId("text").value !== "" && socket.readyState === WebSocket.OPEN) {
        const message = {type: "message", room: current, text: byId("text").value, key: newKey()};
        byId("text").value = "";
        sendKept(message);
    }
});

byId("text").addEventListener("input", () => {
    if (current && Date.now() - lastTypingSent > 1000) { // the server drops more anyway
        lastTypingSent = Date.now();
        send({type: "typing", room: current});
    }
});

byId("whisperForm").addEventListener("submit", event => {
    event.preventDefault();
    send({type: "private", to: byId("to").value, text: byId("whisper").value});
    byId("whisper").value = "";
});
