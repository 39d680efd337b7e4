"""Deprecated names: the Dutch verbs of functions renamed to English ones (issue 15), kept for one release.

A module lists its old names in a module-level `__getattr__` (PEP 562) that calls `alias`: the old
name still works, with a DeprecationWarning that names the new one.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any


def alias(module: str, naam: str, nieuw: Mapping[str, Any]) -> Any:
    """The renamed function for an old name, with a DeprecationWarning.

    Raises:
        AttributeError: `naam` is no old name of `module` (as a missing attribute would).
    """
    functie = nieuw.get(naam)
    if functie is None:
        raise AttributeError(f"module {module!r} has no attribute {naam!r}")
    warnings.warn(f"{module}.{naam} is verouderd en verdwijnt in de volgende uitgave; gebruik "
                  f"{module}.{getattr(functie, '__name__', naam)}.", DeprecationWarning, stacklevel=3)
    return functie
