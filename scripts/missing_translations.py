"""List the messages in the code that have no bokmål (or nynorsk) translation yet, as .po entries.

    python scripts/missing_translations.py > new.po            # bokmål; then translate and merge
    python scripts/missing_translations.py --lang nn > new.po  # nynorsk
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from imr_tui.i18n.catalogue import catalogue  # noqa: E402
from imr_tui.i18n.extract import messages_in_code  # noqa: E402


def main() -> None:
    language = sys.argv[sys.argv.index("--lang") + 1] if "--lang" in sys.argv else "nb"
    known = catalogue(language)
    for message, places in messages_in_code().items():
        if message not in known:
            escaped = message.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            print(f"#: {places[0]}\nmsgid \"{escaped}\"\nmsgstr \"\"\n")


if __name__ == "__main__":
    main()
