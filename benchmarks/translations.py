"""How long a start spends on its translations: the compiled .mo (what the app reads) against
parsing every .po file with Babel (what it falls back to where no current .mo can be written).

    python benchmarks/translations.py [--repeat 15]

Each measurement runs in a fresh interpreter with the translation modules imported first,
so it times the reading alone; prints the median, min and max in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

PROBE = """
import sys, time
from pathlib import Path
import imr_tui.i18n.catalogue as catalogue, imr_tui.i18n.compiled as compiled
folder = catalogue.LOCALES_DIR / "nb"
compiled.load(folder, "nb")  # makes sure the .mo is current before timing
start = time.perf_counter()
if sys.argv[1] == "mo":
    compiled.load(folder, "nb")
else:
    compiled._read_po_files(sorted(folder.glob("*.po")), "nb")
print((time.perf_counter() - start) * 1000)
"""


def measure(kind: str, repeat: int) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", PROBE, kind], capture_output=True, text=True, check=True).stdout) for _ in range(repeat)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    repeat = parser.parse_args().repeat
    for kind, label in (("mo", "compiled .mo, stdlib gettext"), ("po", "every .po parsed with Babel")):
        times = measure(kind, repeat)
        print(f"{label:32} median {statistics.median(times):6.1f} ms   min {min(times):6.1f}   max {max(times):6.1f}")


if __name__ == "__main__":
    main()
