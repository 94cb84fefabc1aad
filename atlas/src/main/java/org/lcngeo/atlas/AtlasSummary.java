package org.lcngeo.atlas;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.lcngeo.symbolic.paper.Table1.ArchitectureClass;

/**
 * What a census found: per class of Table 1, how many architectures, how their verdicts fell
 * (true / false / undecided, balanced and generic) and how many agree or disagree with the paper;
 * every disagreement with its witness; and a plot of the verdicts by sizes and strides.
 */
final class AtlasSummary {
  private final List<AtlasEntry> rows;

  AtlasSummary(List<AtlasEntry> rows) {
    this.rows = List.copyOf(rows);
  }

  List<AtlasEntry> disagreements() {
    return rows.stream().filter(AtlasEntry::disagrees).toList();
  }

  /** Per class (all four rows of Table 1, in its order): the counts. */
  Map<String, Map<String, Object>> countsByClass() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (ArchitectureClass c : ArchitectureClass.values()) {
      List<AtlasEntry> of = rows.stream().filter(r -> r.architectureClass().equals(c.id())).toList();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("architectures", of.size());
      m.put("paperPrediction", Map.of(
          "balancedIndependent", c.paperBalanced(), "genericIndependent", c.paperGeneric()));
      m.put("balanced", verdicts(of.stream().map(AtlasEntry::balancedIndependent).toList()));
      m.put("generic", verdicts(of.stream().map(AtlasEntry::genericIndependent).toList()));
      m.put("agree", of.stream().filter(r -> Boolean.TRUE.equals(r.agreesWithPaper())).count());
      m.put("disagree", of.stream().filter(AtlasEntry::disagrees).count());
      m.put("undecided", of.stream().filter(r -> r.agreesWithPaper() == null).count());
      m.put("timeouts", of.stream().filter(r -> r.status().equals(AtlasEntry.TIMEOUT)).count());
      out.put(c.id(), m);
    }
    return out;
  }

  private static Map<String, Long> verdicts(List<Boolean> v) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("true", v.stream().filter(Boolean.TRUE::equals).count());
    m.put("false", v.stream().filter(Boolean.FALSE::equals).count());
    m.put("undecided", v.stream().filter(x -> x == null).count());
    return m;
  }

  /** The contract's output: count, architectures, disagreements, countsByClass. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", rows.size());
    m.put("architectures", rows.stream().map(AtlasEntry::toJson).toList());
    m.put("disagreements", disagreements().stream().map(AtlasEntry::toJson).toList());
    m.put("countsByClass", countsByClass());
    return m;
  }

  /** The summary as text: a table per class and every disagreement with its witness. */
  String text() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d architectures%n", rows.size()));
    b.append(String.format(Locale.ROOT, "%-22s %5s  %-7s %-18s %-18s %5s %8s %9s %8s%n", "class",
        "archs", "paper", "balanced t/f/?", "generic t/f/?", "agree", "disagree", "undecided",
        "timeouts"));
    for (Map.Entry<String, Map<String, Object>> e : countsByClass().entrySet()) {
      Map<String, Object> m = e.getValue();
      @SuppressWarnings("unchecked")
      Map<String, Boolean> paper = (Map<String, Boolean>) m.get("paperPrediction");
      b.append(String.format(Locale.ROOT, "%-22s %5d  %-7s %-18s %-18s %5d %8d %9d %8d%n",
          e.getKey(), (Integer) m.get("architectures"),
          letter(paper.get("balancedIndependent")) + "/" + letter(paper.get("genericIndependent")),
          triple(m.get("balanced")), triple(m.get("generic")), (Long) m.get("agree"),
          (Long) m.get("disagree"), (Long) m.get("undecided"), (Long) m.get("timeouts")));
    }
    List<AtlasEntry> d = disagreements();
    b.append(String.format(Locale.ROOT, "%d disagreement%s with the paper%s%n", d.size(),
        d.size() == 1 ? "" : "s", d.isEmpty() ? "" : ":"));
    for (AtlasEntry e : d) {
      b.append(String.format(Locale.ROOT, "  %s (%s): balanced %s, generic %s; paper %s/%s%n    %s%n",
          e.id(), e.architectureClass(), word(e.balancedIndependent()),
          word(e.genericIndependent()), word(e.paperBalanced()), word(e.paperGeneric()),
          e.witness()));
    }
    return b.toString();
  }

  private static String letter(Boolean b) {
    return b ? "t" : "f";
  }

  private static String word(Boolean b) {
    return b == null ? "undecided" : b.toString();
  }

  private static String triple(Object counts) {
    @SuppressWarnings("unchecked")
    Map<String, Long> m = (Map<String, Long>) counts;
    return m.get("true") + "/" + m.get("false") + "/" + m.get("undecided");
  }

  /**
   * A grid of verdicts (PNG): one panel per signal dimension and depth, filter sizes across,
   * strides down; green where the verdicts agree with the paper, red where one disagrees, grey
   * where undecided.
   */
  byte[] plot() throws IOException {
    Map<String, List<AtlasEntry>> panels = new TreeMap<>();
    for (AtlasEntry r : rows) {
      panels.computeIfAbsent(r.dims() + "-D, H=" + r.sizes().length, k -> new ArrayList<>()).add(r);
    }
    // one size for every panel (the encoder stacks them on a grid of the first one's size)
    int width = 600;
    int height = 300;
    for (List<AtlasEntry> panel : panels.values()) {
      width = Math.max(width, 220 + 18 * (int) panel.stream()
          .map(r -> Architectures.notation(r.sizes())).distinct().count());
      height = Math.max(height, 200 + 18 * (int) panel.stream()
          .map(r -> Architectures.notation(r.strides())).distinct().count());
    }
    width = Math.min(width, 4000);
    height = Math.min(height, 3000);
    List<HeatMapChart> charts = new ArrayList<>();
    for (Map.Entry<String, List<AtlasEntry>> p : panels.entrySet()) {
      List<String> sizes = new ArrayList<>();
      List<String> strides = new ArrayList<>();
      for (AtlasEntry r : p.getValue()) {
        String k = Architectures.notation(r.sizes());
        String s = Architectures.notation(r.strides());
        if (!sizes.contains(k)) {
          sizes.add(k);
        }
        if (!strides.contains(s)) {
          strides.add(s);
        }
      }
      List<Number[]> cells = new ArrayList<>();
      for (AtlasEntry r : p.getValue()) {
        int value = r.disagrees() ? 2 : Boolean.TRUE.equals(r.agreesWithPaper()) ? 0 : 1;
        cells.add(new Number[] {sizes.indexOf(Architectures.notation(r.sizes())),
            strides.indexOf(Architectures.notation(r.strides())), value});
      }
      HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
          .title(p.getKey() + ": green agrees with Table 1, red disagrees, grey undecided")
          .xAxisTitle("filter sizes").yAxisTitle("strides").build();
      chart.getStyler().setRangeColors(new Color[] {
          new Color(0x2e7d32), new Color(0xbdbdbd), new Color(0xc62828)});
      chart.getStyler().setMin(0).setMax(2);
      chart.getStyler().setShowValue(false);
      chart.getStyler().setLegendVisible(false);
      chart.getStyler().setXAxisLabelRotation(90);
      chart.addSeries("verdicts", sizes, strides, cells);
      charts.add(chart);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (charts.size() == 1) {
      BitmapEncoder.saveBitmap(charts.get(0), out, BitmapEncoder.BitmapFormat.PNG);
    } else if (!charts.isEmpty()) {
      BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
    }
    return out.toByteArray();
  }
}
