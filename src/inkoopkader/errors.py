"""One exception family. Every error says in Dutch what is wrong and, where known, where."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Bevinding:
    """One problem found in a data file, with its location."""

    bestand: str
    melding: str
    regel: int | None = None

    def __str__(self) -> str:
        waar = f"{self.bestand}:{self.regel}" if self.regel else self.bestand
        return f"{waar}: {self.melding}"


class InkoopkaderError(Exception):
    """Base class of all errors the library raises for bad input or data."""


class BevindingenFout(InkoopkaderError):
    """A data file is invalid. Holds every finding (file, line, Dutch message), not only the first."""

    onderwerp = "Het bestand"  # what the message says is invalid

    def __init__(self, bevindingen: Sequence[Bevinding]) -> None:
        self.bevindingen = list(bevindingen)
        eerste = "\n".join(str(b) for b in self.bevindingen[:20])
        rest = len(self.bevindingen) - 20
        meer = f"\n… en nog {rest} bevinding(en)" if rest > 0 else ""
        super().__init__(f"{self.onderwerp} is ongeldig:\n{eerste}{meer}")


class CorpusFout(BevindingenFout):
    """The corpus (or a data file in it) is invalid."""

    onderwerp = "Het corpus"


_DE_WOORDEN = {"vorm", "doelgroep", "personeelseis"}


class OnbekendeWaarde(InkoopkaderError):
    """A value the user gave (segment, kader, ID, thema) does not exist; suggests the closest."""

    def __init__(self, soort: str, waarde: str, suggestie: str | None, bekend: Iterable[str] = ()):
        self.soort = soort
        self.waarde = waarde
        self.suggestie = suggestie
        hint = f" Bedoelt u '{suggestie}'?" if suggestie else ""
        opties = list(bekend)
        lijst = f" Bekend: {', '.join(opties)}." if opties and len(opties) <= 20 else ""
        # 'het'-words (segment, kader, thema, criterium, formaat) take "onbekend", 'de'-words "onbekende".
        bijvoeglijk = "Onbekende" if soort in _DE_WOORDEN else "Onbekend"
        super().__init__(f"{bijvoeglijk} {soort} '{waarde}'.{hint}{lijst}")


class LimietFout(InkoopkaderError):
    """An input is over one of the documented limits (`inkoopkader.limieten`); the message names the
    limit and the environment variable that raises it."""

    def __init__(self, melding: str, limiet: str) -> None:
        self.limiet = limiet
        super().__init__(melding)


class ArgumentFout(InkoopkaderError, TypeError):
    """A library function got an argument of the wrong type: a text where a list of IDs is expected,
    a number where a path is expected … (also a TypeError, as Python's own would be)."""


def bestandsnaam(path: Path) -> str:
    """A file as messages name it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def dichtstbijzijnde(waarde: str, opties: Iterable[str], drempel: float = 60.0) -> str | None:
    """The option most like `waarde` (rapidfuzz), or None when nothing is close enough."""
    from rapidfuzz import fuzz, process, utils

    keuzes = list(opties)
    if not keuzes:
        return None
    beste = process.extractOne(
        waarde, keuzes, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=drempel
    )
    return beste[0] if beste else None
