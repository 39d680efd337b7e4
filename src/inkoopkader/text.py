"""Dutch-aware text handling: normalisation for search and matching, and inline markup."""

from __future__ import annotations

import re
import unicodedata

_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
_NON_WORD = re.compile(r"[^\w]+")
# Plural and adjective endings only: stripping more ('-ing', '-t') merges unrelated words.
# At least a 4-letter stem remains.
_SUFFIXES = ("en", "es", "s", "e")


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


def stem(word: str) -> str:
    """A light Dutch stemmer: enough to match 'meldingen'/'melding', 'cliënten'/'cliënt'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    # Undo consonant doubling left by the suffix ('bijeenkomsten' is fine, 'klachtt' is not).
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Folded, stemmed word tokens."""
    return [stem(word) for word in fold(text).split()]
