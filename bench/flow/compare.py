#!/usr/bin/python3
"""Runs lcngeo and the SciPy peers side by side in one run and prints the ratios (issue 16).

  bench/flow/compare.py w4w5 [--reps N]     W4 (dop853 vs SciPy DOP853, bdf vs SciPy LSODA) and
                                            W5 (200 flows, whole process: lcn sweep vs SciPy LSODA)
  bench/flow/compare.py w6 W6a [W6b ...]    the parameter flow and the function-space flow of a 2-D
                                            workload (../shared/bench/workloads or bench/workloads)
                                            vs the researcher's scipy_flow2d.py (LSODA; W6c through
                                            scipy_flow2d_at.py, as the peer reads only the shared folder)

Both sides run in this one process tree, one after the other, so they see the same machine load
(printed with each block: the 2 cores are shared). Times: lcngeo's are in-process medians after
warm-up (W4, W6) or whole processes (W5); SciPy's are its integration time (W4, W6) or whole
processes (W5). CPU seconds are reported beside wall seconds: on a loaded machine they are the
fairer figure. SciPy is Debian's python3-scipy (/usr/bin/python3).
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
LCN = os.path.join(ROOT, "lcn")
PY = "/usr/bin/python3"
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))


def load():
    return os.getloadavg()[0]


def results(cmd, env=None):
    """Runs cmd; returns (RESULT dicts, other stdout lines, wall s, CPU s of the children)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - w0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    res = [json.loads(l[7:]) for l in p.stdout.splitlines() if l.startswith("RESULT ")]
    other = [l for l in p.stdout.splitlines() if not l.startswith("RESULT ")]
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return res, other, wall, cpu


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def w4w5(a):
    wl = os.path.join(ROOT, "bench", "workloads", "W4_W5.json")
    peer = os.path.join(HERE, "scipy_w4w5.py")
    print(f"# W4/W5, load average {load():.1f}")
    # W4 bdf and LSODA take milliseconds: medians of more repetitions (at least 21) than the rest
    fast = str(max(a.reps, 21))
    out, _, _, _ = results([LCN, "bench", "flow", wl, "--reps", fast, "--method", "bdf"])
    dop_out, _, _, _ = results([LCN, "bench", "flow", wl, "--reps", str(a.reps), "--method", "dop853"])
    out += dop_out
    ours = {r["method"]: dict(wall=r["wall"], cpu=r["cpu"], rhs=r["rhs"], loss=r["loss_final"]) for r in out}
    for r in out:
        print(f"# lcngeo {r['method']}: {r['rhs']:,} RHS, {r.get('steps', 0):,} steps,"
              f" {r.get('jacobians', 0)} Jacobians, {r.get('lu', 0)} LU")
    lsoda, _, _, _ = results([PY, peer, wl, "w4-lsoda", "--reps", fast])
    dop, _, _, _ = results([PY, peer, wl, "w4-dop853"])
    rows = []
    ls_cpu = median([r["cpu"] for r in lsoda])
    ls_wall = median([r["wall"] for r in lsoda])
    rows.append(("W4 dop853 vs SciPy DOP853", ours["dop853"], dop[0]["cpu"], dop[0]["wall"], dop[0]["rhs"],
                 dop[0]["final_loss"], 50))
    rows.append(("W4 bdf vs SciPy LSODA", ours["bdf"], ls_cpu, ls_wall, lsoda[0]["rhs"], lsoda[0]["final_loss"], 10))
    # W5: whole processes, alternating, median of reps
    w5 = {"lcn": [], "scipy": []}
    levels = {}
    for _ in range(a.reps):
        csv = f"/tmp/lcn-w5-{os.getpid()}.csv"
        _, _, wall, cpu = results([LCN, "sweep", "--sizes", "4,3,3", "--strides", "2,2,1", "--data", wl,
                                   "--time", "20", "--json", "--csv", csv])
        with open(csv) as f:
            head = f.readline().strip().split(",")
            col = head.index("finalLoss") if "finalLoss" in head else None
            if col is not None:
                levels = {}
                for line in f:
                    key = f"{float(line.split(',')[col]):.2f}"
                    levels[key] = levels.get(key, 0) + 1
        os.remove(csv)
        w5["lcn"].append((wall, cpu))
        res, _, wall, cpu = results([PY, peer, wl, "w5-lsoda"])
        w5["scipy"].append((wall, cpu))
        peer_levels = res[0]["levels"]
    print(f"| workload | lcngeo wall / CPU s | SciPy wall / CPU s | RHS lcngeo / SciPy | ratio wall / CPU | goal |")
    print("|---|---|---|---|---|---|")
    for name, o, pc, pw, prhs, ploss, goal in rows:
        print(f"| {name} | {o['wall']:.4f} / {o['cpu']:.4f} | {pw:.3f} / {pc:.3f} | {o['rhs']:,} / {prhs:,} |"
              f" {pw / o['wall']:.0f}x / {pc / o['cpu']:.0f}x | >= {goal}x |")
        print(f"|   final loss | {o['loss']:.10f} | {ploss:.10f} | | | |")
    lw, lc = median([x[0] for x in w5["lcn"]]), median([x[1] for x in w5["lcn"]])
    sw, sc = median([x[0] for x in w5["scipy"]]), median([x[1] for x in w5["scipy"]])
    print(f"| W5 200 flows, whole process, vs SciPy LSODA | {lw:.2f} / {lc:.2f} | {sw:.2f} / {sc:.2f} | |"
          f" {sw / lw:.1f}x / {sc / lc:.1f}x | >= 10x |")
    print(f"|   loss levels | {sorted(levels.items())} | {sorted(peer_levels.items())} | | | |")
    print(f"# load average after: {load():.1f}")


def w6(a):
    for name in a.workloads:
        wl = name if os.path.isfile(name) else None
        for d in (os.path.join(ROOT, "bench", "workloads"), os.path.join(SHARED, "workloads")):
            if wl is None and os.path.isfile(os.path.join(d, name + ".json")):
                wl = os.path.join(d, name + ".json")
        if wl is None:
            sys.exit(f"error: no workload {name}: neither a file nor {name}.json in bench/workloads or"
                     f" {os.path.join(SHARED, 'workloads')} (W6c: /usr/bin/python3 bench/workloads/gen_w6c.py"
                     " writes it)")
        print(f"# {name}: {wl}, load average {load():.1f}")
        print("| workload | flow | wall s (CPU s) | RHS | final loss | agreement | peak MiB | ratio |")
        print("|---|---|---|---|---|---|---|---|")
        env = dict(os.environ, LCN_JAVA_OPTS=os.environ.get("LCN_JAVA_OPTS", "") + " -Xmx20g")
        cmd = [LCN, "bench", "flow", wl, "--reps", str(a.reps), "--method", "bdf"]
        if a.no_function_space:
            cmd.append("--no-function-space")
        ours, lines, _, _ = results(cmd, env)
        for l in lines:
            print("#", l)
        pf = [r for r in ours if r["flow"] == "parameter"][0]
        fs = [r for r in ours if r["flow"] == "function-space"]
        peer = os.path.join(SHARED, "peers", "scipy_flow2d.py")
        if a.peer and os.path.isfile(peer):
            # the peer reads the shared workloads folder; W6c (bench/workloads) goes through a
            # wrapper that points it elsewhere and leaves the peer unchanged
            at = [] if os.path.dirname(os.path.abspath(wl)) == os.path.join(SHARED, "workloads") else [
                os.path.join(HERE, "scipy_flow2d_at.py"), os.path.dirname(os.path.abspath(wl))]
            res, _, _, scpu = results([PY] + (at or [peer]) + ["--workload", os.path.basename(wl)[:-5]])
            s = res[0]
            print(f"| {name} | SciPy LSODA | {s['wall']:.3f} (process CPU {scpu:.3f}) | {s['nfev']:,} | {s['loss_final']:.10f} | | {s['peak_rss_mib']:.0f} | |")
            ratio = f"{s['wall'] / pf['wall']:.1f}x wall, {scpu / pf['cpu']:.1f}x CPU"
            agree = f"{abs(s['loss_final'] - pf['loss_final']):.1e}"
        else:
            ratio, agree = "-", "-"
        print(f"# parameter flow: {pf['rhs']:,} RHS, {pf['steps']:,} steps, {pf['jacobians']} Jacobians,"
              f" {pf.get('lu', 0)} LU")
        print(f"| {name} | lcngeo parameter flow ({pf['method']}) | {pf['wall']:.3f} (CPU {pf['cpu']:.3f}) | {pf['rhs']:,} |"
              f" {pf['loss_final']:.10f} | loss vs SciPy {agree} | {pf['peak_rss_mib']:.0f} | {ratio} |")
        for f in fs:
            print(f"| {name} | lcngeo function-space flow ({f['method']}) | {f['wall']:.3f} (CPU {f['cpu']:.3f}) |"
                  f" {f['rhs']:,} | | deviation {f['deviation']:.1e}, reached t = {f['reached']} |"
                  f" {f['peak_rss_mib']:.0f} | {f['wall'] / pf['wall']:.1f}x wall, {f['cpu'] / pf['cpu']:.1f}x CPU"
                  " the parameter flow |")
        print(f"# load average after: {load():.1f}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("w4w5")
    p.add_argument("--reps", type=int, default=3)
    p = sub.add_parser("w6")
    p.add_argument("workloads", nargs="+")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--no-peer", dest="peer", action="store_false")
    p.add_argument("--no-function-space", action="store_true")
    a = ap.parse_args()
    {"w4w5": w4w5, "w6": w6}[a.what](a)


if __name__ == "__main__":
    main()
