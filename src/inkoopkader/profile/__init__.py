"""Selection profiles: an inkoper's choice of kaders and criteria, kept in an editable YAML file.

`inkoopkader init --segment wmo-1a` writes a profile (`write_profile`); the inkoper edits it by hand;
`inkoopkader compose --profiel wmo-1a.yaml` turns it into a document (`load_profile` +
`Profiel.select_kwargs()`). After a corpus update, running `init` again on the same file
(`update_profile`) adds what is new and keeps every choice and comment the inkoper made.

The format (the file explains itself in its opening comment)::

    schema_version: 2
    corpus_versie: 8e84e94d53b2        # the corpus the profile was made or last updated with
    segment: wmo-1a
    procedure: aanbesteding             # aanbesteding | open-house | subsidie
    gemeente: "Gemeente Enschede"       # title page metadata for compose
    titel: "Kwaliteitscriteria Wmo 1a – Multi-probleem"
    kenmerk: ""
    versie: "1.0"
    bijlagen: nee                       # annexes: criteria ter inspiratie, gemeente, kaders
    wettelijk: ja                       # optional: the chapter 'Wettelijke verplichtingen' (default ja)
    gunning:                            # only for an aanbesteding
      prijs: 0                          # % price; 0 = fixed tariffs, award on quality alone
      ondergrens: 6                     # a question scored lower excludes the bid; 'geen' for none
      vragen: []                        # empty: one question per thema, equal wegingen
      # schaal: [{score: 10, label: Zeer goed, omschrijving: …}, …]   optional; absent = the default scale
    kaders:
      - nummer: 6  # Model basisset kwaliteitseisen … (2014) — algemeen: geldt voor heel Wmo
        opnemen: ja                     # ja / nee: the whole kader
        verwijzing: nee                 # declared applicable as a whole (where the tender layer allows)
        inzet: lichaam                  # lichaam | inspiratie: where its criteria go by default
        criteria:
          wbs-01:  # Het professioneel handelen is gericht op … [kan: gunningscriterium]
            opnemen: ja                 # ja / nee
            rol: gunningscriterium      # a role the criterion can serve, or inspiratie

Rules, chosen so that the document is exactly what the file says:

- A kader with `opnemen: nee` is left out entirely, whatever its criteria say.
- A kader without a `criteria` key contributes all its criteria. With a `criteria` key, only the
  criteria listed there with `opnemen: ja` are used: a criterion the inkoper deleted from the file,
  or one that appeared in the corpus after the profile was written, is left out (and reported in
  `Profiel.ontbrekende_criteria`) until `update_profile` adds it. Likewise a kader of the segment
  that is not in the file is left out (`Profiel.ontbrekende_kaders`).
- A criterion may be written in short form, `wbs-01: nee`.
- Criteria addressed to the gemeente (doelgroep gemeente) are listed with the marker
  "GEMEENTE (bijlage B)" in their comment: compose puts them in an annex, never in the requirements.

Disappeared criteria and kaders: `update_profile` keeps them where they are, with the user's choices
and comments, and marks them with a key `vervallen: "niet meer in corpus …"`. Marked entries are
ignored by `load_profile` (listed in `Profiel.vervallen`); the inkoper removes them when done. Every
change is also returned in a `ProfielUpdate`.

New criteria: the profile ends with `bekend:`, the kaders and criterion IDs the corpus had when the
profile was written or last updated (per kader number, compactly: `1: "bwmo-01..45"`). `update_profile`
compares that with the corpus (`diff.vergelijk_ids`, the comparison `inkoopkader diff` uses): only a
criterion or kader that was not there then is added as NIEUW, so a block the inkoper deleted stays
deleted. A profile without `bekend` (written before it existed) cannot tell new from deleted: it gets
every missing kader and criterion once, with `opnemen: nee` and the comment "NIEUW of eerder door u
verwijderd: zet opnemen op ja om op te nemen" — unless its `corpus_versie` is the corpus's own, in
which case nothing can be new. Added entries get the role a fresh `init` writes (`select` on the
profile's segment, procedure and inzet), never the raw `standaardrol`.

Changed tender layer: `update_profile` refreshes the `[kan: …]` comments, and a role the criterion can
no longer serve becomes the role a fresh `init` writes, with "# was <rol>: …" on that line
(`ProfielUpdate.rollen_vervangen`).

The package has one module per task: `model` (the dataclasses and the error), `writer` (a new
profile, `profiel_yaml` / `write_profile`), `reader` (parsing and validation, `load_profile`),
`updater` (`update_profile`, what `inkoopkader init` does to an existing file) and `commentaar`
(keeping ruamel.yaml's comments in place while the tree is edited).
"""

from __future__ import annotations

from .model import (
    SCHEMA_VERSION,
    GeenProfiel,
    PersoneelKeuze,
    Profiel,
    ProfielCriterium,
    ProfielFout,
    ProfielKader,
    ProfielUpdate,
    weiger_profielkeuzes,
)
from .reader import check_profielbestand, load_profile
from .updater import update_profile
from .writer import profiel_yaml, write_profile

__all__ = [
    "SCHEMA_VERSION",
    "GeenProfiel",
    "PersoneelKeuze",
    "Profiel",
    "ProfielCriterium",
    "ProfielFout",
    "ProfielKader",
    "ProfielUpdate",
    "check_profielbestand",
    "load_profile",
    "profiel_yaml",
    "update_profile",
    "weiger_profielkeuzes",
    "write_profile",
]
