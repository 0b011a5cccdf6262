"""Build hook: compile the translations (.po) into the .mo files the wheel carries.

The app reads them with the standard library's gettext (imr_tui/i18n/compiled.py); in a
source tree it compiles them itself on the first start after a .po file changes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileTranslations(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the source tree, which compiles itself
        root = Path(self.root)
        spec = importlib.util.spec_from_file_location("imr_tui_compile", root / "imr_tui" / "i18n" / "compile.py")
        assert spec is not None and spec.loader is not None
        compiler = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(compiler)  # Babel and the standard library only: the app is not imported
        locales = root / "imr_tui" / "i18n" / "locales"
        out = Path(self.directory) / "translations"
        for folder in sorted(path for path in locales.iterdir() if path.is_dir()):
            target = compiler.mo_path(out / folder.name)
            compiler.compile_language(sorted(folder.glob("*.po")), folder.name, target)
            build_data["force_include"][str(target)] = f"imr_tui/i18n/locales/{folder.name}/LC_MESSAGES/{compiler.DOMAIN}.mo"
