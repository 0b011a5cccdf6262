"""The IMR Scale (IMRS): its items as data (`data/imrs.yaml`), loading and checking them, and scoring."""

from imr_tui.imrs.loader import ScaleError, check_scale, default_scale_path, load_scale
from imr_tui.imrs.scale import ImrsItem, ImrsScale

__all__ = ["ImrsItem", "ImrsScale", "ScaleError", "check_scale", "default_scale_path", "load_scale"]
