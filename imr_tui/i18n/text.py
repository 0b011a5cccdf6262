"""Text that comes from data in several languages (the curriculum, the IMR Scale, the service plan)."""

from __future__ import annotations

from dataclasses import dataclass

from imr_tui.i18n.catalogue import DEFAULT_LANGUAGE, current_language


@dataclass(frozen=True)
class Localized:
    """One text in bokmål, and where given in nynorsk and English, shown in the active language.

    Bokmål is required; a text without its nynorsk or English is shown in bokmål, so a
    service adapting its own copy of the curriculum may write bokmål only.
    """

    nb: str
    en: str | None = None
    nn: str | None = None

    def get(self, language: str | None = None) -> str:
        code = language or current_language()
        if code == "en":
            return self.en or self.nb
        if code == "nn":
            return self.nn or self.nb
        return self.nb

    def __str__(self) -> str:
        return self.get()

    @classmethod
    def same(cls, text: str) -> Localized:
        """A text that reads the same in every language (a name, a number)."""
        return cls(nb=text, en=text, nn=text)


__all__ = ["DEFAULT_LANGUAGE", "Localized"]
