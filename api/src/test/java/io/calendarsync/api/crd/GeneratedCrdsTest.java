package io.calendarsync.api.crd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedCrdsTest {

  private static final String UPDATE_HINT =
      "crds/ is out of date with the resource classes: run ./mvnw -B -pl api test -Dcrds.update=true and commit crds/";

  @Test
  void checkedInCrdsMatchTheResourceClasses() throws IOException {
    Map<String, String> generated = CrdFiles.generate();
    if (Boolean.getBoolean("crds.update")) {
      Files.createDirectories(CrdFiles.checkedInDirectory());
      for (var file : generated.entrySet()) {
        Files.writeString(CrdFiles.checkedInDirectory().resolve(file.getKey()), file.getValue());
      }
    }
    assertThat(CrdFiles.readCheckedIn()).as(UPDATE_HINT).isEqualTo(generated);
  }

  @Test
  void printerColumnsAppearInTheOrderAPersonReadsThem() {
    var provider = CrdFiles.parse(CrdFiles.generate().get("calendarproviders.calendarsync.io-v1.yml"));
    assertThat(provider.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(c -> c.getName())
        .containsExactly("Vendor", "Calendar", "Direction", "Status", "Ready", "Last Sync", "Conflicts", "Age");
  }

  @Test
  void bothKindsShareTheCategoryAndHaveStatusSubresources() {
    for (String yaml : CrdFiles.generate().values()) {
      var crd = CrdFiles.parse(yaml);
      assertThat(crd.getSpec().getNames().getCategories()).containsExactly("calendarsync");
      assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
      assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
    }
  }
}
