"""The IMR Scale mean over time as bars, one line per rating, with the number beside each bar."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from imr_tui.i18n import _, format_short_date
from imr_tui.i18n.goal_labels import PHASE_LABELS, RATER_LABELS
from imr_tui.imrs.display import bar, format_change, format_mean
from imr_tui.imrs.scale import ImrsScale
from imr_tui.imrs.scoring import VersionSummary, mean, start_and_latest

BAR_WIDTH = 25


def mean_chart(scale: ImrsScale, versions: list[VersionSummary]) -> RenderableType:
    lines: list[RenderableType] = [
        Text(_("Mean over time ({lowest}–{highest}, {highest} is best)").format(lowest=scale.lowest, highest=scale.highest), style="bold")
    ]
    for version in versions:
        if not version.finished:
            continue  # a partial rating is never charted
        lines.append(Text(_(RATER_LABELS[version.rater]), style="underline"))
        for rating, value in zip(version.finished, version.finished_means, strict=True):
            line = Text(f"  {_(PHASE_LABELS[rating.phase]):<8} {format_short_date(rating.rated_on)}  ")
            line.append(bar(value, scale.highest, BAR_WIDTH).ljust(BAR_WIDTH), style="bold")
            line.append(f"  {format_mean(value)}")
            lines.append(line)
    return Group(*lines)


def change_summary(scale: ImrsScale, version: VersionSummary) -> Text:
    """One line per version: the mean at the start and now, and the change since the start."""
    label = Text(_(RATER_LABELS[version.rater]) + ": ", style="bold")
    if not version.finished:
        if version.ratings:
            return label + Text(_("no finished rating yet (only partial ones)"), style="dim")
        return label + Text(_("no rating yet"), style="dim")
    pair = start_and_latest(version.finished)
    start = pair[0] if pair else version.finished[-1]
    text = _("mean {mean} on {date}").format(mean=format_mean(mean(scale, start)), date=format_short_date(start.rated_on))
    if pair:
        text += " → " + _("{mean} on {date}: {change} since the start").format(
            mean=format_mean(mean(scale, pair[1])), date=format_short_date(pair[1].rated_on), change=format_change(version.change)
        )
    return label + Text(text)
