package app.segmenta.assistant;

/**
 * What a conversation remembers between questions, beyond its messages: the last reading, the audience it found
 * and the segmentation it made or opened, so "split them" and "why is customer X in segment 2?" have referents.
 */
public record Conversation(String id, Reading reading, Criteria audience, String segmentationId) {

    public static Conversation start(String id) {
        return new Conversation(id, null, null, null);
    }

    public Conversation withReading(Reading r) {
        return new Conversation(id, r, audience, segmentationId);
    }

    public Conversation withAudience(Criteria c) {
        return new Conversation(id, reading, c, segmentationId);
    }

    public Conversation withSegmentation(String s) {
        return new Conversation(id, reading, audience, s);
    }
}
