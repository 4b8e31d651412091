"""Learned grouping: which detected mentions of one document are the same occurrence.

A logistic model scores each pair of same-type candidates on distance, shared arguments, figures, dates,
status and the rules' own verdict; a candidate joins the earlier group it links to most strongly when that
probability reaches the threshold chosen by cross-validation on train stories (``train_grouping``). Without
the artefact, :func:`orewire.extract.events.merge_events` (rules) groups.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..clean.dates import mentioned_date
from ..extract.cues import ANAPHORA
from ..model import EventType

if TYPE_CHECKING:
    from ..extract.events import Found

BASE_FEATURES = (
    "rules_same", "same_article", "log_distance", "near", "commodities_shared", "commodities_disjoint",
    "commodity_missing", "actors_shared", "actors_disjoint", "figures_shared", "figures_disjoint", "days_disjoint",
    "same_status", "same_subtype", "same_polarity", "same_speaker", "same_topic", "amounts_equal", "amounts_differ",
    "dates_equal", "dates_differ", "later_refers_back", "same_sentence", "later_opens_with_pronoun",
    "later_names_nothing", "earlier_names_nothing", "same_commodities", "same_actors",
)
PRONOUN_OPENING = re.compile(r"(?:it|he|she|they|this|that|these|the (?:company|group|firm|miner|ministry|government|country|mine|plant|deal|move))\b", re.I)
TYPES = tuple(sorted(t.value for t in EventType))
FEATURES = BASE_FEATURES + tuple(f"type_{t}" for t in TYPES) + tuple(f"rules_same_{t}" for t in TYPES)


@dataclass(frozen=True)
class Mention:
    """A candidate with what the pair features read from its text: the sentence and the day it names."""

    found: "Found"
    text: str
    day: date | None


def mentions(found: list["Found"], texts: list[str], published: list[date | None]) -> list[Mention]:
    """Each candidate with its sentence text (first span) and the day that text names, if any."""
    out = []
    for f in found:
        i, a, b = f.spans[0]
        sentence = texts[i][a:b]
        out.append(Mention(f, sentence, mentioned_date(sentence, published[i])))
    return out


def _both(a: set | list, b: set | list) -> bool:
    return bool(a) and bool(b)


def pair_features(x: Mention, y: Mention) -> np.ndarray:
    """The features of one pair (``x`` told before ``y``), in :data:`FEATURES` order."""
    from ..extract.events import same_occurrence, _same_subtype

    a, b = x.found, y.found
    ia, sa, ea = a.spans[-1]
    ib, sb, _eb = b.spans[0]
    distance = abs(sb - ea) if ia == ib else 5000
    ca, cb, aa, ab = set(a.commodities), set(b.commodities), set(a.actors), set(b.actors)
    rules_same = float(same_occurrence(a, b))
    values = [
        rules_same, float(ia == ib), math.log1p(distance) / 8.0, float(distance < 300),
        float(bool(ca & cb)), float(_both(ca, cb) and not ca & cb), float(not ca or not cb),
        float(bool(aa & ab)), float(_both(aa, ab) and not aa & ab),
        float(bool(a.figures & b.figures)), float(_both(a.figures, b.figures) and not a.figures & b.figures),
        float(_both(a.days, b.days) and not a.days & b.days),
        float(a.status == b.status), float(_same_subtype(a.subtype, b.subtype)), float(a.polarity == b.polarity),
        float(bool(a.speaker) and a.speaker == b.speaker), float(a.topic == b.topic),
        float(a.amount_usd is not None and a.amount_usd == b.amount_usd),
        float(a.amount_usd is not None and b.amount_usd is not None and a.amount_usd != b.amount_usd),
        float(x.day is not None and x.day == y.day), float(x.day is not None and y.day is not None and x.day != y.day),
        float(bool(ANAPHORA.get(b.type) and ANAPHORA[b.type].search(y.text))),
        float(ia == ib and a.spans[0][1] <= sb < a.spans[0][2]), float(bool(PRONOUN_OPENING.match(y.text))),
        float(not cb and not ab), float(not ca and not aa), float(ca == cb), float(aa == ab),
    ]
    onehot = [float(a.type == t) for t in TYPES]
    return np.array(values + onehot + [rules_same * h for h in onehot], dtype=np.float32)


@dataclass(frozen=True)
class GroupingModel:
    weights: np.ndarray
    bias: float
    threshold: float
    card: dict

    def link(self, x: Mention, y: Mention) -> float:
        """The probability that two same-type mentions tell one occurrence."""
        z = self.bias + float(np.dot(self.weights, pair_features(x, y)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Linker:
    """Chooses, for each new candidate of a document, the earlier group it joins (see ``merge_events``)."""

    def __init__(self, model: GroupingModel, texts: list[str], published: list[date | None]) -> None:
        self.model, self.texts, self.published = model, texts, published
        self.members: dict[int, list[Mention]] = {}  # by id() of a group's host: its members as first seen

    def host(self, groups: list["Found"], cand: "Found") -> "Found | None":
        """The group ``cand`` links to most strongly (mean link to its members in the same article), if that
        reaches the threshold; a group told only in other articles of the page is joined on the rules' verdict."""
        from ..extract.events import same_occurrence

        m = mentions([copy.deepcopy(cand)], self.texts, self.published)[0]
        article = cand.spans[0][0]
        best, best_p = None, self.model.threshold
        for g in groups:
            if g.type != cand.type:
                continue
            links = [self.model.link(x, m) for x in self.members[id(g)] if x.found.spans[0][0] == article]
            if links:
                p = sum(links) / len(links)
            else:  # the corpus has one article per story: across a page's articles the rules judge
                p = 1.0 if any(same_occurrence(x.found, cand) for x in self.members[id(g)]) else 0.0
            if p >= best_p:
                best, best_p = g, p
        self.members.setdefault(id(best if best is not None else cand), []).append(m)
        return best


@lru_cache(maxsize=1)
def load_grouping(path: Path | None = None) -> GroupingModel | None:
    """The shipped grouping model, or None (no artefact, or OREWIRE_NO_MODEL set: the rules group)."""
    from .detector import read_artefact

    found = read_artefact("grouping.npz", path, FEATURES)
    if found is None:
        return None
    data, card = found
    return GroupingModel(data["weights"].astype(np.float32), float(data["bias"]), float(data["threshold"]), card)
