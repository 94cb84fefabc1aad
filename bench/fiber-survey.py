#!/usr/bin/env python3
"""Randomized timing survey of `lcn fiber` (issue 12): random small architectures and integer
targets, each run as text and as --json under --timeout, with wall and CPU time (user+sys of the
JVM, from wait4), exit status, completeness and verdicts, and checks of what a result must satisfy:

  - the command ends within its --timeout (plus a start-up allowance) with exit 0, or exit 3 and
    a partial result that says "stopped": "timeout" and is not marked complete;
  - a target v = mu(theta) of an integer theta is in the neuromanifold: a complete fiber of it has
    at least one point and inManifold true;
  - a complete fiber without points says inManifold false;
  - text and JSON agree on the number of points, completeness and the three verdicts.

Architectures: 1-D with H = 2..3, k_l in 2..5, strides 1..2 (last stride 1), and small 2-D ones
(k_l in 1..3 per axis, H = 2). Targets: mu(theta) for integer theta in [-3, 3] (drawn with
probability 2/3), else integer vectors in [-5, 5] of the end-to-end size.

Usage: bench/fiber-survey.py [--cases N] [--seed S] [--timeout T] [--out FILE.jsonl]
Prints one line per run and a summary (distribution, slowest cases, failed checks).
"""
import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
LCN = os.environ.get("LCN", os.path.join(HERE, "..", "lcn"))
STARTUP_ALLOWANCE = 5.0  # seconds beyond --timeout for the JVM's start and exit


def poly_mul(a, b):
    """Product of dense polynomials in D variables as dicts exponent tuple -> coefficient."""
    out = {}
    for ea, ca in a.items():
        for eb, cb in b.items():
            e = tuple(x + y for x, y in zip(ea, eb))
            out[e] = out.get(e, 0) + ca * cb
    return out


def layer_poly(w, dims, scale):
    """w(x^scale) for a nested list w of the given dims (exponents multiplied per axis)."""
    out = {}
    for idx in itertools.product(*[range(k) for k in dims]):
        c = w
        for i in idx:
            c = c[i]
        if c != 0:
            out[tuple(i * s for i, s in zip(idx, scale))] = c
    return out


def mu(sizes, strides, thetas):
    """The end-to-end filter of eq. 8: v(x) = prod_l w_l(x^(s_1 ... s_(l-1))), per axis."""
    D = len(sizes[0])
    scale = [1] * D
    v = {tuple([0] * D): 1}
    for k, s, w in zip(sizes, strides, thetas):
        v = poly_mul(v, layer_poly(w, k, scale))
        scale = [a * b for a, b in zip(scale, s)]
    size = [1 + sum((k[a] - 1) * prod_prev for k, prod_prev in zip(sizes, prefix(strides, a)))
            for a in range(D)]
    return nest({e: c for e, c in v.items()}, size), size


def prefix(strides, axis):
    out, p = [], 1
    for s in strides:
        out.append(p)
        p *= s[axis]
    return out


def nest(coeffs, size):
    def build(prefix_idx, axis):
        if axis == len(size):
            return coeffs.get(tuple(prefix_idx), 0)
        return [build(prefix_idx + [i], axis + 1) for i in range(size[axis])]
    return build([], 0)


def random_nested(rng, dims, lo, hi):
    if not dims:
        return rng.randint(lo, hi)
    return [random_nested(rng, dims[1:], lo, hi) for _ in range(dims[0])]


def draw_case(rng):
    if rng.random() < 0.75:
        H = rng.randint(2, 3)
        sizes = [[rng.randint(2, 5)] for _ in range(H)]
        strides = [[rng.randint(1, 2)] for _ in range(H - 1)] + [[1]]
    else:
        H = 2
        sizes = [[rng.randint(1, 3), rng.randint(1, 3)] for _ in range(H)]
        for k in sizes:
            if k == [1, 1]:
                k[rng.randrange(2)] = 2
        strides = [[rng.randint(1, 2), rng.randint(1, 2)]] + [[1, 1]]
    if rng.random() < 2 / 3:
        while True:
            thetas = [random_nested(rng, k, -3, 3) for k in sizes]
            v, size = mu(sizes, strides, thetas)
            if any(x != 0 for x in flat(v)):
                break
        kind = "image"
    else:
        _, size = mu(sizes, strides, [random_nested(rng, k, 1, 1) for k in sizes])
        while True:
            v = random_nested(rng, size, -5, 5)
            if any(x != 0 for x in flat(v)):
                break
        kind = "random"
    return {"sizes": sizes, "strides": strides, "target": v, "kind": kind}


def flat(v):
    if isinstance(v, list):
        for x in v:
            yield from flat(x)
    else:
        yield v


def spec(dims_list):
    return ",".join("x".join(str(k) for k in d) for d in dims_list)


def run(case, json_mode, timeout):
    args = [LCN, "fiber", "--sizes", spec(case["sizes"]), "--strides", spec(case["strides"]),
            "--target", json.dumps(case["target"], separators=(",", ":")), "--timeout", str(timeout)]
    if json_mode:
        args.append("--json")
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        t0 = time.monotonic()
        p = subprocess.Popen(args, stdout=fo, stderr=fe)
        _, status, ru = os.wait4(p.pid, 0)  # the JVM's own rusage (lcn execs java)
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        out, err = fo.read().decode(), fe.read().decode()
    return args, p.returncode, wall, ru.ru_utime + ru.ru_stime, out, err


def parse_text(out):
    r = {}
    for line in out.splitlines():
        if " point" in line and ("(the complete real fiber)" in line or "(INCOMPLETE" in line):
            r["count"] = int(line.split()[0])
            r["complete"] = "(the complete real fiber)" in line
        elif line.startswith("in the neuromanifold: "):
            r["inManifold"] = verdict(line.split(": ", 1)[1].split(" ")[0])
        elif line.startswith("NTKs equal: "):
            parts = dict(p.split(": ", 1) for p in line.split("; "))
            r["ntkEqual"] = verdict(parts["NTKs equal"].split(" ")[0])
            r["tangentSpacesEqual"] = verdict(parts["tangent spaces equal"])
            r["isSingular"] = verdict(parts["singular"])
    return r


def verdict(s):
    return {"true": True, "false": False, "undecided": None}.get(s.strip(), s)


def checks(case, text, js, timeout):
    bad = []
    for mode, r in (("text", text), ("json", js)):
        if r["rc"] not in (0, 3):
            bad.append(f"{mode}: exit {r['rc']}: {r['err'].strip()[-300:]}")
        if r["wall"] > timeout + STARTUP_ALLOWANCE:
            bad.append(f"{mode}: {r['wall']:.1f} s wall beyond --timeout {timeout}")
    j = js.get("parsed")
    if js["rc"] == 3 and j is not None:
        if j.get("stopped") != "timeout":
            bad.append("json: exit 3 without stopped: timeout")
        if j.get("complete") is True:
            bad.append("json: exit 3 but complete: true")
    if js["rc"] == 0 and j is not None:
        if case["kind"] == "image" and j.get("complete") is True:
            if j.get("count", 0) < 1:
                bad.append("image target: complete fiber without points")
            if j.get("inManifold") is not True:
                bad.append(f"image target: inManifold {j.get('inManifold')}")
        if j.get("complete") is True and j.get("count") == 0 and j.get("inManifold") is not False:
            bad.append(f"complete empty fiber with inManifold {j.get('inManifold')}")
        t = text.get("parsed") or {}
        if text["rc"] == 0:
            for key in ("count", "complete", "inManifold", "ntkEqual", "tangentSpacesEqual", "isSingular"):
                if key in t and t[key] != j.get(key):
                    bad.append(f"text/json disagree on {key}: {t[key]} vs {j.get(key)}")
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=40)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--out", default="fiber-survey.jsonl")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    rows = []
    with open(a.out, "a") as f:
        for i in range(a.cases):
            case = draw_case(rng)
            res = {}
            for mode in ("text", "json"):
                args, rc, wall, cpu, out, err = run(case, mode == "json", a.timeout)
                r = {"rc": rc, "wall": wall, "cpu": cpu, "err": err}
                if mode == "json":
                    try:
                        r["parsed"] = json.loads(out) if out.strip() else None
                    except json.JSONDecodeError:
                        r["parsed"] = None
                else:
                    r["parsed"] = parse_text(out)
                res[mode] = r
            bad = checks(case, res["text"], res["json"], a.timeout)
            j = res["json"].get("parsed") or {}
            row = {"i": i, "seed": a.seed, **case,
                   "text": {k: res["text"][k] for k in ("rc", "wall", "cpu")},
                   "json": {k: res["json"][k] for k in ("rc", "wall", "cpu")},
                   "count": j.get("count"), "complete": j.get("complete"),
                   "inManifold": j.get("inManifold"), "ntkEqual": j.get("ntkEqual"),
                   "reason": j.get("reason"), "bad": bad, "load": os.getloadavg()[0]}
            rows.append(row)
            f.write(json.dumps(row) + "\n")
            f.flush()
            print(f"{i:3d} {spec(case['sizes']):>12} /{spec(case['strides']):>10} {case['kind']:6} "
                  f"text {res['text']['rc']} {res['text']['wall']:5.1f}s/{res['text']['cpu'] or 0:5.1f}c "
                  f"json {res['json']['rc']} {res['json']['wall']:5.1f}s/{res['json']['cpu'] or 0:5.1f}c "
                  f"n={j.get('count')} complete={j.get('complete')} ntkEqual={j.get('ntkEqual')}"
                  + (f"  BAD: {bad}" if bad else ""), flush=True)
    summarize(rows)


def summarize(rows):
    def pct(xs, q):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")
    for mode in ("text", "json"):
        cpu = [r[mode]["cpu"] for r in rows if r[mode]["cpu"] is not None]
        wall = [r[mode]["wall"] for r in rows]
        print(f"{mode}: CPU median {pct(cpu, .5):.2f} s, p90 {pct(cpu, .9):.2f} s, max {max(cpu):.2f} s; "
              f"wall median {pct(wall, .5):.2f} s, max {max(wall):.2f} s; "
              f"exit 3: {sum(r[mode]['rc'] == 3 for r in rows)} of {len(rows)}")
    ratios = [r["json"]["cpu"] / r["text"]["cpu"] for r in rows if r["text"]["rc"] == 0 and r["json"]["rc"] == 0]
    if ratios:
        print(f"json/text CPU: median {pct(ratios, .5):.2f}, p90 {pct(ratios, .9):.2f}, max {max(ratios):.2f}")
    print("incomplete:", sum(r["complete"] is False for r in rows), " undecided ntkEqual:",
          sum(r["ntkEqual"] is None and (r["count"] or 0) > 1 for r in rows))
    print("slowest (json CPU):")
    for r in sorted(rows, key=lambda r: -(r["json"]["cpu"] or 0))[:8]:
        print(f"  {spec(r['sizes'])} / {spec(r['strides'])} {json.dumps(r['target'], separators=(',', ':'))}"
              f" text {r['text']['cpu']:.1f} s json {r['json']['cpu']:.1f} s rc {r['text']['rc']}/{r['json']['rc']}"
              f" n={r['count']} complete={r['complete']} reason={r['reason']}")
    bad = [r for r in rows if r["bad"]]
    print(f"failed checks: {len(bad)}")
    for r in bad:
        print(f"  {spec(r['sizes'])} / {spec(r['strides'])} {json.dumps(r['target'], separators=(',', ':'))}: {r['bad']}")


if __name__ == "__main__":
    sys.exit(main())
