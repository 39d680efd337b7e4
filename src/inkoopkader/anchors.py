"""How compose marks criteria in Word documents, shared by the renderer and by `check`.

Kept apart from render/docx.py so that reading a draft does not import the Word renderer.
"""

from __future__ import annotations

import re
import uuid

NAMESPACE = "urn:inkoopkader:selectie:1"
"""XML namespace of the custom XML part in which compose records its selection."""


def bladwijzer_naam(criterium_id: str) -> str:
    """The bookmark that anchors a criterion in the Word document: 'bwmo-04' -> 'ik_bwmo_04'."""
    naam = "ik_" + re.sub(r"[^A-Za-z0-9]", "_", criterium_id)
    if len(naam) > 40:
        naam = naam[:31] + "_" + uuid.uuid5(uuid.NAMESPACE_URL, criterium_id).hex[:8]
    return naam
