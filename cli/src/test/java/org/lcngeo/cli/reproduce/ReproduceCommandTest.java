package org.lcngeo.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcngeo.cli.Lcn;
import org.lcngeo.numeric.ntk.NumericMu;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.paper.Table1;

class ReproduceCommandTest {
  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(Lcn.execute(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonHasTheSpecFieldsAndEveryExampleIsOk(@TempDir Path dir) throws Exception {
    Path tex = dir.resolve("examples.tex");
    JsonNode j = new ObjectMapper().readTree(run("reproduce", "--json", "--latex", tex.toString()));
    assertThat(j.get("table1")).hasSize(4);
    for (JsonNode row : j.get("table1")) {
      assertThat(row.has("class") && row.has("balancedIndependent") && row.has("genericIndependent")
          && row.has("evidence")).isTrue();
    }
    assertThat(j.get("examples")).extracting(e -> e.get("id").asInt()).containsExactly(15, 16, 17, 19, 20);
    j.get("examples").forEach(e -> assertThat(e.get("ok").asBoolean()).as(e.toString()).isTrue());
    assertThat(Files.readString(tex)).contains("\\begin{pmatrix}", "\\sqrt{2}");
  }

  /**
   * Table 1's evidence re-checked by an independent path: the numeric executor's NTK at each
   * point's rescaled filters (decimals) equals the exact NTK, and exact NTK equality across a
   * fiber is mirrored by the numeric NTKs (equal to 1e-9 or apart by more than 1e-6).
   */
  @Test
  void table1EvidenceAgreesWithTheNumericExecutor() {
    for (Table1.Row r : Table1.compute(20251126L)) {
      for (List<Table1.FiberSample> samples : List.of(r.balancedFibers(), r.genericFibers())) {
        for (Table1.FiberSample s : samples) {
          NumericMu mu = NumericMu.of(s.sample().architecture());
          double[][] first = null;
          double maxGap = 0;
          for (Fiber.Point p : s.fiber().points()) {
            double[] theta = p.rescaled().filtersDecimal(25).stream().flatMap(List::stream)
                .mapToDouble(Double::parseDouble).toArray();
            double[][] k = mu.newState().at(theta).ntk();
            List<List<String>> exact = p.ntk().ntkDecimal(25);
            for (int a = 0; a < k.length; a++) {
              for (int b = 0; b < k.length; b++) {
                double e = Double.parseDouble(exact.get(a).get(b));
                assertThat(Math.abs(k[a][b] - e)).isLessThan(1e-9 * (1 + Math.abs(e)));
              }
            }
            if (first == null) {
              first = k;
            } else {
              for (int a = 0; a < k.length; a++) {
                for (int b = 0; b < k.length; b++) {
                  maxGap = Math.max(maxGap, Math.abs(k[a][b] - first[a][b]));
                }
              }
            }
          }
          if (s.fiber().ntkEqual()) {
            assertThat(maxGap).isLessThan(1e-9);
          } else {
            assertThat(maxGap).isGreaterThan(1e-6);
          }
        }
      }
    }
  }
}
