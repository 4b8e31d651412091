"""Events of one document: sentence-level trigger rules (:mod:`.rules`), arguments from the
entities in and around the sentence, and merging so that each real-world occurrence is one
event carrying every sentence that states it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..clean.dates import WEEKDAY
from .entities import Entities
from .rules import (CONTROL_ACTION, DEFAULT_STATUS, DENIAL_OF_REPORT, MONEY, NEGATED, NOT_AGREEMENT, NOT_INVESTMENT, NOT_MEETING, NOT_PRICE_SUBJECT, NOT_SHIPMENT, PRICE_MOVE, SCALE,
                    STATEMENT_SUBTYPES, STATUS_RULES, TRIGGERS)

EXTRACTOR = "orewire.event_rules.v1"
# When a sentence fires several rules, the more specific types win (at most MAX_TYPES per sentence).
PRIORITY = ["EXPORT_CONTROL", "IMPORT_CONTROL", "SANCTION", "STATEMENT", "FACILITY", "AGREEMENT", "INVESTMENT", "SHIPMENT",
            "MEETING", "POLICY", "PRODUCTION", "PRICE"]
MAX_TYPES = 2
_NUMBER = re.compile(r"\d")
_QUANTITY = re.compile(r"\d[\d.,]*\s?(?:mln |million |bln |billion |m |k |[MK](?:-\d[\d.,]*[MK])? )?(?:metric |short |long |dry )?(?:tonnes?|tons?|t\b|ounces?|oz|"
                       r"lbs?|pounds|kg|pct|percent|%|carats?|flasks?|ldt|mt\b|kt\b|moz\b)", re.I)
_PRODUCTION_CHANGE = re.compile(
    r"\b(?:strikes?|striking|shut(?:down| down)?|closed|closure|halt\w*|restart\w*|resum\w*|suspend\w*|commenc\w*|"
    r"began|begin|start\w*|ramp\w* up|care and maintenance|force majeure|froze|freez\w*|relaunch\w*|drill\w*|sampling|"
    r"exploration (?:program|team|work)|guidance|forecasts?|target\w*|expan\w*|cut (?:production|output)|curtail\w*|"
    r"construction|commission\w*|first production|discover\w*|idl\w*|clos(?:e|ing)|"
    r"(?:found|identified) (?:\w+ ){0,3}(?:deposits?|reserves|mineraliz\w+)|return\w* (?:[\w-]+ ){0,3}to (?:normal|full)|cuts? (?:in|to)|"
    r"exhausted|set to start|minting|minted)\b", re.I)
_STRONG_PRODUCTION = re.compile(r"\b(?:produced|mined|output|production)\b[^.;]{0,60}?\d[\d.,]*\s?(?:mln |million |bln |m |k |[MK](?:-\d[\d.,]*[MK])? )?"
                                r"(?:metric |short |long )?(?:tonnes|tons|ounces|oz|lbs|pounds|pct|percent|%)", re.I)
_SHIPPED = re.compile(r"\b(?:ship(?:ped|ment|ments)|exported|imported|dispatch\w*|deliver(?:ed|y|ies)|cargo(?:es)?|"
                      r"(?:exports|imports) (?:of [\w\s-]{2,30} |for consumption )?(?:rose|fell|increased|decreased|slipped|dropped|"
                      r"climbed|totall?ed|jumped|swelled|declined|grew|surged|eased))\b", re.I)
_HYPOTHETICAL = re.compile(r"\bwould have (?:to )?\w+\b|\bnot enough\b|\bcould (?:be|have)\b", re.I)
_CAPITAL_MARKETS = re.compile(r"\b(?:shares|proceeds|broker option|offering|placement|warrants)\b", re.I)
_SHARE_OF = re.compile(r"\b(?:accounting for|the (?:vast )?majority of|(?:a|one) (?:quarter|third|half) of (?:its|the)|"
                       r"most of (?:its|the)|is imported|are imported)\b", re.I)
_BACKGROUND = re.compile(r"\bexport (?:income|earnings|revenues?|receipts)\b|\b(?:a|per) year since (?:19|20)\d\d\b|\bannually since\b|"
                         r"\b(?:had|has) (?:an |a )?(?:annual |total )?capacity of\b|\bin excess of (?:requirements|demand)\b|"
                         r"\bexcess capacity\b|\bovercapacity\b|"  # what exports earn a country
                         r"\b(?:its|their) (?:global |world |market )?share (?:of|from)\b|"  # a trend in market share
                         r"\b(?:which|that) (?:produces|supplies|mines|exports) (?:[\w-]+ ){0,4}(?:pct|percent|%|share|half|a third|"
                         r"a quarter|most|majority)\b|"  # "Comibol, which produces 80 pct of Bolivia's exports": who it is, not news
                         r"\b(?:account(?:s|ed)? for|leading producer|largest producer|biggest producer|main \w+ producers|"
                         r"production and maintenance workers|is (?:the )?world's|history of)\b", re.I)
_COUNTERPART_CUE = re.compile(r"\b(?:to|with|from|against|on|into|in)\s+(?:the\s+)?$", re.I)
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


_QUESTION = re.compile(r"\?\W*$|(?:^|:\s*)(?:asked (?:about|whether|if|on)|asks (?:about|whether|if|on)|questioned|queried)\b"
                       r"(?![^.]*\b(?:said|says|told|replied|answered)\b)",
                       re.I)


def sentence_events(index: int, text: str, doc: Any, ents: Entities) -> list[Found]:
    """Candidate events, one per (sentence, type) that a rule fires on."""
    found: list[Found] = []
    last_priced: list[str] = []
    for sent in doc.sents:
        s_text = sent.text.rstrip()
        if len(s_text) < 15 or _QUESTION.search(s_text.strip()):
            continue  # a question asks, it reports nothing
        start = sent.start_char + (len(s_text) - len(s_text.lstrip()))
        s_text = s_text.strip()
        end = start + len(s_text)
        commodities = _ids_in(ents.commodities, start, end)
        countries = _ids_in(ents.countries, start, end)
        orgs = ents.org_in(start, end)
        persons = ents.persons_in(start, end)
        masked = _mask_links(_mask_org_names(s_text, start, ents))
        types = [t for t in PRIORITY if t not in ("STATEMENT", "PRICE") and TRIGGERS[t].search(masked)]
        if "PRODUCTION" in types and _STRONG_PRODUCTION.search(s_text):
            types.remove("PRODUCTION")
            types.insert(0, "PRODUCTION")
        price_clauses = _price_clauses(s_text, start, ents, last_priced)
        if price_clauses:
            last_priced = price_clauses[-1][2]  # "Other contracts gained 2 dlrs": the metal of the price report so far
        if price_clauses:
            types.append("PRICE")
        subtype = next((st for st, rx in STATEMENT_SUBTYPES if rx.search(s_text)), None)
        if subtype == "ACCUSE" and (_BLAMED_CAUSE.search(s_text) or _AGENTLESS_PASSIVE.search(s_text)):
            subtype = None  # "Vale blamed heavy rainfall for missing its forecast": an explanation, not an accusation
        if subtype and (countries or orgs or persons or _COMPANY_SAID.search(s_text)):
            types.insert(0, "STATEMENT")
        chosen = [t for t in types if t not in ("STATEMENT", "PRICE")][:MAX_TYPES] + [t for t in ("PRICE", "STATEMENT") if t in types]
        for etype in chosen:
            if etype == "PRICE":
                setter = list(orgs[:1]) if _PRICE_SETTING.search(s_text) else []  # who set a producer price (guidelines)
                found += [_price_event(index, s_text, a, b, cids, setter, s_text[a - start:b - start]) for a, b, cids in price_clauses]
                continue
            if not _plausible(etype, s_text, commodities, countries, orgs, persons):
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
                status=_status(etype, s_text[max(0, trigger_at - 60):trigger_at + 80]), subtype=subtype if etype == "STATEMENT" else None,
                speaker=(persons[0] if persons else (actors[0] if actors else None)) if etype == "STATEMENT" else None,
                amount_usd=_amount(s_text) if etype in ("AGREEMENT", "INVESTMENT", "SHIPMENT", "POLICY", "FACILITY") else None,
                spans=[(index, start, end)],
                topic=_topic(etype, types, s_text),
            )
            event.figures = {m.group(0) for m in _QUANTITY.finditer(s_text)} | {m.group(0).strip() for m in MONEY.finditer(s_text)}
            if etype != "STATEMENT" and subtype == "DENY" and _reported_then_denied(s_text, trigger_at):
                event.polarity = "denied"
            found.append(event)
    return found


_NO_COUNTERPART_TYPES = {"PRODUCTION", "PRICE", "POLICY", "MEETING", "AGREEMENT"}  # producer / -; all parties are actors (guidelines)
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


_REPORTED = re.compile(r"\b(?:reports?|claims?|allegations?|rumou?rs?|speculation|accounts?|suggestions?)\b(?: \w+){0,3} that\b|"
                       r"\breports? of\b|\ballegedly\b", re.I)


def _reported_then_denied(text: str, trigger_at: int) -> bool:
    """The event is only reported (\"claims that Pakistan shipped ...\") and the report is denied."""
    report = _REPORTED.search(text[:trigger_at + 1])
    return bool(report) and bool(DENIAL_OF_REPORT.search(text))


_COMPANY_SAID = re.compile(r"\b(?:the|its) (?:company|firm|group|miner|producer|steelmaker)\s(?:said|says|added|stated)\b", re.I)
"""'"We believe their action is inappropriate," the company said': the story's company speaks."""
_PRICE_FORECAST = re.compile(r"\b(?:likely|expected|forecast|set|seen|poised|tipped) to (?:rise|fall|climb|drop|increase|decrease|"
                             r"recover|rebound|ease|weaken|firm|strengthen|remain|stay|hold)\b|\b(?:may|might|could|would|will|should) "
                             r"(?:\w+ )?(?:rise|fall|climb|drop|increase|decrease|recover|rebound|ease|weaken|firm|strengthen)\b", re.I)
"""'The tin price is likely to rise to 20 ringgit': a forecast, not a reported move (guidelines)."""
_PRICE_WORD = re.compile(r"\b(?:prices?|futures|premiums?|benchmarks?|contracts?|spot|quotes?|rates?)\b|"
                         r"\d[\d.,]*\s?(?:dlrs|stg|cents|cts|yen|rand|yuan)\s(?:per|a|an)\s(?:tonne|ton|ounce|lb|pound|kilo)\b", re.I)
_MONEY_OR_PCT = re.compile(r"\d[\d.,/-]*\s?(?:%|pct|percent|dlrs?|cents?|cts|stg|yuan|ringgit|a (?:ton|tonne|kilo|pound|lb|ounce|flask))|"
                           r"[$£€¥]\s?\d", re.I)


_PRICE_SETTING = re.compile(r"\b(?:cut|cuts|raised|raises|lowered|lowers|increased|reduced|reduces)\s+(?:its |their |the )?"
                            r"(?:[\w-]+ ){0,2}prices?\s+(?:for|of|on)\b|\b(?:will be|are|is|were|was) priced at\b", re.I)
"""A producer setting its own price ("cut prices for all grades of zinc by one cent"): a PRICE event (guidelines)."""


_EQUITY_MARKET = re.compile(r"\bshares?\b|\bstocks?\b|\bif\b|\bindex\b|\bindices\b|\bequities\b|\bbourse\b|"
                            r"\b(?:dollar|yen|euro|rand|peso|sterling|yuan|rupee|currency)(?:'s|’s)? (?:fall|rise|drop|slide|decline|gain|"
                            r"weakness|strength|depreciation|appreciation)\b", re.I)
"""A stock index, share or currency move ("The S&P/ASX 200 index retreated 0.7%", "the dollar's fall") is no commodity price."""


_REALISED_PRICE = re.compile(r"\b(?:average )?reali[sz]ed (?:sales |selling )?prices?\b[^.;]{0,80}?(?:[$£€]\s?\d|\d[\d.,]*\s?(?:dlrs|cents))",
                             re.I)
"""A producer's realised price for a period ("the average realised price was $688 a tonne") is a price it reports."""


_PREMIUM_MOVE = re.compile(r",?\s(?:lifting|pushing|sending|widening|narrowing|boosting|driving|taking|cutting)\s(?:the\s|its\s)?"
                           r"(?:[\w.-]+\s){0,2}(?:premium|spread|discount|arbitrage)\b", re.I)


def _move_of_another_quantity(text: str) -> bool:
    """Every move in the sentence is of sales, output or stocks ("the copper sales value was up"), none of a price."""
    moves = list(PRICE_MOVE.finditer(text))
    return bool(moves) and all(NOT_PRICE_SUBJECT.search(text[max(0, m.start() - 25):m.start()]) and not
                               _PRICE_WORD.search(text[max(0, m.start() - 25):m.start()]) for m in moves)


def _forecast_move(text: str) -> bool:
    """The sentence's first price move is a forecast ("is likely to rise"), not a reported move."""
    move = PRICE_MOVE.search(text)
    return bool(move) and bool(_PRICE_FORECAST.search(text[max(0, move.start() - 30):move.end() + 5]))


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
        if _PRICE_FORECAST.search(text[local:m.end - offset + move.end()]):
            continue  # "the tin price is likely to rise to 20 ringgit": a forecast reports no move
        before = text[max(0, local - 40):local]
        if NOT_PRICE_SUBJECT.search(between) or len(between.split()) > 6 or NOT_PRICE_SUBJECT.search(before):
            continue
        if re.search(r"\b(?:if|unless|whether)\b", text[max(0, local - 60):local], re.I):
            continue  # a condition, not a move
        if not (_PRICE_WORD.search(text[max(0, local - 40):local] + between) or _MONEY_OR_PCT.search(after[move.start():])):
            continue
        if clauses and clauses[-1][2] == [m.id]:
            continue
        clauses.append((m.start, offset + min(stop, m.end - offset + move.end() + 60), [m.id]))
    if len(clauses) == 1:  # one move: the whole sentence is the evidence
        clauses = [(offset, offset + len(text), clauses[0][2])]
    elif len(clauses) > 1:  # a list of moves: cut each clause at the next one, without trailing punctuation
        clauses = [(a, min(b, clauses[k + 1][0]) if k + 1 < len(clauses) else b, c) for k, (a, b, c) in enumerate(clauses)]
    premium = _PREMIUM_MOVE.search(text)
    if clauses and premium and clauses[-1][0] < offset + premium.start():  # "futures jumped, lifting the premium ...": two moves
        a, b, ids = clauses[-1]
        clauses[-1] = (a, min(b, offset + premium.start()), ids)
        clauses.append((offset + premium.start() + len(premium.group(0)) - len(premium.group(0).lstrip(", ")), offset + len(text), ids))
    if not clauses and not _forecast_move(text) and not _move_of_another_quantity(text) and (_PRICE_SETTING.search(text) or _REALISED_PRICE.search(text) or (_PRICE_WORD.search(text) and PRICE_MOVE.search(text)
                                                        and _MONEY_OR_PCT.search(text))):
        ids = _ids_in(ents.commodities, offset, offset + len(text)) or default or ents.commodity_ids()[:1]
        if ids and not _EQUITY_MARKET.search(text):
            clauses = [(offset, offset + len(text), ids)]
    return clauses


_FIGURE_SUBJECT = re.compile(r"(?i:\b(?:produc\w*|output|mined|smelted|refined|export\w*|import\w*|ship\w*|deliver\w*|"
                             r"that in))|\bin (?:the )?[A-Z]\w+|^\s*[A-Z]\w+(?:'s|’s) ")
_CLAUSE_BREAK = re.compile(r";|, while |, whereas |, but |,? after (?=(?:dropping|falling|rising|climbing|declining|increasing|"
                           r"slipping|jumping|reaching)\b)|, and (?=\w+ (?:is|was|are|were|expects?|sees)\b)| and (?=(?:is|was|are|were) "
                           r"(?:expected|forecast|set|likely)\b)| and (?=(?:expects?|sees|forecasts?|plans?|aims?|targets?)\b)|"
                           r", (?=that in )|, with |,? and (?=(?:that in |[A-Z]\w+(?:'s|’s) ))|, (?=[A-Z]\w+(?:'s|’s) )", re.I)


_OUTPUT_CHANGE = re.compile(r"\b(?:output|production)\b[^,;]{0,25}?(?:\b(?:more than |nearly |almost )?(?:doubled|tripled|halved)\b|"
                            r"\b(?:up|down|rose|fell|rising|falling|ticking (?:up|down)|climbed|dropped|declined|increased|"
                            r"decreased|jumped|slipped)\b[^,;]{0,20}?\d[\d.,]*\s?(?:%|pct|percent))", re.I)
_CHANGE_START = re.compile(r"\s*(?:dropping|falling|rising|climbing|declining|increasing|slipping|jumping|reaching)\b", re.I)


def _figure_clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """Clauses of a sentence that each state their own figure ("output in the US fell 18.5 pct; that in Japan
    7.8 pct"): article offsets of each, when there are two or more; else nothing."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    starts = [0] + [m.end() for m in breaks]
    ends = [m.start() for m in breaks] + [len(text)]
    parts = []
    for a, b in zip(starts, ends):
        piece = text[a:b]
        if (_QUANTITY.search(piece) and (_FIGURE_SUBJECT.search(piece) or _CHANGE_START.match(piece))) or _OUTPUT_CHANGE.search(piece):
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
                 status=_status(etype, clause), spans=[(index, a, b)], figures={m.group(0) for m in _QUANTITY.finditer(clause)})


def _price_event(index: int, text: str, start: int, end: int, commodities: list[str], actors: list[str] | None = None,
                 clause: str | None = None) -> Found:
    """A PRICE event; what moved (a price, a premium, a producer's realised price) is read from its clause."""
    kind = "premium" if re.search(r"\b(?:premium|spread|discount|arbitrage)\b", clause or text, re.I) else "price"
    if _REALISED_PRICE.search(text):
        kind = "realised"  # what one producer got, apart from the market's move
    return Found(type="PRICE", article_index=index, actors=list(actors or []), counterparts=[], commodities=list(commodities),
                 status=DEFAULT_STATUS["PRICE"], spans=[(index, start, end)], topic=kind, days=_days(text))


_EXPLORATION = re.compile(r"\b(?:drill\w*|sampling|exploration|discover\w*|assays?|intercept\w*|mineraliz\w*|mineralis\w*|"
                          r"resource estimate|MRE|survey)\b", re.I)


def _mask_org_names(text: str, offset: int, ents: Entities) -> str:
    """The sentence with organisation names blanked, so "Board of Investment" triggers no INVESTMENT."""
    chars = list(text)
    for org in ents.orgs.values():
        for a, b in org.spans:
            if offset <= a < offset + len(text):
                for k in range(a - offset, min(b - offset, len(text))):
                    chars[k] = "x"  # one placeholder word: "bought the x plant" still reads as a purchase
    return "".join(chars)


_LINK = re.compile(r"\bhttps?://[^\s)\]]+(?:\s+\"[^\"]*\")?|\bwww\.[^\s)\]]+")


def _mask_links(text: str) -> str:
    """The sentence with web addresses and their link titles blanked: a scraped page's
    "(https://.../copper-premium-soars-after-trump-tariff-moves)" states no tariff."""
    return _LINK.sub(lambda m: " " * len(m.group(0)), text)


def _topic(etype: str, types: list[str], text: str) -> str | None:
    """What a candidate is about, for merging: a STATEMENT's other event type; exploration vs output for PRODUCTION."""
    if etype == "STATEMENT":
        if _ANAPHORA["STATEMENT"].search(text) and not _SPEECH.search(text):
            return "anaphora"  # "He made the accusations in filings to ...": the accusation already told
        return next((t for t in types if t != "STATEMENT"), None)
    if etype == "PRODUCTION":
        return "exploration" if _EXPLORATION.search(text) and not _STRONG_PRODUCTION.search(text) else "output"
    if etype in ("AGREEMENT", "INVESTMENT") and _ANAPHORA[etype].search(text):
        return "anaphora"
    return None


_ANAPHORA = {
    "AGREEMENT": re.compile(r"\b(?:the|this|that|its) (?:deal|agreement|contract|pact|venture|memorandum|accord)\b", re.I),
    "INVESTMENT": re.compile(r"\b(?:the|this|that) (?:acquisition|investment|purchase|takeover|transaction|stake)\b", re.I),
    "STATEMENT": re.compile(r"\b(?:the|these|those|such|this|that) (?:accusations?|allegations?|claims?|denials?|warnings?|assurances?|"
                            r"criticism)\b", re.I),
}
_AGENTLESS_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|being) (?:\w+ )?(?:criticised|criticized|accused|blamed|condemned)\b"
                                r"(?![^.;]{0,40}\bby\b)", re.I)
"""'The government has been criticised at home for ...': an accusation with no one making it."""
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|stated|states|added|adds|wrote|declared|announced)\b", re.I)
_BLAMED_CAUSE = re.compile(r"\bblam(?:e|es|ed|ing)\b (?:[\w-]+ ){0,4}(?:rain\w*|weather|floods?|flooding|storms?|prices?|demand|costs?|"
                           r"outages?|maintenance|power|delays?|licensing|permitting|inflation|grades?|currency)\b", re.I)


def _states_for_people(actors: list[str], ents: Entities) -> list[str]:
    """In a state's measure, an official stands for the state ("Trump raised tariffs" -> USA)."""
    out: list[str] = []
    for a in actors:
        person = ents.persons.get(a)
        state = person.affiliation if person and person.affiliation and len(person.affiliation) == 3 and person.affiliation.isupper() else None
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


_FINANCIAL = re.compile(r"\b(?:net (?:loss|profit|income)|earnings|statutory results|dividends?|share price|shares of [\w\s.&-]{0,30}?(?:rose|fell|jumped|dropped|gained|lost|closed|traded|were (?:up|down))|"
                        r"quarterly results|revenues?|sales (?:were |was )?(?:up|down|rose|fell)|profit|cash flow|cost of sales|"
                        r"extraordinary (?:gain|loss|item)|net includes|write-?downs?|shr (?:profit|loss)|net (?:operating )?loss|carryforwards?|"
                        r"carryovers?|tax credits?)\b", re.I)


_OUTPUT_MOVE = re.compile(r"\b(?:production|output)\b(?: [\w-]+){0,6}? (?:has been |have been |was |were )?(?:fell|rose|declined|increased|"
                          r"dropped|grew|slumped|jumped|dipped|slipped|climbed|shut down|halted|suspended|resumed|"
                          r"restarted)\b", re.I)
_PRODUCTION_START = re.compile(r"\b(?:first|commercial|initial) (?:gold |copper |lithium )?production (?:is|was|will be) (?:now )?(?:expected|"
                               r"targeted|scheduled|slated|due|planned|set)\b|\b(?:production|operations) (?:is|are|was|were) (?:expected|"
                               r"targeted|scheduled|slated|due|set) to (?:begin|start|commence)\b|\b(?:is|are) expected to (?:begin|start|"
                               r"commence) (?:operations|production|operating|producing)\b|\b(?:it|the company|they) (?:expects?|plans?|"
                               r"intends?|hopes?|aims?) to (?:produce|start production|begin production|mine)\b|"
                               r"\b(?:it|they|the compan(?:y|ies)) (?:are |were |is |was )?(?:now )?(?:drilling|drilled|completed (?:a|the|its|their) "
                               r"(?:\w+ )?(?:drill )?hole)\b|\bplan\w* to (?:build|develop|open) (?:and \w+ )?(?:a |an |the )?(?:[\w-]+ ){0,3}"
                               r"mine\b|\b(?:mining|production|operations) could (?:start|begin|commence)\b|\b(?:operations?|production)\b"
                               r"[^.;]{0,50}?\bis set to (?:start|begin)\b|\breserves? (?:[\w-]+ ){0,4}will be (?:exhausted|depleted|mined out)\b|\b(?:will|to|would) open (?:the )?(?:[\w-]+ ){0,7}(?:mine|smelter|"
                               r"refinery|plant|works|mill)\b", re.I)
"""'First production is targeted by 2028': the story's own plan for a mine or plant, whoever it is."""
_TRADE_FIGURE = re.compile(r"\b(?:exported|imported|shipped)\s+(?:a record |about |some |nearly |more than )?(?:[$£€]\s?)?\d[\d.,]*"
                           r"\s?(?:[MBK]\b|mln|million|bln|billion|tonnes|tons|t\b)?[^.;]{0,40}\bin (?:19|20)\d\d\b", re.I)
_TALKS_HELD = re.compile(r"\btalks (?:were |are |have been |had been )?(?:still )?(?:ongoing|continuing|under way|going on)\b|"
                         r"\bheld (?:[\w-]+ ){0,2}talks\b|\b(?:meeting|session|conference|summit)s?\b,?(?: which)? (?:ended|opened|"
                         r"resumes|continued|closed)\b|\b(?:meeting|session|talks|conference)s? (?:\w+ ){0,3}(?:be|was|were|will be) held\b|"
                         r"\b(?:quarterly|annual|special|plenary|full|council) session\b|\b(?:meeting|session|conference)s?,? which (?:began|started)\b|"
                         r"\b(?:meeting|session|conference)s? held\b", re.I)
_SHIPMENT_MOVE = re.compile(r"\b(?:shipments|exports|imports|deliveries)\b(?: [\w'-]+){0,4}? (?:rose|fell|declined|increased|"
                            r"dropped|grew|slumped|jumped|climbed|totall?ed|reached|eased|slipped|dipped|edged)\b", re.I)


def _story_subject(determiners: str, nouns: str, verbs: str) -> re.Pattern[str]:
    """A sentence whose subject is the story's own company or plant, named in an earlier sentence
    ("The lithium giant also invested ...", "A plant will be built ...", "it has restarted ...")."""
    return re.compile(rf"^\W*(?:{determiners}) (?:[\w-]+ ){{0,2}}(?:{nouns})\b|"
                      rf"\b(?:it|the company|the government|the state) (?:has |had |also |will |would )?(?:soon )?(?:{verbs})\b", re.I)


_STORY_SUBJECT = _story_subject("The|Its", "company|miner|group|firm|producer|giant|developer|explorer|major|conglomerate|"
                                "refiner|smelter|project|mine", "invested|committed|spent|acquired|purchased|bought|paid|made")
_STORY_FACILITY = _story_subject("A|The|Its", "plant|refinery|smelter|facility|mill",
                                 "restarted|built|build|commissioned|completed?|establish\\w*|construct\\w*|install\\w*")
_LICENCE_ACT = re.compile(r"\blicen[cs]es?\b[^.;]{0,40}?\b(?:was|were|has been|have been)\s+(?:recently\s+)?(?:granted|"
                          r"issued|revoked|cancell?ed|renewed|extended)\b", re.I)
_MARKET_CALL = re.compile(r"\b(?:prices?|demand|market)\b[^.;]{0,40}\b(?:will|would|to|should|could)\s+(?:hold|rise|fall|remain|"
                          r"stay|climb|drop|recover|rebound|weaken|strengthen|ease|firm)\b", re.I)
_ANALYST_HOUSES = (r"Goldman Sachs|Morgan Stanley|J\.?P\.? ?Morgan|Citi(?:group)?|UBS|Macquarie|ANZ|RBC|BMO|Jefferies|Bernstein|"
                   r"Barclays|HSBC|BofA|Bank of America|Deutsche Bank|Credit Suisse|Societe Generale|BNP Paribas|Commerzbank|"
                   r"Capital Economics|Wood Mackenzie|CRU|Fastmarkets|Benchmark Mineral Intelligence|BMI|Fitch Solutions|"
                   r"Merrill Lynch|Salomon Brothers|Shearson Lehman|Nomura|Mizuho|[A-Z]\w+ (?:Capital Markets|Securities|Research)")
_ANALYST_VIEW = re.compile(r"\banalysts?\b|\bstrategists?\b|\beconomists?\b|\b(?:research|brokerage) note\b|\bin a note\b|"
                           r"\b(?:the|a|its) (?:study|survey|report) (?:by [A-Z][\w ]+ )?(?:said|says|showed|shows|predicted|noted|"
                           r"estimated|forecast)\b|"
                           rf"\b(?:{_ANALYST_HOUSES})(?:'s [A-Z]\w+(?: [A-Z]\w+)?)? (?:says|said|adds|added|wrote|notes|noted|expects)\b|"
                           rf"\b(?:says|said|adds|added|according to) (?:{_ANALYST_HOUSES})\b", re.I)
"""A view of a bank or research house ("..., Morgan Stanley adds", "said ANZ's Soni Kumari"), not an event."""
_FORECAST = re.compile(r"\b(?:expects?|expected|forecasts?|predict\w*|anticipat\w*|suggests?|likely|could|may|might|would|"
                       r"will|sees|outlook|believes?)\b", re.I)


_NOT_MINING_OPERATIONS = re.compile(r"\b(?:rescue|search|recovery|military|police|security|relief) (?:operations?|efforts?)\b", re.I)


_CAPITAL_COSTS = re.compile(r"\bcapital (?:costs?|expenditures?|spending)\b|\b(?:will|would) cost\b", re.I)
"""'Capital costs to bring the mine into production are estimated at 80 mln dlrs': the story company's investment."""
_MONITORED_TRADE = re.compile(r"\bmonitor\w* (?:[\w-]+ ){0,3}(?:shipments|exports|imports)\b", re.I)
_CONDITIONAL_DEAL = re.compile(r"\b(?:once|if|unless|until) (?:\w+ ){0,3}(?:have |has |had )?(?:agreed|signed|reached)\b", re.I)
_LABOUR_DEAL = re.compile(r"\b(?:agreement|contract|deal|accord)s? with (?:the )?(?:[\w-]+ ){0,4}(?:unions?|workers|employees|locals)\b|"
                          r"\b(?:union|labou?r|wage|collective) (?:agreement|contract|deal)s?\b", re.I)
_PERMITTED_SHIPMENT = re.compile(r"\b(?:allow|permit|authori[sz]|let)\w* (?:[\w-]+ ){0,3}to (?:resume|restart|start) (?:[\w-]+ ){0,2}"
                                 r"(?:shipments|exports|deliveries)\b", re.I)
_EXPORT_QUOTA_SET = re.compile(r"\b(?:introduc\w*|set|agreed|impos\w*|adopt\w*|allocat\w*)\b[^.;]{0,40}\bquotas?\b[^.;]{0,60}?"
                               r"\b(?:limit\w*|cut\w*|restrict\w*)\b[^.;]{0,30}\bexports?\b[^.;]{0,40}?\d", re.I)
_FIRM_EXPORT_LICENCE = re.compile(r"\b(?:new|fresh|renewed|previous|its) export (?:licen[cs]e|permit)\b", re.I)


_ANALYSTS_SAY = re.compile(r",\s(?:[\w-]+\s){0,2}analysts\s(?:say|said|says|note|noted)\W*$", re.I)
_ACQUISITION_DEAL = re.compile(r"\b(?:acquisition|takeover|merger|acquire|buy(?:out)?)\b[^.;]*\bdeal\b|\bdeal\b[^.;]*"
                               r"\b(?:acquisition|takeover|merger|acquire)\b", re.I)
_DEAL_WORDS = re.compile(r"\b(?:agreements?|contracts?|memorandum|MoU|joint venture|offtake|partnership|pact|accord)\b", re.I)
_NEGATOR = re.compile(r"\b(?:no|not|never|without|fail(?:ed|ing|s)? to \w+|clinched no)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _all_negated(trigger: re.Pattern[str], text: str) -> bool:
    """Every trigger of the type is negated ("clinched no agreements", "failing to obtain new credits")."""
    hits = list(trigger.finditer(text))
    return bool(hits) and all(_NEGATOR.search(text[max(0, m.start() - 40):m.start()]) for m in hits)


_VENTURE_BACKGROUND = re.compile(r"\b(?:developed|owned|operated|held|built|run|made) (?:\w+ ){0,2}(?:in|through|via|under) (?:a|an|its|their|the) "
                                 r"(?:[\w-]+ )?joint venture\b|\bjoint venture partners?\b|\bjoint venture (?:[\w-]+ ){0,3}(?:plant|mill|mine|"
                                 r"smelter|refinery)\b|"
                                 r"\b(?:its|their) joint venture (?:[A-Z]\w+|project|mine|partner|company|plant)\b", re.I)
_DEAL_MADE = re.compile(r"\b(?:signed|agreed|formed|forming|form|establish\w*|set up|enter\w*|creat\w*|letter of intent)\b",
                        re.I)
_UNDER_AGREEMENT = re.compile(r"\bunder (?:its|the|their|an existing|existing|a) (?:[\w-]+ ){0,2}(?:agreement|contract|deal|offtake)\b", re.I)
_CONTROL_AS_CAUSE = re.compile(r"\b(?:unrest|concerns?|fears?|worries|worry|uncertainty|jitters|anxiety|nervousness)\s(?:from|over|about|"
                               r"around|of)\s(?:the\s)?(?:[\w-]+\s){0,3}(?:tariffs?|duties|export (?:controls?|curbs?|bans?)|import (?:curbs?|bans?))",
                               re.I)
_AID_PURPOSE = re.compile(r"\bhelp (?:to )?(?:re-?open|restart|resume|reopen)\b|\bproduction quotas?\b", re.I)
"""'prepared to offer money to help re-open the mine': the aid is the news, the reopening its purpose."""
_OUTPUT_TRADED = re.compile(r"\b(?:buy|purchase|acquire|take|receive|market|sell)\s(?:[\w'’-]+\s){0,5}(?:production|output)\b", re.I)
_PERIOD_OUTPUT = re.compile(r"\b(?:produced|mined|smelted|refined)\s(?:about\s|some\s|nearly\s|almost\s|a record\s)?\d[\d.,]*\s?"
                            r"(?:mln\s|million\s|bln\s|billion\s)?(?:metric\s|short\s|long\s)?(?:tonnes|tons|ounces|oz|lbs|pounds)\b"
                            r"[^.;]{0,30}?\b(?:in|during|over)\s(?:the\s)?(?:same|first|second|third|fourth|last|previous|(?:19|20)\d\d|"
                            r"January|February|March|April|May|June|July|August|September|October|November|December)", re.I)
_OWNERSHIP = re.compile(r"\d[\d.,]*\s?(?:%|pct|percent)(?:-|\s)?(?:owned|stake|interest|holding|shareholding)\b", re.I)
_CLOSURES = re.compile(r"\bplant closures?\b|\bclosures? of (?:the |its )?(?:[\w-]+ )?plants?\b|\bin excess of requirements\b|"
                       r"\bcapacity (?:cuts?|reductions?)\b", re.I)
_LOCATED = re.compile(r"\W*(?:Located|Situated|Sited|Lying)\b")


def _plausible(etype: str, text: str, commodities: list[str], countries: list[str], orgs: list[str], persons: list[str]) -> bool:
    """Argument requirements that keep a stray trigger word from becoming an event."""
    actors = countries or orgs or persons
    if etype != "PRICE" and _ANALYST_VIEW.search(text) and (etype == "STATEMENT" or _FORECAST.search(text) or _ANALYSTS_SAY.search(text)):
        return False  # forecasts and views of analysts are not events (guidelines)
    if etype == "STATEMENT" and _MARKET_CALL.search(text):
        return False  # "he believes gold prices will hold above $400": a market view, not an official claim
    if etype in ("AGREEMENT", "INVESTMENT", "PRODUCTION", "FACILITY") and _FINANCIAL.search(text) and not _STRONG_PRODUCTION.search(text):
        return False  # results, earnings and share prices are not events (guidelines)
    if etype == "PRICE":
        return bool(commodities) and bool(_NUMBER.search(text))
    if etype in ("PRODUCTION", "SHIPMENT") and _HYPOTHETICAL.search(text):
        return False  # "would have produced ... without the plan"
    if etype in ("AGREEMENT", "INVESTMENT", "MEETING") and _all_negated(TRIGGERS[etype], text):
        return False  # "clinched no agreements", "failing to obtain new credits": nothing happened
    if etype == "AGREEMENT" and _CONDITIONAL_DEAL.search(text):
        return False  # "Once they have agreed on detailed functions, the way will be cleared": no deal yet
    if etype == "AGREEMENT" and _LABOUR_DEAL.search(text):
        return False  # a deal with a union is a labour contract, not a minerals AGREEMENT
    if etype == "AGREEMENT" and _ACQUISITION_DEAL.search(text) and not _DEAL_WORDS.search(text):
        return False  # "prepared to make another acquisition and a deal could be struck": the deal is the acquisition
    if etype == "AGREEMENT" and (_UNDER_AGREEMENT.search(text) or _VENTURE_BACKGROUND.search(text)) and not _DEAL_MADE.search(text):
        return False  # "delivered under its sale agreement", "a plant developed in a joint venture with X": the deal is background
    if etype == "SANCTION" and re.search(r"\bsanctions (?:law|laws|bill|act|legislation)\b", text, re.I) and (
            TRIGGERS["IMPORT_CONTROL"].search(text) or TRIGGERS["EXPORT_CONTROL"].search(text)):
        return False  # "permit imports pending clarification of sanctions laws": the law is background to the import decision
    if etype in ("IMPORT_CONTROL", "EXPORT_CONTROL") and _CONTROL_AS_CAUSE.search(text):
        return False  # "gains outweighed unrest from new tariffs": a cause in a market report, told elsewhere
    if etype == "PRODUCTION":
        if _NOT_MINING_OPERATIONS.search(text) or _OUTPUT_TRADED.search(text) or _AID_PURPOSE.search(text):
            return False  # "suspended rescue operations"; "the right to buy half of its production": not output news
        if _NOT_MINING_OPERATIONS.search(text) and not _STRONG_PRODUCTION.search(text):
            return False  # "suspended rescue operations": not the mine's output
        if _PERIOD_OUTPUT.search(text):
            return True  # "the Philippines, which mined 290,000 tonnes in the same period": a figure for a period is news
        if _BACKGROUND.search(text) or (_CAPITAL_MARKETS.search(text) and not _STRONG_PRODUCTION.search(text)):
            return False
        if _STRONG_PRODUCTION.search(text) or _OUTPUT_MOVE.search(text) or _PRODUCTION_START.search(text):
            return True  # the sentence is about output itself; the metal may be the story's
        figures = _OWNERSHIP.sub(" ", text)  # "its 83%-owned subsidiary" states no output
        return (bool(commodities) or bool(actors)) and bool(_QUANTITY.search(figures) or _PRODUCTION_CHANGE.search(text))
    if etype == "SHIPMENT":
        if _BACKGROUND.search(text) or (_SHARE_OF.search(text) and not _TRADE_FIGURE.search(text)):
            return False  # shares of a market are background; a period's trade figure is news even with a share in it
        if _MONITORED_TRADE.search(text):
            return False  # "plans to monitor steel shipments": a control being set up, not a consignment
        if _PERMITTED_SHIPMENT.search(text):
            return False  # "when authorities allow it to resume gold shipments": a permission, not a consignment
        if (TRIGGERS["IMPORT_CONTROL"].search(text) or TRIGGERS["EXPORT_CONTROL"].search(text)) and not _SHIPPED.search(text):
            return False  # "tariffs on steel imports": the control, not a consignment
        if NOT_SHIPMENT.search(text) and not re.search(r"\bship(?:ped|ment|ments)\b|\bexported\b|\bdispatch", text, re.I):
            return False
        if not commodities:  # "Thailand exported 18,367 tonnes in 1986": the metal is the story's
            return bool(_QUANTITY.search(text)) and bool(countries or orgs or _SHIPMENT_MOVE.search(text)) and bool(
                _SHIPPED.search(text))
        return bool(_QUANTITY.search(text) or MONEY.search(text) or countries or
                    re.search(r"\bship(?:ped|ment|ments)\b|\bdispatch|\bsend\b|\bcargo", text, re.I))
    if etype in _CONTROL_TYPES:
        m = TRIGGERS[etype].search(text)
        if m and NEGATED.search(text[max(0, m.start() - 30):m.start()]):
            return False  # "is not setting any export quota"
        if etype == "IMPORT_CONTROL" and re.search(r"\bexport (?:tariffs?|duties|tax(?:es)?|levy)\b", text, re.I) and not re.search(
                r"\bimport", text, re.I):
            return False  # an export tariff is an export control
        if etype == "EXPORT_CONTROL" and _EXPORT_QUOTA_SET.search(text):
            return True  # "a quota system which limited their exports to 96,000 tonnes": the story's metal
        if etype == "EXPORT_CONTROL" and _FIRM_EXPORT_LICENCE.search(text):
            return True  # "would resume the shipments under a new export license": the story's state and metal
        return bool(commodities or countries) and bool(CONTROL_ACTION.search(text) or _MONEY_OR_PCT.search(text))
    if etype == "MEETING":
        if NOT_MEETING.search(text):
            return False
        if _TALKS_HELD.search(text):
            return True  # "talks were still going on with the striking locals": the parties are the story's
        return len(set(countries) | set(orgs) | set(persons)) >= 1 and bool(
            re.search(r"\b(?:with|between|met|visit\w*|delegation|both parties|held|meet again)\b", text, re.I))
    if etype == "AGREEMENT" and NOT_AGREEMENT.search(text) and not re.search(r"\b(?:signed|agreement|deal)\b", text, re.I):
        return False
    if etype == "INVESTMENT" and NOT_INVESTMENT.search(text):
        return False
    if etype == "POLICY":
        return bool(countries) or bool(re.search(r"\b(?:government|ministry|minister|department|state|administration|"
                                                 r"authorit(?:y|ies)|cabinet|parliament|regulator)\b", text, re.I)) or bool(
            _LICENCE_ACT.search(text))  # a licence granted or revoked is a state's act even when the state is not named
    if etype == "INVESTMENT" and not actors:
        # "The lithium giant also invested $190 million in ...": the story's company, named earlier
        return bool(MONEY.search(text)) and bool(_STORY_SUBJECT.search(text) or _CAPITAL_COSTS.search(text))
    if etype == "STATEMENT" and not actors:
        return bool(_COMPANY_SAID.search(text))  # the story's company speaks; it is named in an earlier sentence
    if etype == "FACILITY" and _CLOSURES.search(text):
        return False  # "a plan for voluntary steel plant closures", "capacity in excess of requirements": cuts, not a plant
    if etype == "FACILITY" and _LOCATED.match(text):
        return False  # "Located 30 km south of the company's planned processing hub, ...": where a thing is
    if etype == "FACILITY" and not actors:
        return bool(_STORY_FACILITY.search(text))  # "A plant will be located near ...": the story's company builds it
    return bool(actors)


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
        if pos > trigger_at and _COUNTERPART_CUE.search(text[max(0, pos - 12):pos]):
            if ident not in counterparts and ident not in actors:
                counterparts.append(ident)
        elif ident not in actors:
            actors.append(ident)
    counterparts = [c for c in counterparts if c not in actors]
    return actors, counterparts


_BAN_BY_SUSPENSION = re.compile(r"\b(?:suspen\w*|halt\w*|stop\w*|froze|freez\w*) (?:\w+ ){0,2}(?:exports?|shipments?|sales)\b|"
                                r"\b(?:exports?|shipments?) (?:\w+ ){0,3}(?:were |was |are |is |been )?(?:suspended|halted|frozen)\b", re.I)


_SUSPENDED_MEASURE = re.compile(r"\b(?:suspen\w*|halt\w*|paus\w*) (?:[\w-]+ ){0,6}(?:controls?|curbs|bans?|restrictions|quotas?|"
                                r"licen[cs]\w*)\b", re.I)


def _status(etype: str, text: str) -> str | None:
    if etype == "STATEMENT":
        return None
    if etype == "EXPORT_CONTROL" and _BAN_BY_SUSPENSION.search(text) and not _SUSPENDED_MEASURE.search(text):
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


def merge_events(found: list[Found]) -> list[Found]:
    """Fold candidates that state the same occurrence (see ``_same_occurrence``); run before
    arguments are completed from the story, so that only what each sentence says decides."""
    merged: list[Found] = []
    for cand in found:
        host = next((m for m in merged if _same_occurrence(m, cand)), None)
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


def _same_occurrence(a: Found, b: Found) -> bool:
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
