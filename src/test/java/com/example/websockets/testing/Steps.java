package com.example.websockets.testing;

import com.example.websockets.app.Variables;
import com.example.websockets.broker.Broker;
import com.example.websockets.hub.HubEndpoint;
import com.example.websockets.hub.HubSettings;
import com.example.websockets.rooms.RoomsEndpoint;
import com.example.websockets.rooms.RoomsSettings;
import java.util.Map;

/**
 * The steps beyond the chapter as tests make them: settings from {@code env}, and a broker in
 * this process.
 */
public final class Steps {

    private Steps() {
    }

    public static RoomsEndpoint rooms(Map<String, String> env) {
        return new RoomsEndpoint(RoomsSettings.from(Variables.of(env)), Broker.local());
    }

    public static HubEndpoint hub(Map<String, String> env) {
        return new HubEndpoint(HubSettings.from(Variables.of(env)), Broker.local());
    }
}
