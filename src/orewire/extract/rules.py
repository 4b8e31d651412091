"""Trigger rules for the twelve event types (orewire.event_rules.v1).

Each rule is a regular expression over a sentence; a sentence may state events of
several types. Kept as data, apart from the code that applies them, so they can be
read, tested and extended one by one.
"""
from __future__ import annotations

import re

_F = re.I

TRIGGERS: dict[str, re.Pattern[str]] = {
    "EXPORT_CONTROL": re.compile(
        r"\bexport (?:controls?|curbs?|bans?|restrictions?|licen[cs]es?|licensing|quotas?|taxe?s?|dut(?:y|ies)|rules|permits?)\b|"
        r"\bban(?:s|ned|ning)? (?:the )?(?:exports?|shipments?)\b|\bbans? on (?:[\w-]+ ){0,4}(?:exports?|shipments?|"
        r"sales abroad)\b|"
        r"\bexport bans?\b|\b(?:restrict|curb|limit|halt|suspen|tighten)\w* (?:\w+ ){0,3}exports?\b|"
        r"\bexports? (?:of [\w\s-]{2,30} )?(?:will be |were |was )?(?:banned|restricted|curbed|suspended|halted)\b|"
        r"\b(?:allow|permit|authori[sz]|let)\w* (?:[\w-]+ ){0,3}to resume (?:\w+ ){0,2}(?:shipments|exports)\b|"
        r"\b(?:resume|restart) (?:\w+ ){0,2}(?:shipments|exports) under (?:a |an |the )?(?:new |fresh |"
        r"renewed )?(?:export )?(?:licen[cs]e|permit)|"
        r"\b(?:government|authorities|ministry|state) (?:\w+ ){0,3}(?:resume[sd]?|restart\w*) (?:\w+ ){0,2}exports\b|"
        r"\blicensing (?:and|requirements?)\b.*\bexport|"
        r"\b(?:licen[cs]\w*|controls?|restrictions?|curbs?) (?:rules |requirements |regime )?(?:on|"
        r"for) (?:[\w-]+ ){0,5}exports?\b|"
        r"\bdual-use (?:export )?licen[cs]\w*\b|\bexports? (?:of [\w\s-]{2,40} )?(?:require|need)\w* (?:a )?licen[cs]\w*|"
        r"\bmonitor\w* (?:[\w-]+ ){0,3}(?:exports?|shipments)\b|\bexports? and imports? permits act\b|"
        r"\bexport tariffs?\b|\btax(?:es|ing)? (?:\w+ ){0,2}exports\b", _F),
    "IMPORT_CONTROL": re.compile(
        r"\btariffs?\b|\bimport (?:curbs?|bans?|quotas?|dut(?:y|ies)|restrictions?|levies|levy|licen[cs]es?|controls?)\b|"
        r"\banti-?dumping\b|\bcountervailing\b|\b(?:duties|levies) on\b|\bquotas? on (?:\w+ ){0,3}imports\b|"
        r"\brestrict\w* (?:\w+ ){0,3}imports\b|\bsection 232\b|"
        r"\b(?:prohibit\w*|ban|bans|banned|banning|allow\w*|permit\w*) (?:\w+ ){0,2}imports? of\b|"
        r"\b(?:share of (?:the )?(?:[\w-]+ ){0,2}market|market share)\b[^.;]{0,30}\b(?:be )?(?:limited|capped|restricted)\b", _F),
    "SANCTION": re.compile(r"\bsanction(?:s|ed)?\b|\bentity list\b|\bblacklist\w*\b|\bassets? frozen\b", _F),
    "SHIPMENT": re.compile(
        r"\bship(?:ped|ment|ments|ping)\b|\bdispatch\w*\b|\bconsignments?\b|\bcargo(?:es)?\b|\bdelivered (?:\w+ ){0,3}(?:to|"
        r"tonnes|tons)\b|"
        r"\bdeliveries\b|\bexport(?:s|ed|ing)?\b|\bimport(?:s|ed|ing)?\b|\bsales volumes?\b|\bsend (?:\w+ ){0,4}materials?\b|"
        r"\bsuppl(?:y|ies|ied) (?:\w+ ){0,4}(?:to|from)\b|"
        r"\b(?:bought|purchased)\b[^.;]{0,40}?\d[\d.,]*\s?(?:mln |million )?(?:ounces|tonnes|tons|lbs)\b|"
        r"\b(?:quantity|volume|tonnage)s? sold\b|\bexpects? to sell (?:about |some )?[\d,.]+ (?:mln |million )?"
        r"(?:ounces|tonnes|tons)\b", _F),
    "AGREEMENT": re.compile(
        r"\bagreements?\b|\bagreed (?:to|with|on)\b(?! (?:acquire|buy|purchase|sell|take over|invest)\b)|\bdeals?\b|"
        r"\bmemorandum\b|\bMoU\b|\bcontracts?\b|\bjoint venture\b|"
        r"\bventure with\b|\bofftake\b|\bpartnership\b|\bframework\b|\bpact\b|\bsigned\b|\baccord\b|\bjoined with\b|"
        r"\bjoint project\b|\bright to buy\b|\barranged to\b|"
        r"\b(?:won|wins|win|received|receives|secured|secures|awarded|booked|landed) (?:a |an |the |its |their )?(?:[\w-]+ ){0,4}"
        r"(?:orders?|contracts?|tenders?)\b", _F),
    "INVESTMENT": re.compile(
        r"\binvest(?:s|ed|ing|ment|ments)?\b|\bacquir(?:e|es|ed|ing)\b|\bacquisition\b|\btakeover\b(?! (?:rules|laws?|panel|code|"
        r"regulations|act)\b)|\bmerger\b|"
        r"\b(?:buy|bought|buying|purchas\w*|acquir\w*) from (?:<?[A-Z][\w.&<>-]* ){1,5}[\d,.]+ (?:[\w-]+ ){0,2}(?:shares|"
        r"stock)\b|"
        r"\bsell\w* to the public (?:a |an )?(?:[\w-]+ )?(?:interest|stake|shares)\b|"
        r"\b(?:buy|bought|buying|take|took|taking|sell|sold|selling|purchas\w*|acquir\w*) "
        r"(?:\w+ ){0,4}(?:stake|interest|shares|pct|percent|%|company|unit|plant|mine|mill|works|smelter|refinery|assets?|"
        r"division|business|"
        r"laboratory|control)\b|"
        r"\b(?:raise[ds]?|raising|increas\w*|lift(?:s|ed|ing)?) (?:\w+ ){0,3}(?:stake|interest|holding|shareholding)\b|"
        r"\btender offer\b|\boffer for (?:the company|[A-Z])|\bequity (?:raising|financing)\b|\bexchange offer\b|\bbids? for\b|"
        r"\ba bid\b|\bplacement\b|"
        r"\bfunding\b|\bfinancing\b(?! facilit)|\bfunded by\b|\bgrants? (?:from|to|for|of) (?!(?:the )?(?:\w+ )?(?:government|"
        r"state)\b)|"
        r"\bpa(?:y|ys|ying|id) (?:a further |another |about |some )?(?:US)?\$?[\d.,]+ ?(?:mln|million|bln|billion)? ?"
        r"(?:dlrs|dollars|stg|marks|yen|rand|francs)? ?(?:to|for)\b|\b(?:initial )?public offering\b|\boffer(?:s|ing|"
        r"ed)? (?:[\w,.-]+ ){0,3}(?:common |new |ordinary )?shares\b|\bIPO\b|\bflotation\b|"
        r"\bfloat(?:ing|ed|s)? (?:of )?(?:its |the )?[A-Z]|\bcommitted (?:US)?\$|\bcapital (?:expenditures?|injection|raising|"
        r"costs?|spending)\b|\btender(?:ed|s)? for\b|"
        r"\b(?:will|would|to) cost (?:about |more than |some |around |over )?(?:US)?\$?\d|"
        r"\b(?:possible |proposed |planned )?sale of (?:the |its |a )?(?:[\w-]+ ){0,3}(?:plant|mine|works|unit|division|stake|"
        r"business|assets?|operations?|subsidiary|smelter|refinery|mill)\b|\b(?:undertak\w*|carry(?:ing)? out|conduct\w*|fund\w*|"
        r"commission\w*|begin|start\w*) (?:a |the |its )?(?:full |pre-?)?feasibility study\b|"
        r"\binterested in (?:[\w-]+ ){0,6}(?:development|investments?|acquisitions?|projects?|mines?|properties)\b|\bbudget\b|"
        r"\bfull control of\b|\bgross proceeds\b", _F),
    "MEETING": re.compile(r"\bto discuss\b|\bdiscuss(?:ed|ing)? (?:[\w-]+ ){0,3}with\b|\bmet\b|\bmeet(?:s|ing)?\b|\bmeetings?\b|"
                          r"\btalks\b|\bvisit(?:ed|s|ing)?\b|\bsummit\b|\bdelegation\b|"
                          r"\bnegotiations?\b|\bconversations\b|\b(?:quarterly|annual|special|plenary|full|council) sessions?\b|"
                          r"\bsession of the\b", _F),
    "PRODUCTION": re.compile(
        r"\bproduction\b|\boutput\b|\bproduc(?:e|ed|es|ing)\b|\bstrikes?\b|\bforce majeure\b|\bshut(?:down| down)?\b|"
        r"\bhalt\w* (?:\w+ ){0,2}(?:production|operations|mining|output)\b|\brestart\w*\b|\bcapacity\b|\breserves of\b|"
        r"\breserves (?:at (?:the )?end of|as of|at year-end)\b|"
        r"\bdrill(?:ing)?\b|\bexploration\b|\bdiscover\w*\b|\bsampling\b|\bmine (?:life|plan)\b|\bclos(?:e|ed|ure|"
        r"ing) (?:of )?(?:the |its )?"
        r"(?:\w+ ){0,2}(?:mine|smelter|refinery|plant|works|mill)\b|\bidl(?:e|ed|ing) (?:of )?(?:the |its )?(?:[\w-]+ ){0,3}"
        r"(?:mine|smelter|refinery|plant|works|mill)\b|\bintersections?\b|\b(?:production|operations?|output|"
        r"mining)\b[^.;]{0,50}?\b(?:is|are) (?:set|scheduled|expected|due|"
        r"slated) to (?:start|begin|commence|resume)\b|\breserves? (?:[\w-]+ ){0,4}(?:will be|to be) (?:exhausted|depleted|"
        r"mined out)\b|"
        r"\bcuts? (?:in |to )?(?:its |the )?(?:[\w-]+ ){0,3}(?:capacity|production|output)\b|\bmint(?:s|ed|"
        r"ing)? (?:and \w+ )?(?:a |an |the )?(?:new )?(?:[\w,.-]+ ){0,3}coins?\b|"
        r"\bcoins? (?:would|will) be (?:made|minted|struck)\b|\b(?:start|begin|commenc)\w* construction\b|\b(?:resource|"
        r"reserve)s? estimates?\b|\bestimate of (?:the |its )?(?:[\w-]+ )?(?:resources|reserves)\b|"
        r"\b(?:mining|production|operations) (?:could|will|would|should|is expected to) (?:start|begin|commence|resume)\b|"
        r"\b(?:build|develop|open)\w* (?:and (?:run|operate) )?(?:a |an |the )?(?:[\w-]+ ){0,3}mine\b|\b(?:found|finds?|"
        r"identified|located) (?:\w+ ){0,3}(?:deposits?|reserves|mineraliz\w+|orebod\w+)\b|\b(?:began|begin\w*|start\w*|"
        r"commenc\w*) (?:[\w-]+ ){0,3}(?:operations|production)\b|\bopen(?:s|ed|ing)? (?:the )?(?:[\w-]+ ){0,7}(?:mine|smelter|"
        r"refinery|plant|works|mill)\b|\b(?:drill )?holes?\b(?= [^.;]{0,60}\b(?:gold|silver|"
        r"copper|zinc|ounces?|grad\w+|feet|metres|meters)\b)|\bresum\w* (?:\w+ ){0,2}(?:production|operations|mining)\b|"
        r"\bmined\b|\bsmelted\b|\brefined\b (?:\w+ ){0,3}(?:tonnes|tons)|\bcare and maintenance\b|"
        r"\b(?:froze|freez\w*|suspend\w*|halt\w*|paus\w*|relaunch\w*|ramp\w* up|restart\w*) (?:\w+ ){0,3}"
        r"(?:development|operations?|mining|plants?|mines?|refinery|smelter|projects?)\b|\bguidance\b", _F),
    "FACILITY": re.compile(
        r"\b(?:build|building|built|construct\w*|set up|establish\w*|develop\w*|plans?|planned|proposed|new|complet\w*|"
        r"install\w*|"
        r"commission\w*),? (?:[\w,.-]+ ){0,6}(?:plant|refinery|processing facility|factory|smelter|facility|capacity|hub|"
        r"(?:processing|service|distribution) cent(?:er|re)s?)\b|"
        r"\b(?:plant|refinery|facility|smelter|cent(?:er|re)) will be (?:located|built|constructed)\b|"
        r"\b(?:pilot|demonstration|processing|recovery|magnet|hydroxide|carbonate|refining|battery|cathode|anode) "
        r"(?:plant|facility|refinery|project)\b", _F),
    "PRICE": re.compile(
        r"\bprices?\b|\bfutures\b|\bpremiums?\b|\bbenchmarks?\b|\bcontracts? (?:was|were|rose|fell|\w+ed)\b|"
        r"\b(?:dlrs?|cents?|\$|US\$)[\s\d.,]*(?:a|an|per) (?:ounce|tonne|ton|lb|pound|flask|kg|short ton|metric ton)\b", _F),
    "POLICY": re.compile(
        r"\b(?:new|introduc\w*|pass(?:ed|es)?|approv\w*|amend\w*|announc\w*|adopt\w*|chang\w*|tighten\w*|relax\w*|"
        r"revis\w*|draft\w*|enact\w*|unveil\w*|overhaul\w*|mining|industrial|minerals?) (?:\w+ ){0,3}"
        r"(?:polic(?:y|ies)|laws?|legislation|regulations?|rules|code|strategy)\b|\breforms?\b|\bincentives?\b|\bsubsid(?:y|ies|"
        r"i[sz]\w*)\b|"
        r"\bstockpil\w*\b|\broyalt(?:y|ies)\b|\btax (?:exemptions?|breaks?|rates?|credits?)\b|\baid (?:package|funds?)\b|"
        r"\bcrack down\b|\bcrackdown\b|\bnationali[sz]\w*\b|\bmining code\b|\bwill be allowed to operate\b|\bvalue[- ]added\b|"
        r"\blicen[cs]es? (?:was |were |has been |have been )?(?:recently )?(?:granted|approved|issued|revoked|cancell?ed)\b|"
        r"\bapprove new (?:mining )?licen[cs]es\b|\b(?:offer|provide|give)\w* (?:money|financial (?:help|aid|assistance)|funds|"
        r"aid)\b|"
        r"\b(?:plan|programme|program|scheme) (?:for|of) (?:[\w-]+ ){0,3}(?:closures?|capacity cuts|restructuring)\b|"
        r"\bproduction quotas?\b|\bclosure program\w*\b|\bgrants? from (?:the )?government\b|\bnational stock\b", _F),
}

STATEMENT_SUBTYPES: list[tuple[str, re.Pattern[str]]] = [
    ("DENY", re.compile(r"\bden(?:y|ies|ied|ying)\b|\breject(?:s|ed|ing)? (?:the |any |all |these |those )?(?:\w+ )?(?:reports?|"
                        r"claims?|"
                        r"allegations?|accusations?|suggestions?|link|speculation)\b|\brefut\w*\b|\bdismiss(?:ed|es)?\b|"
                        r"\bnothing to do with\b|\bbaseless\b|\bgroundless\b|\bmisinformed\b|\binvented\b|\bunfounded\b", _F)),
    ("ASSURE", re.compile(r"\bassur(?:e|ed|es|ing|ance)\b|\breassur\w*\b|\bwill never\b|\bguarantee[ds]?\b(?! by)|"
                          r"\bpledg\w*\b", _F)),
    ("WARN", re.compile(r"\bwarn(?:s|ed|ing)?\b|\bcautioned\b", _F)),
    ("ACCUSE", re.compile(r"\baccus\w*\b|\bblam(?:e|es|ed)\b|\bcritici[sz](?:e|es|ed|ing)\b|\bcondemn\w*\b|\bviolat\w*\b", _F)),
    ("CLAIM", re.compile(r"(?<!mining )(?<!mineral )(?<!leases and )(?<!placer )(?<!lode )\bclaim(?:s|ed)?\b|"
                         r"\bappeal(?:ed|s)? to\b|\burg(?:ed|es)\b|\bcall(?:ed|s)? on\b|\binsist\w*\b|\bsaid (?:it|they|he|"
                         r"she) (?:is|was|were|are) not\b|"
                         r"\bshould consider\b|\bbelieves?\b|\bconfident\b|"
                         r"\b(?:is|was|are|were|be) (?:\w+ )?(?:unrealistic|unnecessary|unacceptable|unjustified|unfair|"
                         r"illegal)\b|\balleg(?:e|es|ed)(?= that| in| the)\b|\bpraised?\b", _F)),
]

DENIAL_OF_REPORT = re.compile(r"\b(?:misinformed|invented|baseless|groundless|unfounded|untrue|false|fabricated|"
                              r"den(?:y|ies|ied)|reject(?:s|ed)?)\b", _F)

STATUS_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("lifted", re.compile(r"\b(?:lift(?:s|ed)?|scrap(?:s|ped)?|remov(?:e|ed|es)|resum(?:e|ed|es|ing)|end(?:s|ed)) (?:\w+ ){0,3}"
                          r"(?:ban|curbs?|controls?|restrictions?|tariffs?|quotas?|shipments|exports)\b", _F)),
    ("suspended", re.compile(r"\bsuspen(?:d|ds|ded|sion)\b|\bhalt(?:s|ed)?\b|\bshut(?: down)?\b|\bon strike\b|\bwent on strike\b|"
                             r"\bclosed\b|\bclosure\b|\bdelay(?:s|ed)?\b|\blapsed\b|\bforce majeure\b|\bblocked\b|\bidled?\b|"
                             r"\bcare and maintenance\b|\bfroze\b|\bfrozen\b|\bpaused?\b|\bidling\b|"
                             r"\b(?:ended|ends|stopped|stops) (?:\w+ ){0,3}(?:shipments|exports|deliveries)\b", _F)),
    ("interest", re.compile(r"\binterest in\b|\binterested\b|\beyes?\b|\bexplor(?:e|ing) (?:\w+ ){0,2}(?:investment|opportunit)|"
                            r"\bconsidering\b|\bmay (?:buy|invest|acquire)\b", _F)),
    ("planned", re.compile(r"\bwill\b|\bwould\b|\bplan(?:s|ned|ning)?\b|\bto (?:build|begin|start|set up|establish|invest|"
                           r"acquire|buy|"
                           r"sell|supply|produce|launch|develop|open|ban|impose)\b|\bproposed?\b|\bexpect(?:s|ed)?\b|\baims?\b|"
                           r"\bintends?\b|\bnext (?:year|month|week)\b|\bforecasts?\b|\bpredict\w*\b|\bguidance\b|\btarget(?:s|"
                           r"ed)\b|"
                           r"\bprojection\b|\bprojected\b|\bsees\b|\bpromised\b|\bthreat\w*\b|\bseek\w*\b|"
                           r"\bcould (?:start|begin|reach|produce|open|resume)\b", _F)),
    ("announced", re.compile(r"\bannounc\w*\b|\bsigned\b|\bagreed\b|\bapproved\b|\bimpos(?:e|ed|es)\b|\bintroduc\w*\b|"
                             r"\bformali[sz]ed\b|\bin force\b|\bexpand\w*\b|\btighten\w*\b|\bset\b|\bdecided\b|\bawarded\b", _F)),
]
DEFAULT_STATUS = {"PRODUCTION": "completed", "PRICE": "completed", "SHIPMENT": "completed", "MEETING": "completed",
                  "AGREEMENT": "announced", "INVESTMENT": "announced", "EXPORT_CONTROL": "announced",
                  "IMPORT_CONTROL": "announced", "SANCTION": "announced", "POLICY": "announced", "FACILITY": "planned",
                  "STATEMENT": None}

MONEY = re.compile(
    r"(?:US\s?\$|\$|USD\s?)\s?(?P<n1>\d[\d,]*(?:\.\d+)?)\s*(?P<u1>trillion|billion|bln|million|mln|bn|m|k|thousand)?\b|"
    r"\b(?P<n2>\d[\d,]*(?:\.\d+)?)\s*(?P<u2>trillion|billion|bln|million|mln)?\s*(?:U\.?S\.?\s)?(?:dlrs|dollars)\b", _F)
SCALE = {"trillion": 1e12, "billion": 1e9, "bln": 1e9, "bn": 1e9, "million": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "thousand": 1e3}

# A price move: what moved (a commodity, its price, futures, a benchmark) and how.
PRICE_MOVE = re.compile(
    r"\b(?:rose|rise[sn]?|fell|fall(?:s|en)?|gained|gains|jumped|jumps|slipped|slips|slid|slides|eased|eases|climbed|climbs|"
    r"dropped|drops|rallied|rall(?:y|ies)|slumped|firmed|declined|declines|edged (?:up|down|higher|lower)|edges (?:up|down|"
    r"higher|lower)|"
    r"advanced|advances|retreated|retreating|rebounded|rebounds|recovered|recovers|surged|soared|plunged|plunge|tumbled|weakened|"
    r"strengthened|extended (?:gains|losses)|"
    r"rocketed|hit (?:a |an )?(?:record|high|low|\d)|touched|(?:was|were|is|are) (?:up|down|higher|lower)|higher|lower|"
    r"(?:up|down) (?:by )?(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"(?=\s?(?:%|pct|percent|cents?|cts|dlrs?|stg|points?))|widened|narrowed|firmer|weaker|softer|stronger|easier|(?:was|"
    r"were) fixed (?:\w+ ){0,2}at|fix of|"
    r"(?:slightly |well )?(?:above|below) (?:the|its|yesterday's|last night's|the previous) (?:\w+ )?(?:setting|fix|close|level)|"
    r"little changed|"
    r"increased|decreased|raised|cut|lowered|set|established?)\b", _F)
NOT_PRICE_SUBJECT = re.compile(
    r"\b(?:shares?|stocks?|production|output|sales|volumes?|exports?|imports?|shipments?|reserves|inventor(?:y|ies)|earnings|"
    r"profits?|revenues?|costs?|index|indices|dividends?|deliveries|demand|supply|capacity|stake|holdings|miners|equities)\b", _F)

NOT_MEETING = re.compile(r"\b(?:shareholders?'? meeting|general meeting|annual meeting|board meeting|peace talks|"
                         r"meeting (?:demand|expectations|targets?|estimates)|talks (?:have been|were) terminated)\b", _F)
NOT_SHIPMENT = re.compile(r"\b(?:for \w+ delivery|delivered (?:a|an|strong|solid|record|results)|export (?:controls?|curbs?|"
                          r"bans?|"
                          r"restrictions?|licen[cs]\w*|quotas?|rules|permits?|taxe?s?|dut(?:y|ies)))\b", _F)

NOT_AGREEMENT = re.compile(r"\b(?:(?:month|three-month|most-traded|most-active|futures|benchmark|front-month|copper|iron ore|"
                           r"lme) "
                           r"(?:[A-Z][\w-]* )?contracts?|"
                           r"contract (?:offer|talks)|unions?|workers|locals|wages?|pay raise|heads of agreement|"
                           r"honou?r (?:its |the |their |existing )?(?:contracts|commitments|agreements)|agreed on a (?:plan|"
                           r"programme|program|policy)|job classifications?|"
                           r"collective (?:agreement|bargaining)|bargaining|labou?r (?:contract|agreement|deal)|"
                           r"(?:metal|aluminium|aluminum|copper|zinc|nickel|tin|lead|silver|gold|platinum|"
                           r"grade) (?:[\w-]+ ){0,2}contracts?)\b", _F)
NOT_INVESTMENT = re.compile(r"\b(?:credit|loan|debt|revolving|overdraft) (?:[\w-]+ )?facilit(?:y|ies)\b|"
                            r"\binvestment (?:climate|environment|opportunities|grade)\b|"  # borrowing
                            r"\bpct of [\d.,]+ (?:mln |million )?(?:ounces|tonnes|tons|lbs)\b|"  # a share of a quantity sold
                            r"\b(?:encourag\w*|attract\w*|persuad\w*|convinc\w*|invit\w*|urg(?:e|es|ed|ing)|offer\w*|incentives?|"
                            r"breaks)"
                            r" (?:[\w-]+ ){0,6}to invest\b|"  # the purpose of a policy, not an investment
                            r"\b(?:investors across|value of their investments|foreign investment cases|holds? (?:a |an )?"
                            r"(?:majority |minority )?(?:\d[\d.]* ?(?:pct|percent|%) )?stake)\b", _F)

CONTROL_ACTION = re.compile(
    r"\b(?:impos\w*|rais\w*|plac\w*|announc\w*|introduc\w*|lev(?:y|ies|ied)|set|slap\w*|formali[sz]\w*|delay\w*|threat\w*|"
    r"promis\w*|extend\w*|lift\w*|remov\w*|suspend\w*|exempt\w*|appl(?:y|ies|ied)|hike\w*|doubl\w*|tighten\w*|expand\w*|planning|"
    r"ban(?:s|ned)?|restrict\w*|curb\w*|prohibit\w*|limit\w*|halt\w*|resum\w*|would|will|decision|plans?|consider\w*|"
    r"add(?:s|ed|ing)?|list(?:s|ed|ing)?|requir\w*)\b", _F)
NEGATED = re.compile(r"\b(?:not|no|never|without)\s+(?:\w+\s+){0,2}$", _F)
