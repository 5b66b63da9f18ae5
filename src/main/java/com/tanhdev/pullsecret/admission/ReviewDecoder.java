package com.tanhdev.pullsecret.admission;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.async.ByteArrayFeeder;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses an AdmissionReview from its bytes as they arrive, keeping only the {@link ReviewFields}
 * and dropping the rest token by token, so that neither the body nor a tree of all of it is ever
 * held. It also counts what the kept tree costs in memory ({@link #retainedBytes()}), so the caller
 * can hold that against its budget before it is spent. Duplicate keys are rejected in every object
 * kept: the API server's decoder takes the last one, and reading the first could make the webhook
 * patch what the server will not store. Not thread-safe: one decoder per request.
 */
public final class ReviewDecoder {

  // Approximate heap cost of kept nodes on a 64-bit JVM with compressed pointers: a container node
  // with its map or list, a member entry with its key, a scalar node, and a string's characters.
  private static final int CONTAINER_BYTES = 128;
  private static final int MEMBER_BYTES = 96;
  private static final int SCALAR_BYTES = 48;
  private static final int BYTES_PER_CHAR = 2;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private record Frame(JsonNode node, ReviewFields fields) {}

  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final Deque<Frame> open = new ArrayDeque<>();
  private JsonNode root;
  private boolean rootComplete;
  private String nextName;
  private int droppedDepth;
  private long retainedBytes;

  ReviewDecoder(JsonFactory factory) {
    this.parser = factory.createNonBlockingByteArrayParser(ObjectReadContext.empty());
    this.feeder = (ByteArrayFeeder) parser.nonBlockingInputFeeder();
  }

  /** Parses the next bytes of the body; the array may be reused once this returns. */
  public void feed(byte[] bytes, int offset, int length) {
    try {
      feeder.feedInput(bytes, offset, offset + length);
      drain();
    } catch (JacksonException e) {
      throw invalid(e.getOriginalMessage());
    }
  }

  /** Ends the body and returns the kept tree of the review. */
  public JsonNode finish() {
    try {
      feeder.endOfInput();
      drain();
    } catch (JacksonException e) {
      throw invalid(e.getOriginalMessage());
    } finally {
      parser.close();
    }
    if (!rootComplete) {
      throw invalid("the body ended before the review did");
    }
    return root;
  }

  /** What the kept tree costs in heap so far, approximately and never less. */
  public long retainedBytes() {
    return retainedBytes;
  }

  private void drain() {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      if (droppedDepth > 0) {
        droppedDepth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      } else if (rootComplete) {
        throw invalid("more content after the review");
      } else if (token == JsonToken.PROPERTY_NAME) {
        nextName = parser.currentName();
      } else if (token.isStructEnd()) {
        open.pop();
        rootComplete = open.isEmpty();
      } else {
        value(token);
      }
    }
  }

  private void value(JsonToken token) {
    ReviewFields fields = fieldsOfNextValue();
    if (fields == null) {
      droppedDepth = token.isStructStart() ? 1 : 0;
      return;
    }
    JsonNode node = node(token);
    attach(node);
    if (token.isStructStart()) {
      open.push(new Frame(node, fields));
    } else if (open.isEmpty()) {
      rootComplete = true;
    }
  }

  private JsonNode node(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> charged(NODES.objectNode(), CONTAINER_BYTES);
      case START_ARRAY -> charged(NODES.arrayNode(), CONTAINER_BYTES);
      case VALUE_STRING -> {
        String text = parser.getString();
        yield charged(NODES.stringNode(text), SCALAR_BYTES + (long) BYTES_PER_CHAR * text.length());
      }
      case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> NODES.nullNode();
      // Only the type of a number matters here (no field the webhook reads is numeric).
      case VALUE_NUMBER_INT -> charged(NODES.numberNode(parser.getDoubleValue()), SCALAR_BYTES);
      case VALUE_NUMBER_FLOAT -> charged(NODES.numberNode(parser.getDoubleValue()), SCALAR_BYTES);
      default -> throw invalid("unexpected " + token);
    };
  }

  private void attach(JsonNode node) {
    Frame parent = open.peek();
    if (parent == null) {
      root = node;
    } else if (parent.node() instanceof ObjectNode object) {
      if (object.has(nextName)) {
        throw invalid("Duplicate key \"" + abbreviate(nextName) + "\"");
      }
      retainedBytes += MEMBER_BYTES + (long) BYTES_PER_CHAR * nextName.length();
      object.set(nextName, node);
    } else {
      ((ArrayNode) parent.node()).add(node);
    }
  }

  private ReviewFields fieldsOfNextValue() {
    Frame parent = open.peek();
    if (parent == null) {
      return ReviewFields.REVIEW;
    }
    return parent.node().isArray() ? parent.fields().elements() : parent.fields().member(nextName);
  }

  private JsonNode charged(JsonNode node, long bytes) {
    retainedBytes += bytes;
    return node;
  }

  /** The parser's reason without its location, which names neither a source nor an offset here. */
  private static BadReviewException invalid(String reason) {
    int location = reason.indexOf(" (start marker at");
    return new BadReviewException(
        "body is not valid JSON: " + (location < 0 ? reason : reason.substring(0, location)));
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
