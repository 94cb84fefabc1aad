#!/usr/bin/python3
"""Writes bench/workloads/W6c.json: a 2-D flow at 128x128, in the format and recipe of the peers'
gen_w6.py (../shared/bench/peers/gen_w6.py, which writes W6a and W6b).

W6c: k = (4x4, 4x4, 8x8), strides (4x4, 4x4, 1x1): dilations 1, 4, 16, end-to-end 128x128
(1 + 3 + 12 + 112 = 128), stride 16x16, 96 parameters; inputs 176x176 integers in [-2, 2]
(numpy default_rng(7)); N = 200 samples with 4x4 outputs; Y = alpha_{v*}(X) + N(0, 0.1^2) noise,
rounded to 6 decimals; v* = mu(theta*), theta* ~ N(0, 1/k_l); 10 initial tuples theta_0 ~
N(0, 0.25/k_l); t in [0, 2], LSODA, rtol 1e-8, atol 1e-10 (as W6a/W6b). A = M^T M would have
16384^2 entries (2 GiB): lcngeo runs this loss on the data (M v, M^T r) instead.
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "bench", "peers")))
from lcn_common import end_to_end  # noqa: E402

SIZES = [(4, 4), (4, 4), (8, 8)]
STRIDES = [(4, 4), (4, 4), (1, 1)]
N, D_OUT, T1 = 200, 4, 2.0


def main():
    rng = np.random.default_rng(7)
    stot = tuple(int(np.prod([s[d] for s in STRIDES])) for d in range(2))
    theta_star = [rng.normal(0, 1 / np.sqrt(np.prod(k)), size=k) for k in SIZES]
    v_star = end_to_end(theta_star, STRIDES)
    n = v_star.shape
    assert n == (128, 128), n
    n_in = tuple(stot[d] * (D_OUT - 1) + n[d] for d in range(2))
    X = rng.integers(-2, 3, size=(N, *n_in))
    Y = np.empty((N, D_OUT, D_OUT))
    for i in range(N):
        for r in range(D_OUT):
            for c in range(D_OUT):
                Y[i, r, c] = np.sum(v_star * X[i, r * stot[0]:r * stot[0] + n[0], c * stot[1]:c * stot[1] + n[1]])
    Y = np.round(Y + rng.normal(0, 0.1, size=Y.shape), 6)
    inits = []
    for _ in range(10):
        inits.append(np.concatenate([rng.normal(0, 0.5 / np.sqrt(np.prod(k)), size=k).ravel() for k in SIZES]).round(12).tolist())
    w = {"name": "W6c", "seed": 7, "D": 2, "H": 3, "layer_sizes": [list(k) for k in SIZES],
         "strides": [list(s) for s in STRIDES], "k_end_to_end": list(n), "s_total": list(stot),
         "d_out": [D_OUT, D_OUT], "N": N, "n_in": list(n_in), "t0": 0.0, "t1": T1,
         "method": "LSODA", "rtol": 1e-8, "atol": 1e-10,
         "note": "2-D flow at 128x128 (bench/workloads/gen_w6c.py); inits are flat parameter vectors, layer 1 first, each filter row-major",
         "v_star": v_star.round(12).tolist(), "X": X.tolist(), "Y": Y.tolist(), "inits": inits}
    path = os.path.join(HERE, "W6c.json")
    with open(path, "w") as f:
        json.dump(w, f, separators=(",", ":"))
    print("W6c end-to-end", n, "inputs", n_in, "params", sum(int(np.prod(k)) for k in SIZES),
          os.path.getsize(path) // 1024, "KiB")


if __name__ == "__main__":
    main()
