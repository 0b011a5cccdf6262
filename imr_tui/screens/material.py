"""Today's module and topic with its key points, as Markdown for the screen."""

from __future__ import annotations

from imr_tui.curriculum import Curriculum
from imr_tui.i18n import _


def material_markdown(curriculum: Curriculum, module_id: str | None, topic_id: str | None) -> str:
    module = curriculum.module(module_id)
    if module is None:
        return _("No module is planned for this session.")
    lines = ["**" + _("Module {number}: {title}").format(number=module.number, title=module.title) + "**"]
    topic = curriculum.topic(module_id, topic_id)
    if topic:
        lines += ["", _("Topic: {title}").format(title=topic.title), "", "**" + _("Key points") + "**", ""]
        lines += [f"- {point}" for point in topic.key_points]
        if topic.home_assignment:
            lines += ["", "**" + _("Suggested home assignment") + "**", "", str(topic.home_assignment)]
    return "\n".join(lines)
