"""All tender prose: the sentences compose places around the source's criteria, per procedure.

The criteria themselves are quoted as the source words them (or in their recorded tender wording);
everything else an inkoper, a bidder or a beoordelaar reads — section titles, the framing of
requirements and questions, the scoring method, how evidence is shown — is written here, once, and
differs per procedure:

- aanbesteding: sociale en andere specifieke diensten (verlicht regime), gunning op beste
  prijs-kwaliteitverhouding: geschiktheidseisen, minimumeisen, gunningscriteria, uitvoeringsvoorwaarden;
- open-house: a toelatingsprocedure without competition: toelatingseisen (a plan judged voldoende or
  onvoldoende where a kader asks for a description) and contractvoorwaarden;
- subsidie: subsidievoorwaarden, an activiteitenplan and verplichtingen of the subsidieontvanger
  (Awb titel 4.2).
"""

from __future__ import annotations

from .model import Kader, Procedure, Rol, Segment, Thema, Wet

_A = Procedure.AANBESTEDING
_O = Procedure.OPEN_HOUSE
_S = Procedure.SUBSIDIE

# --- words per procedure ---------------------------------------------------------------------------

_PARTIJEN = {
    _A: ("Opdrachtgever", "Opdrachtnemer", "inschrijver", "inschrijving"),
    _O: ("Opdrachtgever", "Opdrachtnemer", "aanvrager", "aanvraag tot toelating"),
    _S: ("het college", "de subsidieontvanger", "aanvrager", "subsidieaanvraag"),
}


def opdrachtgever(procedure: Procedure) -> str:
    return _PARTIJEN[procedure][0]


def aanbieder(procedure: Procedure) -> str:
    """Who carries the obligations once contracted: Opdrachtnemer, or de subsidieontvanger."""
    return _PARTIJEN[procedure][1]


def indiener(procedure: Procedure) -> str:
    """Who submits: inschrijver or aanvrager."""
    return _PARTIJEN[procedure][2]


def indiening(procedure: Procedure) -> str:
    return _PARTIJEN[procedure][3]


_ROL_LABELS = {
    _A: {Rol.GESCHIKTHEIDSEIS: "Geschiktheidseis", Rol.MINIMUMEIS: "Minimumeis",
         Rol.GUNNINGSCRITERIUM: "Gunningscriterium", Rol.UITVOERINGSVOORWAARDE: "Uitvoeringsvoorwaarde",
         Rol.VERWIJZING: "Toepasselijk kwaliteitskader", Rol.INSPIRATIE: "Ter inspiratie"},
    _O: {Rol.GESCHIKTHEIDSEIS: "Toelatingseis", Rol.MINIMUMEIS: "Toelatingseis",
         Rol.GUNNINGSCRITERIUM: "Onderdeel van het plan van aanpak", Rol.UITVOERINGSVOORWAARDE: "Contractvoorwaarde",
         Rol.VERWIJZING: "Toepasselijk kwaliteitskader", Rol.INSPIRATIE: "Ter inspiratie"},
    _S: {Rol.GESCHIKTHEIDSEIS: "Subsidievoorwaarde", Rol.MINIMUMEIS: "Subsidievoorwaarde",
         Rol.GUNNINGSCRITERIUM: "Onderdeel van het activiteitenplan", Rol.UITVOERINGSVOORWAARDE: "Verplichting",
         Rol.VERWIJZING: "Toepasselijk kwaliteitskader", Rol.INSPIRATIE: "Ter inspiratie"},
}


def rol_label(procedure: Procedure, rol: Rol) -> str:
    """How a role is called in a document of this procedure ('Minimumeis', 'Toelatingseis' …)."""
    return _ROL_LABELS[procedure][rol]


_PREFIX = {
    _A: {Rol.GESCHIKTHEIDSEIS: "G", Rol.MINIMUMEIS: "M", Rol.UITVOERINGSVOORWAARDE: "U", Rol.VERWIJZING: "U",
         Rol.GUNNINGSCRITERIUM: "K"},
    _O: {Rol.GESCHIKTHEIDSEIS: "T", Rol.MINIMUMEIS: "T", Rol.UITVOERINGSVOORWAARDE: "C", Rol.VERWIJZING: "C",
         Rol.GUNNINGSCRITERIUM: "P"},
    _S: {Rol.GESCHIKTHEIDSEIS: "S", Rol.MINIMUMEIS: "S", Rol.UITVOERINGSVOORWAARDE: "V", Rol.VERWIJZING: "V",
         Rol.GUNNINGSCRITERIUM: "A"},
}


def nummer_prefix(procedure: Procedure, rol: Rol) -> str:
    """The letter of a requirement or question number: M3 (minimumeis), K2 (kwaliteitsvraag), T5 …"""
    return _PREFIX[procedure][rol]


# Section titles; a procedure without a section has no key for it.
_TITELS = {
    _A: {
        "inleiding": "Inleiding en leeswijzer",
        "wettelijk": "Wettelijke verplichtingen",
        "geschiktheidseisen": "Geschiktheidseisen",
        "minimumeisen": "Minimumeisen",
        "gunning": "Gunningscriteria en beoordeling",
        "uitvoering": "Uitvoeringsvoorwaarden",
        "personeel": "Deskundigheid en inzet van personeel",
    },
    _O: {
        "inleiding": "Inleiding en leeswijzer",
        "wettelijk": "Wettelijke verplichtingen",
        "minimumeisen": "Toelatingseisen",
        "plan": "Plan van aanpak",
        "uitvoering": "Contractvoorwaarden",
        "personeel": "Deskundigheid en inzet van personeel",
    },
    _S: {
        "inleiding": "Inleiding en leeswijzer",
        "wettelijk": "Wettelijke verplichtingen",
        "minimumeisen": "Subsidievoorwaarden",
        "plan": "Activiteitenplan",
        "uitvoering": "Verplichtingen van de subsidieontvanger",
        "personeel": "Deskundigheid en inzet van personeel",
    },
}


SUBTITELS = {
    "kaders": "Toepasselijke kwaliteitskaders",
    "voorwaarden": "Voorwaarden",
    "weging": "Prijs en kwaliteit",
    "methodiek": "Beoordelingsmethodiek",
}


def titel(procedure: Procedure, sectie: str) -> str:
    return _TITELS[procedure][sectie]


def in_procedure(tekst: str, procedure: Procedure) -> str:
    """Tender wording written for an aanbesteding ('Opdrachtnemer', 'Inschrijver') in the procedure's words:
    an applicant in open house and subsidy, a subsidieontvanger and the college in a subsidy."""
    import re

    if procedure is _A or not any(w in tekst for w in ("Opdracht", "nschrijver")):
        return tekst

    def vervang(tekst: str, oud: str, nieuw: str) -> str:
        tekst = re.sub(rf"(^|[.:;!?]\s+){oud}\b", lambda m: m.group(1) + nieuw[:1].upper() + nieuw[1:], tekst)
        return re.sub(rf"\b{oud}\b", nieuw, tekst)

    tekst = vervang(tekst, "Inschrijver", "de aanvrager")
    tekst = vervang(tekst, "inschrijver", "aanvrager")
    if procedure is _S:
        tekst = vervang(tekst, "Opdrachtnemer", "de subsidieontvanger")
        tekst = vervang(tekst, "Opdrachtgever", "het college")
    return tekst


def label(tekst: str) -> str:
    """A note's label as a lead-in: 'NB:' but 'Waar kijkt de inspectie naar?' (no colon after '?')."""
    tekst = tekst.rstrip()
    return tekst if tekst.endswith(("?", ":", "!")) else f"{tekst}:"


def doelgroep_woorden(segment: Segment) -> str:
    """Who receives the support, as a tender for this domain says it."""
    domein = segment.domein.lower()
    if domein.startswith("jeugd"):
        return "jeugdigen en hun ouders"
    if domein.startswith("sociaal"):
        return "inwoners"
    return "cliënten"


def domein_woorden(segment: Segment) -> str:
    domein = segment.domein.lower()
    if domein.startswith("jeugd"):
        return "jeugdhulp"
    if domein.startswith("sociaal"):
        return "sociaal werk"
    return "maatschappelijke ondersteuning"


# --- inleiding -------------------------------------------------------------------------------------

BRON_DOCUMENT = (
    "‘Kwaliteitskaders en -standaarden bij inkoop jeugdhulp en maatschappelijke ondersteuning’ "
    "(Ketenbureau i-Sociaal Domein / Movisie, versie 1.1, 2022)"
)


def procedure_uitleg(procedure: Procedure, segment: Segment) -> str:
    """The first paragraph: what this document is for, in this procedure."""
    wat = segment.titel + (f" ({segment.doelgroep})" if segment.doelgroep else "")
    doel = f"de subsidiëring van {wat}" if procedure is _S else f"de inkoop van {wat}"
    if procedure is _A:
        return (
            f"Dit document bevat de kwaliteitseisen en gunningscriteria voor {doel}. Het is bedoeld voor een "
            "aanbesteding van sociale en andere specifieke diensten (verlicht regime), waarin Opdrachtgever "
            "gunt op basis van de beste prijs-kwaliteitverhouding. Het document vormt het kwaliteitsdeel van "
            "de aanbestedingsleidraad en het programma van eisen; na gunning worden de eisen, de "
            "uitvoeringsvoorwaarden en de beschrijvingen van de inschrijver onderdeel van de overeenkomst."
        )
    if procedure is _O:
        return (
            f"Dit document bevat de toelatingseisen en contractvoorwaarden voor {doel}. Het is bedoeld voor "
            "een open-house-procedure: Opdrachtgever contracteert elke aanbieder die aan de toelatingseisen "
            "voldoet en de contractvoorwaarden aanvaardt, tegen dezelfde voorwaarden en tarieven. Aanvragen "
            "worden niet tegen elkaar afgewogen en er wordt niet gescoord; waar een kwaliteitskader om een "
            "beschrijving vraagt, legt de aanvrager een plan van aanpak voor dat als voldoende of "
            "onvoldoende wordt beoordeeld."
        )
    return (
        f"Dit document bevat de subsidievoorwaarden en verplichtingen voor {doel}. Het is bedoeld voor "
        "subsidieverstrekking op grond van titel 4.2 van de Algemene wet bestuursrecht en de subsidieregeling "
        "van de gemeente: de voorwaarden bepalen of een aanvraag voor subsidie in aanmerking komt, het "
        "activiteitenplan beschrijft hoe de aanvrager de activiteiten uitvoert, en de verplichtingen gelden "
        "voor de subsidieontvanger tijdens de uitvoering en bij de verantwoording."
    )


def bron_uitleg(specifiek: list[Kader], algemeen: list[Kader], segment: Segment) -> str:
    namen = lambda kaders: "; ".join(f"‘{k.titel}’ ({k.jaar})" for k in kaders)  # noqa: E731
    tekst = (
        "De criteria komen uit landelijke kwaliteitskaders en -standaarden, zoals samengevat in "
        f"{BRON_DOCUMENT}. "
    )
    if specifiek:
        tekst += f"De bron koppelt aan dit segment: {namen(specifiek)}. "
    if algemeen:
        tekst += f"Voor {segment.domein} in het algemeen gebruikt dit document: {namen(algemeen)}. "
    return tekst.strip()


def rollen_uitleg(procedure: Procedure) -> list[tuple[str, str]]:
    """What each kind of requirement means in this procedure (label, explanation)."""
    if procedure is _A:
        return [
            ("Geschiktheidseis", "een eis aan de inschrijver als organisatie; wie er niet aan voldoet, wordt "
             "uitgesloten van verdere beoordeling."),
            ("Minimumeis", "een eis waaraan de aangeboden dienstverlening moet voldoen (knock-out); een "
             "inschrijving die er niet aan voldoet, wordt terzijde gelegd."),
            ("Gunningscriterium", "een vraag die de inschrijver beantwoordt en die de beoordelingscommissie "
             "scoort op de genoemde beoordelingsaspecten; het antwoord wordt na gunning onderdeel van de "
             "overeenkomst."),
            ("Uitvoeringsvoorwaarde", "een verplichting tijdens de looptijd van de overeenkomst, die "
             "Opdrachtgever in het contractmanagement controleert."),
        ]
    if procedure is _O:
        return [
            ("Toelatingseis", "een eis waaraan de aanvrager en de aangeboden dienstverlening moeten voldoen "
             "om te worden toegelaten."),
            ("Plan van aanpak", "een beschrijving van de werkwijze op de genoemde onderdelen; het plan wordt "
             "als voldoende of onvoldoende beoordeeld en wordt na toelating onderdeel van de overeenkomst."),
            ("Contractvoorwaarde", "een verplichting tijdens de looptijd van de overeenkomst, die "
             "Opdrachtgever in het contractmanagement controleert."),
        ]
    return [
        ("Subsidievoorwaarde", "een voorwaarde waaraan de aanvrager en de activiteiten moeten voldoen om voor "
         "subsidie in aanmerking te komen."),
        ("Activiteitenplan", "een beschrijving van de werkwijze op de genoemde onderdelen; het plan wordt als "
         "voldoende of onvoldoende beoordeeld en is de grondslag van de subsidieverlening."),
        ("Verplichting", "een verplichting van de subsidieontvanger tijdens de uitvoering en bij de "
         "verantwoording, die het college in de beschikking opneemt."),
    ]


def leeswijzer(met_bijlagen: bool, aangepast: bool, geactualiseerd: bool, wettelijk: bool = False) -> str:
    tekst = (
        "Elke eis en elk beoordelingsaspect heeft een nummer en, in kleine letters, een bronregel: de vaste "
        "ID in inkoopkader, het kwaliteitskader met jaartal en de tussenkop in dat kader"
        + ("; bij een wettelijke verplichting de wet, het artikel en het lid. " if wettelijk else ". ")
    )
    if aangepast:
        tekst += ("Waar de tekst van de bron voor dit document is herschreven, staat ‘tekst aangepast’ "
                  "in de bronregel; de oorspronkelijke tekst staat in het traceerbaarheidsbestand. ")
    if geactualiseerd:
        tekst += ("‘Geactualiseerd’ betekent dat de naam van een wet of instantie is vervangen door de "
                  "huidige; ook dan staat het origineel in het traceerbaarheidsbestand. ")
    tekst += ("Criteria zijn in Word als bladwijzer (ik_…) gemarkeerd; laat die staan, zodat inkoopkader ze "
              "na bewerking herkent. ")
    if met_bijlagen:
        tekst += "De bijlagen zijn achtergrond en geen onderdeel van de eisen."
    return tekst.strip()


def aantallen(procedure: Procedure, eisen: dict[Rol, int], vragen: int, aspecten: int, kaders: int,
              wettelijk: int = 0) -> str:
    """'Dit document bevat 5 minimumeisen, 4 gunningsvragen (met samen 30 beoordelingsaspecten) en …'."""
    delen = []

    def noem(n: int, enkel: str, meer: str, extra: str = "") -> None:
        if n:
            delen.append(f"{n} {enkel if n == 1 else meer}{extra}")

    punten = ""
    if vragen and aspecten:
        woord = "beoordelingsaspect" if procedure is _A else "punt"
        meervoud = "beoordelingsaspecten" if procedure is _A else "punten"
        punten = f" (met samen {aspecten} {woord if aspecten == 1 else meervoud})"
    if procedure is _A:
        noem(eisen.get(Rol.GESCHIKTHEIDSEIS, 0), "geschiktheidseis", "geschiktheidseisen")
        noem(eisen.get(Rol.MINIMUMEIS, 0), "minimumeis", "minimumeisen")
        noem(vragen, "gunningsvraag", "gunningsvragen", punten)
        noem(eisen.get(Rol.UITVOERINGSVOORWAARDE, 0), "uitvoeringsvoorwaarde", "uitvoeringsvoorwaarden")
    elif procedure is _O:
        noem(eisen.get(Rol.GESCHIKTHEIDSEIS, 0) + eisen.get(Rol.MINIMUMEIS, 0), "toelatingseis", "toelatingseisen")
        noem(vragen, "onderdeel van het plan van aanpak", "onderdelen van het plan van aanpak", punten)
        noem(eisen.get(Rol.UITVOERINGSVOORWAARDE, 0), "contractvoorwaarde", "contractvoorwaarden")
    else:
        noem(eisen.get(Rol.GESCHIKTHEIDSEIS, 0) + eisen.get(Rol.MINIMUMEIS, 0), "subsidievoorwaarde",
             "subsidievoorwaarden")
        noem(vragen, "onderdeel van het activiteitenplan", "onderdelen van het activiteitenplan", punten)
        noem(eisen.get(Rol.UITVOERINGSVOORWAARDE, 0), "verplichting", "verplichtingen")
    if not delen:
        return ""
    tekst = "Dit document bevat " + (", ".join(delen[:-1]) + " en " + delen[-1] if len(delen) > 1 else delen[0])
    tekst += "."
    if wettelijk:
        tekst += (f" Van de eisen {'is er 1 een wettelijke verplichting' if wettelijk == 1 else f'zijn er {wettelijk} wettelijke verplichtingen'}, "
                  f"met wet, artikel en wettekst in het hoofdstuk ‘{titel(procedure, 'wettelijk')}’.")
    if kaders:
        tekst += (f" {kaders} {'kwaliteitskader is' if kaders == 1 else 'kwaliteitskaders zijn'} als geheel van "
                  "toepassing.")
    return tekst


def proportionaliteit(procedure: Procedure) -> str:
    return (
        "Neem niet alles over. Kies eisen en aspecten die passen bij de opdracht, de omvang en het risico van de "
        f"dienstverlening (proportionaliteit), en schrap wat niet past: elke extra eis vraagt inzet van "
        f"{indiener(procedure)}s en van de beoordelaars, en elke eis moet u tijdens de uitvoering ook controleren."
    )


def lege_hoofdtekst(segment: Segment) -> str:
    return (
        f"Voor {segment.titel} zijn met de gekozen filters geen eisen of beoordelingsaspecten geselecteerd. Kies "
        "criteria afzonderlijk of met een selectieprofiel, neem meer kaders op, of laat filters op thema en "
        "doelgroep weg. Met bijlagen toont het document welke criteria ter inspiratie beschikbaar zijn."
    )


# --- requirements ----------------------------------------------------------------------------------


def sectie_intro(procedure: Procedure, sectie: str) -> str:
    a = aanbieder(procedure)
    if sectie == "geschiktheidseisen":
        return ("De inschrijver voldoet aan de volgende geschiktheidseisen. Bij inschrijving volstaat een eigen "
                "verklaring; Opdrachtgever kan vóór gunning om het genoemde bewijs vragen. Een certificaat of "
                "keurmerk mag altijd worden vervangen door een gelijkwaardig bewijs.")
    if sectie == "minimumeisen":
        if procedure is _A:
            return ("De aangeboden dienstverlening voldoet aan de volgende minimumeisen. Bij inschrijving "
                    "verklaart de inschrijver dat hij aan elke eis voldoet; Opdrachtgever kan vóór gunning om het "
                    "genoemde bewijs vragen. Een inschrijving die niet aan een minimumeis voldoet, wordt "
                    "terzijde gelegd.")
        if procedure is _O:
            return ("De aanvrager en de aangeboden dienstverlening voldoen aan de volgende toelatingseisen. Bij de "
                    "aanvraag verklaart de aanvrager dat hij aan elke eis voldoet; Opdrachtgever kan vóór "
                    "toelating om het genoemde bewijs vragen. Wie niet aan een toelatingseis voldoet, wordt niet "
                    "toegelaten; een nieuwe aanvraag blijft mogelijk zolang de procedure openstaat.")
        return ("De aanvrager en de activiteiten voldoen aan de volgende subsidievoorwaarden. Bij de aanvraag "
                "verklaart de aanvrager dat hij aan elke voorwaarde voldoet; het college kan vóór de beslissing "
                "op de aanvraag om het genoemde bewijs vragen.")
    if sectie == "uitvoering":
        if procedure is _S:
            return (f"Het college neemt de volgende verplichtingen op in de subsidiebeschikking. {a[:1].upper()}"
                    f"{a[1:]} voldoet eraan gedurende de subsidieperiode en toont dat op verzoek en bij de "
                    "verantwoording aan.")
        return (f"{a} voldoet gedurende de looptijd van de overeenkomst aan de volgende voorwaarden en toont op "
                f"verzoek van {opdrachtgever(procedure)} aan dat hij eraan voldoet.")
    if sectie == "kaders":
        return (f"De volgende kwaliteitskaders zijn als geheel van toepassing op de uitvoering. {a[:1].upper()}"
                f"{a[1:]} werkt conform deze kaders; bij verschil tussen een kader en een eis in dit document gaat "
                "de eis in dit document voor.")
    if sectie == "personeel":
        return (f"De eisen en vragen in dit hoofdstuk gaan over opleiding, beroepsregistratie en competenties van "
                f"de medewerkers die {a[:1].lower() + a[1:] if a.startswith('de ') else a} inzet. Onder elk "
                "onderdeel staan de passages uit de wet, de kaders en de beroepsprofielen waarop het steunt.")
    raise KeyError(sectie)


def wettelijk_intro(procedure: Procedure, segment: Segment, wetten: list[Wet]) -> list[str]:
    """The chapter 'Wettelijke verplichtingen': what these requirements are, and which texts were used."""
    a = aanbieder(procedure)
    alineas = [
        f"De volgende eisen volgen rechtstreeks uit de wet en gelden voor elke aanbieder van "
        f"{domein_woorden(segment)}, ook waar dit document ze niet noemt. Ze staan hier met hun wettelijke "
        f"grondslag (wet, artikel en lid in de bronregel) en de wettekst, zodat de {indiener(procedure)} weet "
        "hoe hij aantoont dat hij eraan voldoet. Bij verschil tussen een eis en de wettekst gaat de wettekst "
        "voor, ook na een latere wetswijziging. Kwaliteitscriteria die niet meer vragen dan deze eisen, staan "
        "niet nog eens in dit document; criteria die verder gaan dan de wet, staan als aanvulling in de "
        "volgende hoofdstukken."
    ]
    if segment.domein.lower().startswith("sociaal"):
        alineas.append(
            f"De verplichtingen uit de Wmo 2015 gelden voor zover {a[:1].lower() + a[1:] if a.startswith('de ') else a} "
            "aanbieder is in de zin van die wet: wie jegens het college gehouden is een algemene voorziening of "
            "een maatwerkvoorziening te leveren (artikel 1.1.1 Wmo 2015)."
        )
    gebruikt = "; ".join(f"{w.afkorting} ({w.bwb}, versie van {w.geldig_vanaf:%d-%m-%Y})" for w in wetten)
    datum = max(w.geraadpleegd for w in wetten)
    alineas.append(f"Wetteksten: {gebruikt}; overgenomen op {datum:%d-%m-%Y} uit een kopie van de officiële "
                   "tekst (wetten.overheid.nl, EUR-Lex).")
    return alineas


_WETTELIJK_GROEPEN = {
    _A: {Rol.GESCHIKTHEIDSEIS: "Geschiktheidseisen", Rol.MINIMUMEIS: "Minimumeisen",
         Rol.UITVOERINGSVOORWAARDE: "Uitvoeringsvoorwaarden"},
    _O: {Rol.GESCHIKTHEIDSEIS: "Toelatingseisen", Rol.MINIMUMEIS: "Toelatingseisen",
         Rol.UITVOERINGSVOORWAARDE: "Contractvoorwaarden"},
    _S: {Rol.GESCHIKTHEIDSEIS: "Subsidievoorwaarden", Rol.MINIMUMEIS: "Subsidievoorwaarden",
         Rol.UITVOERINGSVOORWAARDE: "Verplichtingen van de subsidieontvanger"},
}


def wettelijk_groep(procedure: Procedure, rol: Rol) -> str:
    """Sub-heading of the statutory duties of one role: 'Minimumeisen', 'Contractvoorwaarden' …"""
    return _WETTELIJK_GROEPEN[procedure][rol]


def kader_clausule(kader: Kader, procedure: Procedure) -> str:
    """The declaration that a kader applies as a whole."""
    return (
        f"{aanbieder(procedure)[:1].upper()}{aanbieder(procedure)[1:]} werkt conform ‘{kader.titel}’ "
        f"({kader.uitgever}, {kader.jaar}) en toont op verzoek van {opdrachtgever(procedure)} aan hoe hij "
        "daaraan voldoet."
    )


def bewijs_tekst(procedure: Procedure, rol: Rol, bewijs: str | None) -> str | None:
    """How and when compliance is shown, from the role (moment) and the tender layer (what)."""
    if not bewijs:
        return None
    wat = bewijs.strip().rstrip(".")
    if rol in (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS):
        if procedure is _A:
            return f"eigen verklaring bij inschrijving; op verzoek vóór gunning: {wat}."
        if procedure is _O:
            return f"eigen verklaring bij de aanvraag; op verzoek vóór toelating: {wat}."
        return f"eigen verklaring bij de aanvraag; op verzoek vóór de beslissing op de aanvraag: {wat}."
    if rol is Rol.UITVOERINGSVOORWAARDE:
        if procedure is _S:
            return f"tijdens de uitvoering en bij de verantwoording, op verzoek van het college: {wat}."
        return f"tijdens de uitvoering, op verzoek van {opdrachtgever(procedure)}: {wat}."
    return None


# --- award questions and plan items ----------------------------------------------------------------

_THEMA_TITELS = {
    Thema.DIENSTVERLENING: "Dienstverlening aan {wie}",
    Thema.VAKMANSCHAP: "Vakmanschap van de professionals",
    Thema.SAMENWERKING: "Samenwerking rond {wie}",
    Thema.ORGANISATIE: "Kwaliteit in de organisatie",
}
_THEMA_ONDERWERP = {
    Thema.DIENSTVERLENING: "de dienstverlening aan {wie}",
    Thema.VAKMANSCHAP: "het vakmanschap van de professionals die u inzet",
    Thema.SAMENWERKING: "de samenwerking met {wie}, hun netwerk en andere betrokken partijen",
    Thema.ORGANISATIE: "het borgen en verbeteren van de kwaliteit in uw organisatie",
}


def vraag_titel(thema: Thema | None, segment: Segment, eigen: str | None = None) -> str:
    if eigen:
        return eigen
    if thema is None:
        return "Kwaliteit van de dienstverlening"
    return _THEMA_TITELS[thema].format(wie=doelgroep_woorden(segment))


def vraag_titel_themas(themas: list[Thema], segment: Segment) -> str:
    """The title of a question that covers one or more themas ('Vakmanschap en samenwerking')."""
    if len(themas) == 1:
        return vraag_titel(themas[0], segment)
    namen = [t.value for t in themas]
    return (", ".join(namen[:-1]) + " en " + namen[-1]).capitalize()


def vraag_tekst_themas(themas: list[Thema], segment: Segment, procedure: Procedure) -> str:
    wie = doelgroep_woorden(segment)
    onderwerpen = [_THEMA_ONDERWERP[t].format(wie=wie) for t in themas]
    return vraag_tekst(None, segment, procedure, ", ".join(onderwerpen[:-1]) + " en " + onderwerpen[-1])


def vraag_tekst(thema: Thema | None, segment: Segment, procedure: Procedure, onderwerp: str | None = None) -> str:
    """The question a bidder (or applicant) answers; the aspects follow it."""
    wat = onderwerp or (_THEMA_ONDERWERP[thema].format(wie=doelgroep_woorden(segment)) if thema else
                        "de kwaliteit van de dienstverlening")
    if procedure is _A:
        return (
            f"Beschrijf hoe u bij de uitvoering van deze opdracht invulling geeft aan {wat}. Ga in op elk "
            "beoordelingsaspect hieronder: wat u doet, wie het doet, hoe u het borgt en hoe u het resultaat "
            "volgt. Maak uw antwoord concreet voor de doelgroep van deze opdracht en onderbouw het waar "
            "mogelijk met een voorbeeld uit uw praktijk."
        )
    plan = "het plan van aanpak" if procedure is _O else "het activiteitenplan"
    return (
        f"Beschrijf in {plan} hoe u invulling geeft aan {wat}. Ga in op elk onderdeel hieronder: wat u doet, "
        "wie het doet en hoe u het borgt."
    )


def omvang(aantal_aspecten: int) -> tuple[int, int]:
    """Maximum length of an answer (A4, characters incl. spaces): about one A4 per three aspects, at most 3."""
    a4 = 1 if aantal_aspecten <= 3 else 2 if aantal_aspecten <= 8 else 3
    return a4, a4 * 4000


def omvang_tekst(a4: int, tekens: int) -> str:
    return (f"maximaal {a4} A4 ({tekens:,} tekens inclusief spaties)".replace(",", ".")
            + "; tekst daarboven wordt niet beoordeeld")


STANDAARD_SCHAAL = (
    (10, "Zeer goed", "Het antwoord gaat op alle beoordelingsaspecten concreet en overtuigend in, is afgestemd op "
     "de doelgroep en deze opdracht, en laat met voorbeelden of resultaten zien dat de werkwijze in de praktijk "
     "werkt. Het biedt duidelijke meerwaarde."),
    (8, "Goed", "Het antwoord gaat op alle beoordelingsaspecten concreet in en is onderbouwd; op enkele punten "
     "is het minder uitgewerkt."),
    (6, "Voldoende", "Het antwoord gaat op alle beoordelingsaspecten in, maar overwegend in algemene termen; de "
     "werkwijze is uitvoerbaar, de onderbouwing beperkt."),
    (4, "Matig", "Het antwoord gaat niet op alle beoordelingsaspecten in of blijft grotendeels algemeen; het is "
     "twijfelachtig of de werkwijze past bij deze opdracht."),
    (2, "Onvoldoende", "Meerdere beoordelingsaspecten ontbreken, of het antwoord past niet bij deze opdracht."),
    (0, "Geen antwoord", "Er is geen antwoord gegeven, of het antwoord is niet te beoordelen."),
)
STANDAARD_ONDERGRENS = 6


def prijs_kwaliteit(prijs: int) -> str:
    if prijs == 0:
        return (
            "Opdrachtgever stelt de tarieven vast; inschrijvers concurreren niet op prijs. Gunning vindt "
            "plaats op basis van de beste prijs-kwaliteitverhouding bij een vaste prijs: uitsluitend op de "
            "kwaliteitscriteria hieronder. Het totaal van de wegingen is 100%."
        )
    return (
        f"De prijs weegt {prijs}% en de kwaliteit {100 - prijs}%. Voor de prijs krijgt de inschrijving met de "
        f"laagste beoordelingsprijs {prijs} punten; een andere inschrijving krijgt {prijs} × (laagste "
        "beoordelingsprijs / eigen beoordelingsprijs) punten. Hoe de beoordelingsprijs wordt berekend, staat "
        "in het prijsformulier van de aanbesteding."
    )


def beoordelingsmethodiek(segment: Segment, prijs: int, ondergrens: int | None, max_score: int,
                          ondergrens_label: str | None) -> list[str]:
    """Paragraphs of the section 'Beoordelingsmethodiek'."""
    alineas = [
        "De antwoorden worden beoordeeld door een beoordelingscommissie van ten minste drie leden met "
        f"inhoudelijke kennis van {domein_woorden(segment)}, bijvoorbeeld vanuit beleid, contractmanagement en "
        "de toegang, zo mogelijk aangevuld met een ervaringsdeskundige. Een inkoopadviseur begeleidt de "
        "beoordeling en scoort zelf niet. De leden verklaren vooraf dat zij geen belang hebben bij een "
        "inschrijver.",
        "Elk lid beoordeelt de antwoorden eerst individueel, per vraag, aan de hand van de beoordelingsaspecten "
        "en de beoordelingsschaal. Daarna stelt de commissie in een consensusbijeenkomst per vraag één score "
        "vast en legt zij de motivering schriftelijk vast."
        + (" De commissie beoordeelt de kwaliteit zonder kennis van de prijzen." if prijs else ""),
        f"Per vraag geldt: behaalde punten = (score / {max_score}) × weging. De kwaliteitsscore is de som van de "
        "punten over alle vragen" + (" en wordt opgeteld bij de punten voor de prijs." if prijs else ".")
        + " De inschrijvingen worden gerangschikt naar hun totaal aantal punten.",
        "Alleen wat binnen de maximale omvang van een antwoord staat, wordt beoordeeld. Verwijzingen naar "
        "bijlagen, websites of antwoorden op andere vragen tellen niet mee.",
    ]
    if ondergrens is not None and ondergrens_label:
        alineas.append(
            f"Een inschrijving die op één of meer vragen lager scoort dan ‘{ondergrens_label}’ ({ondergrens}), "
            "komt niet in aanmerking voor gunning, ook niet als haar totaalscore hoog genoeg zou zijn."
        )
    alineas.append(
        "Na gunning worden de antwoorden van de inschrijver onderdeel van de overeenkomst: Opdrachtnemer voert "
        "de opdracht uit zoals hij heeft beschreven, en Opdrachtgever bespreekt dat in het contractmanagement."
    )
    return alineas


def plan_intro(procedure: Procedure) -> list[str]:
    if procedure is _O:
        return [
            "De aanvrager voegt bij zijn aanvraag een plan van aanpak dat op de onderdelen hieronder beschrijft "
            "hoe hij de dienstverlening uitvoert. Het plan van aanpak is een toelatingseis.",
            "Opdrachtgever beoordeelt elk onderdeel als voldoende of onvoldoende. Voldoende is een onderdeel dat "
            "concreet beschrijft hoe de aanvrager invulling geeft aan elk genoemd punt, passend bij de "
            "doelgroep. Is een onderdeel onvoldoende, dan krijgt de aanvrager eenmaal de gelegenheid het plan aan "
            "te vullen; blijft het onvoldoende, dan wordt de aanvrager niet toegelaten. Na toelating wordt het "
            "plan onderdeel van de overeenkomst.",
        ]
    return [
        "De aanvrager voegt bij de subsidieaanvraag een activiteitenplan dat op de onderdelen hieronder beschrijft "
        "hoe hij de activiteiten uitvoert.",
        "Het college beoordeelt elk onderdeel als voldoende of onvoldoende. Voldoende is een onderdeel dat "
        "concreet beschrijft hoe de aanvrager invulling geeft aan elk genoemd punt, passend bij de doelgroep. Is "
        "een onderdeel onvoldoende, dan kan het college de aanvrager de gelegenheid geven de aanvraag aan te "
        "vullen; blijft het onvoldoende, dan komt de aanvraag niet voor subsidie in aanmerking. Het "
        "activiteitenplan is de grondslag van de subsidieverlening.",
    ]


# --- annexes ---------------------------------------------------------------------------------------

BIJLAGE_TITELS = {
    "bijlage-inspiratie": "Bijlage A – Overige criteria uit de kaders (ter inspiratie)",
    "bijlage-gemeente": "Bijlage B – Aandachtspunten voor de gemeente als opdrachtgever",
    "bijlage-kaders": "Bijlage C – Gebruikte kwaliteitskaders",
}


def bijlage_intro(soort: str) -> str:
    if soort == "bijlage-inspiratie":
        return ("Deze criteria uit de gebruikte kaders zijn niet als eis of beoordelingsaspect opgenomen: ze zijn "
                "achtergrond, toelichting of een trefwoord, of ze horen niet bij de standaardselectie voor dit "
                "segment. Ze kunnen helpen bij het gesprek met aanbieders; met een selectieprofiel kunt u een "
                "criterium alsnog een rol geven.")
    if soort == "bijlage-gemeente":
        return ("Deze punten richten zich tot de gemeente zelf en zijn geen eisen aan aanbieders. Ze helpen de "
                "gemeente haar eigen rol als opdrachtgever in te vullen.")
    if soort == "bijlage-kaders":
        return ("Per kader: de uitgever, het jaar, wat het kader bevat, wat de bron over het gebruik bij inkoop "
                "zegt, en waar het in de bron staat.")
    raise KeyError(soort)


def kader_feiten(kader: Kader, specifiek: bool, domein: str, gebruik: str, bron: str) -> list[tuple[str, str]]:
    """The rows of a kader's description in the annex 'Gebruikte kwaliteitskaders'."""
    return [("Uitgever", kader.uitgever), ("Jaar", str(kader.jaar)),
            ("Relevantie", "specifiek voor dit segment" if specifiek else f"algemeen voor {domein}"),
            ("In dit document", gebruik), ("Hoe te gebruiken (bron)", kader.overzicht.hoe_te_gebruiken),
            ("Bron", bron)]


def actualiteit_melding(term: str, sinds: str, vervangen_door: str, toelichting: str | None) -> str:
    """What changed since the source (annex); check never counts a sentence that starts like this."""
    return (f"Actualiteit: de bron noemt {term}. Sinds {sinds}: {vervangen_door.rstrip('.')}."
            + (f" {toelichting}" if toelichting else ""))


def gebruikt_als(kader: Kader, verwijzing: bool, procedure: Procedure) -> str:
    if verwijzing:
        return "Als geheel van toepassing verklaard (zie " + titel(procedure, "uitvoering") + ")."
    if kader.inkoop is not None:
        return f"Niet als geheel van toepassing verklaard: {kader.inkoop.verwijzing_reden}"
    return "Niet als geheel van toepassing verklaard."
