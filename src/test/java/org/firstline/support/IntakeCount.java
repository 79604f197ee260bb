package org.firstline.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What became of a {@link MailLoad} after intake, read back over the API: each request should be one ticket and each
 * reply one message on its ticket. Counts the lost and the duplicated.
 */
public record IntakeCount(
        int requestsSent, int repliesSent, int requestsFiled, int repliesFiled, int lost, int duplicated) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static IntakeCount of(List<MailLoad.Mail> load, String run, int port, String authorization)
            throws Exception {
        Map<String, Integer> copiesOfSubject = new HashMap<>();
        Map<String, Long> ticketOf = new HashMap<>();
        String cursor = null;
        do {
            var page =
                    get(port, authorization, "/api/v1/tickets?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode ticket : page.get("items")) {
                copiesOfSubject.merge(ticket.get("subject").asString(), 1, Integer::sum);
                ticketOf.put(ticket.get("subject").asString(), ticket.get("id").asLong());
            }
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        int requests = 0, requestsFiled = 0, replies = 0, repliesFiled = 0, lost = 0, duplicated = 0;
        Map<Long, JsonNode> conversations = new HashMap<>();
        for (MailLoad.Mail mail : load) {
            String subject = "Load " + (mail.reply() ? mail.target() : mail.n()) + " " + run;
            if (!mail.reply()) {
                requests++;
                int copies = copiesOfSubject.getOrDefault(subject, 0);
                requestsFiled += Math.min(copies, 1);
                lost += copies == 0 ? 1 : 0;
                duplicated += Math.max(0, copies - 1);
                continue;
            }
            replies++;
            Long ticketId = ticketOf.get(subject);
            if (ticketId == null) {
                lost++;
                continue;
            }
            JsonNode messages = conversations.computeIfAbsent(ticketId, id -> {
                try {
                    return get(port, authorization, "/api/v1/tickets/" + id + "/messages")
                            .get("items");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int copies = 0;
            for (JsonNode message : messages) {
                if (message.get("body").asString().equals("reply " + mail.n() + " to request " + mail.target()))
                    copies++;
            }
            repliesFiled += Math.min(copies, 1);
            lost += copies == 0 ? 1 : 0;
            duplicated += Math.max(0, copies - 1);
        }
        return new IntakeCount(requests, replies, requestsFiled, repliesFiled, lost, duplicated);
    }

    private static JsonNode get(int port, String authorization, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        return JSON.readTree(
                HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
