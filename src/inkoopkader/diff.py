"""Comparing two corpora: what a new release added, removed or changed.

`vergelijk(oud, nieuw)` compares two loaded corpora (`inkoopkader diff OUD NIEUW`): kaders and
criteria that are new or gone, and per criterion what changed in its wording (titel, tekst, items,
vervolg, notities, redactie), in its tags (thema, doelgroep, groep, nummer, duplicaat_van) and in its
tender layer (rollen, standaard, formulering, bewijs, actueel); per kader its metadata (title,
edition, publisher, bron_url, gecontroleerd_op, opvolger, segments, verwijzing, inzet, texts);
per segment its definition. `naar_tekst` and `naar_data` lay the result out as a changelog in the
style of PIANOo's 'Actualisatie overzicht' and as JSON.

The same comparison of IDs (`vergelijk_ids`) tells `inkoopkader init` which criteria are new since a
profile was written: a profile keeps the IDs the corpus had then (`stand`, written compactly with
`stand_tekst` and read back with `read_stand`), so a block the inkoper deleted is never mistaken for
a new criterion.

An earlier release may break content rules added since; `inkoopkader diff` loads both sides with the
schema checks only (`corpus.load_corpus_schema`) and passes such findings in as `notities_oud` and
`notities_nieuw`: the output lists them as notes instead of refusing the comparison.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import Bevinding, InkoopkaderError, aantal
from .model import Corpus, Criterium, Kader
from .serialize import SCHEMA_VERSION, to_data
from .text import strip_markup

__all__ = [
    "CriteriumWijziging", "IdVerschil", "KaderWijziging", "SegmentWijziging", "Verschil", "Veldwijziging",
    "naar_data", "naar_tekst", "read_stand", "stand", "stand_tekst", "vergelijk", "vergelijk_ids",
]

TEKSTVELDEN = ("titel", "tekst", "items", "vervolg", "notities", "redactie")
"""A criterion's wording."""
LABELVELDEN = ("thema", "doelgroepen", "groep", "nummer", "duplicaat_van")
"""A criterion's tags: where it sits and whom it addresses."""
INKOOPVELDEN = ("rollen", "standaard", "formulering", "bewijs", "actueel", "actueel_items", "reden")
"""A criterion's tender layer (data/inkoop/)."""
KADERVELDEN = (
    "titel", "uitgever", "jaar", "bron_url", "gecontroleerd_op", "opvolger", "segmenten", "verwijzingsadvies",
    "inzet", "overzicht", "vorm_toelichting", "inleiding", "korte_toelichting", "totstandkoming", "opbouw",
    "thema_toelichting", "thema_afsluiting", "zonder_criteria", "groep_toelichtingen", "actualiteit", "correcties",
)
"""A kader's metadata and texts (everything but its criteria)."""
NOTITIES_IN_TEKST = 10
"""How many content-rule findings per side the text output lists (JSON lists them all)."""
SEGMENTVELDEN = ("domein", "code", "naam", "omschrijving", "gebruikelijk_aanbod", "doelgroep", "aliassen", "toelichting")


@dataclass(frozen=True)
class Veldwijziging:
    veld: str
    oud: Any  # plain data (to_data): text, list, mapping, number or None
    nieuw: Any


@dataclass(frozen=True)
class CriteriumWijziging:
    id: str
    kader: int
    tekst: tuple[Veldwijziging, ...] = ()
    labels: tuple[Veldwijziging, ...] = ()
    aanbesteding: tuple[Veldwijziging, ...] = ()


@dataclass(frozen=True)
class KaderWijziging:
    nummer: int
    titel: str
    velden: tuple[Veldwijziging, ...]


@dataclass(frozen=True)
class SegmentWijziging:
    id: str
    velden: tuple[Veldwijziging, ...]


@dataclass(frozen=True)
class IdVerschil:
    """Kaders and criteria that came or went between two states (kader number -> criterion IDs)."""

    kaders_nieuw: tuple[int, ...] = ()
    kaders_vervallen: tuple[int, ...] = ()
    criteria_nieuw: tuple[str, ...] = ()
    criteria_vervallen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verschil:
    """Everything that differs between two corpora; empty when they have the same content."""

    oud: Corpus
    nieuw: Corpus
    ids: IdVerschil
    oud_pad: str = ""  # the directories as the caller named them (a corpus from the cache keeps its first path)
    nieuw_pad: str = ""
    criteria_gewijzigd: tuple[CriteriumWijziging, ...] = ()
    kaders_gewijzigd: tuple[KaderWijziging, ...] = ()
    segmenten_nieuw: tuple[str, ...] = ()
    segmenten_vervallen: tuple[str, ...] = ()
    segmenten_gewijzigd: tuple[SegmentWijziging, ...] = ()
    notities_oud: tuple[Bevinding, ...] = ()  # content rules the old corpus breaks (not in the difference)
    notities_nieuw: tuple[Bevinding, ...] = ()

    @property
    def leeg(self) -> bool:
        return not (
            self.ids.kaders_nieuw or self.ids.kaders_vervallen or self.ids.criteria_nieuw
            or self.ids.criteria_vervallen or self.criteria_gewijzigd or self.kaders_gewijzigd
            or self.segmenten_nieuw or self.segmenten_vervallen or self.segmenten_gewijzigd
        )


# --- the IDs of a corpus, and of a profile's corpus -----------------------------------------------


def stand(corpus: Corpus, kaders: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
    """Kader number -> its criterion IDs, for all kaders or the given ones."""
    gekozen = None if kaders is None else set(kaders)
    return {k.nummer: tuple(c.id for c in k.criteria) for k in corpus.kaders if gekozen is None or k.nummer in gekozen}


def vergelijk_ids(oud: Mapping[int, Collection[str]], nieuw: Mapping[int, Collection[str]]) -> IdVerschil:
    """What came and went between two states (`stand`): kaders by number, criteria by ID."""
    oude_ids = {cid for ids in oud.values() for cid in ids}
    nieuwe_ids = {cid for ids in nieuw.values() for cid in ids}
    volgorde = [cid for ids in nieuw.values() for cid in ids]
    oude_volgorde = [cid for ids in oud.values() for cid in ids]
    return IdVerschil(
        kaders_nieuw=tuple(n for n in nieuw if n not in oud),
        kaders_vervallen=tuple(n for n in oud if n not in nieuw),
        criteria_nieuw=tuple(cid for cid in volgorde if cid not in oude_ids),
        criteria_vervallen=tuple(cid for cid in oude_volgorde if cid not in nieuwe_ids),
    )


_ID = re.compile(r"^([a-z]+)-(\d{2,3})([a-z]?)$")
_REEKS = re.compile(r"^([a-z]+)-(\d{2,3})\.\.(\d{2,3})$")


def stand_tekst(ids: Iterable[str]) -> str:
    """Criterion IDs, compactly: 'bwmo-01..33, bwmo-35..45' (consecutive numbers as a range)."""
    delen: list[str] = []
    reeks: list[tuple[str, int, int]] = []  # prefix, first, last
    breedte: dict[str, int] = {}

    def sluit() -> None:
        if reeks:
            prefix, eerste, laatste = reeks.pop()
            w = breedte[prefix]
            delen.append(f"{prefix}-{eerste:0{w}d}" if eerste == laatste else f"{prefix}-{eerste:0{w}d}..{laatste:0{w}d}")

    for cid in ids:
        match = _ID.match(cid)
        if match is None or match.group(3):  # an ID with a letter stays as it is
            sluit()
            delen.append(cid)
            continue
        prefix, nummer = match.group(1), int(match.group(2))
        breedte.setdefault(prefix, len(match.group(2)))
        if reeks and reeks[-1][0] == prefix and reeks[-1][2] == nummer - 1 and len(match.group(2)) == breedte[prefix]:
            reeks[-1] = (prefix, reeks[-1][1], nummer)
            continue
        sluit()
        reeks.append((prefix, nummer, nummer))
    sluit()
    return ", ".join(delen)


def read_stand(waarde: Mapping[Any, Any]) -> dict[int, set[str]]:
    """The state a profile recorded (kader number -> 'bwmo-01..45, …'), back as sets of IDs.

    Raises:
        InkoopkaderError: when a key is not a kader number or a part is not an ID or range of IDs.
    """
    result: dict[int, set[str]] = {}
    for sleutel, tekst in waarde.items():
        try:
            nummer = int(str(sleutel))
        except ValueError:
            raise InkoopkaderError(f"'{sleutel}' is geen kadernummer") from None
        ids: set[str] = set()
        for deel in str(tekst or "").split(","):
            deel = deel.strip()
            if not deel:
                continue
            reeks = _REEKS.match(deel)
            if reeks:
                prefix, van, tot = reeks.group(1), reeks.group(2), reeks.group(3)
                ids.update(f"{prefix}-{n:0{len(van)}d}" for n in range(int(van), int(tot) + 1))
            elif _ID.match(deel):
                ids.add(deel)
            else:
                raise InkoopkaderError(f"kader {nummer}: '{deel}' is geen criterium-ID of reeks (b.v. bwmo-01..45)")
        result[nummer] = ids
    return result


# --- comparing two corpora --------------------------------------------------------------------------


def _waarde(obj: Any, veld: str) -> Any:
    return to_data(getattr(obj, veld, None))


def _wijzigingen(oud: Any, nieuw: Any, velden: Iterable[str]) -> tuple[Veldwijziging, ...]:
    result = []
    for veld in velden:
        a, b = _waarde(oud, veld), _waarde(nieuw, veld)
        if a != b:
            result.append(Veldwijziging(veld, a, b))
    return tuple(result)


def _inkoop(kader: Kader, crit: Criterium) -> Any:
    return kader.gebruik(crit)


def vergelijk(oud: Corpus, nieuw: Corpus, *, oud_pad: str | None = None, nieuw_pad: str | None = None,
              notities_oud: Iterable[Bevinding] = (), notities_nieuw: Iterable[Bevinding] = ()) -> Verschil:
    """Compare two corpora (old first): see the module docstring.

    `oud_pad` and `nieuw_pad` name the directories in the output (default: each corpus's own path);
    `notities_oud` and `notities_nieuw` are content-rule findings of each side, shown as notes.
    """
    ids = vergelijk_ids(stand(oud), stand(nieuw))
    oude_kaders = {k.nummer: k for k in oud.kaders}
    criteria: list[CriteriumWijziging] = []
    kaders: list[KaderWijziging] = []
    for kader in nieuw.kaders:
        vorig = oude_kaders.get(kader.nummer)
        if vorig is None:
            continue
        velden = _wijzigingen(vorig, kader, KADERVELDEN)
        if velden:
            kaders.append(KaderWijziging(kader.nummer, kader.titel, velden))
        vorige = {c.id: c for c in vorig.criteria}
        for crit in kader.criteria:
            was = vorige.get(crit.id)
            if was is None:
                continue
            wijziging = CriteriumWijziging(
                crit.id, kader.nummer,
                tekst=_wijzigingen(was, crit, TEKSTVELDEN),
                labels=_wijzigingen(was, crit, LABELVELDEN),
                aanbesteding=_wijzigingen(_inkoop(vorig, was), _inkoop(kader, crit), INKOOPVELDEN),
            )
            if wijziging.tekst or wijziging.labels or wijziging.aanbesteding:
                criteria.append(wijziging)
    oude_segmenten = {s.id: s for s in oud.segmenten}
    nieuwe_segmenten = {s.id: s for s in nieuw.segmenten}
    segmenten = tuple(
        SegmentWijziging(sid, velden)
        for sid, segment in nieuwe_segmenten.items() if sid in oude_segmenten
        for velden in [_wijzigingen(oude_segmenten[sid], segment, SEGMENTVELDEN)] if velden
    )
    return Verschil(
        oud=oud, nieuw=nieuw, ids=ids, criteria_gewijzigd=tuple(criteria), kaders_gewijzigd=tuple(kaders),
        oud_pad=oud_pad or oud.pad, nieuw_pad=nieuw_pad or nieuw.pad,
        segmenten_nieuw=tuple(s for s in nieuwe_segmenten if s not in oude_segmenten),
        segmenten_vervallen=tuple(s for s in oude_segmenten if s not in nieuwe_segmenten),
        segmenten_gewijzigd=segmenten,
        notities_oud=tuple(notities_oud), notities_nieuw=tuple(notities_nieuw),
    )


# --- layout -------------------------------------------------------------------------------------------


def _corpusinfo(corpus: Corpus, pad: str) -> dict[str, Any]:
    return {
        # named as in data/corpus.yaml: `versie` '2026.1'; `inhoud` the content hash
        "pad": pad, "versie": corpus.uitgave.versie if corpus.uitgave else None, "inhoud": corpus.versie,
        "datum": corpus.uitgave.datum.isoformat() if corpus.uitgave else None,
        "kaders": len(corpus.kaders), "criteria": sum(len(k.criteria) for k in corpus.kaders),
    }


def _criterium_kort(crit: Criterium) -> dict[str, Any]:
    return {"id": crit.id, "kader": crit.kader, "thema": [t.value for t in crit.thema],
            "doelgroep": [d.value for d in crit.doelgroepen], "titel": crit.titel, "tekst": crit.tekst}


def _veld_data(wijzigingen: Iterable[Veldwijziging]) -> list[dict[str, Any]]:
    return [{"veld": w.veld, "oud": w.oud, "nieuw": w.nieuw} for w in wijzigingen]


def naar_data(verschil: Verschil) -> dict[str, Any]:
    """The comparison as JSON-ready data (`schema_version` 1; fields may be added within a version)."""
    oud, nieuw = verschil.oud, verschil.nieuw
    return {
        "schema_version": SCHEMA_VERSION,
        "oud": _corpusinfo(oud, verschil.oud_pad),
        "nieuw": _corpusinfo(nieuw, verschil.nieuw_pad),
        "gelijk": verschil.leeg,
        "samenvatting": {
            "kaders_nieuw": len(verschil.ids.kaders_nieuw),
            "kaders_vervallen": len(verschil.ids.kaders_vervallen),
            "kaders_gewijzigd": len(verschil.kaders_gewijzigd),
            "criteria_nieuw": len(verschil.ids.criteria_nieuw),
            "criteria_vervallen": len(verschil.ids.criteria_vervallen),
            "criteria_gewijzigd": len(verschil.criteria_gewijzigd),
            "segmenten_gewijzigd": len(verschil.segmenten_gewijzigd),
        },
        "kaders": {
            "nieuw": [{"nummer": n, "titel": nieuw.kader(n).titel} for n in verschil.ids.kaders_nieuw],
            "vervallen": [{"nummer": n, "titel": oud.kader(n).titel} for n in verschil.ids.kaders_vervallen],
            "gewijzigd": [{"nummer": k.nummer, "titel": k.titel, "velden": _veld_data(k.velden)}
                          for k in verschil.kaders_gewijzigd],
        },
        "criteria": {
            "nieuw": [_criterium_kort(nieuw.criterium(c)) for c in verschil.ids.criteria_nieuw],  # type: ignore[arg-type]
            "vervallen": [_criterium_kort(oud.criterium(c)) for c in verschil.ids.criteria_vervallen],  # type: ignore[arg-type]
            "gewijzigd": [
                {"id": w.id, "kader": w.kader, "tekst": _veld_data(w.tekst), "labels": _veld_data(w.labels),
                 "aanbesteding": _veld_data(w.aanbesteding)}
                for w in verschil.criteria_gewijzigd
            ],
        },
        "segmenten": {
            "nieuw": list(verschil.segmenten_nieuw),
            "vervallen": list(verschil.segmenten_vervallen),
            "gewijzigd": [{"id": s.id, "velden": _veld_data(s.velden)} for s in verschil.segmenten_gewijzigd],
        },
        "notities": {
            kant: [{"bestand": b.bestand, "regel": b.regel, "melding": b.melding} for b in bevindingen]
            for kant, bevindingen in (("oud", verschil.notities_oud), ("nieuw", verschil.notities_nieuw))
        },
    }


def _plat(waarde: Any) -> str:
    """A field value as one line of text."""
    if waarde is None:
        return "–"
    if isinstance(waarde, str):
        return " ".join(strip_markup(waarde).split())
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, list):
        return "; ".join(_plat(w) for w in waarde) if waarde else "–"
    if isinstance(waarde, dict) and not waarde:
        return "–"
    if isinstance(waarde, dict):
        if "tekst" in waarde:  # an item or note: its label and text, then its sub-items
            kop = " ".join(str(waarde[k]) for k in ("label", "kop") if waarde.get(k))
            rest = _plat(waarde.get("items") or [])
            return " ".join(x for x in (kop, _plat(waarde["tekst"]), f"({rest})" if rest != "–" else "") if x)
        return "; ".join(f"{k}: {_plat(v)}" for k, v in waarde.items() if v not in (None, [], {}, ""))
    return str(waarde)


def woordverschil(oud: str, nieuw: str, context: int = 4, maximum: int = 3) -> str:
    """The changed words of two texts with a little context: '… regie [-je-] {+zijn+} mogelijkheden …'."""
    a, b = oud.split(), nieuw.split()
    stukken = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        voor = a[max(0, i1 - context):i1]
        na = a[i2:i2 + context]
        weg = f"[-{' '.join(a[i1:i2])}-]" if i2 > i1 else ""
        erbij = f"{{+{' '.join(b[j1:j2])}+}}" if j2 > j1 else ""
        stuk = " ".join(x for x in (("… " if i1 - context > 0 else "") + " ".join(voor), weg, erbij,
                                     " ".join(na) + (" …" if i2 + context < len(a) else "")) if x.strip())
        stukken.append(stuk)
    if len(stukken) > maximum:
        stukken = [*stukken[:maximum], f"(en nog {len(stukken) - maximum} {'wijziging' if len(stukken) - maximum == 1 else 'wijzigingen'})"]
    return " | ".join(stukken)


_REGISTERS = ("correcties", "actualiteit", "groep_toelichtingen", "segmenten")
"""Kader fields that are lists of records: shown as entries added and removed."""


def _regels(w: Veldwijziging) -> list[str]:
    """One field's change as lines: entries added and removed for a list of records (correcties,
    actualiteit …), changed words for a text, else old → new."""
    if w.veld in _REGISTERS and isinstance(w.oud, list) and isinstance(w.nieuw, list):
        erbij = [e for e in w.nieuw if e not in w.oud]
        eraf = [e for e in w.oud if e not in w.nieuw]
        if erbij or eraf:
            return [f"{w.veld}: {len(erbij)} erbij, {len(eraf)} eraf",
                    *(f"  + {_kort(_plat(e), 160)}" for e in erbij), *(f"  - {_kort(_plat(e), 160)}" for e in eraf)]
    oud, nieuw = _plat(w.oud), _plat(w.nieuw)
    if oud == nieuw:
        return [f"{w.veld}: dezelfde woorden, andere opbouw (b.v. nummering of opsomming apart)"]
    if oud != "–" and nieuw != "–" and len(oud) + len(nieuw) > 80:
        return [f"{w.veld}: {woordverschil(oud, nieuw)}"]
    return [f"{w.veld}: {_kort(oud, 160)} → {_kort(nieuw, 160)}"]


def _naam(corpus: Corpus, pad: str) -> str:
    uitgave = f"versie {corpus.uitgave.versie} ({corpus.uitgave.datum:%d-%m-%Y}), " if corpus.uitgave else ""
    return f"{uitgave}inhoud {corpus.versie} — {pad}"


def _kort(tekst: str, lengte: int = 90) -> str:
    tekst = " ".join(strip_markup(tekst).split())
    return tekst if len(tekst) <= lengte else tekst[:lengte].rsplit(" ", 1)[0] + " …"


def naar_tekst(verschil: Verschil) -> str:
    """The comparison as a changelog: per kader new, changed and removed criteria, then segments."""
    oud, nieuw = verschil.oud, verschil.nieuw
    regels = [f"Oud:   {_naam(oud, verschil.oud_pad)}", f"Nieuw: {_naam(nieuw, verschil.nieuw_pad)}", ""]
    for kant, bevindingen in (("oude", verschil.notities_oud), ("nieuwe", verschil.notities_nieuw)):
        if not bevindingen:
            continue
        regels.append(f"Let op: het {kant} corpus overtreedt inhoudsregels van nu ("
                      f"{aantal(len(bevindingen), 'bevinding', 'bevindingen')}); het is wel vergeleken, met de "
                      "schemacontrole alleen:")
        regels += [f"  {b}" for b in bevindingen[:NOTITIES_IN_TEKST]]
        if len(bevindingen) > NOTITIES_IN_TEKST:
            regels.append(f"  … en nog {len(bevindingen) - NOTITIES_IN_TEKST} (alle in --format json)")
        regels.append("")
    if verschil.leeg:
        return "\n".join([*regels, "Geen verschillen: beide corpora hebben dezelfde inhoud."]) + "\n"
    ids = verschil.ids
    tekst_gewijzigd = sum(1 for w in verschil.criteria_gewijzigd if w.tekst)
    labels_gewijzigd = sum(1 for w in verschil.criteria_gewijzigd if w.labels)
    inkoop_gewijzigd = sum(1 for w in verschil.criteria_gewijzigd if w.aanbesteding)
    regels.append(
        f"Samenvatting: criteria {len(ids.criteria_nieuw)} nieuw, {len(ids.criteria_vervallen)} vervallen, "
        f"{len(verschil.criteria_gewijzigd)} gewijzigd (tekst {tekst_gewijzigd}, labels {labels_gewijzigd}, "
        f"aanbestedingslaag {inkoop_gewijzigd}); kaders: {len(ids.kaders_nieuw)} nieuw, "
        f"{len(ids.kaders_vervallen)} vervallen, {len(verschil.kaders_gewijzigd)} met gewijzigde gegevens; "
        f"segmenten: {len(verschil.segmenten_gewijzigd)} gewijzigd."
    )
    nummers = sorted({k.nummer for k in nieuw.kaders} | {k.nummer for k in oud.kaders})
    kader_van_nieuw = {c.id: c.kader for c in nieuw.criteria()}
    kader_van_oud = {c.id: c.kader for c in oud.criteria()}
    kader_wijziging = {k.nummer: k for k in verschil.kaders_gewijzigd}
    for nummer in nummers:
        in_nieuw = any(k.nummer == nummer for k in nieuw.kaders)
        kader = nieuw.kader(nummer) if in_nieuw else oud.kader(nummer)
        nieuwe = [c for c in ids.criteria_nieuw if kader_van_nieuw.get(c) == nummer]
        weg = [c for c in ids.criteria_vervallen if kader_van_oud.get(c) == nummer]
        anders = [w for w in verschil.criteria_gewijzigd if w.kader == nummer]
        if not (nieuwe or weg or anders or nummer in kader_wijziging or nummer in ids.kaders_nieuw
                or nummer in ids.kaders_vervallen):
            continue
        status = " — NIEUW KADER" if nummer in ids.kaders_nieuw else (" — VERVALLEN" if nummer in ids.kaders_vervallen else "")
        regels += ["", f"Kader {nummer} – {kader.titel} ({kader.jaar}){status}"]
        if nummer in kader_wijziging:
            regels.append("  Kadergegevens")
            regels += [f"    {r}" for w in kader_wijziging[nummer].velden for r in _regels(w)]
        if nieuwe:
            regels.append("  Nieuw")
            for cid in nieuwe:
                crit = nieuw.criterium(cid)
                regels.append(f"    {cid} ({crit.hoofdthema.value}) {_kort(crit.tekst)}")  # type: ignore[union-attr]
        if anders:
            regels.append("  Gewijzigd")
            for w in anders:
                soorten = [s for s, v in (("tekst", w.tekst), ("labels", w.labels), ("aanbesteding", w.aanbesteding)) if v]
                regels.append(f"    {w.id} ({', '.join(soorten)})")
                regels += [f"      {r}" for v in (*w.tekst, *w.labels, *w.aanbesteding) for r in _regels(v)]
        if weg:
            regels.append("  Vervallen")
            for cid in weg:
                crit = oud.criterium(cid)
                regels.append(f"    {cid} ({crit.hoofdthema.value}) {_kort(crit.tekst)}")  # type: ignore[union-attr]
    if verschil.segmenten_nieuw or verschil.segmenten_vervallen or verschil.segmenten_gewijzigd:
        regels += ["", "Segmenten"]
        regels += [f"  {s} — nieuw" for s in verschil.segmenten_nieuw]
        regels += [f"  {s} — vervallen" for s in verschil.segmenten_vervallen]
        for s in verschil.segmenten_gewijzigd:
            regels.append(f"  {s.id}")
            regels += [f"    {r}" for w in s.velden for r in _regels(w)]
    return "\n".join(regels) + "\n"


def __getattr__(naam: str) -> object:
    """Old names of renamed functions, for one release (with a DeprecationWarning)."""
    from .verouderd import alias

    return alias(__name__, naam, {"lees_stand": read_stand})
