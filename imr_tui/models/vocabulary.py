"""The fixed values of the status columns live in `imr_tui.domain.vocabulary` (no SQLAlchemy there)."""

from imr_tui.domain.vocabulary import *  # noqa: F403  (the tables' modules name them from here)
from imr_tui.domain.vocabulary import __all__  # noqa: F401
