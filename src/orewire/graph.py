"""The knowledge graph: entities and resolved events as nodes, their roles as edges.

Nodes: countries, commodities, organisations, people (canonical ids), resolved events
(``event:<cluster id>``) and registry measures (``measure:<id>``). Edges: ``ACTOR`` (entity ->
event), ``COUNTERPART`` (event -> entity), ``COMMODITY`` (event -> commodity), ``REPORTS``
(event -> measure). Written as GraphML (Gephi, networkx, Neo4j via APOC) or node-link JSON
(networkx ``node_link_graph(data, edges="links")``, d3).
"""
from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from .query import country_name
from .reference import load_measures

NODE_KEYS = ("label", "kind", "type", "status", "polarity", "date", "n_sources", "n_origins", "country")
EDGE_KEYS = ("relation",)


def build_graph(rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Node-link data from ``query.graph_rows`` output."""
    nodes: dict[str, dict[str, Any]] = {}
    links: list[dict[str, Any]] = []
    for ent in rows["entities"]:
        label = country_name(ent["id"]) if ent["kind"] == "COUNTRY" else ent["name"]
        nodes[ent["id"]] = {"id": ent["id"], "label": label, "kind": ent["kind"],
                            "country": (ent.get("attrs") or {}).get("country")}
    measures = {m.id: m for m in load_measures()}

    def ensure(entity_id: str, names: dict[str, str], kind: str) -> None:
        label = country_name(entity_id) if kind == "COUNTRY" else names.get(entity_id, entity_id)
        nodes.setdefault(entity_id, {"id": entity_id, "label": label, "kind": kind})

    for ev in rows["events"]:
        node_id = "event:" + ev["id"]
        day = ev["occurred"] or ev["first_reported"]
        nodes[node_id] = {"id": node_id, "label": f"{ev['type']} {day or ''}".strip(), "kind": "EVENT", "type": ev["type"],
                          "status": ev["status"], "polarity": ev["polarity"], "date": day.isoformat() if day else None,
                          "n_sources": ev["n_sources"], "n_origins": ev["n_origins"]}
        for actor in ev["actors"]:
            ensure(actor, ev["names"], _kind(actor))
            links.append({"source": actor, "target": node_id, "relation": "ACTOR"})
        for other in ev["counterparts"]:
            ensure(other, ev["names"], _kind(other))
            links.append({"source": node_id, "target": other, "relation": "COUNTERPART"})
        for commodity in ev["commodities"]:
            ensure(commodity, {}, "COMMODITY")
            links.append({"source": node_id, "target": commodity, "relation": "COMMODITY"})
    for link in rows["measure_links"]:
        m = measures.get(link["measure_id"])
        target = "measure:" + link["measure_id"]
        nodes.setdefault(target, {"id": target, "label": m.title if m else link["measure_id"], "kind": "MEASURE",
                                  "country": m.country if m else None})
        links.append({"source": "event:" + link["cluster_id"], "target": target, "relation": "REPORTS"})
    return {"directed": True, "multigraph": True, "graph": {"name": "orewire"},
            "nodes": sorted(nodes.values(), key=lambda n: n["id"]), "links": links}


def _kind(entity_id: str) -> str:
    if entity_id.startswith("org:"):
        return "ORG"
    if entity_id.startswith("person:"):
        return "PERSON"
    return "COUNTRY" if len(entity_id) == 3 and entity_id.isupper() else "OTHER"


def to_graphml(graph: dict[str, Any]) -> str:
    """GraphML text of node-link data (string attributes, integers for counts)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    for key in NODE_KEYS:
        kind = "int" if key.startswith("n_") else "string"
        ET.SubElement(root, f"{{{ns}}}key", id=key, attrib={"for": "node", "attr.name": key, "attr.type": kind})
    for key in EDGE_KEYS:
        ET.SubElement(root, f"{{{ns}}}key", id=key, attrib={"for": "edge", "attr.name": key, "attr.type": "string"})
    g = ET.SubElement(root, f"{{{ns}}}graph", id="orewire", edgedefault="directed")
    for node in graph["nodes"]:
        el = ET.SubElement(g, f"{{{ns}}}node", id=node["id"])
        for key in NODE_KEYS:
            if node.get(key) is not None:
                ET.SubElement(el, f"{{{ns}}}data", key=key).text = str(node[key])
    for i, link in enumerate(graph["links"]):
        el = ET.SubElement(g, f"{{{ns}}}edge", id=f"e{i}", source=link["source"], target=link["target"])
        ET.SubElement(el, f"{{{ns}}}data", key="relation").text = link["relation"]
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_json(graph: dict[str, Any]) -> str:
    """Node-link JSON."""
    return json.dumps(graph, ensure_ascii=False, indent=2)
