"""The test cases next to the data (data/check/cases/*.yaml): reading and validating them.

Each file is a list of `gevallen`, each with a text, what `check` must find in it and a `bron` (why).
tests/test_check_gevallen.py runs every case; this module reads the files and refuses a malformed one
with a Dutch message that names the file and line (GevallenFout, like the data files' CorpusFout).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inkoopkader.errors import Bevinding, BevindingenFout, bestandsnaam, dichtstbijzijnde

CASES = Path(__file__).resolve().parent.parent / "data" / "check" / "cases"


class GevallenFout(BevindingenFout):
    """A file of test cases is malformed; every finding names the file and line."""

    onderwerp = "Het bestand met testgevallen"


@dataclass(frozen=True)
class Geval:
    """One case: where it stands, its text, its expectations (field name -> value) and its reason."""

    bestand: str
    regel: int
    tekst: str
    verwacht: dict[str, Any]
    bron: str

    @property
    def naam(self) -> str:
        """The test id: file and line, so a failing case says where to look."""
        return f"{self.bestand}:{self.regel}"


@dataclass(frozen=True)
class Soort:
    """What the cases of one file may expect: field name -> (check of the value, description)."""

    velden: dict[str, tuple[Any, str]] = field(default_factory=dict)


def _tekst(waarde: Any) -> str | None:
    return None if isinstance(waarde, str) and waarde.strip() else "een niet-lege tekst"


def _ja_nee(waarde: Any) -> str | None:
    return None if isinstance(waarde, bool) else "true of false"


def _kaders(waarde: Any) -> str | None:
    if not isinstance(waarde, list):
        return "een lijst van kadernummers of {kader, editie, afwijkend} ([] = geen)"
    for item in waarde:
        if isinstance(item, bool) or not isinstance(item, (int, dict)):
            return f"een kadernummer of {{kader, editie, afwijkend}}, niet {item!r}"
        if isinstance(item, dict):
            onbekend = set(item) - {"kader", "editie", "afwijkend"}
            if onbekend:
                veld = sorted(onbekend)[0]
                hint = dichtstbijzijnde(veld, ["kader", "editie", "afwijkend"])
                return f"onbekend veld '{veld}' in een kader" + (f"; bedoelt u '{hint}'?" if hint else "")
            if isinstance(item.get("kader"), bool) or not isinstance(item.get("kader"), int):
                return "'kader' (een nummer) bij elk kader"
            if "editie" in item and item["editie"] is not None and not isinstance(item["editie"], str):
                return "'editie' als tekst tussen aanhalingstekens (\"2021\") of null"
            if "afwijkend" in item and not isinstance(item["afwijkend"], bool):
                return "'afwijkend' als true of false"
    return None


def _verouderd(waarde: Any) -> str | None:
    if not isinstance(waarde, list):
        return "een lijst van onderwerp-ID's of {onderwerp, term} ([] = geen)"
    for item in waarde:
        if isinstance(item, dict):
            onbekend = set(item) - {"onderwerp", "term"}
            if onbekend:
                return f"onbekend veld '{sorted(onbekend)[0]}' in een melding (onderwerp, term)"
            if _tekst(item.get("onderwerp")) or ("term" in item and _tekst(item["term"])):
                return "'onderwerp' (en eventueel 'term') als tekst bij elke melding"
        elif _tekst(item):
            return f"een onderwerp-ID of {{onderwerp, term}}, niet {item!r}"
    return None


def _woorden(waarde: Any) -> str | None:
    if not isinstance(waarde, list) or not all(isinstance(w, str) and w.strip() for w in waarde):
        return "een lijst van groepsnamen ([] = geen)"
    return None


SOORTEN: dict[str, Soort] = {
    "kaderverwijzingen.yaml": Soort({"kaders": (_kaders, "kaders")}),
    "actualiteit.yaml": Soort({"verouderd": (_verouderd, "verouderd")}),
    "synoniemen.yaml": Soort({
        "groepen": (_woorden, "groepen"),
        "zelfde_als": (_tekst, "zelfde_als"),
        "niet_zelfde_als": (_tekst, "niet_zelfde_als"),
        "stopwoord": (_ja_nee, "stopwoord"),
        "algemeen": (_ja_nee, "algemeen"),
    }),
}


def _regel(node: Any, key: Any = None) -> int:
    """1-based line of a mapping (or of one of its keys) in a ruamel round-trip structure."""
    try:
        if key is not None:
            return node.lc.key(key)[0] + 1
        return node.lc.line + 1
    except (AttributeError, KeyError, TypeError):
        return 1


def read_cases(pad: Path) -> list[Geval]:
    """Every case of one file; GevallenFout with every problem (file and line each) when it is malformed."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    naam = bestandsnaam(pad)
    soort = SOORTEN.get(pad.name)
    if soort is None:
        hint = dichtstbijzijnde(pad.name, list(SOORTEN))
        raise GevallenFout([Bevinding(naam, "onbekend soort testgevallen; bekend zijn " + ", ".join(SOORTEN)
                                    + (f" (bedoelt u '{hint}'?)" if hint else ""))])
    try:
        data = YAML(typ="rt").load(pad.read_text(encoding="utf-8"))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise GevallenFout([Bevinding(naam, f"ongeldige YAML: {exc.problem or exc.context}",
                                    mark.line + 1 if mark else None)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GevallenFout([Bevinding(naam, f"bestand kan niet worden gelezen: {exc}")]) from None
    if not isinstance(data, dict):
        raise GevallenFout([Bevinding(naam, "verwacht een mapping met schema_version en gevallen")])
    fouten: list[Bevinding] = []
    if data.get("schema_version") != 1:
        fouten.append(Bevinding(naam, f"schema_version moet 1 zijn, niet {data.get('schema_version')!r}",
                                _regel(data, "schema_version") if "schema_version" in data else None))
    for sleutel in data:
        if sleutel not in ("schema_version", "gevallen"):
            fouten.append(Bevinding(naam, f"onbekend veld '{sleutel}' (verwacht schema_version en gevallen)",
                                    _regel(data, sleutel)))
    lijst = data.get("gevallen")
    if not isinstance(lijst, list) or not lijst:
        fouten.append(Bevinding(naam, "'gevallen' moet een niet-lege lijst zijn",
                                _regel(data, "gevallen") if "gevallen" in data else None))
        raise GevallenFout(fouten)
    gevallen = []
    toegestaan = ["tekst", "bron", *soort.velden]
    for index, item in enumerate(lijst, start=1):
        if not isinstance(item, dict):
            fouten.append(Bevinding(naam, f"geval {index} is geen mapping met tekst, bron en een verwachting",
                                    _regel(lijst) + index - 1))
            continue
        regel = _regel(item)
        eigen = len(fouten)
        for sleutel in item:
            if sleutel not in toegestaan:
                hint = dichtstbijzijnde(str(sleutel), toegestaan)
                fouten.append(Bevinding(naam, f"geval {index}: onbekend veld '{sleutel}'"
                                        + (f"; bedoelt u '{hint}'?" if hint else f" (bekend: {', '.join(toegestaan)})"),
                                        _regel(item, sleutel)))
        for sleutel in ("tekst", "bron"):
            if sleutel not in item:
                fouten.append(Bevinding(naam, f"geval {index}: '{sleutel}' ontbreekt", regel))
            elif _tekst(item[sleutel]):
                fouten.append(Bevinding(naam, f"geval {index}: '{sleutel}' moet een niet-lege tekst zijn",
                                        _regel(item, sleutel)))
        verwacht = {k: v for k, v in item.items() if k in soort.velden}
        if not verwacht:
            fouten.append(Bevinding(naam, f"geval {index}: geen verwachting; geef er minstens één van: "
                                    + ", ".join(soort.velden), regel))
        for sleutel, waarde in verwacht.items():
            probleem = soort.velden[sleutel][0](waarde)
            if probleem:
                fouten.append(Bevinding(naam, f"geval {index}: '{sleutel}' moet {probleem} zijn"
                                        if not probleem.startswith("onbekend") else f"geval {index}: {probleem}",
                                        _regel(item, sleutel)))
        if len(fouten) == eigen:
            gevallen.append(Geval(pad.name, regel, str(item["tekst"]), _gewoon(verwacht), str(item["bron"])))
    if fouten:
        raise GevallenFout(fouten)
    return gevallen


def _gewoon(waarde: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (for readable test failures)."""
    if isinstance(waarde, dict):
        return {str(k): _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_gewoon(v) for v in waarde]
    return waarde
