package com.tanhdev.pullsecret.admission;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns AdmissionReview bytes into an {@link AdmissionRequest} and an {@link AdmissionResponse}
 * back into bytes, echoing the review's apiVersion (v1 or v1beta1) and the request's uid. Parsing
 * goes through a {@link ReviewDecoder}, which keeps a tree of only the fields the webhook reads:
 * binding to typed models is slower and drops fields the model lacks.
 */
public final class AdmissionCodec {

  private static final String GROUP = "admission.k8s.io/";

  private final ObjectMapper mapper;
  private final JsonFactory reviewTokens = JsonMappers.reviewTokens();

  /**
   * @param mapper the process's mapper, for writing responses
   */
  public AdmissionCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A decoder for one review whose bytes arrive in parts; {@link #decode(JsonNode)} ends it. */
  public ReviewDecoder newDecoder() {
    return new ReviewDecoder(reviewTokens);
  }

  /** Parses a review; throws {@link BadReviewException} with a plain reason on anything else. */
  public AdmissionRequest decode(byte[] body) {
    ReviewDecoder decoder = newDecoder();
    decoder.feed(body, 0, body.length);
    return decode(decoder.finish());
  }

  /** Checks the review's envelope and reads its request from a decoder's finished tree. */
  public AdmissionRequest decode(JsonNode review) {
    if (review == null || !review.isObject()) {
      throw new BadReviewException("body is not a JSON object");
    }
    String apiVersion = text(review, "apiVersion");
    if (!apiVersion.equals(GROUP + "v1") && !apiVersion.equals(GROUP + "v1beta1")) {
      throw new BadReviewException(
          "apiVersion must be admission.k8s.io/v1 or admission.k8s.io/v1beta1, got \""
              + abbreviate(apiVersion)
              + "\"");
    }
    if (!text(review, "kind").equals("AdmissionReview")) {
      throw new BadReviewException("kind must be AdmissionReview");
    }
    JsonNode request = review.get("request");
    if (request == null || !request.isObject()) {
      throw new BadReviewException("request is missing or not an object");
    }
    String uid = text(request, "uid");
    if (uid.isEmpty()) {
      throw new BadReviewException("request.uid is missing or empty");
    }
    JsonNode kind = request.path("kind");
    return new AdmissionRequest(
        apiVersion,
        uid,
        text(kind, "group"),
        text(kind, "kind"),
        text(request, "subResource"),
        text(request, "namespace"),
        text(request, "name"),
        text(request, "operation"),
        request.path("dryRun").asBoolean(false),
        request.path("object"));
  }

  /** Serialises the response inside an AdmissionReview of the request's apiVersion. */
  public byte[] encode(String apiVersion, AdmissionResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("apiVersion", apiVersion);
      json.writeStringProperty("kind", "AdmissionReview");
      json.writeName("response");
      json.writeStartObject();
      json.writeStringProperty("uid", response.uid());
      json.writeBooleanProperty("allowed", response.allowed());
      if (response.hasPatch()) {
        json.writeStringProperty("patchType", "JSONPatch");
        json.writeStringProperty(
            "patch",
            Base64.getEncoder().encodeToString(mapper.writeValueAsBytes(response.patch())));
      }
      if (response.statusMessage() != null) {
        writeStatus(json, response.statusMessage());
      }
      if (!response.warnings().isEmpty()) {
        json.writeArrayPropertyStart("warnings");
        for (String warning : response.warnings()) {
          json.writeString(warning);
        }
        json.writeEndArray();
      }
      if (!response.auditAnnotations().isEmpty()) {
        json.writeObjectPropertyStart("auditAnnotations");
        for (Map.Entry<String, String> entry : response.auditAnnotations().entrySet()) {
          json.writeStringProperty(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeStatus(JsonGenerator json, String message) {
    // 403 Forbidden mirrors what built-in admission plugins return for a policy rejection.
    json.writeObjectPropertyStart("status");
    json.writeStringProperty("status", "Failure");
    json.writeStringProperty("message", message);
    json.writeStringProperty("reason", "Forbidden");
    json.writeNumberProperty("code", 403);
    json.writeEndObject();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : "";
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
