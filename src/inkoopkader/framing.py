"""Tender language: the framing sentences placed around the source's verbatim criteria.

The criteria themselves are quoted as the source words them; these sentences make them usable in a
programma van eisen or aanbestedingsleidraad. They differ per vorm (eis, vraag, verwijzing) and per
doelgroep (a requirement on an organisation reads differently from a competence of professionals).
"""

from __future__ import annotations

from .model import Doelgroep, Kader, Thema, Vorm


def kader_naam(kader: Kader) -> str:
    return f"‘{kader.titel}’ ({kader.uitgever}, {kader.jaar})"


def verwijzing_clausule(kader: Kader, bijlage: str) -> str:
    """The reference clause for a kader used as a whole."""
    return (
        f"Opdrachtnemer werkt conform {kader_naam(kader)}. Opdrachtnemer toont op verzoek van "
        f"Opdrachtgever aan op welke wijze hij aan dit kader voldoet. De kernpunten van het kader zijn "
        f"ter informatie opgenomen in {bijlage}; bij verschil is het volledige kader leidend."
    )


def thema_verwijzing(kader: Kader, thema: Thema, aantal: int, bijlage: str) -> str:
    """One line in a thema chapter for a kader that is referenced as a whole."""
    punten = "kernpunt" if aantal == 1 else "kernpunten"
    return (
        f"Voor {thema.value} is {kader_naam(kader)} van toepassing (zie het hoofdstuk ‘Toepasselijke kwaliteitskaders’). "
        f"De {aantal} {punten} van dit kader voor dit thema staan in {bijlage}."
    )


def blok_inleiding(kader: Kader, vorm: Vorm, doelgroep: Doelgroep, aantal: int) -> str:
    """The sentence above a numbered list of eisen or vragen from one kader."""
    meer = aantal != 1
    if vorm is Vorm.EIS:
        if doelgroep is Doelgroep.PROFESSIONAL:
            return (
                "Opdrachtnemer zet uitsluitend professionals in die aantoonbaar beschikken over de "
                f"volgende {'competenties' if meer else 'competentie'} en daarnaar handelen, zoals "
                f"beschreven in {kader_naam(kader)}:"
            )
        return (
            f"Opdrachtnemer voldoet aan de {'volgende eisen' if meer else 'volgende eis'} uit "
            f"{kader_naam(kader)} en toont op verzoek van Opdrachtgever aan hoe hij daaraan voldoet:"
        )
    if doelgroep is Doelgroep.PROFESSIONAL:
        return (
            "Beschrijf in uw inschrijving hoe u borgt dat de professionals die u inzet handelen naar "
            f"{'de volgende kwaliteitscriteria' if meer else 'het volgende kwaliteitscriterium'} uit "
            f"{kader_naam(kader)}. Geef aan hoe u dit in werving, scholing en begeleiding vormgeeft "
            "en hoe u het toetst:"
        )
    return (
        "Beschrijf in uw inschrijving op welke wijze uw organisatie invulling geeft aan "
        f"{'de volgende kwaliteitscriteria' if meer else 'het volgende kwaliteitscriterium'} uit "
        f"{kader_naam(kader)}. Maak concreet hoe u dit in de uitvoering borgt en hoe u het aantoont:"
    )


def losse_regel(vorm: Vorm, doelgroep: Doelgroep, tekst: str) -> str:
    """A single criterion as one self-contained sentence (CSV rows, tender platforms)."""
    if vorm is Vorm.EIS:
        if doelgroep is Doelgroep.PROFESSIONAL:
            return f"Opdrachtnemer zet professionals in die aantoonbaar aan het volgende voldoen: {tekst}"
        return f"Opdrachtnemer voldoet aantoonbaar aan de volgende eis: {tekst}"
    if vorm is Vorm.VRAAG:
        if doelgroep is Doelgroep.PROFESSIONAL:
            return f"Beschrijf hoe u borgt dat uw professionals hieraan voldoen: {tekst}"
        return f"Beschrijf op welke wijze uw organisatie hieraan invulling geeft: {tekst}"
    return f"Kernpunt (ter informatie, onderdeel van het kader waarnaar wordt verwezen): {tekst}"


VORM_UITLEG = {
    Vorm.EIS: (
        "Eis: een minimumvoorwaarde waaraan Opdrachtnemer moet voldoen. Niet voldoen leidt tot "
        "uitsluiting of is een tekortkoming in de uitvoering."
    ),
    Vorm.VRAAG: (
        "Vraag: een gunningscriterium. De inschrijver beschrijft hoe hij aan het criterium invulling "
        "geeft; de beschrijving wordt beoordeeld en wordt na gunning onderdeel van de overeenkomst."
    ),
    Vorm.VERWIJZING: (
        "Verwijzing: Opdrachtnemer werkt conform het genoemde kwaliteitskader als geheel. De kernpunten "
        "staan ter informatie in een bijlage; het volledige kader is leidend."
    ),
}
