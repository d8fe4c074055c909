package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Decodes the Kubernetes protobuf request bodies that kubectl's typed clients send
 * ({@code Content-Type: application/vnd.kubernetes.protobuf}: {@code kubectl create namespace|secret|configmap|
 * serviceaccount}, {@code kubectl auth can-i}) into the JSON the rest of the server handles; client-go does not fall
 * back to JSON when a server refuses protobuf. The envelope is {@code "k8s\0"} followed by a {@code runtime.Unknown}
 * (typeMeta = 1, raw = 2); the object messages use the field numbers of k8s.io/api's generated.proto. Only the kinds
 * listed here are known; any other protobuf body is answered 415.
 */
final class ProtobufBodies {

  static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private enum Kind { STRING, BYTES, INT, BOOL, TIME, MESSAGE, REPEATED_STRING, REPEATED_MESSAGE, MAP_STRING, MAP_BYTES }

  private record Field(String name, Kind kind, Map<Integer, Field> message) {
  }

  private static Field f(String name, Kind kind) {
    return new Field(name, kind, null);
  }

  private static Field m(String name, Map<Integer, Field> message) {
    return new Field(name, Kind.MESSAGE, message);
  }

  private static Field list(String name, Map<Integer, Field> message) {
    return new Field(name, Kind.REPEATED_MESSAGE, message);
  }

  private static final Map<Integer, Field> OWNER_REFERENCE = Map.of(
      1, f("kind", Kind.STRING), 3, f("name", Kind.STRING), 4, f("uid", Kind.STRING),
      5, f("apiVersion", Kind.STRING), 6, f("controller", Kind.BOOL), 7, f("blockOwnerDeletion", Kind.BOOL));

  private static final Map<Integer, Field> OBJECT_META = Map.ofEntries(
      Map.entry(1, f("name", Kind.STRING)), Map.entry(2, f("generateName", Kind.STRING)),
      Map.entry(3, f("namespace", Kind.STRING)), Map.entry(5, f("uid", Kind.STRING)),
      Map.entry(6, f("resourceVersion", Kind.STRING)), Map.entry(7, f("generation", Kind.INT)),
      Map.entry(8, f("creationTimestamp", Kind.TIME)), Map.entry(9, f("deletionTimestamp", Kind.TIME)),
      Map.entry(10, f("deletionGracePeriodSeconds", Kind.INT)), Map.entry(11, f("labels", Kind.MAP_STRING)),
      Map.entry(12, f("annotations", Kind.MAP_STRING)), Map.entry(13, list("ownerReferences", OWNER_REFERENCE)),
      Map.entry(14, f("finalizers", Kind.REPEATED_STRING)));

  private static final Map<Integer, Field> OBJECT_REFERENCE = Map.of(
      1, f("kind", Kind.STRING), 2, f("namespace", Kind.STRING), 3, f("name", Kind.STRING), 4, f("uid", Kind.STRING),
      5, f("apiVersion", Kind.STRING), 6, f("resourceVersion", Kind.STRING), 7, f("fieldPath", Kind.STRING));

  private static final Map<String, Map<Integer, Field>> KINDS = Map.of(
      "v1/Namespace", Map.of(1, m("metadata", OBJECT_META),
          2, m("spec", Map.of(1, f("finalizers", Kind.REPEATED_STRING))),
          3, m("status", Map.of(1, f("phase", Kind.STRING)))),
      "v1/Secret", Map.of(1, m("metadata", OBJECT_META), 2, f("data", Kind.MAP_BYTES), 3, f("type", Kind.STRING),
          4, f("stringData", Kind.MAP_STRING), 5, f("immutable", Kind.BOOL)),
      "v1/ConfigMap", Map.of(1, m("metadata", OBJECT_META), 2, f("data", Kind.MAP_STRING),
          3, f("binaryData", Kind.MAP_BYTES), 4, f("immutable", Kind.BOOL)),
      "v1/ServiceAccount", Map.of(1, m("metadata", OBJECT_META), 2, list("secrets", OBJECT_REFERENCE),
          3, list("imagePullSecrets", Map.of(1, f("name", Kind.STRING))),
          4, f("automountServiceAccountToken", Kind.BOOL)),
      "authorization.k8s.io/v1/SelfSubjectAccessReview", Map.of(1, m("metadata", OBJECT_META),
          2, m("spec", Map.of(
              1, m("resourceAttributes", Map.of(1, f("namespace", Kind.STRING), 2, f("verb", Kind.STRING),
                  3, f("group", Kind.STRING), 4, f("version", Kind.STRING), 5, f("resource", Kind.STRING),
                  6, f("subresource", Kind.STRING), 7, f("name", Kind.STRING))),
              2, m("nonResourceAttributes", Map.of(1, f("path", Kind.STRING), 2, f("verb", Kind.STRING)))))),
      "authorization.k8s.io/v1/SelfSubjectRulesReview", Map.of(1, m("metadata", OBJECT_META),
          2, m("spec", Map.of(1, f("namespace", Kind.STRING)))));

  private ProtobufBodies() {
  }

  /** The request with a protobuf body replaced by its JSON equivalent; other requests unchanged. */
  static ApiRequest toJson(ApiRequest request) {
    if (request.body().length == 0 || !request.contentType().equals(PROTOBUF)) {
      return request;
    }
    ObjectNode object = decode(request.body());
    return request.withJsonBody(Json.write(object).getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode decode(byte[] body) {
    if (body.length < MAGIC.length || body[0] != MAGIC[0] || body[1] != MAGIC[1] || body[2] != MAGIC[2]
        || body[3] != MAGIC[3]) {
      throw unsupported("a protobuf body without the k8s envelope");
    }
    Reader unknown = new Reader(body, MAGIC.length, body.length);
    String apiVersion = "";
    String kind = "";
    byte[] raw = null;
    while (unknown.more()) {
      int key = (int) unknown.varint();
      int number = key >>> 3;
      if (number == 1 && (key & 7) == 2) {
        Reader typeMeta = unknown.nested();
        while (typeMeta.more()) {
          int k = (int) typeMeta.varint();
          if ((k >>> 3) == 1 && (k & 7) == 2) {
            apiVersion = typeMeta.string();
          } else if ((k >>> 3) == 2 && (k & 7) == 2) {
            kind = typeMeta.string();
          } else {
            typeMeta.skip(k & 7);
          }
        }
      } else if (number == 2 && (key & 7) == 2) {
        raw = unknown.bytes();
      } else {
        unknown.skip(key & 7);
      }
    }
    Map<Integer, Field> schema = KINDS.get(apiVersion + "/" + kind);
    if (schema == null || raw == null) {
      throw unsupported(apiVersion + " " + kind + " in protobuf");
    }
    ObjectNode object = Json.object();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    read(new Reader(raw, 0, raw.length), schema, object);
    return object;
  }

  private static void read(Reader reader, Map<Integer, Field> schema, ObjectNode into) {
    while (reader.more()) {
      int key = (int) reader.varint();
      Field field = schema.get(key >>> 3);
      if (field == null) {
        reader.skip(key & 7);
        continue;
      }
      switch (field.kind()) {
        case STRING -> {
          String value = reader.string();
          if (!value.isEmpty()) {
            into.put(field.name(), value);
          }
        }
        case BYTES -> into.put(field.name(), Base64.getEncoder().encodeToString(reader.bytes()));
        case INT -> {
          long value = reader.varint();
          if (value != 0) {
            into.put(field.name(), value);
          }
        }
        case BOOL -> into.put(field.name(), reader.varint() != 0);
        case TIME -> {
          Reader time = reader.nested();
          long seconds = 0;
          while (time.more()) {
            int k = (int) time.varint();
            if ((k >>> 3) == 1 && (k & 7) == 0) {
              seconds = time.varint();
            } else {
              time.skip(k & 7);
            }
          }
          if (seconds != 0) {
            into.put(field.name(), Instant.ofEpochSecond(seconds).toString());
          }
        }
        case MESSAGE -> {
          ObjectNode child = Json.object();
          read(reader.nested(), field.message(), child);
          if (!child.isEmpty()) {
            into.set(field.name(), child);
          }
        }
        case REPEATED_STRING -> array(into, field.name()).add(reader.string());
        case REPEATED_MESSAGE -> {
          ObjectNode element = Json.object();
          read(reader.nested(), field.message(), element);
          array(into, field.name()).add(element);
        }
        case MAP_STRING, MAP_BYTES -> {
          Reader entry = reader.nested();
          String mapKey = "";
          String mapValue = "";
          while (entry.more()) {
            int k = (int) entry.varint();
            if ((k >>> 3) == 1 && (k & 7) == 2) {
              mapKey = entry.string();
            } else if ((k >>> 3) == 2 && (k & 7) == 2) {
              mapValue = field.kind() == Kind.MAP_BYTES ? Base64.getEncoder().encodeToString(entry.bytes())
                  : entry.string();
            } else {
              entry.skip(k & 7);
            }
          }
          ObjectNode map = into.has(field.name()) ? (ObjectNode) into.get(field.name()) : into.putObject(field.name());
          map.put(mapKey, mapValue);
        }
        default -> throw new IllegalStateException(field.kind().name());
      }
    }
  }

  private static ArrayNode array(ObjectNode into, String name) {
    return into.has(name) ? (ArrayNode) into.get(name) : into.putArray(name);
  }

  private static ApiException unsupported(String what) {
    return ApiException.unsupportedMediaType("the body of the request was in an unknown format (" + what
        + ") - accepted media types include: application/json, application/yaml");
  }

  /** Protocol buffers wire format, just enough of it. */
  private static final class Reader {
    private final byte[] bytes;
    private int position;
    private final int end;

    Reader(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.position = start;
      this.end = end;
    }

    boolean more() {
      return position < end;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (position >= end) {
          throw ApiException.badRequest("truncated protobuf body");
        }
        byte b = bytes[position++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw ApiException.badRequest("malformed protobuf varint");
    }

    Reader nested() {
      int length = (int) varint();
      if (length < 0 || position + length > end) {
        throw ApiException.badRequest("truncated protobuf body");
      }
      Reader nested = new Reader(bytes, position, position + length);
      position += length;
      return nested;
    }

    byte[] bytes() {
      Reader nested = nested();
      return java.util.Arrays.copyOfRange(bytes, nested.position, nested.end);
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int wireType) {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> position += 8;
        case 2 -> nested();
        case 5 -> position += 4;
        default -> throw ApiException.badRequest("unsupported protobuf wire type " + wireType);
      }
    }
  }
}
