"""Extraction on the bundled sample corpus (the seed-shaped page and the wire stories)."""
import json

import pytest
from click.testing import CliRunner

from orewire.cli import main
from orewire.config import Settings
from orewire.extract.gazetteer import find_commodities, find_countries
from orewire.extract.relevance import relevance
from orewire.runner import extract_targets


@pytest.fixture(scope="module")
def page(sample_dir=None):
    from tests.conftest import SAMPLE

    ((doc, x),) = list(extract_targets([str(SAMPLE / "islamabad_page.txt")], Settings()))
    return doc, x


def _events(x, etype):
    return [e for e in x.events if e.type.value == etype]


def test_page_is_one_relevant_document(page):
    doc, x = page
    assert doc == "islamabad_page" and x.relevant and len(x.articles) == 2


def test_every_evidence_points_into_its_article(page):
    _, x = page
    texts = {a.id: a.text for a in x.articles}
    for event in x.events:
        for ev in event.evidence:
            assert texts[ev.article_id][ev.start:ev.end] == ev.quote


def test_export_control_denial_and_shipment(page):
    _, x = page
    controls = _events(x, "EXPORT_CONTROL")
    assert any("CHN" in e.actors and {"gallium", "germanium"} & set(e.commodities) for e in controls)
    denials = [e for e in _events(x, "STATEMENT") if e.subtype == "DENY"]
    assert any("CHN" in e.actors for e in denials)
    shipments = _events(x, "SHIPMENT")
    assert any("PAK" in e.actors and {"antimony", "copper"} <= set(e.commodities) for e in shipments)


def test_mentions_of_one_shipment_are_merged_across_articles(page):
    _, x = page
    pak = [e for e in _events(x, "SHIPMENT") if "PAK" in e.actors and "antimony" in e.commodities]
    assert len(pak) == 1 and len({ev.article_id for ev in pak[0].evidence}) == 2


def test_entities(page):
    _, x = page
    ids = {e.id for e in x.entities}
    assert {"CHN", "PAK", "USA", "gallium", "germanium", "antimony", "copper"} <= ids
    orgs = {e.name for e in x.entities if e.kind.value == "ORG"}
    assert "Board of Investment" in orgs


def test_relevance_gate():
    assert not relevance("Wheat futures ease on weather outlook", "Wheat futures eased on Monday as forecasts for rain "
                         "improved the outlook for winter crops, traders said. Corn and soybeans were little changed.").relevant
    assert relevance("Copper output rises", "Chile's copper output rose 5% in March as the mine restarted, "
                     "the company said, and smelter production reached 40,000 tonnes.").relevant


def test_relevance_of_a_metals_company_story():
    """A story about a mining or metals company named in its title is relevant (guidelines), though it names no metal."""
    body = ("Kestrel Mining Corp's board has proposed a two-for-one stock split subject to shareholder approval of an "
            "increase to 150 mln from 75 mln in authorized common shares, the proxy for the company's annual meeting said. "
            "If holders approve the increase at the May meeting, the split will be paid as a stock dividend on June 12, "
            "the proxy said. Kestrel said it will also ask shareholders to approve amendments to its certificate of "
            "incorporation limiting certain liabilities of its directors.")
    assert relevance("KESTREL MINING PLANS 2-FOR-1 STOCK SPLIT", body).relevant
    assert not relevance("KESTREL FOODS PLANS 2-FOR-1 STOCK SPLIT", body.replace("Mining", "Foods")).relevant


def test_tin_named_by_its_pact():
    """'tin' is ambiguous (a can, a box); 'the International Tin Agreement' or 'a tin pact' names the metal."""
    text = "Indonesia backs an extension of the sixth International Tin Agreement, the minister said."
    assert [m.id for m in find_commodities(text)] == ["tin"]
    assert [m.id for m in find_commodities("He kept his savings in a tin box under the bed.")] == []


def test_gazetteers_handle_forms():
    text = "China's curbs on rare-earth exports and U.S. imports of copper concentrates; Pakistani leaders; lead the way."
    assert [m.id for m in find_countries(text)] == ["CHN", "USA", "PAK"]
    assert [m.id for m in find_commodities(text)] == ["rare_earths", "copper"]  # "lead the way" is no metal


def test_extract_cli_writes_eval_json_lines(sample_dir):
    result = CliRunner().invoke(main, ["extract", str(sample_dir / "wire_stories.jsonl")])
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["doc"] for d in docs] == ["sample-wire-001", "sample-wire-002", "sample-wire-003"]
    assert [d["relevant"] for d in docs] == [True, True, False]
    assert docs[2]["events"] == [] and docs[2]["entities"] == []


def test_ingest_stores_events_and_lists_them(tmp_path, sample_dir):
    db = str(tmp_path / "ev.duckdb")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(sample_dir / "islamabad_page.txt"), "--db", db, "--quiet"])
    events = json.loads(runner.invoke(main, ["events", "--db", db, "--format", "json"]).stdout)
    assert events and all(e["evidence"] for e in events)
    first = events[0]["evidence"][0]
    assert {"quote", "article_id", "source"} <= set(first) and first["source"].endswith("islamabad_page.txt")
    shipments = json.loads(runner.invoke(main, ["events", "--db", db, "--format", "json", "--type", "SHIPMENT",
                                                "--commodity", "antimony", "--country", "PAK"]).stdout)
    assert shipments and all("antimony" in e["commodities"] for e in shipments)
    table = runner.invoke(main, ["events", "--db", db]).stdout
    assert "SHIPMENT" in table and "islamabad_page.txt" in table
    again = runner.invoke(main, ["ingest", str(sample_dir / "islamabad_page.txt"), "--db", db, "--quiet"])
    assert "events 0" in again.stdout


def test_non_english_articles_are_not_extracted():
    from orewire.clean import build_article
    from orewire.extract import extract_document
    from orewire.model import RawDocument

    text = ("China ha ampliado los controles de exportación de tierras raras y de la tecnología de procesamiento, "
            "según el ministerio de comercio, que exige licencias para los envíos de galio y germanio.")
    raw = RawDocument.make("es.txt", text.encode(), "text")
    article = build_article(raw, text, title=None)
    assert article.language == "es"
    assert extract_document([article]).relevant is False


def test_an_undeclared_acronym_of_a_longer_name_is_that_body():
    from orewire.extract import extract_document
    from orewire.model import Article, EntityKind

    text = ("Kaloo Copper Mines Ltd reported higher copper sales for the quarter. "
            "KCM said it invested $40 million in a new concentrator at its Zambian mine.")
    x = extract_document([Article(id="a1", raw_id="r1", source="kcm.txt", title=None, text=text)])
    orgs = {e.name: e for e in x.entities if e.kind == EntityKind.ORG}
    assert "KCM" not in orgs and "KCM" in orgs["Kaloo Copper Mines Ltd"].aliases
