"""Click's own texts in Dutch: usage, help headings, usage errors, did-you-mean.

click has no Dutch catalogue, and typer 0.28 carries its own copy of click (`typer._click`) with the
English texts written out instead of passed through gettext. Whatever the version, everything click
shows a user goes through its `echo` function: help (`--help`, no arguments) and every usage error
(`UsageError.show`). `installeer()` wraps that function, in every module of the click that typer
uses, with `vertaal`, which rewrites the known English sentences (a table of patterns below); the
names of value types in help ("TEXT", "INTEGER", "PATH") are renamed at their source so that the
help's columns stay aligned. Installed once, when the CLI is imported; the library never imports this.

A test (tests/test_cli_nederlands.py) runs every command's help and the usual mistakes and fails on
any English word that remains.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

# (pattern, replacement), applied in this order. Values a user typed are kept as they are.
_ZINNEN: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    (r"(?m)^Usage: ", "Gebruik: "),
    (r"\[OPTIONS\]", "[OPTIES]"),
    (r"COMMAND \[ARGS\]\.\.\.", "OPDRACHT [ARGUMENTEN]..."),
    (r"\[ARGS\]\.\.\.", "[ARGUMENTEN]..."),
    (r"(?m)^(Gebruik: .*)\{([A-Z][A-Z-]*)\}", r"\1\2"),  # typer 0.28 writes a required argument as {NAAM}
    (r"(?m)^(Gebruik: .*)\{([A-Z][A-Z-]*)\}", r"\1\2"),
    (r"Try '(.+?)' for help\.", r"Probeer '\1' voor hulp."),
    (r"(?m)^Error: ", "Fout: "),
    (r"No such option: (\S+)", r"Onbekende optie: \1"),
    (r"No such option '(.+?)'\.", r"Onbekende optie '\1'."),
    (r"\(Possible options: (.+?)\)", r"(Mogelijke opties: \1)"),
    (r"Did you mean (.+?)\?", r"Bedoelt u \1?"),
    (r"Missing argument '(.+?)'\.", r"Argument '\1' ontbreekt."),
    (r"Missing option '(.+?)'\.", r"Optie '\1' ontbreekt."),
    (r"Missing parameter: (\S+)", r"Parameter ontbreekt: \1"),
    (r"Missing parameter '(.+?)'\.", r"Parameter '\1' ontbreekt."),
    (r"Got unexpected extra argument\(s\) \((.+?)\)", r"Onverwacht extra argument ({1})"),
    (r"Got unexpected extra arguments \((.+?)\)", r"Onverwachte extra argumenten ({1})"),
    (r"Got unexpected extra argument \((.+?)\)", r"Onverwacht extra argument ({1})"),
    (r"Invalid value for (.+?): ", r"Ongeldige waarde voor \1: "),
    (r"Invalid value: ", "Ongeldige waarde: "),
    (r"(.+?) is not one of (.+?)\.$", r"\1 is niet een van \2."),
    (r"(.+?) is not one of (.+)", r"\1 is niet een van \2"),
    (r"invalid choice: (.+?)\. \(choose from (.+?)\)", r"ongeldige keuze: \1 (kies uit \2)"),
    (r"(.+?) is not a valid (?:integer|getal)(?: range)?\.", r"\1 is geen geheel getal."),
    (r"(.+?) is not a valid (?:float|kommagetal)(?: range)?\.", r"\1 is geen getal."),
    (r"(.+?) is not a valid boolean\.", r"\1 is geen ja/nee-waarde."),
    (r"(.+?) is not in the (?:valid )?range(?: of)? (.+?)\.", lambda m: _bereik(m.group(1), m.group(2))),
    (r"Option '(.+?)' requires an argument\.", r"Optie '\1' verwacht een waarde."),
    (r"Option '(.+?)' requires (\d+) arguments\.", r"Optie '\1' verwacht \2 waarden."),
    (r"Option '(.+?)' does not take a value\.", r"Optie '\1' neemt geen waarde."),
    (r"Argument '(.+?)' takes (\d+) values but (\d+) (?:was|were) given\.",
     r"Argument '\1' verwacht \2 waarden, maar kreeg er \3."),
    (r"No such command '(.+?)'\.", r"Onbekende opdracht '\1'."),
    (r"No such command (.+?)\.", r"Onbekende opdracht \1."),
    (r"Missing command\.", "Opdracht ontbreekt."),
    (r"Aborted!", "Afgebroken."),
    (r"(?m)^Options:$", "Opties:"),
    (r"(?m)^Arguments:$", "Argumenten:"),
    (r"(?m)^Commands:$", "Opdrachten:"),
    (r"Show this message and exit\.", "Toon deze hulp en stop."),
    (r"Show the version and exit\.", "Toon de versie en stop."),
    (r"\[default:\s", "[standaard: "),
    (r"\[env\s+var:\s", "[omgevingsvariabele: "),
    (r"<path>", "<pad> "),
    (r"<file>", "<bestand>"),
    (r"<directory>", "<map> "),
    (r"\[required\]", "[verplicht]"),
    (r"\(dynamic\)", "(wisselend)"),
    (r"\(deprecated\)", "(verouderd)"),
    (r"\(DEPRECATED\)", "(VEROUDERD)"),
]
# compiled on first use: --help itself needs few
_PATRONEN: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = []

# Value types as help shows them (upper-cased): 'TEXT' -> 'TEKST' (set at the source, so the
# columns of the help are measured with the Dutch word).
_TYPENAMEN = {"STRING": "tekst", "INT": "getal", "FLOAT": "kommagetal", "BOOL": "ja/nee", "UUID": "uuid"}
_TYPEKLASSEN = {"IntRange": "getal", "FloatRange": "kommagetal", "Path": "pad", "File": "bestand",
                "DateTime": "datum", "Choice": "keuze", "Tuple": "reeks"}

# The texts typer and older clicks pass through gettext (their templates, before formatting).
_SJABLONEN = {
    "env var: {var}": "omgevingsvariabele: {var}",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "(dynamic)": "(wisselend)",
    "(deprecated) ": "(verouderd) ",
    "Arguments": "Argumenten",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Missing command.": "Opdracht ontbreekt.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "Aborted!": "Afgebroken.",
    "Usage:": "Gebruik:",
    "Error": "Fout",
}

_geinstalleerd = False


def _gettext(tekst: str) -> str:
    return _SJABLONEN.get(tekst, tekst)


def vertaal(tekst: str) -> str:
    """Click's English in Dutch; text it does not know stays as it is."""
    if not _PATRONEN:
        _PATRONEN.extend((re.compile(p), v) for p, v in _ZINNEN)
    for patroon, vervanging in _PATRONEN:
        if callable(vervanging):
            tekst = patroon.sub(vervanging, tekst)
        elif "{1}" in vervanging:  # a literal parenthesis around the group
            tekst = patroon.sub(lambda m, v=vervanging: v.replace("{1}", m.group(1)), tekst)
        else:
            tekst = patroon.sub(vervanging, tekst)
    return tekst


_GRENS = re.compile(r"(?:(-?[\d.]+)(<=?))?x(?:(<=?|>=?)(-?[\d.]+))?")


def _bereik(waarde: str, bereik: str) -> str:
    """click's '120 is not in the range 0<=x<=99' as '120 ligt niet tussen 0 en 99'."""
    m = _GRENS.fullmatch(bereik.replace(" ", ""))
    if m is None:
        return f"{waarde} ligt niet in het bereik {bereik}."
    onder, onder_teken, teken, grens = m.groups()
    if onder is not None and teken in ("<", "<=") and grens is not None:
        uitzondering = [g for g, t in ((onder, onder_teken), (grens, teken)) if t == "<"]
        erbij = f" ({' en '.join(uitzondering)} niet inbegrepen)" if uitzondering else ""
        return f"{waarde} ligt niet tussen {onder} en {grens}{erbij}."
    if onder is not None:  # 'a<=x' or 'a<x'
        teken, grens = (">=" if onder_teken == "<=" else ">"), onder
    zinnen = {">=": f"ten minste {grens}", ">": f"groter dan {grens}", "<=": f"ten hoogste {grens}",
              "<": f"kleiner dan {grens}"}
    if teken not in zinnen:
        return f"{waarde} ligt niet in het bereik {bereik}."
    return f"{waarde} is niet toegestaan: de waarde moet {zinnen[teken]} zijn."


def click_van_typer() -> ModuleType:
    """The click package typer uses: its own copy (typer 0.28) or click itself."""
    import typer.core  # noqa: F401  (loaded before its echo is replaced)

    eigen = getattr(typer.core, "_click", None)
    if isinstance(eigen, ModuleType):
        return eigen
    import click

    return click


def installeer() -> None:
    """Make click speak Dutch (idempotent)."""
    global _geinstalleerd
    if _geinstalleerd:
        return
    import sys

    klik = click_van_typer()
    origineel: Callable[..., Any] = klik.utils.echo

    def echo(message: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(message, str):
            message = vertaal(message)
        return origineel(message, *args, **kwargs)

    echo.__doc__ = origineel.__doc__
    import gettext

    import typer.core  # noqa: F401  (loaded before its echo is replaced)

    for naam, module in list(sys.modules.items()):
        if naam == klik.__name__ or naam.startswith(klik.__name__ + ".") or naam == "typer.core":
            if getattr(module, "echo", None) is origineel:
                module.echo = echo  # type: ignore[attr-defined]
            if getattr(module, "_", None) is gettext.gettext:
                module._ = _gettext  # type: ignore[attr-defined]
    _installeer_globale_opties(klik)
    typen = klik.types
    for attribuut, naam in _TYPENAMEN.items():
        soort = getattr(typen, attribuut, None)
        if soort is not None:
            soort.name = naam
    for klasse, naam in _TYPEKLASSEN.items():
        soort = getattr(typen, klasse, None)
        if isinstance(soort, type):
            soort.name = naam  # type: ignore[attr-defined]
    _geinstalleerd = True


def _installeer_globale_opties(klik: ModuleType) -> None:
    """An option of the main app given after the command (`compose --corpus nieuw`) is not unknown:
    say that it comes before the command, instead of suggesting the command's own options."""
    klasse = klik.exceptions.NoSuchOption
    origineel = klasse.format_message

    def format_message(self: Any) -> str:
        hoofd = _globale_optie(self)
        if hoofd is None:
            return str(origineel(self))
        naam, waarde = hoofd
        ctx = self.ctx
        programma = ctx.find_root().info_name or "inkoopkader"
        if waarde is None:  # --version: works on its own, without a command
            return f"Onbekende optie voor '{ctx.info_name}': {naam}. Gebruik: {programma} {naam}"
        return (f"Onbekende optie voor '{ctx.info_name}': {naam}. {naam} is een algemene optie van {programma} en "
                f"hoort vóór de opdracht: {programma} {naam}{waarde} {ctx.info_name} …")

    klasse.format_message = format_message


def _globale_optie(fout: Any) -> tuple[str, str | None] | None:
    """(name, ' PLACEHOLDER', '' for a flag or None for an eager flag such as --version) when the
    unknown option is one of the main app's; else None."""
    ctx = getattr(fout, "ctx", None)
    naam = str(getattr(fout, "option_name", "") or "").split("=", 1)[0]
    if ctx is None or ctx.parent is None or not naam:
        return None
    for param in ctx.find_root().command.params:
        if param.param_type_name == "option" and naam in (*param.opts, *getattr(param, "secondary_opts", ())):
            if getattr(param, "is_flag", False):
                return naam, None if getattr(param, "is_eager", False) else ""
            soort = type(param.type).__name__
            return naam, " MAP" if "Path" in soort else " WAARDE"
    return None
