"""Text that comes from data in several languages (the curriculum, the IMR Scale)."""

from __future__ import annotations

from dataclasses import dataclass

from imr_tui.i18n.catalogue import DEFAULT_LANGUAGE, current_language


@dataclass(frozen=True)
class Localized:
    """One text in bokmål and English, shown in the active language."""

    nb: str
    en: str

    def get(self, language: str | None = None) -> str:
        code = language or current_language()
        return self.en if code == "en" else self.nb

    def __str__(self) -> str:
        return self.get()

    @classmethod
    def same(cls, text: str) -> Localized:
        """A text that reads the same in both languages (a name, a number)."""
        return cls(nb=text, en=text)


__all__ = ["DEFAULT_LANGUAGE", "Localized"]
