"""Compare kader YAML files with the shipped source text, in both directions.

Used by the corpus tests (and runnable as a script while transcribing):

- every text in the corpus (criteria, items, notes, groups, prose fields) must occur in the source,
  once the kader's recorded corrections are reversed;
- every substantive line under the theme headings of a kader must occur in the corpus.

Both sides are normalised first: light markup, list markers, page furniture, quote styles and
whitespace are removed, so that only wording counts.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

DATA = Path(__file__).resolve().parent.parent / "data"
SOURCE = DATA / "bronnen" / "kwaliteitskaders-inkoop-jeugdhulp-wmo-v1.1.txt"
OVERVIEW_LINES = (59, 86)
THEME_HEADING = re.compile(r"^(Dienstverlening|Vakmanschap|Samenwerking|Organisatie)\b")
PAGE_FURNITURE = re.compile(r"^\s*\d+\s*\|\s*Kwaliteitskaders en -standaarden.*$")
MIN_WORDS = 4

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    """Reduce text to its wording: no markup, list markers, quote variants or extra spaces."""
    text = text.translate(_QUOTES)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [tekst](url) -> tekst
    # List markers and the source's own criterion numbers ("- 41 De organisatie …").
    text = re.sub(r"^\s*(?:[-•➔]\s+)?(?:\d+(?:\.\d+)*[.)]?\s+)?", " ", text, flags=re.M)
    text = re.sub(r"</?i>", "", text)
    text = re.sub(r"(?<=\S)\*+(?=\w)", " ", text)  # OCR glues headings as "…aangaan***Maakt"
    text = re.sub(r"[*<>\\]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip().lower()


def source_lines() -> list[str]:
    return SOURCE.read_text(encoding="utf-8").splitlines()


def _walk_items(items: list[Any]) -> Iterator[str]:
    for item in items or []:
        if isinstance(item, str):
            yield item
        else:
            label = item.get("label")  # '1.', 'a.': the source's own number before the item
            yield f"{label} {item.get('tekst', '')}" if label else item.get("tekst", "")
            yield from _walk_items(item.get("items", []))


def criterion_texts(crit: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if crit.get("titel"):
        yield "titel", crit["titel"]
    yield "tekst", crit.get("tekst", "")
    for text in _walk_items(crit.get("items", [])):
        yield "items", text
    for text in crit.get("vervolg", []) or []:
        yield "vervolg", text
    for note in crit.get("notities", []) or []:
        yield "notities", note.get("tekst", "")
        for text in _walk_items(note.get("items", [])):
            yield "notities", text


def _prose_pieces(text: str) -> Iterator[str]:
    for para in re.split(r"\n\s*\n", text or ""):
        for line in para.splitlines():
            if line.strip():
                yield line


def kader_texts(kader: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """All (location, text) pairs of a kader that must be found in the source."""
    for crit in kader.get("criteria", []):
        for field, text in criterion_texts(crit):
            yield f"{crit.get('id')}.{field}", text
        for name in crit.get("groep", []) or []:
            yield f"{crit.get('id')}.groep", name
    for entry in kader.get("groep_toelichtingen", []) or []:
        yield "groep_toelichtingen", entry.get("tekst", "")
        for name in entry.get("groep", []) or []:
            yield "groep_toelichtingen.groep", name
    for thema, text in (kader.get("thema_toelichting") or {}).items():
        yield f"thema_toelichting.{thema}", text
    for thema, text in (kader.get("thema_afsluiting") or {}).items():
        yield f"thema_afsluiting.{thema}", text
    for field in ("inleiding", "korte_toelichting", "totstandkoming", "opbouw"):
        for piece in _prose_pieces(kader.get(field, "")):
            yield field, piece
    for field, text in (kader.get("overzicht") or {}).items():
        yield f"overzicht.{field}", text


def _applies_to(corr: dict[str, Any], where: str) -> bool:
    """Does a correction belong to the text at `where` ('bwmo-01.items', 'inleiding', …)?"""
    if corr.get("criterium"):
        return where.startswith(f"{corr['criterium']}.")
    parts = where.split(".")
    veld = corr.get("veld", "")
    return veld in (parts[0], parts[-1]) or where.startswith(veld)


def _reverse_corrections(text: str, corrections: list[dict[str, Any]], where: str) -> str:
    for corr in corrections:
        if corr.get("wordt") and corr["wordt"] in text and _applies_to(corr, where):
            text = text.replace(corr["wordt"], corr.get("was", ""))
    return text


def _forward_corrections(text: str, corrections: list[dict[str, Any]], regel: int) -> str:
    for corr in corrections:
        if corr.get("regel") == regel and corr.get("was") and corr["was"] in text:
            text = text.replace(corr["was"], corr.get("wordt", ""))
    return text


def _region(lines: list[str], start: int, end: int) -> list[str]:
    return [ln for ln in lines[start - 1 : end] if not PAGE_FURNITURE.match(ln)]


def _chunks(line: str) -> Iterator[str]:
    """Split a source line into sentence-like chunks that are checked separately."""
    line = line.translate(_QUOTES)
    for chunk in re.split(r"(?<=[.:;!?])\s+|(?<=[:;])(?=\S)|\s+-\s+|\s+➔\s+", line):
        chunk = normalise(chunk).rstrip(".:;, ")
        if len(chunk.split()) >= MIN_WORDS:
            yield chunk


def _covered(chunk: str, blob: str, max_pieces: int = 3) -> bool:
    """True when the chunk is in the blob, possibly as up to `max_pieces` consecutive parts."""
    if chunk in blob:
        return True
    words = chunk.split()
    pieces = 0
    while words:
        pieces += 1
        if pieces > max_pieces:
            return False
        for size in range(len(words), 0, -1):
            if " ".join(words[:size]) in blob :
                words = words[size:]
                break
        else:
            return False
    return True


def check_kader(kader: dict[str, Any], lines: list[str] | None = None) -> list[str]:
    """Return human-readable findings; empty when the kader matches its source."""
    lines = lines if lines is not None else source_lines()
    findings: list[str] = []
    start, end = kader["bron"]["regels"]
    corrections = kader.get("correcties", []) or []
    region = normalise("\n".join(_region(lines, start, end)))
    overview = normalise("\n".join(lines[OVERVIEW_LINES[0] - 1 : OVERVIEW_LINES[1]]))

    blob_parts: list[str] = []
    for where, text in kader_texts(kader):
        if not text or not text.strip():
            findings.append(f"{where}: lege tekst")
            continue
        wanted = normalise(_reverse_corrections(text, corrections, where))
        haystack = overview if where.startswith("overzicht") else region
        if wanted and wanted not in haystack:
            findings.append(f"{where}: niet in de bron gevonden: {text[:90]!r}")
        blob_parts.append(normalise(text))
    for crit in kader.get("criteria", []):
        for note in crit.get("notities", []) or []:
            blob_parts.append(normalise(note.get("kop", "") or ""))
    blob = " | ".join(blob_parts)

    # Source -> corpus: everything under the first theme heading of the kader.
    body = lines[start - 1 : end]
    first_theme = next((i for i, ln in enumerate(body) if THEME_HEADING.match(ln.strip())), None)
    if first_theme is None:
        findings.append("geen themakop gevonden in het bronbereik")
        return findings
    for offset, line in enumerate(body[first_theme:], start=start + first_theme):
        if not line.strip() or PAGE_FURNITURE.match(line):
            continue
        fixed = _forward_corrections(THEME_HEADING.sub('', line.strip()), corrections, offset)
        for chunk in _chunks(fixed):
            if not _covered(chunk, blob):
                findings.append(f"bronregel {offset} ontbreekt in het corpus: {chunk[:90]!r}")
    return findings


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    lines = source_lines()
    status = 0
    for name in argv:
        path = Path(name)
        try:
            kader = load_yaml(path)
        except Exception as exc:  # a script for authors: show the parser's own message
            print(f"{path}: ongeldige YAML: {exc}")
            status = 1
            continue
        findings = check_kader(kader, lines)
        ids = [c.get("id") for c in kader.get("criteria", [])]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            findings.append(f"dubbele ID's: {sorted(dupes)}")
        bad = [i for i in ids if not str(i).startswith(f"{kader.get('prefix')}-")]
        if bad:
            findings.append(f"ID's zonder prefix {kader.get('prefix')!r}: {bad[:5]}")
        for finding in findings:
            print(f"{path.name}: {finding}")
        print(f"{path.name}: {len(ids)} criteria, {len(findings)} bevindingen")
        status = status or bool(findings)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
