"""The IMR Scale by item over time, the participant's and the clinician's versions side by side.

Each version has a column per rating, a small chart of the item over those ratings, and
the change since the start; the last row is the mean.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import DataTable

from imr_tui.i18n import _
from imr_tui.i18n.goal_labels import PHASE_LABELS, version_mark
from imr_tui.imrs.display import (
    compact_date,
    format_change,
    format_item_change,
    format_mean,
    sparkline,
)
from imr_tui.imrs.scale import ImrsScale
from imr_tui.imrs.scoring import VersionSummary, complete, counted

LABEL_WIDTH = 26
"""The item column; the full labels are in the rating form and the help."""


def rating_key(rating_id: int) -> str:
    return f"rating-{rating_id}"


def shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class ImrsTable(DataTable):
    DEFAULT_CSS = """
    ImrsTable { height: auto; }
    """

    def __init__(self) -> None:
        super().__init__(id="imrs-table", cursor_type="column", zebra_stripes=True, header_height=2)

    def show(self, scale: ImrsScale, versions: list[VersionSummary]) -> None:
        column = self.cursor_column
        self.clear(columns=True)
        self.add_column("#", key="number")
        self.add_column(_("Item"), key="item", width=LABEL_WIDTH)
        for version in versions:
            mark = version_mark(version.rater)
            for rating in version.ratings:
                # A partial rating is shown, said to be partial, and left out of the change and trend.
                phase = _(PHASE_LABELS[rating.phase]) if complete(scale, rating) else "◌ " + _("partial")
                header = Text(f"{mark} {compact_date(rating.rated_on)}\n{phase}", justify="right")
                self.add_column(header, key=rating_key(rating.id))
            change, trend = _("Change"), _("and trend")  # outside the f-string, where the extractor sees them
            self.add_column(Text(f"{mark} {change}\n{trend}"), key=f"change-{version.rater}")
        for item in scale.items:
            cells: list[str | Text] = [str(item.number), shortened(str(item.label), LABEL_WIDTH)]
            for version in versions:
                values = [counted(scale, item, rating.scores.get(item.id)) for rating in version.finished]
                cells += [Text(_score_text(item, rating.scores), justify="right") for rating in version.ratings]
                cells.append(_trend(format_item_change(version.item_changes.get(item.id)), values, scale))
            self.add_row(*cells, key=item.id)
        mean_cells: list[str | Text] = ["", Text(_("Mean"), style="bold")]
        for version in versions:
            mean_cells += [Text(format_mean(value), style="bold", justify="right") for value in version.means]
            mean_cells.append(_trend(format_change(version.change), list(version.finished_means), scale, bold=True))
        self.add_row(*mean_cells, key="mean")
        self.move_cursor(column=max(column, 2))

    def highlighted_rating(self) -> int | None:
        if not self.columns:
            return None
        key = list(self.columns)[min(self.cursor_column, len(self.columns) - 1)].value
        return int(key.removeprefix("rating-")) if key and key.startswith("rating-") else None


def _trend(change: str, values: list, scale: ImrsScale, bold: bool = False) -> Text:
    """The change since the start, then a small chart of the ratings (one mark each, taller is better)."""
    chart = sparkline(values, scale.lowest, scale.highest) if len(values) > 1 else ""
    return Text.assemble((f"{change:>4}", "bold" if bold else ""), "  ", chart)


def _score_text(item, scores: Mapping[str, int | None]) -> str:
    if item.id not in scores:
        return "·"
    score = scores[item.id]
    return _("n/a") if score is None else str(score)
