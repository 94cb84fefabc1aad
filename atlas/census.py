#!/usr/bin/env python3
"""The README's census, regenerated in one command (issue 14).

  atlas/census.py run [DIR]        runs the two censuses of the README with ./lcn atlas into
                                   DIR/1d and DIR/2d (default atlas/target/census), or continues
                                   them (the same command continues a census that was stopped),
                                   then prints the table and checks every disagreement's witness
  atlas/census.py table DIR...     the README's Markdown table from census directories
  atlas/census.py witnesses DIR... runs every disagreement's witness with ./lcn fiber and says
                                   whether lcn fiber decides what the census states

Extra arguments after `--` go to every ./lcn atlas (e.g. -- --engine threads). The exit status
is 1 when a witness does not confirm its row.
"""
import json
import os
import shlex
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LCN = os.path.join(ROOT, "lcn")
# The README's censuses: 1-D with H <= 3, sizes <= 4, strides <= 3 (a time limit of 120 s per
# architecture), and 2-D with H = 2, sizes <= 3x3, strides <= 3x3; 2 points, seed 0.
CENSUSES = {
    "1d": ["--dims", "1", "--max-layers", "3", "--max-size", "4", "--max-stride", "3",
           "--timeout", "120"],
    "2d": ["--dims", "2", "--max-layers", "2", "--max-size", "3", "--max-stride", "3"],
}
TITLES = {
    "fully-connected": "fully connected",
    "conv-1d-strides-gt-1": "conv-1d-strides-gt-1",
    "conv-1d-some-stride-1": "conv-1d-some-stride-1",
    "conv-nd": "conv-nd, D = 2",
}


def summary(d):
    with open(os.path.join(d, "summary.json")) as f:
        return json.load(f)


def triple(c):
    return "%d/%d/%d" % (c["true"], c["false"], c["undecided"])


def table(dirs):
    lines = ["| class (Table 1: balanced/generic) | architectures | balanced t/f/? | generic t/f/?"
             " | agree | disagree | undecided | timeouts |",
             "|---|---|---|---|---|---|---|---|"]
    times = []
    for d in dirs:
        s = summary(d)
        for cls, c in s["countsByClass"].items():
            if c["architectures"] == 0:
                continue
            p = c["paperPrediction"]
            paper = ("t" if p["balancedIndependent"] else "f") + "/" + (
                "t" if p["genericIndependent"] else "f")
            lines.append("| %s (%s) | %d | %s | %s | %d | %d | %d | %d |" % (
                TITLES.get(cls, cls), paper, c["architectures"], triple(c["balanced"]),
                triple(c["generic"]), c["agree"], c["disagree"], c["undecided"], c["timeouts"]))
        cpu = ""
        if s.get("taskCpuSeconds") is not None and s.get("processCpuSeconds") is not None:
            cpu = " (CPU: %.0f s in the tasks of this run, %.0f s the process)" % (
                s["taskCpuSeconds"], s["processCpuSeconds"])
        times.append("%s: %d architectures in %.0f s on %s%s" % (
            os.path.basename(os.path.normpath(d)), s["count"], s["seconds"], s["engine"], cpu))
    return "\n".join(lines + [""] + times)


def witnesses(dirs, timeout):
    """Runs each disagreement's witness; returns the number that do not confirm their row."""
    bad = 0
    for d in dirs:
        for row in summary(d)["disagreements"]:
            args = shlex.split(row["witness"])
            assert args[:2] == ["./lcn", "fiber"], row["witness"]
            start = time.time()
            p = subprocess.run([LCN] + args[1:] + ["--timeout", str(timeout)],
                               capture_output=True, text=True, cwd=ROOT)
            seconds = time.time() - start
            name = "k=%s s=%s" % (row["sizes"], row["strides"])
            if p.returncode != 0:
                print("UNFINISHED %s (exit %d, %.0f s): %s" % (
                    name, p.returncode, seconds, p.stderr.strip()[:200]))
                bad += 1
                continue
            fiber = json.loads(p.stdout)
            balanced = all(x == "0" for x in fiber["delta"])
            verdict = row["balancedIndependent" if balanced else "genericIndependent"]
            ok = (fiber["complete"] and not fiber["isSingular"] and verdict is not None
                  and fiber["ntkEqual"] == verdict)
            print("%s %s: %s delta, census %s, lcn fiber ntkEqual %s (%d points, %.0f s)" % (
                "AGREES" if ok else "DIFFERS", name, "balanced" if balanced else "generic",
                verdict, fiber["ntkEqual"], len(fiber.get("points", [])), seconds))
            bad += 0 if ok else 1
    return bad


def main(argv):
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    if not argv or argv[0] not in ("run", "table", "witnesses"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if argv[0] == "run":
        base = argv[1] if len(argv) > 1 else os.path.join(ROOT, "atlas", "target", "census")
        dirs = []
        for name, options in CENSUSES.items():
            out = os.path.join(base, name)
            cmd = [LCN, "atlas"] + options + ["--out", out] + extra
            print("$ " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
            if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
                return 1
            dirs.append(out)
    else:
        dirs = argv[1:]
    if argv[0] in ("run", "table"):
        print(table(dirs))
    if argv[0] in ("run", "witnesses"):
        return 1 if witnesses(dirs, 600) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
