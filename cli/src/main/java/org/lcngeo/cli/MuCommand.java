package org.lcngeo.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lcn mu}: the end-to-end filter mu(w_1, ..., w_H) (eq. 8, Lemma 9), exactly. */
@Command(
    name = "mu",
    mixinStandardHelpOptions = true,
    description = "End-to-end filter of a filter tuple, exactly.")
final class MuCommand implements Callable<Integer> {
  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;

  @Option(names = "--filters", paramLabel = "JSON", description = "JSON array of the H layer filters")
  String filters;

  @Override
  public Integer call() {
    Architecture a = arch.architecture();
    FilterTuple<BigFraction> theta = ArchitectureOptions.filters(a, filters);
    List<BigFraction> v = MuPlan.compile(a).mu(RationalRing.INSTANCE, theta);
    Object nested = Output.nested(v, a.endToEndSize());
    if (common.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("architecture", Output.architecture(a));
      m.put("endToEnd", nested);
      Output.json(System.out, m);
    } else {
      System.out.println(a.summary());
      System.out.println("end-to-end filter: " + TextFormat.nested(nested));
    }
    return 0;
  }
}
