package io.calendarsync.helm;

import static io.calendarsync.helm.ReceiverDeploymentTest.ENABLED;
import static io.calendarsync.helm.ReceiverDeploymentTest.RECEIVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;

/** The optional Ingress: TLS, class, host, annotations, and only the paths vendors and browsers call. */
class ReceiverIngressTest {

  @Test
  void noneUnlessEnabled() {
    assertThat(Chart.render(ENABLED).all(Ingress.class)).isEmpty();
    assertThat(Chart.render("receiver: {enabled: false, ingress: {enabled: true, host: h.example.com}}")
        .all(Ingress.class)).isEmpty();
  }

  @Test
  void routesOnlyWebhooksAndOAuthCallbacksOverTls() {
    Ingress ingress = Chart.render("""
        receiver:
          enabled: true
          ingress:
            enabled: true
            className: nginx
            host: calendar-hooks.example.com
            tls: {secretName: calendar-hooks-tls}
            annotations: {cert-manager.io/cluster-issuer: letsencrypt}
        """).get(Ingress.class, RECEIVER);

    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
      assertThat(tls.getSecretName()).isEqualTo("calendar-hooks-tls");
      assertThat(tls.getHosts()).containsExactly("calendar-hooks.example.com");
    });
    IngressRule rule = ingress.getSpec().getRules().get(0);
    assertThat(ingress.getSpec().getRules()).hasSize(1);
    assertThat(rule.getHost()).isEqualTo("calendar-hooks.example.com");
    assertThat(rule.getHttp().getPaths()).extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
        .containsExactly(tuple("/webhooks", "Prefix"),
            tuple("/oauth", "Prefix"));
    assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
      assertThat(path.getBackend().getService().getName()).isEqualTo(RECEIVER);
      assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
    });
  }

  @Test
  void hostDefaultsToThatOfThePublicUrl() {
    Ingress ingress = Chart.render("""
        receiver:
          enabled: true
          publicUrl: "https://hooks.example.com"
          ingress: {enabled: true}
        """).get(Ingress.class, RECEIVER);

    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("hooks.example.com");
    assertThat(ingress.getSpec().getTls()).as("no certificate Secret, no TLS section").isNullOrEmpty();
    assertThat(ingress.getSpec().getIngressClassName()).as("the cluster's default class").isNull();
  }

  @Test
  void withoutAnyHostRenderingFailsWithAMessage() {
    assertThat(Chart.renderFailure("receiver: {enabled: true, ingress: {enabled: true}}"))
        .contains("receiver.ingress.enabled needs a host");
  }
}
