"""References in a tender draft: to a kader as a whole, and to laws or bodies that have since changed.

Two independent scans over the draft's text blocks:

* `find_kaderverwijzingen` recognises a kader by its names, abbreviations and variants
  (`data/check/kaderverwijzingen.yaml`) and keeps only the places where the draft declares the kader
  applicable as a whole ("Opdrachtnemer werkt conform het JIJ-kader", "… is gecertificeerd volgens het
  Kwaliteitslabel Sociaal Werk", "… (VNG, 2016) is van toepassing"). A mere mention ("meer over het
  JIJ-kader leest u op de website van de inspectie") or a reference to part of a kader ("voldoet aan de
  volgende eisen uit …") does not count. The edition the draft names is compared with the corpus.
* `find_verouderd` finds outdated terms with the patterns in `data/actualiteit.yaml` (shared with
  compose). Historical context ("de AVG, voorheen de Wbp") is not a finding.

`find_verwijzingen` runs both on one normalised, lower-cased copy of the draft (what `check` uses).

Matching happens on a normalised copy of each block (whitespace collapsed, typographic dashes and
spaces unified, soft hyphens dropped) with a map back to the original, so that a finding in a
Markdown or text file can name the exact line.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import cache
from ..errors import Bevinding, CorpusFout
from ..model import ActualiteitOnderwerp, Corpus
from .model import Concept, KaderVerwijzing, Locatie, Tekstblok, VerouderdeVerwijzing

__all__ = [
    "BESTAND",
    "Verwijsregels",
    "find_kaderverwijzingen",
    "find_verouderd",
    "find_verwijzingen",
    "load_kaderverwijzingen",
    "regels_voor",
]

BESTAND = "check/kaderverwijzingen.yaml"  # relative to a corpus directory
_CACHE_FORMAT = 2
_LITERALEN_FORMAT = 1  # raise when _literalen_van or _verplichte_literaal changes what they return
_LIJST_MAX_ITEMS = 20  # list items after "… werkt conform de volgende kaders:" that inherit the verb
_LIJST_MAX_LENGTE = 250  # a longer block is prose, not a list item
_LIJST_NAAM_BEGIN = 30  # in a list item the kader's name comes first ("het ‘JIJ-kader’ …")
_VENSTER_VOOR = 140  # characters before a name in which a reference verb may stand
_WOORDEN_NA = 12  # words after a name (and its edition) in which a reference verb may stand
# Characters after a name (and its edition) in which those words are looked for, and in which an
# edition may follow: copying the rest of the sentence for every name made one long sentence full
# of names quadratic ("het JIJ-kader en " * 6000 took over 30 s).
_VENSTER_NA = 400
_EDITIE_VENSTER = 200



class _Lui:
    """A regular expression compiled on first use.

    Most patterns of this module are only needed where references are looked for: on a long draft
    that is a background process (achtergrond.py), so the process that matches criteria meanwhile
    need not compile them. After the first use the pattern's methods are plain attributes.
    """

    def __init__(self, patroon: str, vlaggen: int = 0) -> None:
        self._bron = (patroon, vlaggen)

    def __getattr__(self, naam: str) -> Any:
        if naam.startswith("__"):
            raise AttributeError(naam)
        patroon = re.compile(*self._bron)
        for methode in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "pattern"):
            setattr(self, methode, getattr(patroon, methode))
        return getattr(patroon, naam)


# --- text normalisation with a map back to the original ---------------------------------------------

_SPATIES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\t", "\r", "\n", "\f", "\v"}
_WEG = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}  # soft hyphen, zero-width characters
_STREEPJES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"}
_VERTALING = {ord(ch): None for ch in _WEG} | {ord(ch): " " for ch in _SPATIES} | {ord(ch): "-" for ch in _STREEPJES}
_MEER_SPATIES = _Lui(" {2,}")
_BIJZONDER = _Lui("[" + re.escape("".join(_WEG | _SPATIES | _STREEPJES)) + "]")
_HOOFDLETTER_ESCAPE = _Lui(r"\\[A-Z]")  # \S, \W, \D …: change meaning when lower-cased


def _snel_normaal(tekst: str) -> str:
    """The same text as `_Tekst.van(tekst).norm`, without the position map (for pre-filtering)."""
    if _BIJZONDER.search(tekst):  # most paragraphs have nothing to translate, and translate() is slow
        tekst = tekst.translate(_VERTALING)
    if "  " in tekst:
        tekst = _MEER_SPATIES.sub(" ", tekst)
    return tekst.strip(" ")


class _Doorzoekbaar:
    """The blocks' normalised texts, lower-cased and joined once for all pre-filters of a draft."""

    def __init__(self, normen: Sequence[str]) -> None:
        self.normen = normen
        self.lager = [t.lower() for t in normen]
        # One string, NUL between the texts (no literal contains one, so no hit spans two texts);
        # offsets from the lower-cased texts themselves, since lower() may change a length ('İ').
        self.geheel = "\0".join(self.lager)
        self.begins: list[int] = []
        pos = 0
        for laag in self.lager:
            self.begins.append(pos)
            pos += len(laag) + 1

    @classmethod
    def van(cls, concept: Concept) -> _Doorzoekbaar:
        return cls([_snel_normaal(blok.tekst) for blok in concept.blokken])


class _Voorfilter:
    """Which texts may contain any of these patterns at all? Case-insensitive, on word boundaries.

    Two passes. First the literal words every match must contain ('kwaliteitslabel', 'awbz') are
    looked up with `str.find` in the whole lower-cased draft at once — much faster than running a
    large alternation over every block. Then a block that contains one gets the real test, with
    only the patterns that contain that word. Patterns are lower-cased and run on lower-cased text
    (about four times faster than re.IGNORECASE); a pattern with an upper-case escape cannot be
    lower-cased and keeps IGNORECASE. The answer is only yes/no: positions always come from the real
    patterns. The regexes are compiled only when needed.
    """

    def __init__(self, patronen: Iterable[str], *, letterbegin: bool = False) -> None:
        """`letterbegin`: every pattern starts with a literal letter (the outdated terms). Then re can
        skip ahead to a possible first letter, which beats a look-behind at every position; the word
        boundary before a match is then checked by hand. Names that start with optional words
        ("(?:model )?basisset …") are faster with the look-behind, which rejects in-word positions."""
        patronen = [_zonder_groepen(p) for p in patronen]
        self._veilig = [p.lower() for p in patronen if not _HOOFDLETTER_ESCAPE.search(p)]
        self._overig = [p for p in patronen if _HOOFDLETTER_ESCAPE.search(p)]
        self._handmatig = letterbegin
        self._losse: dict[int, re.Pattern[str]] = {}

    @cached_property
    def _literalen(self) -> dict[str, tuple[int, ...]] | None:
        """Words to look for, each with the patterns that contain it; None when some pattern has no
        such word, so every text needs the regex."""
        if self._overig:
            return None
        # Analysing a pattern runs re's own parser, in Python: ~15 ms for all patterns, every run.
        # The answer depends only on the patterns and the parser, so it is kept in the disk cache.
        sleutel = hashlib.sha256(
            "\0".join([str(_LITERALEN_FORMAT), sys.version, *self._veilig]).encode()
        ).hexdigest()
        bewaard = cache.read("literalen", sleutel)
        if isinstance(bewaard, tuple) and len(bewaard) == 1:
            return bewaard[0]  # type: ignore[no-any-return]
        literalen = _literalen_van(self._veilig)
        cache.write("literalen", sleutel, (literalen,))
        return literalen

    def _los(self, index: int) -> re.Pattern[str]:
        """One lower-cased pattern on its own (cheaper to compile than the whole alternation)."""
        regex = self._losse.get(index)
        if regex is None:
            regex = self._losse[index] = re.compile(r"(?<!\w)(?:" + self._veilig[index] + r")(?!\w)")
        return regex

    @cached_property
    def _laag(self) -> re.Pattern[str] | None:
        if not self._veilig:
            return None
        alternatie = "(?:" + "|".join(f"(?:{p})" for p in self._veilig) + ")"
        if self._handmatig:
            return re.compile(alternatie + r"(?!\w)")
        return re.compile(r"(?<!\w)" + alternatie + r"(?!\w)")

    @cached_property
    def _rest(self) -> re.Pattern[str] | None:
        return _alternatie(self._overig) if self._overig else None

    def search(self, tekst: str, laag: str | None = None) -> bool:
        """`laag` may pass `tekst.lower()` when the caller has it already."""
        if self._laag is not None:
            laag = tekst.lower() if laag is None else laag
            m = self._laag.search(laag)
            if not self._handmatig:
                return m is not None or bool(self._rest is not None and self._rest.search(tekst))
            while m is not None:
                begin = m.start()
                if begin == 0 or not (laag[begin - 1].isalnum() or laag[begin - 1] == "_"):
                    return True
                m = self._laag.search(laag, begin + 1)
        return bool(self._rest is not None and self._rest.search(tekst))

    def kandidaten(self, teksten: Sequence[str] | _Doorzoekbaar) -> set[int]:
        """Indices of the texts that contain any of the patterns."""
        draft = teksten if isinstance(teksten, _Doorzoekbaar) else _Doorzoekbaar(teksten)
        lager = draft.lager
        if self._literalen is None:
            return {i for i, (t, laag) in enumerate(zip(draft.normen, lager)) if self.search(t, laag)}
        geheel, begins = draft.geheel, draft.begins
        te_testen: dict[int, set[int]] = {}  # text -> patterns whose word it contains
        for literaal, patronen in self._literalen.items():
            hit = geheel.find(literaal)
            while hit != -1:
                i = bisect_right(begins, hit) - 1
                te_testen.setdefault(i, set()).update(patronen)
                hit = geheel.find(literaal, begins[i + 1] if i + 1 < len(begins) else len(geheel))
        return {i for i, patronen in te_testen.items() if any(self._los(p).search(lager[i]) for p in patronen)}


def _literalen_van(patronen: Sequence[str]) -> dict[str, tuple[int, ...]] | None:
    """The words to look for, each with the indices of the patterns that contain it (see _Voorfilter)."""
    per_patroon: list[str] = []
    for patroon in patronen:
        literaal = _verplichte_literaal(patroon)
        if literaal is None:
            return None
        per_patroon.append(literaal.strip(" "))
    # A text that contains 'kwaliteitskader' contains 'kader': searching the shorter one suffices.
    kortste = [lit for lit in dict.fromkeys(per_patroon) if not any(a != lit and a in lit for a in per_patroon)]
    return {k: tuple(i for i, lit in enumerate(per_patroon) if k in lit) for k in kortste}


def _verplichte_literaal(patroon: str) -> str | None:
    """The longest run of literal characters that every match of this (lower-cased) pattern contains.

    Only the top-level sequence counts (or a group that is a plain sequence itself); alternatives and
    optional parts are skipped. None when there is no run of at least three characters, or when the
    pattern cannot be analysed: the caller then tests every text with the regex, so a miss here only
    costs speed, never a finding.
    """
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]

    try:
        parsed = parser.parse(patroon)
    except Exception:  # noqa: BLE001 — any parser trouble means: no shortcut
        return None
    beste = ""

    def loop(items: Any) -> None:
        nonlocal beste
        run: list[str] = []
        for op, arg in items:
            if op is parser.LITERAL:
                run.append(chr(arg))
                continue
            if len(run) > len(beste):
                beste = "".join(run)
            run = []
            if op is parser.SUBPATTERN:
                loop(arg[-1])  # a group: its own sequence is mandatory too
            elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT) and arg[0] >= 1:
                loop(arg[2])  # repeated at least once
        if len(run) > len(beste):
            beste = "".join(run)

    try:
        loop(parsed)
    except Exception:  # noqa: BLE001
        return None
    return beste if len(beste.strip()) >= 3 else None


@dataclass(frozen=True)
class _Tekst:
    """A block's text normalised for matching; `bron[i]` is the original index of `norm[i]`.

    `bron` is None when normalising changed nothing but leading spaces (the usual case): then the
    original index is simply `i + begin`, and there is no line break to count.
    """

    origineel: str
    norm: str
    bron: tuple[int, ...] | None
    begin: int = 0

    @classmethod
    def van(cls, tekst: str) -> _Tekst:
        if not _BIJZONDER.search(tekst) and "  " not in tekst:
            norm = tekst.strip(" ")
            return cls(tekst, norm, None, len(tekst) - len(tekst.lstrip(" ")))
        chars: list[str] = []
        bron: list[int] = []
        for i, ch in enumerate(tekst):
            if ch in _WEG:
                continue
            if ch in _SPATIES or ch == " ":
                if not chars or chars[-1] == " ":
                    continue
                ch = " "
            elif ch in _STREEPJES:
                ch = "-"
            chars.append(ch)
            bron.append(i)
        while chars and chars[-1] == " ":
            chars.pop()
            bron.pop()
        return cls(tekst, "".join(chars), tuple(bron))

    def origineel_index(self, pos: int) -> int:
        """The index in the original text of normalised position `pos`."""
        if not self.bron:
            return pos + self.begin
        return self.bron[min(pos, len(self.bron) - 1)]

    def zin(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the sentence around [start, end) in the normalised text.

        The boundaries are found once per text and looked up by bisection: scanning from the start
        for every hit made a long paragraph full of hits quadratic (400 KB took minutes).
        """
        grenzen = self._zinsgrenzen
        i = bisect_right(grenzen, start - 1)  # boundaries at positions < start (each ends 1 later)
        begin = grenzen[i - 1] + 1 if i else 0
        j = bisect_left(grenzen, end)
        return begin, (grenzen[j] + 1 if j < len(grenzen) else len(self.norm))

    @cached_property
    def per_zin(self) -> dict[Any, Any]:
        """What a pass computed once for a sentence or clause (see _posities), by key."""
        return {}

    @cached_property
    def _zinsgrenzen(self) -> list[int]:
        """Positions of the sentence-ending characters (see _ZINSGRENS), in order."""
        return [m.start() for m in _ZINSGRENS.finditer(self.norm)]


def _posities(norm: str, patroon: _Lui | re.Pattern[str], zin: tuple[int, int], cache: dict[Any, Any]) -> list[int]:
    """Start positions of `patroon` in sentence `zin`, found once per sentence: scanning from the
    sentence start for every hit in it made a long sentence full of hits quadratic."""
    return _eenmaal(cache, ("posities", id(patroon), zin),
                    lambda: [m.start() for m in patroon.finditer(norm, zin[0], zin[1])])


def _eenmaal(cache: dict[Any, Any], sleutel: Any, bereken: Any) -> Any:
    """`bereken()`, computed once per `sleutel`."""
    if sleutel not in cache:
        cache[sleutel] = bereken()
    return cache[sleutel]


# A sentence ends at . ! ? or ; followed by space and something that starts a sentence. Lower case
# after a full stop is an abbreviation ("o.a. de", "m.b.t. het"), not a new sentence.
_ZINSGRENS = _Lui(r"[.!?;](?=\s+[\"'‘“(•*\-]?[A-Z0-9À-ÖØ-Þ])|[;](?=\s)")


def _locatie_op(blok: Tekstblok, tekst: _Tekst, pos: int) -> Locatie:
    """The block's location; for line-based drafts (md/txt) the line of `pos` itself.

    A block the reader joined from several lines says where each begins (`Tekstblok.regels`); a
    block built by hand may hold its line breaks in the text.
    """
    loc = blok.locatie
    if loc.soort != "regel":
        return loc
    orig = tekst.origineel_index(pos)
    regel = blok.regel_op(orig)
    if regel is None:
        regel = loc.index + tekst.origineel.count("\n", 0, orig)
    return loc if regel == loc.index else replace(loc, index=regel)


def _fragment(tekst: _Tekst, start: int, end: int, maximum: int = 300) -> str:
    """The sentence around a match, shortened around the match when long."""
    zin_start, zin_end = tekst.zin(start, end)
    # The whole sentence is copied once, not for every hit in it.
    zin = _eenmaal(tekst.per_zin, ("zin", zin_start, zin_end), lambda: tekst.norm[zin_start:zin_end].strip())
    if len(zin) <= maximum:
        return zin
    links = max(zin_start, start - maximum // 2)
    rechts = min(zin_end, links + maximum)
    return ("… " if links > zin_start else "") + tekst.norm[links:rechts].strip() + (" …" if rechts < zin_end else "")


def _patroon(regex: str) -> str:
    """A data pattern on word boundaries (lookarounds work where \\b does not, e.g. after '+')."""
    return rf"(?<!\w)(?:{regex})(?!\w)"


# --- the rules file ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AndereEditie:
    naam: re.Pattern[str]
    editie: str


@dataclass(frozen=True)
class KaderNamen:
    """How a draft names one kader, and which edition the corpus holds.

    The patterns are kept as text and compiled on first use: most drafts name few kaders, and
    compiling them all would cost more than searching.
    """

    kader: int
    naam_patronen: tuple[str, ...]
    jaar: int
    versie: str | None = None
    andere_patronen: tuple[tuple[str, str], ...] = ()  # (pattern, edition)

    @cached_property
    def namen(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(_patroon(p), re.IGNORECASE) for p in self.naam_patronen)

    @cached_property
    def andere_edities(self) -> tuple[AndereEditie, ...]:
        return tuple(AndereEditie(re.compile(_patroon(p), re.IGNORECASE), e) for p, e in self.andere_patronen)

    @cached_property
    def voorfilter(self) -> _Voorfilter:
        """May any of this kader's names occur at all?"""
        return _Voorfilter([*self.naam_patronen, *(p for p, _ in self.andere_patronen)])


@dataclass(frozen=True)
class Verwijsregels:
    """The validated contents of `kaderverwijzingen.yaml` (patterns compiled on first use)."""

    bestand: str
    voor_patronen: tuple[str, ...]
    na_patronen: tuple[str, ...]
    deels_patronen: tuple[str, ...]
    kaders: tuple[KaderNamen, ...]
    lijst_patronen: tuple[str, ...] = ()
    ontkenning_patronen: tuple[str, ...] = ()
    andere_actor_patronen: tuple[str, ...] = ()

    @cached_property
    def voor(self) -> re.Pattern[str]:
        return _alternatie(self.voor_patronen)

    @cached_property
    def na(self) -> re.Pattern[str]:
        return _alternatie(self.na_patronen)

    @cached_property
    def deels(self) -> re.Pattern[str]:
        return _alternatie(self.deels_patronen)

    @cached_property
    def lijst(self) -> re.Pattern[str] | None:
        return _alternatie(self.lijst_patronen) if self.lijst_patronen else None

    @cached_property
    def ontkenning(self) -> re.Pattern[str] | None:
        return _alternatie(self.ontkenning_patronen) if self.ontkenning_patronen else None

    @cached_property
    def andere_actor(self) -> re.Pattern[str] | None:
        return _alternatie(self.andere_actor_patronen) if self.andere_actor_patronen else None

    @cached_property
    def alle_namen(self) -> _Voorfilter:
        """Quick pre-filter: does a block name any kader at all?"""
        return _Voorfilter(
            [p for k in self.kaders for p in (*k.naam_patronen, *(a for a, _ in k.andere_patronen))]
        )


_GROEPEN = {"jaar", "versie"}


def _schema() -> Any:
    """The pydantic schema of the rules file (built on demand: pydantic is only needed on a cache miss)."""
    from typing import Annotated

    from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

    NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

    def check_regex(patronen: list[str], named_ok: bool) -> list[str]:
        for patroon in patronen:
            try:
                compiled = re.compile(patroon)
            except re.error as exc:
                raise ValueError(f"ongeldige reguliere expressie {patroon!r}: {exc}") from None
            onbekend = set(compiled.groupindex) - (_GROEPEN if named_ok else set())
            if onbekend:
                toegestaan = " (toegestaan: jaar, versie)" if named_ok else " (hier niet toegestaan)"
                raise ValueError(f"patroon {patroon!r} heeft onbekende groep(en) {', '.join(sorted(onbekend))}{toegestaan}")
            if compiled.match(""):
                raise ValueError(f"patroon {patroon!r} past ook op lege tekst")
        return patronen

    class _Strict(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

    class EditieSchema(_Strict):
        jaar: int = Field(ge=1900, le=2100)
        versie: NonEmpty | None = None

    class AndereEditieSchema(_Strict):
        naam: NonEmpty
        editie: NonEmpty

        @field_validator("naam")
        @classmethod
        def _regex(cls, naam: str) -> str:
            return check_regex([naam], named_ok=False)[0]

    class KaderSchema(_Strict):
        kader: int = Field(ge=1)
        namen: list[NonEmpty] = Field(min_length=1)
        editie: EditieSchema
        andere_edities: list[AndereEditieSchema] = []

        @field_validator("namen")
        @classmethod
        def _regexes(cls, namen: list[str]) -> list[str]:
            return check_regex(namen, named_ok=True)

    class VerwijzingSchema(_Strict):
        voor: list[NonEmpty] = Field(min_length=1)
        na: list[NonEmpty] = Field(min_length=1)
        deels: list[NonEmpty] = Field(min_length=1)
        lijst: list[NonEmpty] = []
        ontkenning: list[NonEmpty] = []
        andere_actor: list[NonEmpty] = []

        @field_validator("voor", "na", "deels", "lijst", "ontkenning", "andere_actor")
        @classmethod
        def _regexes(cls, patronen: list[str]) -> list[str]:
            return check_regex(patronen, named_ok=False)

    class BestandSchema(_Strict):
        schema_version: int = Field(ge=1, le=1)
        verwijzing: VerwijzingSchema
        kaders: list[KaderSchema] = Field(min_length=1)

        @field_validator("kaders")
        @classmethod
        def _unique(cls, kaders: list[KaderSchema]) -> list[KaderSchema]:
            seen: set[int] = set()
            for kader in kaders:
                if kader.kader in seen:
                    raise ValueError(f"kader {kader.kader} staat er meer dan één keer in")
                seen.add(kader.kader)
            return kaders

    return BestandSchema


def _rules_path(corpus: Corpus | None) -> Path:
    from ..corpus import bundled_data_dir

    if corpus is not None and corpus.pad:
        eigen = Path(corpus.pad) / BESTAND
        if eigen.is_file():
            return eigen
    return bundled_data_dir() / BESTAND


_MEMO: dict[tuple[str, str], Verwijsregels] = {}


def load_kaderverwijzingen(pad: str | os.PathLike[str] | None = None) -> Verwijsregels:
    """Load and validate the kader-reference rules (default: the bundled `data/check/kaderverwijzingen.yaml`).

    The validated contents are cached by content hash (in memory and next to the corpus cache), so a
    warm run neither imports ruamel.yaml nor pydantic.

    Raises:
        CorpusFout: the file is missing, not valid YAML, or breaks the schema; each finding names the
            file and line, in Dutch.
    """
    path = Path(pad) if pad is not None else _rules_path(None)
    try:
        inhoud = path.read_bytes()
    except OSError as exc:
        raise CorpusFout([Bevinding(str(path), f"bestand kan niet worden gelezen: {exc.strerror or exc}")]) from None
    sleutel = hashlib.sha256(b"%d\0" % _CACHE_FORMAT + inhoud).hexdigest()
    memo_key = (str(path), sleutel)
    if memo_key in _MEMO:
        return _MEMO[memo_key]
    data = cache.read("kaderverwijzingen", sleutel)
    if not isinstance(data, dict):
        data = _validate_file(path)
        cache.write("kaderverwijzingen", sleutel, data)
    regels = _compile(str(path), data)
    _MEMO[memo_key] = regels
    return regels


def _validate_file(path: Path) -> dict[str, Any]:
    from ..corpus import _validate

    parsed, findings = _validate(path, _schema())
    if findings:
        raise CorpusFout(findings)
    return parsed.model_dump()


def _alternatie(patronen: Iterable[str]) -> re.Pattern[str]:
    return re.compile(_patroon("|".join(f"(?:{p})" for p in patronen)), re.IGNORECASE)


def _zonder_groepen(patroon: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", patroon)


def _compile(bestand: str, data: dict[str, Any]) -> Verwijsregels:
    kaders = tuple(
        KaderNamen(
            entry["kader"],
            tuple(entry["namen"]),
            entry["editie"]["jaar"],
            entry["editie"]["versie"],
            tuple((a["naam"], a["editie"]) for a in entry["andere_edities"]),
        )
        for entry in data["kaders"]
    )
    verwijzing = data["verwijzing"]
    return Verwijsregels(
        bestand=bestand,
        voor_patronen=tuple(verwijzing["voor"]),
        na_patronen=tuple(verwijzing["na"]),
        deels_patronen=tuple(verwijzing["deels"]),
        kaders=kaders,
        lijst_patronen=tuple(verwijzing.get("lijst") or ()),
        ontkenning_patronen=tuple(verwijzing.get("ontkenning") or ()),
        andere_actor_patronen=tuple(verwijzing.get("andere_actor") or ()),
    )


# --- whole-kader references ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Naam:
    start: int
    end: int
    kader: KaderNamen
    jaar: str | None = None
    versie: str | None = None
    andere_editie: str | None = None


_MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_JAAR = r"(?:19|20)\d\d"
_AANHALING = _Lui(r"\s?[’'\"”»]")
_VERSIE_NA = _Lui(r"\s?,?\s?(?:versie |editie |v\.? ?)?(\d{1,2}\.\d{1,2})(?![\d.]\d)")
_JAAR_NA = _Lui(rf"\s?[,-]?\s?({_JAAR}(?:\s?[/-]\s?{_JAAR})?)(?!\d)")
_JAAR_MET_WOORD = _Lui(
    rf"\s?,?\s?(?:uit|van|d\.d\.|versie|editie|herzien(?: in)?|(?:in )?(?:de |het )?(?:editie|versie|uitgave)"
    rf"(?: van| uit)?)\s(?:(?:{_MAANDEN})\s)?({_JAAR})(?!\d)", re.IGNORECASE
)
_JAREN = _Lui(rf"(?<!\d)({_JAAR}(?:\s?[/-]\s?{_JAAR})?)(?!\d)")
_VERSIE_IN_HAAKJES = _Lui(r"(?:versie|editie|v\.?)\s?(\d{1,2}\.\d{1,2})(?![\d.]\d)|^\s*(\d{1,2}\.\d{1,2})\s*$", re.IGNORECASE)
_BIJZIN = _Lui(r",\s?(?:die|dat|waarbij|waarin|waarmee|zodat|omdat|terwijl|wanneer|als)\b", re.IGNORECASE)


def _haakjes(norm: str, pos: int, limit: int) -> int | None:
    """End (exclusive) of the balanced parenthetical that opens at `pos`, within `limit`."""
    depth = 0
    for i in range(pos, min(limit, pos + 160)):
        if norm[i] == "(":
            depth += 1
        elif norm[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _editie_na(norm: str, pos: int, limit: int) -> tuple[list[str], list[str], int]:
    """Years and versions written right after a kader name: ' 2.0', ' (VNG, 2016)', ' van januari 2021'."""
    jaren: list[str] = []
    versies: list[str] = []
    i = pos
    for _ in range(4):
        rest = norm[i : min(limit, i + _EDITIE_VENSTER)]  # an edition is short; never copy the sentence
        if m := _AANHALING.match(rest):
            i += m.end()
            continue
        stripped = len(rest) - len(rest.lstrip(" "))
        if rest[stripped : stripped + 1] == "(":
            end = _haakjes(norm, i + stripped, limit)
            if end is None:
                break
            inhoud = norm[i + stripped + 1 : end - 1]
            gevonden_jaren = [j.replace(" ", "") for j in _JAREN.findall(inhoud)]
            gevonden_versies = [a or b for a, b in _VERSIE_IN_HAAKJES.findall(inhoud)]
            if not gevonden_jaren and not gevonden_versies:
                break  # "(zie bijlage 3)": no edition, stop here
            jaren += gevonden_jaren
            versies += gevonden_versies
            i = end
            continue
        if m := _VERSIE_NA.match(rest):
            versies.append(m.group(1))
        elif m := _JAAR_MET_WOORD.match(rest):
            jaren.append(m.group(1))
        elif m := _JAAR_NA.match(rest):
            jaren.append(m.group(1).replace(" ", ""))
        else:
            break
        i += m.end()
    return jaren, versies, i


def _namen_in(tekst: _Tekst, regels: Verwijsregels, kaders: set[int]) -> list[_Naam]:
    hits: list[_Naam] = []
    laag = tekst.norm.lower()
    for kader in regels.kaders:
        if kader.kader not in kaders or not kader.voorfilter.search(tekst.norm, laag):
            continue
        for patroon in kader.namen:
            for m in patroon.finditer(tekst.norm):
                groepen = m.groupdict()
                hits.append(_Naam(m.start(), m.end(), kader, groepen.get("jaar"), groepen.get("versie")))
        for andere in kader.andere_edities:
            for m in andere.naam.finditer(tekst.norm):
                hits.append(_Naam(m.start(), m.end(), kader, andere_editie=andere.editie))
    # Overlapping names (two variants of one name) count once: the longest wins.
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    result: list[_Naam] = []
    for hit in hits:
        if result and hit.start < result[-1].end:
            continue
        result.append(hit)
    return result


def _ontkracht(tekst: _Tekst, naam: _Naam, regels: Verwijsregels) -> bool:
    """A declaration that is negated, waived or made by someone else ('… is niet van toepassing',
    'hoeft niet te werken conform …', 'De gemeente werkt conform …'): it declares nothing for the provider."""
    norm, cache = tekst.norm, tekst.per_zin
    zin_start, zin_end = tekst.zin(naam.start, naam.end)
    # Only the clause of the name: '…, ook als een jeugdige niet …' does not negate the declaration.
    # The clause boundaries are found once per sentence; the few just before the name are looked up
    # as before, as a ',' there has a lookahead that stops at the name.
    grenzen = _posities(norm, _KADER_DEELGRENS, (zin_start, zin_end), cache)
    staart = max(zin_start, naam.start - 32)
    i = bisect_left(grenzen, staart)
    begin = max((m.end() for m in _KADER_DEELGRENS.finditer(norm, staart, naam.start)),
                default=grenzen[i - 1] + 1 if i else zin_start)
    j = bisect_left(grenzen, naam.end)
    stop = grenzen[j] if j < len(grenzen) else zin_end
    ontkenning = regels.ontkenning
    if ontkenning is not None and _eenmaal(cache, ("ontkenning", id(ontkenning), begin, stop),
                                           lambda: bool(ontkenning.search(norm[begin:stop]))):
        return True
    andere_actor = regels.andere_actor
    if andere_actor is not None:
        def actor_einde() -> int | None:
            onderwerp = andere_actor.match(norm[zin_start:zin_end].lstrip(" -•*'\"‘“"))
            return None if onderwerp is None else onderwerp.end()

        einde = _eenmaal(cache, ("actor", id(andere_actor), zin_start, zin_end), actor_einde)
        if einde is not None and einde <= naam.start - zin_start:
            return True
    return False


_NA_GRENS = _Lui(r"[,;:]| (?:en|of|maar) (?!(?:het |de )?KADER)", re.IGNORECASE)
_KADER_DEELGRENS = _Lui(r"[;:]|,(?=\s?(?:ook|zelfs|behalve|tenzij|omdat|zodat|als|indien|wanneer|maar)\b)")


def _is_geheel(tekst: _Tekst, naam: _Naam, editie_eind: int, alle: Sequence[_Naam], regels: Verwijsregels,
               in_lijst: bool) -> bool:
    """Does the sentence declare this kader applicable as a whole (not merely mention it)?"""
    if _ontkracht(tekst, naam, regels):
        return False
    return _verklaart(tekst, naam, editie_eind, alle, regels, in_lijst)


def _verklaart(tekst: _Tekst, naam: _Naam, editie_eind: int, alle: Sequence[_Naam], regels: Verwijsregels,
               in_lijst: bool) -> bool:
    norm, cache = tekst.norm, tekst.per_zin
    zin_start, zin_end = tekst.zin(naam.start, naam.end)
    # The other names are looked up by bisection (a loop over all of them for every name was quadratic).
    _, starts = _eenmaal(cache, ("starts", id(alle)), lambda: (alle, [n.start for n in alle]))
    venster_start = max(zin_start, naam.start - _VENSTER_VOOR)
    voor = norm[venster_start : naam.start]
    werkwoorden = list(regels.voor.finditer(voor))
    if werkwoorden:
        tussen = voor[werkwoorden[-1].end() :]
        # Other kader names between the verb and this one are a coordination ("conform A en B").
        for k in range(bisect_left(starts, venster_start + werkwoorden[-1].end()), len(alle)):
            other = alle[k]
            if other.start >= naam.start:
                break
            if other.end <= naam.start:
                tussen = tussen.replace(norm[other.start : other.end], " ")
        # "… beschikken over de volgende competenties, zoals beschreven in X:" introduces parts of X.
        inleiding = norm.endswith(":") or _eenmaal(
            cache, ("inleiding", zin_start, zin_end), lambda: norm[zin_start:zin_end].rstrip().endswith(":"))
        deels = regels.deels.search(tussen) or (inleiding and regels.deels.search(voor))
        if not deels and not _BIJZIN.search(tussen) and len(tussen) <= 90:
            return True
    # Verb after the name (and its edition): "… het JIJ-kader (IGJ, 2021) is van toepassing".
    na_end = min(zin_end, editie_eind + _VENSTER_NA)
    na = norm[editie_eind:na_end]
    for k in range(bisect_left(starts, editie_eind), len(alle)):
        other = alle[k]
        if other.start >= na_end:
            break
        na = na.replace(norm[other.start : other.end], "KADER")
    # The verb must be in the name's own clause: '… uit X en toont aan hoe hij daaraan voldoet' is not.
    grens = _NA_GRENS.search(na)
    woorden = " ".join(na[: grens.start() if grens else len(na)].split()[:_WOORDEN_NA])
    if regels.na.search(woorden):
        return True
    # A list item under "Opdrachtnemer werkt conform de volgende kaders:" that starts with the name
    # ("het JIJ-kader (IGJ, 2021);"). A block ending in ':' introduces something itself.
    return (in_lijst and not werkwoorden and naam.start <= _LIJST_NAAM_BEGIN and len(norm) <= _LIJST_MAX_LENGTE
            and not norm.endswith(":"))


def find_verwijzingen(
    concept: Concept, corpus: Corpus, regels: Verwijsregels | None = None
) -> tuple[list[KaderVerwijzing], list[VerouderdeVerwijzing]]:
    """`find_kaderverwijzingen` and `find_verouderd` together, normalising the draft once for both.

    `regels`: the kader-reference rules when the caller loaded them already (`regels_voor(corpus)`).

    Raises:
        CorpusFout: when `kaderverwijzingen.yaml` is invalid.
    """
    draft = _Doorzoekbaar.van(concept)
    regels = regels or regels_voor(corpus)
    return _ontdubbeld(_kaderverwijzingen(concept, corpus, draft, regels)), _verouderd(concept, corpus, draft)


def _ontdubbeld(verwijzingen: list[KaderVerwijzing]) -> list[KaderVerwijzing]:
    """One entry per kader and edition, with every place it is declared (a draft that repeats 'werkt
    conform het JIJ-kader' in every chapter has one reference, not seventeen)."""
    per: dict[tuple[int, str | None, bool], list[KaderVerwijzing]] = {}
    for v in verwijzingen:
        per.setdefault((v.kader, v.editie, v.afwijkende_editie), []).append(v)
    return [replace(groep[0], locaties=tuple(v.locatie for v in groep)) for groep in per.values()]


def regels_voor(corpus: Corpus) -> Verwijsregels:
    """The kader-reference rules this corpus uses (its own `check/kaderverwijzingen.yaml`, else the
    bundled one), loaded and validated.

    Raises:
        CorpusFout: when that file is invalid.
    """
    return load_kaderverwijzingen(_rules_path(corpus))


def find_kaderverwijzingen(concept: Concept, corpus: Corpus) -> list[KaderVerwijzing]:
    """Places where the draft references a kader as a whole, in document order.

    A name alone is a mention; it counts as a reference when a reference verb governs it in the same
    sentence ("werkt conform", "voldoet aan", "is gecertificeerd volgens", "hanteert", "… is van
    toepassing"), or when it is an item in a list introduced that way. The edition the draft names
    (a year, a version, or a predecessor's name) is returned in `editie`; `afwijkende_editie` says it
    differs from the corpus. Per block and kader one reference is kept (the one naming an edition,
    if any).

    Raises:
        CorpusFout: when `kaderverwijzingen.yaml` is invalid.
    """
    return _ontdubbeld(_kaderverwijzingen(concept, corpus, _Doorzoekbaar.van(concept), regels_voor(corpus)))


def _kaderverwijzingen(
    concept: Concept, corpus: Corpus, draft: _Doorzoekbaar, regels: Verwijsregels
) -> list[KaderVerwijzing]:
    kaders = {k.nummer for k in corpus.kaders}
    result: list[KaderVerwijzing] = []
    lijst = 0  # remaining list items that inherit the intro's reference verb
    normen = draft.normen
    met_naam = regels.alle_namen.kandidaten(draft)
    for index, (blok, norm) in enumerate(zip(concept.blokken, normen)):
        if lijst and (len(norm) > _LIJST_MAX_LENGTE or not norm):
            lijst = 0
        if index in met_naam:
            tekst = _Tekst.van(blok.tekst)
            per_kader: dict[int, tuple[int, KaderVerwijzing]] = {}
            namen = _namen_in(tekst, regels, kaders)
            for naam in namen:
                zin_end = tekst.zin(naam.start, naam.end)[1]
                jaren, versies, editie_eind = _editie_na(norm, naam.end, zin_end)
                if not _is_geheel(tekst, naam, editie_eind, namen, regels, lijst > 0):
                    continue
                verwijzing = _verwijzing(blok, tekst, naam, jaren, versies, editie_eind)
                eerder = per_kader.get(naam.kader.kader)
                if eerder is None or (eerder[1].editie is None and verwijzing.editie is not None):
                    per_kader[naam.kader.kader] = (naam.start, verwijzing)
            result += [v for _, v in sorted(per_kader.values(), key=lambda sv: sv[0])]
        if norm.endswith(":") and (regels.voor.search(norm) or (regels.lijst is not None and regels.lijst.search(norm))):
            # An intro that negates, waives or is another's ("… zijn niet van toepassing:") declares nothing.
            lijst = 0 if _intro_opgeheven(norm, regels) else _LIJST_MAX_ITEMS
        elif lijst:
            lijst = 0 if norm.endswith(".") else lijst - 1
    return result


def _intro_opgeheven(norm: str, regels: Verwijsregels) -> bool:
    """Whether a list's intro negates or waives its declaration, or lays it on another party."""
    ontkenning, ander = regels.ontkenning, regels.andere_actor
    return bool((ontkenning is not None and ontkenning.search(norm)) or (ander is not None and ander.match(norm)))


def _verwijzing(blok: Tekstblok, tekst: _Tekst, naam: _Naam, jaren: list[str], versies: list[str],
                editie_eind: int) -> KaderVerwijzing:
    kader = naam.kader
    if naam.jaar:
        jaren = [naam.jaar, *jaren]
    if naam.versie:
        versies = [naam.versie, *versies]
    if naam.andere_editie:
        editie: str | None = naam.andere_editie
        afwijkend = True
    else:
        editie = ", ".join(dict.fromkeys([*versies, *jaren])) or None
        genoemde_jaren = {int(j) for spec in jaren for j in re.findall(r"\d{4}", spec)}
        afwijkend = bool(genoemde_jaren - {kader.jaar}) or bool(
            kader.versie and any(v != kader.versie for v in versies)
        )
    return KaderVerwijzing(
        kader=kader.kader,
        tekst=_fragment(tekst, naam.start, editie_eind),
        locatie=_locatie_op(blok, tekst, naam.start),
        editie=editie,
        afwijkende_editie=afwijkend,
    )


# --- outdated references ---------------------------------------------------------------------------------

# Context that makes an old name historical rather than a reference: "de AVG (voorheen Wbp)", and
# compose's own currency warning ("Actualiteit: de bron noemt … Sinds …"), which flags it already.
_HISTORISCH_VOOR = _Lui(
    r"(?<!\w)(?:voorheen|voormalige?|vroegere?|destijds|oude|opvolger van|vervanger van|ter vervanging van|"
    r"vervangt|in plaats van|in de plaats (?:kwam|kwamen|is gekomen|trad|getreden) van|i\.?p\.?v\.?|afgeschafte|ingetrokken|(?:de bron|het kader|dit criterium) noemt)"
    r"(?!\w)\W*(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)
_HISTORISCH_NA = _Lui(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:vervallen|ingetrokken|(?:is|zijn|werd|werden) (?:per \S+ |in \d{4} |sinds \S+ )?"
    r"(?:vervangen|opgevolgd|opgeheven|afgeschaft|opgegaan)|inmiddels|(?:heet|heten) (?:sinds|inmiddels|tegenwoordig|nu))",
    re.IGNORECASE,
)

# The sentence tells history: the old name is what it was, not what applies ("sinds 1 januari 2015 is de
# AWBZ vervangen door …", "ontstaan uit de samenvoeging van …", "in de tijd van de AWBZ").
_HISTORISCH_ZIN = _Lui(
    r"(?<!\w)(?:(?:heeft|hebben) (?:\w+ ){0,8}?(?:vervangen|opgevolgd|afgeschaft|ingetrokken|opgeheven)|"
    r"(?:is|zijn|werd|werden|wordt) (?:\w+ ){0,5}?(?:vervangen|opgevolgd|opgeheven|afgeschaft|opgegaan|"
    r"samengevoegd|samengegaan|overgegaan|overgeheveld|ondergebracht|ingetrokken|vervallen)|in de plaats (?:kwam|kwamen|is gekomen|trad) van|"
    r"(?:heet|heten) (?:sinds|inmiddels|tegenwoordig)|vervangen door|opgegaan in|ontstaan uit|ontstond uit|"
    r"samenvoeging van|samengegaan|samengevoegd|bestaat (?:\w+ ){0,3}?niet meer|niet meer bestaat|bestaan niet meer|"
    r"met de komst van|sinds de invoering van|v[oó]{1,2}r de invoering van|in de tijd van|ten tijde van|destijds|vroeger|"
    r"voorheen|(?:tot|v[oó]{1,2}r|t/m|tot en met) (?:\d{1,2} \w+ )?(?:19|20)\d\d)(?!\w)",
    re.IGNORECASE,
)
# A finite verb in the past tense in the clause that names the old term ("Tot 2015 viel … onder de AWBZ",
# "De AVG, die de Wbp opvolgde, …").
_VERLEDEN_TIJD = _Lui(
    r"(?<!\w)(?:viel|vielen|was|waren|werd|werden|gold|golden|voerde|voerden|verving|vervingen|voldeed|voldeden|"
    r"hield|hielden|opvolgde|opvolgden|opging|opgingen|ontstond|ontstonden|had|hadden|kende|kenden|regelde|regelden|"
    r"bestond|bestonden|stond|stonden|verscheen|trad|traden|deed|deden|ging|gingen)(?!\w)",
    re.IGNORECASE,
)
_BIJZINSGRENS = _Lui(r"[,;:()]")

# compose's currency warning under a criterion: it names the old term on purpose (and is meant to be
# deleted by the inkoper); the criterion text itself is what gets flagged.
_COMPOSE_WAARSCHUWING = "Actualiteit: de bron noemt "

_Patronen = list[tuple[ActualiteitOnderwerp, re.Pattern[str]]]
_VEROUDERD_MEMO: dict[tuple[ActualiteitOnderwerp, ...], tuple[_Voorfilter | None, _Patronen]] = {}


def _verouderd_patronen(corpus: Corpus) -> tuple[_Voorfilter | None, _Patronen]:
    key = corpus.actualiteit
    if key not in _VEROUDERD_MEMO:
        # Onderwerpen without patronen (a kader's validity, where a law applies) are not detectable in text.
        per_onderwerp = [
            (onderwerp, re.compile(_patroon("|".join(f"(?:{p})" for p in onderwerp.patronen)), re.IGNORECASE))
            for onderwerp in corpus.actualiteit
            if onderwerp.patronen
        ]
        alle = [p for onderwerp, _ in per_onderwerp for p in onderwerp.patronen]
        letterbegin = all(re.match(r"[A-Za-zÀ-ÿ]", p) for p in alle)
        _VEROUDERD_MEMO[key] = (_Voorfilter(alle, letterbegin=letterbegin) if alle else None, per_onderwerp)
    return _VEROUDERD_MEMO[key]


def find_verouderd(concept: Concept, corpus: Corpus) -> list[VerouderdeVerwijzing]:
    """Outdated laws, bodies and editions the draft cites (patterns from `actualiteit.yaml`).

    Matching is case-insensitive on word boundaries, as the patterns intend; current law that merely
    resembles an old name (Wmcz 2018, Wet zorg en dwang, Inspectie Gezondheidszorg en Jeugd) is not
    matched by the patterns. One finding per onderwerp per sentence, in document order. A name in
    historical context ("voorheen", "is vervangen door") is not a finding.
    """
    return _verouderd(concept, corpus, _Doorzoekbaar.van(concept))


def _verouderd(concept: Concept, corpus: Corpus, draft: _Doorzoekbaar) -> list[VerouderdeVerwijzing]:
    prefilter, per_onderwerp = _verouderd_patronen(corpus)
    if prefilter is None:
        return []
    result: list[VerouderdeVerwijzing] = []
    normen = draft.normen
    for index in sorted(prefilter.kandidaten(draft)):
        blok = concept.blokken[index]
        if normen[index].startswith(_COMPOSE_WAARSCHUWING):
            continue
        tekst = _Tekst.van(blok.tekst)
        norm = tekst.norm
        gevonden: list[tuple[int, int, ActualiteitOnderwerp]] = []
        for onderwerp, patroon in per_onderwerp:
            # One finding per sentence; a sentence that names the old term historically anywhere
            # ("de AVG (voorheen Wet bescherming persoonsgegevens, Wbp)") has none.
            per_zin: dict[tuple[int, int], list[re.Match[str]]] = {}
            for m in patroon.finditer(norm):
                per_zin.setdefault(tekst.zin(m.start(), m.end()), []).append(m)
            for zin, matches in per_zin.items():
                if not any(_historisch(norm, m.start(), m.end(), zin, tekst.per_zin) for m in matches):
                    gevonden.append((matches[0].start(), matches[0].end(), onderwerp))
        for start, end, onderwerp in sorted(gevonden, key=lambda g: g[0]):
            result.append(
                VerouderdeVerwijzing(
                    onderwerp=onderwerp.id,
                    term=norm[start:end],
                    vervangen_door=onderwerp.vervangen_door,
                    sinds=onderwerp.sinds.isoformat(),
                    tekst=_fragment(tekst, start, end),
                    locatie=_locatie_op(blok, tekst, start),
                )
            )
    return result


def _historisch(norm: str, start: int, end: int, zin: tuple[int, int], cache: dict[Any, Any]) -> bool:
    """Is the term at [start, end) named historically? What concerns the whole sentence or clause is
    looked at once per sentence or clause (`cache`), not for every hit in it: that was quadratic."""
    voor = norm[max(zin[0], start - 40) : start]
    na = norm[end : min(zin[1], end + 60)]
    if _HISTORISCH_VOOR.search(voor) or _HISTORISCH_NA.search(na):
        return True
    if _eenmaal(cache, ("historisch", zin), lambda: bool(_HISTORISCH_ZIN.search(norm, zin[0], zin[1]))):
        return True
    # The clause around the term (between commas, parentheses …) in the past tense.
    grenzen = _posities(norm, _BIJZINSGRENS, zin, cache)
    i = bisect_left(grenzen, start)
    begin = grenzen[i - 1] + 1 if i else zin[0]
    j = bisect_left(grenzen, end)
    stop = grenzen[j] if j < len(grenzen) else zin[1]
    return _eenmaal(cache, ("verleden", begin, stop), lambda: bool(_VERLEDEN_TIJD.search(norm, begin, stop)))
