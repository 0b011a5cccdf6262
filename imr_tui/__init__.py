"""imr-tui: Illness Management & Recovery courses in the terminal."""

import time

# Taken at package import so start-up can be measured to the first screen.
START_TIME = time.perf_counter()

__version__ = "0.1.0"
