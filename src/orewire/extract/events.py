"""Events of one document: sentence-level trigger rules (:mod:`.rules`), arguments from the
entities in and around the sentence, and merging so that each real-world occurrence is one
event carrying every sentence that states it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..clean.dates import WEEKDAY
from .cues import (
    ACQUISITION_DEAL,
    AGENTLESS_PASSIVE,
    AID_PURPOSE,
    ANALYST_VIEW,
    ANALYSTS_SAY,
    ANAPHORA,
    BACKGROUND,
    BAN_BY_SUSPENSION,
    BLAMED_CAUSE,
    CAPITAL_COSTS,
    CAPITAL_MARKETS,
    CHANGE_START,
    CLAUSE_BREAK,
    CLOSURES,
    COMPANY_SAID,
    CONDITIONAL_DEAL,
    CONTROL_AS_CAUSE,
    COUNTERPART_CUE,
    DEAL_MADE,
    DEAL_WORDS,
    EQUITY_MARKET,
    EXPLORATION,
    EXPORT_QUOTA_SET,
    FIGURE_SUBJECT,
    FINANCIAL,
    FIRM_EXPORT_LICENCE,
    FORECAST,
    HYPOTHETICAL,
    LABOUR_DEAL,
    LICENCE_ACT,
    LINK,
    LOCATED,
    MARKET_CALL,
    MONEY_OR_PCT,
    MONITORED_TRADE,
    NEGATOR,
    NOT_MINING_OPERATIONS,
    NUMBER,
    OUTPUT_CHANGE,
    OUTPUT_MOVE,
    OUTPUT_TRADED,
    OWNERSHIP,
    PERIOD_OUTPUT,
    PERMITTED_SHIPMENT,
    PREMIUM_MOVE,
    PRICE_FORECAST,
    PRICE_SETTING,
    PRICE_WORD,
    PRODUCTION_CHANGE,
    PRODUCTION_START,
    QUANTITY,
    QUESTION,
    REALISED_PRICE,
    REPORTED,
    SHARE_OF,
    SHIPMENT_MOVE,
    SHIPPED,
    SPEECH,
    STORY_FACILITY,
    STORY_SUBJECT,
    STRONG_PRODUCTION,
    SUSPENDED_MEASURE,
    TALKS_HELD,
    TRADE_FIGURE,
    UNDER_AGREEMENT,
    VENTURE_BACKGROUND,
)
from .entities import Entities
from .rules import (
    CONTROL_ACTION,
    DEFAULT_STATUS,
    DENIAL_OF_REPORT,
    MONEY,
    NEGATED,
    NOT_AGREEMENT,
    NOT_INVESTMENT,
    NOT_MEETING,
    NOT_PRICE_SUBJECT,
    NOT_SHIPMENT,
    PRICE_MOVE,
    SCALE,
    STATEMENT_SUBTYPES,
    STATUS_RULES,
    TRIGGERS,
)

EXTRACTOR = "orewire.event_rules.v1"
# When a sentence fires several rules, the more specific types win (at most MAX_TYPES per sentence).
PRIORITY = ["EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION", "STATEMENT", "FACILITY", "AGREEMENT", "INVESTMENT", "SHIPMENT",
            "MEETING", "POLICY", "PRODUCTION", "PRICE"]
MAX_TYPES = 2
_CONTROL_TYPES = {"EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION"}


@dataclass
class Found:
    """An event under construction: its type, arguments and evidence spans (article offsets)."""

    type: str
    article_index: int
    actors: list[str]
    counterparts: list[str]
    commodities: list[str]
    status: str | None
    polarity: str = "asserted"
    subtype: str | None = None
    speaker: str | None = None
    amount_usd: float | None = None
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (article index, start, end)
    topic: str | None = None  # for a STATEMENT: the other event type its sentence is about, if any
    figures: set[str] = field(default_factory=set)  # quantities stated ("18,367 tonnes"): different figures, different events
    days: set[str] = field(default_factory=set)  # PRICE: weekdays named ("on Tuesday"): different days, different moves


Unit = tuple[int, int, str]


def sentence_units(doc: Any) -> list[Unit]:
    """Each sentence of a parsed text as (start, end, text), trimmed; questions and scraps left out. Events
    are read from these, and the detector reads the same units."""
    out = []
    for sent in doc.sents:
        s_text = sent.text.rstrip()
        if len(s_text) < 15 or QUESTION.search(s_text.strip()):
            continue  # a question asks, it reports nothing
        start = sent.start_char + (len(s_text) - len(s_text.lstrip()))
        s_text = s_text.strip()
        out.append((start, start + len(s_text), s_text))
    return out


def sentence_events(index: int, text: str, doc: Any, ents: Entities, detector: Any = None, speaker: Any = None) -> list[Found]:
    """Candidate events, one per (sentence, type): the types come from the learned detector when one is given
    (the rules then fill in arguments, clauses, status and amounts), else from the trigger rules.

    The detector reads each sentence with the types the rules fire on it (:func:`rule_hints`): a feature it
    learned to trust or overrule on the corpus."""
    units = sentence_units(doc)
    by_rules = sentence_candidates(index, units, ents, None)
    if detector is None or not units:
        return by_rules
    hints = rule_hints(units, by_rules)
    detected = detector.types_of(detector.probabilities([u[2] for u in units], hints))
    return sentence_candidates(index, units, ents, detected, speaker)


def rule_hints(units: list[Unit], found: list[Found]) -> list[frozenset[str]]:
    """Per sentence, the event types the trigger rules found in it (clause events count for their sentence)."""
    hints: list[set[str]] = [set() for _ in units]
    for f in found:
        for _, a, _b in f.spans:
            k = next((k for k, (s, e, _t) in enumerate(units) if s <= a < e), None)
            if k is not None:
                hints[k].add(f.type)
    return [frozenset(h) for h in hints]


def sentence_candidates(index: int, units: list[Unit], ents: Entities, detected: list[dict[str, float]] | None,
                        speaker: Any = None) -> list[Found]:
    """One pass over the sentences: by the rules (``detected`` None) or with the detector's types per sentence
    (and the learned speaker choice, :class:`orewire.learn.speaker.SpeakerModel`, when given)."""
    found: list[Found] = []
    main_org = ents.main_org() if speaker is not None else None
    last_priced: list[str] = []
    for k, (start, end, s_text) in enumerate(units):
        commodities = _ids_in(ents.commodities, start, end)
        countries = _ids_in(ents.countries, start, end)
        orgs = ents.org_in(start, end)
        persons = ents.persons_in(start, end)
        masked = _mask_links(_mask_org_names(s_text, start, ents))
        types = [t for t in PRIORITY if t not in ("STATEMENT", "PRICE") and TRIGGERS[t].search(masked)]
        if "PRODUCTION" in types and STRONG_PRODUCTION.search(s_text):
            types.remove("PRODUCTION")
            types.insert(0, "PRODUCTION")
        price_clauses = _price_clauses(s_text, start, ents, last_priced)
        if price_clauses:
            last_priced = price_clauses[-1][2]  # "Other contracts gained 2 dlrs": the metal of the price report so far
        if price_clauses:
            types.append("PRICE")
        subtype = rule_subtype(s_text)
        if subtype and (countries or orgs or persons or COMPANY_SAID.search(s_text)):
            types.insert(0, "STATEMENT")
        chosen = ([t for t in types if t not in ("STATEMENT", "PRICE")][:MAX_TYPES]
                  + [t for t in ("PRICE", "STATEMENT") if t in types])
        if detected is not None:
            chosen = [t for t in PRIORITY if t in detected[k]]
            subtype = subtype or "CLAIM"
            if "PRICE" in chosen and not price_clauses:
                price_clauses = [(start, end, list(commodities))]  # the model saw a move the clause rules did not split
        for etype in chosen:
            if etype == "PRICE":
                setter = list(orgs[:1]) if PRICE_SETTING.search(s_text) else []  # who set a producer price (guidelines)
                found += [_price_event(index, s_text, a, b, cids, setter, s_text[a - start:b - start])
                          for a, b, cids in price_clauses]
                continue
            if detected is None and not _plausible(etype, s_text, commodities, countries, orgs, persons):
                continue
            if etype in ("PRODUCTION", "SHIPMENT"):
                parts = _figure_clauses(s_text, start)
                if parts:
                    found += [_clause_event(etype, index, s_text, start, a, b, ents, commodities) for a, b in parts]
                    continue
            trigger_at = _trigger_offset(etype, s_text)
            actors, counterparts = _split_roles(s_text, start, trigger_at, ents, countries, orgs, persons)
            if etype in _NO_COUNTERPART_TYPES:
                actors, counterparts = actors + [c for c in counterparts if c not in actors], []
            if etype in _STATE_TYPES:
                actors = _states_for_people(actors, ents)
            if etype == "STATEMENT" and persons:
                affiliation = ents.persons[persons[0]].affiliation
                if affiliation:
                    actors = [affiliation, *[a for a in actors if a != affiliation]]
            event = Found(
                type=etype, article_index=index, actors=actors, counterparts=counterparts,
                commodities=list(commodities),
                status=_status(etype, s_text[max(0, trigger_at - 60):trigger_at + 80]),
                subtype=subtype if etype == "STATEMENT" else None,
                speaker=_speaker(speaker, s_text, start, end, ents, main_org, persons, actors) if etype == "STATEMENT" else None,
                amount_usd=_amount(s_text) if etype in ("AGREEMENT", "INVESTMENT", "SHIPMENT", "POLICY", "FACILITY") else None,
                spans=[(index, start, end)],
                topic=_topic(etype, types, s_text),
            )
            event.figures = {m.group(0) for m in QUANTITY.finditer(s_text)} | {m.group(0).strip() for m in MONEY.finditer(s_text)}
            if etype != "STATEMENT" and subtype == "DENY" and _reported_then_denied(s_text, trigger_at):
                event.polarity = "denied"
            found.append(event)
    return found


def rule_subtype(s_text: str) -> str | None:
    """The statement subtype the cue rules read in a sentence, if any."""
    subtype = next((st for st, rx in STATEMENT_SUBTYPES if rx.search(s_text)), None)
    if subtype == "ACCUSE" and (BLAMED_CAUSE.search(s_text) or AGENTLESS_PASSIVE.search(s_text)):
        return None  # "Vale blamed heavy rainfall for missing its forecast": an explanation, not an accusation
    return subtype


def _speaker(model: Any, s_text: str, start: int, end: int, ents: Entities, main_org: str | None, persons: list[str],
             actors: list[str]) -> str | None:
    """Who speaks: the learned choice among the sentence's candidates, else the first person, else the first actor."""
    chosen = model.choose(s_text, start, end, ents, main_org) if model is not None else None
    return chosen or (persons[0] if persons else (actors[0] if actors else None))


# producer / -; all parties are actors (guidelines)
_NO_COUNTERPART_TYPES = {"PRODUCTION", "PRICE", "POLICY", "MEETING", "AGREEMENT"}
_COMPANY_TYPES = {"PRODUCTION", "INVESTMENT", "AGREEMENT", "FACILITY", "STATEMENT", "SHIPMENT", "MEETING"}
_STATE_TYPES = {"EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION", "POLICY", "SHIPMENT"}


def _story_actors(etype: str, main_org: str | None, main_country: str | None) -> list[str]:
    """The story's subject, which a sentence often leaves implicit ("the company said it produced ...")."""
    out = []
    if main_org and etype in _COMPANY_TYPES:
        out.append(main_org)
    if main_country and etype in _STATE_TYPES:
        out.append(main_country)
    return out


def _reported_then_denied(text: str, trigger_at: int) -> bool:
    """The event is only reported (\"claims that Pakistan shipped ...\") and the report is denied."""
    report = REPORTED.search(text[:trigger_at + 1])
    return bool(report) and bool(DENIAL_OF_REPORT.search(text))


def _sentence_price(text: str) -> bool:
    """A price report without a commodity clause: a producer's setting or realised price, or a price word
    with a move and a figure, unless the move is a forecast or moves sales, output or stocks."""
    if _forecast_move(text) or _move_of_another_quantity(text):
        return False
    return bool(PRICE_SETTING.search(text) or REALISED_PRICE.search(text)
                or (PRICE_WORD.search(text) and PRICE_MOVE.search(text) and MONEY_OR_PCT.search(text)))


def _move_of_another_quantity(text: str) -> bool:
    """Every move in the sentence is of sales, output or stocks ("the copper sales value was up"), none of a price."""
    moves = list(PRICE_MOVE.finditer(text))
    return bool(moves) and all(NOT_PRICE_SUBJECT.search(text[max(0, m.start() - 25):m.start()]) and not
                               PRICE_WORD.search(text[max(0, m.start() - 25):m.start()]) for m in moves)


def _forecast_move(text: str) -> bool:
    """The sentence's first price move is a forecast ("is likely to rise"), not a reported move."""
    move = PRICE_MOVE.search(text)
    return bool(move) and bool(PRICE_FORECAST.search(text[max(0, move.start() - 30):move.end() + 5]))


def _price_clauses(text: str, offset: int, ents: Entities, default: list[str] | None = None) -> list[tuple[int, int, list[str]]]:
    """Clauses of a sentence that report a price move: (start, end, commodity ids), in article offsets.

    A move needs a commodity (or a price word) just before a move verb, not a share price or a
    production figure. A sentence listing several metals' moves ("zinc fell 0.2%, lead rose
    0.7%") gives a clause per metal.
    """
    hits = [m for m in ents.commodities if offset <= m.start < offset + len(text)]
    clauses: list[tuple[int, int, list[str]]] = []
    for i, m in enumerate(hits):
        local = m.start - offset
        stop = hits[i + 1].start - offset if i + 1 < len(hits) else len(text)
        after = text[m.end - offset:min(stop, m.end - offset + 90)]
        move = PRICE_MOVE.search(after)
        if not move:
            continue
        between = after[:move.start()]
        if PRICE_FORECAST.search(text[local:m.end - offset + move.end()]):
            continue  # "the tin price is likely to rise to 20 ringgit": a forecast reports no move
        before = text[max(0, local - 40):local]
        if NOT_PRICE_SUBJECT.search(between) or len(between.split()) > 6 or NOT_PRICE_SUBJECT.search(before):
            continue
        if re.search(r"\b(?:if|unless|whether)\b", text[max(0, local - 60):local], re.I):
            continue  # a condition, not a move
        if not (PRICE_WORD.search(text[max(0, local - 40):local] + between) or MONEY_OR_PCT.search(after[move.start():])):
            continue
        if clauses and clauses[-1][2] == [m.id]:
            continue
        clauses.append((m.start, offset + min(stop, m.end - offset + move.end() + 60), [m.id]))
    if len(clauses) == 1:  # one move: the whole sentence is the evidence
        clauses = [(offset, offset + len(text), clauses[0][2])]
    elif len(clauses) > 1:  # a list of moves: cut each clause at the next one, without trailing punctuation
        clauses = [(a, min(b, clauses[k + 1][0]) if k + 1 < len(clauses) else b, c) for k, (a, b, c) in enumerate(clauses)]
    premium = PREMIUM_MOVE.search(text)
    if clauses and premium and clauses[-1][0] < offset + premium.start():  # "futures jumped, lifting the premium ...": two moves
        a, b, ids = clauses[-1]
        clauses[-1] = (a, min(b, offset + premium.start()), ids)
        lead = len(premium.group(0)) - len(premium.group(0).lstrip(", "))
        clauses.append((offset + premium.start() + lead, offset + len(text), ids))
    if not clauses and _sentence_price(text):
        ids = _ids_in(ents.commodities, offset, offset + len(text)) or default or ents.commodity_ids()[:1]
        if ids and not EQUITY_MARKET.search(text):
            clauses = [(offset, offset + len(text), ids)]
    return clauses


def _figure_clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """Clauses of a sentence that each state their own figure ("output in the US fell 18.5 pct; that in Japan
    7.8 pct"): article offsets of each, when there are two or more; else nothing."""
    breaks = list(CLAUSE_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    parts = []
    for a, b in zip(starts, ends):
        piece = text[a:b]
        has_figure = QUANTITY.search(piece) and (FIGURE_SUBJECT.search(piece) or CHANGE_START.match(piece))
        if has_figure or OUTPUT_CHANGE.search(piece):
            lead = len(piece) - len(piece.lstrip(" ,;"))
            trail = len(piece.rstrip(" ,;."))
            parts.append((offset + a + lead, offset + a + trail))
    return parts if len(parts) >= 2 else []


def _clause_event(etype: str, index: int, sentence: str, s_start: int, a: int, b: int, ents: Entities,
                  sentence_commodities: list[str]) -> Found:
    """An event stated by one clause: its own entities where it names them, else the sentence's."""
    clause = sentence[a - s_start:b - s_start]
    commodities = _ids_in(ents.commodities, a, b) or sentence_commodities
    countries = _ids_in(ents.countries, a, b)
    orgs = ents.org_in(a, b)
    trigger_at = _trigger_offset(etype, clause)
    actors, counterparts = _split_roles(clause, a, trigger_at, ents, countries, orgs, ents.persons_in(a, b))
    if etype in _NO_COUNTERPART_TYPES:
        actors, counterparts = actors + [c for c in counterparts if c not in actors], []
    return Found(type=etype, article_index=index, actors=actors, counterparts=counterparts, commodities=list(commodities),
                 status=_status(etype, clause), spans=[(index, a, b)], figures={m.group(0) for m in QUANTITY.finditer(clause)})


def _price_event(index: int, text: str, start: int, end: int, commodities: list[str], actors: list[str] | None = None,
                 clause: str | None = None) -> Found:
    """A PRICE event; what moved (a price, a premium, a producer's realised price) is read from its clause."""
    kind = "premium" if re.search(r"\b(?:premium|spread|discount|arbitrage)\b", clause or text, re.I) else "price"
    if REALISED_PRICE.search(text):
        kind = "realised"  # what one producer got, apart from the market's move
    return Found(type="PRICE", article_index=index, actors=list(actors or []), counterparts=[], commodities=list(commodities),
                 status=DEFAULT_STATUS["PRICE"], spans=[(index, start, end)], topic=kind, days=_days(text))


def _mask_org_names(text: str, offset: int, ents: Entities) -> str:
    """The sentence with organisation names blanked, so "Board of Investment" triggers no INVESTMENT."""
    chars = list(text)
    for org in ents.orgs.values():
        for a, b in org.spans:
            if offset <= a < offset + len(text):
                for k in range(a - offset, min(b - offset, len(text))):
                    chars[k] = "x"  # one placeholder word: "bought the x plant" still reads as a purchase
    return "".join(chars)


def _mask_links(text: str) -> str:
    """The sentence with web addresses and their link titles blanked: a scraped page's
    "(https://.../copper-premium-soars-after-trump-tariff-moves)" states no tariff."""
    return LINK.sub(lambda m: " " * len(m.group(0)), text)


def _topic(etype: str, types: list[str], text: str) -> str | None:
    """What a candidate is about, for merging: a STATEMENT's other event type; exploration vs output for PRODUCTION."""
    if etype == "STATEMENT":
        if ANAPHORA["STATEMENT"].search(text) and not SPEECH.search(text):
            return "anaphora"  # "He made the accusations in filings to ...": the accusation already told
        return next((t for t in types if t != "STATEMENT"), None)
    if etype == "PRODUCTION":
        return "exploration" if EXPLORATION.search(text) and not STRONG_PRODUCTION.search(text) else "output"
    if etype in ("AGREEMENT", "INVESTMENT") and ANAPHORA[etype].search(text):
        return "anaphora"
    return None


def _states_for_people(actors: list[str], ents: Entities) -> list[str]:
    """In a state's measure, an official stands for the state ("Trump raised tariffs" -> USA)."""
    out: list[str] = []
    for a in actors:
        person = ents.persons.get(a)
        affiliation = person.affiliation if person else None
        state = affiliation if affiliation and len(affiliation) == 3 and affiliation.isupper() else None
        for x in ([state, a] if state else [a]):
            if x not in out:
                out.append(x)
    return out


def _ids_in(matches: list[Any], start: int, end: int) -> list[str]:
    out: list[str] = []
    for m in matches:
        if start <= m.start < end and m.id not in out:
            out.append(m.id)
    return out


def _all_negated(trigger: re.Pattern[str], text: str) -> bool:
    """Every trigger of the type is negated ("clinched no agreements", "failing to obtain new credits")."""
    hits = list(trigger.finditer(text))
    return bool(hits) and all(NEGATOR.search(text[max(0, m.start() - 40):m.start()]) for m in hits)


def _plausible(etype: str, text: str, commodities: list[str], countries: list[str], orgs: list[str], persons: list[str]) -> bool:
    """Argument requirements that keep a stray trigger word from becoming an event: vetoes that hold for
    several types first, then the type's own check."""
    if _vetoed(etype, text):
        return False
    check = _TYPE_CHECKS.get(etype, _named_actor)
    return check(etype, text, _Named(commodities, countries, orgs, persons))


@dataclass(frozen=True)
class _Named:
    """What a sentence names: commodity ids, country ids, organisation and person names."""

    commodities: list[str]
    countries: list[str]
    orgs: list[str]
    persons: list[str]

    @property
    def actors(self) -> list[str]:
        return self.countries or self.orgs or self.persons


def _vetoed(etype: str, text: str) -> bool:
    """Sentences that state no event of most types: views, market calls, accounts, hypotheses, negations."""
    if etype != "PRICE" and ANALYST_VIEW.search(text) and (
            etype == "STATEMENT" or FORECAST.search(text) or ANALYSTS_SAY.search(text)):
        return True  # forecasts and views of analysts are not events (guidelines)
    if etype == "STATEMENT" and MARKET_CALL.search(text):
        return True  # "he believes gold prices will hold above $400": a market view, not an official claim
    accounts_types = ("AGREEMENT", "INVESTMENT", "PRODUCTION", "FACILITY")
    if etype in accounts_types and FINANCIAL.search(text) and not STRONG_PRODUCTION.search(text):
        return True  # results, earnings and share prices are not events (guidelines)
    if etype in ("PRODUCTION", "SHIPMENT") and HYPOTHETICAL.search(text):
        return True  # "would have produced ... without the plan"
    if etype in ("AGREEMENT", "INVESTMENT", "MEETING") and _all_negated(TRIGGERS[etype], text):
        return True  # "clinched no agreements", "failing to obtain new credits": nothing happened
    return False


def _named_actor(etype: str, text: str, named: _Named) -> bool:
    return bool(named.actors)


def _plausible_price(etype: str, text: str, named: _Named) -> bool:
    return bool(named.commodities) and bool(NUMBER.search(text))


def _plausible_agreement(etype: str, text: str, named: _Named) -> bool:
    if CONDITIONAL_DEAL.search(text):
        return False  # "Once they have agreed on detailed functions, the way will be cleared": no deal yet
    if LABOUR_DEAL.search(text):
        return False  # a deal with a union is a labour contract, not a minerals AGREEMENT
    if ACQUISITION_DEAL.search(text) and not DEAL_WORDS.search(text):
        return False  # "prepared to make another acquisition and a deal could be struck": the deal is the acquisition
    if (UNDER_AGREEMENT.search(text) or VENTURE_BACKGROUND.search(text)) and not DEAL_MADE.search(text):
        return False  # "delivered under its sale agreement", "a plant developed in a joint venture": background
    if NOT_AGREEMENT.search(text) and not re.search(r"\b(?:signed|agreement|deal)\b", text, re.I):
        return False
    return bool(named.actors)


def _plausible_production(etype: str, text: str, named: _Named) -> bool:
    if NOT_MINING_OPERATIONS.search(text) or OUTPUT_TRADED.search(text) or AID_PURPOSE.search(text):
        return False  # "suspended rescue operations"; "the right to buy half of its production": not output news
    if PERIOD_OUTPUT.search(text):
        return True  # "the Philippines, which mined 290,000 tonnes in the same period": a figure for a period is news
    if BACKGROUND.search(text) or (CAPITAL_MARKETS.search(text) and not STRONG_PRODUCTION.search(text)):
        return False
    if STRONG_PRODUCTION.search(text) or OUTPUT_MOVE.search(text) or PRODUCTION_START.search(text):
        return True  # the sentence is about output itself; the metal may be the story's
    figures = OWNERSHIP.sub(" ", text)  # "its 83%-owned subsidiary" states no output
    return (bool(named.commodities) or bool(named.actors)) and bool(QUANTITY.search(figures) or PRODUCTION_CHANGE.search(text))


def _plausible_shipment(etype: str, text: str, named: _Named) -> bool:
    if BACKGROUND.search(text) or (SHARE_OF.search(text) and not TRADE_FIGURE.search(text)):
        return False  # shares of a market are background; a period's trade figure is news even with a share in it
    if MONITORED_TRADE.search(text):
        return False  # "plans to monitor steel shipments": a control being set up, not a consignment
    if PERMITTED_SHIPMENT.search(text):
        return False  # "when authorities allow it to resume gold shipments": a permission, not a consignment
    if (TRIGGERS["IMPORT_CONTROL"].search(text) or TRIGGERS["EXPORT_CONTROL"].search(text)) and not SHIPPED.search(text):
        return False  # "tariffs on steel imports": the control, not a consignment
    if NOT_SHIPMENT.search(text) and not re.search(r"\bship(?:ped|ment|ments)\b|\bexported\b|\bdispatch", text, re.I):
        return False
    if not named.commodities:  # "Thailand exported 18,367 tonnes in 1986": the metal is the story's
        return bool(QUANTITY.search(text)) and bool(named.countries or named.orgs or SHIPMENT_MOVE.search(text)) and bool(
            SHIPPED.search(text))
    return bool(QUANTITY.search(text) or MONEY.search(text) or named.countries or
                re.search(r"\bship(?:ped|ment|ments)\b|\bdispatch|\bsend\b|\bcargo", text, re.I))


def _plausible_control(etype: str, text: str, named: _Named) -> bool:
    if etype == "SANCTION" and re.search(r"\bsanctions (?:law|laws|bill|act|legislation)\b", text, re.I) and (
            TRIGGERS["IMPORT_CONTROL"].search(text) or TRIGGERS["EXPORT_CONTROL"].search(text)):
        return False  # "permit imports pending clarification of sanctions laws": the law is background to the import decision
    if etype in ("IMPORT_CONTROL", "EXPORT_CONTROL") and CONTROL_AS_CAUSE.search(text):
        return False  # "gains outweighed unrest from new tariffs": a cause in a market report, told elsewhere
    m = TRIGGERS[etype].search(text)
    if m and NEGATED.search(text[max(0, m.start() - 30):m.start()]):
        return False  # "is not setting any export quota"
    if etype == "IMPORT_CONTROL" and re.search(r"\bexport (?:tariffs?|duties|tax(?:es)?|levy)\b", text, re.I) and not re.search(
            r"\bimport", text, re.I):
        return False  # an export tariff is an export control
    if etype == "EXPORT_CONTROL" and EXPORT_QUOTA_SET.search(text):
        return True  # "a quota system which limited their exports to 96,000 tonnes": the story's metal
    if etype == "EXPORT_CONTROL" and FIRM_EXPORT_LICENCE.search(text):
        return True  # "would resume the shipments under a new export license": the story's state and metal
    return bool(named.commodities or named.countries) and bool(CONTROL_ACTION.search(text) or MONEY_OR_PCT.search(text))


def _plausible_meeting(etype: str, text: str, named: _Named) -> bool:
    if NOT_MEETING.search(text):
        return False
    if TALKS_HELD.search(text):
        return True  # "talks were still going on with the striking locals": the parties are the story's
    return len(set(named.countries) | set(named.orgs) | set(named.persons)) >= 1 and bool(
        re.search(r"\b(?:with|between|met|visit\w*|delegation|both parties|held|meet again)\b", text, re.I))


def _plausible_investment(etype: str, text: str, named: _Named) -> bool:
    if NOT_INVESTMENT.search(text):
        return False
    if not named.actors:
        # "The lithium giant also invested $190 million in ...": the story's company, named earlier
        return bool(MONEY.search(text)) and bool(STORY_SUBJECT.search(text) or CAPITAL_COSTS.search(text))
    return True


def _plausible_policy(etype: str, text: str, named: _Named) -> bool:
    return bool(named.countries) or bool(re.search(r"\b(?:government|ministry|minister|department|state|administration|"
                                                   r"authorit(?:y|ies)|cabinet|parliament|regulator)\b", text, re.I)) or bool(
        LICENCE_ACT.search(text))  # a licence granted or revoked is a state's act even when the state is not named


def _plausible_statement(etype: str, text: str, named: _Named) -> bool:
    if not named.actors:
        return bool(COMPANY_SAID.search(text))  # the story's company speaks; it is named in an earlier sentence
    return True


def _plausible_facility(etype: str, text: str, named: _Named) -> bool:
    if CLOSURES.search(text):
        return False  # "a plan for voluntary steel plant closures", "capacity in excess of requirements": cuts, not a plant
    if LOCATED.match(text):
        return False  # "Located 30 km south of the company's planned processing hub, ...": where a thing is
    if not named.actors:
        return bool(STORY_FACILITY.search(text))  # "A plant will be located near ...": the story's company builds it
    return True


_TYPE_CHECKS = {
    "PRICE": _plausible_price, "AGREEMENT": _plausible_agreement, "PRODUCTION": _plausible_production,
    "SHIPMENT": _plausible_shipment, "EXPORT_CONTROL": _plausible_control, "IMPORT_CONTROL": _plausible_control,
    "SANCTION": _plausible_control, "MEETING": _plausible_meeting, "INVESTMENT": _plausible_investment,
    "POLICY": _plausible_policy, "STATEMENT": _plausible_statement, "FACILITY": _plausible_facility,
}


def _trigger_offset(etype: str, text: str) -> int:
    if etype == "STATEMENT":
        for _, rx in STATEMENT_SUBTYPES:
            m = rx.search(text)
            if m:
                return m.start()
        return 0
    m = TRIGGERS[etype].search(text)
    return m.start() if m else 0


def _split_roles(text: str, offset: int, trigger_at: int, ents: Entities, countries: list[str], orgs: list[str],
                 persons: list[str]) -> tuple[list[str], list[str]]:
    """Entities before the trigger act; those after a 'to/with/from' cue are counterparts; the rest act too."""
    positions: list[tuple[int, str]] = []
    for m in ents.countries:
        if offset <= m.start < offset + len(text):
            positions.append((m.start - offset, m.id))
    for name in orgs:
        for a, _ in ents.orgs[name].spans:
            if offset <= a < offset + len(text):
                positions.append((a - offset, name))
    for name in persons:
        for a, _ in ents.persons[name].spans:
            if offset <= a < offset + len(text):
                positions.append((a - offset, name))
    actors: list[str] = []
    counterparts: list[str] = []
    for pos, ident in sorted(positions):
        if pos > trigger_at and COUNTERPART_CUE.search(text[max(0, pos - 12):pos]):
            if ident not in counterparts and ident not in actors:
                counterparts.append(ident)
        elif ident not in actors:
            actors.append(ident)
    counterparts = [c for c in counterparts if c not in actors]
    return actors, counterparts


def _status(etype: str, text: str) -> str | None:
    if etype == "STATEMENT":
        return None
    if etype == "EXPORT_CONTROL" and BAN_BY_SUSPENSION.search(text) and not SUSPENDED_MEASURE.search(text):
        return "announced"  # suspending exports imposes a ban; suspending a ban is the other thing
    for status, rx in STATUS_RULES:
        if rx.search(text):
            if status == "interest" and etype not in ("INVESTMENT", "AGREEMENT"):
                continue
            if status == "lifted" and etype not in _CONTROL_TYPES | {"POLICY"}:
                continue  # a firm resuming its shipments lifts nothing
            return status
    return DEFAULT_STATUS.get(etype)


def _amount(text: str) -> float | None:
    for m in MONEY.finditer(text):
        number = m.group("n1") or m.group("n2")
        unit = (m.group("u1") or m.group("u2") or "").lower()
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            continue
        value *= SCALE.get(unit, 1.0)
        if value >= 1000:
            return value
    return None


def complete_arguments(events: list[Found], ents: list[Entities]) -> None:
    """Fill what sentences leave implicit from the story: its main company, main country and commodities."""
    for ev in events:
        story = ents[ev.article_index]
        extra = _story_actors(ev.type, story.main_org(), (story.country_ids() or [None])[0])
        if ev.type == "PRICE" and ev.topic == "realised" and story.main_org():
            extra.append(story.main_org())  # the price the story's producer got
        if ev.type in ("PRODUCTION", "PRICE") and not any(a in story.orgs and story.orgs[a].kind == "COMPANY" for a in ev.actors):
            extra += (story.country_ids() or [])[:1]  # national figures: the country produces
        ev.actors += [a for a in extra if a not in ev.actors and a not in ev.counterparts]
        if not ev.commodities:
            ev.commodities = story.commodity_ids()[:2]


def merge_events(found: list[Found], linker: Any = None) -> list[Found]:
    """Fold candidates that state the same occurrence: by the learned ``linker``
    (:class:`orewire.learn.grouping.Linker`) when given, else by the rules (``same_occurrence``); run
    before arguments are completed from the story, so that only what each sentence says decides."""
    merged: list[Found] = []
    for cand in found:
        if linker is not None:
            host = linker.host(merged, cand)
        else:
            host = next((m for m in merged if same_occurrence(m, cand)), None)
        if host is None and cand.topic == "anaphora":  # "the deal awaits approval": the deal already told
            host = next((m for m in reversed(merged) if m.type == cand.type and _same_subtype(m.subtype, cand.subtype)), None)
            if host is None and cand.type == "AGREEMENT":  # in a takeover story "the deal" is the acquisition
                host = next((m for m in reversed(merged) if m.type == "INVESTMENT"), None)
                if host is not None:
                    host.spans += [s for s in cand.spans if s not in host.spans]
                    continue
        if host is None:
            merged.append(cand)
            continue
        host.spans += [s for s in cand.spans if s not in host.spans]
        host.actors += [a for a in cand.actors if a not in host.actors]
        host.counterparts += [c for c in cand.counterparts if c not in host.counterparts and c not in host.actors]
        host.commodities += [c for c in cand.commodities if c not in host.commodities]
        host.amount_usd = host.amount_usd or cand.amount_usd
        host.days |= cand.days
    return merged


def _days(text: str) -> set[str]:
    return {d.lower() for d in WEEKDAY.findall(text)}


_ASSERTIVE = {"CLAIM", "ACCUSE"}


def _same_subtype(a: str | None, b: str | None) -> bool:
    """An allegation retold as a claim is one statement; a denial or an assurance is another."""
    return a == b or {a, b} <= _ASSERTIVE


def same_occurrence(a: Found, b: Found) -> bool:
    """Same type, subtype and polarity; then by type:

    * STATEMENT: the same speaker or leading actor, about the same kind of event (a denial of
      export-control motives and a denial of shipment reports stay apart);
    * PRICE, PRODUCTION: the same status and commodities (news reports one move or result per metal,
      and a forecast apart from the result);
    * the rest: commodities and actors overlap, an empty side agreeing with anything.
    """
    if a.type != b.type or a.polarity != b.polarity or not _same_subtype(a.subtype, b.subtype):
        return False
    if a.type == "PRICE" and a.days and b.days and not a.days & b.days:
        return False  # "fell on Monday" and "rose on Tuesday": two moves
    if a.type == "STATEMENT":
        same_source = a.speaker == b.speaker or bool(set(a.actors) & set(b.actors))
        return same_source and (a.topic == b.topic or a.topic is None or b.topic is None)
    if a.type == "PRICE":
        return set(a.commodities) == set(b.commodities) and a.topic == b.topic
    if a.type == "PRODUCTION" and a.topic == b.topic == "exploration":
        return a.status == b.status and bool(set(a.commodities) & set(b.commodities) or not a.commodities or not b.commodities)
    if a.type != "STATEMENT" and a.figures and b.figures and not a.figures & b.figures:
        return False  # different figures, different occurrences
    if a.type == "PRODUCTION":
        same_actors = set(a.actors) & set(b.actors) if a.actors and b.actors else not a.actors and not b.actors
        return a.status == b.status and set(a.commodities) == set(b.commodities) and bool(same_actors)
    if a.type == "SHIPMENT" and a.status != b.status and (a.figures or b.figures):
        return False  # "shipments through South Africa ended" and "exported 100,000 tonnes last quarter": two occurrences
    commodities_agree = not a.commodities or not b.commodities or bool(set(a.commodities) & set(b.commodities))
    actors_agree = not a.actors or not b.actors or bool(set(a.actors) & set(b.actors))
    if a.type == "AGREEMENT" and not _same_parties(a, b):
        return False
    return commodities_agree and actors_agree


def _same_parties(a: Found, b: Found) -> bool:
    """Deals of one company with different partners are different deals: the parties other than the
    first-named one must overlap when both sentences name some."""
    others_a = set(a.actors[1:]) | set(a.counterparts)
    others_b = set(b.actors[1:]) | set(b.counterparts)
    return not others_a or not others_b or bool(others_a & others_b)
