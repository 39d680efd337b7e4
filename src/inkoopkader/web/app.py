"""The Starlette app: routes, forms and templates — a thin layer over the library.

Every page is a form that carries the selection (`Staat`) in a hidden field; a POST applies what the
inkoper changed on that page and renders the next one. The library selects (`select`), composes
(`compose`), renders (`render`) and checks (`check`); this module only reads forms and lays out pages.

Routes:
    GET  /                      segment and procedure, open a profile, link to the check
    GET  /criteria              the criteria of a segment (fresh selection from ?segment=&procedure=)
    POST /criteria              the criteria page after changes, filters or another page of results
    POST /criteria/telling      (htmx) the proportionality counts for the posted selection
    POST /gunning               award questions: grouping, weging, omvang, scale, price
    POST /gunning/totaal        (htmx) the live total of the wegingen
    POST /voorbeeld             title-page data, the HTML preview and the downloads
    POST /download/{formaat}    docx, md, xlsx (when available), json, csv (traceability), profiel
    POST /profiel               upload a profile and continue with it
    GET  /controle              upload a draft
    POST /controle              the check report
    POST /controle/download/{formaat}  the report as JSON or JUnit
"""

from __future__ import annotations

import base64
import re
import tempfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__, framing
from ..compose import GunningFout
from ..document import Document, Schaalniveau, default_filename, traceerbaarheid_filename
from ..errors import BevindingenFout, InkoopkaderError
from ..model import Corpus, Doelgroep, Herkomst, Procedure, Relevantie, Rol, Thema
from ..render.html import fragment, inline
from ..select import Keuze, Selectie, parse_procedure, parse_rol
from .poort import Beveiliging, MiB, Poort, TeGroot
from .staat import Staat, Vraagkeuze

HIER = Path(__file__).parent
PER_PAGINA = 50
MAX_TEKST = 300  # characters of a title, gemeente, kenmerk, question title
CHECK_FORMATEN = (".docx", ".odt", ".pdf", ".md", ".markdown", ".txt")
MAX_PROFIEL = 2 * MiB


class WebFout(Exception):
    """Bad input from a form: a Dutch message and the HTTP status to answer with."""

    def __init__(self, melding: str, status: int = 400, veld: str | None = None) -> None:
        self.melding = melding
        self.status = status
        self.veld = veld  # the form field the message belongs to, if one
        super().__init__(melding)


class GunningInvoerFout(WebFout):
    """Bad input on the gunning form: the form is shown again with the message and what the user typed."""

    def __init__(self, fout: WebFout, staat: Staat, invoer: dict[str, str]) -> None:
        super().__init__(fout.melding, fout.status, fout.veld)
        self.staat = staat  # the selection before the change that failed
        self.invoer = invoer


@dataclass(frozen=True)
class Instellingen:
    thema_css: Path | None = None
    thema_klasse: str | None = None


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HIER / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["markup"] = lambda tekst: _veilig(inline(tekst))
    env.filters["kort"] = _kort
    env.filters["procent"] = lambda waarde: f"{waarde:.0%}".replace("%", " %")
    return env


def _kort(tekst: str, lengte: int = 200) -> str:
    from ..text import strip_markup

    tekst = " ".join(strip_markup(tekst).split())
    return tekst if len(tekst) <= lengte else tekst[:lengte].rsplit(" ", 1)[0] + " …"


def _veilig(html: str) -> Any:
    from markupsafe import Markup

    return Markup(html)  # built by render.html.inline, which escapes every fragment


class App:
    """The routes, bound to one corpus and one set of defences."""

    def __init__(self, corpus: Corpus, beveiliging: Beveiliging, instellingen: Instellingen) -> None:
        self.corpus = corpus
        self.beveiliging = beveiliging
        self.instellingen = instellingen
        self.env = _env()
        self.thema_css = instellingen.thema_css.read_bytes() if instellingen.thema_css else None
        self.formaten = self._download_formaten()

    # --- pages --------------------------------------------------------------------------------------

    def pagina(self, request: Request, sjabloon: str, status: int = 200, **context: Any) -> HTMLResponse:
        csrf = request.scope.get("state", {}).get("csrf", "")
        html = self.env.get_template(sjabloon).render(
            csrf=csrf, actie=lambda pad: f"{pad}?csrf={csrf}", thema_css=self.thema_css is not None,
            thema_klasse=self.instellingen.thema_klasse or "", versie=__version__, corpus_versie=self.corpus.versienaam,
            procedures=list(Procedure), **context,
        )
        return HTMLResponse(html, status_code=status)

    async def start(self, request: Request) -> Response:
        segmenten = sorted(self.corpus.segmenten, key=lambda s: (s.domein != "Jeugdhulp", s.domein, s.code))
        return self.pagina(request, "start.html", titel="Kwaliteitscriteria kiezen", segmenten=segmenten,
                           uitleg=_PROCEDURE_UITLEG)

    async def criteria_get(self, request: Request) -> Response:
        segment = request.query_params.get("segment", "")
        if not segment:
            return RedirectResponse("/", status_code=303)
        procedure = request.query_params.get("procedure", "aanbesteding")
        staat = Staat(self._segment(segment), procedure=parse_procedure(procedure))
        return await run_in_threadpool(self._criteria_pagina, request, staat, {}, 1)

    async def criteria_post(self, request: Request) -> Response:
        form = await self._form(request)
        staat = await run_in_threadpool(self._staat, form)
        filters, pagina = _filters(form)
        return await run_in_threadpool(self._criteria_pagina, request, staat, filters, pagina)

    async def telling(self, request: Request) -> Response:
        form = await self._form(request)
        staat = await run_in_threadpool(self._staat, form)
        selectie = await run_in_threadpool(staat.selecteer, self.corpus)
        return self.pagina(request, "_telling.html", telling=_telling(selectie), procedure=staat.procedure)

    async def gunning(self, request: Request) -> Response:
        form = await self._form(request)
        staat = await run_in_threadpool(self._staat, form)
        return await run_in_threadpool(self._gunning_pagina, request, staat)

    async def totaal(self, request: Request) -> Response:
        form = await self._form(request)
        try:
            staat = await run_in_threadpool(self._staat, form)
        except GunningInvoerFout as exc:  # htmx swaps only a 2xx: the total says what is wrong
            return self.pagina(request, "_totaal.html", totaal=_totaal(exc.staat), procedure=exc.staat.procedure,
                               fout=exc.melding)
        return self.pagina(request, "_totaal.html", totaal=_totaal(staat), procedure=staat.procedure)

    async def voorbeeld(self, request: Request) -> Response:
        form = await self._form(request)
        staat = await run_in_threadpool(self._staat, form)
        return await run_in_threadpool(self._voorbeeld_pagina, request, staat)

    async def download(self, request: Request) -> Response:
        formaat = request.path_params["formaat"]
        if formaat not in self.formaten and formaat != "profiel":
            raise WebFout(f"Onbekend downloadformaat '{formaat}'. Mogelijk: {', '.join(self.formaten)}, profiel.", 404)
        form = await self._form(request)
        staat = await run_in_threadpool(self._staat, form)
        if formaat == "profiel":
            naam = f"profiel-{staat.segment}.yaml"
            tekst = await run_in_threadpool(staat.profiel_tekst, self.corpus, naam)
            return _bijlage(tekst.encode("utf-8"), naam, "application/yaml; charset=utf-8")
        doc = await run_in_threadpool(self._document, staat)
        if formaat == "ocds" and not _heeft_gunning(staat, doc):
            raise WebFout("Deze selectie heeft geen gunningsvragen, dus geen gunningscriteria om als OCDS te "
                          "exporteren. Geef op de pagina met criteria één of meer criteria de rol gunningscriterium.")
        inhoud = await run_in_threadpool(doc.render, formaat)
        naam = default_filename(staat.segment, formaat, staat.procedure)
        if formaat == "csv":
            naam = traceerbaarheid_filename(naam).name
        return _bijlage(inhoud, naam, _MEDIATYPES.get(formaat, "application/octet-stream"))

    async def profiel(self, request: Request) -> Response:
        form = await self._form(request, max_files=1)
        try:
            upload = _bestand(form, "profiel")
            if upload is None:
                raise WebFout("Kies een profielbestand (.yaml) om te openen.")
            with tempfile.TemporaryDirectory(prefix="inkoopkader-web-") as map_:
                pad = await _bewaar(upload, Path(map_), {".yaml", ".yml"}, MAX_PROFIEL, "profiel")
                staat = await run_in_threadpool(self._profiel_staat, pad, upload.filename or "profiel.yaml")
        finally:
            await form.close()
        return await run_in_threadpool(self._criteria_pagina, request, staat, {}, 1,
                                       f"Profiel ‘{upload.filename}’ geopend.")

    async def controle_get(self, request: Request) -> Response:
        return self.pagina(request, "controle.html", titel="Een concept controleren", segmenten=self.corpus.segmenten,
                           formaten=", ".join(CHECK_FORMATEN), max_mb=self.beveiliging.max_upload // MiB)

    async def controle_post(self, request: Request) -> Response:
        form = await self._form(request, max_files=2)
        try:
            rapport = await self._controleer(form)
        finally:
            await form.close()
        return await run_in_threadpool(self._rapport_pagina, request, rapport)

    async def controle_download(self, request: Request) -> Response:
        formaat = request.path_params["formaat"]
        if formaat not in ("json", "junit"):
            raise WebFout(f"Onbekend rapportformaat '{formaat}'. Mogelijk: json, junit.", 404)
        form = await self._form(request)
        gepakt = str(form.get(formaat, ""))
        handtekening = str(form.get(f"{formaat}_handtekening", ""))
        try:
            inhoud = zlib.decompress(base64.b64decode(gepakt.encode("ascii"), validate=True), bufsize=1 * MiB)
        except (ValueError, zlib.error):
            raise WebFout("Het rapport in het formulier is beschadigd. Controleer het concept opnieuw.") from None
        if not self.beveiliging.klopt(inhoud, handtekening):
            raise WebFout("Het rapport in het formulier is niet door deze webapp gemaakt. Controleer het concept opnieuw.",
                          403)
        naam = re.sub(r"[^A-Za-z0-9._-]+", "-", str(form.get("naam", "concept")))[:80] or "concept"
        if formaat == "json":
            return _bijlage(inhoud, f"rapport-{naam}.json", "application/json")
        return _bijlage(inhoud, f"rapport-{naam}.xml", "application/xml")

    async def thema(self, request: Request) -> Response:
        if self.thema_css is None:
            raise HTTPException(404)
        return Response(self.thema_css, media_type="text/css")

    # --- forms ---------------------------------------------------------------------------------------

    async def _form(self, request: Request, max_files: int = 0) -> FormData:
        try:
            return await request.form(max_files=max_files, max_fields=4000)
        except HTTPException as exc:  # Starlette's multipart limits, in English
            detail = str(exc.detail)
            if exc.status_code == 400 and detail.startswith("Too many files"):
                raise WebFout(f"Te veel bestanden in één keer: {_BESTANDEN.get(max_files, 'geen bestanden')}.") from None
            if exc.status_code == 400 and detail.startswith("Too many fields"):
                raise WebFout("Het formulier heeft te veel velden: ten hoogste 4000.") from None
            if exc.status_code == 400 and "maximum size" in detail:
                raise WebFout("Een veld van het formulier is te groot: ten hoogste 1 MB per veld.", 413) from None
            if exc.status_code == 400:
                raise WebFout("Het formulier kon niet worden gelezen. Vul het opnieuw in en verstuur het nog eens.") \
                    from None
            raise

    def _segment(self, tekst: str) -> str:
        from ..resolve import resolve_segment

        return resolve_segment(self.corpus, tekst).id

    def _staat(self, form: FormData) -> Staat:
        """The selection in the form, with the changes of the page it came from applied."""
        staat = Staat.uit_json(str(form.get("staat", "")))
        staat = replace(staat, segment=self._segment(staat.segment))
        soort = form.get("formulier")
        if soort == "criteria":
            staat = self._criteria_toepassen(staat, form)
        elif soort == "gunning":
            try:
                staat = _gunning_toepassen(staat, form)
            except WebFout as exc:
                invoer = {k: v for k, v in form.multi_items() if isinstance(v, str)}
                raise GunningInvoerFout(exc, staat, invoer) from None
        elif soort == "voorbeeld":
            staat = _voorbeeld_toepassen(staat, form)
        elif soort is not None:
            raise WebFout(f"Onbekend formulier '{soort}'.")
        return staat

    def _criteria_toepassen(self, staat: Staat, form: FormData) -> Staat:
        if form.get("procedure"):
            staat = replace(staat, procedure=parse_procedure(str(form["procedure"])))
        volledig = staat.selecteer(self.corpus, met_uitgesloten=False)
        huidige = {k.criterium.id: k for k in volledig.keuzes}
        uit, rollen = set(staat.uitgesloten), staat.rollen_map
        aangevinkt = set(form.getlist("crit"))
        for cid in _lijst(form.get("getoond")):
            if self.corpus.criterium(cid) is None:
                raise WebFout(f"Onbekend criterium '{cid}' in het formulier.")
            if cid in aangevinkt:
                uit.discard(cid)
            else:
                uit.add(cid)
            gekozen = form.get(f"rol-{cid}")
            if gekozen and cid in huidige:
                rol = parse_rol(str(gekozen))
                if rol is not huidige[cid].rol:
                    rollen[cid] = rol
        zonder, verwijzing = set(staat.zonder_kaders), staat.verwijzing_map
        kaders = {kk.kader.nummer: kk for kk in volledig.kaders}
        aan = set(form.getlist("kader"))
        for tekst in _lijst(form.get("kaders_getoond")):
            if not tekst.isdigit():
                raise WebFout(f"Ongeldig kadernummer '{tekst}' in het formulier.")
            nummer = int(tekst)
            if tekst in aan:
                zonder.discard(nummer)
            else:
                zonder.add(nummer)
            if f"verwijzing-{nummer}-getoond" in form:
                gewenst = form.get(f"verwijzing-{nummer}") == "ja"
                nu = kaders[nummer].verwijzing if nummer in kaders else verwijzing.get(nummer, False)
                if gewenst != nu:
                    verwijzing[nummer] = gewenst
        return replace(staat, uitgesloten=tuple(sorted(uit)), rollen=tuple(sorted(rollen.items())),
                       zonder_kaders=tuple(sorted(zonder)), verwijzing=tuple(sorted(verwijzing.items())))

    def _profiel_staat(self, pad: Path, naam: str) -> Staat:
        from ..profile import load_profile

        if not pad.read_bytes().strip():
            raise WebFout(f"{naam}: het profiel is leeg. Een profiel downloadt u op de pagina ‘Voorbeeld en "
                          "downloaden’ (knop ‘Selectieprofiel (.yaml)’), nadat u een segment en criteria koos.")
        _weiger_yaml_aliassen(pad, naam)
        try:
            profiel = load_profile(self.corpus, pad)
        except BevindingenFout as exc:
            regels = [f"{naam}{f', regel {b.regel}' if b.regel else ''}: {b.melding}" for b in exc.bevindingen]
            raise WebFout("Het profiel is ongeldig:\n" + "\n".join(regels[:20]), 400) from None
        except InkoopkaderError as exc:
            raise WebFout(f"{naam}: {str(exc).replace(str(pad), naam)}", 400) from None
        return Staat.uit_profiel(self.corpus, profiel)

    async def _controleer(self, form: FormData) -> Any:
        from ..check import check
        from ..check.read import ConceptFout, read_concept

        upload = _bestand(form, "concept")
        if upload is None:
            raise WebFout("Kies een concept om te controleren (.docx, .odt, .pdf, .md of .txt).")
        naam = Path(upload.filename or "concept").name
        segment = str(form.get("segment", "")).strip() or None
        strikt = form.get("strikt") == "ja"
        min_dekking = _dekking(str(form.get("min_dekking", "")).strip())
        profiel_upload = _bestand(form, "profiel")
        with tempfile.TemporaryDirectory(prefix="inkoopkader-web-") as map_:
            pad = await _bewaar(upload, Path(map_), set(CHECK_FORMATEN), self.beveiliging.max_upload, "concept")
            try:
                concept = await run_in_threadpool(read_concept, pad)
            except ConceptFout as exc:
                raise WebFout(f"{naam}: {exc.melding}") from None
            concept = replace(concept, naam=naam)
            profiel_pad = None
            if profiel_upload is not None:
                profiel_pad = await _bewaar(profiel_upload, Path(map_) / "profiel", {".yaml", ".yml"}, MAX_PROFIEL,
                                            "profiel")
                await run_in_threadpool(self._profiel_staat, profiel_pad, profiel_upload.filename or "profiel.yaml")
                segment = None
            elif segment is None and not (concept.selectie and concept.selectie.get("segment")):
                if pad.suffix in (".docx", ".odt"):
                    waarom = f"‘{naam}’ draagt geen selectie van inkoopkader mee."
                else:
                    waarom = (f"Alleen Word- en OpenDocument-bestanden (.docx, .odt) die met inkoopkader zijn "
                              f"samengesteld, dragen hun selectie zelf mee; een {pad.suffix}-bestand niet.")
                raise WebFout(f"Kies een segment (of open een selectieprofiel) om ‘{naam}’ tegen te controleren. "
                              f"{waarom}")
            opties: dict[str, Any] = {"strikt": strikt, "min_dekking": min_dekking}
            if segment is not None:
                opties["segment"] = self._segment(segment)
                if form.get("procedure"):
                    opties["procedure"] = parse_procedure(str(form["procedure"]))
            return await run_in_threadpool(lambda: check(concept, self.corpus, profiel=profiel_pad, **opties))

    # --- page models ---------------------------------------------------------------------------------

    def _criteria_pagina(self, request: Request, staat: Staat, filters: Mapping[str, str], pagina: int,
                         bericht: str | None = None) -> Response:
        from ..search import find

        corpus = self.corpus
        selectie = staat.selecteer(corpus)
        volledig = staat.selecteer(corpus, met_uitgesloten=False)
        segment = selectie.segment
        uit, zonder = set(staat.uitgesloten), set(staat.zonder_kaders)
        relaties = corpus.kaders_voor_segment(segment.id)
        kk_map = {kk.kader.nummer: kk for kk in volledig.kaders}
        kaders = [{"kader": k, "relevantie": r, "opgenomen": k.nummer not in zonder,
                   "verwijzing": kk_map[k.nummer].verwijzing if k.nummer in kk_map else False,
                   "advies": k.verwijzingsadvies.value, "aantal": len(k.criteria)} for k, r in relaties]
        relevantie = {k.nummer: r for k, r in relaties}
        keuzes = sorted([*volledig.keuzes, *volledig.gemeente],
                        key=lambda k: (k.kader.nummer, k.kader.criteria.index(k.criterium)))
        treffers = None
        zoekterm = filters.get("zoek", "")
        if zoekterm:
            treffers = {h.criterium.id for h in find(corpus, zoekterm, segment=segment.id, limiet=None)}
        rijen = [k for k in keuzes if _past(k, filters, relevantie, uit, zonder, treffers)]
        paginas = max(1, -(-len(rijen) // PER_PAGINA))
        pagina = min(max(1, pagina), paginas)
        deel = rijen[(pagina - 1) * PER_PAGINA: pagina * PER_PAGINA]
        groepen: list[dict[str, Any]] = []
        for k in deel:
            thema = k.criterium.hoofdthema
            if not groepen or groepen[-1]["kader"].nummer != k.kader.nummer:
                groepen.append({"kader": k.kader, "themas": []})
            themas = groepen[-1]["themas"]
            if not themas or themas[-1]["thema"] is not thema:
                themas.append({"thema": thema, "rijen": []})
            themas[-1]["rijen"].append(self._rij(k, staat, uit, zonder))
        return self.pagina(
            request, "criteria.html", titel=f"Criteria voor {segment.titel}", staat=staat, segment=segment,
            kaders=kaders, groepen=groepen, filters=filters, pagina=pagina, paginas=paginas, aantal=len(rijen),
            totaal=len(keuzes), telling=_telling(selectie), procedure=staat.procedure, bericht=bericht,
            getoond=",".join(k.criterium.id for k in deel), kaders_getoond=",".join(str(k.nummer) for k, _ in relaties),
            thema_opties=[(t.value, t.label) for t in Thema],
            kader_opties=[(str(k.nummer), f"{k.nummer}. {k.titel}") for k, _ in relaties],
            doelgroep_opties=[(d.value, d.value) for d in Doelgroep],
            rollen=_rol_opties(staat.procedure, [r for r in Rol if r is not Rol.VERWIJZING]),
            meldingen=selectie.meldingen, staat_json=staat.naar_json(),
        )

    def _rij(self, keuze: Keuze, staat: Staat, uit: set[str], zonder: set[str]) -> dict[str, Any]:
        crit = keuze.criterium
        gemeente = crit.doelgroep is Doelgroep.GEMEENTE
        rollen = list(keuze.gebruik.rollen)
        if Rol.INSPIRATIE not in rollen:
            rollen.append(Rol.INSPIRATIE)
        return {
            "keuze": keuze, "id": crit.id, "gemeente": gemeente,
            "opgenomen": crit.id not in uit and keuze.kader.nummer not in zonder,
            "opties": [] if gemeente else _rol_opties(staat.procedure, rollen),
            "rol_label": "Aandachtspunt voor de gemeente" if gemeente else framing.rol_label(staat.procedure, keuze.rol),
        }

    def _gunning_pagina(self, request: Request, staat: Staat, fout: str | None = None, status: int = 200,
                        invoer: Mapping[str, str] | None = None, veld: str | None = None) -> Response:
        selectie = staat.selecteer(self.corpus)
        aspecten = {k.criterium.id: k for k in selectie.met_rol(Rol.GUNNINGSCRITERIUM)}
        vragen: list[dict[str, Any]] = []
        schaal = staat.schaal or tuple(Schaalniveau(s, lbl, o) for s, lbl, o in framing.STANDAARD_SCHAAL)
        doc = None
        if fout is None or invoer:  # after an input error: the questions as they were before it
            try:
                doc = self._document(staat, selectie)
            except GunningFout as exc:
                if fout is None:
                    fout, status = str(exc), 422
        if doc is not None:
            for v in doc.vragen:
                vragen.append({"titel": v.titel, "weging": v.weging, "omvang": v.omvang_a4,
                               "aspecten": [a.anker for a in v.aspecten if a.anker]})
        else:
            for v in staat.gunning(selectie).vragen:
                vragen.append({"titel": v.titel, "weging": v.weging, "omvang": v.omvang_a4, "aspecten": list(v.criteria)})
        ingedeeld = {cid for v in vragen for cid in v["aspecten"]}
        los = [cid for cid in aspecten if cid not in ingedeeld]
        return self.pagina(
            request, "gunning.html", status=status, titel="Gunningsvragen", staat=staat, segment=selectie.segment,
            vragen=vragen, aspecten=aspecten, los=los, schaal=schaal, fout=fout, totaal=_totaal(staat, vragen),
            procedure=staat.procedure, scoort=staat.procedure is Procedure.AANBESTEDING,
            staat_json=staat.naar_json(), telling=_telling(selectie), invoer=invoer or {}, veldfout=veld,
        )

    def _voorbeeld_pagina(self, request: Request, staat: Staat) -> Response:
        selectie = staat.selecteer(self.corpus)
        try:
            doc = self._document(staat, selectie)
        except GunningFout as exc:
            return self._gunning_pagina(request, staat, fout=str(exc), status=422)
        return self.pagina(
            request, "voorbeeld.html", titel="Voorbeeld en downloaden", staat=staat, segment=selectie.segment,
            document=_veilig(fragment(doc, kopniveau=3)), meldingen=doc.meldingen,
            formaten=[f for f in self.formaten if f != "ocds" or _heeft_gunning(staat, doc)],
            procedure=staat.procedure, staat_json=staat.naar_json(), telling=_telling(selectie),
        )

    def _rapport_pagina(self, request: Request, rapport: Any) -> Response:
        from ..check import Status
        from ..check.report import beste_bewijs, gefaalde_themas, kader_naam, to_json, to_junit, verouderd_zin

        def kader_titel(kader: int | Herkomst) -> str:  # a kader's number, or Herkomst.PERSONEEL / WETTELIJK
            return kader_naam(self.corpus, kader)

        downloads = {}
        for formaat, tekst in (("json", to_json(rapport)), ("junit", to_junit(rapport))):
            inhoud = tekst.encode("utf-8")
            downloads[formaat] = {"inhoud": base64.b64encode(zlib.compress(inhoud, 6)).decode("ascii"),
                                  "handtekening": self.beveiliging.teken(inhoud)}
        return self.pagina(
            request, "rapport.html", titel=f"Controle van {rapport.concept}", rapport=rapport,
            per_thema=rapport.per_thema(), per_kader=rapport.per_kader(), kader_titel=kader_titel,
            ontbreekt=rapport.met_status(Status.ONTBREEKT), gewijzigd=rapport.met_status(Status.GEWIJZIGD),
            ontkracht=rapport.met_status(Status.ONTKRACHT), gedekt=rapport.met_status(Status.GEDEKT),
            via_kader=rapport.met_status(Status.VIA_KADER), beste_bewijs=beste_bewijs,
            gefaald=gefaalde_themas(rapport), verouderd_zin=verouderd_zin, downloads=downloads,
            naam=Path(rapport.concept).stem,
        )

    def _document(self, staat: Staat, selectie: Selectie | None = None) -> Document:
        return staat.compose(self.corpus, selectie)

    def _download_formaten(self) -> tuple[str, ...]:
        from ..render import FORMATEN

        gewenst = ["docx", "xlsx", "ocds", "md", "json", "csv"]
        try:  # PDF only where LibreOffice is installed on the server
            from ..render.pdf import libreoffice

            libreoffice()
            gewenst.insert(1, "pdf")
        except InkoopkaderError:
            pass
        return tuple(f for f in gewenst if f in FORMATEN)


_BESTANDEN = {
    1: "hier kan één profielbestand (.yaml)",
    2: "hier kunnen ten hoogste twee bestanden, een concept en eventueel een selectieprofiel",
}

_PROCEDURE_UITLEG = {
    Procedure.AANBESTEDING: "Gunning op de beste prijs-kwaliteitverhouding (sociale en andere specifieke "
                            "diensten): geschiktheidseisen, minimumeisen, gunningsvragen met weging en "
                            "uitvoeringsvoorwaarden.",
    Procedure.OPEN_HOUSE: "Toelating: elke aanbieder die aan de eisen voldoet, wordt toegelaten. Toelatingseisen, "
                          "een plan van aanpak (voldoende/onvoldoende) en contractvoorwaarden; geen gunningsvragen.",
    Procedure.SUBSIDIE: "Subsidie (Awb titel 4.2): subsidievoorwaarden, een activiteitenplan en verplichtingen "
                        "van de subsidieontvanger.",
}

_MEDIATYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "ocds": "application/json",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
}

_TELLING_ROLLEN = (Rol.GESCHIKTHEIDSEIS, Rol.MINIMUMEIS, Rol.GUNNINGSCRITERIUM, Rol.UITVOERINGSVOORWAARDE,
                   Rol.INSPIRATIE)


def _telling(selectie: Selectie) -> dict[str, Any]:
    """The proportionality counts the page shows (all from the selection)."""
    procedure = selectie.procedure
    rijen: list[dict[str, Any]] = []
    for rol in _TELLING_ROLLEN:
        label = framing.rol_label(procedure, rol)
        if rol is Rol.GUNNINGSCRITERIUM:
            label = "Beoordelingsaspecten" if procedure is Procedure.AANBESTEDING else label
        gelijk = next((r for r in rijen if r["label"] == label), None)
        if gelijk is not None:  # one series in the document (open house: toelatingseisen T1, T2 …): one row
            gelijk["rol"] += f" {rol.value}"
            gelijk["aantal"] += selectie.aantal(rol)
        else:
            rijen.append({"rol": rol.value, "label": label, "aantal": selectie.aantal(rol)})
    return {
        "rijen": rijen,
        "hoofdtekst": len(selectie.lichaam),
        "kaders_als_geheel": len(selectie.verwezen_kaders),
        "gemeente": len(selectie.gemeente),
        "advies": framing.proportionaliteit(procedure),
    }


def _totaal(staat: Staat, vragen: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The sum the inkoper sees while editing wegingen: price plus every question's weging."""
    wegingen = [v["weging"] for v in vragen] if vragen is not None else [v.weging for v in staat.vragen]
    ingevuld = [w for w in wegingen if w is not None]
    som = staat.prijs + sum(ingevuld)
    return {"prijs": staat.prijs, "vragen": sum(ingevuld), "som": som, "klopt": som == 100 and bool(ingevuld)
            or not wegingen, "leeg": not wegingen}


def _heeft_gunning(staat: Staat, doc: Document) -> bool:
    """OCDS describes award criteria: only an aanbesteding with at least one award question has them."""
    return staat.procedure is Procedure.AANBESTEDING and bool(doc.vragen)


def _rol_opties(procedure: Procedure, rollen: list[Rol]) -> list[tuple[str, str]]:
    labels = [framing.rol_label(procedure, r) for r in rollen]
    return [(r.value, f"{label} ({r.value})" if labels.count(label) > 1 else label)
            for r, label in zip(rollen, labels, strict=True)]


def _past(keuze: Keuze, filters: Mapping[str, str], relevantie: Mapping[int, Relevantie], uit: set[str],
          zonder: set[str], treffers: set[str] | None) -> bool:
    crit = keuze.criterium
    if treffers is not None and crit.id not in treffers:
        return False
    if filters.get("thema") and filters["thema"] not in {t.value for t in crit.thema}:
        return False
    if filters.get("kader") and filters["kader"] != str(crit.kader):
        return False
    if filters.get("doelgroep") and filters["doelgroep"] != crit.doelgroep.value:
        return False
    if filters.get("relevantie") and filters["relevantie"] != relevantie[crit.kader].value:
        return False
    if filters.get("rol") and (crit.doelgroep is Doelgroep.GEMEENTE or filters["rol"] != keuze.rol.value):
        return False
    opgenomen = crit.id not in uit and crit.kader not in zonder
    if filters.get("status") == "opgenomen" and not opgenomen:
        return False
    return not (filters.get("status") == "weggelaten" and opgenomen)


_FILTERS = ("thema", "kader", "doelgroep", "relevantie", "rol", "status", "zoek")


def _filters(form: FormData) -> tuple[dict[str, str], int]:
    filters = {naam: str(form.get(f"f_{naam}", "")).strip()[:MAX_TEKST] for naam in _FILTERS}
    pagina = str(form.get("pagina", "1"))
    return {k: v for k, v in filters.items() if v}, int(pagina) if pagina.isdigit() else 1


def _lijst(waarde: Any) -> list[str]:
    return [deel for deel in str(waarde or "").split(",") if deel]


def _getal(form: FormData, naam: str, wat: str, minimum: int, maximum: int, *, leeg: int | None = None) -> int | None:
    tekst = str(form.get(naam, "")).strip().rstrip("%").strip()
    if not tekst:
        return leeg
    if not tekst.isdigit() or not minimum <= int(tekst) <= maximum:
        raise WebFout(f"{wat} moet een geheel getal van {minimum} tot en met {maximum} zijn, niet ‘{tekst}’.", 422,
                      naam)
    return int(tekst)


def _tekst(form: FormData, naam: str, wat: str) -> str:
    tekst = " ".join(str(form.get(naam, "")).split())
    if len(tekst) > MAX_TEKST:
        raise WebFout(f"{wat} is te lang: ten hoogste {MAX_TEKST} tekens.", 422, naam)
    return tekst


def _gunning_toepassen(staat: Staat, form: FormData) -> Staat:
    if staat.procedure is Procedure.AANBESTEDING:
        staat = _schaal_toepassen(staat, form)
    if form.get("actie") == "standaard":
        return replace(staat, vragen=())
    return _vragen_toepassen(staat, form)


def _schaal_toepassen(staat: Staat, form: FormData) -> Staat:
    """Price, threshold and scale: only a scored procedure (aanbesteding) has them on its form."""
    prijs = _getal(form, "prijs", "De weging van de prijs", 0, 99, leeg=0)
    ondergrens_tekst = str(form.get("ondergrens", "")).strip()
    ondergrens = None if ondergrens_tekst in ("", "geen") else _getal(form, "ondergrens", "De ondergrens", 0, 100)
    schaal: list[Schaalniveau] = []
    aantal_niveaus = _getal(form, "aantal_niveaus", "Het aantal schaalniveaus", 0, 20, leeg=0) or 0
    for j in [*range(aantal_niveaus), "nieuw"]:
        if form.get(f"niveau-{j}-weg") == "ja":
            continue
        label = _tekst(form, f"niveau-{j}-label", "Het label van een schaalniveau")
        score = _getal(form, f"niveau-{j}-score", "De score van een schaalniveau", 0, 100)
        if j == "nieuw" and not label and score is None:
            continue
        if not label or score is None:
            raise WebFout("Elk niveau van de beoordelingsschaal heeft een score en een label.", 422)
        if any(n.score == score for n in schaal):
            raise WebFout(f"Score {score} staat twee keer in de beoordelingsschaal.", 422)
        schaal.append(Schaalniveau(score, label, _tekst(form, f"niveau-{j}-omschrijving", "Een omschrijving")))
    schaal.sort(key=lambda n: -n.score)
    standaard = tuple(Schaalniveau(s, lbl, o) for s, lbl, o in framing.STANDAARD_SCHAAL)
    return replace(staat, prijs=prijs or 0, ondergrens=ondergrens, schaal=() if tuple(schaal) == standaard else tuple(schaal))


def _vragen_toepassen(staat: Staat, form: FormData) -> Staat:
    aantal = _getal(form, "aantal_vragen", "Het aantal vragen", 0, 100, leeg=0) or 0
    vragen: list[dict[str, Any]] = []
    for i in range(aantal):
        vragen.append({
            "titel": _tekst(form, f"vraag-{i}-titel", f"De titel van vraag {i + 1}") or f"Vraag {i + 1}",
            "weging": _getal(form, f"vraag-{i}-weging", f"De weging van vraag {i + 1}", 0, 100),
            "omvang": _getal(form, f"vraag-{i}-omvang", f"De omvang van vraag {i + 1}", 1, 20),
            "criteria": [],
        })
    nieuw: list[str] = []
    for cid in _lijst(form.get("aspecten")):
        doel = str(form.get(f"aspect-{cid}", ""))
        if doel == "nieuw":
            nieuw.append(cid)
        elif doel.isdigit() and int(doel) < len(vragen):
            vragen[int(doel)]["criteria"].append(cid)
        else:
            raise WebFout(f"Kies voor beoordelingsaspect {cid} bij welke vraag het hoort.", 422)
    if nieuw:
        vragen.append({"titel": "Nieuwe vraag", "weging": None, "omvang": None, "criteria": nieuw})
    keuzes = tuple(Vraagkeuze(v["titel"], tuple(v["criteria"]), v["weging"], v["omvang"]) for v in vragen
                   if v["criteria"])
    return replace(staat, vragen=keuzes)


def _voorbeeld_toepassen(staat: Staat, form: FormData) -> Staat:
    return replace(
        staat,
        gemeente=_tekst(form, "gemeente", "De naam van de gemeente"),
        titel=_tekst(form, "titel", "De titel"),
        kenmerk=_tekst(form, "kenmerk", "Het kenmerk"),
        versie=_tekst(form, "versie", "De versie") or "1.0",
        bijlagen=form.get("bijlagen") == "ja",
        wettelijk=form.get("wettelijk") == "ja",
        personeel=form.get("personeel") == "ja",
    )


def _dekking(tekst: str) -> float | None:
    if not tekst:
        return None
    getal = tekst.rstrip("%").strip()
    if not getal.isdigit() or int(getal) > 100:
        raise WebFout(f"De minimale dekking moet een percentage van 0 tot en met 100 zijn, niet ‘{tekst}’.")
    return int(getal) / 100


def _bestand(form: FormData, naam: str) -> UploadFile | None:
    waarde = form.get(naam)
    if isinstance(waarde, UploadFile) and waarde.filename:
        return waarde
    if waarde not in (None, "") and not isinstance(waarde, UploadFile):
        raise WebFout(f"Het veld ‘{naam}’ moet een bestand zijn.")
    return None


async def _bewaar(upload: UploadFile, map_: Path, suffixen: set[str], limiet: int, wat: str) -> Path:
    """Copy an upload into the temporary directory under a safe name (its extension kept)."""
    origineel = Path(upload.filename or wat).name
    suffix = Path(origineel).suffix.lower()
    if suffix not in suffixen:
        raise WebFout(f"‘{origineel}’ heeft een bestandstype dat hier niet kan ({suffix or 'geen extensie'}); "
                      f"mogelijk: {', '.join(sorted(suffixen))}.", 415)
    stam = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(origineel).stem)[:60].strip("-") or wat
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{stam}{suffix}"
    geschreven = 0
    with pad.open("wb") as uit:
        while blok := await upload.read(1 * MiB):
            geschreven += len(blok)
            if geschreven > limiet:
                raise WebFout(f"‘{origineel}’ is te groot: ten hoogste {limiet // MiB} MB.", 413)
            uit.write(blok)
    return pad


def _weiger_yaml_aliassen(pad: Path, naam: str) -> None:
    """Refuse YAML anchors and aliases in an uploaded profile (a 'billion laughs' expands through them);
    a profile from inkoopkader never has them."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import AliasEvent

    from ..profile import GeenProfiel, check_profielbestand

    try:
        check_profielbestand(pad)  # a PDF or Word file renamed .yaml: the library's message
    except GeenProfiel as exc:
        raise WebFout(f"{naam}: {str(exc).replace(str(pad), naam)}") from None
    try:
        with pad.open(encoding="utf-8") as f:
            for event in YAML(typ="safe", pure=True).parse(f):
                if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
                    raise WebFout(f"{naam}: het profiel gebruikt YAML-ankers of -verwijzingen (& en *); "
                                  "die zijn in een profiel niet toegestaan.")
    except YAMLError as exc:
        regel = getattr(getattr(exc, "problem_mark", None), "line", None)
        waar = f", regel {regel + 1}" if regel is not None else ""
        raise WebFout(f"{naam}{waar}: geen geldige YAML ({getattr(exc, 'problem', None) or 'onleesbaar'}).") from None
    except UnicodeDecodeError:
        raise WebFout(f"{naam}: het profiel is geen UTF-8-tekst.") from None


def _bijlage(inhoud: bytes, naam: str, mediatype: str) -> Response:
    return Response(inhoud, media_type=mediatype, headers={"content-disposition": f'attachment; filename="{naam}"'})


# --- the application -----------------------------------------------------------------------------------


def _statusmelding(status: int) -> str:
    return {
        400: "Het verzoek is ongeldig.",
        403: "Geen toegang.",
        404: "Deze pagina bestaat niet.",
        405: "Deze handeling is hier niet toegestaan.",
        413: "Het bestand of formulier is te groot.",
        415: "Dit bestandstype kan hier niet.",
        422: "De invoer klopt niet.",
    }.get(status, "Er ging iets mis.")


def _statusuitleg(status: int, pad: str) -> str:
    """The explanation under the heading when there is no message of its own."""
    return {
        400: "Het formulier of adres klopt niet. Begin opnieuw op de startpagina.",
        403: "U hebt geen toegang tot deze pagina.",
        404: f"Het adres ‘{pad[:200]}’ hoort bij geen pagina van inkoopkader.",
        405: "Deze pagina kan niet op deze manier worden opgevraagd: gebruik de knoppen en links in de webapp.",
        413: "Kies een kleiner bestand.",
        415: "Kies een bestand van een ander type.",
    }.get(status, "Probeer het opnieuw.")


def maak_starlette(corpus: Corpus, beveiliging: Beveiliging, instellingen: Instellingen) -> Any:
    app = App(corpus, beveiliging, instellingen)

    def foutpagina(status: int, melding: str, request: Request | None = None, pad: str = "") -> HTMLResponse:
        if request is not None:
            pad = request.url.path
        csrf = request.scope.get("state", {}).get("csrf", "") if request is not None else ""
        kop = _statusmelding(status)
        if melding.startswith(kop):  # the heading says it already
            melding = melding[len(kop):].strip()
        html = app.env.get_template("fout.html").render(
            status=status, kop=kop, melding=melding or _statusuitleg(status, pad), csrf=csrf, thema_css=app.thema_css is not None,
            thema_klasse=instellingen.thema_klasse or "", versie=__version__, corpus_versie=corpus.versienaam,
            titel=_statusmelding(status))
        return HTMLResponse(html, status_code=status)

    async def web_fout(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebFout)
        if isinstance(exc, GunningInvoerFout):  # the form again, with the message next to the field
            return await run_in_threadpool(app._gunning_pagina, request, exc.staat, exc.melding, exc.status,
                                           exc.invoer, exc.veld)
        return foutpagina(exc.status, exc.melding, request)

    async def inkoopkader_fout(request: Request, exc: Exception) -> Response:
        return foutpagina(400, str(exc), request)

    async def http_fout(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return foutpagina(exc.status_code, _statusmelding(exc.status_code), request)

    async def te_groot(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TeGroot)
        return foutpagina(413, f"Het bestand of formulier is te groot: hier mag het ten hoogste "
                               f"{exc.limiet // MiB} MB zijn.", request)

    async def onverwacht(request: Request, exc: Exception) -> Response:
        import logging

        logging.getLogger("inkoopkader.web").exception("onverwachte fout bij %s", request.url.path)
        return foutpagina(500, "Er ging onverwacht iets mis. Probeer het opnieuw; blijft het misgaan, meld het "
                               "dan aan de beheerder van inkoopkader.", request)

    routes = [
        Route("/", app.start),
        Route("/criteria", app.criteria_get, methods=["GET"]),
        Route("/criteria", app.criteria_post, methods=["POST"]),
        Route("/criteria/telling", app.telling, methods=["POST"]),
        Route("/gunning", app.gunning, methods=["POST"]),
        Route("/gunning/totaal", app.totaal, methods=["POST"]),
        Route("/voorbeeld", app.voorbeeld, methods=["POST"]),
        Route("/download/{formaat}", app.download, methods=["POST"]),
        Route("/profiel", app.profiel, methods=["POST"]),
        Route("/controle", app.controle_get, methods=["GET"]),
        Route("/controle", app.controle_post, methods=["POST"]),
        Route("/controle/download/{formaat}", app.controle_download, methods=["POST"]),
        Route("/thema.css", app.thema),
        Mount("/static", StaticFiles(directory=HIER / "static"), name="static"),
    ]
    starlette = Starlette(routes=routes, exception_handlers={
        WebFout: web_fout, InkoopkaderError: inkoopkader_fout, HTTPException: http_fout, TeGroot: te_groot,
        Exception: onverwacht,
    })

    async def weiger(scope: Any, receive: Any, send: Any, status: int, melding: str) -> None:
        await foutpagina(status, melding, pad=str(scope.get("path", "")))(scope, receive, send)

    return Poort(starlette, beveiliging, weiger)


__all__ = ["App", "Instellingen", "WebFout", "maak_starlette"]
