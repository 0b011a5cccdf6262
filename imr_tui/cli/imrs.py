"""`imr-tui imrs check [FILE]`: every problem in an IMR Scale file, one line each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imr_tui.cli.common import guarded
from imr_tui.cli.output import echo
from imr_tui.i18n import _, set_language

app = typer.Typer(no_args_is_help=True)


@app.command("check", help=_("Validate an IMR Scale file; exit 2 with FILE:LINE: field: problem for each error."))
@guarded
def check(
    file: Annotated[Path | None, typer.Argument(help=_("The file to check (default: the shipped IMR Scale)."), show_default=False)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=_("Language of the messages: nb, nn or en."), show_default=False)] = None,
) -> None:
    from imr_tui.config import check_language
    from imr_tui.imrs.loader import check_scale, default_scale_path

    if lang:
        set_language(check_language(lang, "--lang"))
    path = file or default_scale_path()
    scale, problems = check_scale(path)
    for problem in problems:
        echo(str(problem), err=True)
    if problems or scale is None:
        raise typer.Exit(2)
    not_applicable = ", ".join(str(item.number) for item in scale.items if item.may_be_not_applicable) or "–"
    echo(_("{file}: OK: {items} items rated {lowest}–{highest}; may be not applicable: {items_na}").format(
        file=path, items=len(scale.items), lowest=scale.lowest, highest=scale.highest, items_na=not_applicable))  # fmt: skip
