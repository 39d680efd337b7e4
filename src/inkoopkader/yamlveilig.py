"""Reading a user's YAML file (a selection profile) within bounds.

ruamel.yaml parses whatever it is given: a FIFO or /dev/zero blocks or fills memory, a 400-byte
'billion laughs' file expands to gigabytes as soon as anything walks it, 300 nested brackets end in
a RecursionError, a 4,301-digit number in a ValueError, a complex key in a TypeError, and an escaped
control character ends up in a Word document that lxml refuses. This module reads only regular
files within the size limit and checks every parser event as it passes, so that the document is
refused (with its line) before anything is built from it:

* aliases: the nodes they repeat, counted as expanded, at most `limieten.YAML_ALIASSEN`;
* nesting of lists and mappings: at most `limieten.YAML_DIEPTE`;
* keys: only scalars (no lists, mappings or aliases as keys), and no merge key '<<' (ruamel compares
  every merge with all earlier ones: a 27 KB profile of 970 merges took over 1 s);
* numbers: at most 100 digits; text: no control characters other than tab and line breaks.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from . import limieten
from .errors import Bevinding, BevindingenFout, InkoopkaderError

MAX_CIJFERS = 100
_GETAL = re.compile(r"[-+]?[0-9][0-9_]*")
_STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def read(path: Path, limiet: limieten.Limiet, wat: str) -> str:
    """The text of a YAML file: a regular file, within `limiet`, in UTF-8.

    Opened without blocking and checked on the open descriptor (a FIFO or device is refused, never
    waited on or read). `wat` names the file in messages ("Profiel 'x.yaml'").

    Raises:
        FileNotFoundError, IsADirectoryError, OSError: as open() raises them (the caller words them).
        UnicodeDecodeError: the file is not UTF-8.
        InkoopkaderError: not a regular file, or larger than the limit.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb") as handle:
        modus = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(modus):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(modus):
            raise InkoopkaderError(f"{wat} is geen gewoon bestand (maar een apparaat, pijp of socket); "
                                   "geef een YAML-bestand op.")
        grens = limiet.waarde()
        data = handle.read(grens + 1)
    if len(data) > grens:
        raise InkoopkaderError(f"{wat} is te groot (meer dan {limiet.tekst()}); {limiet.uitleg()}.")
    return data.decode("utf-8")


def load(yaml: Any, tekst: str, bestand: str, fout: type[BevindingenFout] = BevindingenFout) -> Any:
    """`yaml.load(tekst)` with every parser event checked against the bounds above first.

    Raises:
        `fout` with one Bevinding (file, line, Dutch message) when the document is out of bounds;
        whatever `yaml.load` raises for broken YAML.
    """
    controle = _Controle(bestand, fout)
    basis = yaml.Parser

    class ControleParser(basis):  # type: ignore[misc, valid-type]
        def get_event(self) -> Any:
            event = super().get_event()
            if event is not None:
                controle.event(event)
            return event

    yaml.Parser = ControleParser
    try:
        return yaml.load(tekst)
    finally:
        yaml.Parser = basis


class _Controle:
    """Follows the event stream: depth, key positions, anchors and their expanded sizes."""

    def __init__(self, bestand: str, fout: type[BevindingenFout]) -> None:
        self.bestand = bestand
        self.fout = fout
        self.max_diepte = limieten.YAML_DIEPTE.waarde()
        self.max_alias = limieten.YAML_ALIASSEN.waarde()
        # Per open collection: [is mapping, children so far, nodes in it (expanded), anchor].
        self.stapel: list[list[Any]] = []
        self.gewicht: dict[str, int] = {}  # anchor -> nodes it stands for, expanded
        self.herhaald = 0  # nodes repeated through aliases

    def _weiger(self, event: Any, melding: str) -> None:
        mark = getattr(event, "start_mark", None)
        regel = mark.line + 1 if mark is not None and mark.line is not None else None
        raise self.fout([Bevinding(self.bestand, melding, regel)])

    def _knoop(self, event: Any, gewicht: int) -> None:
        """A node of `gewicht` (expanded) nodes arrives in the open collection, if any."""
        if self.stapel:
            ouder = self.stapel[-1]
            ouder[1] += 1
            ouder[2] += gewicht

    def event(self, event: Any) -> None:
        soort = type(event).__name__
        if soort in ("ScalarEvent", "AliasEvent", "MappingStartEvent", "SequenceStartEvent"):
            if self.stapel and self.stapel[-1][0] and self.stapel[-1][1] % 2 == 0 and soort != "ScalarEvent":
                wat = "alias" if soort == "AliasEvent" else "lijst of mapping"
                self._weiger(event, f"een sleutel moet een eenvoudige tekst zijn, geen {wat} (complexe sleutel)")
        if soort == "ScalarEvent":
            if (event.value == "<<" and event.style is None and self.stapel and self.stapel[-1][0]
                    and self.stapel[-1][1] % 2 == 0):
                self._weiger(event, "samenvoegsleutels ('<<: *naam') worden in een profiel niet ondersteund; "
                                    "schrijf de velden uit")
            self._scalar(event)
            if event.anchor:
                self.gewicht[event.anchor] = 1
            self._knoop(event, 1)
        elif soort == "AliasEvent":
            gewicht = self.gewicht.get(event.anchor, 1)
            self.herhaald += gewicht
            if self.herhaald > self.max_alias:
                self._weiger(event, f"de aliassen (*naam) herhalen samen meer dan {limieten.YAML_ALIASSEN.tekst()}; "
                                    f"mogelijk een aliasbom ('billion laughs'). {_hoofdletter(limieten.YAML_ALIASSEN.uitleg())}")
            self._knoop(event, gewicht)
        elif soort in ("MappingStartEvent", "SequenceStartEvent"):
            if len(self.stapel) >= self.max_diepte:
                self._weiger(event, f"lijsten en mappings zijn dieper genest dan {limieten.YAML_DIEPTE.tekst()}; "
                                    f"{limieten.YAML_DIEPTE.uitleg()}")
            self.stapel.append([soort == "MappingStartEvent", 0, 1, event.anchor])
        elif soort in ("MappingEndEvent", "SequenceEndEvent") and self.stapel:
            _, _, gewicht, anker = self.stapel.pop()
            if anker:
                self.gewicht[anker] = gewicht
            self._knoop(event, gewicht)

    def _scalar(self, event: Any) -> None:
        waarde = event.value or ""
        teken = _STUURTEKEN.search(waarde)
        if teken:
            self._weiger(event, f"de tekst bevat een stuurteken (U+{ord(teken.group()):04X}, b.v. een zacht regeleinde "
                                "uit Word); haal het weg of vervang het door een spatie")
        if event.style is None and len(waarde) > MAX_CIJFERS and _GETAL.fullmatch(waarde):
            self._weiger(event, f"een getal met {len(waarde)} cijfers; een getal in een profiel heeft er hooguit "
                                f"{MAX_CIJFERS} (zet tekst tussen aanhalingstekens)")


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:] + "."
