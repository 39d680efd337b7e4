"""Updating an existing profile to a new corpus, keeping every choice and comment (`inkoopkader init`).

New kaders and criteria are added as NIEUW only when the corpus did not have them when the profile
was written (the profile's `bekend` block); what the inkoper deleted stays deleted (without `bekend`,
what is missing comes back switched off: `opnemen: nee`). Added entries get the roles a fresh `init`
writes. A role the tender layer no longer allows is replaced by that role, with a comment, and the
`[kan: …]` comments are refreshed. What left the corpus is marked `vervallen`, and a schema-1 profile
is migrated to roles. The file is edited as a
ruamel round-trip tree (`commentaar` keeps the comments in place) and rewritten atomically.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InkoopkaderError, OnbekendeWaarde, bestandsnaam
from ..model import Corpus, Criterium, Doelgroep, Inzet, Kader, Relevantie, Rol, Segment
from .commentaar import _append_tail, _insert, _set_scalar, _split_tail, _vervang_sleutel
from .model import GEEN_LIJST, GEEN_MAPPING, OUDE_VORM, SCHEMA_VERSION, ProfielUpdate
from .reader import (
    _Controle,
    _fout,
    _heeft_oude_vorm,
    _hint,
    _is_map,
    _item_line,
    _node_line,
    _parse,
    _value_line,
    _yaml,
)
from .writer import _BEKEND_UITLEG, _CRITERIUM_INSPRONG, _kader_regels, _kan, _samenvatting

NIEUW_OF_VERWIJDERD = "NIEUW of eerder door u verwijderd: zet opnemen op ja om op te nemen"
"""The mark of a kader or criterion added to a profile without `bekend`: it may be one the inkoper deleted."""

_KAN = re.compile(r"\[kan: [^\]]*\]")


def update_profile(
    corpus: Corpus, path: str | os.PathLike[str], *, segment: str | None = None
) -> ProfielUpdate:
    """Bring an existing profile up to date with the corpus, keeping every choice and comment.

    New kaders of the segment and new criteria of listed kaders are added (included, with the role
    `init` gives them) with the comment "NIEUW in corpus <versie>"; in a profile without `bekend`
    with `opnemen: nee` and the comment `NIEUW_OF_VERWIJDERD`, since they may be ones the user deleted.
    A listed criterion's `[kan: …]` comment is refreshed, and a role it can no longer serve is
    replaced by the role `init` gives it, with a comment on that line (`rollen_vervangen`). Kaders and criteria that are no longer in the
    corpus (for this segment) stay in place, with the user's choices, and get a key
    `vervallen: "niet meer in corpus <versie> …"`; `load_profile` ignores them. An entry marked
    earlier whose ID is back in the corpus loses its mark. `corpus_versie` is set to the corpus's.
    The file is rewritten atomically, and only when something changed.

    Other values (opnemen, a misspelt rol) are not checked here; `load_profile` does that. An ID the user mistyped
    is indistinguishable from one that disappeared: it is marked `vervallen` and reported.

    Args:
        corpus: the (updated) corpus.
        path: the existing profile.
        segment: when given, the segment the caller expects; a profile for another segment is refused.

    Raises:
        ProfielFout: broken YAML, or a profile without a usable structure (no mapping, unknown
            segment, `kaders` not a list, a kader without a number).
        InkoopkaderError: when the file does not exist, cannot be read or cannot be written.
    """
    from ..output import write_atomic
    from ..resolve import resolve_segment

    target = Path(path)
    bestand = bestandsnaam(target)
    data = _parse(target)
    controle = _Controle(bestand)
    if not _is_map(data):
        raise _fout(bestand, GEEN_MAPPING, 1)
    segment_tekst = controle.tekst(data, "segment")
    if segment_tekst is None:
        raise _fout(bestand, "verplicht veld 'segment' ontbreekt (b.v. segment: wmo-1a)", _node_line(data))
    try:
        found = resolve_segment(corpus, segment_tekst)
    except OnbekendeWaarde as exc:
        melding = f"onbekend segment '{segment_tekst}'.{_hint(exc.suggestie)}"
        raise _fout(bestand, melding, _value_line(data, "segment")) from None
    if segment is not None:
        wanted = resolve_segment(corpus, segment)
        if wanted.id != found.id:
            melding = (
                f"dit profiel is voor segment {found.id}, niet voor {wanted.id}; "
                "kies een andere bestandsnaam voor een nieuw profiel"
            )
            raise _fout(bestand, melding, _value_line(data, "segment"))

    gemigreerd = _migrate(corpus, data)
    oude_versie = controle.tekst(data, "corpus_versie")
    bekend = _read_bekend(data, bestand)
    wijziging = _Bijwerken(corpus, found, data, bestand, bekend=bekend, zelfde_corpus=oude_versie == corpus.versie)
    wijziging.run()
    bekend_anders = _write_bekend(corpus, found, data)
    versie_anders = oude_versie != corpus.versie
    if versie_anders:
        _set_scalar(data, "corpus_versie", corpus.versie, after="schema_version")
    result = ProfielUpdate(
        pad=target,
        segment=found.id,
        oude_corpus_versie=oude_versie,
        corpus_versie=corpus.versie,
        nieuwe_kaders=tuple(wijziging.nieuwe_kaders),
        nieuwe_criteria=tuple(wijziging.nieuwe_criteria),
        vervallen_kaders=tuple(wijziging.vervallen_kaders),
        vervallen_criteria=tuple(wijziging.vervallen_criteria),
        hersteld=tuple(wijziging.hersteld),
        gemigreerd=gemigreerd,
        rollen_vervangen=tuple(wijziging.rollen_vervangen),
        kan_bijgewerkt=tuple(wijziging.kan_bijgewerkt),
        niet_opgenomen=bekend is None and bool(wijziging.nieuwe_kaders or wijziging.nieuwe_criteria),
    )
    if not (result.gewijzigd or versie_anders or bekend_anders or result.kan_bijgewerkt):
        return result
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    write_atomic(target, buffer.getvalue().encode("utf-8"), force=True)  # updating in place is the point
    return replace(result, geschreven=True)


@dataclass
class _Bijwerken:
    """One update run over a round-trip tree."""

    corpus: Corpus
    segment: Segment
    data: Any
    bestand: str
    bekend: dict[int, set[str]] | None = None  # the profile's `bekend`: what the corpus had when it was written
    zelfde_corpus: bool = False  # the profile was written with this very corpus: nothing can be new
    verschil: Any = None  # diff.IdVerschil between `bekend` and the corpus, made on first use
    nieuwe_kaders: list[int] = field(default_factory=list)
    nieuwe_criteria: list[str] = field(default_factory=list)
    vervallen_kaders: list[int] = field(default_factory=list)
    vervallen_criteria: list[str] = field(default_factory=list)
    hersteld: list[str] = field(default_factory=list)
    rollen_vervangen: list[tuple[str, Rol, Rol]] = field(default_factory=list)  # (ID, old role, new role)
    kan_bijgewerkt: list[str] = field(default_factory=list)  # criteria whose '[kan: …]' comment changed
    rollen: dict[str, Rol] | None = None  # the roles a fresh `init` writes, made on first use

    def _rol(self, kader: Kader, crit: Criterium) -> Rol:
        """The role a fresh `init` gives this criterion (not the raw `standaardrol`: a kader with
        `inzet: inspiratie` or a criterion that is not standard gets inspiratie)."""
        if self.rollen is None:
            self.rollen = _standaardrollen(self.corpus, self.segment, self.data)
        return self.rollen.get(crit.id) or kader.gebruik(crit).standaardrol

    def run(self) -> None:
        from ruamel.yaml.comments import CommentedSeq

        if self.data.get("kaders") is None:
            self.data["kaders"] = CommentedSeq()
        lijst = self.data["kaders"]
        if not isinstance(lijst, list):
            raise _fout(self.bestand, GEEN_LIJST, _value_line(self.data, "kaders"))
        relaties = self.corpus.kaders_voor_segment(self.segment.id)
        kandidaten = {k.nummer: k for k, _ in relaties}
        aanwezig: dict[int, Any] = {}
        for index, entry in enumerate(lijst):
            nummer = _nummer_van(entry)
            if nummer is None:
                melding = "kader zonder geldig 'nummer' (elk kader begint met '- nummer: N')"
                raise _fout(self.bestand, melding, _item_line(lijst, index))
            if nummer not in kandidaten:
                if "vervallen" not in entry:
                    if any(k.nummer == nummer for k in self.corpus.kaders):
                        reden = f"hoort niet meer bij segment {self.segment.id} in corpus"
                    else:
                        reden = "niet meer in corpus"
                    entry.insert(0, "vervallen", f"{reden} {self.corpus.versie}; telt niet mee")
                    self.vervallen_kaders.append(nummer)
                continue
            if "vervallen" in entry:
                del entry["vervallen"]
                self.hersteld.append(f"kader {nummer}")
            aanwezig.setdefault(nummer, entry)

        for kader, relevantie in relaties:
            if kader.nummer in aanwezig:
                self._criteria_bijwerken(kader, aanwezig[kader.nummer])
                continue
            if not self._nieuw_sinds_profiel(kader.nummer):
                continue  # the inkoper removed this kader from the profile; it is not new
            nummers = [_nummer_van(e) for e in lijst]
            eerder = [i for i, n in enumerate(nummers) if n is not None and n < kader.nummer]
            positie = 1 + max(eerder, default=-1)
            node = self._nieuw_kader(kader, relevantie)
            _insert(lijst, positie, None, node)
            # Blank lines between kaders, as `init` writes them. Inserted after a kader, the new one
            # took over that kader's blank line towards the next; give the previous one a new blank.
            if positie > 0:
                _append_tail(lijst, positie - 1, "\n")
            elif len(lijst) > 1:
                _append_tail(lijst, positie, "\n")
            self.nieuwe_kaders.append(kader.nummer)

    def _nieuw_sinds_profiel(self, nummer: int, criterium: str | None = None) -> bool:
        """Was this kader (or criterion of it) absent from the corpus the profile was written with?

        The comparison is that of `inkoopkader diff` (`vergelijk_ids`), between the profile's `bekend`
        and the corpus; without `bekend`, everything missing counts as new unless the corpus is the same.
        """
        from ..diff import stand, vergelijk_ids

        if self.bekend is None:
            return not self.zelfde_corpus
        if self.verschil is None:
            kaders = [k.nummer for k, _ in self.corpus.kaders_voor_segment(self.segment.id)]
            self.verschil = vergelijk_ids(self.bekend, stand(self.corpus, kaders))
        if criterium is None:
            return nummer in self.verschil.kaders_nieuw
        return criterium in self.verschil.criteria_nieuw

    def _label(self) -> str:
        """The comment on an added kader or criterion."""
        return f"NIEUW in corpus {self.corpus.versienaam}" if self.bekend is not None else NIEUW_OF_VERWIJDERD

    def _nieuw_kader(self, kader: Kader, relevantie: Relevantie) -> Any:
        rollen = {c.id: self._rol(kader, c) for c in kader.criteria}
        regels = _kader_regels(kader, relevantie, self.segment, rollen, nieuw=self._label())
        text = "kaders:\n" + "\n".join(regels) + "\n"
        node = _yaml().load(text)["kaders"][0]
        if self.bekend is None:
            node["opnemen"] = "nee"  # without `bekend` it may be a kader the inkoper deleted
        return node

    def _criteria_bijwerken(self, kader: Kader, entry: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        if "criteria" not in entry:
            return  # no list: the whole kader, new criteria included
        lijst = entry["criteria"]
        if lijst is None:
            lijst = entry["criteria"] = CommentedMap()
        if not _is_map(lijst):
            melding = f"kader {kader.nummer}: criteria moet een mapping zijn"
            raise _fout(self.bestand, melding, _value_line(entry, "criteria"))
        ids = [c.id for c in kader.criteria]
        for key in list(lijst.keys()):
            cid = str(key).strip().lower()
            value = lijst[key]
            gemarkeerd = _is_map(value) and "vervallen" in value
            if cid not in ids and not gemarkeerd:
                self._markeer_vervallen(lijst, key)
                self.vervallen_criteria.append(str(key))
            elif cid in ids and gemarkeerd:
                del value["vervallen"]
                self.hersteld.append(str(key))
        for key in list(lijst.keys()):
            crit = self.corpus.criterium(str(key).strip().lower())
            if crit is not None and crit.kader == kader.nummer:
                self._rol_bijwerken(kader, crit, lijst, key)
        for positie_in_kader, crit in enumerate(kader.criteria):
            keys = [str(k).strip().lower() for k in lijst]
            if crit.id in keys:
                continue
            if not self._nieuw_sinds_profiel(kader.nummer, crit.id):
                continue  # the inkoper deleted this criterion from the profile; it is not new
            eerdere = set(ids[:positie_in_kader])
            positie = 1 + max((i for i, k in enumerate(keys) if k in eerdere), default=-1)
            while positie < len(keys) and keys[positie] not in ids:
                positie += 1  # after entries that left the corpus: they came before this new one
            # Without `bekend` a missing criterion may be one the inkoper deleted: offer it, switched off.
            opnemen = "ja" if self.bekend is not None else "nee"
            node = CommentedMap([("opnemen", opnemen), ("rol", self._rol(kader, crit).value)])
            _insert(lijst, positie, crit.id, node)
            column = _CRITERIUM_INSPRONG + len(crit.id) + 3
            comment = f"# {self._label()} — {_samenvatting(crit, kader)}"
            lijst.yaml_add_eol_comment(comment, crit.id, column=column)
            self.nieuwe_criteria.append(crit.id)

    def _rol_bijwerken(self, kader: Kader, crit: Criterium, lijst: Any, key: Any) -> None:
        """Refresh the '[kan: …]' comment of a listed criterion, and replace a role the tender layer
        no longer allows by the role a fresh `init` gives it, with a comment on that line."""
        from ..select import parse_rol

        value = lijst[key]
        tokens = []
        entry = lijst.ca.items.get(key)
        if entry and len(entry) > 2 and entry[2] is not None:
            tokens.append(entry[2])
        if _is_map(value) and value.ca.comment and value.ca.comment[0] is not None:
            tokens.append(value.ca.comment[0])
        kan = _kan(crit, kader)
        for token in {id(t): t for t in tokens}.values():
            if not token.value.startswith("#"):
                continue
            regel, sep, rest = token.value.partition("\n")
            nieuw = _KAN.sub(lambda _: kan, regel, count=1)
            if nieuw != regel:
                token.value = nieuw + sep + rest
                if crit.id not in self.kan_bijgewerkt:
                    self.kan_bijgewerkt.append(crit.id)
        if not _is_map(value) or "vervallen" in value or value.get("rol") is None:
            return
        try:
            oud = parse_rol(str(value["rol"]))
        except InkoopkaderError:
            return  # a value that was never valid: load_profile names it with its line
        if kader.gebruik(crit).kan(oud):
            return
        nieuw_rol = self._rol(kader, crit)
        value["rol"] = nieuw_rol.value
        opmerking = f"was {oud.value}: kan in corpus {self.corpus.versienaam} geen {oud.value} meer zijn"
        _zet_opmerking(value, "rol", opmerking)
        self.rollen_vervangen.append((crit.id, oud, nieuw_rol))

    def _markeer_vervallen(self, lijst: Any, key: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        reden = f"niet meer in corpus {self.corpus.versie}; telt niet mee"
        crit = self.corpus.criterium(str(key))
        if crit is not None:
            reden = f"hoort in corpus {self.corpus.versie} bij kader {crit.kader}; telt hier niet mee"
        value = lijst[key]
        if _is_map(value):
            value.insert(0, "vervallen", reden)
            return
        # Short form ('wbs-01: nee') or empty: turn it into a mapping that keeps the choice.
        rest = _split_tail(lijst, list(lijst.keys()).index(key))
        node = CommentedMap([("vervallen", reden)])
        if value is not None:
            node["opnemen"] = value
        lijst[key] = node
        if rest:
            _append_tail(node, len(node) - 1, rest)


def _zet_opmerking(node: Any, key: str, tekst: str) -> None:
    """Put `# tekst` at the end of the line of `key`, before a comment the inkoper wrote there."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry = node.ca.items.setdefault(key, [None, None, None, None])
    token = entry[2]
    if token is not None and token.value.startswith("#"):
        token.value = f"# {tekst}; {token.value[1:].lstrip()}"
        return
    # Two spaces after the value, as `init` writes its comments.
    positie = node.lc.data.get(key) if hasattr(node, "lc") and node.lc.data else None
    kolom = (positie[1] if positie else _CRITERIUM_INSPRONG + 2) + len(f"{key}: {node[key]}") + 2
    rest = token.value.removeprefix("\n") if token is not None else ""  # the lines after this entry
    entry[2] = CommentToken(f"# {tekst}\n{rest}", CommentMark(kolom), None)


def _standaardrollen(corpus: Corpus, segment: Segment, data: Any) -> dict[str, Rol]:
    """The role of each criterion of the segment as a fresh `init` writes it: `select` on the profile's
    request (segment, procedure and the inzet of its kaders), as `writer` does."""
    from ..select import Verzoek, parse_procedure, select
    from .reader import _parse_inzet

    opties: dict[str, Any] = {}
    try:
        opties["procedure"] = parse_procedure(str(data.get("procedure") or "aanbesteding"))
    except InkoopkaderError:
        pass  # load_profile names a wrong procedure; the roles do not depend on it
    kandidaten = {k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)}
    inzet: dict[int, Inzet] = {}
    for entry in data.get("kaders") or []:
        nummer = _nummer_van(entry)
        if nummer in kandidaten and "vervallen" not in entry and entry.get("inzet") is not None:
            try:
                inzet.setdefault(nummer, _parse_inzet(str(entry["inzet"])))
            except InkoopkaderError:
                pass
    selectie = select(corpus, Verzoek.maak(segment.id, inzet_per_kader=inzet, **opties))
    return {k.criterium.id: k.rol for k in (*selectie.keuzes, *selectie.gemeente)}


def _read_bekend(data: Any, bestand: str) -> dict[int, set[str]] | None:
    """The profile's `bekend` block (see the module docstring), or None when it has none."""
    from ..diff import read_stand

    waarde = data.get("bekend")
    if waarde is None:
        return None
    if not _is_map(waarde):
        raise _fout(bestand, "bekend: moet per kadernummer de criterium-ID's geven (niet wijzigen; "
                    "verwijder het blok om het opnieuw te laten maken)", _value_line(data, "bekend"))
    try:
        return read_stand(waarde)
    except InkoopkaderError as exc:
        raise _fout(bestand, f"bekend: {exc} (niet wijzigen; verwijder het blok om het opnieuw te laten maken)",
                    _value_line(data, "bekend")) from None


def _write_bekend(corpus: Corpus, segment: Segment, data: Any) -> bool:
    """Record what the corpus has now in `bekend` (at the end of the profile); True when that changed."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from ..diff import stand, stand_tekst

    kaders = [k.nummer for k, _ in corpus.kaders_voor_segment(segment.id)]
    nieuw = {nummer: stand_tekst(ids) for nummer, ids in stand(corpus, kaders).items()}
    oud = data.get("bekend")
    if _is_map(oud) and {int(str(k)): str(v) for k, v in oud.items() if str(k).isdigit()} == nieuw:
        return False
    if _is_map(oud):
        for sleutel in list(oud.keys()):
            del oud[sleutel]
        for nummer, tekst in nieuw.items():
            oud[nummer] = DoubleQuotedScalarString(tekst)
        return True
    blok = CommentedMap((nummer, DoubleQuotedScalarString(tekst)) for nummer, tekst in nieuw.items())
    data["bekend"] = blok
    data.yaml_set_comment_before_after_key("bekend", before=_BEKEND_UITLEG)
    return True


def _rol_voor_vorm(kader: Kader, crit: Criterium, vorm: str) -> Rol:
    """The role a schema-1 vorm becomes: the criterion's own role closest to what the vorm meant."""
    gebruik = kader.gebruik(crit)
    if crit.doelgroep is Doelgroep.GEMEENTE:
        return Rol.INSPIRATIE
    if vorm == "eis":
        return next((r for r in gebruik.rollen if r.is_eis), gebruik.standaardrol)
    if vorm == "vraag":
        return Rol.GUNNINGSCRITERIUM if gebruik.kan(Rol.GUNNINGSCRITERIUM) else gebruik.standaardrol
    if kader.inzet is Inzet.INSPIRATIE or not gebruik.standaard:
        return Rol.INSPIRATIE
    return gebruik.standaardrol



def _migrate(corpus: Corpus, data: Any) -> bool:
    """Convert a schema-1 profile (vorm: eis/vraag/verwijzing) to roles, in place; True when it did."""
    versie = data.get("schema_version", 1)
    if not (isinstance(versie, int) and versie < SCHEMA_VERSION) and not _heeft_oude_vorm(data):
        return False
    bekend = {k.nummer: k for k in corpus.kaders}
    if "schema_version" in data:
        data["schema_version"] = SCHEMA_VERSION
    if "procedure" not in data:
        keys = list(data.keys())
        positie = keys.index("segment") + 1 if "segment" in keys else len(keys)
        data.insert(positie, "procedure", "aanbesteding")
    personeel = data.get("personeel")
    if _is_map(personeel) and OUDE_VORM in personeel:
        oud = str(personeel[OUDE_VORM] or "").strip().lower()
        nieuw = {"eis": "uitvoeringsvoorwaarde", "vraag": "gunningscriterium"}.get(oud)
        _vervang_sleutel(personeel, OUDE_VORM, [("rol", nieuw)] if nieuw else [])
    for entry in data.get("kaders") or []:
        kader = bekend.get(_nummer_van(entry) or -1)
        if kader is None or not _is_map(entry):
            continue
        kadervorm = str(entry.get(OUDE_VORM) or "").strip().lower()
        if OUDE_VORM in entry:
            verwijzing = kadervorm == "verwijzing" and kader.verwijzingsadvies.value != "nee"
            _vervang_sleutel(entry, OUDE_VORM, [("verwijzing", "ja" if verwijzing else "nee"),
                                                ("inzet", kader.inzet.value)])
        criteria = entry.get("criteria")
        if not _is_map(criteria):
            continue
        for key, value in criteria.items():
            crit = corpus.criterium(str(key))
            if crit is None or crit.kader != kader.nummer or not _is_map(value) or OUDE_VORM not in value:
                continue
            vorm = str(value[OUDE_VORM] or "kader").strip().lower()
            if vorm == "kader":
                vorm = kadervorm or "verwijzing"
            _vervang_sleutel(value, OUDE_VORM, [("rol", _rol_voor_vorm(kader, crit, vorm).value)])
    return True


def _nummer_van(entry: Any) -> int | None:
    if not _is_map(entry):
        return None
    value = entry.get("nummer")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


