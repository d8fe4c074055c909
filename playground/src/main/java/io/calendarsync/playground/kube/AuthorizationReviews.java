package io.calendarsync.playground.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers SelfSubjectAccessReview and SelfSubjectRulesReview (what {@code kubectl auth can-i} and JOSDK's
 * pre-leader-election permission check ask): the playground has a single all-powerful user and no RBAC, and says so.
 */
final class AuthorizationReviews {

  private static final String PREFIX = "/apis/authorization.k8s.io/v1/";

  private AuthorizationReviews() {
  }

  static ObjectNode answer(ApiRequest request) {
    if (!request.method().equals("POST") || !request.path().startsWith(PREFIX)) {
      return null;
    }
    String resource = request.path().substring(PREFIX.length());
    ObjectNode review = Json.parseObject(request.bodyUtf8());
    ObjectNode status = review.putObject("status");
    switch (resource) {
      case "selfsubjectaccessreviews" -> {
        status.put("allowed", true);
        status.put("reason", "the playground API server does not enforce RBAC");
      }
      case "selfsubjectrulesreviews" -> {
        ObjectNode rule = status.putArray("resourceRules").addObject();
        rule.putArray("verbs").add("*");
        rule.putArray("apiGroups").add("*");
        rule.putArray("resources").add("*");
        ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
        nonResource.putArray("verbs").add("*");
        nonResource.putArray("nonResourceURLs").add("*");
        status.put("incomplete", false);
      }
      default -> {
        return null;
      }
    }
    return review;
  }
}
