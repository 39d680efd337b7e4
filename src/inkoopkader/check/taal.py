"""Dutch text normalisation for matching criteria in tender drafts.

A tender writer copies a criterion and edits it: other actors ("De organisatie" -> "Opdrachtnemer"),
another tense ("toont aan" -> "tonen aan", "gemaakt" -> "maken"), plural, dropped emphasis and
punctuation. `Synoniemen.tokens` turns text into terms that survive such edits:

1. words are folded (lower case, no accents) — markup and punctuation disappear;
2. the light Dutch stemmer `inkoopkader.text.stam` (also used by search) removes inflection: plural -en/-s/-e, verb -t, the participle
   prefix ge-, and spelling alternations (geven/geeft -> gef, wijze/wijs -> wijs, organiseert/
   organiseren -> organiser). It only has to map forms of one word to one stem; the stems are never
   shown to anyone;
3. words and phrases from the synonym list (`data/check/synoniemen.yaml`) become their group's term
   (`#aanbieder`, `#client`); words that start with a group word marked `samenstellingen` are split
   ('cliëntervaringen' -> `#client` + 'ervaring');
4. stop words are marked, so callers can ignore them.

The synonym list is data: it is validated when loaded and a bad file raises `SynoniemenFout` with
file and line.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import cache
from ..errors import Bevinding, CorpusFout
from ..text import stam, strip_markup, vouw

__all__ = ["SynoniemenFout", "Synoniemen", "Token", "laad_synoniemen", "stam", "vouw"]

_WORD = re.compile(r"[^\W_]+")
_GROUP_PREFIX = "#"
_LINK_S_BEFORE = frozenset("aeioubdfgprv")
_CACHE_FORMAT = 3  # the cached Synoniemen's fields; raise when they change


class SynoniemenFout(CorpusFout):
    """The synonym list is invalid; holds every finding with file and line."""

    def __init__(self, bevindingen: list[Bevinding]) -> None:
        super().__init__(bevindingen)
        eerste = "\n".join(str(b) for b in self.bevindingen[:20])
        self.args = (f"De synoniemenlijst voor 'check' is ongeldig:\n{eerste}",)

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Token:
    """One term of a text: `term` is what is compared, `tekst` the words it came from."""

    term: str
    tekst: str
    stop: bool
    start: int  # character offset of the first word in the (markup-free) text


@dataclass
class Synoniemen:
    """The loaded synonym list: phrase index, compound heads, stop words and general words."""

    bron: str
    frasen: dict[str, list[tuple[tuple[str, ...], str | None]]] = field(default_factory=dict)
    koppen: list[tuple[str, str]] = field(default_factory=list)  # (folded head word, stem of head)
    stopwoorden: frozenset[str] = frozenset()
    algemeen: frozenset[str] = frozenset()
    termen: frozenset[str] = frozenset()  # group terms, with their prefix
    inhoud_hash: str = ""  # of the file it was loaded from ('' when built in code): a cache key
    _woordcache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _infocache: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict, repr=False)

    # --- building ---------------------------------------------------------------------------------

    @staticmethod
    def sleutel(phrase: str) -> tuple[str, ...]:
        """The stem sequence a phrase is indexed by."""
        return tuple(stam(vouw(w)) for w in _WORD.findall(strip_markup(phrase)))

    def _voeg_toe(self, phrase: tuple[str, ...], term: str | None) -> None:
        entries = self.frasen.setdefault(phrase[0], [])
        entries.append((phrase, term))
        entries.sort(key=lambda e: -len(e[0]))

    def enkel(self, stem: str) -> str | None:
        """The group term for a one-word variant, if the stem is one."""
        for phrase, term in self.frasen.get(stem, ()):
            if len(phrase) == 1:
                return term
        return None

    # --- using ------------------------------------------------------------------------------------

    def _woord(self, folded: str) -> tuple[str, ...]:
        """Stem(s) of one folded word; a compound with a group head splits in two."""
        cached = self._woordcache.get(folded)
        if cached is not None:
            return cached
        stem = stam(folded)
        result: tuple[str, ...] = (stem,)
        if stem not in self.frasen or self.enkel(stem) is None:
            for head, head_stem in self.koppen:
                if folded.startswith(head) and len(folded) - len(head) >= 4:
                    rest = folded[len(head) :]
                    # Linking -en-/-s- (cliëntenraad, inwonersparticipatie), but not the s of
                    # 'schap' or 'systeem'.
                    if rest.startswith("en") and len(rest) >= 6:
                        rest = rest[2:]
                    elif rest.startswith("s") and len(rest) >= 5 and rest[1] in _LINK_S_BEFORE:
                        rest = rest[1:]
                    result = (head_stem, stam(rest))
                    break
        self._woordcache[folded] = result
        return result

    def tokens(self, text: str) -> list[Token]:
        """Terms of a text, in order, with the words they came from (stop words marked)."""
        text = strip_markup(text)
        raw: list[tuple[str, str, int, bool]] = []  # stem, surface, offset, stop
        for match in _WORD.finditer(text):
            surface = match.group()
            folded = vouw(surface)
            stop = folded in self.stopwoorden or (len(folded) == 1 and not folded.isdigit())
            for stem in self._woord(folded):
                raw.append((stem, surface, match.start(), stop))
        result: list[Token] = []
        i, n = 0, len(raw)
        while i < n:
            stem = raw[i][0]
            entries = self.frasen.get(stem)
            if entries:
                for phrase, term in entries:
                    size = len(phrase)
                    if i + size <= n and all(raw[i + k][0] == phrase[k] for k in range(1, size)):
                        surface = text[raw[i][2] : raw[i + size - 1][2] + len(raw[i + size - 1][1])]
                        if term is None:  # a stop phrase
                            result.append(Token(stem, surface, True, raw[i][2]))
                        else:
                            result.append(Token(term, surface, False, raw[i][2]))
                        i += size
                        break
                else:
                    result.append(Token(stem, raw[i][1], raw[i][3], raw[i][2]))
                    i += 1
            else:
                result.append(Token(stem, raw[i][1], raw[i][3], raw[i][2]))
                i += 1
        return result

    def _info(self, surface: str) -> tuple[tuple[str, ...], bool]:
        """Stems of a word as written, and whether it is a stop word (cached: drafts repeat words)."""
        info = self._infocache.get(surface)
        if info is None:
            folded = vouw(surface)
            stop = folded in self.stopwoorden or (len(folded) == 1 and not folded.isdigit())
            info = (self._woord(folded), stop)
            self._infocache[surface] = info
        return info

    def termen_van(self, text: str) -> list[str]:
        """Only the content terms of a text (no stop words), in order.

        The same as the non-stop `tokens(text)` terms, without building Token objects: this is the
        hot path for every block of a long draft.
        """
        if "*" in text:
            text = strip_markup(text)
        stems: list[str] = []
        stops: list[bool] = []
        for surface in _WORD.findall(text):
            woord, stop = self._info(surface)
            for stem in woord:
                stems.append(stem)
                stops.append(stop)
        result: list[str] = []
        frasen = self.frasen
        i, n = 0, len(stems)
        while i < n:
            entries = frasen.get(stems[i])
            if entries:
                for phrase, term in entries:
                    size = len(phrase)
                    if i + size <= n and (size == 1 or tuple(stems[i : i + size]) == phrase):
                        if term is not None:
                            result.append(term)
                        i += size
                        break
                else:
                    if not stops[i]:
                        result.append(stems[i])
                    i += 1
            else:
                if not stops[i]:
                    result.append(stems[i])
                i += 1
        return result

    def is_algemeen(self, term: str) -> bool:
        return term in self.algemeen


# --- loading and validation -------------------------------------------------------------------------


def bundled_synoniemen() -> Path:
    """`data/check/synoniemen.yaml` next to the bundled corpus."""
    from ..corpus import bundled_data_dir

    return bundled_data_dir() / "check" / "synoniemen.yaml"


def laad_synoniemen(pad: str | os.PathLike[str] | None = None) -> Synoniemen:
    """Load and validate a synonym list (default: the bundled one). Cached per file version.

    Raises:
        SynoniemenFout: the file is missing, not YAML, or breaks the rules in its header comment.
    """
    path = Path(pad) if pad is not None else bundled_synoniemen()
    try:
        stat = path.stat()
    except OSError as exc:
        raise SynoniemenFout(
            [Bevinding(str(path), f"bestand kan niet worden gelezen: {exc.strerror}")]
        ) from None
    return _laad(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _laad(path: str, _mtime: int, _size: int) -> Synoniemen:
    naam = _weergave(Path(path))
    try:
        data = Path(path).read_bytes()
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SynoniemenFout(
            [Bevinding(naam, f"bestand is geen geldige UTF-8-tekst ({exc.reason})")]
        ) from None
    except OSError as exc:
        raise SynoniemenFout([Bevinding(naam, f"bestand kan niet worden gelezen: {exc.strerror}")]) from None
    # The validated list is cached like the corpus (keyed by content), so that a CI run of `check`
    # does not pay for importing and running the YAML parser.
    key = hashlib.sha256(b"%d\0" % _CACHE_FORMAT + data + naam.encode()).hexdigest()[:32]
    cached = cache.lees("synoniemen", key)
    if isinstance(cached, Synoniemen):
        return cached
    syn = _parse(text, naam)
    syn.inhoud_hash = key
    cache.schrijf("synoniemen", key, syn)
    return syn


def _parse(text: str, naam: str) -> Synoniemen:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise SynoniemenFout(
            [
                Bevinding(
                    naam, f"ongeldige YAML: {exc.problem or exc.context}", mark.line + 1 if mark else None
                )
            ]
        ) from None
    except YAMLError as exc:
        raise SynoniemenFout([Bevinding(naam, f"ongeldige YAML: {exc}")]) from None
    return _bouw(data, naam)


def _weergave(path: Path) -> str:
    from ..corpus import _display

    return _display(path)


def _regel(node: Any, key: Any) -> int | None:
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if isinstance(node, dict):
            return int(lc.key(key)[0]) + 1
        return int(lc.item(key)[0]) + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return int(lc.line) + 1 if hasattr(lc, "line") else None


def _tekstlijst(
    node: Any, parent: Any, key: Any, naam: str, wat: str, fouten: list[Bevinding]
) -> list[tuple[str, int | None]]:
    """A list of non-empty strings, each with its line; findings for anything else."""
    if not isinstance(node, list) or not node:
        fouten.append(
            Bevinding(naam, f"'{wat}' moet een niet-lege lijst van woorden zijn", _regel(parent, key))
        )
        return []
    result = []
    for index, value in enumerate(node):
        line = _regel(node, index)
        if not isinstance(value, str) or not value.strip():
            fouten.append(Bevinding(naam, f"'{wat}': item {index + 1} is geen woord maar {value!r}", line))
        elif not _WORD.search(strip_markup(value)):
            fouten.append(Bevinding(naam, f"'{wat}': '{value}' bevat geen letters of cijfers", line))
        else:
            result.append((value.strip(), line))
    return result


def _bouw(data: Any, naam: str) -> Synoniemen:
    fouten: list[Bevinding] = []
    if not isinstance(data, dict):
        raise SynoniemenFout(
            [Bevinding(naam, "verwacht een mapping met 'groepen', 'stopwoorden' en 'algemeen'")]
        )
    bekend = {"versie", "groepen", "stopwoorden", "algemeen"}
    for key in data:
        if key not in bekend:
            fouten.append(
                Bevinding(
                    naam, f"onbekend veld '{key}' (bekend: {', '.join(sorted(bekend))})", _regel(data, key)
                )
            )
    versie = data.get("versie", 1)
    if versie != 1:
        fouten.append(
            Bevinding(
                naam, f"onbekende versie {versie!r}; deze inkoopkader kent versie 1", _regel(data, "versie")
            )
        )

    syn = Synoniemen(bron=naam)
    gezien: dict[tuple[str, ...], tuple[str, int | None]] = {}  # phrase -> (owner, line)
    termen: dict[str, str] = {}  # term name -> prefixed term

    groepen = data.get("groepen")
    if not isinstance(groepen, list):
        fouten.append(Bevinding(naam, "'groepen' moet een lijst zijn", _regel(data, "groepen")))
        groepen = []
    for index, groep in enumerate(groepen):
        line = _regel(groepen, index)
        if not isinstance(groep, dict):
            fouten.append(
                Bevinding(naam, f"groep {index + 1} moet een mapping met 'term' en 'varianten' zijn", line)
            )
            continue
        for key in groep:
            if key not in ("term", "varianten", "samenstellingen"):
                fouten.append(
                    Bevinding(
                        naam,
                        f"groep {index + 1}: onbekend veld '{key}' (bekend: term, varianten, "
                        "samenstellingen)",
                        _regel(groep, key),
                    )
                )
        term = groep.get("term")
        if not isinstance(term, str) or not re.fullmatch(r"[a-z0-9_]+", term or ""):
            fouten.append(
                Bevinding(
                    naam,
                    f"groep {index + 1}: 'term' moet een naam van kleine letters, cijfers of _ zijn, "
                    f"niet {term!r}",
                    _regel(groep, "term") or line,
                )
            )
            continue
        if term in termen:
            fouten.append(
                Bevinding(naam, f"term '{term}' staat twee keer in 'groepen'", _regel(groep, "term"))
            )
            continue
        prefixed = _GROUP_PREFIX + term
        termen[term] = prefixed
        compound = groep.get("samenstellingen", False)
        if not isinstance(compound, bool):
            fouten.append(
                Bevinding(
                    naam,
                    f"groep '{term}': 'samenstellingen' moet true of false zijn, niet {compound!r}",
                    _regel(groep, "samenstellingen"),
                )
            )
            compound = False
        for variant, vline in _tekstlijst(
            groep.get("varianten"), groep, "varianten", naam, f"{term}: varianten", fouten
        ):
            phrase = Synoniemen.sleutel(variant)
            if phrase in gezien:
                owner, oline = gezien[phrase]
                if owner != term:
                    waar = f" (regel {oline})" if oline else ""
                    fouten.append(
                        Bevinding(
                            naam,
                            f"'{variant}' staat in groep '{term}' én in '{owner}'{waar}; "
                            "een woord hoort in één groep",
                            vline,
                        )
                    )
                continue
            gezien[phrase] = (term, vline)
            syn._voeg_toe(phrase, prefixed)
            if compound and len(phrase) == 1:
                syn.koppen.append((vouw(variant.lower()), phrase[0]))

    stop: set[str] = set()
    if "stopwoorden" in data:
        for woord, vline in _tekstlijst(
            data["stopwoorden"], data, "stopwoorden", naam, "stopwoorden", fouten
        ):
            phrase = Synoniemen.sleutel(woord)
            if phrase in gezien:
                owner, _ = gezien[phrase]
                if owner == "stopwoorden":
                    continue  # another spelling of the same stop phrase
                fouten.append(
                    Bevinding(
                        naam, f"stopwoord '{woord}' staat ook in groep '{owner}'; kies één van beide", vline
                    )
                )
                continue
            if len(phrase) == 1:
                stop.add(vouw(woord.lower()))
            else:
                gezien[phrase] = ("stopwoorden", vline)
                syn._voeg_toe(phrase, None)

    algemeen: set[str] = set()
    if "algemeen" in data:
        for woord, vline in _tekstlijst(data["algemeen"], data, "algemeen", naam, "algemeen", fouten):
            if woord in termen:
                algemeen.add(termen[woord])
                continue
            phrase = Synoniemen.sleutel(woord)
            if vouw(woord.lower()) in stop:
                fouten.append(Bevinding(naam, f"'{woord}' staat in 'algemeen' én in 'stopwoorden'", vline))
                continue
            if len(phrase) != 1:
                fouten.append(
                    Bevinding(naam, f"'algemeen' bevat losse woorden, geen woordgroep: '{woord}'", vline)
                )
                continue
            algemeen.add(syn.enkel(phrase[0]) or phrase[0])

    if fouten:
        raise SynoniemenFout(fouten)
    syn.koppen.sort(key=lambda k: -len(k[0]))  # longest head first: 'ondersteuningsvrager' before 'vrager'
    syn.stopwoorden = frozenset(stop)
    syn.algemeen = frozenset(algemeen)
    syn.termen = frozenset(termen.values())
    return syn


def stemmen(words: Iterable[str]) -> list[str]:
    """Stems of folded words (for tests and tools)."""
    return [stam(vouw(w)) for w in words]
