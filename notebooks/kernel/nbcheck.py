"""Checks notebook outputs, for notebooks/regenerate.

  nbcheck.py COMMITTED EXECUTED   fails when EXECUTED (a fresh run) has an error or an object
                                  printed as Java's ClassName@hash, or differs from COMMITTED:
                                  text exactly, except numbers written with a point or an exponent
                                  (floating point), which agree within a relative 1e-6 (absolute
                                  1e-8); durations (a number before s or ms) and
                                  stderr (progress lines) are not compared; images
                                  by presence.
  nbcheck.py --clean EXECUTED OUT writes EXECUTED to OUT without run timestamps, after the same
                                  checks of EXECUTED alone.
"""
import re
import sys

import nbformat

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
# Durations ("computed in 6.3 s", "12 ms") differ from run to run and are not compared.
DURATION = re.compile(r"\b\d+(?:\.\d+)?(?=\s?(?:s|ms|seconds)\b)")
OBJECT = re.compile(r"\[[A-Z]@[0-9a-f]{4,}|\b[A-Za-z_$][\w.$]*@[0-9a-f]{6,8}\b")
REL, ABS = 1e-6, 1e-8


def numbers_agree(a, b):
    if a == b:
        return True
    if not any(c in a + b for c in ".eE"):
        return False  # integers (exact results) agree exactly
    x, y = float(a), float(b)
    return abs(x - y) <= REL * max(abs(x), abs(y)) + ABS


def text_agrees(a, b):
    """Same words, and numbers equal (integers) or within the tolerance (floating point)."""
    a, b = DURATION.sub("<time>", a), DURATION.sub("<time>", b)
    na, nb = NUMBER.findall(a), NUMBER.findall(b)
    if NUMBER.sub("#", a) != NUMBER.sub("#", b) or len(na) != len(nb):
        return False
    return all(numbers_agree(x, y) for x, y in zip(na, nb))


def text(value):
    return "".join(value) if isinstance(value, list) else value


def outputs(cell):
    return [o for o in cell.get("outputs", [])]


def compared(cell):
    """The outputs compared: not stderr, which carries progress lines timed by the machine."""
    return [o for o in outputs(cell) if not (o.output_type == "stream" and o.get("name") == "stderr")]


def problems(nb, name):
    """Errors and object prints in one notebook's outputs."""
    found = []
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        for o in outputs(cell):
            if o.output_type == "error":
                found.append("%s, code cell %d: error %s" % (name, i, o.get("evalue", "")))
            texts = [text(o.get("text", ""))] + [text(v) for k, v in o.get("data", {}).items()
                                                  if k.startswith("text/")]
            for t in texts:
                m = OBJECT.search(t)
                if m:
                    found.append("%s, code cell %d: an object printed as %s" % (name, i, m.group()))
    return found


def differences(committed, executed, name):
    found = []
    a = [c for c in committed.cells if c.cell_type == "code"]
    b = [c for c in executed.cells if c.cell_type == "code"]
    if len(a) != len(b):
        return ["%s: %d code cells committed, %d executed" % (name, len(a), len(b))]
    for i, (ca, cb) in enumerate(zip(a, b)):
        where = "%s, code cell %d" % (name, i)
        oa, ob = compared(ca), compared(cb)
        kinds_a = [(o.output_type, o.get("name"), sorted(o.get("data", {}))) for o in oa]
        kinds_b = [(o.output_type, o.get("name"), sorted(o.get("data", {}))) for o in ob]
        if kinds_a != kinds_b:
            found.append("%s: outputs %s committed, %s executed" % (where, kinds_a, kinds_b))
            continue
        for x, y in zip(oa, ob):
            if x.output_type == "stream" and not text_agrees(text(x.text), text(y.text)):
                found.append("%s: %s differs:\n--- committed\n%s\n--- executed\n%s"
                             % (where, x.name, text(x.text), text(y.text)))
            for mime in x.get("data", {}):
                if mime.startswith("image/"):
                    continue  # images by presence
                if not text_agrees(text(x.data[mime]), text(y.data[mime])):
                    found.append("%s: %s differs:\n--- committed\n%s\n--- executed\n%s"
                                 % (where, mime, text(x.data[mime]), text(y.data[mime])))
    return found


def clean(nb):
    """Without the run's timestamps, so that a regeneration changes only what changed."""
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def main(argv):
    if argv[0] == "--clean":
        executed = nbformat.read(argv[1], as_version=4)
        found = problems(executed, argv[2])
        if not found:
            nbformat.write(clean(executed), argv[2])
    else:
        committed = nbformat.read(argv[0], as_version=4)
        executed = nbformat.read(argv[1], as_version=4)
        name = argv[0].rsplit("/", 1)[-1]
        found = problems(executed, name) + differences(committed, executed, name)
    for f in found:
        print(f, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
