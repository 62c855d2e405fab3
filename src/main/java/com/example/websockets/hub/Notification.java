package com.example.websockets.hub;

/**
 * Step 5 of CHAPTER.md: one notification as subscribers receive it. Its id orders it among every
 * notification the hub has published, so a subscriber that comes back says "after 41". The time
 * is the server's, in ISO 8601 (UTC).
 */
record Notification(long id, String topic, String title, String body, String level, String time) {
}
