"""Full-text search over criteria: Dutch-aware, typo-tolerant, ranked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Corpus, Criterium, Thema
from .personeel import ProfielItem
from .text import fold, stam, strip_markup, tokens

MIN_SCORE = 70.0


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


def _searchable(criterium: Criterium) -> str:
    return " ".join([*criterium.groep, *criterium.alle_teksten()])


def _snippet(text: str, query_tokens: list[str], width: int = 160) -> str:
    plain = " ".join(strip_markup(text).split())
    words = plain.split()
    stems = [(tokens(w) or [""])[0] for w in words]
    hit = next((i for i, s in enumerate(stems) if any(s.startswith(q) for q in query_tokens)), 0)
    start = max(0, hit - 8)
    snippet = " ".join(words[start:])
    if len(snippet) > width:
        snippet = snippet[:width].rsplit(" ", 1)[0] + " …"
    return ("… " if start else "") + snippet


def _score(query_tokens: list[str], folded_query: str, text: str) -> float:
    """Stemmed-token hits first (all query words present), else a typo-tolerant partial ratio."""
    from rapidfuzz import fuzz

    folded = fold(text)
    doc_tokens = [stam(w) for w in folded.split()]  # = tokens(text), without folding twice
    doc_set = set(doc_tokens)
    exact = sum(1 for q in query_tokens if q in doc_set)
    prefix = sum(1 for q in query_tokens if q not in doc_set and any(d.startswith(q) for d in doc_set))
    if exact + prefix == len(query_tokens):
        # Shorter texts that are about the query rank above long ones that mention it.
        return 100.0 - 10.0 * prefix / len(query_tokens) - min(9.0, len(doc_tokens) / 40.0)
    return fuzz.partial_ratio(folded_query, folded) * 0.9


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


def zoek_profielen(corpus: Corpus, query: str, *, limiet: int | None = 25) -> list[ProfielTreffer]:
    """Search the professional profiles' items (competences, levels, results), best first."""
    query_tokens = tokens(_controleer_zoekterm(query))
    if not query_tokens:
        return []
    folded_query = fold(query)
    hits = []
    for profiel in corpus.beroepsprofielen:
        # Level requirements (education, registration) are searchable as the level's item.
        levels = [ProfielItem(n.id, n.eistekst, n.opleiding_regel, profiel.sleutel) for n in profiel.niveaus]
        level_ids = {n.id for n in profiel.niveaus}
        for item in [*levels, *(i for i in profiel.items if i.id not in level_ids)]:
            score = _score(query_tokens, folded_query, item.tekst)
            if score >= MIN_SCORE:
                hits.append(ProfielTreffer(item, profiel.titel, round(score, 1), _snippet(item.tekst, query_tokens)))
    hits.sort(key=lambda h: (-h.score, h.item.id))
    return hits[:limiet] if limiet else hits


def zoek(
    corpus: Corpus,
    query: str,
    *,
    themas: Iterable[Thema] = (),
    kaders: Iterable[int] = (),
    segment: str | None = None,
    limiet: int | None = 25,
) -> list[Zoekresultaat]:
    """Search criteria for `query`, best first.

    Matching ignores case, accents, punctuation and simple inflection ('meldingen' finds
    'melding'); a typo still matches through rapidfuzz's partial ratio. Filters narrow the
    candidates to themes, kader numbers, or the kaders that apply to a segment.

    Raises:
        LimietFout: the query is longer than `limieten.ZOEKTERM` (200 characters by default).
    """
    query_tokens = tokens(_controleer_zoekterm(query))
    if not query_tokens:
        return []
    folded_query = fold(query)
    thema_set, kader_set = set(themas), set(kaders)
    segment_kaders = {k.nummer for k, _ in corpus.kaders_voor_segment(segment)} if segment else None

    results: list[Zoekresultaat] = []
    for criterium in corpus.criteria():
        if thema_set and not thema_set.intersection(criterium.thema):
            continue
        if kader_set and criterium.kader not in kader_set:
            continue
        if segment_kaders is not None and criterium.kader not in segment_kaders:
            continue
        text = _searchable(criterium)
        score = _score(query_tokens, folded_query, text)
        if score >= MIN_SCORE:
            results.append(Zoekresultaat(criterium, round(score, 1), _snippet(text, query_tokens)))
    results.sort(key=lambda r: (-r.score, r.criterium.kader, r.criterium.id))
    return results[:limiet] if limiet else results
