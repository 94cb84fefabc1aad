"""Writes the lcngeo kernelspec: kernelspec.py KERNEL_DIR PYTHON_DIR CLASSPATH."""
import json
import os
import sys

path, kernel_dir, classpath = sys.argv[1:]
os.makedirs(path, exist_ok=True)
with open(os.path.join(path, "kernel.json"), "w") as f:
    json.dump({"argv": ["/usr/bin/python3", "-Xfrozen_modules=off", "-m", "lcngeo_kernel",
                        "-f", "{connection_file}"],
               "display_name": "Java (lcngeo)", "language": "java",
               "interrupt_mode": "signal",
               "env": {"PYTHONPATH": kernel_dir, "LCNGEO_CLASSPATH": classpath}},
              f, indent=1)
