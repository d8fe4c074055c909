package io.calendarsync.operator.support;

import java.util.concurrent.CountDownLatch;

/**
 * The mock API server (with CRDs) as its own process, so a benchmark can measure the operator's JVM alone. Prints
 * {@code URL=<master url>} once it listens; {@code GET <url>/_writes} answers the write counts.
 */
public final class MockKubernetesMain {

  private MockKubernetesMain() {}

  public static void main(String[] args) throws InterruptedException {
    MockKubernetes kubernetes = new MockKubernetes(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println("URL=" + kubernetes.url());
    System.out.flush();
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(kubernetes::close));
    forever.await();
  }
}
