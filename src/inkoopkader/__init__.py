"""inkoopkader: kwaliteitscriteria uit vijftien kwaliteitskaders voor inkoop van jeugdhulp en Wmo.

Public API (import stays cheap: heavy dependencies load only when a function needs them):

    >>> import inkoopkader
    >>> corpus = inkoopkader.load_corpus()
    >>> [k.sleutel for k, _ in corpus.kaders_voor_segment("wmo-1a")][:2]
    ['beschermd-wonen-mo', 'werken-aan-veiligheid']
"""

from __future__ import annotations

import sys
import types

__version__ = "0.1.0"

# Everything is imported lazily (PEP 562): `import inkoopkader` itself does next to nothing, which
# keeps a warm load_corpus() cheap for CI use and leaves no window in which a Ctrl-C at start-up
# of the command line ends in a traceback (see __main__.py).
_LAZY = {
    "load_corpus": "corpus",
    "validate_corpus": "corpus",
    "Bevinding": "errors",
    "CorpusFout": "errors",
    "InkoopkaderError": "errors",
    "OnbekendeWaarde": "errors",
    "Corpus": "model",
    "Criterium": "model",
    "Doelgroep": "model",
    "Herkomst": "model",
    "Item": "model",
    "Kader": "model",
    "Notitie": "model",
    "Relevantie": "model",
    "Segment": "model",
    "Thema": "model",
    "Inzet": "model",
    "Procedure": "model",
    "Rol": "model",
    "Wet": "model",
    "WettelijkeVerplichting": "model",
    "resolve_kader": "resolve",
    "resolve_segment": "resolve",
    "resolve_thema": "resolve",
    "Zoekresultaat": "search",
    "Zoekresultaten": "search",
    "find": "search",
    "vergelijk": "diff",
    "Verschil": "diff",
    "Profiel": "profile",
    "ProfielFout": "profile",
    "load_profile": "profile",
    "update_profile": "profile",
    "write_profile": "profile",
    "check": "check",
    "Rapport": "check",
    "compose": "compose",
    "GunningInstelling": "compose",
    "VraagInstelling": "compose",
    "GunningFout": "compose",
    "Document": "document",
    "render": "render",
    "select": "select",
    "Selectie": "select",
    "Keuze": "select",
    "Verzoek": "select",
    "OngeldigeKeuze": "select",
}
# Public functions renamed to one English verb per action (issue 15): the old name works for one
# release, with a DeprecationWarning.
_VEROUDERD = {"zoek": "find"}
# These public functions share their names with submodules. Importing a submodule normally rebinds
# the package attribute to the module (so `inkoopkader.compose(...)` would break after anything ran
# `import inkoopkader.compose`); _Package keeps the function. The submodules stay importable as usual
# (`from inkoopkader.compose import ...`), through sys.modules.
_SHADOWED = {"check", "compose", "select", "render"}


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: object) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> object:
    from importlib import import_module
    from importlib.util import find_spec

    if name in _VEROUDERD:  # an old name, for one release
        from .verouderd import alias

        return alias(__name__, name, {name: __getattr__(_VEROUDERD[name])})
    module = _LAZY.get(name)
    if module is None:
        if not name.startswith("_") and find_spec(f"{__name__}.{name}") is not None:
            return import_module(f".{name}", __name__)  # a submodule not imported yet: inkoopkader.corpus
        raise AttributeError(f"module 'inkoopkader' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Bevinding",
    "Corpus",
    "CorpusFout",
    "Criterium",
    "Document",
    "Doelgroep",
    "GunningFout",
    "GunningInstelling",
    "Herkomst",
    "InkoopkaderError",
    "Inzet",
    "Item",
    "Kader",
    "Keuze",
    "Notitie",
    "OnbekendeWaarde",
    "OngeldigeKeuze",
    "Procedure",
    "Profiel",
    "ProfielFout",
    "Rapport",
    "Relevantie",
    "Rol",
    "Segment",
    "Selectie",
    "Thema",
    "Verschil",
    "Verzoek",
    "VraagInstelling",
    "Wet",
    "WettelijkeVerplichting",
    "Zoekresultaat",
    "Zoekresultaten",
    "__version__",
    "check",
    "compose",
    "find",
    "load_corpus",
    "load_profile",
    "render",
    "resolve_kader",
    "resolve_segment",
    "resolve_thema",
    "select",
    "update_profile",
    "validate_corpus",
    "vergelijk",
    "write_profile",
]
