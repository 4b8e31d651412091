"""Learned speaker choice for a STATEMENT: which candidate in or before its sentence is the one who speaks.

Candidates are the persons, organisations and countries the sentence names, and the last person named
before it (for "he said"). A logistic model scores each on its kind, its place against the speech verb,
a role word before it, and how often the story names it; the best-scoring candidate speaks. Fitted by
``train_speaker`` on the corpus's STATEMENT events; without the artefact the rule (first person, else
first actor) decides.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..extract.cues import SPEECH

if TYPE_CHECKING:
    from ..extract.entities import Entities

ROLE_BEFORE = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|president|chairman|chairwoman|chief|director|official|"
                         r"secretary|analyst|executive|head|governor|ambassador|premier|leader|manager|envoy|adviser|advisor)\b[^.]{0,25}$", re.I)
ACCORDING = re.compile(r"\baccording to\s*$|\b(?:said|says|told|added|stated)\s*$", re.I)
PRONOUN_SPEAKS = re.compile(r"\b(?:he|she)\s+(?:said|says|added|told|stated|noted|warned|stressed|denied|insisted)\b", re.I)
KINDS = ("person", "org", "country", "earlier_person")
FEATURES = (*(f"kind_{k}" for k in KINDS), "org_company", "first_in_sentence", "position", "before_speech", "after_speech",
            "role_before", "pronoun_speaks", "persons_in_sentence", "story_mentions", "main_org", "is_affiliation",
            "in_title_quote")


@dataclass(frozen=True)
class Candidate:
    """One who may speak: the name the event would carry and where it is first named in the article."""

    name: str
    kind: str
    start: int
    end: int
    org_kind: str | None = None


def candidates(start: int, end: int, ents: "Entities") -> list[Candidate]:
    """Persons, organisations and countries named in ``[start, end)``, and the last person named before it."""
    out: list[Candidate] = []
    for p in ents.persons.values():
        inside = [(a, b) for a, b in p.spans if start <= a < end]
        if inside:
            out.append(Candidate(p.name, "person", *inside[0]))
    for o in ents.orgs.values():
        inside = [(a, b) for a, b in o.spans if start <= a < end]
        if inside:
            out.append(Candidate(o.name, "org", *inside[0], org_kind=o.kind))
    seen: set[str] = set()
    for m in ents.countries:
        if start <= m.start < end and m.id not in seen:
            seen.add(m.id)
            out.append(Candidate(m.id, "country", m.start, m.end))
    if not any(c.kind == "person" for c in out):
        before = [(b, p.name, a) for p in ents.persons.values() for a, b in p.spans if b <= start]
        if before:
            b, name, a = max(before)
            out.append(Candidate(name, "earlier_person", a, b))
    return out


def candidate_features(c: Candidate, sentence: str, start: int, ents: "Entities", all_cands: list[Candidate],
                       main_org: str | None) -> np.ndarray:
    """The features of one candidate (:data:`FEATURES` order)."""
    inside = c.kind != "earlier_person"
    left = sentence[max(0, c.start - start - 40):max(0, c.start - start)] if inside else ""
    right = sentence[c.end - start:c.end - start + 25] if inside else ""
    firsts = [x.start for x in all_cands if x.kind != "earlier_person"]
    mentions = _mentions(c, ents)
    affiliations = {p.affiliation for p in ents.persons.values() if p.affiliation}
    values = [float(c.kind == k) for k in KINDS] + [
        float(c.org_kind == "COMPANY"), float(inside and bool(firsts) and c.start == min(firsts)),
        (c.start - start) / max(1, len(sentence)) if inside else 0.0,
        float(bool(SPEECH.match(right.strip()))), float(bool(ACCORDING.search(left))),
        float(bool(ROLE_BEFORE.search(left))), float(bool(PRONOUN_SPEAKS.search(sentence))),
        min(3, sum(x.kind == "person" for x in all_cands)) / 3.0, math.log1p(mentions) / 3.0,
        float(c.name == main_org), float(c.name in affiliations), float('"' in sentence or "\u201c" in sentence),
    ]
    return np.array(values, dtype=np.float32)


def _mentions(c: Candidate, ents: "Entities") -> int:
    if c.kind in ("person", "earlier_person"):
        return len(ents.persons[c.name].spans) if c.name in ents.persons else 1
    if c.kind == "org":
        return len(ents.orgs[c.name].spans) if c.name in ents.orgs else 1
    return sum(m.id == c.name for m in ents.countries)


@dataclass(frozen=True)
class SpeakerModel:
    weights: np.ndarray
    bias: float
    card: dict

    def choose(self, sentence: str, start: int, end: int, ents: "Entities", main_org: str | None) -> str | None:
        """The best-scoring candidate's name, or None when the sentence offers none."""
        cands = candidates(start, end, ents)
        if not cands:
            return None
        scores = [float(np.dot(self.weights, candidate_features(c, sentence, start, ents, cands, main_org))) for c in cands]
        return cands[int(np.argmax(scores))].name


@lru_cache(maxsize=1)
def load_speaker(path: Path | None = None) -> SpeakerModel | None:
    """The shipped speaker model, or None (no artefact, OREWIRE_NO_MODEL, or another feature set)."""
    from .detector import read_artefact

    found = read_artefact("speaker.npz", path, FEATURES)
    if found is None:
        return None
    data, card = found
    return SpeakerModel(data["weights"].astype(np.float32), float(data["bias"]), card)
