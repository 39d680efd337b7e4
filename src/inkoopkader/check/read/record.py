"""What compose leaves in a document for `check`: its criterion bookmarks and its record.

Shared by the .docx and .odt readers. The contract itself (names, namespace, fields) belongs to
`inkoopkader.anchors`; this module only recognises it in a draft that may have been edited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .veilig import _DOCTYPE, ConceptFout, _getal, _parse_xml, _Zip

_MAX_OPEN_ANKERS = 100  # criterion bookmarks open at once; compose opens one at a time
# Paragraphs a criterion bookmark marks at most: compose's bookmark spans one criterion. One opened at
# the start and closed at the end of a long draft marked every paragraph (100 over 60,000: > 400 s).
_MAX_ANKER_ALINEAS = 100


def _verlopen(actief: dict[str, str], geopend: dict[str, int], alinea: int) -> None:
    """Closes the open bookmarks that have marked _MAX_ANKER_ALINEAS paragraphs (`alinea` is the
    number of the paragraph about to be read, `geopend` the number of the one each bookmark opened in)."""
    for sleutel in [k for k in actief if alinea - geopend.get(k, alinea) >= _MAX_ANKER_ALINEAS]:
        del actief[sleutel]

_BLADWIJZER = re.compile(r"ik_([a-z]+)_(\d{2,3}[a-z]?)", re.IGNORECASE)  # schema.CRITERIUM_ID, '-' -> '_'


def criterium_van_bladwijzer(naam: str, bekend: Mapping[str, str] | None = None) -> str | None:
    """The criterion ID a compose bookmark stands for ('ik_bwmo_04' -> 'bwmo-04'), or None.

    `bekend` maps bookmark names (lower case) to IDs, as compose records them in the document; it
    covers names that cannot be inverted (shortened names). Other bookmarks (Word's own `_Toc…`,
    `_GoBack`, a user's) give None.
    """
    if bekend:
        hit = bekend.get(naam.lower())
        if hit:
            return hit
    match = _BLADWIJZER.fullmatch(naam)
    return f"{match[1]}-{match[2]}".lower() if match else None



def _record_xml(z: _Zip, name: str, data: bytes) -> Any:
    """A part holding compose's record, parsed; None when it is damaged (a DOCTYPE is still refused)."""
    try:
        return _parse_xml(z.naam, name, data)
    except ConceptFout:
        if _DOCTYPE.search(data):
            raise
        return None



def _selectie_uit_eigenschappen(props: Mapping[str | None, str]) -> dict[str, object] | None:
    """The selection from document properties inkoopkader.* (Word's custom.xml, ODF's meta.xml)."""
    from ...anchors import read_eigenschappen

    return read_eigenschappen(props, _getal)
