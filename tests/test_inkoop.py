"""The tender layer (data/inkoop/) and what it guarantees for every segment and procedure.

Data rules: every criterion classified, roles that fit what the criterion says, evidence for every
requirement, "of gelijkwaardig" for certificates, one-word items and gemeente criteria never a
requirement or award point. Document rules (issue 'Aanbestedingsklaar'): all 12 segments compose under
all three procedures, never with an empty body, award questions that add up, and a composed
document passes its own `check --strikt`. What an inkoper publishes reads on its own: no numbered
requirement or aspect starts with a word pointing back into the source ('Hij', 'Deze'), no binding
requirement states a preference or an ideal ('bij voorkeur', 'idealiter'), and the background the
reviewers found beside scorable aspects stays out of the body.
"""

from __future__ import annotations

import re

import pytest

import inkoopkader
from inkoopkader import Procedure, Rol
from inkoopkader.check import check
from inkoopkader.compose import compose
from inkoopkader.select import select
from inkoopkader.text import strip_markup

SEGMENTEN = ("jeugdhulp-1", "jeugdhulp-2", "jeugdhulp-3", "jeugdhulp-4", "jeugdhulp-5", "jeugdhulp-6", "jeugdhulp-7",
             "wmo-1a", "wmo-1b", "wmo-2", "wmo-3", "sociaal-werk")


def test_every_criterion_of_every_kader_is_classified(corpus) -> None:
    assert len(SEGMENTEN) == len(corpus.segmenten)
    for kader in corpus.kaders:
        assert kader.inkoop is not None, kader.nummer
        ids = [e.criterium for e in kader.inkoop.criteria]
        assert ids == [c.id for c in kader.criteria], kader.nummer  # all, once, in corpus order
        for entry in kader.inkoop.criteria:
            assert entry.reden.strip() and entry.rollen


def test_roles_follow_what_the_criterion_is(corpus) -> None:
    for kader in corpus.kaders:
        for crit in kader.criteria:
            gebruik = kader.gebruik(crit)
            woorden = strip_markup(crit.tekst).strip(" .;:").split()
            if crit.doelgroep.value == "gemeente":
                assert gebruik.rollen == (Rol.INSPIRATIE,), crit.id
            if len(woorden) == 1 and not gebruik.formulering:
                assert gebruik.rollen == (Rol.INSPIRATIE,), crit.id
            if any(r.is_eis for r in gebruik.rollen):
                assert gebruik.bewijs, crit.id
            for tekst in (gebruik.bewijs or "", gebruik.formulering or ""):
                if re.search(r"certifica|keurmerk|label", tekst, re.I):
                    assert "gelijkwaardig" in tekst.lower(), crit.id


def test_examples_from_the_issue_never_become_requirements_or_award_points(corpus) -> None:
    def rollen(cid: str) -> tuple[Rol, ...]:
        crit = corpus.criterium(cid)
        return corpus.kader(crit.kader).gebruik(crit).rollen

    # "Het hebben van werk of een zinvolle daginvulling vergroot de psychische gezondheid": background.
    assert rollen("gdp-03") == (Rol.INSPIRATIE,)
    # one-word items of competence lists
    for crit in corpus.criteria():
        if strip_markup(crit.tekst).strip(" .").lower() in ("geduldig", "maatwerk", "openheid"):
            assert rollen(crit.id) == (Rol.INSPIRATIE,), crit.id
    # "De relatie tussen cliënt en professional is … vertrouwd en stabiel" is no minimum requirement
    assert not any(r.is_eis for r in rollen("wbs-03"))
    # "De organisatie toont aan op welke wijze …" is a question, not a requirement
    assert rollen("bwmo-02") == (Rol.GUNNINGSCRITERIUM,)


def test_kader_advice_on_references_as_a_whole(corpus) -> None:
    advies = {k.nummer: k.verwijzingsadvies.value for k in corpus.kaders}
    assert advies[2] == "nee"  # valid until 31-12-2021
    assert advies[4] == "nee"  # 2013, before the Jeugdwet
    assert advies[6] == "nee"  # 'te abstract voor direct gebruik'
    assert advies[8] == "standaard"
    assert {k.nummer for k in corpus.kaders if k.inzet.value == "inspiratie"} == {2, 11, 12, 13, 14, 15}


def test_validation_reports_a_broken_tender_layer_with_file_and_line(kader_corpus) -> None:
    data_copy = kader_corpus(2, 6)
    path = data_copy / "inkoop" / "06-wmo-basisset-kwetsbare-burgers.yaml"
    origineel = path.read_text(encoding="utf-8")
    path.write_text(origineel.replace("rollen: [gunningscriterium]", "rollen: [gunningscriterum]", 1), encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(data_copy)]
    assert any("gunningscriterum" in m and "Bedoelt u 'gunningscriterium'" in m and ".yaml:" in m
               for m in meldingen), meldingen

    tekst = origineel.replace("  wbs-12:\n    rollen: [inspiratie]", "  wbs-12:\n    rollen: [minimumeis]", 1)
    tekst = tekst.replace("  wbs-17:", "  wbs-99:", 1)
    path.write_text(tekst, encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(data_copy)]
    regel = next(i for i, r in enumerate(tekst.splitlines(), 1) if r == "  wbs-12:")
    assert any(f".yaml:{regel + 1}: wbs-12: rol minimumeis zonder bewijs" in m for m in meldingen), meldingen
    assert any("wbs-99: geen criterium van kader 6" in m for m in meldingen), meldingen
    assert any("1 criterium zonder aanbestedingslaag: wbs-17" in m for m in meldingen), meldingen

    path.write_text(origineel, encoding="utf-8")
    kader2 = data_copy / "inkoop" / "02-werken-aan-veiligheid.yaml"
    tekst = kader2.read_text(encoding="utf-8")
    kader2.write_text(tekst.replace("  wav-10:\n    rollen: [inspiratie]", "  wav-10:\n    rollen: [gunningscriterium]", 1),
                      encoding="utf-8")
    meldingen = [str(b) for b in inkoopkader.validate_corpus(data_copy)]
    assert any("wav-10: richt zich tot de gemeente, dus alleen [inspiratie]" in m for m in meldingen), meldingen


@pytest.fixture(scope="module")
def documenten(corpus):
    return {(seg, proc): compose(corpus, select(corpus, seg, procedure=proc))
            for seg in SEGMENTEN for proc in Procedure}


@pytest.fixture(scope="module")
def markdown(documenten):
    """The composed documents as Markdown, rendered once for every test that reads the published text."""
    return {sleutel: doc.render("md").decode("utf-8") for sleutel, doc in documenten.items()}


def test_all_segments_compose_under_all_procedures_never_empty(documenten) -> None:
    for (seg, proc), doc in documenten.items():
        assert doc.eisen or doc.vragen, (seg, proc)
        assert not any("geen eisen of beoordelingsaspecten" in m for m in doc.meldingen), (seg, proc)


def test_award_questions_add_up_and_only_in_an_aanbesteding(documenten) -> None:
    for (seg, proc), doc in documenten.items():
        if proc is Procedure.AANBESTEDING:
            assert doc.gunning is not None and 1 <= len(doc.vragen) <= 6, seg
            assert sum(v.weging for v in doc.vragen) + doc.gunning.prijs == 100, seg
            for vraag in doc.vragen:
                assert vraag.aspecten and vraag.weging > 0 and vraag.omvang_a4 and vraag.tekens
        else:
            assert doc.gunning is None and all(v.weging is None for v in doc.vragen), (seg, proc)


def test_no_inspiration_in_the_body(documenten) -> None:
    for (seg, proc), doc in documenten.items():
        rollen = {k.criterium.id: k.gebruik.rollen for k in doc.selectie.keuzes}
        for anker, plaats, rol in doc.ankers(bijlagen=False):
            if anker in rollen:
                assert rol in rollen[anker], (seg, proc, anker, rol)


# A numbered requirement ('**M6** …') or award aspect / plan item ('3. …') in the Markdown body, after
# the number and an optional bold title: the text the inschrijver and the beoordelaar read on its own.
_GENUMMERD = re.compile(r"^(?:\*\*[A-Z]{1,2}\d+\*\*|\d+\.) (?:\*\*[^*]+\*\* )?(?P<tekst>.*)$", re.M)
# Words that point back to a sentence or heading of the source that is not printed with the item.
_TERUGVERWIJZING = re.compile(r"(Hij|Zij|Dit|Deze|Dat|Die|Daarbij|Hierbij|Hiervoor|Daarmee|Zo'n|Ook)\b")


def test_no_body_item_starts_with_a_pronoun_that_points_outside_it(markdown) -> None:
    # hmo-09 'Hij ondersteunt burgers …' under 'Dit moet de professional doen …', jzp-41 'Op basis van
    # deze visie …', gdp-17 'Ook … idealiter in deze driehoek': in a numbered list the item stands alone.
    for (seg, proc), tekst in markdown.items():
        items = [m["tekst"] for m in _GENUMMERD.finditer(tekst)]
        assert len(items) > 10, (seg, proc.value, "geen genummerde eisen of aspecten gevonden")
        for item in items:
            assert not _TERUGVERWIJZING.match(item), (seg, proc.value, item[:100])
        assert "deze visie" not in tekst and "deze driehoek" not in tekst, (seg, proc.value)


def test_binding_requirements_in_the_body_can_be_checked_yes_or_no(documenten) -> None:
    # A minimumeis, toelatingseis, subsidievoorwaarde or uitvoerings-/contractvoorwaarde is checked by a
    # beoordelaar or contract manager without an opinion of their own: no preference or ideal, no
    # optional list of distinctions (wbs-16 'bij voorkeur', gdp-15 'Daarbij kunnen worden onderscheiden').
    vaag = re.compile(r"bij voorkeur|idealiter|kunnen worden onderscheiden|zo ?veel mogelijk|waar mogelijk",
                      re.I)
    for (seg, proc), doc in documenten.items():
        assert doc.eisen, (seg, proc)
        for eis in doc.eisen:  # every eis is binding, a kader declared applicable as a whole too
            delen = [eis.tekst, *eis.vervolg]
            te_doen = list(eis.items)
            while te_doen:
                item = te_doen.pop()
                delen.append(item.tekst)
                te_doen.extend(item.items)
            for deel in map(strip_markup, delen):
                assert not vaag.search(deel), (seg, proc.value, eis.nummer, eis.anker, deel[:80])


def test_award_aspects_carry_no_background_the_reviewer_found(markdown) -> None:
    # Background, facts and examples printed beside the scorable point (gdp-14, gdp-05, gdp-07): the
    # tender wording leaves them out; the original stays in the traceability file.
    for (seg, proc), tekst in markdown.items():
        for zin in ("geeft waarde aan het bestaan", "gevalideerde diagnostische instrumenten",
                    "Een veel gebruikt instrument hiervoor", "benoemt vier kernelementen"):
            assert zin not in tekst, (seg, proc.value, zin)


@pytest.mark.parametrize("proc", list(Procedure))
def test_composed_documents_pass_their_own_strict_check(corpus, markdown, proc) -> None:
    for seg in SEGMENTEN:
        tekst = markdown[(seg, proc)]
        rapport = check(tekst, corpus, segment=seg, tekst=True, strikt=True, procedure=proc)
        assert not rapport.verouderd, (seg, proc, [(v.term, v.tekst) for v in rapport.verouderd])
        assert rapport.geslaagd, (seg, proc, rapport.redenen_afgekeurd)


def test_composed_word_document_with_annexes_passes_strict_check(corpus, tmp_path) -> None:
    for seg in ("wmo-1a", "jeugdhulp-1"):
        pad = compose(corpus, select(corpus, seg), bijlagen=True).save(tmp_path / f"{seg}.docx")
        rapport = check(pad, corpus, strikt=True)  # against the selection recorded in the document
        assert rapport.geslaagd and not rapport.verouderd, (seg, rapport.redenen_afgekeurd, rapport.verouderd)
        assert rapport.bron_van_selectie.startswith("document")
