package io.calendarsync.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * The Argo CD health checks in gitops/argocd/health, run the way Argo CD runs them: the resource as the Lua global
 * {@code obj}, the returned table's status and message compared with each case of the kind's health_test.yaml (the
 * layout of Argo CD's resource_customizations). Argo CD uses gopher-lua (Lua 5.1), luaj is Lua 5.2: the scripts keep
 * to what both share, and only the libraries Argo CD opens are loaded here.
 */
class ArgoHealthCheckTest {

  private static final Path ARGOCD = Path.of(System.getProperty("gitops.dir", "../gitops")).resolve("argocd");
  private static final Path HEALTH = ARGOCD.resolve("health");
  private static final List<String> KINDS = List.of("CalendarProvider", "CalendarSyncConflict");

  record Case(Path kind, String input, String status, String message) {
    @Override
    public String toString() {
      return kind.getFileName() + " " + input + " is " + status;
    }
  }

  static Stream<Case> cases() {
    return kindDirectories().stream().flatMap(kind -> {
      Map<String, Object> file = yaml(kind.resolve("health_test.yaml"));
      return tests(file).stream().map(test -> {
        Map<String, Object> expected = map(test.get("healthStatus"));
        return new Case(kind, (String) test.get("inputPath"), (String) expected.get("status"),
            (String) expected.get("message"));
      });
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void healthIsWhatTheTestCaseExpects(Case c) {
    LuaValue health = run(read(c.kind().resolve("health.lua")), yaml(c.kind().resolve(c.input())));

    assertThat(health.get("status").tojstring()).isEqualTo(c.status());
    assertThat(health.get("message").tojstring()).isEqualTo(c.message());
  }

  /** A conflict is never Healthy: it exists only until its resolution is applied. */
  @Test
  void everyKindHasTestCasesForEachHealthItCanHave() {
    Map<String, Set<String>> statuses = cases().collect(Collectors.groupingBy(
        c -> c.kind().getFileName().toString(), Collectors.mapping(Case::status, Collectors.toSet())));

    assertThat(statuses).isEqualTo(Map.of(
        "CalendarProvider", Set.of("Healthy", "Progressing", "Degraded", "Suspended"),
        "CalendarSyncConflict", Set.of("Progressing", "Degraded", "Suspended")));
  }

  @Test
  void everyFixtureIsATestCase() {
    for (Path kind : kindDirectories()) {
      Set<String> fixtures = list(kind.resolve("testdata")).stream()
          .map(file -> "testdata/" + file.getFileName())
          .collect(Collectors.toSet());
      Set<String> inputs = cases().filter(c -> c.kind().equals(kind)).map(Case::input).collect(Collectors.toSet());

      assertThat(inputs).as(kind.getFileName().toString()).isEqualTo(fixtures);
    }
  }

  @Test
  void argocdCmPatchCarriesTheSameLua() {
    Map<String, Object> patch = yaml(ARGOCD.resolve("argocd-cm-patch.yaml"));
    Map<String, Object> data = map(patch.get("data"));

    assertThat(patch).containsEntry("kind", "ConfigMap");
    assertThat(map(patch.get("metadata"))).containsEntry("name", "argocd-cm");
    assertThat(data.keySet()).containsExactlyInAnyOrderElementsOf(
        KINDS.stream().map(kind -> "resource.customizations.health.calendarsync.io_" + kind).toList());
    for (String kind : KINDS) {
      assertThat(data.get("resource.customizations.health.calendarsync.io_" + kind))
          .as("argocd-cm Lua of %s vs health/calendarsync.io/%s/health.lua", kind, kind)
          .isEqualTo(read(HEALTH.resolve("calendarsync.io").resolve(kind).resolve("health.lua")));
    }
  }

  private static LuaValue run(String script, Map<String, Object> object) {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    globals.load(new StringLib());
    globals.load(new JseMathLib());
    LoadState.install(globals);
    LuaC.install(globals);
    globals.set("obj", lua(object));
    return globals.load(script, "health.lua").call();
  }

  /** The resource as Argo CD hands it to Lua: objects and arrays become tables, arrays indexed from 1. */
  private static LuaValue lua(Object value) {
    if (value == null) {
      return LuaValue.NIL;
    }
    if (value instanceof Map<?, ?> object) {
      LuaTable table = new LuaTable();
      object.forEach((key, field) -> table.set(key.toString(), lua(field)));
      return table;
    }
    if (value instanceof List<?> array) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < array.size(); i++) {
        table.set(i + 1, lua(array.get(i)));
      }
      return table;
    }
    if (value instanceof Boolean bool) {
      return LuaValue.valueOf(bool);
    }
    if (value instanceof Number number) {
      return LuaValue.valueOf(number.doubleValue());
    }
    return LuaValue.valueOf(value.toString());
  }

  private static List<Path> kindDirectories() {
    return list(HEALTH.resolve("calendarsync.io"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tests(Map<String, Object> healthTest) {
    return (List<Map<String, Object>>) healthTest.get("tests");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) {
    return Serialization.unmarshal(read(file), Map.class);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
