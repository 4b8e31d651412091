"""Sentence cues that the event rules (orewire.event_rules.v1) consult beyond the triggers of :mod:`.rules`:
what makes a candidate plausible, or marks a sentence as background, a forecast, a view, a question or a
deal told in passing. Kept as data, apart from the code in :mod:`.events` that applies them; each is
guarded by golden cases in tests/cases/extraction.json.
"""
from __future__ import annotations

import re

NUMBER = re.compile(r"\d")

QUANTITY = re.compile(r"\d[\d.,]*\s?(?:mln |million |bln |billion |m |k |[MK](?:-\d[\d.,]*[MK])? )?(?:metric |short |long |"
                      r"dry )?(?:tonnes?|tons?|t\b|ounces?|oz|"
                      r"lbs?|pounds|kg|pct|percent|%|carats?|flasks?|ldt|mt\b|kt\b|moz\b)", re.I)

PRODUCTION_CHANGE = re.compile(
    r"\b(?:strikes?|striking|shut(?:down| down)?|closed|closure|halt\w*|restart\w*|resum\w*|suspend\w*|commenc\w*|"
    r"began|begin|start\w*|ramp\w* up|care and maintenance|force majeure|froze|freez\w*|relaunch\w*|drill\w*|sampling|"
    r"exploration (?:program|team|work)|guidance|forecasts?|target\w*|expan\w*|cut (?:production|output)|curtail\w*|"
    r"construction|commission\w*|first production|discover\w*|idl\w*|clos(?:e|ing)|"
    r"(?:found|identified) (?:\w+ ){0,3}(?:deposits?|reserves|mineraliz\w+)|return\w* (?:[\w-]+ ){0,3}to (?:normal|full)|"
    r"cuts? (?:in|to)|"
    r"exhausted|set to start|minting|minted)\b", re.I)

STRONG_PRODUCTION = re.compile(r"\b(?:produced|mined|output|production)\b[^.;]{0,60}?\d[\d.,]*\s?(?:mln |million |bln |m |k |"
                               r"[MK](?:-\d[\d.,]*[MK])? )?"
                               r"(?:metric |short |long )?(?:tonnes|tons|ounces|oz|lbs|pounds|pct|percent|%)", re.I)

SHIPPED = re.compile(r"\b(?:ship(?:ped|ment|ments)|exported|imported|dispatch\w*|deliver(?:ed|y|ies)|cargo(?:es)?|"
                     r"(?:exports|imports) (?:of [\w\s-]{2,30} |for consumption )?(?:rose|fell|increased|decreased|slipped|"
                     r"dropped|"
                     r"climbed|totall?ed|jumped|swelled|declined|grew|surged|eased))\b", re.I)

HYPOTHETICAL = re.compile(r"\bwould have (?:to )?\w+\b|\bnot enough\b|\bcould (?:be|have)\b", re.I)

CAPITAL_MARKETS = re.compile(r"\b(?:shares|proceeds|broker option|offering|placement|warrants)\b", re.I)

SHARE_OF = re.compile(r"\b(?:accounting for|the (?:vast )?majority of|(?:a|one) (?:quarter|third|half) of (?:its|the)|"
                      r"most of (?:its|the)|is imported|are imported)\b", re.I)

BACKGROUND = re.compile(r"\bexport (?:income|earnings|revenues?|receipts)\b|\b(?:a|per) year since (?:19|20)\d\d\b|"
                        r"\bannually since\b|"
                        r"\b(?:had|has) (?:an |a )?(?:annual |total )?capacity of\b|\bin excess of (?:requirements|demand)\b|"
                        r"\bexcess capacity\b|\bovercapacity\b|"  # what exports earn a country
                        r"\b(?:its|their) (?:global |world |market )?share (?:of|from)\b|"  # a trend in market share
                        r"\b(?:which|that) (?:produces|supplies|mines|exports) (?:[\w-]+ ){0,4}(?:pct|percent|%|share|half|"
                        r"a third|"
                        r"a quarter|most|majority)\b|"
                        r""  # "Comibol, which produces 80 pct of Bolivia's exports": who it is, not news
                        r"\b(?:account(?:s|ed)? for|leading producer|largest producer|biggest producer|main \w+ producers|"
                        r"production and maintenance workers|is (?:the )?world's|history of)\b", re.I)

COUNTERPART_CUE = re.compile(r"\b(?:to|with|from|against|on|into|in)\s+(?:the\s+)?$", re.I)

QUESTION = re.compile(r"\?\W*$|(?:^|:\s*)(?:asked (?:about|whether|if|on)|asks (?:about|whether|if|on)|questioned|queried)\b"
                      r"(?![^.]*\b(?:said|says|told|replied|answered)\b)",
                      re.I)

REPORTED = re.compile(r"\b(?:reports?|claims?|allegations?|rumou?rs?|speculation|accounts?|suggestions?)\b(?: \w+){0,3} that\b|"
                      r"\breports? of\b|\ballegedly\b", re.I)

COMPANY_SAID = re.compile(r"\b(?:the|its) (?:company|firm|group|miner|producer|steelmaker)\s(?:said|says|added|stated)\b", re.I)
"""'"We believe their action is inappropriate," the company said': the story's company speaks."""

PRICE_FORECAST = re.compile(r"\b(?:likely|expected|forecast|set|seen|poised|tipped) to (?:rise|fall|climb|drop|increase|decrease|"
                            r"recover|rebound|ease|weaken|firm|strengthen|remain|stay|hold)\b|\b(?:may|might|could|would|will|"
                            r"should) "
                            r"(?:\w+ )?(?:rise|fall|climb|drop|increase|decrease|recover|rebound|ease|weaken|firm|"
                            r"strengthen)\b", re.I)
"""'The tin price is likely to rise to 20 ringgit': a forecast, not a reported move (guidelines)."""

PRICE_WORD = re.compile(r"\b(?:prices?|futures|premiums?|benchmarks?|contracts?|spot|quotes?|rates?)\b|"
                        r"\d[\d.,]*\s?(?:dlrs|stg|cents|cts|yen|rand|yuan)\s(?:per|a|an)\s(?:tonne|ton|ounce|lb|pound|"
                        r"kilo)\b", re.I)

MONEY_OR_PCT = re.compile(r"\d[\d.,/-]*\s?(?:%|pct|percent|dlrs?|cents?|cts|stg|yuan|ringgit|a (?:ton|tonne|kilo|pound|lb|ounce|"
                          r"flask))|"
                          r"[$£€¥]\s?\d", re.I)

PRICE_SETTING = re.compile(r"\b(?:cut|cuts|raised|raises|lowered|lowers|increased|reduced|reduces)\s+(?:its |their |the )?"
                           r"(?:[\w-]+ ){0,2}prices?\s+(?:for|of|on)\b|\b(?:will be|are|is|were|was) priced at\b", re.I)
"""A producer setting its own price ("cut prices for all grades of zinc by one cent"): a PRICE event (guidelines)."""

EQUITY_MARKET = re.compile(r"\bshares?\b|\bstocks?\b|\bif\b|\bindex\b|\bindices\b|\bequities\b|\bbourse\b|"
                           r"\b(?:dollar|yen|euro|rand|peso|sterling|yuan|rupee|currency)(?:'s|’s)? (?:fall|rise|drop|slide|"
                           r"decline|gain|"
                           r"weakness|strength|depreciation|appreciation)\b", re.I)
"""A stock index, share or currency move ("The S&P/ASX 200 index retreated 0.7%", "the dollar's fall") is no commodity price."""

REALISED_PRICE = re.compile(r"\b(?:average )?reali[sz]ed (?:sales |selling )?prices?\b[^.;]{0,80}?(?:[$£€]\s?\d|"
                            r"\d[\d.,]*\s?(?:dlrs|cents))",
                            re.I)
"""A producer's realised price for a period ("the average realised price was $688 a tonne") is a price it reports."""

PREMIUM_MOVE = re.compile(r",?\s(?:lifting|pushing|sending|widening|narrowing|boosting|driving|taking|cutting)\s(?:the\s|its\s)?"
                          r"(?:[\w.-]+\s){0,2}(?:premium|spread|discount|arbitrage)\b", re.I)

FIGURE_SUBJECT = re.compile(r"(?i:\b(?:produc\w*|output|mined|smelted|refined|export\w*|import\w*|ship\w*|deliver\w*|"
                            r"that in))|\bin (?:the )?[A-Z]\w+|^\s*[A-Z]\w+(?:'s|’s) ")

CLAUSE_BREAK = re.compile(r";|, while |, whereas |, but |,? after (?=(?:dropping|falling|rising|climbing|declining|increasing|"
                          r"slipping|jumping|reaching)\b)|, and (?=\w+ (?:is|was|are|were|expects?|sees)\b)| and (?=(?:is|was|"
                          r"are|were) "
                          r"(?:expected|forecast|set|likely)\b)| and (?=(?:expects?|sees|forecasts?|plans?|aims?|targets?)\b)|"
                          r", (?=that in )|, with |,? and (?=(?:that in |[A-Z]\w+(?:'s|’s) ))|, (?=[A-Z]\w+(?:'s|’s) )", re.I)

OUTPUT_CHANGE = re.compile(r"\b(?:output|production)\b[^,;]{0,25}?(?:\b(?:more than |nearly |almost )?(?:doubled|tripled|"
                           r"halved)\b|"
                           r"\b(?:up|down|rose|fell|rising|falling|ticking (?:up|down)|climbed|dropped|declined|increased|"
                           r"decreased|jumped|slipped)\b[^,;]{0,20}?\d[\d.,]*\s?(?:%|pct|percent))", re.I)

CHANGE_START = re.compile(r"\s*(?:dropping|falling|rising|climbing|declining|increasing|slipping|jumping|reaching)\b", re.I)

EXPLORATION = re.compile(r"\b(?:drill\w*|sampling|exploration|discover\w*|assays?|intercept\w*|mineraliz\w*|mineralis\w*|"
                         r"resource estimate|MRE|survey)\b", re.I)

LINK = re.compile(r"\bhttps?://[^\s)\]]+(?:\s+\"[^\"]*\")?|\bwww\.[^\s)\]]+")

ANAPHORA = {
    "AGREEMENT": re.compile(r"\b(?:the|this|that|its) (?:deal|agreement|contract|pact|venture|memorandum|accord)\b", re.I),
    "INVESTMENT": re.compile(r"\b(?:the|this|that) (?:acquisition|investment|purchase|takeover|transaction|stake)\b", re.I),
    "STATEMENT": re.compile(r"\b(?:the|these|those|such|this|that) (?:accusations?|allegations?|claims?|denials?|warnings?|"
                            r"assurances?|"
                            r"criticism)\b", re.I),
}

AGENTLESS_PASSIVE = re.compile(r"\b(?:been|was|were|is|are|being) (?:\w+ )?(?:criticised|criticized|accused|blamed|condemned)\b"
                               r"(?![^.;]{0,40}\bby\b)", re.I)
"""'The government has been criticised at home for ...': an accusation with no one making it."""

SPEECH = re.compile(r"\b(?:said|says|say|told|tells|stated|states|added|adds|wrote|declared|announced)\b", re.I)

BLAMED_CAUSE = re.compile(r"\bblam(?:e|es|ed|ing)\b (?:[\w-]+ ){0,4}(?:rain\w*|weather|floods?|flooding|storms?|prices?|demand|"
                          r"costs?|"
                          r"outages?|maintenance|power|delays?|licensing|permitting|inflation|grades?|currency)\b", re.I)

FINANCIAL = re.compile(r"\b(?:net (?:loss|profit|income)|earnings|statutory results|dividends?|share price|"
                       r"shares of [\w\s.&-]{0,30}?(?:rose|fell|jumped|dropped|gained|lost|closed|traded|were (?:up|down))|"
                       r"quarterly results|revenues?|sales (?:were |was )?(?:up|down|rose|fell)|profit|cash flow|cost of sales|"
                       r"extraordinary (?:gain|loss|item)|net includes|write-?downs?|shr (?:profit|loss)|net (?:operating )?loss|"
                       r"carryforwards?|"
                       r"carryovers?|tax credits?)\b", re.I)

OUTPUT_MOVE = re.compile(r"\b(?:production|output)\b(?: [\w-]+){0,6}? (?:has been |have been |was |were )?(?:fell|rose|declined|"
                         r"increased|"
                         r"dropped|grew|slumped|jumped|dipped|slipped|climbed|shut down|halted|suspended|resumed|"
                         r"restarted)\b", re.I)

PRODUCTION_START = re.compile(r"\b(?:first|commercial|initial) (?:gold |copper |lithium )?production (?:is|was|"
                              r"will be) (?:now )?(?:expected|"
                              r"targeted|scheduled|slated|due|planned|set)\b|\b(?:production|operations) (?:is|are|was|"
                              r"were) (?:expected|"
                              r"targeted|scheduled|slated|due|set) to (?:begin|start|commence)\b|\b(?:is|"
                              r"are) expected to (?:begin|start|"
                              r"commence) (?:operations|production|operating|producing)\b|\b(?:it|the company|they) (?:expects?|"
                              r"plans?|"
                              r"intends?|hopes?|aims?) to (?:produce|start production|begin production|mine)\b|"
                              r"\b(?:it|they|the compan(?:y|ies)) (?:are |were |is |was )?(?:now )?(?:drilling|drilled|"
                              r"completed (?:a|the|its|their) "
                              r"(?:\w+ )?(?:drill )?hole)\b|\bplan\w* to (?:build|develop|open) (?:and \w+ )?(?:a |an |"
                              r"the )?(?:[\w-]+ ){0,3}"
                              r"mine\b|\b(?:mining|production|operations) could (?:start|begin|commence)\b|\b(?:operations?|"
                              r"production)\b"
                              r"[^.;]{0,50}?\bis set to (?:start|begin)\b|\breserves? (?:[\w-]+ ){0,4}will be (?:exhausted|"
                              r"depleted|mined out)\b|\b(?:will|to|would) open (?:the )?(?:[\w-]+ ){0,7}(?:mine|smelter|"
                              r"refinery|plant|works|mill)\b", re.I)
"""'First production is targeted by 2028': the story's own plan for a mine or plant, whoever it is."""

TRADE_FIGURE = re.compile(r"\b(?:exported|imported|shipped)\s+(?:a record |about |some |nearly |"
                          r"more than )?(?:[$£€]\s?)?\d[\d.,]*"
                          r"\s?(?:[MBK]\b|mln|million|bln|billion|tonnes|tons|t\b)?[^.;]{0,40}\bin (?:19|20)\d\d\b", re.I)

TALKS_HELD = re.compile(r"\btalks (?:were |are |have been |had been )?(?:still )?(?:ongoing|continuing|under way|going on)\b|"
                        r"\bheld (?:[\w-]+ ){0,2}talks\b|\b(?:meeting|session|conference|summit)s?\b,?(?: which)? (?:ended|"
                        r"opened|"
                        r"resumes|continued|closed)\b|\b(?:meeting|session|talks|conference)s? (?:\w+ ){0,3}(?:be|was|were|"
                        r"will be) held\b|"
                        r"\b(?:quarterly|annual|special|plenary|full|council) session\b|\b(?:meeting|session|"
                        r"conference)s?,? which (?:began|started)\b|"
                        r"\b(?:meeting|session|conference)s? held\b", re.I)

SHIPMENT_MOVE = re.compile(r"\b(?:shipments|exports|imports|deliveries)\b(?: [\w'-]+){0,4}? (?:rose|fell|declined|increased|"
                           r"dropped|grew|slumped|jumped|climbed|totall?ed|reached|eased|slipped|dipped|edged)\b", re.I)


def story_subject(determiners: str, nouns: str, verbs: str) -> re.Pattern[str]:
    """A sentence whose subject is the story's own company or plant, named in an earlier sentence
    ("The lithium giant also invested ...", "A plant will be built ...", "it has restarted ...")."""
    return re.compile(rf"^\W*(?:{determiners}) (?:[\w-]+ ){{0,2}}(?:{nouns})\b|"
                      rf"\b(?:it|the company|the government|the state) (?:has |had |also |will |"
                      rf"would )?(?:soon )?(?:{verbs})\b", re.I)


STORY_SUBJECT = story_subject("The|Its", "company|miner|group|firm|producer|giant|developer|explorer|major|conglomerate|"
                                "refiner|smelter|project|mine", "invested|committed|spent|acquired|purchased|bought|paid|made")

STORY_FACILITY = story_subject("A|The|Its", "plant|refinery|smelter|facility|mill",
                                 "restarted|built|build|commissioned|completed?|establish\\w*|construct\\w*|install\\w*")

LICENCE_ACT = re.compile(r"\blicen[cs]es?\b[^.;]{0,40}?\b(?:was|were|has been|have been)\s+(?:recently\s+)?(?:granted|"
                         r"issued|revoked|cancell?ed|renewed|extended)\b", re.I)

MARKET_CALL = re.compile(r"\b(?:prices?|demand|market)\b[^.;]{0,40}\b(?:will|would|to|should|could)\s+(?:hold|rise|fall|remain|"
                         r"stay|climb|drop|recover|rebound|weaken|strengthen|ease|firm)\b", re.I)

ANALYST_HOUSES = (r"Goldman Sachs|Morgan Stanley|J\.?P\.? ?Morgan|Citi(?:group)?|UBS|Macquarie|ANZ|RBC|BMO|Jefferies|Bernstein|"
                  r"Barclays|HSBC|BofA|Bank of America|Deutsche Bank|Credit Suisse|Societe Generale|BNP Paribas|Commerzbank|"
                  r"Capital Economics|Wood Mackenzie|CRU|Fastmarkets|Benchmark Mineral Intelligence|BMI|Fitch Solutions|"
                  r"Merrill Lynch|Salomon Brothers|Shearson Lehman|Nomura|Mizuho|[A-Z]\w+ (?:Capital Markets|Securities|"
                  r"Research)")

ANALYST_VIEW = re.compile(r"\banalysts?\b|\bstrategists?\b|\beconomists?\b|\b(?:research|brokerage) note\b|\bin a note\b|"
                          r"\b(?:the|a|its) (?:study|survey|report) (?:by [A-Z][\w ]+ )?(?:said|says|showed|shows|predicted|"
                          r"noted|"
                          r"estimated|forecast)\b|"
                          rf"\b(?:{ANALYST_HOUSES})(?:'s [A-Z]\w+(?: [A-Z]\w+)?)? (?:says|said|adds|added|wrote|notes|noted|"
                          rf"expects)\b|"
                          rf"\b(?:says|said|adds|added|according to) (?:{ANALYST_HOUSES})\b", re.I)
"""A view of a bank or research house ("..., Morgan Stanley adds", "said ANZ's Soni Kumari"), not an event."""

FORECAST = re.compile(r"\b(?:expects?|expected|forecasts?|predict\w*|anticipat\w*|suggests?|likely|could|may|might|would|"
                      r"will|sees|outlook|believes?)\b", re.I)

NOT_MINING_OPERATIONS = re.compile(r"\b(?:rescue|search|recovery|military|police|security|relief) (?:operations?|"
                                   r"efforts?)\b", re.I)

CAPITAL_COSTS = re.compile(r"\bcapital (?:costs?|expenditures?|spending)\b|\b(?:will|would) cost\b", re.I)
"""'Capital costs to bring the mine into production are estimated at 80 mln dlrs': the story company's investment."""

MONITORED_TRADE = re.compile(r"\bmonitor\w* (?:[\w-]+ ){0,3}(?:shipments|exports|imports)\b", re.I)

CONDITIONAL_DEAL = re.compile(r"\b(?:once|if|unless|until) (?:\w+ ){0,3}(?:have |has |had )?(?:agreed|signed|reached)\b", re.I)

LABOUR_DEAL = re.compile(r"\b(?:agreement|contract|deal|accord)s? with (?:the )?(?:[\w-]+ ){0,4}(?:unions?|workers|employees|"
                         r"locals)\b|"
                         r"\b(?:union|labou?r|wage|collective) (?:agreement|contract|deal)s?\b", re.I)

PERMITTED_SHIPMENT = re.compile(r"\b(?:allow|permit|authori[sz]|let)\w* (?:[\w-]+ ){0,3}to (?:resume|restart|"
                                r"start) (?:[\w-]+ ){0,2}"
                                r"(?:shipments|exports|deliveries)\b", re.I)

EXPORT_QUOTA_SET = re.compile(r"\b(?:introduc\w*|set|agreed|impos\w*|adopt\w*|allocat\w*)\b[^.;]{0,40}\bquotas?\b[^.;]{0,60}?"
                              r"\b(?:limit\w*|cut\w*|restrict\w*)\b[^.;]{0,30}\bexports?\b[^.;]{0,40}?\d", re.I)

FIRM_EXPORT_LICENCE = re.compile(r"\b(?:new|fresh|renewed|previous|its) export (?:licen[cs]e|permit)\b", re.I)

ANALYSTS_SAY = re.compile(r",\s(?:[\w-]+\s){0,2}analysts\s(?:say|said|says|note|noted)\W*$", re.I)

ACQUISITION_DEAL = re.compile(r"\b(?:acquisition|takeover|merger|acquire|buy(?:out)?)\b[^.;]*\bdeal\b|\bdeal\b[^.;]*"
                              r"\b(?:acquisition|takeover|merger|acquire)\b", re.I)

DEAL_WORDS = re.compile(r"\b(?:agreements?|contracts?|memorandum|MoU|joint venture|offtake|partnership|pact|accord)\b", re.I)

NEGATOR = re.compile(r"\b(?:no|not|never|without|fail(?:ed|ing|s)? to \w+|clinched no)\s+(?:[\w-]+\s+){0,2}$", re.I)

VENTURE_BACKGROUND = re.compile(r"\b(?:developed|owned|operated|held|built|run|made) (?:\w+ ){0,2}(?:in|through|via|under) (?:a|"
                                r"an|its|their|the) "
                                r"(?:[\w-]+ )?joint venture\b|\bjoint venture partners?\b|"
                                r"\bjoint venture (?:[\w-]+ ){0,3}(?:plant|mill|mine|"
                                r"smelter|refinery)\b|"
                                r"\b(?:its|their) joint venture (?:[A-Z]\w+|project|mine|partner|company|plant)\b", re.I)

DEAL_MADE = re.compile(r"\b(?:signed|agreed|formed|forming|form|establish\w*|set up|enter\w*|creat\w*|letter of intent)\b",
                       re.I)

UNDER_AGREEMENT = re.compile(r"\bunder (?:its|the|their|an existing|existing|a) (?:[\w-]+ ){0,2}(?:agreement|contract|deal|"
                             r"offtake)\b", re.I)

CONTROL_AS_CAUSE = re.compile(r"\b(?:unrest|concerns?|fears?|worries|worry|uncertainty|jitters|anxiety|nervousness)\s(?:from|"
                              r"over|about|"
                              r"around|of)\s(?:the\s)?(?:[\w-]+\s){0,3}(?:tariffs?|duties|export (?:controls?|curbs?|bans?)|"
                              r"import (?:curbs?|bans?))",
                              re.I)

AID_PURPOSE = re.compile(r"\bhelp (?:to )?(?:re-?open|restart|resume|reopen)\b|\bproduction quotas?\b", re.I)
"""'prepared to offer money to help re-open the mine': the aid is the news, the reopening its purpose."""

OUTPUT_TRADED = re.compile(r"\b(?:buy|purchase|acquire|take|receive|market|sell)\s(?:[\w'’-]+\s){0,5}(?:production|"
                           r"output)\b", re.I)

PERIOD_OUTPUT = re.compile(r"\b(?:produced|mined|smelted|refined)\s(?:about\s|some\s|nearly\s|almost\s|a record\s)?\d[\d.,]*\s?"
                           r"(?:mln\s|million\s|bln\s|billion\s)?(?:metric\s|short\s|long\s)?(?:tonnes|tons|ounces|oz|lbs|"
                           r"pounds)\b"
                           r"[^.;]{0,30}?\b(?:in|during|over)\s(?:the\s)?(?:same|first|second|third|fourth|last|previous|(?:19|"
                           r"20)\d\d|"
                           r"January|February|March|April|May|June|July|August|September|October|November|December)", re.I)

OWNERSHIP = re.compile(r"\d[\d.,]*\s?(?:%|pct|percent)(?:-|\s)?(?:owned|stake|interest|holding|shareholding)\b", re.I)

CLOSURES = re.compile(r"\bplant closures?\b|\bclosures? of (?:the |its )?(?:[\w-]+ )?plants?\b|\bin excess of requirements\b|"
                      r"\bcapacity (?:cuts?|reductions?)\b", re.I)

LOCATED = re.compile(r"\W*(?:Located|Situated|Sited|Lying)\b")

BAN_BY_SUSPENSION = re.compile(r"\b(?:suspen\w*|halt\w*|stop\w*|froze|freez\w*) (?:\w+ ){0,2}(?:exports?|shipments?|sales)\b|"
                               r"\b(?:exports?|shipments?) (?:\w+ ){0,3}(?:were |was |are |is |been )?(?:suspended|halted|"
                               r"frozen)\b", re.I)

SUSPENDED_MEASURE = re.compile(r"\b(?:suspen\w*|halt\w*|paus\w*) (?:[\w-]+ ){0,6}(?:controls?|curbs|bans?|restrictions|quotas?|"
                               r"licen[cs]\w*)\b", re.I)
