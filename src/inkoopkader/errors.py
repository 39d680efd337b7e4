"""One exception family. Every error says in Dutch what is wrong and, where known, where."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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
        meer = f"\n… en nog {aantal(rest, 'bevinding', 'bevindingen')}" if rest > 0 else ""
        super().__init__(f"{self.onderwerp} is ongeldig:\n{eerste}{meer}")


class CorpusFout(BevindingenFout):
    """The corpus (or a data file in it) is invalid."""

    onderwerp = "Het corpus"


_DE_WOORDEN = {"vorm", "doelgroep", "personeelseis", "rol", "procedure", "selectie-optie"}  # 'het functieniveau', 'het segment' …


def kort(waarde: object, lengte: int = 80) -> str:
    """A value as a message shows it: at most `lengte` characters (a 4,300-digit number or a pasted
    page is not repeated whole)."""
    if isinstance(waarde, int) and not isinstance(waarde, bool) and waarde.bit_length() > 3000:
        return "<een getal van meer dan 900 cijfers>"  # str() refuses more than 4,300 digits
    tekst = waarde if isinstance(waarde, str) else repr(waarde)
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


class OnbekendeWaarde(InkoopkaderError):
    """A value the user gave (segment, kader, ID, thema) does not exist; suggests the closest."""

    def __init__(self, soort: str, waarde: str, suggestie: str | None, bekend: Iterable[str] = (), *,
                 bekend_als: str = "Bekend"):
        self.soort = soort
        self.waarde = waarde
        self.suggestie = suggestie
        hint = f" Bedoelt u '{suggestie}'?" if suggestie else ""
        opties = list(bekend)
        lijst = f" {bekend_als}: {', '.join(opties)}." if opties and len(opties) <= 20 else ""
        # 'het'-words (segment, kader, thema, criterium, formaat) take "onbekend", 'de'-words "onbekende".
        bijvoeglijk = "Onbekende" if soort in _DE_WOORDEN else "Onbekend"
        super().__init__(f"{bijvoeglijk} {soort} '{kort(waarde)}'.{hint}{lijst}")


class LimietFout(InkoopkaderError):
    """An input is over one of the documented limits (`inkoopkader.limieten`); the message names the
    limit and the environment variable that raises it."""

    def __init__(self, melding: str, limiet: str) -> None:
        self.limiet = limiet
        super().__init__(melding)


class ArgumentFout(InkoopkaderError, TypeError):
    """A library function got an argument of the wrong type: a text where a list of IDs is expected,
    a number where a path is expected … (also a TypeError, as Python's own would be)."""


def als_lijst(waarde: object, naam: str, soort: type | tuple[type, ...], voorbeeld: str) -> tuple[Any, ...]:
    """`waarde` as a tuple, for a library argument that takes a list (of IDs, themes, numbers …).

    A text where a list belongs is refused rather than read letter by letter (ids='bwmo-04' gave
    "Onbekend criterium 'b'"), and so is an element of the wrong type.

    Raises:
        ArgumentFout: not a list (or other iterable), a text, or an element that is no `soort`.
    """
    if isinstance(waarde, (str, bytes, Mapping)) or not isinstance(waarde, Iterable):
        hint = f" Bedoelt u {naam}=[{kort(waarde)!r}]?" if isinstance(waarde, str) else ""
        raise ArgumentFout(f"{naam} moet een lijst zijn, b.v. {naam}={voorbeeld}; niet {_soort(waarde)}.{hint}")
    items = tuple(waarde)
    for item in items:
        if not isinstance(item, soort) or (isinstance(item, bool) and bool not in _als_tuple(soort)):
            getoond = repr(kort(item)) if isinstance(item, str) else kort(item)
            raise ArgumentFout(f"{naam} bevat {getoond} ({_soort(item)}); verwacht zoiets als {naam}={voorbeeld}.")
    return items


def als_type(waarde: object, naam: str, soort: type | tuple[type, ...], voorbeeld: str, *, geen: bool = False) -> Any:
    """`waarde` itself when it is a `soort` (or None, with `geen`).

    Raises:
        ArgumentFout: any other type, with an example of what is expected.
    """
    if (waarde is None and geen) or (isinstance(waarde, soort) and not (isinstance(waarde, bool)
                                                                         and bool not in _als_tuple(soort))):
        return waarde
    raise ArgumentFout(f"{naam} moet {voorbeeld} zijn, niet {_soort(waarde)}.")


def _als_tuple(soort: type | tuple[type, ...]) -> tuple[type, ...]:
    return soort if isinstance(soort, tuple) else (soort,)


def _soort(waarde: object) -> str:
    return {str: "een tekst", bytes: "bytes", int: "een getal", float: "een getal", bool: "True/False",
            dict: "een dict", type(None): "None"}.get(type(waarde), f"een {type(waarde).__name__}")


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


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """'1 criterium', '3 criteria', '0 criteria': a count with the noun in the right number."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"
