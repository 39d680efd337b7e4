"""inkoopkader: kwaliteitscriteria uit vijftien kwaliteitskaders voor inkoop van jeugdhulp en Wmo.

Public API (import stays cheap: heavy dependencies load only when a function needs them):

    >>> import inkoopkader
    >>> corpus = inkoopkader.load_corpus()
    >>> [k.sleutel for k, _ in corpus.kaders_voor_segment("wmo-1a")][:2]
    ['beschermd-wonen-mo', 'werken-aan-veiligheid']
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import load_corpus, validate_corpus
from .errors import Bevinding, CorpusFout, InkoopkaderError, OnbekendeWaarde
from .model import (
    Corpus,
    Criterium,
    Doelgroep,
    Item,
    Kader,
    Notitie,
    Relevantie,
    Segment,
    Thema,
    Vorm,
)
from .resolve import resolve_kader, resolve_segment, resolve_thema
from .search import Zoekresultaat, zoek

__all__ = [
    "Bevinding",
    "Corpus",
    "CorpusFout",
    "Criterium",
    "Doelgroep",
    "InkoopkaderError",
    "Item",
    "Kader",
    "Notitie",
    "OnbekendeWaarde",
    "Relevantie",
    "Segment",
    "Thema",
    "Vorm",
    "Zoekresultaat",
    "__version__",
    "load_corpus",
    "resolve_kader",
    "resolve_segment",
    "resolve_thema",
    "validate_corpus",
    "zoek",
]
