"""pydantic v2 schemas for the YAML data files, and their conversion to the domain model.

Only used when data is (re)validated: on a cache miss, by `inkoopkader validate` and in tests.
Unknown fields are rejected everywhere (`extra="forbid"`) so that a typo in a field name is an error
instead of silently lost data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from . import model

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
DocumentId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")]
CRITERIUM_ID = re.compile(r"^[a-z]+-\d{2,3}[a-z]?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ItemSchema(_Strict):
    tekst: NonEmpty
    items: list[ItemSchema | NonEmpty] = []
    label: Annotated[str, StringConstraints(pattern=r"^\(?[0-9a-z]{1,3}[.)]?$")] | None = None


ItemLike = ItemSchema | NonEmpty


def _items(values: list[ItemLike]) -> tuple[model.Item, ...]:
    result = []
    for value in values:
        if isinstance(value, str):
            result.append(model.Item(tekst=value))
        else:
            result.append(model.Item(tekst=value.tekst, items=_items(value.items), label=value.label))
    return tuple(result)


class NotitieSchema(_Strict):
    soort: model.NotitieSoort
    tekst: NonEmpty
    kop: NonEmpty | None = None
    items: list[ItemLike] = []


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


CriteriumId = Annotated[str, StringConstraints(pattern=CRITERIUM_ID.pattern)]


class CriteriumSchema(_Strict):
    id: CriteriumId
    thema: list[model.Thema] = Field(min_length=1)
    groep: list[NonEmpty] = []
    doelgroep: list[model.Doelgroep] = Field(min_length=1, max_length=2)
    titel: NonEmpty | None = None
    tekst: NonEmpty
    regel: int = Field(ge=1)
    nummer: NonEmpty | None = None
    items: list[ItemLike] = []
    vervolg: list[NonEmpty] = []
    notities: list[NotitieSchema] = []
    duplicaat_van: CriteriumId | None = None
    redactie: NonEmpty | None = None

    _thema_list = field_validator("thema", mode="before")(_as_list)
    _vervolg_list = field_validator("vervolg", mode="before")(_as_list)
    _doelgroep_list = field_validator("doelgroep", mode="before")(_as_list)

    @field_validator("doelgroep")
    @classmethod
    def _doelgroepen(cls, doelgroepen: list[model.Doelgroep]) -> list[model.Doelgroep]:
        """One doelgroep, or the gemeente together with the aanbieder (organisatie or professional)."""
        if len(doelgroepen) == 2 and (
            model.Doelgroep.GEMEENTE not in doelgroepen or len(set(doelgroepen)) != 2
        ):
            raise ValueError(
                "twee doelgroepen kan alleen als 'gemeente' samen met 'organisatie' of 'professional' "
                "(het criterium richt zich tot gemeente én aanbieder)"
            )
        return doelgroepen

    @property
    def hoofddoelgroep(self) -> model.Doelgroep:
        """The aanbieder side of a criterion for gemeente and aanbieder; else the one doelgroep."""
        anders = [d for d in self.doelgroep if d is not model.Doelgroep.GEMEENTE]
        return anders[0] if anders else model.Doelgroep.GEMEENTE

    @field_validator("nummer", mode="before")
    @classmethod
    def _nummer_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    def to_model(self, kader: int) -> model.Criterium:
        return model.Criterium(
            id=self.id,
            kader=kader,
            thema=tuple(self.thema),
            groep=tuple(self.groep),
            doelgroep=self.hoofddoelgroep,
            tekst=self.tekst,
            regel=self.regel,
            nummer=self.nummer,
            items=_items(self.items),
            vervolg=tuple(self.vervolg),
            notities=tuple(
                model.Notitie(soort=n.soort, tekst=n.tekst, kop=n.kop, items=_items(n.items))
                for n in self.notities
            ),
            titel=self.titel,
            ook_gemeente=len(self.doelgroep) == 2,
            duplicaat_van=self.duplicaat_van,
            redactie=self.redactie,
        )


class OverzichtSchema(_Strict):
    toelichting: NonEmpty
    hoe_te_gebruiken: NonEmpty
    inkoopsegment: NonEmpty


class SegmentRelatieSchema(_Strict):
    id: Slug
    relevantie: model.Relevantie


class GroepToelichtingSchema(_Strict):
    groep: list[NonEmpty] = Field(min_length=1)
    tekst: NonEmpty
    regel: int | None = Field(default=None, ge=1)


class BronSchema(_Strict):
    document: DocumentId = "kwaliteitskaders-inkoop-v1.1"
    sectie: NonEmpty
    pagina: int | None = None
    regels: tuple[int, int]

    @field_validator("sectie", mode="before")
    @classmethod
    def _sectie_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class ActualiteitSchema(_Strict):
    onderwerp: Slug
    criteria: list[str] = []
    toelichting: NonEmpty | None = None


Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>]+$")]


class OpvolgerSchema(_Strict):
    titel: NonEmpty
    jaar: int | None = Field(default=None, ge=1990, le=2100)
    url: Url | None = None
    toelichting: NonEmpty | None = None


class CorrectieSchema(_Strict):
    criterium: str | None = None
    veld: NonEmpty
    regel: int = Field(ge=1)
    was: str
    wordt: str
    reden: NonEmpty


class KaderSchema(_Strict):
    nummer: int = Field(ge=1)
    sleutel: Slug
    prefix: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    titel: NonEmpty
    uitgever: NonEmpty
    jaar: int = Field(ge=1990, le=2100)
    overzicht: OverzichtSchema
    segmenten: list[SegmentRelatieSchema] = Field(min_length=1)
    vorm_toelichting: NonEmpty
    inleiding: NonEmpty
    korte_toelichting: NonEmpty
    totstandkoming: NonEmpty
    opbouw: NonEmpty
    thema_toelichting: dict[model.Thema, NonEmpty] = {}
    thema_afsluiting: dict[model.Thema, NonEmpty] = {}
    zonder_criteria: list[model.Thema] = []
    groep_toelichtingen: list[GroepToelichtingSchema] = []
    bron: BronSchema
    actualiteit: list[ActualiteitSchema] = []
    correcties: list[CorrectieSchema] = []
    bron_url: Url | None = None
    gecontroleerd_op: dt.date | None = None
    opvolger: OpvolgerSchema | None = None
    criteria: list[CriteriumSchema] = []

    def to_model(self, bestand: str) -> model.Kader:
        return model.Kader(
            nummer=self.nummer,
            sleutel=self.sleutel,
            prefix=self.prefix,
            titel=self.titel,
            uitgever=self.uitgever,
            jaar=self.jaar,
            overzicht=model.Overzicht(**self.overzicht.model_dump()),
            segmenten=tuple(
                model.SegmentRelatie(segment=s.id, relevantie=s.relevantie) for s in self.segmenten
            ),
            vorm_toelichting=self.vorm_toelichting,
            inleiding=self.inleiding,
            korte_toelichting=self.korte_toelichting,
            totstandkoming=self.totstandkoming,
            opbouw=self.opbouw,
            bron=model.Bron(
                document=self.bron.document,
                sectie=self.bron.sectie,
                pagina=self.bron.pagina,
                regels=self.bron.regels,
            ),
            criteria=tuple(c.to_model(self.nummer) for c in self.criteria),
            thema_toelichting=dict(self.thema_toelichting),
            zonder_criteria=tuple(self.zonder_criteria),
            groep_toelichtingen=tuple(
                model.GroepToelichting(groep=tuple(g.groep), tekst=g.tekst, regel=g.regel)
                for g in self.groep_toelichtingen
            ),
            actualiteit=tuple(
                model.Actualiteit(
                    onderwerp=a.onderwerp, criteria=tuple(a.criteria), toelichting=a.toelichting
                )
                for a in self.actualiteit
            ),
            correcties=tuple(model.Correctie(**c.model_dump()) for c in self.correcties),
            bestand=bestand,
            thema_afsluiting=dict(self.thema_afsluiting),
            bron_url=self.bron_url,
            gecontroleerd_op=self.gecontroleerd_op,
            opvolger=model.Opvolger(**self.opvolger.model_dump()) if self.opvolger else None,
        )


# --- de aanbestedingslaag (data/inkoop/) --------------------------------------------------------------

_JA_NEE = {"ja": True, "nee": False, "true": True, "false": False}


def _ja_nee(value: Any) -> Any:
    """YAML 1.2 reads 'ja'/'nee' as text; accept them (and real booleans) as booleans."""
    if isinstance(value, str) and value.strip().lower() in _JA_NEE:
        return _JA_NEE[value.strip().lower()]
    return value


class InkoopCriteriumSchema(_Strict):
    rollen: list[model.Rol] = Field(min_length=1)
    reden: NonEmpty
    bewijs: NonEmpty | None = None
    formulering: NonEmpty | None = None
    actueel: NonEmpty | None = None
    actueel_items: list[ItemLike] | None = None
    standaard: bool = True

    _standaard = field_validator("standaard", mode="before")(_ja_nee)

    @field_validator("rollen")
    @classmethod
    def _rollen(cls, rollen: list[model.Rol]) -> list[model.Rol]:
        if model.Rol.VERWIJZING in rollen:
            raise ValueError("'verwijzing' is de rol van een kader als geheel, niet van één criterium")
        if len(set(rollen)) != len(rollen):
            raise ValueError("een rol staat er meer dan eens in")
        if model.Rol.INSPIRATIE in rollen[:-1]:
            raise ValueError("'inspiratie' staat alleen of als laatste")
        return rollen

    def to_model(self, criterium_id: str) -> model.Inkoopgebruik:
        return model.Inkoopgebruik(
            criterium=criterium_id, rollen=tuple(self.rollen), reden=self.reden, bewijs=self.bewijs,
            formulering=self.formulering, actueel=self.actueel,
            actueel_items=_items(self.actueel_items) if self.actueel_items is not None else None,
            standaard=self.standaard,
        )


class InkoopKaderEisSchema(_Strict):
    tekst: NonEmpty
    bewijs: NonEmpty
    regel: int = Field(ge=1)


class InkoopBestandSchema(_Strict):
    kader: int = Field(ge=1)
    verwijzing: model.Verwijzingsadvies
    verwijzing_reden: NonEmpty
    inzet: model.Inzet
    inzet_reden: NonEmpty
    geschiktheidseis: InkoopKaderEisSchema | None = None
    criteria: dict[Annotated[str, StringConstraints(pattern=CRITERIUM_ID.pattern)], InkoopCriteriumSchema]

    def to_model(self, bestand: str) -> model.KaderInkoop:
        eis = self.geschiktheidseis
        return model.KaderInkoop(
            kader=self.kader, verwijzing=self.verwijzing, verwijzing_reden=self.verwijzing_reden,
            inzet=self.inzet, inzet_reden=self.inzet_reden,
            criteria=tuple(entry.to_model(cid) for cid, entry in self.criteria.items()),
            geschiktheidseis=model.KaderEis(eis.tekst, eis.bewijs, eis.regel) if eis else None,
            bestand=bestand,
        )


SEGMENT_DOELGROEP_SCHEIDING = " – "
"""Joins the lines of a segment's doelgroep cell when the source has more than one (wmo-3)."""


class SegmentSchema(_Strict):
    id: Slug
    code: NonEmpty
    naam: NonEmpty
    omschrijving: NonEmpty
    gebruikelijk_aanbod: list[NonEmpty] = Field(min_length=1)
    bron: NonEmpty
    doelgroep: list[NonEmpty] | None = None
    aliassen: list[NonEmpty] = []
    toelichting: NonEmpty | None = None
    regel: int | None = Field(default=None, ge=1)

    _aanbod_list = field_validator("gebruikelijk_aanbod", mode="before")(_as_list)
    _doelgroep_list = field_validator("doelgroep", mode="before")(_as_list)

    @field_validator("code", mode="before")
    @classmethod
    def _code_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    def to_model(self, domein: str) -> model.Segment:
        return model.Segment(
            id=self.id,
            domein=domein,
            code=self.code,
            naam=self.naam,
            omschrijving=self.omschrijving,
            gebruikelijk_aanbod=tuple(self.gebruikelijk_aanbod),
            bron=self.bron,
            doelgroep=SEGMENT_DOELGROEP_SCHEIDING.join(self.doelgroep) if self.doelgroep else None,
            aliassen=tuple(self.aliassen),
            toelichting=self.toelichting,
            regel=self.regel,
        )


class SegmentBestandSchema(_Strict):
    domein: NonEmpty
    toelichting: NonEmpty | None = None
    segmenten: list[SegmentSchema] = Field(min_length=1)


class VervangingSchema(_Strict):
    van: NonEmpty
    naar: NonEmpty

    @field_validator("van")
    @classmethod
    def _valid_regex(cls, patroon: str) -> str:
        try:
            re.compile(patroon)
        except re.error as exc:
            raise ValueError(f"ongeldige reguliere expressie {patroon!r}: {exc}") from None
        return patroon


class OnderwerpSchema(_Strict):
    id: Slug
    term: NonEmpty
    patronen: list[str] = []
    vervangingen: list[VervangingSchema] = []
    vervangen_door: NonEmpty
    sinds: dt.date
    soort: NonEmpty

    @field_validator("patronen")
    @classmethod
    def _valid_regex(cls, patronen: list[str]) -> list[str]:
        for patroon in patronen:
            try:
                re.compile(patroon)
            except re.error as exc:
                raise ValueError(f"ongeldige reguliere expressie {patroon!r}: {exc}") from None
        return patronen

    def to_model(self) -> model.ActualiteitOnderwerp:
        return model.ActualiteitOnderwerp(
            id=self.id,
            term=self.term,
            vervangen_door=self.vervangen_door,
            sinds=self.sinds,
            soort=self.soort,
            patronen=tuple(self.patronen),
            vervangingen=tuple((v.van, v.naar) for v in self.vervangingen),
        )


class ActualiteitBestandSchema(_Strict):
    schema_version: int
    onderwerpen: list[OnderwerpSchema]


class ZoekenBestandSchema(_Strict):
    """data/zoeken.yaml: what search knows about Dutch beyond the corpus texts."""

    schema_version: int
    afkortingen: dict[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]{1,9}$")], list[NonEmpty]]

    @field_validator("afkortingen")
    @classmethod
    def _afkortingen(cls, afkortingen: dict[str, list[str]]) -> dict[str, list[str]]:
        gezien: dict[str, str] = {}
        for afkorting, voluit in afkortingen.items():
            if not voluit:
                raise ValueError(f"afkorting '{afkorting}' zonder voluit geschreven vorm")
            sleutel = afkorting.lower()
            if sleutel in gezien:
                raise ValueError(f"afkorting '{afkorting}' staat er twee keer in (ook als '{gezien[sleutel]}')")
            gezien[sleutel] = afkorting
        return afkortingen

    def to_model(self) -> tuple[model.Afkorting, ...]:
        return tuple(model.Afkorting(a, tuple(v)) for a, v in self.afkortingen.items())


class CorpusBestandSchema(_Strict):
    """data/corpus.yaml: the numbered release of the corpus data."""

    versie: Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d+$")]  # quoted: "2026.1"
    datum: dt.date

    def to_model(self) -> model.Uitgave:
        return model.Uitgave(self.versie, self.datum)


class BrondocumentSchema(_Strict):
    id: DocumentId
    titel: NonEmpty
    uitgever: NonEmpty
    versie: NonEmpty
    datum: dt.date
    bestand: NonEmpty
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class BronnenBestandSchema(_Strict):
    documenten: list[BrondocumentSchema] = Field(min_length=1)


# --- beroepsprofielen en personeelseisen -------------------------------------------------------------
# Profiles differ per source (result areas, core tasks, T-profile …); the parts that compose relies on
# (source, levels with education and registration, competences) are strict, profile-specific blocks
# are accepted as data and checked generically (every `id` traceable to a line, unique, prefixed).


class _ProfielBronSchema(_Strict):
    id: Slug
    titel: str | None = None
    uitgever: str | None = None
    jaar: int | None = None
    bestand: NonEmpty
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    regels: tuple[int, int]
    niet_opgenomen: list[dict[str, Any]] = []


class _OpleidingSchema(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    niveau: Annotated[str, StringConstraints(pattern=r"^(mbo|mbo-4|hbo|hbo\+)$")]
    tekst: NonEmpty
    regel: int = Field(ge=1)
    voorkeur: bool = False


class _RegistratieSchema(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)
    register_naam: NonEmpty = Field(alias="register")  # 'register' would shadow BaseModel.register
    eis: Annotated[str, StringConstraints(pattern=r"^(vereist|opleiding-registreerbaar)$")]
    tekst: NonEmpty
    regel: int = Field(ge=1)


class _NiveauSchema(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    id: NonEmpty
    naam: NonEmpty
    regel: int = Field(ge=1)
    code: str | None = None
    schaal: int | None = None
    opleiding: _OpleidingSchema
    registratie: list[_RegistratieSchema] = []


class _CompetentieSchema(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    id: NonEmpty
    regel: int = Field(ge=1)
    naam: NonEmpty | None = None
    tekst: NonEmpty | None = None


class BeroepsprofielSchema(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    sleutel: Slug
    prefix: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    titel: NonEmpty
    soort: NonEmpty
    organisatie: str | None = None
    domein: str | None = None
    jaar: int | None = None
    bron: _ProfielBronSchema
    niveaus: list[_NiveauSchema] = Field(min_length=1)
    competenties: list[_CompetentieSchema] = Field(min_length=1)
    correcties: list[dict[str, Any]] = []

    def to_model(self, raw: dict[str, Any], pad: str) -> Any:
        from . import personeel

        niveaus = tuple(
            personeel.Functieniveau(
                id=n.id, naam=n.naam, regel=n.regel, code=n.code, schaal=n.schaal,
                opleiding=n.opleiding.tekst, opleiding_niveau=n.opleiding.niveau,
                opleiding_regel=n.opleiding.regel, voorkeur=n.opleiding.voorkeur,
                registraties=tuple(
                    personeel.Registratie(r.register_naam, r.eis, r.tekst, r.regel) for r in n.registratie
                ),
            )
            for n in self.niveaus
        )
        competenties = tuple(
            personeel.ProfielItem(c.id, c.tekst or c.naam or "", c.regel, self.sleutel) for c in self.competenties
        )
        return personeel.Beroepsprofiel(
            sleutel=self.sleutel, prefix=self.prefix, titel=self.titel, soort=self.soort,
            bron_id=self.bron.id, bron_titel=self.bron.titel, bestand=self.bron.bestand,
            sha256=self.bron.sha256, regels=self.bron.regels, niveaus=niveaus, competenties=competenties,
            items=tuple(personeel.walk_items({k: v for k, v in raw.items() if k != "bron"}, self.sleutel)), organisatie=self.organisatie,
            domein=self.domein, jaar=self.jaar, pad=pad,
        )


class _OnderbouwingSchema(_Strict):
    bron: DocumentId
    regel: int = Field(ge=1)
    citaat: NonEmpty
    plaats: NonEmpty


class PersoneelseisSchema(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^pe-[a-z0-9]+(?:-[a-z0-9]+)*$")]
    titel: NonEmpty
    domeinen: list[Annotated[str, StringConstraints(pattern=r"^(Jeugdhulp|Wmo|Sociaal Werk)$")]] = []
    soort: Annotated[str, StringConstraints(pattern=r"^(opleiding|registratie|competentie|screening)$")]
    rol: model.Rol
    tekst: NonEmpty
    eistekst: NonEmpty | None = None
    bewijs: NonEmpty | None = None
    dekt: list[NonEmpty] = []
    onderbouwing: list[_OnderbouwingSchema] = Field(min_length=1)
    niveaus_uit: Slug | None = None
    competenties_uit: Slug | None = None

    @field_validator("rol")
    @classmethod
    def _rol(cls, rol: model.Rol) -> model.Rol:
        if rol not in (model.Rol.MINIMUMEIS, model.Rol.UITVOERINGSVOORWAARDE, model.Rol.GUNNINGSCRITERIUM):
            raise ValueError("een personeelseis is een minimumeis, uitvoeringsvoorwaarde of gunningscriterium")
        return rol

    def to_model(self) -> Any:
        from . import personeel

        return personeel.Personeelseis(
            id=self.id, titel=self.titel, domeinen=tuple(self.domeinen), soort=self.soort, rol=self.rol,
            tekst=self.tekst, eistekst=self.eistekst, bewijs=self.bewijs, dekt=tuple(self.dekt),
            onderbouwing=tuple(personeel.Onderbouwing(o.bron, o.regel, o.citaat, o.plaats) for o in self.onderbouwing),
            niveaus_uit=self.niveaus_uit, competenties_uit=self.competenties_uit,
        )


class PersoneelBestandSchema(_Strict):
    schema_version: int
    eisen: list[PersoneelseisSchema] = Field(min_length=1)


# --- data/wettelijk.yaml -------------------------------------------------------------------------------

_DOMEIN = Annotated[str, StringConstraints(pattern=r"^(Jeugdhulp|Wmo|Sociaal Werk)$")]
_WETTELIJKE_ROLLEN = (model.Rol.GESCHIKTHEIDSEIS, model.Rol.MINIMUMEIS, model.Rol.UITVOERINGSVOORWAARDE)


def _artikelnummer(value: Any) -> Any:
    """Article and lid numbers are text: '3.10' written as a YAML number would become 3.1."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        raise ValueError(f"zet het nummer {value} tussen aanhalingstekens (een getal als 3.10 wordt anders 3.1)")
    return str(value) if isinstance(value, int) else value


class WetSchema(_Strict):
    id: Slug
    titel: NonEmpty
    afkorting: NonEmpty
    bwb: NonEmpty
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    geldig_vanaf: dt.date
    geraadpleegd: dt.date
    bestand: Annotated[str, StringConstraints(pattern=r"^wetten/[a-z0-9-]+\.txt$")]
    kopie: NonEmpty
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]

    def to_model(self) -> model.Wet:
        return model.Wet(**self.model_dump())


class WettelijkeVerplichtingSchema(_Strict):
    id: Annotated[str, StringConstraints(pattern=r"^wet-[a-z0-9]+(?:-[a-z0-9]+)*$")]
    titel: NonEmpty
    wet: Slug
    artikel: NonEmpty
    lid: NonEmpty | None = None
    onderdeel: NonEmpty | None = None
    citaat: NonEmpty
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    domeinen: list[_DOMEIN] = Field(min_length=1)
    segmenten_niet: list[Slug] = []  # segments of the domain the duty does not apply to (see `noot`)
    eis_per_segment: dict[Slug, NonEmpty] = {}  # the requirement worded for one segment (e.g. the GI's tasks)
    thema: model.Thema
    rol: dict[model.Procedure, model.Rol]
    eis: NonEmpty
    bewijs: NonEmpty
    dekt: list[NonEmpty] = []
    noot: NonEmpty | None = None

    _nummers = field_validator("artikel", "lid", mode="before")(_artikelnummer)

    @field_validator("rol")
    @classmethod
    def _rollen(cls, rol: dict[model.Procedure, model.Rol]) -> dict[model.Procedure, model.Rol]:
        ontbreekt = [p.value for p in model.Procedure if p not in rol]
        if ontbreekt:
            raise ValueError(f"geef een rol voor elke procedure; ontbreekt: {', '.join(ontbreekt)}")
        for procedure, waarde in rol.items():
            if waarde not in _WETTELIJKE_ROLLEN:
                raise ValueError(f"{procedure.value}: een wettelijke verplichting is een geschiktheidseis, minimumeis "
                                 f"of uitvoeringsvoorwaarde, geen {waarde.value}")
        return rol

    def to_model(self, wetten: dict[str, model.Wet]) -> model.WettelijkeVerplichting:
        return model.WettelijkeVerplichting(
            id=self.id, titel=self.titel, wet=wetten[self.wet], artikel=self.artikel, lid=self.lid,
            onderdeel=self.onderdeel, citaat=" ".join(self.citaat.split()), url=self.url,
            domeinen=tuple(self.domeinen), thema=self.thema,
            rollen=tuple((p, self.rol[p]) for p in model.Procedure), eis=" ".join(self.eis.split()),
            bewijs=" ".join(self.bewijs.split()), dekt=tuple(self.dekt), noot=self.noot,
            segmenten_niet=tuple(self.segmenten_niet),
            eis_per_segment=tuple((k, " ".join(v.split())) for k, v in self.eis_per_segment.items()),
        )


class NietOpgenomenSchema(_Strict):
    onderwerp: NonEmpty
    wet: Slug
    reden: NonEmpty


class WettelijkBestandSchema(_Strict):
    schema_version: int
    wetten: list[WetSchema] = Field(min_length=1)
    verplichtingen: list[WettelijkeVerplichtingSchema] = Field(min_length=1)
    niet_opgenomen: list[NietOpgenomenSchema] = []

    @field_validator("schema_version")
    @classmethod
    def _versie(cls, versie: int) -> int:
        if versie != 1:
            raise ValueError(f"schema_version {versie} wordt niet ondersteund (verwacht: 1)")
        return versie
