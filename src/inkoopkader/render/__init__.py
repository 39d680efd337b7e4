"""Renderers: one module per output format, each laying out a `Document` as bytes."""

from __future__ import annotations

import os
from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import OnbekendeWaarde, als_type, dichtstbijzijnde

if TYPE_CHECKING:
    from ..document import Document

_MODULES = {"docx": "docx", "md": "markdown", "markdown": "markdown", "json": "json", "csv": "csv", "xlsx": "xlsx",
            "ocds": "ocds", "pdf": "pdf"}
FORMATEN = ("docx", "md", "json", "csv", "xlsx", "ocds", "pdf")  # as offered to users ('markdown' is accepted for 'md')


def render(doc: Document, formaat: str, *, sjabloon: str | os.PathLike[str] | None = None) -> bytes:
    """Render a composed document; `sjabloon` (a .docx/.dotx house-style template) only applies to docx."""
    als_type(formaat, "formaat", str, "een formaat als 'docx'")
    key = formaat.lower().lstrip(".")
    if key not in _MODULES:
        raise OnbekendeWaarde("formaat", formaat, dichtstbijzijnde(formaat, FORMATEN), list(FORMATEN))
    module = import_module(f".{_MODULES[key]}", __name__)
    if key in ("docx", "pdf"):
        return module.render(doc, sjabloon=sjabloon)
    return module.render(doc)
