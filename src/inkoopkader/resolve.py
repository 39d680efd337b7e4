"""Turning what a user types into corpus objects: segment, kader and thema references."""

from __future__ import annotations

import re

from .errors import OnbekendeWaarde, als_type, dichtstbijzijnde
from .model import Corpus, Kader, Segment, Thema

_DOMAIN_ABBREVIATIONS = {"jh": "jeugdhulp", "jeugd": "jeugdhulp", "sw": "sociaalwerk"}


def _squash(text: str) -> str:
    """'Wmo 1a', 'WMO-1A', 'wmo_1a', 'Wmo Segment 1a' -> 'wmo1a'."""
    text = re.sub(r"\bsegment(en)?\b", "", text.lower())
    text = re.sub(r"[\s_\-./]+", "", text)
    match = re.fullmatch(r"([a-z]+?)(\d.*)?", text)
    if match and match.group(1) in _DOMAIN_ABBREVIATIONS:
        text = _DOMAIN_ABBREVIATIONS[match.group(1)] + (match.group(2) or "")
    return text


def resolve_segment(corpus: Corpus, reference: str) -> Segment:
    """Find a segment by ID or an obvious spelling ('Wmo 1a', 'jh1', 'JEUGDHULP-3').

    Raises:
        OnbekendeWaarde: with the closest segment ID as suggestion.
    """
    als_type(reference, "segment", str, "een tekst zoals 'wmo-1a'")
    wanted = _squash(reference)
    for segment in corpus.segmenten:
        names = [segment.id, *segment.aliassen]
        if any(_squash(name) == wanted for name in names):
            return segment
    ids = [s.id for s in corpus.segmenten]
    # 'wmo-4' is a Wmo segment that does not exist: suggest the Wmo segments, not 'jeugdhulp-4'
    # (closer as text). The domain is the letters before the number ('jh' counts as jeugdhulp).
    domein = re.match(r"[a-z]+", wanted)
    zelfde = [s for s in corpus.segmenten
              if domein and len(domein.group()) >= 2 and _squash(s.id).startswith(domein.group())]
    if zelfde:
        opties = [s.id for s in zelfde]
        raise OnbekendeWaarde("segment", reference, _naaste(wanted, opties), opties,
                              bekend_als=f"{zelfde[0].domein}-segmenten")
    raise OnbekendeWaarde("segment", reference, dichtstbijzijnde(reference, ids), ids)


def _naaste(gezocht: str, opties: list[str]) -> str:
    """The option whose number is nearest ('wmo4' -> 'wmo-3'), else the closest as text."""
    getal = re.search(r"\d+", gezocht)
    genummerd = [(int(m.group()), o) for o in opties if (m := re.search(r"\d+", o))]
    if getal and genummerd:
        return min(genummerd, key=lambda no: abs(no[0] - int(getal.group())))[1]
    return dichtstbijzijnde(gezocht, opties, drempel=0) or opties[0]


def resolve_kader(corpus: Corpus, reference: str | int) -> Kader:
    """Find a kader by number ('8'), sleutel ('jij-kader'), prefix ('jij') or title."""
    als_type(reference, "kader", (str, int), "een nummer of sleutel zoals 8 of 'jij-kader'")
    if isinstance(reference, int):
        for kader in corpus.kaders:
            if kader.nummer == reference:
                return kader
        known = [f"{k.nummer} ({k.sleutel})" for k in corpus.kaders]
        raise OnbekendeWaarde("kader", reference, None, known)
    text = reference.strip()
    if text.isascii() and text.isdigit() and len(text) <= 9:  # int() refuses 4,301 digits, and '²'
        for kader in corpus.kaders:
            if kader.nummer == int(text):
                return kader
    lowered = text.lower()
    for kader in corpus.kaders:
        if lowered in (kader.sleutel, kader.prefix, kader.titel.lower()):
            return kader
    options = [k.sleutel for k in corpus.kaders]
    known = [f"{k.nummer} ({k.sleutel})" for k in corpus.kaders]
    raise OnbekendeWaarde("kader", text, dichtstbijzijnde(text, options), known)


def resolve_thema(reference: str) -> Thema:
    """Find a thema by (abbreviated) name: 'vak' -> vakmanschap."""
    als_type(reference, "thema", str, "een tekst zoals 'vakmanschap'")
    lowered = reference.strip().lower()
    for thema in Thema:
        if thema.value == lowered or (len(lowered) >= 3 and thema.value.startswith(lowered)):
            return thema
    values = [t.value for t in Thema]
    raise OnbekendeWaarde("thema", reference, dichtstbijzijnde(reference, values), values)
