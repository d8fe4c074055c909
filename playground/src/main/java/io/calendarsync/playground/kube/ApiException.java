package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A failed API call, answered as a {@code meta/v1 Status} the way kube-apiserver words it. */
final class ApiException extends RuntimeException {

  private final int code;
  private final String reason;
  private final ObjectNode details;

  ApiException(int code, String reason, String message, ObjectNode details) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  int code() {
    return code;
  }

  String reason() {
    return reason;
  }

  ObjectNode status() {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", getMessage());
    status.put("reason", reason);
    if (details != null) {
      status.set("details", details);
    }
    status.put("code", code);
    return status;
  }

  static ObjectNode details(ResourceType type, String name) {
    ObjectNode details = Json.object();
    if (name != null) {
      details.put("name", name);
    }
    if (type != null) {
      if (!type.group().isEmpty()) {
        details.put("group", type.group());
      }
      details.put("kind", type.plural());
    }
    return details;
  }

  static ApiException notFound(ResourceType type, String name) {
    return new ApiException(404, "NotFound",
        type.qualifiedPlural() + " \"" + name + "\" not found", details(type, name));
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "NotFound", message, null);
  }

  static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(409, "AlreadyExists",
        type.qualifiedPlural() + " \"" + name + "\" already exists", details(type, name));
  }

  static ApiException conflict(ResourceType type, String name) {
    return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedPlural() + " \""
        + name + "\": the object has been modified; please apply your changes to the latest version and try again",
        details(type, name));
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message, null);
  }

  static ApiException invalid(ResourceType type, String name, String message, ObjectNode details) {
    return new ApiException(422, "Invalid",
        type.kind() + (type.group().isEmpty() ? "" : "." + type.group()) + " \"" + name + "\" is invalid: " + message,
        details);
  }

  static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, "UnsupportedMediaType", message, null);
  }

  static ApiException methodNotAllowed(String message) {
    return new ApiException(405, "MethodNotAllowed", message, null);
  }

  static ApiException forbidden(String message) {
    return new ApiException(403, "Forbidden", message, null);
  }
}
