"""Current wording: replacing outdated law and body names in text that goes into a document body.

`data/actualiteit.yaml` lists what changed since the source was written, each with the patterns
`check` flags and, where one replacement is right in every sentence, `vervangingen` (pattern ->
current name). Criteria whose wording needs more than a name swap carry curated text in the tender
layer (`actueel`); this module is the general rule for everything else the body prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .model import ActualiteitOnderwerp


@lru_cache(maxsize=8)
def _regels(onderwerpen: tuple[ActualiteitOnderwerp, ...]
            ) -> tuple[re.Pattern[str] | None, tuple[tuple[str, re.Pattern[str], str], ...]]:
    """(one pattern that finds any outdated name, the replacement rules in order)."""
    regels = []
    for onderwerp in onderwerpen:
        for van, naar in onderwerp.vervangingen:
            regels.append((onderwerp.id, re.compile(rf"(?<!\w)(?:{van})(?!\w)", re.IGNORECASE), naar))
    if not regels:
        return None, ()
    elk = re.compile("|".join(f"(?:{p.pattern})" for _, p, _ in regels), re.IGNORECASE)
    return elk, tuple(regels)


def actualiseer(tekst: str, onderwerpen: Iterable[ActualiteitOnderwerp]) -> tuple[str, tuple[str, ...]]:
    """The text with outdated names replaced, and the IDs of the onderwerpen that were replaced."""
    elk, regels = _regels(tuple(onderwerpen))
    if elk is None or not elk.search(tekst):
        return tekst, ()
    vervangen: list[str] = []
    for onderwerp_id, patroon, naar in regels:
        nieuw, aantal = patroon.subn(naar, tekst)
        if aantal:
            tekst = nieuw
            if onderwerp_id not in vervangen:
                vervangen.append(onderwerp_id)
    return tekst, tuple(vervangen)
