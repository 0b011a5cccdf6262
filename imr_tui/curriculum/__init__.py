"""Loading and validating the IMR curriculum (`data/curriculum.yaml`)."""

from imr_tui.curriculum.model import Curriculum, Module, SessionPart, SessionStructure, Topic

__all__ = ["Curriculum", "Module", "SessionPart", "SessionStructure", "Topic"]
