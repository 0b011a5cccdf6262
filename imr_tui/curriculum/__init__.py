"""Loading and validating the IMR curriculum (`data/curriculum.yaml`)."""

from imr_tui.curriculum.loader import CurriculumError, check_curriculum, default_curriculum_path, load_curriculum
from imr_tui.curriculum.model import Curriculum, Module, SessionPart, SessionStructure, Topic
from imr_tui.curriculum.validate import Problem

__all__ = [
    "Curriculum",
    "CurriculumError",
    "Module",
    "Problem",
    "SessionPart",
    "SessionStructure",
    "Topic",
    "check_curriculum",
    "default_curriculum_path",
    "load_curriculum",
]
