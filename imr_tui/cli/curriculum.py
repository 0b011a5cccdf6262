"""`imr-tui curriculum check [FILE]`: every problem in a curriculum file, one line each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import guarded
from imr_tui.cli.output import echo
from imr_tui.i18n import _, set_language

app = typer.Typer(no_args_is_help=True)


@app.command("check", help=_("Validate a curriculum file; exit 2 with FILE:LINE: field: problem for each error."))
@guarded
def check(
    file: Annotated[Path | None, typer.Argument(help=_("The file to check (default: the shipped curriculum)."), show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=_("Language of the messages: nb, nn or en."), show_default=False)] = None,
) -> None:
    from imr_tui.config import check_language
    from imr_tui.curriculum.loader import check_curriculum, default_curriculum_path

    if lang:
        set_language(check_language(lang, "--lang"))
    path = file or default_curriculum_path()
    curriculum, problems = check_curriculum(path)
    for problem in problems:
        echo(str(problem), err=True)
    if problems or curriculum is None:
        raise typer.Exit(2)
    topics = sum(len(module.topics) for module in curriculum.modules)
    echo(
        _("{file}: OK: {modules} modules, {topics} topics, {parts} session parts").format(
            file=path, modules=len(curriculum.modules), topics=topics, parts=len(curriculum.structure.parts)
        )
    )
