"""Reading and validating a profile file against a corpus.

`load_profile` parses the file with ruamel.yaml (round-trip, so every value knows its line), checks it
and returns a `Profiel`, or raises `ProfielFout` with every finding at once: each names the file and
line, with a did-you-mean where it fits. The parsing helpers here are shared with `updater`.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import Bevinding, InkoopkaderError, OnbekendeWaarde, bestandsnaam, dichtstbijzijnde
from ..model import Corpus, Criterium, Inzet, Kader, Procedure, Rol, Segment
from ..select import OngeldigeKeuze, parse_procedure, parse_rol
from .model import (
    CRITERIUM_VELDEN,
    GEEN_LIJST,
    GEEN_MAPPING,
    GUNNING_VELDEN,
    KADER_VELDEN,
    OUDE_VORM,
    PERSONEEL_VELDEN,
    PROFIEL_VELDEN,
    SCHAAL_VELDEN,
    SCHEMA_VERSION,
    VRAAG_VELDEN,
    GeenProfiel,
    PersoneelKeuze,
    Profiel,
    ProfielCriterium,
    ProfielFout,
    ProfielKader,
)

_JA = ("ja", "j", "yes", "y", "true", "waar", "aan")
_NEE = ("nee", "n", "no", "false", "onwaar", "uit")


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long title or comment
    return yaml


_GEEN_PROFIEL = {
    b"PK\x03\x04": "een zip-bestand (Word, OpenDocument of Excel)",
    b"%PDF": "een PDF-bestand",
    b"\xd0\xcf\x11\xe0": "een oud Office-bestand (.doc/.xls)",
}
_SOORT_PER_EXTENSIE = {".docx": "een Word-document", ".doc": "een Word-document", ".odt": "een OpenDocument-tekst",
                       ".pdf": "een PDF-bestand", ".xlsx": "een Excel-bestand", ".csv": "een CSV-bestand",
                       ".json": "een JSON-bestand"}


def check_profielbestand(path: str | os.PathLike[str]) -> None:
    """Refuse a file that is clearly no YAML profile (a Word document, a PDF, binary data, text that
    is no UTF-8) before the YAML reader trips over it. A file that is missing, a directory or cannot
    be read passes: `load_profile` says what is wrong with it.

    Raises:
        GeenProfiel: naming the file (as given) and what it is.
    """
    pad = Path(path)
    try:
        if not pad.is_file():
            return
        with pad.open("rb") as handle:
            begin = handle.read(64 * 1024)
    except OSError:
        return
    soort = next((s for kop, s in _GEEN_PROFIEL.items() if begin.startswith(kop)), None)
    if soort is None and pad.suffix.lower() in _SOORT_PER_EXTENSIE:
        soort = _SOORT_PER_EXTENSIE[pad.suffix.lower()]
    if soort is None and b"\0" in begin:
        soort = "een binair bestand"
    if soort is None:
        try:
            begin.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(begin) - 4:  # not a character cut off at the end of the sample
                soort = "geen UTF-8-tekst"
    if soort is not None:
        raise GeenProfiel(str(path), soort)


def _parse(path: Path) -> Any:
    """The round-trip tree of a profile file; broken YAML raises ProfielFout with the line."""
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from .. import limieten, yamlveilig

    check_profielbestand(path)  # a Word document or PDF: say so, not 'no valid UTF-8'
    bestand = bestandsnaam(path)
    try:
        text = yamlveilig.read(path, limieten.PROFIEL, f"Profiel '{bestand}'")  # regular, bounded, UTF-8
    except FileNotFoundError:
        raise InkoopkaderError(f"Profiel '{bestand}' bestaat niet.") from None
    except IsADirectoryError:
        raise InkoopkaderError(f"Profiel '{bestand}' is een map, geen bestand.") from None
    except UnicodeDecodeError as exc:
        raise _fout(bestand, f"bestand is geen geldige UTF-8-tekst ({exc.reason})", None) from None
    except OSError as exc:
        raise InkoopkaderError(f"Profiel '{bestand}' kan niet worden gelezen: {exc.strerror}.") from None
    try:
        return yamlveilig.load(_yaml(), text, bestand, ProfielFout)  # aliases, depth, keys, numbers checked
    except DuplicateKeyError as exc:
        mark = exc.problem_mark or exc.context_mark
        found = re.search(r'duplicate key "?([^"]+?)"? with', exc.problem or "")
        naam = f" '{found.group(1)}'" if found else ""
        melding = f"de sleutel{naam} komt twee keer voor in dezelfde mapping; laat er één staan"
        raise ProfielFout([Bevinding(bestand, melding, mark.line + 1 if mark else None)]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        probleem = exc.problem or exc.context or "onleesbare YAML"
        if "\\t" in probleem or "\t" in probleem:
            melding = "ongeldige YAML: deze regel begint met een tab; spring in met spaties"
        else:
            melding = (
                f"ongeldige YAML ({probleem}); controleer deze regel en de regel erboven: de inspringing, "
                "de dubbele punt na elke sleutel en de aanhalingstekens"
            )
        raise ProfielFout([Bevinding(bestand, melding, mark.line + 1 if mark else None)]) from None
    except YAMLError as exc:
        raise ProfielFout([Bevinding(bestand, f"ongeldige YAML: {exc}")]) from None


def _key_line(node: Any, key: Any) -> int | None:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _node_line(node)


def _value_line(node: Any, key: Any) -> int | None:
    try:
        return int(node.lc.value(key)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _key_line(node, key)


def _item_line(seq: Any, index: int) -> int | None:
    try:
        return int(seq.lc.item(index)[0]) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return _node_line(seq)


def _node_line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return int(lc.line) + 1 if lc is not None and lc.line is not None else None


def _fout(bestand: str, melding: str, regel: int | None) -> ProfielFout:
    return ProfielFout([Bevinding(bestand, melding, regel)])


def _hint(suggestie: str | None) -> str:
    return f" Bedoelt u '{suggestie}'?" if suggestie else ""


class _Controle:
    """Collects findings for one profile file."""

    def __init__(self, bestand: str) -> None:
        self.bestand = bestand
        self.bevindingen: list[Bevinding] = []

    def fout(self, melding: str, regel: int | None) -> None:
        self.bevindingen.append(Bevinding(self.bestand, melding, regel))

    def velden(self, node: Mapping[Any, Any], toegestaan: Sequence[str], waar: str) -> None:
        for key in node:
            if str(key) not in toegestaan:
                suggestie = dichtstbijzijnde(str(key), toegestaan)
                self.fout(
                    f"onbekend veld '{key}'{waar}.{_hint(suggestie)} Toegestaan: {', '.join(toegestaan)}.",
                    _key_line(node, key),
                )

    def tekst(self, node: Mapping[Any, Any], key: str) -> str | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list)):
            self.fout(f"{key}: moet tekst zijn, geen lijst of mapping", _value_line(node, key))
            return None
        text = _scalar_text(value).strip()
        return text or None

    def ja_nee(self, node: Mapping[Any, Any], key: str, waar: str) -> bool:
        value = node.get(key, True)
        if value is None:
            return True
        return self.ja_nee_waarde(value, f"{waar}: opnemen", _value_line(node, key))

    def ja_nee_waarde(self, value: Any, wat: str, regel: int | None) -> bool:
        if isinstance(value, bool):
            return value
        lowered = str(value).strip().lower()
        if lowered in _JA:
            return True
        if lowered in _NEE:
            return False
        self.fout(f"{wat}: '{value}' is geen geldige keuze; schrijf ja of nee", regel)
        return True

    def rol(self, node: Mapping[Any, Any], waar: str, crit: Criterium | None = None,
            kader: Kader | None = None) -> Rol | None:
        """A role value; for a criterion also whether the criterion can serve it (data/inkoop/)."""
        if "rol" not in node or node["rol"] is None:
            return None
        value = node["rol"]
        regel = _value_line(node, "rol")
        try:
            rol = parse_rol(str(value))
        except OngeldigeKeuze as exc:
            self.fout(f"{waar}: {exc}", regel)
            return None
        except OnbekendeWaarde as exc:
            self.fout(f"{waar}: {exc}", regel)
            return None
        if crit is not None and kader is not None:
            gebruik = kader.gebruik(crit)
            if not gebruik.kan(rol):
                mogelijk = ", ".join(r.value for r in gebruik.rollen)
                self.fout(f"{waar} kan geen {rol.value} zijn: {gebruik.reden.rstrip('.')}. Mogelijk: {mogelijk}.", regel)
                return None
        return rol

    def keuze(self, node: Mapping[Any, Any], key: str, waar: str, soort: Any, parse: Any) -> Any:
        if key not in node or node[key] is None:
            return None
        try:
            return parse(str(node[key]))
        except (OnbekendeWaarde, InkoopkaderError) as exc:
            self.fout(f"{waar}: {exc}", _value_line(node, key))
            return None

    def getal(self, node: Mapping[Any, Any], key: str, waar: str, minimum: int, maximum: int) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.fout(f"{waar}: {key} moet een geheel getal van {minimum} tot en met {maximum} zijn, niet '{value}'",
                      _value_line(node, key))
            return None
        return value


def _scalar_text(value: Any) -> str:
    """A scalar as the user wrote it: 'versie: 1.10' stays '1.10', not '1.1'."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        buffer = io.StringIO()
        _yaml().dump(value, buffer)
        return buffer.getvalue().split("\n", 1)[0].strip()
    return str(value)


def _is_map(value: Any) -> bool:
    return isinstance(value, dict)


def load_profile(corpus: Corpus, path: str | os.PathLike[str]) -> Profiel:
    """Read and validate a selection profile against a corpus.

    Every problem is collected before raising: unknown fields, kader numbers and criterion IDs (with
    a did-you-mean), invalid `opnemen`, `rol`, `verwijzing` and `inzet` values, a role a criterion
    cannot serve, a criterion listed under the wrong kader, inconsistent award settings.

    Raises:
        ProfielFout: when the file is not valid YAML or not a valid profile; each finding names the
            file and line.
        InkoopkaderError: when the file does not exist or cannot be read.
    """
    target = Path(path)
    data = _parse(target)
    return _validate(corpus, data, bestandsnaam(target))


def _validate(corpus: Corpus, data: Any, bestand: str) -> Profiel:
    from ..resolve import resolve_segment

    controle = _Controle(bestand)
    if data is None:
        raise ProfielFout([Bevinding(bestand, "het profiel is leeg; maak er een met 'inkoopkader init'")])
    if not _is_map(data):
        raise _fout(bestand, GEEN_MAPPING, 1)
    controle.velden(data, PROFIEL_VELDEN, "")

    schema_version = data.get("schema_version", SCHEMA_VERSION)
    versie_regel = _value_line(data, "schema_version")
    if isinstance(schema_version, bool) or not isinstance(schema_version, int):
        controle.fout(f"schema_version: moet een geheel getal zijn, niet '{schema_version}'", versie_regel)
        schema_version = SCHEMA_VERSION
    elif schema_version > SCHEMA_VERSION:
        controle.fout(
            f"schema_version {schema_version} is nieuwer dan deze versie van inkoopkader aankan "
            f"({SCHEMA_VERSION}); werk inkoopkader bij",
            versie_regel,
        )
    elif schema_version < 1:
        controle.fout(f"schema_version {schema_version} bestaat niet; gebruik {SCHEMA_VERSION}", versie_regel)
    elif schema_version < SCHEMA_VERSION or _heeft_oude_vorm(data):
        naam = bestand.rsplit("/", 1)[-1]
        raise ProfielFout([Bevinding(
            bestand,
            f"dit profiel heeft het formaat van een eerdere versie van inkoopkader (schema_version "
            f"{schema_version}, met 'vorm: eis/vraag/verwijzing'). Criteria hebben nu een rol "
            "(minimumeis, uitvoeringsvoorwaarde, gunningscriterium …). Zet het om met: "
            f"inkoopkader init -o {naam} — uw keuzes en commentaar blijven behouden",
            versie_regel,
        )])

    segment: Segment | None = None
    segment_tekst = controle.tekst(data, "segment")
    if segment_tekst is None:
        controle.fout("verplicht veld 'segment' ontbreekt (b.v. segment: wmo-1a)", _node_line(data))
    else:
        try:
            segment = resolve_segment(corpus, segment_tekst)
        except OnbekendeWaarde as exc:
            ids = ", ".join(s.id for s in corpus.segmenten)
            controle.fout(
                f"onbekend segment '{segment_tekst}'.{_hint(exc.suggestie)} Bekend: {ids}.",
                _value_line(data, "segment"),
            )

    kandidaten = [k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)] if segment else []
    bekende_kaders = {k.nummer: k for k in corpus.kaders}
    kaders: list[ProfielKader] = []
    criteria: list[ProfielCriterium] = []
    ontbrekend: list[ProfielCriterium] = []
    vervallen: list[str] = []
    gezien_kaders: dict[int, int | None] = {}
    gezien_criteria: dict[str, int | None] = {}

    lijst = data.get("kaders")
    if "kaders" not in data:
        controle.fout("verplicht veld 'kaders' ontbreekt", _node_line(data))
        lijst = []
    elif lijst is None:
        lijst = []
    elif not isinstance(lijst, list):
        controle.fout(GEEN_LIJST, _value_line(data, "kaders"))
        lijst = []

    for index, entry in enumerate(lijst):
        regel = _item_line(lijst, index)
        if not _is_map(entry):
            controle.fout("kaders: elk kader moet een mapping zijn die begint met '- nummer: N'", regel)
            continue
        if "vervallen" in entry:
            vervallen.append(f"kader {entry.get('nummer')}")
            continue
        controle.velden(entry, KADER_VELDEN, f" bij kader {entry.get('nummer', '?')}")
        kader = _kader_nummer(controle, entry, regel, bekende_kaders, kandidaten, segment)
        if kader is None:
            continue
        waar = f"kader {kader.nummer}"
        if kader.nummer in gezien_kaders:
            eerder = gezien_kaders[kader.nummer]
            controle.fout(
                f"kader {kader.nummer} staat twee keer in het profiel (ook op regel {eerder})", regel
            )
            continue
        gezien_kaders[kader.nummer] = regel
        opnemen = controle.ja_nee(entry, "opnemen", waar)
        verwijzing = None
        if entry.get("verwijzing") is not None:
            verwijzing = controle.ja_nee_waarde(entry["verwijzing"], f"{waar}: verwijzing", _value_line(entry, "verwijzing"))
            if verwijzing and kader.verwijzingsadvies.value == "nee" and opnemen:
                reden = kader.inkoop.verwijzing_reden.rstrip(".") if kader.inkoop else ""
                controle.fout(f"{waar} kan niet als geheel van toepassing worden verklaard: {reden}. Zet verwijzing op nee",
                              _value_line(entry, "verwijzing"))
        inzet = controle.keuze(entry, "inzet", waar, Inzet, _parse_inzet)
        kaders.append(ProfielKader(kader.nummer, opnemen, verwijzing, inzet, _key_line(entry, "nummer")))
        if "criteria" not in entry:
            continue  # no list: the whole kader
        lijst_criteria = entry["criteria"]
        if lijst_criteria is None:
            lijst_criteria = {}
        if not _is_map(lijst_criteria):
            controle.fout(
                f"{waar}: criteria moet een mapping zijn (regels 'ID:' met opnemen en rol)",
                _value_line(entry, "criteria"),
            )
            continue
        genoemd: set[str] = set()
        for key, value in lijst_criteria.items():
            cregel = _key_line(lijst_criteria, key)
            if _is_map(value) and "vervallen" in value:
                vervallen.append(str(key))
                continue
            crit = _criterium_id(controle, corpus, kader, key, cregel)
            if crit is None:
                continue
            if crit.id in gezien_criteria:
                eerder = gezien_criteria[crit.id]
                controle.fout(
                    f"criterium '{crit.id}' staat twee keer in het profiel (ook op regel {eerder})", cregel
                )
                continue
            gezien_criteria[crit.id] = cregel
            genoemd.add(crit.id)
            criteria.append(_criterium_keuze(controle, crit, kader, value, cregel))
        ontbrekend += [
            ProfielCriterium(c.id, kader.nummer, False) for c in kader.criteria if c.id not in genoemd
        ]

    personeel = _personeel_keuze(controle, corpus, data.get("personeel"), data)
    procedure = controle.keuze(data, "procedure", "procedure", Procedure, parse_procedure) or Procedure.AANBESTEDING
    bijlagen = False
    if data.get("bijlagen") is not None:
        bijlagen = controle.ja_nee_waarde(data["bijlagen"], "bijlagen", _value_line(data, "bijlagen"))
    wettelijk = None  # no key: compose decides (the chapter is in by default)
    if data.get("wettelijk") is not None:
        wettelijk = controle.ja_nee_waarde(data["wettelijk"], "wettelijk", _value_line(data, "wettelijk"))
    in_profiel = {c.id for k in corpus.kaders if k.nummer in gezien_kaders for c in k.criteria}
    gunning = _gunning_keuze(controle, data.get("gunning"), data, dict.fromkeys(in_profiel))

    if controle.bevindingen:
        raise ProfielFout(controle.bevindingen)
    assert segment is not None  # a missing or unknown segment is a finding
    return Profiel(
        pad=bestand,
        segment=segment.id,
        gemeente=controle.tekst(data, "gemeente"),
        titel=controle.tekst(data, "titel"),
        kenmerk=controle.tekst(data, "kenmerk"),
        versie=controle.tekst(data, "versie") or "1.0",
        kaders=tuple(kaders),
        criteria=tuple(criteria),
        schema_version=schema_version,
        corpus_versie=controle.tekst(data, "corpus_versie"),
        kandidaten=tuple(kandidaten),
        ontbrekende_kaders=tuple(n for n in kandidaten if n not in gezien_kaders),
        ontbrekende_criteria=tuple(ontbrekend),
        vervallen=tuple(vervallen),
        procedure=procedure,
        bijlagen=bijlagen,
        gunning=gunning,
        personeel=personeel.opnemen,
        personeelseisen=personeel.eisen,
        functieniveaus=personeel.functieniveaus,
        personeel_rol=personeel.rol,
        wettelijk=wettelijk,
    )


def _kader_nummer(
    controle: _Controle,
    entry: Mapping[Any, Any],
    regel: int | None,
    bekend: Mapping[int, Kader],
    kandidaten: Sequence[int],
    segment: Segment | None,
) -> Kader | None:
    if "nummer" not in entry:
        controle.fout("kader zonder 'nummer' (elk kader begint met '- nummer: N')", regel)
        return None
    value = entry["nummer"]
    nregel = _value_line(entry, "nummer")
    nummer: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        nummer = value
    elif isinstance(value, str) and value.strip().isdigit():
        nummer = int(value.strip())
    opties = [str(n) for n in (kandidaten or sorted(bekend))]
    if nummer is None or nummer not in bekend:
        suggestie = dichtstbijzijnde(str(value), opties)
        bij = ", ".join(opties)
        controle.fout(f"onbekend kader '{value}'.{_hint(suggestie)} Kaders bij dit segment: {bij}.", nregel)
        return None
    if segment is not None and nummer not in kandidaten:
        controle.fout(
            f"kader {nummer} ({bekend[nummer].titel}) hoort volgens de bron niet bij segment {segment.id}. "
            f"Kaders bij dit segment: {', '.join(opties)}.",
            nregel,
        )
        return None
    return bekend[nummer]


def _criterium_id(
    controle: _Controle, corpus: Corpus, kader: Kader, key: Any, regel: int | None
) -> Criterium | None:
    crit = corpus.criterium(str(key)) if isinstance(key, str) else None
    if crit is None:
        eigen = [c.id for c in kader.criteria]
        suggestie = dichtstbijzijnde(str(key), eigen) or dichtstbijzijnde(
            str(key), [c.id for c in corpus.criteria()]
        )
        controle.fout(f"onbekend criterium '{key}' bij kader {kader.nummer}.{_hint(suggestie)}", regel)
        return None
    if crit.kader != kader.nummer:
        controle.fout(
            f"criterium '{crit.id}' hoort bij kader {crit.kader}, niet bij kader {kader.nummer}; "
            f"zet het onder '- nummer: {crit.kader}'",
            regel,
        )
        return None
    return crit


def _criterium_keuze(
    controle: _Controle, crit: Criterium, kader: Kader, value: Any, regel: int | None
) -> ProfielCriterium:
    waar = f"criterium {crit.id}"
    if value is None:
        return ProfielCriterium(crit.id, crit.kader, True, None, regel)
    if _is_map(value):
        controle.velden(value, CRITERIUM_VELDEN, f" bij {waar}")
        opnemen = controle.ja_nee(value, "opnemen", waar)
        rol = controle.rol(value, waar, crit, kader)
        return ProfielCriterium(crit.id, crit.kader, opnemen, rol, regel)
    if isinstance(value, list):
        controle.fout(f"{waar}: verwacht 'opnemen' en 'rol' (of kortweg ja/nee), geen lijst", regel)
        return ProfielCriterium(crit.id, crit.kader, True, None, regel)
    # Short form: 'wbs-01: nee'.
    return ProfielCriterium(crit.id, crit.kader, controle.ja_nee_waarde(value, waar, regel), None, regel)


def _parse_inzet(value: str) -> Inzet:
    lowered = value.strip().lower()
    for inzet in Inzet:
        if lowered == inzet.value:
            return inzet
    opties = [i.value for i in Inzet]
    raise OnbekendeWaarde("inzet", value, dichtstbijzijnde(value, opties), opties)


def _heeft_oude_vorm(data: Any) -> bool:
    """Whether a profile still uses schema 1's 'vorm' anywhere (kader, criterion or personeel)."""
    if not _is_map(data):
        return False
    if _is_map(data.get("personeel")) and OUDE_VORM in data["personeel"]:
        return True
    for entry in data.get("kaders") or []:
        if not _is_map(entry):
            continue
        if OUDE_VORM in entry:
            return True
        criteria = entry.get("criteria")
        if _is_map(criteria) and any(_is_map(v) and OUDE_VORM in v for v in criteria.values()):
            return True
    return False


def _gunning_keuze(controle: _Controle, node: Any, data: Mapping[Any, Any], bekend: Mapping[str, Any]) -> Any:
    """The 'gunning' block as a compose.GunningInstelling (None when absent)."""
    from ..compose import GunningFout, GunningInstelling, VraagInstelling
    from ..framing import STANDAARD_ONDERGRENS

    if node is None:
        return None
    if not _is_map(node):
        controle.fout("gunning: moet een mapping zijn (prijs, ondergrens, vragen)", _value_line(data, "gunning"))
        return None
    controle.velden(node, GUNNING_VELDEN, " onder gunning")
    prijs = controle.getal(node, "prijs", "gunning", 0, 99) or 0
    ondergrens: int | None = STANDAARD_ONDERGRENS
    if "ondergrens" in node:
        waarde = node["ondergrens"]
        if waarde is None or str(waarde).strip().lower() in ("geen", "nee", "false"):
            ondergrens = None
        else:
            ondergrens = controle.getal(node, "ondergrens", "gunning", 0, 100)
    vragen = []
    lijst = node.get("vragen") or []
    if not isinstance(lijst, list):
        controle.fout("gunning: vragen moet een lijst zijn (elke vraag begint met '- titel:')", _value_line(node, "vragen"))
        lijst = []
    for index, vraag in enumerate(lijst):
        regel = _item_line(lijst, index)
        if not _is_map(vraag):
            controle.fout("gunning: elke vraag is een mapping met titel, weging, omvang en criteria", regel)
            continue
        controle.velden(vraag, VRAAG_VELDEN, " bij een gunningsvraag")
        titel = controle.tekst(vraag, "titel")
        if not titel:
            controle.fout("gunning: een vraag zonder titel", regel)
            continue
        ids = vraag.get("criteria") or []
        if not isinstance(ids, list):
            controle.fout(f"gunning: vraag ‘{titel}’: criteria moet een lijst van ID's zijn", _value_line(vraag, "criteria"))
            ids = []
        criteria = []
        for cid in ids:
            tekst = str(cid).strip().lower()
            if tekst not in bekend and not tekst.startswith("pe-"):
                suggestie = dichtstbijzijnde(tekst, list(bekend))
                controle.fout(f"gunning: vraag ‘{titel}’: criterium '{cid}' staat niet in dit profiel.{_hint(suggestie)}",
                              _value_line(vraag, "criteria"))
            criteria.append(tekst)
        vragen.append(VraagInstelling(
            titel=titel, criteria=tuple(criteria),
            weging=controle.getal(vraag, "weging", f"gunning: vraag ‘{titel}’", 1, 100),
            omvang_a4=controle.getal(vraag, "omvang", f"gunning: vraag ‘{titel}’", 1, 20),
            vraag=controle.tekst(vraag, "vraag"),
        ))
    schaal = _schaal_keuze(controle, node)
    try:
        return GunningInstelling(prijs=prijs, vragen=tuple(vragen), schaal=schaal, ondergrens=ondergrens)
    except GunningFout as exc:
        controle.fout(f"gunning: {exc}", _value_line(data, "gunning"))
        return None


def _schaal_keuze(controle: _Controle, node: Mapping[Any, Any]) -> tuple[Any, ...]:
    """The optional 'schaal' of the gunning block (score, label, omschrijving per level); () = the default."""
    from ..document import Schaalniveau

    lijst = node.get("schaal")
    if lijst is None:
        return ()
    if not isinstance(lijst, list):
        controle.fout("gunning: schaal moet een lijst zijn (elk niveau begint met '- score:')", _value_line(node, "schaal"))
        return ()
    niveaus: list[Schaalniveau] = []
    for index, niveau in enumerate(lijst):
        regel = _item_line(lijst, index)
        if not _is_map(niveau):
            controle.fout("gunning: elk schaalniveau is een mapping met score, label en omschrijving", regel)
            continue
        controle.velden(niveau, SCHAAL_VELDEN, " bij een schaalniveau")
        score = controle.getal(niveau, "score", "gunning: schaal", 0, 100)
        label = controle.tekst(niveau, "label")
        if score is None or not label:
            controle.fout("gunning: schaal: elk niveau heeft een score (0-100) en een label", regel)
            continue
        if any(n.score == score for n in niveaus):
            controle.fout(f"gunning: schaal: score {score} staat twee keer in de schaal", regel)
            continue
        niveaus.append(Schaalniveau(score, label, controle.tekst(niveau, "omschrijving") or ""))
    return tuple(niveaus)


def _personeel_keuze(
    controle: _Controle, corpus: Corpus, node: Any, data: Mapping[Any, Any]
) -> PersoneelKeuze:
    """Validate the 'personeel' block (absent or broken: no chapter)."""
    if node is None:
        return PersoneelKeuze()
    if not _is_map(node):
        controle.fout("personeel: moet een mapping zijn (opnemen, eisen, functieniveaus)", _value_line(data, "personeel"))
        return PersoneelKeuze()
    controle.velden(node, PERSONEEL_VELDEN, " onder personeel")
    opnemen = controle.ja_nee_waarde(node.get("opnemen", False), "personeel: opnemen", _value_line(node, "opnemen"))
    bekend = [e.id for e in corpus.personeelseisen]
    eisen: list[str] = []
    lijst = node.get("eisen") or []
    if not isinstance(lijst, list):
        controle.fout("personeel: eisen moet een lijst zijn", _value_line(node, "eisen"))
        lijst = []
    for index, eis in enumerate(lijst):
        regel = lijst.lc.item(index)[0] + 1 if hasattr(lijst, "lc") else None
        if str(eis) not in bekend:
            suggestie = dichtstbijzijnde(str(eis), bekend)
            controle.fout(f"personeel: onbekende personeelseis '{eis}'.{_hint(suggestie)}", regel)
        else:
            eisen.append(str(eis))
    niveaus = node.get("functieniveaus") or []
    if not isinstance(niveaus, list):
        controle.fout("personeel: functieniveaus moet een lijst zijn, b.v. [B, C]", _value_line(node, "functieniveaus"))
        niveaus = []
    gekozen = tuple(eisen) if "eisen" in node else None
    rol = controle.rol(node, "personeel")
    if rol is not None and rol not in (Rol.MINIMUMEIS, Rol.UITVOERINGSVOORWAARDE, Rol.GUNNINGSCRITERIUM):
        controle.fout("personeel: rol moet minimumeis, uitvoeringsvoorwaarde of gunningscriterium zijn",
                      _value_line(node, "rol"))
        rol = None
    return PersoneelKeuze(opnemen, gekozen, tuple(str(n) for n in niveaus), rol)
