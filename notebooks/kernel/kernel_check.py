"""Drives a running lcngeo kernel as Jupyter does (jupyter_client), for the notebooks tests:
an exception gives an error output and the kernel lives on; an interrupt stops a running cell;
a restart gives a fresh kernel; %lcn runs a command; figures and LaTeX arrive as display_data.

  kernel_check.py KERNELSPEC_PARENT_DIR   (a directory holding kernels/lcngeo/kernel.json)
"""
import os
import sys
import threading
import time

os.environ["JUPYTER_PATH"] = sys.argv[1]
from jupyter_client.manager import start_new_kernel  # noqa: E402

failures = []


def run(kc, code, timeout=120):
    """Executes code; returns (status, outputs) with outputs as (msg_type, content) pairs."""
    got = []
    reply = kc.execute_interactive(code, timeout=timeout,
                                   output_hook=lambda m: got.append((m["msg_type"], m["content"])))
    return reply["content"]["status"], [g for g in got if g[0] != "status"
                                        and g[0] != "execute_input"]


def expect(condition, what):
    if not condition:
        failures.append(what)
        print("FAILED: " + what, file=sys.stderr)


km, kc = start_new_kernel(kernel_name="lcngeo", startup_timeout=120)
try:
    status, out = run(kc, "int x = 6;\nx * 7")
    expect(status == "ok" and ("execute_result", ) == tuple(o[0] for o in out)[:1]
           and out[0][1]["data"]["text/plain"] == "42", "a value: %s" % out)

    status, out = run(kc, 'throw new IllegalStateException("boom");')
    expect(status == "error" and any(o[0] == "error" and "boom" in o[1]["evalue"] for o in out),
           "an exception gives an error output: %s" % out)
    status, out = run(kc, "x + 1")
    expect(status == "ok" and out[-1][1]["data"]["text/plain"] == "7",
           "the kernel survives an exception: %s" % out)

    status, out = run(kc, "%lcn mu --sizes 3,2 --strides 2,1 --filters [[1,3,2],[2,-1]]")
    expect(status == "ok" and any(o[0] == "stream" and "2" in o[1]["text"] for o in out),
           "%%lcn prints a command's output: %s" % out)
    status, out = run(kc, "%lcn mu --sizes 3,2 --filters nonsense")
    expect(status == "error" and any(o[0] == "stream" and o[1]["name"] == "stderr"
                                     and "error:" in o[1]["text"] for o in out),
           "%%lcn with bad input: the error line and an error status: %s" % out)
    status, out = run(kc, "%lcn formula --sizes 2,2 --strides 2,1 --no-inverse --format latex")
    expect(status == "ok" and any(o[0] == "display_data" and "text/latex" in o[1]["data"]
                                  for o in out), "LaTeX is displayed as text/latex: %s" % out)
    status, out = run(kc, "import org.lcngeo.numeric.plot.*;\nimport org.lcngeo.notebooks.Display;\n"
                      "Display.figure(FlowPlot.histogram(\"x\", \"runs\", new double[] {1, 2, 2}));")
    expect(status == "ok" and any(o[0] == "display_data" and "image/png" in o[1]["data"]
                                  for o in out), "a figure is displayed as image/png: %s" % out)

    timer = threading.Timer(3.0, km.interrupt_kernel)
    timer.start()
    start = time.time()
    status, out = run(kc, "while (true) { Thread.sleep(10); }", timeout=60)
    expect(status == "error" and time.time() - start < 30,
           "an interrupt stops a running cell: %s after %.1f s" % (status, time.time() - start))
    status, out = run(kc, "x")
    expect(status == "ok" and out[-1][1]["data"]["text/plain"] == "6",
           "the kernel lives on after an interrupt: %s" % out)

    km.restart_kernel(now=True)
    kc.wait_for_ready(timeout=120)
    status, out = run(kc, "x")
    expect(status == "error", "a restart forgets x: %s" % out)
    status, out = run(kc, "1 + 1")
    expect(status == "ok" and out[-1][1]["data"]["text/plain"] == "2",
           "the restarted kernel runs cells: %s" % out)
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
sys.exit(1 if failures else 0)
