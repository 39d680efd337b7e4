"""The selection the web app edits, carried in the page itself (no server-side session).

A `Staat` is what an inkoper chose: segment and procedure, kaders and criteria left out, a role per
criterion, award settings and title-page data. It travels as one hidden form field (JSON) and is
turned into the library's own objects — a `Verzoek` for `select`, a `GunningInstelling` and the
keyword arguments for `compose` — so the web app decides nothing itself. A profile the user uploads
becomes a `Staat` (`uit_profiel`), and a `Staat` becomes a profile to download (`profiel_tekst`),
written by `profile.profiel_yaml` and read back by `profile.load_profile`.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict, dataclass, replace
from typing import Any

from ..compose import GunningInstelling, VraagInstelling
from ..document import Document, Schaalniveau
from ..errors import InkoopkaderError
from ..framing import STANDAARD_ONDERGRENS
from ..model import Corpus, Inzet, Procedure, Rol
from ..profile import Profiel, profiel_yaml
from ..select import Selectie, Verzoek, parse_procedure, parse_rol, select


class OngeldigeStaat(InkoopkaderError):
    """The page's hidden selection data cannot be read (tampered with, truncated, from another version)."""


@dataclass(frozen=True)
class Vraagkeuze:
    """An award question as the inkoper arranged it (`compose.VraagInstelling`)."""

    titel: str
    criteria: tuple[str, ...]
    weging: int | None = None
    omvang: int | None = None


@dataclass(frozen=True)
class Staat:
    segment: str
    procedure: Procedure = Procedure.AANBESTEDING
    zonder_kaders: tuple[int, ...] = ()
    uitgesloten: tuple[str, ...] = ()
    rollen: tuple[tuple[str, Rol], ...] = ()
    verwijzing: tuple[tuple[int, bool], ...] = ()
    inzet: tuple[tuple[int, Inzet], ...] = ()
    gemeente: str = ""
    titel: str = ""
    kenmerk: str = ""
    versie: str = "1.0"
    bijlagen: bool = False
    prijs: int = 0
    ondergrens: int | None = STANDAARD_ONDERGRENS
    vragen: tuple[Vraagkeuze, ...] = ()  # empty: compose's default grouping and equal wegingen
    schaal: tuple[Schaalniveau, ...] = ()  # empty: the default scale
    wettelijk: bool = True  # the chapter 'Wettelijke verplichtingen'
    personeel: bool = False
    personeelseisen: tuple[str, ...] | None = None
    functieniveaus: tuple[str, ...] = ()
    personeel_rol: Rol | None = None

    # --- to the library ---------------------------------------------------------------------------

    @property
    def rollen_map(self) -> dict[str, Rol]:
        return dict(self.rollen)

    @property
    def verwijzing_map(self) -> dict[int, bool]:
        return dict(self.verwijzing)

    def verzoek(self, *, met_uitgesloten: bool = True) -> Verzoek:
        """The selection request; `met_uitgesloten=False` also selects the kaders and criteria left out
        (to show the role each would have)."""
        return Verzoek.maak(
            self.segment,
            procedure=self.procedure,
            zonder_kaders=self.zonder_kaders if met_uitgesloten else (),
            uitgesloten=self.uitgesloten if met_uitgesloten else (),
            rol_per_criterium=dict(self.rollen),
            verwijzing_per_kader=dict(self.verwijzing),
            inzet_per_kader=dict(self.inzet),
            herkomst="webapp",
        )

    def selecteer(self, corpus: Corpus, *, met_uitgesloten: bool = True) -> Selectie:
        return select(corpus, self.verzoek(met_uitgesloten=met_uitgesloten))

    def gunning(self, selectie: Selectie) -> GunningInstelling:
        """The award settings. Criteria that are no longer award aspects (role changed, left out) drop
        out of the questions; a question left empty drops out too."""
        aspecten = {k.criterium.id for k in selectie.met_rol(Rol.GUNNINGSCRITERIUM)}
        vragen = []
        for v in self.vragen:
            ids = tuple(c for c in v.criteria if c in aspecten or c.startswith("pe-"))
            if ids:
                vragen.append(VraagInstelling(v.titel, ids, weging=v.weging, omvang_a4=v.omvang))
        return GunningInstelling(prijs=self.prijs, vragen=tuple(vragen), schaal=self.schaal,
                                 ondergrens=self.ondergrens)

    def compose_kwargs(self, selectie: Selectie) -> dict[str, Any]:
        personeel: bool | tuple[str, ...] = False
        if self.personeel:
            personeel = True if self.personeelseisen is None else self.personeelseisen
        return {
            "titel": self.titel or None, "gemeente": self.gemeente or None, "kenmerk": self.kenmerk or None,
            "versie": self.versie or "1.0", "bijlagen": self.bijlagen, "gunning": self.gunning(selectie),
            "personeel": personeel, "functieniveaus": self.functieniveaus, "personeel_rol": self.personeel_rol,
            "wettelijk": self.wettelijk,
        }

    def compose(self, corpus: Corpus, selectie: Selectie | None = None) -> Document:
        from ..compose import compose

        selectie = selectie or self.selecteer(corpus)
        return compose(corpus, selectie, **self.compose_kwargs(selectie))

    # --- in the page -------------------------------------------------------------------------------

    def naar_json(self) -> str:
        data = asdict(self)
        data["procedure"] = self.procedure.value
        data["rollen"] = {k: r.value for k, r in self.rollen}
        data["verwijzing"] = {str(k): v for k, v in self.verwijzing}
        data["inzet"] = {str(k): v.value for k, v in self.inzet}
        data["personeel_rol"] = self.personeel_rol.value if self.personeel_rol else None
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def uit_json(cls, tekst: str) -> Staat:
        """Read the hidden field back; every field is type-checked (the values themselves are checked
        by `select` and `compose`)."""
        try:
            data = json.loads(tekst)
        except (ValueError, RecursionError):
            raise OngeldigeStaat("De selectie in het formulier is onleesbaar. Begin opnieuw bij de startpagina.") from None
        if not isinstance(data, dict) or not isinstance(data.get("segment"), str):
            raise OngeldigeStaat("De selectie in het formulier is onvolledig. Begin opnieuw bij de startpagina.")
        bekend = set(cls.__dataclass_fields__)
        onbekend = set(data) - bekend
        if onbekend:
            raise OngeldigeStaat(f"Onbekend veld in de selectie: {sorted(onbekend)[0]}.")
        try:
            return cls(
                segment=data["segment"],
                procedure=parse_procedure(_str(data.get("procedure", "aanbesteding"))),
                zonder_kaders=tuple(_int(n) for n in _lijst(data.get("zonder_kaders", []))),
                uitgesloten=tuple(_str(c) for c in _lijst(data.get("uitgesloten", []))),
                rollen=tuple(sorted((_str(k), parse_rol(_str(v))) for k, v in _map(data.get("rollen", {})).items())),
                verwijzing=tuple(sorted((_int(k), _bool(v)) for k, v in _map(data.get("verwijzing", {})).items())),
                inzet=tuple(sorted((_int(k), Inzet(_str(v))) for k, v in _map(data.get("inzet", {})).items())),
                gemeente=_str(data.get("gemeente", "")),
                titel=_str(data.get("titel", "")),
                kenmerk=_str(data.get("kenmerk", "")),
                versie=_str(data.get("versie", "1.0")),
                bijlagen=_bool(data.get("bijlagen", False)),
                prijs=_int(data.get("prijs", 0)),
                ondergrens=None if data.get("ondergrens") is None else _int(data["ondergrens"]),
                vragen=tuple(_vraag(v) for v in _lijst(data.get("vragen", []))),
                schaal=tuple(_niveau(n) for n in _lijst(data.get("schaal", []))),
                wettelijk=_bool(data.get("wettelijk", True)),
                personeel=_bool(data.get("personeel", False)),
                personeelseisen=(None if data.get("personeelseisen") is None
                                 else tuple(_str(e) for e in _lijst(data["personeelseisen"]))),
                functieniveaus=tuple(_str(n) for n in _lijst(data.get("functieniveaus", []))),
                personeel_rol=None if data.get("personeel_rol") is None else parse_rol(_str(data["personeel_rol"])),
            )
        except (TypeError, ValueError, KeyError):
            raise OngeldigeStaat("De selectie in het formulier is beschadigd. Begin opnieuw bij de startpagina.") from None

    # --- profiles ----------------------------------------------------------------------------------

    @classmethod
    def uit_profiel(cls, corpus: Corpus, profiel: Profiel) -> Staat:
        """The state a loaded profile describes (its request, award settings and title-page data)."""
        verzoek = profiel.verzoek()
        uitgesloten: list[str] = []
        for nummer, ids in verzoek.criteria_map.items():
            gekozen = set(ids)
            uitgesloten += [c.id for c in corpus.kader(nummer).criteria if c.id not in gekozen]
        gunning = profiel.gunning
        return cls(
            segment=profiel.segment,
            procedure=profiel.procedure,
            zonder_kaders=tuple(sorted(verzoek.zonder_kaders)),
            uitgesloten=tuple(uitgesloten),
            rollen=tuple(sorted(verzoek.rol_per_criterium)),
            verwijzing=tuple(sorted(verzoek.verwijzing_per_kader)),
            inzet=tuple(sorted(verzoek.inzet_per_kader)),
            gemeente=profiel.gemeente or "",
            titel=profiel.titel or "",
            kenmerk=profiel.kenmerk or "",
            versie=profiel.versie,
            bijlagen=profiel.bijlagen,
            prijs=gunning.prijs if gunning else 0,
            ondergrens=gunning.ondergrens if gunning else STANDAARD_ONDERGRENS,
            vragen=tuple(Vraagkeuze(v.titel, v.criteria, v.weging, v.omvang_a4) for v in gunning.vragen)
            if gunning else (),
            schaal=gunning.schaal if gunning else (),
            wettelijk=profiel.wettelijk is not False,  # no key: compose's default, the chapter is in
            personeel=profiel.personeel,
            personeelseisen=profiel.personeelseisen,
            functieniveaus=profiel.functieniveaus,
            personeel_rol=profiel.personeel_rol,
        )

    def profiel_tekst(self, corpus: Corpus, bestand: str) -> str:
        """This state as a selection profile: `profiel_yaml`'s file, with the inkoper's choices filled in.

        Every criterion gets the role it has now (like `init` writes the default roles), so that
        loading the profile selects exactly what the page showed.
        """
        from ruamel.yaml import YAML

        volledig = self.selecteer(corpus, met_uitgesloten=False)
        rollen = {k.criterium.id: k.rol for k in (*volledig.keuzes, *volledig.gemeente)}
        verwezen = {kk.kader.nummer: kk.verwijzing for kk in volledig.kaders}
        tekst = profiel_yaml(corpus, self.segment, procedure=self.procedure, gemeente=self.gemeente or None,
                             titel=self.titel or None, kenmerk=self.kenmerk or None, versie=self.versie or "1.0",
                             bestand=bestand)
        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.indent(mapping=2, sequence=4, offset=2)
        yaml.width = 4096
        data = yaml.load(tekst)
        data["bijlagen"] = "ja" if self.bijlagen else "nee"
        data["wettelijk"] = "ja" if self.wettelijk else "nee"
        gunning = data["gunning"]
        gunning["prijs"] = self.prijs
        gunning["ondergrens"] = "geen" if self.ondergrens is None else self.ondergrens
        gunning["vragen"] = [_vraag_yaml(v) for v in self.gunning(self.selecteer(corpus)).vragen]
        if self.schaal:
            gunning["schaal"] = [{"score": n.score, "label": n.label, "omschrijving": n.omschrijving}
                                 for n in self.schaal]
        if self.personeel:
            personeel = data["personeel"]
            personeel["opnemen"] = "ja"
            if self.personeelseisen is not None:
                personeel["eisen"] = list(self.personeelseisen)
            personeel["functieniveaus"] = list(self.functieniveaus)
            if self.personeel_rol is not None:
                personeel["rol"] = self.personeel_rol.value
        zonder, uit, verwijzing, inzet = set(self.zonder_kaders), set(self.uitgesloten), dict(self.verwijzing), dict(self.inzet)
        for entry in data["kaders"]:
            nummer = int(entry["nummer"])
            if nummer in zonder:
                entry["opnemen"] = "nee"
            if nummer in verwijzing or nummer in verwezen:
                entry["verwijzing"] = "ja" if verwijzing.get(nummer, verwezen.get(nummer)) else "nee"
            if nummer in inzet:
                entry["inzet"] = inzet[nummer].value
            for cid, node in (entry.get("criteria") or {}).items():
                if cid in uit:
                    node["opnemen"] = "nee"
                if cid in rollen:
                    node["rol"] = rollen[cid].value
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        return buffer.getvalue()

    def met(self, **wijzigingen: Any) -> Staat:
        return replace(self, **wijzigingen)


def _vraag_yaml(v: VraagInstelling) -> dict[str, Any]:
    from ruamel.yaml.comments import CommentedSeq

    criteria = CommentedSeq(v.criteria)
    criteria.fa.set_flow_style()
    data: dict[str, Any] = {"titel": v.titel}
    if v.weging is not None:
        data["weging"] = v.weging
    if v.omvang_a4 is not None:
        data["omvang"] = v.omvang_a4
    data["criteria"] = criteria
    return data


def _str(waarde: Any) -> str:
    if not isinstance(waarde, str):
        raise TypeError(waarde)
    return waarde


def _int(waarde: Any) -> int:
    if isinstance(waarde, bool):
        raise TypeError(waarde)
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, str) and waarde.strip().lstrip("-").isdigit():
        return int(waarde)
    raise TypeError(waarde)


def _bool(waarde: Any) -> bool:
    if not isinstance(waarde, bool):
        raise TypeError(waarde)
    return waarde


def _lijst(waarde: Any) -> list[Any]:
    if not isinstance(waarde, list):
        raise TypeError(waarde)
    return waarde


def _map(waarde: Any) -> dict[str, Any]:
    if not isinstance(waarde, dict):
        raise TypeError(waarde)
    return waarde


def _vraag(data: Any) -> Vraagkeuze:
    data = _map(data)
    return Vraagkeuze(
        titel=_str(data["titel"]),
        criteria=tuple(_str(c) for c in _lijst(data.get("criteria", []))),
        weging=None if data.get("weging") is None else _int(data["weging"]),
        omvang=None if data.get("omvang") is None else _int(data["omvang"]),
    )


def _niveau(data: Any) -> Schaalniveau:
    data = _map(data)
    return Schaalniveau(_int(data["score"]), _str(data["label"]), _str(data.get("omschrijving", "")))
