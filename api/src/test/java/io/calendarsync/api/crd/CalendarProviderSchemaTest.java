package io.calendarsync.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad CalendarProvider manifest is refused at apply time with a message that says what to fix. */
class CalendarProviderSchemaTest {

  private static final CrdSchemaValidator SCHEMA =
      new CrdSchemaValidator(CrdFiles.parse(CrdFiles.generate().get("calendarproviders.calendarsync.io-v1.yml")));

  private static ObjectNode provider() {
    return (ObjectNode) CrdSchemaValidator.yaml("""
        apiVersion: calendarsync.io/v1alpha1
        kind: CalendarProvider
        metadata: {name: p, namespace: acme}
        spec:
          vendor: Google
          calendarId: primary
          credentialsSecretRef: {name: creds}
          tenant: acme
          userId: alice
        """);
  }

  private static ObjectNode spec(ObjectNode provider) {
    return (ObjectNode) provider.get("spec");
  }

  @Test
  void aMinimalProviderIsAccepted() {
    assertThat(SCHEMA.validateCreate(provider())).isEmpty();
  }

  @Test
  void googlesDefaultCalendarNameIsRefusedForMicrosoft() {
    ObjectNode p = provider();
    spec(p).put("vendor", "Microsoft");
    assertThat(SCHEMA.validateCreate(p)).singleElement().asString()
        .startsWith("spec.calendarId:").contains("use 'calendar' for the default Outlook calendar");
  }

  @Test
  void outlooksDefaultCalendarNameIsRefusedForGoogle() {
    ObjectNode p = provider();
    spec(p).put("calendarId", "calendar");
    assertThat(SCHEMA.validateCreate(p)).singleElement().asString().contains("use 'primary'");
  }

  @Test
  void anUnknownVendorIsRefused() {
    ObjectNode p = provider();
    spec(p).put("vendor", "Yahoo");
    assertThat(SCHEMA.validateCreate(p)).singleElement().asString().contains("vendor").contains("enum");
  }

  @Test
  void requiredFieldsAreRequired() {
    ObjectNode p = provider();
    spec(p).remove("credentialsSecretRef");
    spec(p).remove("userId");
    assertThat(SCHEMA.validateCreate(p)).hasSize(2).allMatch(e -> e.contains("required"));
  }

  @Test
  void aSyncIntervalBelowOneMinuteIsRefused() {
    ObjectNode p = provider();
    spec(p).put("syncInterval", "30s");
    assertThat(SCHEMA.validateCreate(p)).containsExactly("spec.syncInterval: syncInterval must be at least 1m");
  }

  @Test
  void aSyncIntervalThatIsNotADurationIsRefused() {
    ObjectNode p = provider();
    spec(p).put("syncInterval", "fortnightly");
    assertThat(SCHEMA.validateCreate(p)).singleElement().asString().contains("syncInterval").contains("pattern");
  }

  @Test
  void aSyncWindowBeyondOneYearBackIsRefused() {
    ObjectNode p = provider();
    spec(p).putObject("syncWindow").put("past", "9000h").put("future", "720h");
    assertThat(SCHEMA.validateCreate(p)).containsExactly("spec.syncWindow: syncWindow.past must be at most 8760h (one year)");
  }

  @Test
  void aMisspelledFieldIsRefusedInsteadOfSilentlyIgnored() {
    ObjectNode p = provider();
    spec(p).put("calendarID", "primary");
    assertThat(SCHEMA.validateCreate(p)).singleElement().asString().contains("calendarID");
  }

  @Test
  void aSecretNameThatIsNotAKubernetesNameIsRefused() {
    ObjectNode p = provider();
    ((ObjectNode) spec(p).get("credentialsSecretRef")).put("name", "Other_Namespace/creds");
    assertThat(SCHEMA.validateCreate(p)).singleElement().asString().contains("pattern");
  }

  @Test
  void theVendorAndIdentityCannotChangeButSettingsCan() {
    JsonNode before = provider();
    ObjectNode otherVendor = provider();
    spec(otherVendor).put("vendor", "Microsoft").put("calendarId", "calendar");
    assertThat(SCHEMA.validateUpdate(before, otherVendor))
        .contains("spec.vendor: vendor is immutable: create a new provider for another vendor",
            "spec.calendarId: calendarId is immutable: create a new provider for another calendar");

    ObjectNode otherUser = provider();
    spec(otherUser).put("userId", "bob");
    assertThat(SCHEMA.validateUpdate(before, otherUser)).singleElement().asString().contains("userId is immutable");

    ObjectNode tuned = provider();
    spec(tuned).put("syncInterval", "5m").put("suspend", true).put("conflictPolicy", "NewestWins");
    assertThat(SCHEMA.validateUpdate(before, tuned)).isEmpty();
  }
}
