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
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress
from pathlib import Path
from typing import Any, NamedTuple

from .. import cache
from ..errors import Bevinding, CorpusFout, bestandsnaam
from ..text import fold_word, stam, strip_markup

__all__ = ["Polariteit", "SynoniemenFout", "Synoniemen", "Token", "fold_word", "load_synoniemen", "stam"]

_WORD = re.compile(r"[^\W_]+")
_GROUP_PREFIX = "#"
_LINK_S_BEFORE = frozenset("aeioubdfgprv")
_CACHE_FORMAT = 8  # the cached Synoniemen's fields; raise when they change


class SynoniemenFout(CorpusFout):
    """The synonym list is invalid; holds every finding with file and line."""

    onderwerp = "De synoniemenlijst voor 'check'"


class Token(NamedTuple):
    """One term of a text: `term` is what is compared, `tekst` the words it came from.

    A named tuple rather than a dataclass: the detailed tokens of every evidence sentence are made
    on each run, and a tuple is made in half the time.
    """

    term: str
    tekst: str
    stop: bool
    start: int  # character offset of the first word in the (markup-free) text


Frase = tuple[str, ...]  # the stems of a word group, as `Synoniemen.sleutel` gives them


@dataclass(frozen=True)
class Polariteit:
    """When a copied criterion is not required after all (section `polariteit` of the synonym list).

    Every entry is a word group as stems (`Synoniemen.sleutel`); see the file's header for what each
    list means. Used by `inkoopkader.check.polariteit`.
    """

    ontkenning: frozenset[str] = frozenset()
    geen_ontkenning: tuple[Frase, ...] = ()
    voorwaarden: tuple[Frase, ...] = ()
    verplichting: tuple[Frase, ...] = ()
    kwijtschelding: tuple[Frase, ...] = ()
    terugverwijzing: tuple[Frase, ...] = ()
    eigen_actoren: tuple[Frase, ...] = ()
    andere_actoren: tuple[Frase, ...] = ()
    voorzetsels: tuple[Frase, ...] = ()
    handelend: tuple[Frase, ...] = ()
    opdrachtgevend: tuple[Frase, ...] = ()
    bepalers: frozenset[str] = frozenset()
    gebiedend: frozenset[str] = frozenset()


_POLARITEIT_LIJSTEN = ("ontkenning", "geen_ontkenning", "voorwaarden", "verplichting", "kwijtschelding",
                       "terugverwijzing", "voorzetsels", "handelend", "opdrachtgevend", "bepalers", "gebiedend")


@dataclass
class Synoniemen:
    """The loaded synonym list: phrase index, compound heads, stop words and general words."""

    bron: str
    frasen: dict[str, list[tuple[tuple[str, ...], str | None]]] = field(default_factory=dict)
    koppen: list[tuple[str, str]] = field(default_factory=list)  # (folded head word, stem of head)
    stopwoorden: frozenset[str] = frozenset()
    algemeen: frozenset[str] = frozenset()
    polariteit: Polariteit = field(default_factory=Polariteit)
    inhoud_hash: str = ""  # of the file it was loaded from ('' when built in code): a cache key
    # Word-level caches, filled on use (the list itself does not change after loading): the stems of
    # a word; the words of a white-space separated piece; a word's own term ('' for none); the words
    # whose neighbours may change that (phrase starts, compounds) and the second stems they need.
    _woordcache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    _infocache: dict[str, tuple[tuple[str, ...], bool]] = field(default_factory=dict, repr=False, compare=False)
    _stukcache: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    _uitvoer: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _samengesteld: set[str] = field(default_factory=set, repr=False, compare=False)
    _vervolg: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    _meerwoordcache: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)
    _kopwoorden: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    # --- building ---------------------------------------------------------------------------------

    @staticmethod
    def sleutel(phrase: str) -> tuple[str, ...]:
        """The stem sequence a phrase is indexed by."""
        return tuple(stam(fold_word(w)) for w in _WORD.findall(strip_markup(phrase)))

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
        if self._kopwoorden is None:
            self._kopwoorden = tuple(head for head, _ in self.koppen)
        # startswith(tuple) first: most words start with no head at all.
        if folded.startswith(self._kopwoorden) and (stem not in self.frasen or self.enkel(stem) is None):
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
        infocache = self._infocache
        for match in _WORD.finditer(text):
            surface = match.group()
            stems, stop = infocache.get(surface) or self._info(surface)
            for stem in stems:
                raw.append((stem, surface, match.start(), stop))
        result: list[Token] = []
        i, n = 0, len(raw)
        while i < n:
            stem = raw[i][0]
            for phrase, term in self.frasen.get(stem, ()):
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
        return result

    def _info(self, surface: str) -> tuple[tuple[str, ...], bool]:
        """Stems of a word as written, and whether it is a stop word (cached: drafts repeat words)."""
        info = self._infocache.get(surface)
        if info is None:
            folded = fold_word(surface)
            stop = folded in self.stopwoorden or (len(folded) == 1 and not folded.isdigit())
            info = (self._woord(folded), stop)
            self._infocache[surface] = info
        return info

    def termen_van(self, text: str) -> list[str]:
        """Only the content terms of a text (no stop words), in order.

        The same as the non-stop `tokens(text)` terms, without building Token objects: this is the
        hot path for every block of a long draft. Most words' terms do not depend on their
        neighbours, so each distinct word is analysed once and the text becomes a C-level map over
        a word -> term table. Only words that may start a multi-word phrase ('de', 'in', 'op' …)
        or that split into two stems go through the sequential phrase matcher.
        """
        if "*" in text:
            text = strip_markup(text)
        woorden = self._woorden(text)
        uitvoer = self._uitvoer
        termen = list(map(uitvoer.get, woorden))
        if None in termen:
            for woord in woorden:
                if woord not in uitvoer:
                    self._leer(woord)
            termen = list(map(uitvoer.__getitem__, woorden))
        samengesteld = self._samengesteld
        if samengesteld.isdisjoint(woorden):
            return list(filter(None, termen))
        result: list[str] = []
        verder = 0  # the next word whose own term still has to be added
        n = len(woorden)
        vervolg = self._vervolg
        info = self._infocache  # every word of the text is in it by now
        for positie in compress(range(n), map(samengesteld.__contains__, woorden)):
            if positie < verder:
                continue  # taken by a phrase
            if positie > verder:
                result.extend(filter(None, termen[verder:positie]))
            # Usually the next word rules out every longer phrase: then this word stands on its own.
            tweede = vervolg.get(woorden[positie])
            if tweede is not None and (positie + 1 == n or info[woorden[positie + 1]][0][0] not in tweede):
                if termen[positie]:
                    result.append(termen[positie])
                verder = positie + 1
            else:
                verder = self._frase_bij(woorden, positie, result)
        result.extend(filter(None, termen[verder:]))
        return result

    def _woorden(self, text: str) -> list[str]:
        """`_WORD.findall(text)`, but about three times faster on a long draft.

        No word contains white space, so the words of a text are those of its white-space separated
        pieces; a piece ('cliënt,' '(zie') recurs, and its words are looked up instead of matched.
        """
        stukken = text.split()
        cache = self._stukcache
        per_stuk = list(map(cache.get, stukken))
        if None in per_stuk:
            for stuk in stukken:
                if stuk not in cache:
                    cache[stuk] = tuple(_WORD.findall(stuk))
            per_stuk = list(map(cache.__getitem__, stukken))
        return list(chain.from_iterable(per_stuk))

    def _leer(self, surface: str) -> None:
        """Record a word's own term ('' for none) and whether its neighbours can change that."""
        stems, stop = self._info(surface)
        if len(stems) > 1:
            self._samengesteld.add(surface)  # a compound: a phrase may start at its second stem
            self._uitvoer[surface] = ""
            return
        tweede = self._meerwoordig.get(stems[0])
        if tweede is not None:
            self._samengesteld.add(surface)
            self._vervolg[surface] = tweede
        self._uitvoer[surface] = self._eigen_term(stems[0], stop)

    def _eigen_term(self, stem: str, stop: bool) -> str:
        """What the sequential matcher gives for a single-stem word when no longer phrase matches."""
        for phrase, term in self.frasen.get(stem, ()):
            if len(phrase) == 1:
                return term or ""
        return "" if stop else stem

    @property
    def _meerwoordig(self) -> dict[str, frozenset[str]]:
        """First stem of each multi-word phrase -> the second stems it can continue with."""
        tabel = self._meerwoordcache
        if tabel is None:
            verzameld: dict[str, set[str]] = {}
            for eerste, entries in self.frasen.items():
                for phrase, _term in entries:
                    if len(phrase) > 1:
                        verzameld.setdefault(eerste, set()).add(phrase[1])
            tabel = self._meerwoordcache = {k: frozenset(v) for k, v in verzameld.items()}
        return tabel

    def _frase_bij(self, woorden: list[str], positie: int, result: list[str]) -> int:
        """Add the terms of the word at `positie` (and of a phrase it starts); return the next word.

        Runs the sequential matcher of `tokens` over this word's stems, reading following words as
        far as a phrase needs them; it stops at the first word boundary after `positie`, since the
        caller handles every later word (from its own term, or by calling this again).
        """
        n = len(woorden)
        vlak: list[tuple[str, bool]] = []  # the stems of words positie, positie+1, … with their stop flag
        woord_van: list[int] = []  # the word each flat stem comes from
        volgende = positie  # the first word not yet in `vlak`

        def read_until(lengte: int) -> None:
            nonlocal volgende
            while len(vlak) < lengte and volgende < n:
                v_stems, v_stop = self._info(woorden[volgende])
                vlak.extend((stem, v_stop) for stem in v_stems)
                woord_van.extend([volgende] * len(v_stems))
                volgende += 1

        i = 0
        read_until(1)
        # Go on while i is inside a word that was (partly) taken already: this word, or a
        # compound whose first stem ended a phrase.
        while i < len(vlak) and (i == 0 or woord_van[i] == woord_van[i - 1]):
            stem, is_stop = vlak[i]
            for phrase, term in self.frasen.get(stem, ()):
                size = len(phrase)
                read_until(i + size)
                if i + size <= len(vlak) and all(vlak[i + k][0] == phrase[k] for k in range(1, size)):
                    if term is not None:
                        result.append(term)
                    i += size
                    break
            else:
                if not is_stop:
                    result.append(stem)
                i += 1
            read_until(i + 1)
        return woord_van[i] if i < len(vlak) else volgende

    def is_algemeen(self, term: str) -> bool:
        return term in self.algemeen


# --- loading and validation -------------------------------------------------------------------------


def bundled_synoniemen() -> Path:
    """`data/check/synoniemen.yaml` next to the bundled corpus."""
    from ..corpus import bundled_data_dir

    return bundled_data_dir() / "check" / "synoniemen.yaml"


def load_synoniemen(pad: str | os.PathLike[str] | None = None) -> Synoniemen:
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
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int, _size: int) -> Synoniemen:
    naam = bestandsnaam(Path(path))
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
    cached = cache.read("synoniemen", key)
    if isinstance(cached, Synoniemen):
        return cached
    syn = _parse(text, naam)
    syn.inhoud_hash = key
    cache.write("synoniemen", key, syn)
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
    return _build(data, naam)


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


def _build(data: Any, naam: str) -> Synoniemen:
    fouten: list[Bevinding] = []
    if not isinstance(data, dict):
        raise SynoniemenFout(
            [Bevinding(naam, "verwacht een mapping met 'groepen', 'stopwoorden' en 'algemeen'")]
        )
    bekend = {"versie", "groepen", "stopwoorden", "algemeen", "polariteit"}
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
                syn.koppen.append((fold_word(variant.lower()), phrase[0]))

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
                stop.add(fold_word(woord.lower()))
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
            if fold_word(woord.lower()) in stop:
                fouten.append(Bevinding(naam, f"'{woord}' staat in 'algemeen' én in 'stopwoorden'", vline))
                continue
            if len(phrase) != 1:
                fouten.append(
                    Bevinding(naam, f"'algemeen' bevat losse woorden, geen woordgroep: '{woord}'", vline)
                )
                continue
            algemeen.add(syn.enkel(phrase[0]) or phrase[0])

    if "polariteit" in data:
        syn.polariteit = _polariteit(data["polariteit"], data, naam, fouten)

    if fouten:
        raise SynoniemenFout(fouten)
    syn.koppen.sort(key=lambda k: -len(k[0]))  # longest head first: 'ondersteuningsvrager' before 'vrager'
    syn.stopwoorden = frozenset(stop)
    syn.algemeen = frozenset(algemeen)
    return syn


def _polariteit(node: Any, parent: Any, naam: str, fouten: list[Bevinding]) -> Polariteit:
    """The `polariteit` section: lists of words and word groups, and `actoren` with `eigen` and `ander`."""
    if not isinstance(node, dict):
        fouten.append(Bevinding(naam, "'polariteit' moet een mapping van lijsten zijn", _regel(parent, "polariteit")))
        return Polariteit()
    bekend = (*_POLARITEIT_LIJSTEN, "actoren")
    for key in node:
        if key not in bekend:
            fouten.append(Bevinding(naam, f"polariteit: onbekend veld '{key}' (bekend: {', '.join(sorted(bekend))})",
                                    _regel(node, key)))

    def lijst(owner: Any, key: str, wat: str) -> tuple[Frase, ...]:
        if key not in owner:
            fouten.append(Bevinding(naam, f"'{wat}' ontbreekt", _regel(parent, "polariteit")))
            return ()
        frasen = [Synoniemen.sleutel(w) for w, _ in _tekstlijst(owner[key], owner, key, naam, wat, fouten)]
        return tuple(sorted(dict.fromkeys(frasen), key=len, reverse=True))  # longest first

    velden: dict[str, Any] = {key: lijst(node, key, f"polariteit.{key}") for key in _POLARITEIT_LIJSTEN}
    for key in ("ontkenning", "bepalers", "gebiedend"):
        losse = [f for f in velden[key] if len(f) != 1]
        if losse:
            fouten.append(Bevinding(naam, f"'polariteit.{key}' bevat losse woorden, geen woordgroep: "
                                          f"'{' '.join(losse[0])}'", _regel(node, key)))
        velden[key] = frozenset(f[0] for f in velden[key] if len(f) == 1)
    actoren = node.get("actoren")
    if not isinstance(actoren, dict) or set(actoren) != {"eigen", "ander"}:
        fouten.append(Bevinding(naam, "'polariteit.actoren' moet precies 'eigen' en 'ander' bevatten",
                                _regel(node, "actoren")))
        return Polariteit(**velden)
    eigen = lijst(actoren, "eigen", "polariteit.actoren.eigen")
    ander = lijst(actoren, "ander", "polariteit.actoren.ander")
    dubbel = set(eigen) & set(ander)
    if dubbel:
        fouten.append(Bevinding(naam, f"'{' '.join(sorted(dubbel)[0])}' staat in actoren.eigen én in actoren.ander",
                                _regel(node, "actoren")))
    return Polariteit(**velden, eigen_actoren=eigen, andere_actoren=ander)


def __getattr__(naam: str) -> object:
    """Old names of renamed functions, for one release (with a DeprecationWarning)."""
    from ..verouderd import alias

    return alias(__name__, naam, {"laad_synoniemen": load_synoniemen, "vouw": fold_word})
