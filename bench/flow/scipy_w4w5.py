#!/usr/bin/python3
"""SciPy side of the W4/W5 flow benchmark (the peers' recipe of ../shared/bench/PEERS.md).

L(theta) = sum_i |alpha_{mu(theta)}(X_i) - Y_i|^2 = v^T A v - 2 b^T v + c (A = M^T M, b = M^T Y
precomputed), v = mu(theta) the end-to-end filter of the 1-D LCN; structural gradient: g = 2 (A v - b),
dL/dw_l = correlate(g, Q_l)[::t_l], Q_l = convolution of the other layers' dilated filters.
W4: one flow (inits[W4_init_index]) with DOP853 and with LSODA (rtol 1e-10, atol 1e-12, t in [0, 20],
201 output times); W5: all 200 inits with LSODA in one process. Prints one "RESULT <json>" line
per item: CPU seconds (process time, integration only), wall seconds, RHS count, final loss;
for W5 also the whole process's wall time is measured by the caller.
"""
import argparse
import json
import time

import numpy as np
from scipy.integrate import solve_ivp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workload")
    ap.add_argument("what", choices=["w4-dop853", "w4-lsoda", "w5-lsoda"])
    ap.add_argument("--reps", type=int, default=1)
    a = ap.parse_args()
    w = json.load(open(a.workload))
    sizes = w["layer_sizes"]
    strides = w["strides"]
    t = [1]
    for s in strides[:-1]:
        t.append(t[-1] * s)
    n = w["k_end_to_end"]
    d = w["d_out"]
    st = w["s_total"]
    X = np.array(w["X"], dtype=float)
    Y = np.array(w["Y"], dtype=float)
    M = np.stack([X[:, r * st:r * st + n] for r in range(d)], axis=1).reshape(-1, n)
    A = M.T @ M
    b = M.T @ Y.reshape(-1)
    c = float(Y.reshape(-1) @ Y.reshape(-1))
    split = np.cumsum(sizes)[:-1]
    nfev = [0]

    def dilate(wl, tl):
        out = np.zeros((len(wl) - 1) * tl + 1)
        out[::tl] = wl
        return out

    def full(parts):
        out = parts[0]
        for p in parts[1:]:
            out = np.convolve(out, p)
        return out

    def rhs(_t, theta):
        nfev[0] += 1
        ws = np.split(theta, split)
        dl = [dilate(wl, tl) for wl, tl in zip(ws, t)]
        v = full(dl)
        g = 2.0 * (A @ v - b)
        out = []
        for l in range(len(ws)):
            q = full([dl[m] for m in range(len(ws)) if m != l])
            out.append(np.correlate(g, q, mode="valid")[::t[l]])
        return -np.concatenate(out)

    def loss(theta):
        ws = np.split(theta, split)
        v = full([dilate(wl, tl) for wl, tl in zip(ws, t)])
        return float(v @ A @ v - 2 * b @ v + c)

    t_eval = np.linspace(w["t0"], w["t1"], 201)
    inits = [w["inits"][w["W4_init_index"]]] if a.what.startswith("w4") else w["inits"]
    method = "DOP853" if a.what == "w4-dop853" else "LSODA"
    for _ in range(a.reps):
        nfev[0] = 0
        losses = []
        c0, w0 = time.process_time(), time.perf_counter()
        for th in inits:
            sol = solve_ivp(rhs, (w["t0"], w["t1"]), np.array(th, dtype=float), method=method,
                            rtol=w["rtol"], atol=w["atol"], t_eval=t_eval)
            losses.append(loss(sol.y[:, -1]))
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        levels = {}
        for x in losses:
            key = f"{x:.2f}"
            levels[key] = levels.get(key, 0) + 1
        print("RESULT " + json.dumps({"what": a.what, "method": method, "cpu": cpu, "wall": wall,
                                      "rhs": nfev[0], "final_loss": losses[0] if len(losses) == 1 else None,
                                      "levels": levels if len(losses) > 1 else None}), flush=True)


if __name__ == "__main__":
    main()
