"""Polarity and actor of a sentence: is an obligation negated, waived, or laid on someone else?

A tender writer who copies a criterion can turn it around with one word: "De organisatie hoeft niet
aan te tonen dat …", "… is optioneel", "De gemeente toont aan dat …". The words are still the
criterion's, so the matcher finds it; this module says what changed, comparing the draft sentence
that carries a criterion with the criterion's own text:

* **ontkenning** — the number of negating words (`niet`, `geen` …) in the parts of the sentence that
  carry the obligation differs by an odd number from the source: the obligation is negated, or a
  negation of the source was dropped. Word groups that negate nothing ("niet alleen", "niet later
  dan") and conditional clauses ("…, ook als de inwoner het niet eens is") do not count;
* **kwijtschelding** — words that make a requirement optional or lift it ("facultatief", "vervalt",
  "is niet verplicht" counts as a negation already), when the source does not have them;
* **actor** — who does it: the first actor named as subject, or after "door" ("wordt door de
  consulent opgesteld"), "is aan" ("het is aan de gemeente om …"). An actor after another preposition
  ("in overleg met de gemeente") does not act; the gemeente that asks something of the provider
  ("De gemeente verwacht dat Opdrachtnemer …") neither; an actor that belongs to another ("de
  medewerker van de gemeente") is the other's.

All word lists are data: section `polariteit` of `data/check/synoniemen.yaml` (`taal.Polariteit`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import fold_word, stam, strip_markup
from .taal import Frase, Polariteit

__all__ = ["Actor", "Zinsbeeld", "analyseer", "is_gebiedend", "terugverwijzing"]

_WOORD = re.compile(r"[^\W_]+")
_DEELGRENS = re.compile(r"[,;:()\[\]–—]|\s-\s")  # clause boundaries inside a sentence
_MAX_ONDERWERP = 6  # an actor after 'van' within this many words of a clause's start owns its subject


@dataclass(frozen=True)
class Actor:
    kant: str  # "eigen" (the provider and its staff) | "ander" (gemeente, consulent, toegangsteam …)
    tekst: str  # the words in the sentence


@dataclass(frozen=True)
class Zinsbeeld:
    """What one sentence says about its obligation."""

    ontkenningen: int  # negating words in the parts that carry the obligation
    ontkenning_tekst: str  # a short quote around the first one ('' when none)
    kwijtschelding: tuple[str, ...]  # waiver word groups, as written
    kwijtschelding_sleutels: frozenset[Frase]
    actor: Actor | None


class _Woorden:
    """A text as words: folded surface and stem, with character offsets."""

    def __init__(self, tekst: str) -> None:
        self.tekst = tekst
        matches = list(_WOORD.finditer(tekst))
        self.gevouwen = [fold_word(m.group()) for m in matches]
        self.stam = [stam(v) for v in self.gevouwen]
        self.begin = [m.start() for m in matches]
        self.eind = [m.end() for m in matches]

    def __len__(self) -> int:
        return len(self.stam)

    def tekst_van(self, i: int, j: int) -> str:
        return self.tekst[self.begin[i] : self.eind[j - 1]] if j > i else ""

    def frase_op(self, i: int, frasen: tuple[Frase, ...]) -> int:
        """Length of the longest phrase (longest first in `frasen`) that starts at word i; 0 for none."""
        if i >= len(self.stam):
            return 0
        for frase in _op_eerste(frasen).get(self.stam[i], ()):
            n = len(frase)
            if i + n <= len(self.stam) and tuple(self.stam[i : i + n]) == frase:
                return n
        return 0

    def frase_eindigt_op(self, j: int, frasen: tuple[Frase, ...]) -> int:
        """Length of the longest phrase that ends just before word j; 0 for none."""
        if j <= 0 or j > len(self.stam):
            return 0
        for frase in _op_laatste(frasen).get(self.stam[j - 1], ()):
            n = len(frase)
            if j - n >= 0 and tuple(self.stam[j - n : j]) == frase:
                return n
        return 0

    def vind(self, frasen: tuple[Frase, ...], lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        """Non-overlapping occurrences [i, j) of the phrases in words lo..hi, left to right."""
        hi = len(self.stam) if hi is None else hi
        result = []
        i = lo
        while i < hi:
            n = self.frase_op(i, frasen)
            if n and i + n <= hi:
                result.append((i, i + n))
                i += n
            else:
                i += 1
        return result


_INDEXEN: dict[tuple[int, int], tuple[tuple[Frase, ...], dict[str, tuple[Frase, ...]]]] = {}


def _index(frasen: tuple[Frase, ...], positie: int) -> dict[str, tuple[Frase, ...]]:
    """The phrases by their first (positie 0) or last (-1) stem, each list still longest first.

    A list of the synonym file is fixed once loaded; looking up a word's stem instead of trying every
    phrase at every word makes a sentence's analysis several times faster.
    """
    found = _INDEXEN.get((id(frasen), positie))
    if found is None or found[0] is not frasen:
        index: dict[str, list[Frase]] = {}
        for frase in frasen:
            if frase:
                index.setdefault(frase[positie], []).append(frase)
        found = _INDEXEN[(id(frasen), positie)] = (frasen, {k: tuple(v) for k, v in index.items()})
    return found[1]


def _op_eerste(frasen: tuple[Frase, ...]) -> dict[str, tuple[Frase, ...]]:
    return _index(frasen, 0)


def _op_laatste(frasen: tuple[Frase, ...]) -> dict[str, tuple[Frase, ...]]:
    return _index(frasen, -1)


def _delen(woorden: _Woorden) -> list[tuple[int, int]]:
    """Word ranges of the clauses of a sentence (split at commas, semicolons, parentheses …)."""
    grenzen = [m.start() for m in _DEELGRENS.finditer(woorden.tekst)]
    result = []
    lo = 0
    for grens in [*grenzen, len(woorden.tekst) + 1]:
        hi = lo
        while hi < len(woorden) and woorden.begin[hi] < grens:
            hi += 1
        if hi > lo:
            result.append((lo, hi))
        lo = hi
    return result


def _ontkenningen(woorden: _Woorden, pol: Polariteit, draagt: set[str] | None) -> tuple[int, str]:
    """Negating words in the clauses that carry the obligation; with a quote around the first.

    `draagt`: stems that make a clause carry the obligation (the criterion's words); None: every
    clause counts (the criterion's own text). A clause with an obligation word counts too.
    """
    aantal, citaat = 0, ""
    for lo, hi in _delen(woorden):
        if woorden.frase_op(lo, pol.voorwaarden):
            continue  # '… als de inwoner het niet eens is'
        if draagt is not None:
            eigen = any(s in draagt for s in woorden.stam[lo:hi])
            if not eigen and not woorden.vind(pol.verplichting, lo, hi):
                continue
        uitgezonderd: set[int] = set()
        for i, j in woorden.vind(pol.geen_ontkenning, lo, hi):
            uitgezonderd.update(range(i, j))
        for k in range(lo, hi):
            if woorden.stam[k] in pol.ontkenning and k not in uitgezonderd:
                aantal += 1
                if not citaat:
                    citaat = woorden.tekst_van(max(lo, k - 2), min(hi, k + 3))
    return aantal, citaat


def _actor(woorden: _Woorden, pol: Polariteit) -> Actor | None:
    """The actor of a sentence: the first subject or agent that is an actor, see the module docstring."""
    n = len(woorden)
    vermeldingen: list[tuple[int, int, str]] = []
    i = 0
    while i < n:
        lengte = woorden.frase_op(i, pol.andere_actoren)
        eigen = woorden.frase_op(i, pol.eigen_actoren)
        if eigen > lengte:
            vermeldingen.append((i, i + eigen, "eigen"))
            i += eigen
        elif lengte:
            vermeldingen.append((i, i + lengte, "ander"))
            i += lengte
        else:
            i += 1
    if not vermeldingen:
        return None
    delen = _delen(woorden)

    def deelbegin(i: int) -> int:
        return next((lo for lo, hi in delen if lo <= i < hi), 0)

    def ervoor(i: int) -> int:
        """Index just after the word that governs the mention (determiners and adjectives skipped)."""
        k = i
        for _ in range(3):
            if k > 0 and (woorden.gevouwen[k - 1] in pol.bepalers or (woorden.gevouwen[k - 1].endswith("e")
                                                                   and len(woorden.gevouwen[k - 1]) > 3
                                                                   and woorden.stam[k - 1] not in pol.ontkenning)):
                k -= 1
            else:
                break
        return k

    rollen: list[tuple[int, int, str, str]] = []  # (i, j, side, role)
    vorige_eind = -1
    for i, j, kant in vermeldingen:
        k = ervoor(i)
        if woorden.frase_eindigt_op(k, pol.handelend):
            rol = "handelend"
        elif woorden.frase_eindigt_op(k, pol.voorzetsels):
            rol = "voorzetsel"
            if woorden.gevouwen[k - 1] == "van":
                if vorige_eind == k - 1:
                    rol = "bezitter"  # 'de medewerker van de gemeente'
                elif i - deelbegin(i) <= _MAX_ONDERWERP and not rollen:
                    rol = "onderwerp"  # 'Het centrale meldpunt van de gemeente is …'
        else:
            rol = "onderwerp"
        if rol == "onderwerp" and kant == "ander" and woorden.vind(pol.opdrachtgevend, j, min(n, j + 3)):
            rol = "opdrachtgever"  # 'De gemeente verwacht dat Opdrachtnemer …'
        rollen.append((i, j, kant, rol))
        vorige_eind = j

    gekozen = next((r for r in rollen if r[3] == "handelend"), None) or next(
        (r for r in rollen if r[3] == "onderwerp"), None)
    if gekozen is None:
        return None
    index = rollen.index(gekozen)
    i, j, kant, _ = gekozen
    tekst = woorden.tekst_van(i, j)
    # 'de medewerker van de gemeente': the owner decides.
    if index + 1 < len(rollen) and rollen[index + 1][3] == "bezitter":
        bi, bj, bkant, _ = rollen[index + 1]
        return Actor(bkant, woorden.tekst_van(i, bj))
    # 'De gemeente en Opdrachtnemer stellen samen …': the provider is still one of the actors.
    if kant == "ander" and index + 1 < len(rollen):
        ni, _, nkant, _ = rollen[index + 1]
        tussen = set(woorden.gevouwen[j:ni])
        if nkant == "eigen" and ni - j <= 3 and tussen & {"en", "of", "samen", "met"}:
            return Actor("eigen", woorden.tekst_van(i, rollen[index + 1][1]))
    return Actor(kant, tekst)


def analyseer(tekst: str, pol: Polariteit, draagt: set[str] | None = None) -> Zinsbeeld:
    """What a sentence says about its obligation: negations, waivers and the actor.

    `draagt`: the stems of the criterion it carries; only clauses with one of them (or with an
    obligation word) count for negations. None: the whole text counts (a criterion's own sentence).
    """
    return _analyseer(strip_markup(tekst), pol, frozenset(draagt) if draagt is not None else None)


@lru_cache(maxsize=4096)
def _analyseer(tekst: str, pol: Polariteit, draagt: frozenset[str] | None) -> Zinsbeeld:
    woorden = _Woorden(tekst)
    aantal, citaat = _ontkenningen(woorden, pol, set(draagt) if draagt is not None else None)
    kwijt = woorden.vind(pol.kwijtschelding)
    return Zinsbeeld(
        ontkenningen=aantal,
        ontkenning_tekst=citaat,
        kwijtschelding=tuple(woorden.tekst_van(i, j) for i, j in kwijt),
        kwijtschelding_sleutels=frozenset(tuple(woorden.stam[i:j]) for i, j in kwijt),
        actor=_actor(woorden, pol),
    )


def terugverwijzing(tekst: str, pol: Polariteit) -> str | None:
    """A sentence that waives the requirement before it ('Deze eis vervalt.'): a quote, else None."""
    woorden = _Woorden(strip_markup(tekst))
    if not woorden.vind(pol.terugverwijzing):
        return None
    aantal, citaat = _ontkenningen(woorden, pol, None)
    if aantal % 2:
        return citaat or tekst
    kwijt = woorden.vind(pol.kwijtschelding)
    if kwijt:
        return woorden.tekst_van(*kwijt[0])
    return None


def is_gebiedend(tekst: str, pol: Polariteit) -> bool:
    """Whether a criterion starts in the imperative ('Zorg ervoor dat …'): addressed to the reader."""
    m = _WOORD.search(strip_markup(tekst))
    return bool(m) and fold_word(m.group()) in pol.gebiedend
