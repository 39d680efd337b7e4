"""Dutch-aware text handling: normalisation for search and matching, and inline markup."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
_NON_WORD = re.compile(r"[^\w]+")
_VOWELS = frozenset("aeiouy")
_DOUBLE_VOWEL = re.compile(r"(aa|ee|oo|uu)([^aeiouy])$")


_STUURTEKENS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATEN = re.compile("[\ud800-\udfff]")


def stuurtekens_weg(tekst: str) -> str:
    """Text that every output format accepts: a control character (the vertical tab Word puts in
    copied text, a form feed, NUL …) becomes a space, a lone surrogate (from bytes that were not
    UTF-8) the replacement character; tab and line breaks stay."""
    if _STUURTEKENS.search(tekst):
        tekst = _STUURTEKENS.sub(" ", tekst)
    if _SURROGATEN.search(tekst):
        tekst = _SURROGATEN.sub("\ufffd", tekst)
    return tekst


_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def csv_veilig(waarde: object) -> object:
    """A spreadsheet cell that is never run as a formula: text starting with =, +, -, @, a tab or a
    carriage return gets a leading apostrophe (Excel and LibreOffice show the text as it stands).
    Anything that is not text is returned unchanged."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE_BEGIN):
        return "'" + waarde
    return waarde


_MD_TEKENS = re.compile(r"([\\`*_\[\]|~])")


def md_tekst(waarde: object) -> str:
    """A value from the user (title, gemeente, kenmerk …) as literal Markdown text on one line.

    Line breaks and control characters become spaces (a value cannot start a heading, list or
    block of its own), Markdown's inline markers are escaped with a backslash and '<' and '>' are
    written as entities, so no raw HTML reaches a Markdown viewer or the web preview.
    """
    tekst = " ".join(stuurtekens_weg(str(waarde)).split())
    tekst = _MD_TEKENS.sub(r"\\\1", tekst)
    return tekst.replace("<", "&lt;").replace(">", "&gt;")


def strip_markup(text: str) -> str:
    """Remove `**vet**` / `*cursief*` markers, keeping the words."""
    return _MARKUP.sub(lambda m: m.group(1) or m.group(2), text)


def markup_runs(text: str) -> list[tuple[str, bool, bool]]:
    """Split text into (fragment, bold, italic) runs for renderers."""
    runs: list[tuple[str, bool, bool]] = []
    pos = 0
    for match in _MARKUP.finditer(text):
        if match.start() > pos:
            runs.append((text[pos : match.start()], False, False))
        if match.group(1) is not None:
            runs.append((match.group(1), True, False))
        else:
            runs.append((match.group(2), False, True))
        pos = match.end()
    if pos < len(text):
        runs.append((text[pos:], False, False))
    return runs


def fold(text: str) -> str:
    """Lower case without accents or punctuation: 'Cliënt-ondersteuning' -> 'client ondersteuning'."""
    text = unicodedata.normalize("NFKD", strip_markup(text).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word folded: lower case, accents removed ('Cliënt' -> 'client')."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def stam(word: str) -> str:
    """A light Dutch stemmer for folded words; forms of one word share a stem.

    'meldingen' -> 'melding', 'cliënten'/'cliënt' -> 'clien', 'toont'/'tonen' -> 'ton',
    'gemaakt'/'maken' -> 'mak', 'organiseert'/'organiseren' -> 'organiser'.
    """
    if word.isdigit() or len(word) <= 3:
        return word
    if len(word) >= 6 and word.startswith("ge") and word[-1] in "dt" and word[2] not in "e":
        word = word[2:]  # participle: gemaakt -> maakt, gericht -> richt
    stripped = ""
    if word.endswith("heden"):
        word, stripped = word[:-5] + "heid", "heden"
    else:
        for suffix in ("en", "es", "e", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word, stripped = word[: -len(suffix)], suffix
                break
    if stripped in ("en", "e") and len(word) >= 3:
        if word[-1] == word[-2] and word[-1] not in _VOWELS:
            word = word[:-1]  # hebben -> heb, beschikken -> beschik
        elif word[-1] == "v":
            word = word[:-1] + "f"  # geven -> gef (geeft)
        elif word[-1] == "z":
            word = word[:-1] + "s"  # wijze -> wijs
    if len(word) >= 4 and word[-1] == "t" and word[-2] != "t":
        word = word[:-1]  # verb -t: meldt -> meld, toont -> toon
    match = _DOUBLE_VOWEL.search(word)
    if match and len(word) >= 3:
        word = word[: match.start()] + match.group(1)[0] + match.group(2)  # toon -> ton (tonen)
    return word


def tokens(text: str) -> list[str]:
    """Folded, stemmed word tokens."""
    return [stam(word) for word in fold(text).split()]


def __getattr__(naam: str) -> object:
    """Old names of renamed functions, for one release (with a DeprecationWarning)."""
    from .verouderd import alias

    return alias(__name__, naam, {"vouw": fold_word})
