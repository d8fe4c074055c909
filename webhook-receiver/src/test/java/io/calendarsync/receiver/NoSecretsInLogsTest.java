package io.calendarsync.receiver;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.calendarsync.api.redis.ConsentState;
import io.calendarsync.api.redis.VendorName;
import io.calendarsync.receiver.support.GooglePushes;
import io.calendarsync.receiver.support.ReceiverHarness;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.calendarsync.receiver.support.GraphPayloads.batch;
import static io.calendarsync.receiver.support.GraphPayloads.change;
import static io.calendarsync.receiver.support.GraphPayloads.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "No leaks": every kind of request, accepted, refused and failed, at the log levels the receiver runs with (its own
 * loggers at DEBUG here), and not one captured log line holds a token, clientState, code or state.
 */
class NoSecretsInLogsTest {

  private static final String TOKEN = "tok-SECRET-google-5b2e9c";
  private static final String GUESSED_TOKEN = "tok-SECRET-guessed-77a1d0";
  private static final String CLIENT_STATE = "cs-SECRET-graph-1f0e3a";
  private static final String FORGED_CLIENT_STATE = "cs-SECRET-forged-9c8b7a";
  private static final String VALIDATION_TOKEN = "validation-SECRET-token-42";
  private static final String CODE = "4/SECRET-authorization-code";

  @Test
  void capturedLogsHoldNoSecret() throws Exception {
    ListAppender<ILoggingEvent> captured = capture();
    List<String> secrets = new ArrayList<>(List.of(TOKEN, GUESSED_TOKEN, CLIENT_STATE, FORGED_CLIENT_STATE,
        VALIDATION_TOKEN, CODE));
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      harness.registerGoogleChannel("calsync-logs", "team-a/alice-google", TOKEN, "res-logs");
      harness.registerGraphSubscription("sub-logs", "team-a/bob-outlook", CLIENT_STATE);
      ConsentState.Issued consent = harness.issueConsent("team-a/alice-google", VendorName.GOOGLE);
      secrets.add(consent.state());
      secrets.add(consent.claims().nonce());

      harness.postGoogle(GooglePushes.headers("calsync-logs", TOKEN, "res-logs", "exists", "1"));
      harness.postGoogle(GooglePushes.headers("calsync-logs", GUESSED_TOKEN, "res-logs", "exists", "2"));
      harness.postGoogle(GooglePushes.headers("calsync-unknown", GUESSED_TOKEN, "res-logs", "exists", "3"));
      ReceiverHarness.send(HttpRequest.newBuilder(harness.url("/webhooks/microsoft?validationToken=" + VALIDATION_TOKEN))
          .POST(HttpRequest.BodyPublishers.noBody()).build());
      harness.postJson("/webhooks/microsoft", batch(
          change("sub-logs", CLIENT_STATE, "updated", "Users/u/Events/A", "W/\"1\""),
          change("sub-logs", FORGED_CLIENT_STATE, "updated", "Users/u/Events/B", "W/\"1\"")));
      harness.postJson("/webhooks/microsoft/lifecycle", batch(lifecycle("sub-logs", FORGED_CLIENT_STATE, "missed")));
      harness.postJson("/webhooks/microsoft", "{\"value\":[\"" + CLIENT_STATE + "\"]}");
      harness.oauthCallback("google", CODE, consent.state());
      harness.oauthCallback("google", CODE, consent.state());
      harness.oauthCallback("microsoft", CODE, consent.state());
      harness.get("/oauth/callback/google?error=" + URLEncoder.encode(CODE, StandardCharsets.UTF_8) + "&state="
          + consent.state());

      harness.redisServer.stop();
      harness.postGoogle(GooglePushes.headers("calsync-logs", TOKEN, "res-logs", "exists", "4"));
      harness.postJson("/webhooks/microsoft", batch(change("sub-logs", CLIENT_STATE, "updated", "r/C", "W/\"1\"")));
      ConsentState.Issued late = new ConsentState(harness.encryptionKey, harness.clock)
          .issue("team-a/alice-google", VendorName.GOOGLE);
      secrets.add(late.state());
      harness.oauthCallback("google", CODE, late.state());
    } finally {
      captured.stop();
      root().detachAppender(captured);
    }

    assertThat(captured.list).as("the capture works").isNotEmpty()
        .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("answering 503"))
        .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("refused: token_mismatch"));
    assertThat(captured.list).allSatisfy(event ->
        assertThat(everythingLogged(event)).as(event.toString()).doesNotContain(secrets));
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    appender.start();
    root().addAppender(appender);
    return appender;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** The message, its arguments, and every message of its exception chain. */
  private static String everythingLogged(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    text.append(event.getMDCPropertyMap());
    for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
      text.append('\n').append(proxy.getClassName()).append(": ").append(proxy.getMessage());
    }
    return text.toString();
  }
}
