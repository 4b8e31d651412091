"""The parts of resolution on their own: conflicts, syndication, entity links, registry links."""
from __future__ import annotations

from datetime import date

from orewire.reference import load_measures
from orewire.resolve import syndication
from orewire.resolve.entities import NamedEntity, link_entities, name_key
from orewire.resolve.events import EventRecord, cluster_events, conflict, quantities
from orewire.resolve.measures import link_cluster


def _ev(id_, doc, **kw):
    base = dict(type="EXPORT_CONTROL", actors=("COD",), commodities=("cobalt",), status="announced",
                occurred=date(2025, 2, 22), reported=date(2025, 2, 23), articles=frozenset({doc}),
                origins=frozenset({doc}), words=frozenset({"congo", "suspended", "cobalt", "exports"}))
    base.update(kw)
    return EventRecord(id=id_, doc=doc, **base)


def test_a_ban_and_its_extension_four_months_later_conflict():
    ban = _ev("e1", "d1")
    extension = _ev("e2", "d2", occurred=date(2025, 6, 21), reported=date(2025, 6, 21))
    assert conflict(ban, extension) == "dates 119 days apart"


def test_a_control_and_its_suspension_conflict():
    assert conflict(_ev("e1", "d1"), _ev("e2", "d2", status="suspended")) == "status announced vs suspended"


def test_completed_shipment_and_planned_exports_conflict():
    done = _ev("e1", "d1", type="SHIPMENT", status="completed")
    planned = _ev("e2", "d2", type="SHIPMENT", status="planned")
    assert conflict(done, planned) == "status completed vs planned"


def test_two_shipments_in_one_month_between_the_same_states_conflict():
    first = _ev("e1", "d1", type="SHIPMENT", status="completed", actors=("PAK",), counterparts=("USA",),
                occurred=date(2025, 10, 8), reported=date(2025, 10, 9), figures=frozenset({"2000 t"}))
    second = _ev("e2", "d2", type="SHIPMENT", status="completed", actors=("PAK",), counterparts=("USA",),
                 occurred=date(2025, 10, 12), reported=date(2025, 10, 13), figures=frozenset({"1500 t"}))
    assert conflict(first, second) is not None
    # Undated the same way, the quantities alone keep them apart.
    assert conflict(first, second.__class__(**{**_fields(second), "occurred": date(2025, 10, 9)})) == "different quantities"


def _fields(r):
    return {f: getattr(r, f) for f in r.__dataclass_fields__}


def test_no_chain_through_a_third_report():
    """A report compatible with both a planned and a completed shipment does not pull them together."""
    done = _ev("e1", "d1", type="SHIPMENT", status="completed")
    vague = _ev("e2", "d2", type="SHIPMENT", status=None)
    planned = _ev("e3", "d3", type="SHIPMENT", status="planned")
    groups = cluster_events([done, vague, planned]).clusters
    assert ["e1", "e3"] not in groups and not any({"e1", "e3"} <= set(g) for g in groups)


def test_a_split_decision_wins_over_the_score():
    a, b = _ev("e1", "d1"), _ev("e2", "d2")
    assert cluster_events([a, b]).clusters == [["e1", "e2"]]
    assert sorted(cluster_events([a, b], [("e1", "e2", "split", "")]).clusters) == [["e1"], ["e2"]]
    far = _ev("e3", "d3", occurred=date(2025, 9, 1))
    joined = cluster_events([a, far], [("e1", "e3", "join", "same decree")])
    assert joined.clusters == [["e1", "e3"]] and "same decree" in joined.merges[0].reasons[0]


def test_quantities_normalise_units_and_scales():
    assert quantities(["shipped 2,000 tonnes", "a 1.5 million tons cargo", "3 t"]) == {"2000 t", "1.5e+06 t"}


def test_syndication_links_copies_to_the_earliest_and_keeps_other_stories_apart():
    text = ("Pakistan shipped its first consignment of antimony and copper concentrate to the United States on "
            "October 8, officials said, the first delivery under a minerals agreement signed in September. ") * 3
    other = "Chile raised royalties on new lithium contracts, the mining ministry said, citing higher prices for the metal."
    keys = [syndication.ArticleKey("b", date(2025, 10, 10), syndication.signature(text + " Reporting by the desk.")),
            syndication.ArticleKey("a", date(2025, 10, 9), syndication.signature(text)),
            syndication.ArticleKey("c", date(2025, 10, 9), syndication.signature(other))]
    found = {o.article_id: o for o in syndication.find_origins(keys)}
    assert found["a"].relation == "origin" and found["b"].origin_id == "a" and found["b"].relation == "copy"
    assert found["c"].origin_id == "c"


def test_entity_links_and_an_ambiguous_acronym():
    links = {l.entity_id: l for l in link_entities([
        NamedEntity("org:us strategic metals", "ORG", "US Strategic Metals", ("USSM",), 3),
        NamedEntity("org:u.s. strategic metals inc.", "ORG", "U.S. Strategic Metals Inc.", (), 1),
        NamedEntity("org:ussm", "ORG", "USSM", (), 1),
        NamedEntity("org:china minmetals", "ORG", "China Minmetals", ("CMC",), 1),
        NamedEntity("org:china molybdenum", "ORG", "China Molybdenum", ("CMC",), 1),
        NamedEntity("org:cmc", "ORG", "CMC", (), 1),
    ])}
    assert links["org:ussm"].canonical_id == links["org:u.s. strategic metals inc."].canonical_id == "org:us strategic metals"
    assert links["org:cmc"].canonical_id == "org:cmc"  # two bodies claim the letters: linked to neither
    assert name_key("The U.S. Strategic Metals Corp.") == "us strategic metals"


def test_registry_link_by_milestone_and_by_announcement_number():
    measures = load_measures()
    links = link_cluster("c1", "EXPORT_CONTROL", ["CHN"], ["antimony"], "announced", date(2024, 8, 16), [], measures)
    assert [l.measure_id for l in links] == ["CN-MOFCOM-GAC-2024-33"]
    by_number = link_cluster("c2", "EXPORT_CONTROL", ["CHN"], ["gallium"], None, date(2024, 1, 5),
                             ["under MOFCOM Announcement No. 23 exporters need licences"], measures)
    assert [l.measure_id for l in by_number] == ["CN-MOFCOM-GAC-2023-23"] and by_number[0].score == 1.0
    assert link_cluster("c3", "EXPORT_CONTROL", ["IDN"], ["nickel"], "announced", date(2025, 1, 1), [], measures) == []


def test_confused_roles_do_not_split_but_opposite_shipments_do():
    tariff = _ev("e1", "d1", type="IMPORT_CONTROL", actors=("USA",), commodities=("steel",))
    confused = _ev("e2", "d2", type="IMPORT_CONTROL", actors=("BRA",), counterparts=("USA",), commodities=("steel",))
    assert conflict(tariff, confused) is None  # the target named as actor: one tariff
    outbound = _ev("e3", "d3", type="SHIPMENT", actors=("PAK",), counterparts=("USA",), status="completed")
    inbound = _ev("e4", "d4", type="SHIPMENT", actors=("USA",), counterparts=("PAK",), status="completed")
    assert conflict(outbound, inbound) == "opposite directions"
    elsewhere = _ev("e5", "d5", type="IMPORT_CONTROL", actors=("IND",), commodities=("steel",))
    assert conflict(tariff, elsewhere) == "different states"
