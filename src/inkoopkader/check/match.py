"""Matching: which selected criteria a tender draft contains, as written or edited, and which it lacks.

    >>> resultaten = match_criteria(concept, selectie.keuzes)          # doctest: +SKIP
    >>> [(r.criterium.id, r.status.value, r.score) for r in resultaten]

How a criterion is found, in this order:

1. **Anchors.** A block that carries the criterion's compose bookmark (`Tekstblok.ankers`) is its
   place, however much the text was edited. The text there is compared with the source: status
   `gedekt` when it still says the same, otherwise `gewijzigd` with what differs.
2. **Text.** Every other criterion is looked for in the text. A criterion is split into units — the
   sentences of its text, its sub-items and follow-up paragraphs — and every text (criterion and
   draft) is normalised by `inkoopkader.check.taal`: folded, stemmed, synonyms such as
   "Opdrachtnemer"/"de organisatie" or "inwoner"/"cliënt" made equal, stop words left out. Words
   weigh by how rare they are among the criteria (idf); words every care tender uses ("zorg",
   "cliënt", the `algemeen` list in the synonym file) weigh little, words in parentheses weigh less
   (tender writers drop parentheticals).

   Candidates come from an inverted index over the draft's terms: the blocks sharing the most rare
   terms with a criterion. Around each candidate a window of neighbouring blocks is scored: each unit
   takes the block — or run of up to four consecutive blocks, for a criterion split over a list —
   that covers most of its weight. The best window is the evidence. Two criteria merged into one
   paragraph are both found, because a block may serve several criteria.

   Precision: a criterion counts as found only when the evidence covers enough of its weight
   (`DREMPEL_GEVONDEN`; down to `DREMPEL_PARAFRASE` for a paraphrase, or one substantial unit almost
   word for word for a truncation), enough distinctive (non-general) weight, and when the evidence
   sentences are mostly about the criterion rather than holding its words scattered through text
   about something else. So prices, invoicing or a tender for something else do not match on
   "organisatie", "cliënt" and "zorg". Criteria of a few words ("Openheid", "Gaat erop af") are
   accepted only as a block that says just that, next to other found criteria (a list of
   competences, not a stray heading); criteria of one short sentence need a block of their own or
   found neighbours. When two criteria compete for the same text (near-duplicates in the corpus), the
   better match keeps it and the other needs distinctive evidence of its own.

Scores are 0-100: the share of the criterion's weight the evidence covers, less the share of words the
draft inserted within the matched sentences. `gedekt` needs `DREMPEL_GEDEKT` and every substantial
unit (sentence, item) present; anything found below that is `gewijzigd`, with `verschil` listing the
missing units, the missing words and the inserted words.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from pathlib import Path

from .. import cache
from ..model import Corpus, Criterium, Inkoopgebruik, Item, NotitieSoort
from ..select import Keuze
from ..text import fold_word, stam, strip_markup
from .model import Bewijs, Concept, CriteriumResultaat, Status, Tekstblok
from .polariteit import analyseer, is_gebiedend, terugverwijzing
from .taal import Polariteit, Synoniemen, Token, load_synoniemen

__all__ = ["DREMPEL_GEDEKT", "DREMPEL_GEVONDEN", "DREMPEL_PARAFRASE", "match_criteria"]

DREMPEL_GEVONDEN = 65.0  # score (share of weight covered) at which a criterion counts as found
DREMPEL_PARAFRASE = 50.0  # lower scores count only when the evidence is mostly about the criterion
DREMPEL_GEDEKT = 85.0  # minimum score for 'gedekt' (as in the source, after normalisation)
MIN_ONDERSCHEIDEND = 8.0  # minimum distinctive (non-general) weight the evidence must share

_GEWICHT_ALGEMEEN = 0.25
_STRAF_TOEGEVOEGD = 1.0  # how much words inserted within the criterion's sentences lower its score
_GEWICHT_HAAKJES = 0.3
_MAX_SONDES = 16  # rare terms per criterion used to retrieve candidates
_MAX_KANDIDATEN = 8  # candidate blocks per criterion
MIDDEL_ONDERSCHEIDEND = 14.0  # below this a match also needs a block of its own or found neighbours
_MAX_RUN = 4  # consecutive blocks one unit may spread over (a criterion split over a list)
_ZIN_WOORDEN = 7  # a short criterion of this many words, copied as a block of its own, needs no neighbours
_CONTEXT = 15  # blocks around a short criterion in which other found criteria must be
# Part of a note copied (`_gevonden`): sentences covered at least this well, together at least this
# share of the note's weight, in evidence at least this much about the note.
_DEEL_DEKKING = 0.6
_DEEL_GEWICHT = 0.25
_DEEL_ZUIVER = 0.6
_MIN_TOELICHTING = 25  # words a note needs to count as a criterion's operational text (`_varianten`)
# List markers, and the requirement numbers compose prints before a requirement (M3, U12, K1, T4 …).
_LIJSTTEKEN = re.compile(
    r"^\s*(?:[-*+•·◦▪–—]|\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z][.)]|[GMUKTCSVAP]\d{1,3})\s+"
)
_ZIN = re.compile(r"(?<=[.!?;])\s+(?=\S)")
_BEWIJSREGEL = "Bewijs: "  # framing.bewijs_tekst under a requirement in a composed document
_HAAKJES = re.compile(r"\([^()]*\)")
# Criterion IDs (compose prints them next to each criterion) are markers, not content.
_ID = re.compile(r"\b[a-z]{2,5}-\d{2,3}[a-z]?\b", re.IGNORECASE)
_ID_TEKEN = re.compile(r"-\d")  # what every match of _ID contains
_ZINSDEEL = re.compile(r"(?<=[.!?;])\s+(?=\S)|\s*[·›|\n]+\s*")
_NEVENSCHIKKING = re.compile(r",|\s(?:en|of|maar)\s", re.IGNORECASE)  # clauses of a merged sentence
_SEGMENT = re.compile(r"[.;:!?·|›»\n]+")


# --- the criterion side -------------------------------------------------------------------------------


@dataclass
class _Eenheid:
    """A sentence of a criterion's text, one of its items or a follow-up paragraph."""

    soort: str  # "tekst" | "onderdeel" | "vervolg"
    tekst: str
    gewichten: dict[str, float]
    totaal: float
    # `gewichten` as two tuples in the same order, for the C-level sum in `_dekking`.
    termen: tuple[str, ...] = field(init=False, repr=False)
    waarden: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.termen = tuple(self.gewichten)
        self.waarden = tuple(self.gewichten.values())


@dataclass(frozen=True)
class _Analyse:
    """A criterion prepared for matching: its units and term weights (the same for every draft)."""

    eenheden: tuple[_Eenheid, ...]
    gewichten: dict[str, float]  # every term of the criterion, max weight over its units
    totaal: float
    onderscheidend: float  # weight of the non-general terms
    sondes: tuple[str, ...]


@dataclass
class _Crit:
    keuze: Keuze
    eenheden: Sequence[_Eenheid]
    gewichten: dict[str, float]  # every term of the criterion, max weight over its units
    totaal: float
    onderscheidend: float  # weight of the non-general terms
    sondes: Sequence[str]
    vorm: str = "bron"  # which wording of the criterion this is: see `_varianten`

    @classmethod
    def van(cls, keuze: Keuze, analyse: _Analyse, vorm: str = "bron") -> _Crit:
        return cls(keuze, analyse.eenheden, analyse.gewichten, analyse.totaal, analyse.onderscheidend, analyse.sondes,
                   vorm)

    @property
    def kort(self) -> bool:
        """Too little distinctive text to be recognised on its words alone ('Openheid')."""
        return self.onderscheidend < MIN_ONDERSCHEIDEND or len(self.sondes) < 2

    @property
    def middel(self) -> bool:
        """Short enough that common phrases could imitate it ('De eigen kracht ... wordt versterkt')."""
        return not self.kort and (self.onderscheidend < MIDDEL_ONDERSCHEIDEND or len(self.sondes) < 4)


@dataclass
class _Treffer:
    """The best evidence for one criterion in one window of blocks."""

    score: float
    dekking: float  # weighted share of the criterion covered, 0-1
    eenheid_dekking: list[float]
    eenheid_blokken: list[tuple[int, ...]]
    gevonden: set[str]  # criterion terms present in the evidence
    onderscheidend: float  # distinctive weight of `gevonden`
    via_anker: bool = False
    toegevoegd: list[str] = field(default_factory=list)

    @property
    def blokken(self) -> list[int]:
        seen: dict[int, None] = {}
        for index, (run, cov) in enumerate(zip(self.eenheid_blokken, self.eenheid_dekking)):
            # A unit that is mostly missing does not make its best block evidence (an anchor does).
            if cov >= 0.3 or (self.via_anker and index == 0):
                for b in run:
                    seen[b] = None
        return sorted(seen)


def _zonder_lijstteken(tekst: str) -> str:
    return _LIJSTTEKEN.sub("", tekst, count=1)


def _inhoud(tekst: str) -> str:
    """A draft block's text without list marker and criterion IDs."""
    tekst = _zonder_lijstteken(tekst)
    # An ID has a hyphen before a digit; most blocks have none, and the ID regex is slow on long text.
    return _ID.sub(" ", tekst) if _ID_TEKEN.search(tekst) else tekst


def _item_teksten(items: Iterable[Item]) -> Iterable[str]:
    for item in items:
        for sub in item.walk():
            yield sub.tekst


def _zinnen(tekst: str) -> list[str]:
    """Sentences; a very short one is joined to the previous one."""
    parts = [p.strip() for p in _ZIN.split(tekst) if p.strip()]
    result: list[str] = []
    for part in parts:
        if result and len(part.split()) < 4:
            result[-1] = f"{result[-1]} {part}"
        else:
            result.append(part)
    return result


class _Weger:
    """Term weights: idf over the criteria of the kaders involved, general words and parentheses lighter."""

    def __init__(self, syn: Synoniemen, n: int, df: dict[str, int]) -> None:
        self.syn = syn
        self.n = max(n, 1)
        self.df = df
        self.onbekend = math.log(1 + self.n)  # a term no criterion uses: as rare as can be

    @classmethod
    def over(cls, syn: Synoniemen, criteria: Iterable[Criterium]) -> _Weger:
        """Document frequencies over these criteria."""
        df: dict[str, int] = defaultdict(int)
        n = 0
        for crit in criteria:
            n += 1
            teksten = [crit.tekst, *_item_teksten(crit.items), *crit.vervolg]
            for term in {t for tekst in teksten for t in syn.termen_van(_zonder_lijstteken(tekst))}:
                df[term] += 1
        return cls(syn, n, dict(df))

    def idf(self, term: str) -> float:
        df = self.df.get(term)
        if df is None:
            return self.onbekend
        return math.log(1 + self.n / (1 + df))

    def gewicht(self, term: str) -> float:
        w = self.idf(term)
        return w * _GEWICHT_ALGEMEEN if self.syn.is_algemeen(term) else w

    def eenheid(self, soort: str, tekst: str) -> _Eenheid | None:
        tekst = _zonder_lijstteken(strip_markup(tekst)).strip()
        gewichten: dict[str, float] = {}
        if "(" in tekst:
            haakjes = [(m.start(), m.end()) for m in _HAAKJES.finditer(tekst)]
            for token in self.syn.tokens(tekst):
                if token.stop:
                    continue
                w = self.gewicht(token.term)
                if any(a <= token.start < b for a, b in haakjes):
                    w *= _GEWICHT_HAAKJES
                gewichten[token.term] = max(gewichten.get(token.term, 0.0), w)
        else:
            for term in self.syn.termen_van(tekst):
                if term not in gewichten:
                    gewichten[term] = self.gewicht(term)
        if not gewichten:
            return None
        return _Eenheid(soort, tekst, gewichten, sum(gewichten.values()))

    def analyse(self, crit: Criterium) -> _Analyse | None:
        """The criterion's units, weights and probe terms; None when it has no content words."""
        eenheden = [e for z in _zinnen(strip_markup(crit.tekst)) if (e := self.eenheid("tekst", z))]
        eenheden += [e for t in _item_teksten(crit.items) if (e := self.eenheid("onderdeel", t))]
        eenheden += [e for t in crit.vervolg if (e := self.eenheid("vervolg", t))]
        if not eenheden:
            return None
        gewichten: dict[str, float] = {}
        for e in eenheden:
            for term, w in e.gewichten.items():
                gewichten[term] = max(gewichten.get(term, 0.0), w)
        onderscheidend = sum(w for t, w in gewichten.items() if not self.syn.is_algemeen(t))
        # Probe with the rarest terms of every unit (so that a long list of items does not crowd out
        # the criterion's own sentence), then with the rarest terms overall.
        sondes: dict[str, None] = {}
        for e in eenheden:
            own = sorted(
                (t for t in e.gewichten if not self.syn.is_algemeen(t)), key=lambda t: -e.gewichten[t]
            )
            sondes.update(dict.fromkeys(own[:2]))
        rest = sorted((t for t in gewichten if not self.syn.is_algemeen(t)), key=lambda t: -gewichten[t])
        for t in rest:
            if len(sondes) >= max(_MAX_SONDES, 2 * len(eenheden)):
                break
            sondes[t] = None
        return _Analyse(tuple(eenheden), gewichten, sum(e.totaal for e in eenheden), onderscheidend, tuple(sondes))


@dataclass(frozen=True)
class _Voorbereid:
    """Weights and criterion analyses for one set of criteria: the draft-independent half of matching."""

    n: int
    df: dict[str, int]
    # For the disk cache each criterion's analysis is packed on its own (`cache.inpakken`, the cache's
    # own format: nothing is run to rebuild it): a check looks for tens of criteria out of the corpus's
    # hundreds (and their other wordings), and unpacking only those is what costs little. Without the
    # cache the analyses are kept as they are.
    ingepakt: dict[str, str | _Analyse | None]

    @classmethod
    def maak(cls, n: int, df: dict[str, int], analyses: dict[str, _Analyse | None], inpakken: bool) -> _Voorbereid:
        if not inpakken:
            return cls(n, df, dict(analyses))
        return cls(n, df, {cid: cache.inpakken(a) for cid, a in analyses.items()})

    def analyse(self, cid: str) -> _Analyse | None:
        data = self.ingepakt.get(cid)
        if not isinstance(data, str):
            return data
        waarde = cache.uitpakken(data)
        if waarde is not None and not isinstance(waarde, _Analyse):
            raise ValueError(f"de cache bevat voor {cid} geen analyse")
        self.ingepakt[cid] = waarde  # unpacked once per process (a web app checks many drafts)
        return waarde


def _voorbereid(
    syn: Synoniemen, criteria: Sequence[Criterium], corpus_versie: str | None, extra: Sequence[Criterium] = (),
    alleen_analyse: Sequence[Criterium] = (), afgeleid: Callable[[], Iterable[Criterium]] = tuple,
) -> _Voorbereid:
    """Weigh and analyse the criteria; with a corpus version, read from / write to the disk cache.

    This half of the work depends only on the criteria, the synonym list and the matching code, and
    costs as much as matching a long draft, so a CI run of `check` should not repeat it every time.
    `extra` are the criteria that are not the corpus's own (staff requirements, built per call): their
    contents are part of the key. `alleen_analyse` are analysed with the corpus's word weights but do
    not change them (other wordings of a criterion, `_varianten`): also part of the key. `afgeleid`
    gives more such wordings that follow from the corpus itself (so its version is their key); it is
    only called when the cache has no entry.
    """
    key = None
    if corpus_versie and syn.inhoud_hash:
        digest = hashlib.sha256(f"{corpus_versie}\0{syn.inhoud_hash}\0{_code_sleutel()}".encode())
        for crit in (*extra, *alleen_analyse):
            digest.update(repr(crit).encode())
        key = digest.hexdigest()
        if key in _VOORBEREID:
            return _VOORBEREID[key]
        cached = cache.read("matching", key)
        if isinstance(cached, _Voorbereid):
            return _onthoud(key, cached)
    weger = _Weger.over(syn, criteria)
    result = _Voorbereid.maak(weger.n, weger.df,
                              {c.id: weger.analyse(c) for c in (*criteria, *afgeleid(), *alleen_analyse)},
                              inpakken=key is not None)
    if key is not None:
        cache.write("matching", key, result)
        _onthoud(key, result)
    return result


_VOORBEREID: dict[str, _Voorbereid] = {}
"""The prepared halves this process used last (by cache key): a second check in the same process (the
web app, the tests) neither reads the cache file again nor unpacks an analysis twice."""


def _onthoud(key: str, voorbereid: _Voorbereid) -> _Voorbereid:
    while len(_VOORBEREID) >= 8:  # a few selections at a time; each holds the corpus's analyses
        del _VOORBEREID[next(iter(_VOORBEREID))]
    _VOORBEREID[key] = voorbereid
    return voorbereid


@lru_cache(maxsize=1)  # the code does not change while the process runs
def _code_sleutel() -> str:
    """A hash of the code that shapes the analysis, so that an edited matcher never reads stale results."""
    from .. import text
    from . import taal

    digest = hashlib.sha256()
    for module in (text, taal, sys.modules[__name__]):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            digest.update(module.__name__.encode())  # frozen or zipped: the package version decides
    return digest.hexdigest()


# --- the draft side ----------------------------------------------------------------------------------


_WOORD = re.compile(r"[^\W_]+")  # a word, as `polariteit` and `taal` read them
_STAM_VAN: dict[str, str] = {}  # a word as written -> its stem (`_Tekst.stammen`)


class _Tekst:
    """The draft's blocks as term sets, with an inverted index of the terms that will be looked up."""

    def __init__(self, syn: Synoniemen, blokken: Sequence[Tekstblok], gezocht: AbstractSet[str]) -> None:
        self.blokken = blokken
        self.termen: list[frozenset[str]] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        cache: dict[str, frozenset[str]] = {}  # drafts repeat text (headers, boilerplate, table cells)
        for i, blok in enumerate(blokken):
            terms = cache.get(blok.tekst)
            if terms is None:
                terms = cache[blok.tekst] = frozenset(syn.termen_van(_inhoud(blok.tekst)))
            self.termen.append(terms)
            for term in terms & gezocht:
                self.index[term].append(i)
        self.n = len(blokken)
        # A term in a large share of a long draft's blocks says nothing about where a criterion is.
        self.max_postings = max(60, self.n // 8)
        self.syn = syn
        self._zinnen: dict[int, list[_Zin]] = {}
        self._stammen: dict[int, frozenset[str]] = {}

    def stammen(self, b: int) -> frozenset[str]:
        """The word stems of block b as `polariteit` makes them (folded, `stam`), every word of it."""
        result = self._stammen.get(b)
        if result is None:
            woorden = _WOORD.findall(strip_markup(self.blokken[b].tekst))
            cache = _STAM_VAN
            result = self._stammen[b] = frozenset(
                cache.get(w) or cache.setdefault(w, stam(fold_word(w))) for w in woorden)
        return result

    def zinnen(self, b: int) -> list[_Zin]:
        """Block b's sentences (and list items). Cached: evidence is weighed for several criteria."""
        result = self._zinnen.get(b)
        if result is None:
            result = self._zinnen[b] = [
                _Zin(zin, self.syn) for zin in _ZINSDEEL.split(_inhoud(strip_markup(self.blokken[b].tekst)))
            ]
        return result


class _Zin:
    """A sentence of a draft block: its distinct content terms, and (when asked) its tokens."""

    __slots__ = ("tekst", "termen", "_syn", "_tokens")

    def __init__(self, tekst: str, syn: Synoniemen) -> None:
        self.tekst = tekst
        self.termen = tuple(dict.fromkeys(syn.termen_van(tekst)))  # in text order: sums are repeatable
        self._syn = syn
        self._tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = self._syn.tokens(self.tekst)
        return self._tokens


# --- scoring -------------------------------------------------------------------------------------------


def _dekking(eenheid: _Eenheid, termen: frozenset[str] | set[str]) -> float:
    """The share of the unit's weight whose terms are in `termen` (summed in the unit's own order)."""
    return sum(compress(eenheid.waarden, map(termen.__contains__, eenheid.termen))) / eenheid.totaal


def _beste_run(eenheid: _Eenheid, tekst: _Tekst, lo: int, hi: int) -> tuple[float, tuple[int, ...]]:
    """The block, or run of consecutive blocks, in [lo, hi) that covers most of the unit."""
    best: float = 0.0
    best_run: tuple[int, ...] = ()
    # Blocks without any of the unit's terms cover nothing and can neither be nor start the best run.
    termen = tekst.termen
    singles = [(_dekking(eenheid, termen[j]), j) for j in range(lo, hi) if not termen[j].isdisjoint(eenheid.termen)]
    for cov, j in singles:
        if cov > best:
            best, best_run = cov, (j,)
    if best >= 0.8 or len(eenheid.gewichten) < 3:
        return best, best_run
    # Split over a list: grow runs from blocks that already cover part of the unit.
    for cov, j in singles:
        if cov <= 0.0:
            continue
        union = set(tekst.termen[j])
        for k in range(1, _MAX_RUN):
            if j + k >= hi:
                break
            union |= tekst.termen[j + k]
            run_cov = _dekking(eenheid, union) - 0.03 * k  # prefer the shorter run
            if run_cov > best + 0.1:
                best, best_run = run_cov, tuple(range(j, j + k + 1))
    return max(best, 0.0), best_run


def _beoordeel(
    crit: _Crit, tekst: _Tekst, lo: int, hi: int, weger: _Weger, vast: Sequence[int] = ()
) -> _Treffer:
    """Score a window of blocks [lo, hi); `vast` are blocks the first unit must use (an anchor)."""
    covs: list[float] = []
    runs: list[tuple[int, ...]] = []
    for index, eenheid in enumerate(crit.eenheden):
        if vast and index == 0:
            union: set[str] = set()
            for b in vast:
                union |= tekst.termen[b]
            cov, run = _dekking(eenheid, union), tuple(vast)
            # The rest of the criterion text may have moved out of the bookmark; look around it too.
            alt_cov, alt_run = _beste_run(eenheid, tekst, lo, hi)
            if alt_cov > cov + 0.2:
                cov, run = alt_cov, alt_run
        else:
            cov, run = _beste_run(eenheid, tekst, lo, hi)
        covs.append(cov)
        runs.append(run)
    gevonden: set[str] = set()
    for eenheid, run in zip(crit.eenheden, runs):
        union = set()
        for b in run:
            union |= tekst.termen[b]
        gevonden |= {t for t in eenheid.gewichten if t in union}
    dekking = sum(e.totaal * c for e, c in zip(crit.eenheden, covs)) / crit.totaal
    onderscheidend = sum(crit.gewichten[t] for t in gevonden if not weger.syn.is_algemeen(t))
    return _Treffer(100.0 * dekking, dekking, covs, runs, gevonden, onderscheidend)


def _kandidaten(crit: _Crit, tekst: _Tekst) -> list[int]:
    """Blocks sharing the most rare criterion terms (inverted index), best first."""
    acc: dict[int, float] = defaultdict(float)
    for term in crit.sondes:
        postings = tekst.index.get(term)
        if not postings or len(postings) > tekst.max_postings:
            continue
        w = crit.gewichten[term]
        for b in postings:
            acc[b] += w
    if not acc:
        return []
    # A candidate must carry a fair part of the probe weight of at least one unit.
    drempel = 0.3 * max(sum(e.gewichten.get(t, 0.0) for t in crit.sondes) for e in crit.eenheden)
    # Ties (the same words in many blocks) go to the shortest block: most likely the criterion itself.
    beste = sorted(
        (b for b, v in acc.items() if v >= drempel), key=lambda b: (-acc[b], len(tekst.termen[b]), b)
    )
    return beste[:_MAX_KANDIDATEN]


def _venster(crit: _Crit, b: int, n: int) -> tuple[int, int]:
    extra = min(len(crit.eenheden) + 1, 40)
    return max(0, b - extra), min(n, b + extra + 2)


def _gevonden(treffer: _Treffer, crit: _Crit, drempel: float, tekst: _Tekst, weger: _Weger) -> bool:
    """Whether a window's evidence is the criterion (copied, edited, cut short or paraphrased).

    Coverage alone is not enough: a long paragraph about something else can hold most of a
    criterion's words. The evidence sentences must also be mostly about the criterion
    (`_zuiverheid`), the more so the lower the coverage.
    """
    if crit.kort or treffer.onderscheidend < MIN_ONDERSCHEIDEND:
        return False  # short criteria go through `_korte_criteria`
    kandidaat = treffer.score >= min(drempel, DREMPEL_PARAFRASE)
    if not kandidaat and crit.vorm == VORM_TOELICHTING:
        # A note is long, and drafts copy a part of it (the paragraph about staff, the first three
        # sentences). Several of its sentences must be there, not one: a single sentence of a note
        # often says what a neighbouring criterion says.
        delen = [(e, cov) for e, cov in zip(crit.eenheden, treffer.eenheid_dekking) if cov >= _DEEL_DEKKING]
        if (len(delen) >= 2 and sum(e.totaal for e, _ in delen) >= _DEEL_GEWICHT * crit.totaal
                and treffer.onderscheidend >= 2 * MIN_ONDERSCHEIDEND):
            return _zuiverheid(crit, treffer, tekst, weger) >= _DEEL_ZUIVER
        return False
    if not kandidaat:
        # Truncated: one substantial unit is there almost word for word, the rest was dropped.
        for eenheid, cov in zip(crit.eenheden, treffer.eenheid_dekking):
            if cov >= 0.8 and eenheid.totaal >= 0.15 * crit.totaal:
                distinct = sum(
                    w
                    for t, w in eenheid.gewichten.items()
                    if not weger.syn.is_algemeen(t) and t in treffer.gevonden
                )
                if distinct >= 1.5 * MIN_ONDERSCHEIDEND:
                    kandidaat = True
                    break
    if not kandidaat:
        return False
    zuiver = _zuiverheid(crit, treffer, tekst, weger)
    if treffer.score >= drempel:
        return zuiver >= 0.3
    return zuiver >= 0.45


# --- differences ----------------------------------------------------------------------------------------


def _reeksen(tokens: Sequence[Token], ontbreekt: Iterable[bool], tekst: str) -> list[str]:
    """Runs of marked content tokens (stop words in between allowed), as text from `tekst`."""
    result: list[str] = []
    start = end = None
    for token, mis in zip(tokens, ontbreekt):
        if token.stop:
            continue
        if mis:
            if start is None:
                start = token.start
            end = token.start + len(token.tekst)
        else:
            if start is not None:
                result.append(tekst[start:end])
            start = end = None
    if start is not None:
        result.append(tekst[start:end])
    return [r.strip(" ,;:.") for r in result if r.strip(" ,;:.")]


def _kort(tekst: str, n: int = 90) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1].rstrip() + "…"


def _verschillen(crit: _Crit, treffer: _Treffer, tekst: _Tekst, syn: Synoniemen) -> tuple[str, ...]:
    """Human-readable differences: dropped units, missing words, words the draft inserted."""
    result: list[str] = []
    missing_words: list[str] = []
    for eenheid, cov, run in zip(crit.eenheden, treffer.eenheid_dekking, treffer.eenheid_blokken):
        if cov < 0.5:
            label = "onderdeel" if eenheid.soort == "onderdeel" else "tekst"
            result.append(f"ontbreekt ({label}): «{_kort(eenheid.tekst)}»")
            continue
        union: set[str] = set()
        for b in run:
            union |= tekst.termen[b]
        tokens = syn.tokens(eenheid.tekst)
        marks = [(not t.stop) and t.term not in union for t in tokens]
        missing_words += _reeksen(tokens, marks, eenheid.tekst)
    if missing_words:
        result.append("ontbreekt: " + ", ".join(f"«{w}»" for w in dict.fromkeys(missing_words)))
    if treffer.toegevoegd:
        result.append("toegevoegd: " + ", ".join(f"«{w}»" for w in dict.fromkeys(treffer.toegevoegd)))
    return tuple(result)


def _toevoegingen(crit: _Crit, treffer: _Treffer, tekst: _Tekst, weger: _Weger) -> tuple[list[str], float]:
    """Words the draft added inside the sentences that carry the criterion, and their share of weight.

    Only sentences whose weight is for the larger part the criterion's count, so that the other half
    of a merged paragraph (or sentence) is not reported as an insertion.
    """
    syn = weger.syn
    added: list[str] = []
    added_weight = 0.0
    matched_weight = 0.0

    def gewicht(term: str) -> float:
        # A word no criterion uses is an insertion, not another criterion merged in: weigh it lightly.
        if term.isdigit():
            return 1.0
        return weger.gewicht(term) if term in weger.df else 2.0

    for b in treffer.blokken:
        for zin in tekst.zinnen(b):
            if not zin.termen:
                continue  # no content words
            tokens = zin.tokens
            content = [t for t in tokens if not t.stop]
            own = sum(gewicht(t.term) for t in content if t.term in crit.gewichten)
            if own < 0.45 * sum(gewicht(t.term) for t in content):
                continue  # another criterion's sentence, or text about something else
            # Report real insertions, not the actor ('Opdrachtnemer') or the numbering ('Eis 2.4').
            marks, begonnen = [], False
            for t in tokens:
                begonnen = begonnen or t.term in crit.gewichten
                marks.append(
                    not t.stop
                    and t.term not in crit.gewichten
                    and not syn.is_algemeen(t.term)
                    and not (t.term.isdigit() and not begonnen)
                )
            added += _reeksen(tokens, marks, zin.tekst)
            for t in content:
                if t.term in crit.gewichten:
                    matched_weight += crit.gewichten[t.term]
                elif not syn.is_algemeen(t.term) and not t.term.isdigit():
                    added_weight += 1.0  # an inserted word: about the weight of a common word
    total = matched_weight + added_weight
    return added, (added_weight / total if total else 0.0)


# --- the public function --------------------------------------------------------------------------------


# Blocks of a criterion's bookmark that are scored at most (the readers let a bookmark mark at most
# as many paragraphs: check/read/record.py, _MAX_ANKER_ALINEAS).
_MAX_ANKER_BLOKKEN = 100


def _anker_sleutel(waarde: str) -> str:
    key = re.sub(r"[^a-z0-9]", "_", waarde.strip().lower())
    return key[3:] if key.startswith("ik_") else key


def match_criteria(
    concept: Concept,
    keuzes: Sequence[Keuze],
    *,
    drempel_gevonden: float = DREMPEL_GEVONDEN,
    drempel_gedekt: float = DREMPEL_GEDEKT,
    synoniemen: Synoniemen | None = None,
    corpus: Corpus | None = None,
) -> list[CriteriumResultaat]:
    """Find each selected criterion in a tender draft: anchors first, then the text.

    Args:
        concept: the draft as text blocks (`read_concept` / `read_text`).
        keuzes: the selected criteria (a `Selectie.keuzes`), in the order the result should have.
        drempel_gevonden: minimum score (0-100) for a criterion to count as present.
        drempel_gedekt: minimum score for `gedekt`; below it a found criterion is `gewijzigd`.
        synoniemen: a synonym list (default: the bundled `data/check/synoniemen.yaml`).
        corpus: weigh words by their rarity over the whole corpus, so that a small selection (a few
            `--id`s) is matched exactly like the same criteria in a large one. Without it, the
            kaders of the selected criteria are the reference.

    Returns:
        One CriteriumResultaat per keuze, in the same order, with status, score (0-100), evidence
        (draft text and location) and, for `gewijzigd`, what differs. `vereist` is always False: the
        caller decides which criteria are required.

    Raises:
        SynoniemenFout: the synonym list is invalid.
    """
    syn = synoniemen or load_synoniemen()
    kaders = {k.nummer: k for k in corpus.kaders} if corpus else {k.kader.nummer: k.kader for k in keuzes}
    alle = {c.id: c for kader in kaders.values() for c in kader.criteria}
    for keuze in keuzes:
        alle.setdefault(keuze.criterium.id, keuze.criterium)
    extra = [c for c in alle.values() if corpus is None or corpus.criterium(c.id) is None]
    # Other wordings a draft may carry instead of the source's (`_varianten`): the tender wording
    # compose printed, the operational text of a note. Those of the corpus's own criteria follow from
    # the corpus and are prepared once for all of them; others (staff requirements) per call.
    varianten = {k.criterium.id: _varianten(k.criterium, k.gebruik) for k in keuzes}
    los = [v for k in keuzes if corpus is None or not _corpus_gebruik(corpus, k)
           for _, v in varianten[k.criterium.id]]
    voorbereid = _voorbereid(
        syn, list(alle.values()), corpus.versie if corpus else None, extra, los,
        (lambda: [v for kader in corpus.kaders for c in kader.criteria for _, v in _varianten(c, kader.gebruik(c))])
        if corpus is not None else tuple,
    )
    weger = _Weger(syn, voorbereid.n, voorbereid.df)

    crits: dict[str, _Crit] = {}
    alt_crits: dict[str, list[_Crit]] = {}
    for keuze in keuzes:
        analyse = voorbereid.analyse(keuze.criterium.id)
        if analyse is not None:
            crits[keuze.criterium.id] = _Crit.van(keuze, analyse)
        for vorm, alt in varianten[keuze.criterium.id]:
            if (alt_analyse := voorbereid.analyse(alt.id)) is not None:
                alt_crits.setdefault(keuze.criterium.id, []).append(_Crit.van(keuze, alt_analyse, vorm))
    # The index only needs the terms that are looked up: probes, and every term of a short criterion.
    gezocht = {t for crit in (*crits.values(), *(a for alts in alt_crits.values() for a in alts))
               for t in (crit.gewichten if crit.kort else crit.sondes)}
    tekst = _Tekst(syn, concept.blokken, gezocht)

    # Anchors: which blocks carry which criterion's bookmark.
    anker_blokken: dict[str, list[int]] = defaultdict(list)
    for i, blok in enumerate(concept.blokken):
        for anker in blok.ankers:
            anker_blokken[_anker_sleutel(anker)].append(i)
    eerste_anker = {min(v) for v in anker_blokken.values()}

    geaccepteerd: dict[str, _Treffer] = {}
    leeg_anker: set[str] = set()
    for cid, crit in crits.items():
        blokken = anker_blokken.get(_anker_sleutel(cid))
        if not blokken:
            continue
        if blokken[-1] - blokken[0] >= _MAX_ANKER_BLOKKEN:
            # A bookmark spans one criterion: only its first blocks are scored (the same criterion
            # bookmarked at both ends of a long draft had everything in between scored).
            blokken = [b for b in blokken if b - blokken[0] < _MAX_ANKER_BLOKKEN]
        if not any(tekst.termen[b] for b in blokken):
            leeg_anker.add(cid)  # the bookmark survived, its text was deleted
            continue
        lo = min(blokken)
        hi = max(blokken) + 1
        # The items and follow-up paragraphs come after the bookmarked text, up to the next anchor.
        grens = min(tekst.n, hi + len(crit.eenheden) + 3)
        for j in range(hi, grens):
            # The next criterion, or compose's evidence line ('Bewijs: …'), which belongs to the
            # requirement's apparatus, not to its text.
            if j in eerste_anker or concept.blokken[j].tekst.startswith(_BEWIJSREGEL):
                grens = j
                break
        treffer = _beoordeel(crit, tekst, lo, max(grens, hi), weger, vast=blokken)
        for alt_crit in alt_crits.get(cid, ()):
            alt_treffer = _beoordeel(alt_crit, tekst, lo, max(grens, hi), weger, vast=blokken)
            if alt_treffer.score > treffer.score:
                treffer, crits[cid] = alt_treffer, alt_crit
        treffer.via_anker = True
        geaccepteerd[cid] = treffer

    # Text: the best windows around retrieved candidates.
    opties: dict[str, list[_Treffer]] = {}
    for cid, bron_crit in list(crits.items()):
        if cid in geaccepteerd or cid in leeg_anker:
            continue
        # Each wording of the criterion is looked for; the one the draft follows best is its match.
        beste: tuple[_Crit, list[_Treffer]] | None = None
        for crit in (bron_crit, *alt_crits.get(cid, ())):
            if crit.kort:
                continue  # a short source criterion: `_korte_criteria`
            treffers = _find(crit, tekst, weger, drempel_gevonden)
            if treffers and (beste is None or round(treffers[0].score) > round(beste[1][0].score)):
                beste = (crit, treffers)
        if beste is not None:
            crits[cid], opties[cid] = beste[0], beste[1][:3]

    # Competition: the best match claims its terms in its blocks; a weaker match of another
    # criterion on the same text needs enough distinctive evidence of its own. Criteria of a few
    # words only (`middel`) come last and need a block of their own or found neighbours.
    geclaimd: dict[int, set[str]] = defaultdict(set)
    for treffer in geaccepteerd.values():
        _claim(geclaimd, treffer, tekst)
    lang = [c for c in opties if not crits[c].middel]
    for cid in sorted(lang, key=lambda c: -opties[c][0].score):
        for treffer in opties[cid]:
            if _eigen_bewijs(crits[cid], treffer, tekst, geclaimd, syn):
                geaccepteerd[cid] = treffer
                _claim(geclaimd, treffer, tekst)
                break
    # Middle-length criteria: first those standing in a block of their own, then (repeatedly) those
    # next to found criteria — a list of short competences supports itself once one is certain.
    middel = sorted((c for c in opties if crits[c].middel), key=lambda c: -opties[c][0].score)
    for ronde in range(4):
        sterk = [b for t in geaccepteerd.values() for b in t.blokken]
        nieuw = False
        for cid in middel:
            if cid in geaccepteerd:
                continue
            crit = crits[cid]
            for treffer in opties[cid]:
                if ronde == 0:
                    ok = any(
                        _zegt_alleen(crit, concept.blokken[b].tekst, weger, 0.8, 0.6) for b in treffer.blokken
                    )
                else:
                    ok = any(abs(b - s) <= _CONTEXT for b in treffer.blokken for s in sterk)
                if ok and _eigen_bewijs(crit, treffer, tekst, geclaimd, syn):
                    geaccepteerd[cid] = treffer
                    _claim(geclaimd, treffer, tekst)
                    nieuw = True
                    break
        if ronde > 0 and not nieuw:
            break

    # Short criteria: a block that says just that, among other found criteria.
    _korte_criteria(crits, tekst, weger, geaccepteerd, geclaimd)

    resultaten: list[CriteriumResultaat] = []
    for keuze in keuzes:
        cid = keuze.criterium.id
        crit = crits.get(cid)
        gevonden = geaccepteerd.get(cid)
        if crit is None or gevonden is None:
            verschil: tuple[str, ...] = (
                ("de bladwijzer staat er nog, maar de tekst van het criterium is verwijderd",)
                if cid in leeg_anker
                else ()
            )
            resultaten.append(
                CriteriumResultaat(keuze.criterium, keuze.rol, Status.ONTBREEKT, 0.0, verschil=verschil)
            )
            continue
        treffer = gevonden
        added, added_share = _toevoegingen(crit, treffer, tekst, weger)
        treffer.toegevoegd = added
        score = round(treffer.score * (1.0 - _STRAF_TOEGEVOEGD * added_share), 1)
        units_ok = all(
            cov >= 0.5
            for e, cov in zip(crit.eenheden, treffer.eenheid_dekking)
            if e.totaal >= 0.1 * crit.totaal
        )
        status = Status.GEDEKT if score >= drempel_gedekt and units_ok else Status.GEWIJZIGD
        ontkrachting = _ontkrachting(crit, treffer, tekst, syn)
        if ontkrachting:
            status = Status.ONTKRACHT
        bewijs = tuple(
            Bewijs(
                concept.blokken[b].tekst, concept.blokken[b].locatie, round(_blok_score(crit, treffer, b), 1)
            )
            for b in treffer.blokken
        )
        verschil = _verschillen(crit, treffer, tekst, syn) if status is Status.GEWIJZIGD else ()
        if ontkrachting:
            verschil = ontkrachting + _verschillen(crit, treffer, tekst, syn)
        resultaten.append(
            CriteriumResultaat(
                keuze.criterium, keuze.rol, status, score, bewijs, treffer.via_anker, verschil,
                vergeleken_met=crit.vorm,
            )
        )
    return resultaten


def _find(crit: _Crit, tekst: _Tekst, weger: _Weger, drempel: float) -> list[_Treffer]:
    """The windows around retrieved candidates that hold the criterion, best first."""
    treffers: list[_Treffer] = []
    seen: set[tuple[int, int]] = set()
    for b in _kandidaten(crit, tekst):
        lo, hi = _venster(crit, b, tekst.n)
        if (lo, hi) in seen:
            continue
        seen.add((lo, hi))
        treffer = _beoordeel(crit, tekst, lo, hi, weger)
        if _gevonden(treffer, crit, drempel, tekst, weger):
            treffers.append(treffer)
    # Best score first; among equals the evidence of fewest terms (the criterion itself).
    treffers.sort(key=lambda t: (-round(t.score), sum(len(tekst.termen[b]) for b in t.blokken)))
    return treffers


VORM_BRON = "bron"
VORM_AANBESTEDING = "aanbestedingstekst"
VORM_TOELICHTING = "toelichting"


def _varianten(crit: Criterium, gebruik: Inkoopgebruik | None) -> list[tuple[str, Criterium]]:
    """Other wordings of a criterion that a draft may carry instead of the source's, with their kind.

    * `aanbestedingstekst`: the criterion as compose words it in a tender (data/inkoop/: `formulering`,
      or the verbatim text with current law names, `actueel`), when that differs from the source;
    * `toelichting`: a note that carries the criterion's operational text (notitie soort
      `toelichting`, such as the JIJ-kader's 'Waar kijkt de inspectie naar?'): inkopers copy that
      text rather than the norm line above it.
    """
    import dataclasses

    result: list[tuple[str, Criterium]] = []
    if gebruik is not None and (gebruik.formulering or gebruik.actueel or gebruik.actueel_items is not None):
        if gebruik.formulering:
            alt = dataclasses.replace(crit, id=f"{crit.id}~aanbesteding", tekst=gebruik.formulering, items=(),
                                      vervolg=(), notities=())
        else:
            items = gebruik.actueel_items if gebruik.actueel_items is not None else crit.items
            alt = dataclasses.replace(crit, id=f"{crit.id}~aanbesteding", tekst=gebruik.actueel or crit.tekst,
                                      items=items)
        result.append((VORM_AANBESTEDING, alt))
    # A note of a sentence or so is a remark, not operational text (wcp-05's is the source's sentence
    # leading to the next list).
    toelichtingen = [n for n in crit.notities
                     if n.soort is NotitieSoort.TOELICHTING and len(n.tekst.split()) >= _MIN_TOELICHTING]
    for i, notitie in enumerate(toelichtingen):
        result.append((VORM_TOELICHTING, dataclasses.replace(
            crit, id=f"{crit.id}~toelichting" + (f"-{i + 1}" if i else ""), tekst=notitie.tekst,
            items=notitie.items, vervolg=(), notities=())))
    return result


def _corpus_gebruik(corpus: Corpus, keuze: Keuze) -> bool:
    """Whether a keuze is a corpus criterion with its corpus tender layer (its wordings follow from the corpus)."""
    crit = corpus.criterium(keuze.criterium.id)
    if crit is None or (crit is not keuze.criterium and crit != keuze.criterium):
        return False
    eigen = corpus.kader(crit.kader).gebruik(crit)
    return keuze.gebruik is eigen or keuze.gebruik == eigen


def _ontkrachting(crit: _Crit, treffer: _Treffer, tekst: _Tekst, syn: Synoniemen) -> tuple[str, ...]:
    """Why a found criterion is not required after all: negated, waived, or given to another actor.

    Each unit of the criterion is compared with the draft sentence that carries most of it (see
    `inkoopkader.check.polariteit`); a sentence right after the evidence that waives 'deze eis' counts
    too. Returns Dutch lines for `verschil` ('ontkend: …', 'kwijtgescholden: …', 'andere actor: …'),
    none when the obligation stands.
    """
    pol = syn.polariteit
    if not pol.ontkenning and not pol.andere_actoren:
        return ()
    # Fast path: no negation in the source, and no word group in the evidence that could turn the
    # obligation around. Most found criteria of a long draft end here.
    bron_ontkend = any(t in pol.ontkenning for t in crit.gewichten)
    if not bron_ontkend and not _signaal_in(treffer, tekst, pol):
        return ()
    draagt = {stam_ for t in crit.gewichten if not syn.is_algemeen(t) for stam_ in _stammen(t)}
    # The draft sentence that carries most of each unit, and the units each such sentence carries.
    per_zin: dict[tuple[int, int], list[_Eenheid]] = {}
    dekking = {id(e): cov for e, cov in zip(crit.eenheden, treffer.eenheid_dekking)}
    for eenheid, cov, run in zip(crit.eenheden, treffer.eenheid_dekking, treffer.eenheid_blokken):
        if cov < 0.3:
            continue
        beste: tuple[float, int, int] | None = None
        for b in run:
            for z, zin in enumerate(tekst.zinnen(b)):
                w = sum(eenheid.gewichten.get(t, 0.0) for t in zin.termen)
                if w > 0 and (beste is None or w > beste[0]):
                    beste = (w, b, z)
        if beste is not None:
            per_zin.setdefault((beste[1], beste[2]), []).append(eenheid)
    bron = [analyseer(e.tekst, pol) for e in crit.eenheden]
    bron_kwijt = frozenset(k for beeld in bron for k in beeld.kwijtschelding_sleutels)
    index = {id(e): i for i, e in enumerate(crit.eenheden)}
    gebiedend = bool(crit.eenheden) and is_gebiedend(crit.keuze.criterium.tekst, pol)
    # Who the source makes act: its first sentence with an actor (none: the provider, by doelgroep).
    bron_actor = next((beeld.actor for beeld, e in zip(bron, crit.eenheden) if e.soort != "onderdeel"
                       and beeld.actor is not None), None)
    result: list[str] = []
    for (b, z), eenheden in sorted(per_zin.items()):
        zin = tekst.zinnen(b)[z]
        beeld = analyseer(zin.tekst, pol, draagt)
        verwacht = sum(bron[index[id(e)]].ontkenningen for e in eenheden)
        # A unit mostly missing from the draft (reported as such) need not keep its negation here.
        zeker = sum(bron[index[id(e)]].ontkenningen for e in eenheden if dekking[id(e)] >= 0.5)
        if beeld.ontkenningen not in (verwacht, zeker):
            if beeld.ontkenningen > verwacht:
                result.append(f"ontkend: «{beeld.ontkenning_tekst}»")
            else:
                weg = next((bron[index[id(e)]].ontkenning_tekst for e in eenheden
                            if bron[index[id(e)]].ontkenningen), "")
                result.append(f"ontkend: de ontkenning uit de bron is weggelaten («{weg}»)")
        nieuw = [k for k, sleutel in zip(beeld.kwijtschelding, sorted(beeld.kwijtschelding_sleutels))
                 if sleutel not in bron_kwijt] if beeld.kwijtschelding_sleutels - bron_kwijt else []
        if nieuw:
            result.append("kwijtgescholden: " + ", ".join(f"«{k}»" for k in nieuw))
        actor = beeld.actor
        # The source's own sentence may name another party the same way ('feedback van klanten,
        # opdrachtgevers, …'): that is the criterion, not a swap.
        if (actor is not None and actor.kant == "ander" and not gebiedend
                and any(e.soort != "onderdeel" for e in eenheden)
                and (bron_actor is None or bron_actor.kant == "eigen")
                and not any((a := bron[index[id(e)]].actor) is not None and a.kant == "ander" for e in eenheden)):
            result.append(f"andere actor: «{actor.tekst}» in plaats van de aanbieder")
    # Other sentences of the evidence that carry the criterion's words: '…; evalueren is facultatief.'
    for b in treffer.blokken:
        for z, zin in enumerate(tekst.zinnen(b)):
            if (b, z) in per_zin:
                continue
            beeld = analyseer(zin.tekst, pol, draagt)
            # A waiver anywhere in the paragraph that carries the criterion is about it.
            nieuw = [k for k, sleutel in zip(beeld.kwijtschelding, sorted(beeld.kwijtschelding_sleutels))
                     if sleutel not in bron_kwijt]
            if nieuw:
                result.append("kwijtgescholden: " + ", ".join(f"«{k}»" for k in nieuw))
            eigen = any(t in crit.gewichten and not syn.is_algemeen(t) for t in zin.termen)
            if eigen and beeld.ontkenningen and not any(b_.ontkenningen for b_ in bron):
                result.append(f"ontkend: «{beeld.ontkenning_tekst}»")
    # A list's lead-in ('Opdrachtnemer hoeft niet te voldoen aan de volgende eisen:', 'De volgende eisen
    # vervallen:', 'De gemeente stelt de volgende eisen aan zichzelf:') is about each of its items.
    for b in sorted({b for b, _ in per_zin}):
        inleiding = _inleiding(tekst, b)
        if inleiding is None:
            continue
        beeld = analyseer(inleiding, pol)
        if beeld.ontkenningen % 2 and not any(b_.ontkenningen for b_ in bron):
            result.append(f"ontkend: «{_kort(inleiding, 80)}»")
        nieuw = [k for k, sleutel in zip(beeld.kwijtschelding, sorted(beeld.kwijtschelding_sleutels))
                 if sleutel not in bron_kwijt]
        if nieuw:
            result.append("kwijtgescholden: " + ", ".join(f"«{k}»" for k in nieuw))
        if (beeld.actor is not None and beeld.actor.kant == "ander" and not gebiedend
                and _ZICHZELF.search(inleiding) and (bron_actor is None or bron_actor.kant == "eigen")):
            result.append(f"andere actor: «{_kort(inleiding, 80)}» in plaats van de aanbieder")
    # 'Deze eis is niet van toepassing.' right after the evidence.
    if per_zin:
        b, z = max(per_zin)
        volgende = [zin.tekst for zin in tekst.zinnen(b)[z + 1 : z + 3]]
        if b + 1 < tekst.n:
            volgende += [zin.tekst for zin in tekst.zinnen(b + 1)[:1]]
        for zin_tekst in volgende:
            citaat = terugverwijzing(zin_tekst, pol)
            if citaat:
                result.append(f"kwijtgescholden: «{_kort(zin_tekst, 80)}»")
                break
    return tuple(dict.fromkeys(result))


_ZICHZELF = re.compile(r"\b(?:zichzelf|zelf)\b", re.IGNORECASE)
_INLEIDING_MAX_ITEMS = 12  # list items between a lead-in and the item that carries a criterion
_INLEIDING_MAX_WOORDEN = 60  # a longer block is a paragraph of its own, not a list item


def _inleiding(tekst: _Tekst, b: int) -> str | None:
    """The lead-in of the list that block b is an item of: the nearest block before it, under the same
    heading, that ends in ':', with only short blocks (list items) in between; None when b is no item."""
    blokken = tekst.blokken
    if len(blokken[b].tekst.split()) > _INLEIDING_MAX_WOORDEN:
        return None
    kop = blokken[b].locatie.kop
    for i in range(b - 1, max(-1, b - 1 - _INLEIDING_MAX_ITEMS), -1):
        blok = blokken[i]
        if blok.locatie.kop != kop:
            return None
        inhoud = strip_markup(blok.tekst).strip()
        if inhoud.endswith(":"):
            return inhoud
        if not inhoud or len(inhoud.split()) > _INLEIDING_MAX_WOORDEN:
            return None
    return None


def _signaal_in(treffer: _Treffer, tekst: _Tekst, pol: Polariteit) -> bool:
    """Whether `_ontkrachting` could find anything: a word group that negates, waives or names another
    actor in the evidence, or one that refers back ('Deze eis vervalt.') in the paragraph after it.

    Exact, not a guess: `polariteit` finds these groups as runs of word stems, so a group whose stems
    are not all among a paragraph's stems is not in any of its sentences.
    """
    if not treffer.blokken:
        return False
    if any(_inleiding(tekst, b) is not None for b in treffer.blokken):
        return True
    signalen = _signaalfrasen(pol)
    for b in treffer.blokken:
        stammen = tekst.stammen(b)
        if any(all(s in stammen for s in frase) for frase in signalen):
            return True
    volgende = max(treffer.blokken) + 1
    if volgende < tekst.n:
        stammen = tekst.stammen(volgende)
        return any(all(s in stammen for s in frase) for frase in pol.terugverwijzing)
    return False


_SIGNAALFRASEN: dict[int, tuple[Polariteit, tuple[tuple[str, ...], ...]]] = {}


def _signaalfrasen(pol: Polariteit) -> tuple[tuple[str, ...], ...]:
    """The word groups (as stems) that can turn an obligation around; see `_signaal_in`."""
    found = _SIGNAALFRASEN.get(id(pol))
    if found is None or found[0] is not pol:
        frasen = (*((s,) for s in sorted(pol.ontkenning)), *pol.kwijtschelding, *pol.terugverwijzing,
                  *pol.andere_actoren)
        found = _SIGNAALFRASEN[id(pol)] = (pol, tuple(dict.fromkeys(frasen)))
    return found[1]


def _stammen(term: str) -> tuple[str, ...]:
    """The word stems behind a matching term: a group term ('#client') has none of its own."""
    return () if term.startswith("#") else (term,)


def _eigen_bewijs(
    crit: _Crit, treffer: _Treffer, tekst: _Tekst, geclaimd: dict[int, set[str]], syn: Synoniemen
) -> bool:
    """Whether enough of the match's distinctive terms are not already another criterion's evidence."""
    eigen = sum(
        crit.gewichten[t]
        for t in treffer.gevonden
        if not syn.is_algemeen(t) and not all(t in geclaimd[b] for b in _blokken_met(treffer, tekst, t))
    )
    return eigen >= MIN_ONDERSCHEIDEND and eigen >= 0.4 * treffer.onderscheidend


def _blokken_met(treffer: _Treffer, tekst: _Tekst, term: str) -> list[int]:
    return [b for b in treffer.blokken if term in tekst.termen[b]]


def _claim(geclaimd: dict[int, set[str]], treffer: _Treffer, tekst: _Tekst) -> None:
    for b in treffer.blokken:
        geclaimd[b] |= treffer.gevonden & tekst.termen[b]


def _blok_score(crit: _Crit, treffer: _Treffer, b: int) -> float:
    """How much of the criterion this one block carries, 0-100."""
    return (
        100.0
        * sum(
            e.totaal * cov
            for e, cov, run in zip(crit.eenheden, treffer.eenheid_dekking, treffer.eenheid_blokken)
            if b in run
        )
        / crit.totaal
    )


def _zegt_alleen(crit: _Crit, tekst: str, weger: _Weger, dekking: float = 0.9, zuiver: float = 0.75) -> bool:
    """Whether some segment of a block is (almost) only this criterion: all of it, little else."""
    schoon = _inhoud(strip_markup(tekst))
    segmenten = _SEGMENT.split(schoon)
    # Clauses too: 'heeft een werkend kwaliteitssysteem en werkt met een veiligheidsmanagementsysteem'.
    for segment in [schoon, *segmenten, *(d for s in segmenten for d in _NEVENSCHIKKING.split(s))]:
        terms = set(weger.syn.termen_van(segment))
        if not terms:
            continue
        gedekt = sum(w for t, w in crit.gewichten.items() if t in terms) / crit.totaal
        eigen = sum(weger.gewicht(t) for t in terms if t in crit.gewichten)
        alles = sum(weger.gewicht(t) for t in terms)
        if gedekt >= dekking and eigen >= zuiver * alles:
            return True
    return False


def _korte_criteria(
    crits: dict[str, _Crit],
    tekst: _Tekst,
    weger: _Weger,
    geaccepteerd: dict[str, _Treffer],
    geclaimd: dict[int, set[str]],
) -> None:
    """Accept short criteria that stand as a block of their own near other found criteria.

    A block that is already the evidence of a found criterion for the same words does not count:
    'oplossingsgericht' inside a competence ('handelt methodisch, doel- en oplossingsgericht') is not
    the criterion 'Oplossingsgericht'.
    """
    kandidaten: dict[str, tuple[int, _Treffer]] = {}
    for cid, crit in crits.items():
        if cid in geaccepteerd or not crit.kort:
            continue
        termen = list(crit.gewichten)
        rarest = min(termen, key=lambda t: len(tekst.index.get(t, ())) or 10**9)
        best: tuple[int, _Treffer] | None = None
        for b in tekst.index.get(rarest, ())[: tekst.max_postings]:
            blok = tekst.termen[b]
            if not blok:
                continue
            treffer = _beoordeel(crit, tekst, b, b + 1, weger)
            if treffer.dekking < 0.9:
                continue
            eigen = [t for t in treffer.gevonden if not weger.syn.is_algemeen(t)] or list(treffer.gevonden)
            if all(t in geclaimd[b] for t in eigen):
                continue  # these words are another found criterion's
            if not _zegt_alleen(crit, tekst.blokken[b].tekst, weger):
                continue  # the block says more than the criterion: a sentence that happens to use the words
            if best is None or treffer.score > best[1].score:
                best = (b, treffer)
        if best is not None:
            kandidaten[cid] = best
    if not kandidaten:
        return
    sterk = [b for t in geaccepteerd.values() for b in t.blokken]
    for cid, (b, treffer) in kandidaten.items():
        kader = crits[cid].keuze.kader.nummer
        near_strong = any(abs(b - s) <= _CONTEXT for s in sterk)
        near_short = sum(
            1
            for other, (ob, _) in kandidaten.items()
            if other != cid and abs(ob - b) <= 6 and crits[other].keuze.kader.nummer == kader
        )
        # A whole sentence of the criterion, standing alone, is the criterion itself (not a heading).
        zin = len(crits[cid].keuze.criterium.tekst.split()) >= _ZIN_WOORDEN and _zegt_alleen(
            crits[cid], tekst.blokken[b].tekst, weger, 0.95, 0.8)
        if near_strong or near_short >= 2 or zin:
            geaccepteerd[cid] = treffer


def _zuiverheid(crit: _Crit, treffer: _Treffer, tekst: _Tekst, weger: _Weger) -> float:
    """Share of the weight of the evidence sentences that is the criterion's (0-1).

    Only sentences holding a distinctive term of the criterion count. A criterion's words scattered
    through long paragraphs about something else give a low share; the criterion itself, edited or
    paraphrased, gives a high one.
    """
    eigen = alles = 0.0
    for b in treffer.blokken:
        for zin in tekst.zinnen(b):
            terms = zin.termen
            if not any(t in crit.gewichten and not weger.syn.is_algemeen(t) for t in terms):
                continue
            for t in terms:
                w = weger.gewicht(t)
                alles += w
                if t in crit.gewichten:
                    eigen += w
    return eigen / alles if alles else 0.0
