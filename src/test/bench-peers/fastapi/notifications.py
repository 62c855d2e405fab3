from fastapi import FastAPI, WebSocket
import asyncio

app = FastAPI()

@app.websocket("/notifications")
async def notifications(websocket: WebSocket):
    await websocket.accept()
    for i in range(1, 6):  # Send 5 notifications
        await asyncio.sleep(2)  # simulate delay
        await websocket.send_text(f"🔔 Notification {i}: Something happened!")
    await websocket.close()
