"""Finding, loading, validating and caching the corpus.

Layout of a corpus directory (the bundled one is `data/` in the repository, shipped inside the
package as `inkoopkader/data`):

    frameworks/*.yaml     one file per kader
    segments/*.yaml       one file per domain (jeugdhulp, wmo, sociaal-werk)
    actualiteit.yaml      facts that changed since the source was written
    bronnen/bronnen.yaml  the source documents (optional in a local corpus)

A directory without `segments/`, `actualiteit.yaml` or `bronnen/` takes those from the bundled
corpus, so a gemeente can keep only its own kaders in a directory of its own.

Validation (ruamel.yaml + pydantic) costs about a second; the validated corpus is therefore cached
(as JSON that cannot run code, see cache.py) keyed by a hash of the data files' contents and the
package version. A warm load only reads the files to hash them and decodes the result.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from . import cache as schijfcache
from .errors import Bevinding, CorpusFout, InkoopkaderError, als_type, bestandsnaam
from .model import Brondocument, Corpus, Kader, Thema

if TYPE_CHECKING:
    from .personeel import Beroepsprofiel, Personeelseis

ENV_CORPUS = "INKOOPKADER_CORPUS"
CACHE_FORMAT = 1

_MEMO: dict[str, Corpus] = {}


def bundled_data_dir() -> Path:
    """The corpus that ships with the package.

    A wheel carries it as `inkoopkader/data` (hatch force-include). An editable install or a source
    checkout has no such directory inside the package; there the repository's top-level `data/` is
    used, so the data is never duplicated or moved.
    """
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "frameworks").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data"
    if (checkout / "frameworks").is_dir():
        return checkout
    raise InkoopkaderError(
        "Het meegeleverde corpus is niet gevonden (verwacht in "
        f"{packaged} of {checkout}). Installeer het pakket opnieuw."
    )


def resolve_corpus_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The corpus directory to use: an explicit path, else $INKOOPKADER_CORPUS, else the bundled one."""
    if path is None:
        path = os.environ.get(ENV_CORPUS) or None
    if path is None:
        return bundled_data_dir()
    directory = Path(path).expanduser()
    if not directory.is_dir():
        raise InkoopkaderError(f"Corpusmap '{directory}' bestaat niet of is geen map.")
    if not (directory / "frameworks").is_dir():
        raise InkoopkaderError(
            f"Corpusmap '{directory}' bevat geen submap 'frameworks/' met kaderbestanden (*.yaml)."
        )
    return directory


def _data_files(directory: Path) -> dict[str, Path]:
    """Every data file that makes up the corpus, keyed by its role-relative name."""
    fallback = bundled_data_dir()
    files: dict[str, Path] = {}
    for sub in ("frameworks", "segments", "profiles", "inkoop"):
        base = directory / sub if (directory / sub).is_dir() else fallback / sub
        for path in sorted(base.glob("*.yaml")):
            if path.is_file():  # a directory named like a data file is not one
                files[f"{sub}/{path.name}"] = path
    for name in ("actualiteit.yaml", "bronnen/bronnen.yaml", "personeel.yaml", "wettelijk.yaml", "zoeken.yaml"):
        path = directory / name
        files[name] = path if path.is_file() else fallback / name
    if (directory / "corpus.yaml").is_file():  # the release number belongs to this directory's data only
        files["corpus.yaml"] = directory / "corpus.yaml"
    # The saved law texts (bronnen/wetten/) are not hashed: the corpus holds none of their text, and
    # wettelijk.yaml pins each by sha256, so an edited copy fails `validate` and the tests.
    return files


def _content_hash(files: dict[str, Path]) -> str:
    digest = hashlib.sha256(f"{__version__}:{CACHE_FORMAT}".encode())
    for name, path in files.items():
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_corpus(path: str | os.PathLike[str] | None = None, *, cache: bool = True) -> Corpus:
    """Load and validate a corpus.

    Args:
        path: a corpus directory; default `$INKOOPKADER_CORPUS`, else the bundled corpus.
        cache: use the validated-corpus cache (on by default; it is keyed by content hash, so an
            edited file is always revalidated).

    Raises:
        CorpusFout: when a data file is invalid; every finding names its file and line.
        InkoopkaderError: when the directory does not exist or has no `frameworks/`.
    """
    als_type(path, "path", (str, os.PathLike), "een pad naar een corpusmap", geen=True)
    directory = resolve_corpus_dir(path)
    files = _data_files(directory)
    key = _content_hash(files)
    # The content decides the key, but a corpus also knows its own directory (`pad`: the check rules
    # and other files next to the data are read from there): two directories with the same data
    # share the validated content, each with its own `pad`.
    memo_key = f"{key}\0{directory}"
    if cache:
        if memo_key in _MEMO:
            return _MEMO[memo_key]
        cached = schijfcache.read("corpus", key)
        # One kader per framework file: an entry with its kaders emptied (by other code sharing the
        # cache) would make compose write a document without requirements.
        kaderbestanden = sum(1 for naam in files if naam.startswith("frameworks/"))
        if isinstance(cached, Corpus) and len(cached.kaders) == kaderbestanden and cached.segmenten:
            if cached.pad != str(directory):
                from dataclasses import replace

                cached = replace(cached, pad=str(directory))
            _MEMO[memo_key] = cached
            return cached
    corpus = build_corpus(directory, files, versie=key[:12])
    if cache:
        schijfcache.write("corpus", key, corpus)
        _MEMO[memo_key] = corpus
    return corpus


# --- validation (cold path) -------------------------------------------------------------------


def _parse_yaml(path: Path) -> tuple[Any, list[Bevinding]]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Bevinding(bestandsnaam(path), f"bestand is geen geldige UTF-8-tekst ({exc.reason})")]
    except OSError as exc:
        return None, [Bevinding(bestandsnaam(path), f"bestand kan niet worden gelezen: {exc.strerror}")]
    try:
        return YAML(typ="rt").load(text), []
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        regel = mark.line + 1 if mark else None
        probleem = exc.problem or exc.context or "onleesbare YAML"
        return None, [Bevinding(bestandsnaam(path), f"ongeldige YAML: {probleem}", regel)]
    except YAMLError as exc:
        return None, [Bevinding(bestandsnaam(path), f"ongeldige YAML: {exc}")]


def _line_of(data: Any, loc: Iterable[Any]) -> int | None:
    """Line (1-based) of the value at a pydantic error location in a ruamel round-trip tree."""
    node, line = data, None
    for part in loc:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(part, int) and isinstance(node, list):
                if lc is not None:
                    line = lc.item(part)[0] + 1
                node = node[part]
            elif isinstance(node, dict) and part in node:
                if lc is not None:
                    line = lc.value(part)[0] + 1
                node = node[part]
            else:
                if lc is not None and line is None:
                    line = lc.line + 1
                break
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    if line is None and getattr(data, "lc", None) is not None:
        line = data.lc.line + 1
    return line


def _known_fields(schema: Any, loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed at the parent of `loc`, for did-you-mean on unknown fields."""
    from pydantic import BaseModel

    current: Any = schema
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _model_in(field.annotation)
    if current is None or not (isinstance(current, type) and issubclass(current, BaseModel)):
        return []
    return list(current.model_fields)


def _model_in(annotation: Any) -> Any:
    from typing import get_args

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _dutch_message(error: dict[str, Any], schema: Any) -> str:
    from .errors import dichtstbijzijnde

    kind = error["type"]
    loc = tuple(error["loc"])
    veld = ".".join(str(p) for p in loc if not str(p).startswith(("function-", "str", "ItemSchema")))
    waarde = error.get("input")
    if kind == "missing":
        return f"verplicht veld '{loc[-1]}' ontbreekt" + (f" (in {veld.rsplit('.', 1)[0]})" if len(loc) > 1 else "")
    if kind == "extra_forbidden":
        naam = str(loc[-1])
        suggestie = dichtstbijzijnde(naam, _known_fields(schema, loc))
        hint = f"; bedoelt u '{suggestie}'?" if suggestie else ""
        return f"onbekend veld '{naam}'{hint}"
    if kind == "enum":
        toegestaan = error.get("ctx", {}).get("expected", "")
        opties = re.findall(r"'([^']+)'", toegestaan)
        suggestie = dichtstbijzijnde(str(waarde), opties)
        hint = f" Bedoelt u '{suggestie}'?" if suggestie else ""
        return f"{veld}: ongeldige waarde '{waarde}'; toegestaan: {', '.join(opties)}.{hint}"
    if kind in ("string_too_short", "too_short"):
        return f"{veld}: mag niet leeg zijn"
    if kind == "string_pattern_mismatch":
        return f"{veld}: '{waarde}' heeft niet de juiste vorm ({error.get('ctx', {}).get('pattern')})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{veld}: moet een geheel getal zijn, niet '{waarde}'"
    if kind in ("string_type",):
        return f"{veld}: moet tekst zijn, niet {type(waarde).__name__}"
    if kind in ("list_type", "tuple_type"):
        return f"{veld}: moet een lijst zijn"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"{veld}: moet een mapping (sleutel: waarde) zijn"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"{veld}: moet een datum zijn (JJJJ-MM-DD), niet '{waarde}'"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{veld}: waarde '{waarde}' valt buiten het toegestane bereik"
    if kind == "value_error":
        return f"{veld}: {error.get('ctx', {}).get('error', error['msg'])}"
    return f"{veld}: {error['msg']}"


def _validate(path: Path, schema: Any) -> tuple[Any, list[Bevinding]]:
    """Parse and validate one YAML file; findings carry file and line."""
    parsed, findings, _ = _validate_with_data(path, schema)
    return parsed, findings


def _validate_with_data(path: Path, schema: Any) -> tuple[Any, list[Bevinding], Any]:
    """As `_validate`, also returning the parsed YAML tree (for generic checks on free-form blocks)."""
    from pydantic import ValidationError

    data, problems = _parse_yaml(path)
    if problems:
        return None, problems, None
    if data is None:
        return None, [Bevinding(bestandsnaam(path), "bestand is leeg")], None
    try:
        return schema.model_validate(data), [], data
    except ValidationError as exc:
        seen: set[tuple[str, int | None]] = set()
        findings = []
        for error in exc.errors():
            # Unions (item: string or mapping) report one error per branch; keep the first per spot.
            loc = tuple(p for p in error["loc"] if p not in ("str", "ItemSchema"))
            loc = tuple(p for p in loc if not str(p).startswith("function-"))
            line = _line_of(data, loc)
            message = _dutch_message({**error, "loc": loc}, schema)
            if (str(loc), line) in seen:
                continue
            seen.add((str(loc), line))
            findings.append(Bevinding(bestandsnaam(path), message, line))
        return None, findings, data


MARKUP_LEFTOVERS = [
    (r"\]\(|\[[^\]]*\]\(", "een markdown-link"),
    (r"<https?://|</?[a-z]+>", "HTML of <URL>"),
    (r"\d+\s*\|\s*Kwaliteitskaders en -standaarden", "paginavoet van de bron"),
    (r"\t", "een tab"),
]


def markup_problem(text: str) -> str | None:
    """What is wrong with the inline markup of a criterion text, or None when it is clean."""
    for pattern, what in MARKUP_LEFTOVERS:  # re caches compiled patterns; nothing compiled at import
        if re.search(pattern, text):
            return f"bevat {what}"
    stripped = re.sub(r"\*\*[^*]+?\*\*", "", text)
    stripped = re.sub(r"(?<![*\w])\*[^*\s][^*]*?\*(?![*\w])", "", stripped)
    if "*" in stripped:
        return "bevat een losse of ongepaarde '*'"
    return None


def _kader_integrity(kader: Kader) -> list[Bevinding]:
    where = kader.bestand
    findings: list[Bevinding] = []
    ids = [c.id for c in kader.criteria]
    for crit in kader.criteria:
        if not crit.id.startswith(f"{kader.prefix}-"):
            findings.append(Bevinding(where, f"criterium {crit.id}: ID begint niet met '{kader.prefix}-'"))
        for thema in crit.thema:
            if thema in kader.zonder_criteria:
                findings.append(
                    Bevinding(where, f"criterium {crit.id}: thema {thema.value} staat in zonder_criteria")
                )
        for text in crit.alle_teksten():
            problem = markup_problem(text)
            if problem:
                findings.append(Bevinding(where, f"criterium {crit.id}: tekst {problem}: {text[:60]!r}"))
    findings += _structuur_integrity(kader)
    for act in kader.actualiteit:
        for cid in act.criteria:
            if cid not in ids:
                findings.append(Bevinding(where, f"actualiteit {act.onderwerp}: onbekend criterium '{cid}'"))
    for corr in kader.correcties:
        if corr.criterium is not None and corr.criterium not in ids:
            findings.append(Bevinding(where, f"correctie: onbekend criterium '{corr.criterium}'"))
    for thema in Thema:
        if not kader.criteria_voor(thema) and thema not in kader.zonder_criteria:
            findings.append(
                Bevinding(where, f"thema {thema.value} heeft geen criteria maar staat niet in zonder_criteria")
            )
    return findings


def _vergelijkbaar(crit: Any) -> tuple[str, ...]:
    """A criterion's wording for the duplicate check: no markup, case or closing punctuation."""
    from .text import strip_markup

    def schoon(tekst: str) -> str:
        return " ".join(strip_markup(tekst).lower().split()).rstrip(" .;:")

    return (schoon(crit.tekst), *(schoon(i.tekst) for item in crit.items for i in item.walk()))


def _structuur_integrity(kader: Kader) -> list[Bevinding]:
    """Titles, group names and notes, duplicates: the structure rules of data/SCHEMA.md."""
    where = kader.bestand
    findings: list[Bevinding] = []
    by_id = {c.id: c for c in kader.criteria}
    volgorde = [c.id for c in kader.criteria]
    paden = {c.groep[:n] for c in kader.criteria for n in range(1, len(c.groep) + 1)}
    for crit in kader.criteria:
        def fout(melding: str, cid: str = crit.id) -> None:
            findings.append(Bevinding(where, f"criterium {cid}: {melding}"))

        for naam in crit.groep:
            if "*" in naam:
                fout(f"groepsnaam met opmaak: {naam!r} (een kop krijgt geen nadruk)")
        if crit.titel is not None:
            problem = markup_problem(crit.titel)
            if problem:
                fout(f"titel {problem}")
            if crit.tekst.lstrip("*").startswith(crit.titel):
                fout(f"de tekst begint nog met de titel '{crit.titel}'")
        if crit.duplicaat_van is not None:
            origineel = by_id.get(crit.duplicaat_van)
            if origineel is None:
                fout(f"duplicaat_van '{crit.duplicaat_van}' is geen criterium van dit kader")
            elif volgorde.index(origineel.id) >= volgorde.index(crit.id):
                fout(f"duplicaat_van moet naar een eerder criterium wijzen, niet naar {origineel.id}")
            elif origineel.duplicaat_van is not None:
                fout(f"{origineel.id} is zelf een duplicaat; wijs naar {origineel.duplicaat_van}")
            elif _vergelijkbaar(origineel) != _vergelijkbaar(crit):
                fout(f"duplicaat_van {origineel.id}, maar de teksten verschillen")
    for entry in kader.groep_toelichtingen:
        if entry.groep not in paden and entry.regel is None:
            # A heading without criteria of its own (only text) is shown where it is in the source.
            findings.append(Bevinding(where, f"groep_toelichtingen: geen criterium staat onder {' › '.join(entry.groep)!r}; "
                                      "geef de toelichting een 'regel', zodat ze op haar plaats getoond kan worden"))
    return findings


def corpus_waarschuwingen(corpus: Corpus, vandaag: Any = None) -> list[Bevinding]:
    """What a maintainer should look at but that does not make the corpus invalid.

    A kader whose edition nobody checked in the last twelve months (`gecontroleerd_op`), and a kader
    with a known newer edition (`opvolger`).
    """
    import datetime as dt

    vandaag = vandaag or dt.date.today()
    result = []
    for kader in corpus.kaders:
        if kader.controle_verouderd(vandaag):
            wanneer = f"op {kader.gecontroleerd_op:%d-%m-%Y}" if kader.gecontroleerd_op else "nooit"
            result.append(Bevinding(kader.bestand, f"kader {kader.nummer} ({kader.jaar}) is {wanneer} gecontroleerd op een "
                                    "nieuwere editie, langer dan 12 maanden geleden; controleer het en werk "
                                    "gecontroleerd_op (en zo nodig opvolger) bij"))
        if kader.opvolger is not None:
            jaar = f" ({kader.opvolger.jaar})" if kader.opvolger.jaar else ""
            result.append(Bevinding(kader.bestand, f"kader {kader.nummer} heeft een nieuwere editie: "
                                    f"'{kader.opvolger.titel}'{jaar}; het corpus bevat die van {kader.jaar}"))
    return result


def validate_corpus(path: str | os.PathLike[str] | None = None) -> list[Bevinding]:
    """Validate a corpus directory completely; returns every finding (empty when valid)."""
    directory = resolve_corpus_dir(path)
    try:
        build_corpus(directory, _data_files(directory), versie="validatie")
    except CorpusFout as exc:
        return exc.bevindingen
    return []


def load_corpus_schema(path: str | os.PathLike[str]) -> tuple[Corpus, tuple[Bevinding, ...]]:
    """Load a corpus with the schema checks only (structure and types), for `inkoopkader diff`.

    An earlier release may break a content rule added since (a group name with markup, a duplicate
    that is no longer allowed …); it can still be compared. Such findings are returned, not raised.
    A corpus that is fully valid is loaded as `load_corpus` does (with the cache) and has none.

    Raises:
        CorpusFout: when a data file does not parse or does not fit the schema.
        InkoopkaderError: when the directory does not exist or has no `frameworks/`.
    """
    try:
        return load_corpus(path), ()
    except CorpusFout:
        pass
    directory = resolve_corpus_dir(path)
    files = _data_files(directory)
    inhoud: list[Bevinding] = []
    corpus = build_corpus(directory, files, versie=_content_hash(files)[:12], inhoud=inhoud)
    return corpus, tuple(inhoud)


def build_corpus(directory: Path, files: dict[str, Path], versie: str, *,
                 inhoud: list[Bevinding] | None = None) -> Corpus:
    """Validate every data file and cross-check them; raise CorpusFout with all findings.

    With `inhoud` (a list), only schema findings (YAML, structure, types) are raised; findings of the
    content rules (integrity and cross-checks) are appended to it instead.
    """
    from .schema import (
        ActualiteitBestandSchema,
        BeroepsprofielSchema,
        BronnenBestandSchema,
        CorpusBestandSchema,
        InkoopBestandSchema,
        KaderSchema,
        PersoneelBestandSchema,
        SegmentBestandSchema,
        WettelijkBestandSchema,
        ZoekenBestandSchema,
    )

    findings: list[Bevinding] = []
    kaders: list[Kader] = []
    segmenten = []
    profielen = []
    inkoop: dict[str, tuple[Any, Any, Path]] = {}  # file name -> (parsed, raw, path)
    for name, path in files.items():
        if name.startswith("frameworks/"):
            parsed, problems = _validate(path, KaderSchema)
            findings += problems
            if parsed is not None:
                kaders.append(parsed.to_model(bestandsnaam(path)))
        elif name.startswith("segments/"):
            parsed, problems = _validate(path, SegmentBestandSchema)
            findings += problems
            if parsed is not None:
                segmenten += [s.to_model(parsed.domein) for s in parsed.segmenten]
        elif name.startswith("inkoop/"):
            parsed, problems, raw = _validate_with_data(path, InkoopBestandSchema)
            findings += problems
            if parsed is not None:
                inkoop[path.name] = (parsed, raw, path)
        elif name.startswith("profiles/"):
            parsed, problems, raw = _validate_with_data(path, BeroepsprofielSchema)
            findings += problems
            if parsed is not None:
                profielen.append(parsed.to_model(raw, bestandsnaam(path)))
    actualiteit_file, bronnen_file = files["actualiteit.yaml"], files["bronnen/bronnen.yaml"]
    parsed_act, problems = _validate(actualiteit_file, ActualiteitBestandSchema)
    findings += problems
    parsed_bron, problems = _validate(bronnen_file, BronnenBestandSchema)
    findings += problems
    parsed_pers, problems = _validate(files["personeel.yaml"], PersoneelBestandSchema)
    findings += problems
    personeelseisen = tuple(e.to_model() for e in parsed_pers.eisen) if parsed_pers else ()
    parsed_wet, problems, raw_wet = _validate_with_data(files["wettelijk.yaml"], WettelijkBestandSchema)
    findings += problems
    parsed_zoeken, problems = _validate(files["zoeken.yaml"], ZoekenBestandSchema)
    findings += problems
    uitgave = None
    if "corpus.yaml" in files:
        parsed_uitgave, problems = _validate(files["corpus.yaml"], CorpusBestandSchema)
        findings += problems
        uitgave = parsed_uitgave.to_model() if parsed_uitgave else None
    if not kaders and not findings:
        findings.append(Bevinding(bestandsnaam(directory / "frameworks"), "geen kaderbestanden (*.yaml) gevonden"))
    schema_findings = len(findings)
    kaders, inkoop_findings = _met_inkoop(kaders, inkoop, own=(directory / "inkoop").is_dir())
    findings += inkoop_findings

    onderwerpen = tuple(o.to_model() for o in parsed_act.onderwerpen) if parsed_act else ()
    documenten = ()
    if parsed_bron:
        from .model import Brondocument

        documenten = tuple(Brondocument(**d.model_dump()) for d in parsed_bron.documenten)
    # A file that did not validate is reported already; references into it are not checked then.
    findings += _corpus_integrity(
        kaders, segmenten, onderwerpen if parsed_act else None, documenten if parsed_bron else None
    )
    wetten, wettelijk = (), ()
    if parsed_wet is not None:
        wetten, wettelijk, problems = _wettelijk(parsed_wet, raw_wet, files["wettelijk.yaml"], kaders, personeelseisen,
                                                 own=files["wettelijk.yaml"].parent == directory, segmenten=segmenten)
        findings += problems
    findings += _personeel_integrity(kaders, profielen, personeelseisen, documenten, files["personeel.yaml"],
                                     {w.id for w in wetten}, own=files["personeel.yaml"].parent == directory)
    if inhoud is not None and not findings[:schema_findings]:
        inhoud += findings[schema_findings:]
        findings = []
    if findings:
        raise CorpusFout(findings)
    kaders.sort(key=lambda k: k.nummer)
    return Corpus(
        kaders=tuple(kaders),
        segmenten=tuple(segmenten),
        actualiteit=onderwerpen,
        brondocumenten=documenten,
        versie=versie,
        pad=str(directory),
        beroepsprofielen=tuple(sorted(profielen, key=lambda p: p.sleutel)),
        personeelseisen=personeelseisen,
        wetten=wetten,
        wettelijk=wettelijk,
        afkortingen=parsed_zoeken.to_model() if parsed_zoeken else (),
        uitgave=uitgave,
    )


def _met_inkoop(kaders: list[Kader], inkoop: dict[str, tuple[Any, Any, Path]], own: bool
                ) -> tuple[list[Kader], list[Bevinding]]:
    """Attach each kader's tender layer (data/inkoop/<same file name>) and check it entry by entry.

    A tender file from the bundled corpus that matches no kader of a local corpus is ignored (the
    local corpus has its own kaders); in a corpus's own `inkoop/` directory it is an error.
    """
    from dataclasses import replace

    findings: list[Bevinding] = []
    by_file = {Path(k.bestand).name: k for k in kaders}
    result = []
    for kader in kaders:
        entry = inkoop.get(Path(kader.bestand).name)
        if entry is None:
            result.append(kader)
            continue
        parsed, raw, path = entry
        where = bestandsnaam(path)
        if parsed.kader != kader.nummer:
            findings.append(Bevinding(where, f"kader: {parsed.kader}, maar {kader.bestand} is kader {kader.nummer}",
                                      _line_of(raw, ("kader",))))
            result.append(kader)
            continue
        laag = parsed.to_model(where)
        findings += _inkoop_integrity(kader, laag, raw, where)
        result.append(replace(kader, inkoop=laag))
    if own:
        for name, (_, _, path) in inkoop.items():
            if name not in by_file:
                findings.append(Bevinding(bestandsnaam(path), f"geen kaderbestand frameworks/{name} bij deze aanbestedingslaag"))
    return result, findings


_CERTIFICAAT = re.compile(r"certifica|keurmerk|\blabel|kwaliteitslabel", re.IGNORECASE)


def _inkoop_integrity(kader: Kader, laag: Any, raw: Any, where: str) -> list[Bevinding]:
    """The rules of data/inkoop/README.md that a schema cannot express."""
    from .model import Doelgroep, Rol
    from .text import strip_markup

    findings: list[Bevinding] = []
    crits = {c.id: c for c in kader.criteria}

    def regel(cid: str, *veld: str) -> int | None:
        return _line_of(raw, ("criteria", cid, *veld))

    for entry in laag.criteria:
        cid = entry.criterium
        crit = crits.get(cid)
        if crit is None:
            findings.append(Bevinding(where, f"{cid}: geen criterium van kader {kader.nummer}", regel(cid)))
            continue
        eisrollen = [r for r in entry.rollen if r.is_eis]
        if eisrollen and not entry.bewijs:
            findings.append(Bevinding(where, f"{cid}: rol {eisrollen[0].value} zonder bewijs", regel(cid)))
        if crit.doelgroep is Doelgroep.GEMEENTE and entry.rollen != (Rol.INSPIRATIE,):
            findings.append(Bevinding(where, f"{cid}: richt zich tot de gemeente, dus alleen [inspiratie]", regel(cid)))
        woorden = strip_markup(crit.tekst).strip(" .;:").split()
        if len(woorden) == 1 and entry.rollen != (Rol.INSPIRATIE,) and not entry.formulering:
            findings.append(Bevinding(where, f"{cid}: één woord ('{woorden[0]}') kan geen eis of gunningspunt zijn",
                                      regel(cid)))
        for veld in ("bewijs", "formulering"):
            waarde = getattr(entry, veld) or ""
            if _CERTIFICAAT.search(waarde) and "gelijkwaardig" not in waarde.lower():
                findings.append(Bevinding(where, f"{cid}: {veld} noemt een certificaat of label zonder 'of gelijkwaardig'",
                                          regel(cid, veld)))
    if laag.geschiktheidseis is not None:
        for veld in ("tekst", "bewijs"):
            waarde = getattr(laag.geschiktheidseis, veld)
            if _CERTIFICAAT.search(waarde) and "gelijkwaardig" not in waarde.lower():
                findings.append(Bevinding(where, f"geschiktheidseis: {veld} zonder 'of gelijkwaardig'",
                                          _line_of(raw, ("geschiktheidseis", veld))))
    missing = [cid for cid in crits if laag.gebruik(cid) is None]
    if missing:
        findings.append(Bevinding(where, f"{len(missing)} {'criterium' if len(missing) == 1 else 'criteria'} zonder aanbestedingslaag: {', '.join(missing[:10])}"
                                  + (" …" if len(missing) > 10 else "")))
    return findings


def _duplicates(values: Iterable[Any]) -> set[Any]:
    seen: set[Any] = set()
    return {v for v in values if v in seen or seen.add(v)}  # type: ignore[func-returns-value]


def _corpus_integrity(kaders, segmenten, onderwerpen, documenten) -> list[Bevinding]:  # type: ignore[no-untyped-def]
    from .errors import dichtstbijzijnde

    findings: list[Bevinding] = []
    for kader in kaders:
        findings += _kader_integrity(kader)
    for attr in ("nummer", "sleutel", "prefix"):
        for dup in _duplicates(getattr(k, attr) for k in kaders):
            files = ", ".join(k.bestand for k in kaders if getattr(k, attr) == dup)
            findings.append(Bevinding(files, f"{attr} '{dup}' komt in meer dan één kader voor"))
    all_ids = [c.id for k in kaders for c in k.criteria]
    for dup in _duplicates(all_ids):
        files = ", ".join(k.bestand for k in kaders if any(c.id == dup for c in k.criteria))
        findings.append(Bevinding(files, f"criterium-ID '{dup}' is niet uniek"))
    segment_ids = {s.id for s in segmenten}
    for dup in _duplicates(s.id for s in segmenten):
        findings.append(Bevinding("segments/", f"segment-ID '{dup}' komt meer dan eens voor"))
    onderwerp_ids = {o.id for o in onderwerpen or ()}
    document_ids = {d.id for d in documenten or ()}
    for kader in kaders:
        for dup in _duplicates(r.segment for r in kader.segmenten):
            relevanties = " en ".join(r.relevantie.value for r in kader.segmenten if r.segment == dup)
            findings.append(Bevinding(kader.bestand, f"segment '{dup}' staat meer dan eens onder segmenten "
                                                     f"({relevanties}); noem elk segment één keer"))
        for relatie in kader.segmenten:
            if relatie.segment not in segment_ids:
                hint = dichtstbijzijnde(relatie.segment, segment_ids)
                extra = f"; bedoelt u '{hint}'?" if hint else ""
                findings.append(Bevinding(kader.bestand, f"onbekend segment '{relatie.segment}'{extra}"))
        for act in kader.actualiteit:
            if onderwerpen is not None and act.onderwerp not in onderwerp_ids:
                hint = dichtstbijzijnde(act.onderwerp, onderwerp_ids)
                extra = f"; bedoelt u '{hint}'?" if hint else ""
                findings.append(
                    Bevinding(kader.bestand, f"actualiteit: onbekend onderwerp '{act.onderwerp}'{extra}")
                )
        if documenten is not None and kader.bron.document not in document_ids:
            findings.append(Bevinding(kader.bestand, f"bron.document '{kader.bron.document}' is onbekend"))
    return findings


def normaliseer_wettekst(tekst: str) -> str:
    """A law text or quote as it is compared: header lines (#) and reference definitions ([refN]: url)
    dropped, reference markup [text][refN] reduced to its text, every run of white space one space."""
    regels = [r for r in tekst.splitlines()
              if not r.lstrip().startswith("#") and not re.match(r"^\[ref\d+\]:", r.strip())]
    samen = re.sub(r"\[([^\]]*)\]\[ref\d+\]", r"\1", "\n".join(regels))
    return " ".join(samen.split())


def wetartikelen(tekst: str) -> dict[str, tuple[str, frozenset[int]]]:
    """A saved law text per article ('4.1.6', '5.1.1', '28'): its normalised text and the offsets where a
    section begins or ends. A copy has one '## ' header per article ('## Artikel 4.1.6 | …') or one per lid
    or onderdeel ('## 5.1.1.2 (artikel 5.1.1, tweede lid) | …'); sections of one article are joined."""
    secties: dict[str, list[list[str]]] = {}
    huidig: str | None = None
    for regel in tekst.splitlines():
        if regel.startswith("## "):
            kop = regel[3:].split("|")[0]
            gevonden = re.search(r"\(artikel ([0-9.]+[a-z]?)", kop) or re.match(r"Artikel ([0-9.]+[a-z]?)", kop)
            huidig = gevonden.group(1).rstrip(".") if gevonden else None
            if huidig is not None:
                secties.setdefault(huidig, []).append([])
        elif huidig is not None:
            secties[huidig][-1].append(regel)
    result = {}
    for artikel, delen in secties.items():
        teksten = [t for t in (normaliseer_wettekst("\n".join(d)) for d in delen) if t]
        grenzen, positie = set(), 0
        for t in teksten:
            grenzen |= {positie, positie + len(t)}
            positie += len(t) + 1
        result[artikel] = (" ".join(teksten), frozenset(grenzen))
    return result


def citaat_in_artikel(citaat: str, delen: Iterable[str], artikel: tuple[str, frozenset[int]] | None
                      ) -> tuple[str, str] | None:
    """None when every part of a quote occurs verbatim and in order in its article, and a quote that stops
    (or starts) inside a lid says so with '…'; else ('niet letterlijk' or 'ingekort', what is wrong)."""
    if artikel is None:
        return "niet letterlijk", "het artikel staat niet in de kopie"
    tekst, grenzen = artikel
    positie, begin = 0, None
    for deel in delen:
        gezocht = normaliseer_wettekst(deel)
        gevonden = tekst.find(gezocht, positie)
        if gevonden < 0:
            return "niet letterlijk", f"'{deel[:60]}…'"
        begin = gevonden if begin is None else begin
        positie = gevonden + len(gezocht)
    citaat = citaat.strip()
    rest, ervoor = tekst[positie:].lstrip(), tekst[:begin or 0].rstrip()
    if not (citaat.endswith("…") or positie in grenzen or re.match(r"(\d+\.? [A-Z]|[a-z]\. |\d+°)", rest)):
        return "ingekort", f"het stopt midden in een lid zonder '…' (daarna: '{rest[:40]}…')"
    if not (citaat.startswith("…") or begin in grenzen or re.search(r"(^|[.;:])\s*(\d+\.?|[a-z]\.)?$", ervoor)):
        return "ingekort", "het begint midden in een zin zonder '…'"
    return None


def _wettelijk(parsed: Any, raw: Any, path: Path, kaders: list[Kader], personeelseisen: Iterable[Any], own: bool = True,
               segmenten: Iterable[Any] = ()
               ) -> tuple[tuple[Any, ...], tuple[Any, ...], list[Bevinding]]:
    """The laws and statutory duties of data/wettelijk.yaml, checked against their saved law texts:
    each file present with its sha256, each quote verbatim, each covered criterion known (the bundled
    file in a local corpus may name criteria of kaders that corpus does not have)."""
    findings: list[Bevinding] = []
    where = bestandsnaam(path)
    bronnen = path.parent / "bronnen"
    wetten = {}
    teksten: dict[str, dict[str, tuple[str, frozenset[int]]]] = {}
    for index, schema in enumerate(parsed.wetten):
        wet = schema.to_model()
        regel = _line_of(raw, ("wetten", index, "bestand"))
        if wet.id in wetten:
            findings.append(Bevinding(where, f"wet '{wet.id}' staat twee keer in wetten", regel))
        wetten[wet.id] = wet
        bestand = bronnen / wet.bestand
        try:
            data = bestand.read_bytes()
        except OSError:
            findings.append(Bevinding(where, f"wet {wet.id}: bestand bronnen/{wet.bestand} ontbreekt", regel))
            continue
        if hashlib.sha256(data).hexdigest() != wet.sha256:
            findings.append(Bevinding(where, f"wet {wet.id}: sha256 van bronnen/{wet.bestand} klopt niet (bestand gewijzigd?)",
                                      _line_of(raw, ("wetten", index, "sha256"))))
        teksten[wet.id] = wetartikelen(data.decode("utf-8", errors="replace"))
    from .errors import dichtstbijzijnde

    bekend = {c.id for k in kaders for c in k.criteria} | {e.id for e in personeelseisen}
    verplichtingen = []
    gezien: set[str] = set()
    for index, schema in enumerate(parsed.verplichtingen):
        def regel(*veld: str) -> int | None:
            return _line_of(raw, ("verplichtingen", index, *veld))

        if schema.id in gezien:
            findings.append(Bevinding(where, f"verplichting '{schema.id}' komt meer dan eens voor", regel("id")))
        gezien.add(schema.id)
        if schema.wet not in wetten:
            hint = dichtstbijzijnde(schema.wet, list(wetten))
            findings.append(Bevinding(where, f"{schema.id}: onbekende wet '{schema.wet}'" + (f"; bedoelt u '{hint}'?" if hint else ""),
                                      regel("wet")))
            continue
        verplichting = schema.to_model(wetten)
        if verplichting.wet.id in teksten:
            fout = citaat_in_artikel(verplichting.citaat, verplichting.delen,
                                     teksten[verplichting.wet.id].get(verplichting.artikel))
            if fout is not None:
                soort, wat = fout
                bron = f"bronnen/{verplichting.wet.bestand} (artikel {verplichting.artikel})"
                findings.append(Bevinding(where, f"{schema.id}: citaat staat niet letterlijk in {bron}: {wat}"
                                          if soort == "niet letterlijk" else
                                          f"{schema.id}: citaat uit {bron} is ingekort: {wat}", regel("citaat")))
        for cid in verplichting.dekt:
            if cid not in bekend and own:
                hint = dichtstbijzijnde(cid, sorted(bekend))
                findings.append(Bevinding(where, f"{schema.id}: dekt onbekend criterium of personeelseis '{cid}'"
                                          + (f"; bedoelt u '{hint}'?" if hint else ""), regel("dekt")))
        domein_segmenten = {seg.id for seg in segmenten if seg.domein in verplichting.domeinen}
        for veld, ids in (("segmenten_niet", verplichting.segmenten_niet),
                          ("eis_per_segment", [k for k, _ in verplichting.eis_per_segment])):
            for sid in ids:
                if domein_segmenten and sid not in domein_segmenten:
                    hint = dichtstbijzijnde(sid, sorted(domein_segmenten))
                    findings.append(Bevinding(where, f"{schema.id}: {veld} noemt '{sid}', geen segment van "
                                              f"{' of '.join(verplichting.domeinen)}" + (f"; bedoelt u '{hint}'?" if hint else ""),
                                              regel(veld)))
        for veld in ("eis", "bewijs"):
            waarde = getattr(verplichting, veld)
            if _CERTIFICAAT.search(waarde) and "gelijkwaardig" not in waarde.lower():
                findings.append(Bevinding(where, f"{schema.id}: {veld} noemt een certificaat of label zonder 'of gelijkwaardig'",
                                          regel(veld)))
        verplichtingen.append(verplichting)
    for index, item in enumerate(parsed.niet_opgenomen):
        if item.wet not in wetten:
            findings.append(Bevinding(where, f"niet_opgenomen: onbekende wet '{item.wet}'",
                                      _line_of(raw, ("niet_opgenomen", index, "wet"))))
    return tuple(wetten.values()), tuple(verplichtingen), findings


def _personeel_integrity(kaders: Iterable[Kader], profielen: Iterable[Beroepsprofiel], eisen: Iterable[Personeelseis],
                         documenten: Iterable[Brondocument], personeel_file: Path, wetten: Iterable[str] = frozenset(),
                         own: bool = True) -> list[Bevinding]:
    """Profile item IDs unique and prefixed; staff requirements point at existing profiles/sources."""
    findings: list[Bevinding] = []
    criterion_ids = {c.id for k in kaders for c in k.criteria}
    seen: dict[str, str] = {}
    for profiel in profielen:
        for item in profiel.items:
            if not item.id.startswith(f"{profiel.prefix}-"):
                findings.append(Bevinding(profiel.pad, f"ID '{item.id}' begint niet met '{profiel.prefix}-'"))
            if item.id in seen or item.id in criterion_ids:
                findings.append(Bevinding(profiel.pad, f"ID '{item.id}' is niet uniek (ook in {seen.get(item.id, 'de kaders')})"))
            seen[item.id] = profiel.pad
    profiel_keys = {p.sleutel for p in profielen}
    bronnen = profiel_keys | {d.id for d in documenten} | set(wetten)
    where = bestandsnaam(personeel_file)
    for eis in eisen:
        for ref in (eis.niveaus_uit, eis.competenties_uit):
            if ref is not None and ref not in profiel_keys:
                findings.append(Bevinding(where, f"{eis.id}: onbekend beroepsprofiel '{ref}'"))
        for bron in eis.onderbouwing:
            if bron.bron not in bronnen:
                findings.append(Bevinding(where, f"{eis.id}: onbekende bron '{bron.bron}'"))
        for cid in eis.dekt:
            if cid not in criterion_ids and own:
                findings.append(Bevinding(where, f"{eis.id}: dekt onbekend criterium '{cid}'"))
    for dup in _duplicates(e.id for e in eisen):
        findings.append(Bevinding(where, f"personeelseis '{dup}' komt meer dan eens voor"))
    return findings
