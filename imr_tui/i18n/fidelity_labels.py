"""Words for the fidelity self-assessment that the screen, the command and the report share."""

from __future__ import annotations

from imr_tui.i18n import _
from imr_tui.i18n.catalogue import LANGUAGES, current_language


def source_label(source: str) -> str:
    return _("data") if source == "data" else _("team")


def band_label(band: str | None) -> str:
    return {"high": _("high fidelity"), "moderate": _("moderate fidelity"), "low": _("low fidelity")}.get(band or "", "–")


def mean_line(assessment) -> str:
    """The mean and its band, or how many items are still to be scored."""
    total = len(assessment.items)
    if assessment.mean is None:
        return _("{scored} of {total} items scored; the mean and its band come when all are").format(scored=assessment.scored, total=total)
    return _("Mean {mean} of 5: {band}").format(mean=format_mean(assessment.mean), band=band_label(assessment.band))


def format_mean(mean: float) -> str:
    """3,85 in Norwegian, 3.85 in English."""
    from babel.numbers import format_decimal

    return format_decimal(mean, format="0.00", locale=LANGUAGES[current_language()])


def change_label(change: int | None) -> str:
    if change is None:
        return ""
    return f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{-change}")
