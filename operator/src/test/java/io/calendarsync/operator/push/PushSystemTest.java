package io.calendarsync.operator.push;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class of its own whole push system ({@link PushFixture}), started once for its tests and stopped after. */
abstract class PushSystemTest {

  static PushFixture fixture;

  @BeforeAll
  static void startPushSystem() throws Exception {
    fixture = new PushFixture();
  }

  @AfterAll
  static void stopPushSystem() throws Exception {
    fixture.close();
  }
}
