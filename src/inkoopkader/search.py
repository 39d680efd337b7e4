"""Full-text search over criteria: Dutch-aware, typo-tolerant, ranked.

Matching ignores case, accents, punctuation and simple inflection ('meldingen' finds 'melding'). It
understands Dutch compounds: 'klachtenregeling' is klacht + en + regeling, so it also finds a
'klachtenprocedure' or a 'regeling voor klachten', and 'procedure' finds 'klachtenprocedure'. The
abbreviations in `data/zoeken.yaml` work both ways ('VOG' finds "verklaring omtrent het gedrag").
A typo (one letter in seven) is forgiven only in long words: a short word or abbreviation is matched
exactly, never 'VOG' for 'Voorbereiding' or 'klacht' for 'kracht'.

Every query word must match (exactly, as the start of a longer word, as part of a compound, or —
for long words — with a typo); the score (0-100) says how directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Corpus, Criterium, Thema
from .personeel import ProfielItem
from .text import fold, stam, strip_markup

MIN_SCORE = 70.0
KORT = 4
"""Words of at most this many letters are matched exactly or as a prefix (from 4), never by typo."""

# Penalties per query word (a text in which every word matches exactly scores 100 minus a small
# length penalty); a text needs MIN_SCORE.
_PREFIX = 10.0  # 'meldcode' in 'meldcodes'; 'klacht' in 'klachtenprocedure'
_DEEL = 12.0  # a part of a compound: 'procedure' in 'klachtenprocedure', klacht + regeling both there
_VOORDEEL = 20.0  # only the first part of a compound query word: 'klachtenregeling' -> 'klachten…'
_VOORDEEL_ZELDZAAM = 0.05  # … and only when that part is in at most this share of the criteria:
# 'klacht' (10 of 604) carries the meaning of 'klachtenregeling'; 'cliënt' in 'cliëntervaringen' does not.
_TIKFOUT = 20.0  # a typo in a long word
_TIKFOUT_LENGTE = 7  # a typo is only forgiven in a word whose stem has this many letters or more
_TIKFOUT_DREMPEL = 85.0  # rapidfuzz ratio between two stems: one letter in seven
_VERBINDINGEN = ("", "s", "en")  # linking sounds between the parts of a compound


@dataclass(frozen=True, slots=True)
class ProfielTreffer:
    """A hit in a professional profile (competence, level requirement, result …)."""

    item: ProfielItem
    profiel_titel: str
    score: float
    fragment: str


@dataclass(frozen=True, slots=True)
class Zoekresultaat:
    """One hit: the criterion, its score (0-100) and a snippet around the match."""

    criterium: Criterium
    score: float
    fragment: str


class Zoekresultaten(list):  # type: ignore[type-arg]
    """The hits of one search, best first: a list, that also says whether `limiet` cut it short.

    `totaal` is the number of hits before the limit, `afgekapt` is True when there were more hits
    than were returned.
    """

    def __init__(self, treffers: Iterable[object] = (), *, totaal: int | None = None) -> None:
        super().__init__(treffers)
        self.totaal = len(self) if totaal is None else totaal

    @property
    def afgekapt(self) -> bool:
        return self.totaal > len(self)


@dataclass
class _Taal:
    """What search knows beyond one text: the corpus vocabulary (for compounds) and abbreviations."""

    woorden: frozenset[str]  # folded words of the corpus, and their stems
    afkortingen: dict[str, tuple[str, ...]]  # folded abbreviation -> folded phrases
    delen: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    teksten: dict[str, _Tekst] = field(default_factory=dict)  # prepared texts, by criterion or item ID

    def tekst(self, sleutel: str, tekst: str) -> _Tekst:
        if sleutel not in self.teksten:
            self.teksten[sleutel] = _Tekst.maak(tekst, self)
        return self.teksten[sleutel]

    def splits(self, woord: str) -> tuple[str, str] | None:
        """(first part, rest) of a compound of known words, e.g. 'klachtenregeling' -> ('klachten', 'regeling')."""
        if woord in self.delen:
            return self.delen[woord]
        beste: tuple[str, str] | None = None
        if len(woord) >= 2 * KORT and woord.isalpha():
            for i in range(len(woord) - KORT, KORT - 1, -1):  # longest first part first
                eerste, rest = woord[:i], woord[i:]
                if not self.bekend(eerste):
                    continue
                for verbinding in _VERBINDINGEN:
                    kop = rest[len(verbinding):]
                    if rest.startswith(verbinding) and len(kop) >= KORT and (self.bekend(kop) or self.splits(kop)):
                        beste = (eerste, kop)
                        break
                if beste:
                    break
        self.delen[woord] = beste
        return beste

    def bekend(self, woord: str) -> bool:
        """A word of the corpus, in this or another inflection ('procedure' when only 'procedures' occurs)."""
        return woord in self.woorden or stam(woord) in self.woorden


_TAAL: dict[str, _Taal] = {}


def _taal(corpus: Corpus) -> _Taal:
    sleutel = f"{corpus.versie}:{id(corpus)}"
    if sleutel not in _TAAL:
        woorden: set[str] = set()
        for criterium in corpus.criteria():
            woorden.update(fold(_searchable(criterium)).split())
        for profiel in corpus.beroepsprofielen:
            for item in profiel.items:
                woorden.update(fold(item.tekst).split())
        afkortingen = {fold(a.afkorting): tuple(fold(v) for v in a.voluit) for a in corpus.afkortingen}
        _TAAL.clear()  # one corpus at a time is what a process searches
        lang = {w for w in woorden if len(w) >= KORT}
        _TAAL[sleutel] = _Taal(frozenset(lang | {stam(w) for w in lang}), afkortingen)
    return _TAAL[sleutel]


@dataclass(frozen=True)
class _Vraag:
    """A query, prepared once: per word its stem and (for a compound) the stems of its parts."""

    woorden: tuple[str, ...]  # folded, with a known written-out phrase replaced by its abbreviation
    stammen: tuple[str, ...]
    delen: tuple[tuple[str, str] | None, ...]
    voordeel: tuple[bool, ...] = ()  # per word: may its first part alone match (it is rare enough)?

    def met_zeldzaamheid(self, teksten: list[_Tekst]) -> _Vraag:
        """Allow a compound's first part alone only where that part is rare among `teksten`."""
        from dataclasses import replace

        grens = max(1, int(_VOORDEEL_ZELDZAAM * len(teksten)))
        voordeel = []
        for delen in self.delen:
            if delen is None:
                voordeel.append(False)
                continue
            eerste = delen[0]
            aantal = sum(1 for t in teksten if eerste in t.stammen or eerste in t.delen or t.begint_met(eerste))
            voordeel.append(aantal <= grens)
        return replace(self, voordeel=tuple(voordeel))

    @classmethod
    def maak(cls, query: str, taal: _Taal) -> _Vraag:
        gevouwen = f" {fold(query)} "
        for afkorting, zinnen in taal.afkortingen.items():
            for zin in zinnen:
                gevouwen = gevouwen.replace(f" {zin} ", f" {afkorting} ")
        woorden = tuple(gevouwen.split())
        delen = []
        for woord in woorden:
            gesplitst = taal.splits(woord)
            delen.append((stam(gesplitst[0]), stam(gesplitst[1])) if gesplitst else None)
        return cls(woorden, tuple(stam(w) for w in woorden), tuple(delen))


@dataclass
class _Tekst:
    """A searched text, prepared once per search."""

    stammen: set[str]
    delen: set[str]  # stems of the parts of its compounds
    lengte: int

    @classmethod
    def maak(cls, tekst: str, taal: _Taal) -> _Tekst:
        gevouwen = fold(tekst)
        woorden = gevouwen.split()
        stammen = {stam(w) for w in woorden}
        delen: set[str] = set()
        for woord in set(woorden):
            gesplitst = taal.splits(woord)
            while gesplitst:
                delen.add(stam(gesplitst[0]))
                delen.add(stam(gesplitst[1]))
                gesplitst = taal.splits(gesplitst[1])
        omlijst = f" {gevouwen} "
        for afkorting, zinnen in taal.afkortingen.items():
            if any(f" {zin} " in omlijst for zin in zinnen):
                stammen.add(stam(afkorting))
        return cls(stammen, delen, len(woorden))

    def begint_met(self, stam_: str) -> bool:
        return any(s.startswith(stam_) for s in self.stammen)


def _boete(vraag: _Vraag, index: int, tekst: _Tekst) -> float | None:
    """How indirectly query word `index` matches the text (0 = exactly), or None when it does not."""
    q = vraag.stammen[index]
    if q in tekst.stammen:
        return 0.0
    if len(q) >= KORT and tekst.begint_met(q):
        return _PREFIX
    if len(q) > KORT and q in tekst.delen:
        return _DEEL
    delen = vraag.delen[index]
    if delen is not None:
        eerste, kop = delen
        if eerste in tekst.stammen or tekst.begint_met(eerste) or eerste in tekst.delen:
            if kop in tekst.stammen or kop in tekst.delen or tekst.begint_met(kop):
                return _DEEL
            if vraag.voordeel and vraag.voordeel[index]:
                return _VOORDEEL
    if len(q) >= _TIKFOUT_LENGTE:
        from rapidfuzz import fuzz, process

        kandidaten = [s for s in tekst.stammen if abs(len(s) - len(q)) <= 2 and len(s) >= _TIKFOUT_LENGTE - 1]
        if process.extractOne(q, kandidaten, scorer=fuzz.ratio, score_cutoff=_TIKFOUT_DREMPEL):
            return _TIKFOUT
    return None


def _score(vraag: _Vraag, tekst: _Tekst) -> float:
    boetes = []
    for index in range(len(vraag.stammen)):
        boete = _boete(vraag, index, tekst)
        if boete is None:
            return 0.0
        boetes.append(boete)
    # Shorter texts that are about the query rank above long ones that mention it.
    return 100.0 - sum(boetes) / len(boetes) - min(9.0, tekst.lengte / 40.0)


def _searchable(criterium: Criterium) -> str:
    return " ".join([*criterium.groep, *criterium.alle_teksten()])


def _snippet(text: str, vraag: _Vraag, taal: _Taal, width: int = 160) -> str:
    plain = " ".join(strip_markup(text).split())
    words = plain.split()
    begin = set(vraag.stammen) | {d[0] for d in vraag.delen if d}
    for woord in vraag.woorden:  # an abbreviation also shows where it is written out
        begin |= {stam(z.split()[0]) for z in taal.afkortingen.get(woord, ())}
    stems = [stam(fold(w).split()[0]) if fold(w) else "" for w in words]
    hit = next((i for i, s in enumerate(stems) if s and any(s.startswith(q) for q in begin)), 0)
    start = max(0, hit - 8)
    snippet = " ".join(words[start:])
    if len(snippet) > width:
        snippet = snippet[:width].rsplit(" ", 1)[0] + " …"
    return ("… " if start else "") + snippet


def _afgekapt(treffers: list, limiet: int | None) -> Zoekresultaten:  # type: ignore[type-arg]
    return Zoekresultaten(treffers[:limiet] if limiet else treffers, totaal=len(treffers))


def _controleer_zoekterm(query: object) -> str:
    """The query, refused when it is no text or longer than the limit: scoring costs time per
    character of the query (a 100 KB query ran for minutes), and a search is a few words.

    Raises:
        ArgumentFout: not a text.
        LimietFout: longer than `limieten.ZOEKTERM`.
    """
    from .errors import als_type
    from .limieten import ZOEKTERM

    als_type(query, "zoekterm", str, "een tekst")
    ZOEKTERM.controleer(len(query), "de zoekterm")  # type: ignore[arg-type]
    return query  # type: ignore[return-value]


def find_profielen(corpus: Corpus, query: str, *, limiet: int | None = 25) -> Zoekresultaten:
    """Search the professional profiles' items (competences, levels, results), best first.

    Returns a list of `ProfielTreffer` that also has `totaal` and `afgekapt` (see `Zoekresultaten`).
    """
    taal = _taal(corpus)
    vraag = _Vraag.maak(_controleer_zoekterm(query), taal)
    if not vraag.stammen:
        return Zoekresultaten()
    kandidaten = []
    for profiel in corpus.beroepsprofielen:
        # Level requirements (education, registration) are searchable as the level's item.
        levels = [ProfielItem(n.id, n.eistekst, n.opleiding_regel, profiel.sleutel) for n in profiel.niveaus]
        level_ids = {n.id for n in profiel.niveaus}
        for item in [*levels, *(i for i in profiel.items if i.id not in level_ids)]:
            kandidaten.append((profiel, item, taal.tekst(f"{profiel.sleutel}/{item.id}", item.tekst)))
    vraag = vraag.met_zeldzaamheid([t for _, _, t in kandidaten])
    hits = []
    for profiel, item, tekst in kandidaten:
        score = _score(vraag, tekst)
        if score >= MIN_SCORE:
            hits.append(ProfielTreffer(item, profiel.titel, round(score, 1), _snippet(item.tekst, vraag, taal)))
    hits.sort(key=lambda h: (-h.score, h.item.id))
    return _afgekapt(hits, limiet)


def find(
    corpus: Corpus,
    query: str,
    *,
    themas: Iterable[Thema] = (),
    kaders: Iterable[int] = (),
    segment: str | None = None,
    limiet: int | None = 25,
) -> Zoekresultaten:
    """Search criteria for `query`, best first (see the module docstring for how words match).

    Filters narrow the candidates to themes, kader numbers, or the kaders that apply to a segment;
    `segment` may be written as the CLI accepts it ('wmo-1a', 'Wmo 1a', 'jh4').

    Returns a list of `Zoekresultaat` with two extra attributes: `totaal` (hits before `limiet`)
    and `afgekapt` (True when `limiet` left hits out).

    Raises:
        OnbekendeWaarde: an unknown segment, with the closest one as suggestion.
        LimietFout: the query is longer than `limieten.ZOEKTERM` (200 characters by default).
    """
    from .errors import als_lijst, als_type
    from .resolve import resolve_segment

    query = _controleer_zoekterm(query)
    themas = als_lijst(themas, "themas", (Thema, str), "[Thema.ORGANISATIE]")  # a text matched nothing: []
    kaders = als_lijst(kaders, "kaders", int, "[1, 5]")
    als_type(limiet, "limiet", int, "een geheel getal (b.v. 10) of None", geen=True)
    segment_kaders = None
    if segment is not None:
        gevonden = resolve_segment(corpus, segment)
        segment_kaders = {k.nummer for k, _ in corpus.kaders_voor_segment(gevonden.id)}
    taal = _taal(corpus)
    vraag = _Vraag.maak(query, taal)
    if not vraag.stammen:
        return Zoekresultaten()
    thema_set, kader_set = set(themas), set(kaders)
    alle = [(criterium, taal.tekst(criterium.id, _searchable(criterium))) for criterium in corpus.criteria()]
    vraag = vraag.met_zeldzaamheid([t for _, t in alle])  # rarity over the whole corpus, not the filter

    results: list[Zoekresultaat] = []
    for criterium, tekst in alle:
        if thema_set and not thema_set.intersection(criterium.thema):
            continue
        if kader_set and criterium.kader not in kader_set:
            continue
        if segment_kaders is not None and criterium.kader not in segment_kaders:
            continue
        score = _score(vraag, tekst)
        if score >= MIN_SCORE:
            results.append(Zoekresultaat(criterium, round(score, 1), _snippet(_searchable(criterium), vraag, taal)))
    results.sort(key=lambda r: (-r.score, r.criterium.kader, r.criterium.id))
    return _afgekapt(results, limiet)


def __getattr__(naam: str) -> object:
    """Old names of renamed functions, for one release (with a DeprecationWarning)."""
    from .verouderd import alias

    return alias(__name__, naam, {"zoek": find, "zoek_profielen": find_profielen})
