"""The ``orewire`` command line: thin wrappers over the library.

Exit codes: 0 success; 1 failed work, or ``ingest`` finished but quarantined some
input (see the quarantine table); 2 usage errors.
"""
from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .config import HTML_EXTRACTORS, load_settings
from .errors import EXIT_INTERNAL, EXIT_STORE, OrewireError
from .model import EventType
from .output import FORMATS, render_table, to_csv, to_json

SAMPLE_DIR = Path(__file__).parent / "data" / "sample"
TABLE_LIMIT = 50  # rows an 'articles' table shows unless --limit says otherwise


def db_option(fn: Any) -> Any:
    return click.option("--db", default=None, envvar="OREWIRE_DB", show_default="orewire.duckdb",
                        help="DuckDB file to use.")(fn)


def format_option(default: str = "table") -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
                        help="Output format: a table for people, JSON or CSV for programs.")


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _fail(exc: OrewireError) -> NoReturn:
    click.echo(f"Error: {exc}", err=True)
    sys.exit(exc.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="orewire")
def main() -> None:
    """orewire: critical-minerals news in, evidence-backed intelligence out.

    Start with `orewire demo`, then `orewire ingest PATH|URL...` and `orewire articles`.
    """


@main.command()
@click.argument("targets", nargs=-1, required=True)
@db_option
@click.option("--workers", default="1", show_default=True,
              help="Processes that clean documents: a number, or 'auto' for one per core.")
@click.option("--html-extractor", type=click.Choice(HTML_EXTRACTORS), default=None,
              help="auto: fast pass with careful fallback (default); fast; careful (trafilatura).")
@click.option("--retrieved-at", default=None, metavar="ISO-TIME",
              help="When local files were fetched; resolves relative stamps like 'Updated 10 sec ago'.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--no-extract", is_flag=True, help="Store clean articles only; skip entity and event extraction.")
@click.option("--allow-private-urls", is_flag=True,
              help="Fetch URLs on private, loopback or link-local addresses (refused by default: SSRF protection).")
def ingest(targets: tuple[str, ...], db: str | None, workers: str, html_extractor: str | None,
           retrieved_at: str | None, quiet: bool, no_extract: bool, allow_private_urls: bool) -> None:
    """Read TARGETS (files, folders, globs, URLs; any of them .gz) into the database.

    Formats: plain-text page dumps, HTML, JSON Lines, RSS/Atom feeds, WARC. Inputs
    that cannot be used are listed, kept in the quarantine table with the reason,
    and make the exit status 1; everything else is stored. Running the same
    command twice stores nothing new.
    """
    from .runner import ingest as run_ingest
    from .store import open_store

    try:
        settings = load_settings(db=db, workers=_workers(workers), html_extractor=html_extractor,
                                 **({"allow_private_urls": True} if allow_private_urls else {}))
        fetched_at = _parse_time(retrieved_at)
        with open_store(settings.db, role="ingest") as store:
            report = _run_with_progress(run_ingest, targets, store, settings, fetched_at, quiet, not no_extract)
    except OrewireError as exc:
        _fail(exc)
        return
    _print_summary(report, settings.db)
    if report.resolution is not None:
        click.echo(report.resolution.summary())
    sys.exit(report.exit_code)


def _run_with_progress(run_ingest: Any, targets: Any, store: Any, settings: Any, fetched_at: Any, quiet: bool,
                       extract: bool = True) -> Any:
    """A live bar with a total, a percentage and an ETA when the inputs' size is known; piped to a log, a plain
    progress line every few seconds instead."""
    import time

    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .runner import input_bytes

    err = _console(stderr=True)
    total = input_bytes(list(targets))
    last_line = [time.monotonic()]

    def on_quarantine(q: Any) -> None:
        style = "red" if q.action == "rejected" else "yellow"
        err.print(f"[{style}]{q.action}[/{style}] {q.reason}: {q.detail}", soft_wrap=True, markup=True)

    def status(r: Any) -> str:
        share = f"  {min(r.bytes_read / total, 1.0):.0%} of {total / 2**20:,.1f} MB" if total else ""
        return (f"read {r.read:,}  new {r.new:,}  articles {r.articles:,}  events {r.events:,}  "
                f"quarantined {r.rejected:,}  {r.rate:,.0f}/s{share}")

    columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
    if total:
        columns[2:2] = [BarColumn(), TextColumn("{task.percentage:>3.0f}%"), TimeRemainingColumn()]
    with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("reading…", total=total)

        def on_batch(r: Any) -> None:
            progress.update(task, description=status(r), completed=min(r.bytes_read, total) if total else None)
            if not quiet and not err.is_terminal and time.monotonic() - last_line[0] >= LOG_EVERY_S:
                last_line[0] = time.monotonic()
                err.print(f"progress: {status(r)}", soft_wrap=True, highlight=False)

        def on_resolve_step(message: str) -> None:
            progress.update(task, description=message)
            if not quiet and not err.is_terminal:
                err.print(f"progress: {message}", highlight=False)

        return run_ingest(targets, store, settings, fetched_at=fetched_at, extract=extract, on_batch=on_batch,
                          on_quarantine=on_quarantine, on_resolve_step=on_resolve_step)


LOG_EVERY_S = 5.0  # piped to a log, a progress line this often


def _print_summary(report: Any, db: str) -> None:
    if getattr(report, "resolution", None) is not None and report.resolution.notes:
        for note in report.resolution.notes:
            click.echo(f"note: {note}", err=True)
    click.echo(
        f"read {report.read}, new {report.new}, duplicate {report.duplicate}, articles {report.articles}, events {report.events}, "
        f"quarantined {report.rejected} (recovered {report.recovered}, skipped {report.skipped}), "
        f"{report.rate:,.1f} docs/s in {report.seconds:.2f} s -> {db} (run {report.run_id})"
    )


def _workers(value: str) -> int:
    if value == "auto":
        return 0
    if value.isdigit() and int(value) >= 1:
        return int(value)
    raise click.BadParameter(f"'{value}' is not a positive number or 'auto'", param_hint="--workers")


def _parse_time(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not an ISO date-time such as 2025-10-15T09:30:00+00:00",
                                 param_hint="--retrieved-at") from None


@main.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["eval", "json"]), default="eval", show_default=True,
              help="eval: orewire-eval/1 JSON Lines (one object per document); json: full events with evidence offsets.")
@click.option("--html-extractor", type=click.Choice(HTML_EXTRACTORS), default=None, help="As for ingest.")
def extract(targets: tuple[str, ...], fmt: str, html_extractor: str | None) -> None:
    """Extract entities and events from TARGETS and print them as JSON Lines; no database needed.

    One line per document: a page dump (its articles together; doc = file stem), a JSON Lines
    record (doc = its id), an HTML page, feed item or WARC record. Unusable inputs are reported
    on stderr and make the exit status 1.
    """
    import json

    from .extract.evalfmt import to_eval
    from .runner import extract_targets

    rejected = 0

    def on_quarantine(q: Any) -> None:
        nonlocal rejected
        rejected += q.action == "rejected"
        click.echo(f"{q.action} {q.reason}: {q.detail}", err=True)

    try:
        settings = load_settings(html_extractor=html_extractor)
        for doc, extraction in extract_targets(targets, settings, on_quarantine):
            record = to_eval(doc, extraction)
            if fmt == "json":
                record["events"] = [e.to_dict() for e in extraction.events]
            click.echo(json.dumps(record, ensure_ascii=False, default=str))
    except OrewireError as exc:
        _fail(exc)
    sys.exit(1 if rejected else 0)


@main.command()
@db_option
@format_option()
@click.option("--source", help="Only articles whose source path or URL contains this.")
@click.option("--search", help="Only articles whose title or text contains this (case-insensitive).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Published on or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Published on or before this date.")
@click.option("--language", help="ISO 639-1 language code, e.g. en.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (1 or more).")
def articles(db: str | None, fmt: str, source: str | None, search: str | None, since: datetime | None,
             until: datetime | None, language: str | None, limit: int | None) -> None:
    """List stored articles, newest first."""
    from .query import ArticleFilter, list_articles

    capped = limit is None and fmt == "table"  # a table for people stops at a screenful; JSON and CSV give everything
    flt = ArticleFilter(source=source, search=search, since=since.date() if since else None,
                        until=until.date() if until else None, language=language,
                        limit=TABLE_LIMIT + 1 if capped else limit)
    rows = _read(lambda store: list_articles(store, flt), db)
    more = capped and len(rows) > TABLE_LIMIT
    rows = rows[:TABLE_LIMIT] if more else rows
    if fmt == "json":
        click.echo(to_json(rows))
    elif fmt == "csv":
        click.echo(to_csv(rows), nl=False)
    else:
        cols = ["id", "published", "dateline", "language", "title", "source"]
        shown = [{**r, "id": r["id"][:12], "source": _short_source(r["source"])} for r in rows]
        _console().print(render_table(shown, cols, title=f"{len(rows)} articles" + (" (the newest; more match)" if more else ""),
                                      widths={"title": 60, "source": 40}))
        if more:
            click.echo(f"Showing the newest {TABLE_LIMIT}. See more with --limit N, or all with --format json or csv.", err=True)


@main.command()
@db_option
@format_option()
@click.option("--type", "etype", type=click.Choice([t.value for t in EventType], case_sensitive=False), help="Event type.")
@click.option("--commodity", help="Lexicon id, e.g. antimony, rare_earths.")
@click.option("--country", help="ISO 3166 alpha-3 code among actors or counterparts, e.g. CHN.")
@click.option("--entity", help="An organisation or person (id, name or acronym) among actors or counterparts.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="On or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="On or before this date.")
@click.option("--polarity", type=click.Choice(["asserted", "denied"]), help="Only asserted, or only denied, events.")
@click.option("--per-document", is_flag=True, help="Events as each document tells them, before cross-document resolution.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (1 or more).")
def events(db: str | None, fmt: str, etype: str | None, commodity: str | None, country: str | None, entity: str | None,
           since: datetime | None, until: datetime | None, polarity: str | None, per_document: bool, limit: int | None) -> None:
    """List events with their evidence, the quoted words highlighted in context.

    By default each event is resolved across documents: one real-world occurrence with every
    source's evidence, the number of sources (articles) and of independent origins (syndicated
    copies count once). `orewire merges explain ID` says why sources were merged.
    """
    from .query import EventFilter, list_events, list_resolved_events, unresolved_events

    commodity, country = _filter_ids(commodity, country)
    flt = EventFilter(type=etype, commodity=commodity, country=country, since=since.date() if since else None,
                      until=until.date() if until else None, polarity=polarity, limit=limit, entity=entity)
    if per_document:
        rows = _read(lambda store: list_events(store, flt), db)
    else:
        rows, stale = _read(lambda store: (list_resolved_events(store, flt), unresolved_events(store)), db)
        if stale:
            click.echo(f"note: {stale} stored events are not in the cross-document view yet; run 'orewire resolve' "
                       "(or use --per-document).", err=True)
    _emit_events(rows, fmt)


@main.command("event")
@click.argument("event_id")
@db_option
@format_option()
def event_sources(event_id: str, db: str | None, fmt: str) -> None:
    """One event with all its sources: outlet, title, URL, date and the quoted words of each."""
    from .query import EventFilter, list_resolved_events

    if not event_id.strip():
        raise click.BadParameter("give an event id (or its first characters)", param_hint="EVENT_ID")
    rows = _read(lambda store: list_resolved_events(store, EventFilter(id_prefix=event_id.strip(), limit=2)), db)
    if not rows:
        raise click.ClickException(f"No event id starts with '{event_id}'. List them: orewire events")
    if len(rows) > 1:
        raise click.ClickException(f"'{event_id}' starts several event ids; give more of it.")
    if fmt != "table":
        _emit_events(rows, fmt)
        return
    _print_events(rows)
    console = _console()
    console.print("[bold]sources[/bold]")
    for e in rows[0]["evidence"]:
        console.print(f"  {e['published'] or '?'}  {_short_source(e['url'] or e['source'])}  {e['title'] or ''}\n"
                      f"      “{' '.join(e['quote'].split())}”", highlight=False)


@main.command()
@db_option
@format_option()
@click.option("--search", help="Only entities with a name, alias or id containing this (literal text).")
@click.option("--kind", type=click.Choice(["COUNTRY", "COMMODITY", "ORG", "PERSON"], case_sensitive=False))
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many.")
def entities(db: str | None, fmt: str, search: str | None, kind: str | None, limit: int) -> None:
    """Entities (countries, commodities, organisations, people) with their aliases and how many articles name them."""
    from .query import list_entities

    rows = _read(lambda store: list_entities(store, search, kind, limit), db)
    if fmt != "table":
        _emit(rows, fmt, [], "", None)
        return
    table = [{"id": r["id"], "kind": r["kind"], "name": r["name"], "aliases": ", ".join(r["aliases"][:6]),
              "articles": r["articles"]} for r in rows]
    _emit(table, fmt, ["kind", "name", "aliases", "articles", "id"], f"{len(rows)} entities", None)


def _filter_ids(commodity: str | None, country: str | None) -> tuple[str | None, str | None]:
    """Names, codes and synonyms as the ids the store keeps ("rare earths" -> rare_earths, "Pakistan" or "PK" -> PAK);
    an unknown value is a usage error naming close matches, never a silent empty answer."""
    from .analysis import commodity_id, country_id

    try:
        return (commodity_id(commodity) if commodity else None, country_id(country) if country else None)
    except OrewireError as exc:
        _fail(exc)


def _emit_events(rows: list[dict[str, Any]], fmt: str) -> None:
    hidden = ("before", "after")
    if fmt == "json":
        click.echo(to_json([r | {"evidence": [{k: v for k, v in e.items() if k not in hidden} for e in r["evidence"]]}
                            for r in rows]))
    elif fmt == "csv":
        click.echo(to_csv([{k: v for k, v in r.items() if k != "names"} | {
            "evidence": " | ".join(e["quote"] for e in r["evidence"])} for r in rows]), nl=False)
    else:
        _print_events(rows)


def _print_events(rows: list[dict[str, Any]]) -> None:
    from rich.text import Text

    console = _console()
    console.print(f"[bold]{len(rows)} events[/bold]")
    for r in rows:
        head = f"{r['type']}{'/' + r['subtype'] if r['subtype'] else ''}"
        denied = " [red](denied)[/red]" if r["polarity"] == "denied" else ""
        names = r.get("names") or {}
        sources = (f"  [green]{r['n_sources']} sources, {r['n_origins']} origins[/green]" if "n_sources" in r else "")
        measures = f"  registry {', '.join(r['measures'])}" if r.get("measures") else ""
        console.print(f"\n[bold cyan]{head}[/bold cyan]{denied}  {r['occurred'] or '?'}  status {r['status'] or '-'}  "
                      f"actors {', '.join(names.get(a, a) for a in r['actors']) or '-'} -> "
                      f"{', '.join(names.get(a, a) for a in r['counterparts']) or '-'}  "
                      f"commodities {', '.join(r['commodities']) or '-'}"
                      + (f"  ${r['amount_usd']:,.0f}" if r["amount_usd"] else "")
                      + (f"  speaker {names.get(r['speaker'], r['speaker'])}" if r.get("speaker") else "")
                      + (f"  until {r['until']}" if r.get("until") else "") + sources + measures
                      + (f"  [dim]{r['id'][:12]}[/dim]" if "n_sources" in r else ""), markup=True, highlight=False)
        for e in r["evidence"]:
            line = Text("   … ")
            line.append(" ".join((e["before"] or "").split()[-8:]) + " ")
            line.append(" ".join(e["quote"].split()), style="bold yellow")
            line.append(" " + " ".join((e["after"] or "").split()[:6]) + " …")
            line.append(f"  [{_short_source(e['source'])}]", style="dim")
            console.print(line)


@main.command()
@db_option
@click.option("--threshold", type=float, default=None, help="Merge score needed (default 0.55).")
@click.option("--window-days", type=int, default=None, help="Days apart two reports of one occurrence may be (default 10).")
def resolve(db: str | None, threshold: float | None, window_days: int | None) -> None:
    """Recompute the cross-document view: near-duplicate origins, entity links, resolved events, registry links.

    `orewire ingest` does this after every run; run it alone after `orewire merges` decisions or to try
    other settings. Decisions people made (split, join) are kept.
    """
    from .resolve import resolve_store
    from .resolve.events import THRESHOLD, WINDOW_DAYS
    from .store import open_store

    settings = load_settings(db=db)
    try:
        with open_store(settings.db, role="resolve") as store:
            report = resolve_store(store, threshold if threshold is not None else THRESHOLD,
                                   window_days if window_days is not None else WINDOW_DAYS)
    except OrewireError as exc:
        _fail(exc)
        return
    click.echo(report.summary())
    for note in report.notes or []:
        click.echo(f"note: {note}", err=True)


@main.group()
def merges() -> None:
    """Explain and correct cross-document merges (every merge can be explained and undone)."""


@merges.command("explain")
@click.argument("event_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def merges_explain(event_id: str, db: str | None, fmt: str) -> None:
    """Why resolved event EVENT_ID (or the one holding member event EVENT_ID) holds what it holds."""
    from .query import explain_cluster

    found = _read(lambda store: explain_cluster(store, event_id), db)
    if found is None:
        raise click.ClickException(f"No resolved or member event id starts with '{event_id}'. List them: orewire events")
    if fmt == "json":
        click.echo(to_json(found))
        return
    console = _console()
    console.print(f"[bold]resolved event {found['id']}[/bold]: {len(found['members'])} member events")
    for m in found["members"]:
        console.print(f"  {m['id'][:12]}  {m['doc']}  {m['status'] or '-'}  {m['occurred'] or '?'}  "
                      f"{_short_source(m['source'])}\n      “{' '.join(m['quote'].split())[:140]}”", highlight=False)
    for m in found["merges"]:
        console.print(f"  merged {m['event_a'][:12]} + {m['event_b'][:12]}  score {m['score']}: {'; '.join(m['reasons'])}",
                      highlight=False)
    for o in found["overrides"]:
        console.print(f"  decision: {o['decision']} {o['event_a'][:12]} / {o['event_b'][:12]}  {o['note'] or ''}", highlight=False)
    if len(found["members"]) > 1:
        console.print("Undo: orewire merges split MEMBER_EVENT_ID", style="dim")


@merges.command("split")
@click.argument("event_id")
@click.option("--from", "other", default=None, help="Split only from this member event (default: from all others).")
@click.option("--note", default=None, help="Why (kept with the decision).")
@db_option
def merges_split(event_id: str, other: str | None, note: str | None, db: str | None) -> None:
    """Take member event EVENT_ID out of its resolved event, for good (kept across re-resolution)."""
    _decide(db, event_id, other, "split", note)


@merges.command("join")
@click.argument("event_id")
@click.argument("other")
@click.option("--note", default=None, help="Why (kept with the decision).")
@db_option
def merges_join(event_id: str, other: str, note: str | None, db: str | None) -> None:
    """Always treat member events EVENT_ID and OTHER as one occurrence."""
    _decide(db, event_id, other, "join", note)


@merges.command("decisions")
@click.option("--clear", "clear", is_flag=True, help="Forget the decisions (all, or those naming --event).")
@click.option("--event", "event_prefix", default=None, help="Only decisions naming this event id (or its start).")
@db_option
@format_option()
def merges_decisions(clear: bool, event_prefix: str | None, db: str | None, fmt: str) -> None:
    """List the split and join decisions people made (kept across re-resolution), or clear them."""
    from .resolve import resolve_store
    from .store import open_store

    if clear:
        settings = load_settings(db=db)
        try:
            with open_store(settings.db, role="merges") as store:
                removed = store.clear_overrides(event_prefix)
                report = resolve_store(store)
        except OrewireError as exc:
            _fail(exc)
            return
        click.echo(f"cleared {removed} decision(s); {report.summary()}")
        return
    from .query import merge_decisions

    rows = _read(lambda store: merge_decisions(store, event_prefix), db)
    _emit(rows, fmt, ["decision", "event_a", "event_b", "note", "created_at"], f"{len(rows)} merge decisions", None)


def _decide(db: str | None, event_id: str, other: str | None, decision: str, note: str | None) -> None:
    from .query import cluster_members
    from .resolve import resolve_store
    from .store import open_store

    settings = load_settings(db=db)
    try:
        with open_store(settings.db, role="merges") as store:
            found = cluster_members(store, event_id)
            if found is None:
                raise click.ClickException(f"'{event_id}' is not one member event id (see: orewire merges explain ID).")
            full, members = found
            if other is not None:
                target = cluster_members(store, other)
                if target is None:
                    raise click.ClickException(f"'{other}' is not one member event id.")
                partners = [target[0]]
                if decision == "join":  # a join undoes earlier splits between the two groups, so the group re-forms whole
                    store.remove_splits(members, target[1])
            else:
                partners = [m for m in members if m != full]
            for partner in partners:
                store.add_override(full, partner, decision, note)
            report = resolve_store(store)
    except OrewireError as exc:
        _fail(exc)
        return
    click.echo(f"{decision}: {full[:12]} / {len(partners)} event(s) recorded; {report.summary()}")


@main.command()
@db_option
@click.option("--commodity", default=None, help="Lexicon id or name, e.g. antimony (default: every commodity).")
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None, help="The day asked about (default today).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def measures(db: str | None, commodity: str | None, as_of: datetime | None, fmt: str) -> None:
    """Export controls in force on a day (on one commodity, or all), and what had been reported by then."""
    from .analysis import all_measures_as_of, commodity_id, measures_as_of

    day = as_of.date() if as_of else date.today()
    ask = (lambda store: measures_as_of(store, commodity_id(commodity), day)) if commodity else \
        (lambda store: all_measures_as_of(store, day))
    answer = _answer(db, "json" if fmt == "json" else "table", ask)
    if answer is None:
        return
    if fmt == "csv":
        click.echo(to_csv([{"state": "in_force", **_measure_row(m)} for m in answer["in_force"]]), nl=False)
        return
    console = _console()
    console.print(f"[bold]{answer['commodity'] or 'all commodities'} on {day}: {len(answer['in_force'])} in force[/bold]")
    for m in answer["in_force"]:
        console.print(f"  [green]in force[/green]  {_measure_label(m)}", highlight=False)
    if "reported" in answer:
        console.print("[bold]reported by then[/bold]")
        for m in answer["reported"]["registry"]:
            console.print(f"  {m['state']:<10} {_measure_label(m)}", highlight=False)
        for n in answer["reported"]["news"]:
            console.print(f"  news       {n['occurred'] or n['first_reported']}  {n['status'] or '-'}  {', '.join(n['actors'])}  "
                          f"{', '.join(n['commodities'])}  {n['n_sources']} sources"
                          + (f"  -> {', '.join(n['measures'])}" if n["measures"] else ""), highlight=False)
    for note in answer["notes"]:
        console.print(f"note: {note}", style="dim")


def _measure_row(m: dict[str, Any]) -> dict[str, Any]:
    """One control as a flat row for CSV."""
    return {"id": m.get("measure_id") or m.get("cluster_id"), "basis": m["basis"], "country": m.get("country"),
            "kind": m.get("kind"), "scope": m.get("scope"), "commodities": ";".join(m.get("commodities") or []),
            "announced": m.get("announced"), "effective": m.get("effective") or m.get("occurred"),
            "until": m.get("suspended_until") or m.get("until")}


def _measure_label(m: dict[str, Any]) -> str:
    if m["basis"] == "news":
        return f"news report {m['cluster_id'][:12]}  {m['country']}  {', '.join(m['commodities'])}  since {m['occurred']}"
    dates = f"announced {m['announced']}, effective {m['effective'] or '?'}"
    if m["suspended_from"]:
        dates += f", suspended {m['suspended_from']} to {m['suspended_until'] or '?'}"
    return f"{m['measure_id']}  {m['kind']}  scope: {m['scope']}  ({dates})"


@main.command()
@click.argument("commodity")
@db_option
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), default=None, help="The day asked about (default today).")
@click.option("--stage", default=None, help="Which USGS table when there are several: mine, refinery, smelter ...")
@click.option("--basis", type=click.Choice(["all", "registry"]), default="all", show_default=True,
              help="Count controls from the registry and the news, or the registry only.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def exposure(commodity: str, db: str | None, as_of: datetime | None, stage: str | None, basis: str, fmt: str) -> None:
    """World production of COMMODITY by country (USGS), its concentration, and the share under export controls."""
    from .analysis import commodity_id, exposure as run_exposure

    day = as_of.date() if as_of else date.today()
    answer = _answer(db, "json" if fmt == "json" else "table",
                     lambda store: run_exposure(store, commodity_id(commodity), day, stage, basis))
    if answer is None:
        return
    if fmt == "csv":
        click.echo(to_csv([{"iso3": r["iso3"], "country": r["country"], "value": r["value"], "share": round(r["share"], 4),
                            "controlled": r["controlled"]} for r in answer["production"]]), nl=False)
        return
    console = _console()
    src = answer.get("source") or {}
    console.print(f"[bold]{answer['commodity']} on {day}[/bold]  controlled_share "
                  f"[bold]{answer['controlled_share'] if answer['controlled_share'] is not None else 'n/a'}[/bold]  "
                  + (f"HHI {answer['concentration']['hhi_points']}  ({src['dataset']}, {src['type']}, {src['year']}, {src['unit']})"
                     if src else ""), highlight=False)
    rows = [{"country": r["iso3"], "name": r["country"], "value": f"{r['value']:,.0f}", "share": f"{r['share']:.1%}",
             "controlled": "yes" if r["controlled"] else ""} for r in answer["production"]]
    if rows:
        console.print(render_table(rows, ["country", "name", "value", "share", "controlled"]))
    reserves = answer.get("reserves")
    if reserves:
        top = ", ".join(f"{r['iso3']} {r['share']:.1%}" for r in reserves["by_country"][:3])
        console.print(f"reserves ({reserves['year']}, {reserves['unit']}): controlled share {reserves['controlled_share']:.1%}; "
                      f"largest {top}", highlight=False)
    if answer.get("warning"):
        console.print(f"warning: {answer['warning']}", style="bold yellow", highlight=False)
    for c in answer["controls_in_force"]:
        console.print(f"  control in force: {_measure_label(c)}", highlight=False)
    for note in answer["notes"]:
        console.print(f"note: {note}", style="dim")


@main.command()
@db_option
@format_option()
@click.option("--commodity", help="Lexicon id, e.g. antimony.")
@click.option("--country", help="ISO3 among actors or counterparts.")
@click.option("--entity", help="An organisation or person (id, name or acronym).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="On or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="On or before this date.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (1 or more).")
def timeline(db: str | None, fmt: str, commodity: str | None, country: str | None, entity: str | None,
             since: datetime | None, until: datetime | None, limit: int | None) -> None:
    """Resolved events in date order (oldest first) for a commodity, country or entity, with their sources."""
    from .query import EventFilter, list_resolved_events

    commodity, country = _filter_ids(commodity, country)
    flt = EventFilter(commodity=commodity, country=country, entity=entity, since=since.date() if since else None,
                      until=until.date() if until else None, limit=limit, ascending=True)
    rows = _read(lambda store: list_resolved_events(store, flt), db)
    if fmt != "table":
        _emit_events(rows, fmt)
        return
    console = _console()
    if not rows:
        console.print("No resolved events match. Ingest news with 'orewire ingest PATH', or widen the filters.")
    for r in rows:
        names = r.get("names") or {}
        kind = f"{r['type']}/{r['subtype']}" if r.get("subtype") else r["type"]
        console.print(f"[bold]{r['occurred'] or r['first_reported'] or '?'}[/bold]  [cyan]{kind}[/cyan] "
                      f"{r['status'] or ''}{' (denied)' if r['polarity'] == 'denied' else ''}"
                      + (f"  speaker {names.get(r['speaker'], r['speaker'])}" if r.get("speaker") else "") + "  "
                      f"{', '.join(names.get(a, a) for a in r['actors']) or '-'} -> "
                      f"{', '.join(names.get(a, a) for a in r['counterparts']) or '-'}  {', '.join(r['commodities'])}  "
                      f"[green]{r['n_sources']} sources / {r['n_origins']} origins[/green]"
                      + (f"  registry {', '.join(r['measures'])}" if r["measures"] else ""), highlight=False)
        for source in sorted({(e["published"] or date.min, e["url"] or e["source"]) for e in r["evidence"]}):
            console.print(f"      {source[0] if source[0] != date.min else '?'}  {_short_source(source[1])}", style="dim",
                          highlight=False)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]), default="graphml", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
def graph(db: str | None, fmt: str, output: str | None) -> None:
    """Entities and resolved events as a knowledge graph (GraphML for Gephi/Neo4j, node-link JSON for networkx)."""
    from .graph import build_graph, to_graphml, to_json as graph_json
    from .query import graph_rows

    data = build_graph(_read(graph_rows, db))
    text = to_graphml(data) if fmt == "graphml" else graph_json(data)
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(data['nodes'])} nodes and {len(data['links'])} edges to {output}", err=True)
    else:
        click.echo(text, nl=False)


def _answer(db: str | None, fmt: str, fn: Any) -> Any:
    """Run an as-of question; print it as JSON (and return None) when asked, else return it for the table."""
    try:
        answer = _with_optional_store(db, fn)
    except OrewireError as exc:
        _fail(exc)
        return None
    if fmt == "json":
        click.echo(to_json(answer))
        return None
    return answer


def _with_optional_store(db: str | None, fn: Any) -> Any:
    """Run ``fn`` with the database when it exists, else with None (reference data only)."""
    from .store import open_store

    settings = load_settings(db=db)
    if settings.db != ":memory:" and not Path(settings.db).exists():
        return fn(None)
    with open_store(settings.db, read_only=True) as store:
        return fn(store)


@main.command()
@click.argument("article_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(article_id: str, db: str | None, fmt: str) -> None:
    """Show one article in full; ARTICLE_ID may be a unique prefix."""
    from .query import get_article

    rows = _read(lambda store: get_article(store, article_id), db)
    if not rows:
        raise click.ClickException(f"No article id starts with '{article_id}'. List ids with: orewire articles")
    if len(rows) > 1:
        raise click.ClickException(f"'{article_id}' matches several articles ({', '.join(r['id'][:14] for r in rows)}); "
                                   "give more of the id.")
    row = rows[0]
    if fmt == "json":
        click.echo(to_json(row))
        return
    console = _console()
    console.print(f"[bold]{row['title'] or '(untitled)'}[/bold]")
    console.print(f"id {row['id']}  published {row['published'] or '?'}  dateline {row['dateline'] or '-'}  "
                  f"language {row['language'] or '?'}", style="dim")
    console.print(f"source {row['source']}" + (f"  url {row['url']}" if row["url"] else ""), style="dim")
    console.print()
    console.print(row["text"], markup=False)


@main.command()
@db_option
@format_option()
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many (1 or more).")
def quarantine(db: str | None, fmt: str, limit: int | None) -> None:
    """List inputs that were rejected (or repaired), with the reason."""
    from .query import list_quarantine

    rows = _read(lambda store: list_quarantine(store, limit), db)
    _emit(rows, fmt, ["action", "reason", "source", "detail"], f"{len(rows)} quarantine records",
          {"source": 40, "detail": 80})


@main.command()
@db_option
@format_option()
def runs(db: str | None, fmt: str) -> None:
    """List the latest ingest runs and what each stored."""
    from .query import list_runs

    rows = _read(list_runs, db)
    _emit(rows, fmt, list(rows[0].keys()) if rows else ["id"], "ingest runs", None)


@main.command()
@db_option
def demo(db: str | None) -> None:
    """Ingest the bundled sample corpus and show what was found."""
    from .query import ArticleFilter, list_articles, table_counts
    from .runner import ingest as run_ingest
    from .store import open_store

    settings = load_settings(db=db)
    click.echo(f"Ingesting the sample corpus ({SAMPLE_DIR}) into {settings.db} …")
    try:
        with open_store(settings.db, role="demo") as store:
            report = run_ingest([str(SAMPLE_DIR)], store, settings)
            rows = list_articles(store, ArticleFilter())
            counts = table_counts(store)
    except OrewireError as exc:
        _fail(exc)
        return
    _print_summary(report, settings.db)
    shown = [{**r, "id": r["id"][:12], "source": _short_source(r["source"])} for r in rows]
    _console().print(render_table(shown, ["id", "published", "dateline", "title", "source"],
                                  title=f"{counts['articles']} articles in {settings.db}",
                                  widths={"title": 70, "source": 30}))
    if report.resolution is not None:
        click.echo(report.resolution.summary())
    click.echo("Next: orewire events   |   orewire timeline --commodity antimony   |   "
               "orewire measures --commodity antimony --as-of 2025-11-15   |   orewire exposure gallium --as-of 2025-11-15   |   "
               "orewire graph -o graph.graphml   |   orewire show ID   |   orewire quarantine")


@main.command()
@db_option
def doctor(db: str | None) -> None:
    """Check the installation: Python, dependencies, the spaCy model, the database."""
    from .doctor import run_checks

    ok = True
    for status, name, detail in run_checks(load_settings(db=db)):
        ok &= status != "FAIL"
        colour = {"ok": "green", "WARN": "yellow", "FAIL": "red"}[status]
        _console().print(f"[{colour}]{status:>4}[/{colour}]  {name}: {detail}")
    sys.exit(0 if ok else 1)


@main.command()
@click.option("--epochs", type=click.IntRange(1, 10), default=3, show_default=True, help="Fine-tuning epochs for the detector.")
@click.option("--share", type=click.FloatRange(0.05, 1.0), default=1.0, show_default=True,
              help="Share of the train stories to fit on (a learning-curve point; below 1 the dev set is left out too).")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Where to write the models (default: the package's data/models, which extraction reads).")
def train(epochs: int, share: float, out: str | None) -> None:
    """Rebuild the learned models from the corpus (train split and dev set, fixed seeds) and print the
    test-split scores.

    Needs the corpus texts in ../shared and the training dependencies: pip install --group train -e .
    """
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        raise click.ClickException("Training needs torch, transformers and scikit-learn: pip install --group train -e .") from None
    from .learn.detector import MODELS
    from .learn.train_all import summary, test_scores, train_all

    target = Path(out) if out else MODELS
    _corpus_call(lambda: train_all(target, epochs, share, log=lambda m: click.echo(m, err=True)))
    scores = summary(_corpus_call(lambda: test_scores(target)))
    (target / "test_scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    for name, r in scores.items():
        click.echo(f"test split, {name} ({r['stories']} stories): relevance F1 {r['relevance_f1']}, event F1 {r['event_f1']} "
                   f"(P {r['event_p']}, R {r['event_r']}), event+args F1 {r['event_args_f1']}")
    from .learn.card import write_card

    click.echo(f"written to {target} (card: {write_card(target)})")


@main.group()
def corpus() -> None:
    """The labelled corpus (corpus/): validate it, count it, score the extractor on its fixed split.

    Its stories' texts are read from ../shared beside the checkout (or OREWIRE_SHARED).
    """


def _corpus_call(fn: Any) -> Any:
    try:
        return fn()
    except (FileNotFoundError, KeyError, ValueError) as exc:
        raise click.ClickException(f"The corpus could not be read: {exc}") from None


@corpus.command("validate")
@click.option("--second", is_flag=True, help="The independent second annotations instead.")
def corpus_validate(second: bool) -> None:
    """Check every record against its text and the guidelines (offsets, ids, types, arguments)."""
    from .corpus.report import corpus_records, validate_corpus

    records = _corpus_call(lambda: corpus_records(second))
    problems = _corpus_call(lambda: validate_corpus(records))
    for p in problems:
        click.echo(p, err=True)
    click.echo(f"{len(records)} records, {len(problems)} problems")
    sys.exit(1 if problems else 0)


@corpus.command("stats")
@click.option("--second", is_flag=True, help="The independent second annotations instead.")
def corpus_stats(second: bool) -> None:
    """Counts per pool: stories, relevant, events by type, status and subtype (JSON)."""
    from .corpus.report import corpus_records, corpus_stats as stats

    click.echo(to_json(_corpus_call(lambda: stats(corpus_records(second)))))


@corpus.command("score")
@click.option("--split", "side", type=click.Choice(["test", "train", "all"]), default="test", show_default=True)
def corpus_score(side: str) -> None:
    """Score today's extractor on one side of the fixed split, overall and per pool (score.py, JSON)."""
    from .corpus.evaluate import evaluate
    from .corpus.report import corpus_records
    from .corpus.split import load_split

    split = load_split()
    records = [r for r in _corpus_call(corpus_records) if side == "all" or r["id"] in split[side]]
    if not records:
        raise click.ClickException(f"No labelled stories on the {side} side yet.")
    click.echo(to_json(_corpus_call(lambda: evaluate(records))))


@corpus.command("agreement")
@click.option("--dev-gold", is_flag=True, help="Instead: our annotators' labels of dev stories (corpus/devcheck) against the dev gold.")
def corpus_agreement(dev_gold: bool) -> None:
    """Score the second annotations against the first on the stories both labelled (JSON)."""
    from .corpus.report import agreement, corpus_records, dev_alignment

    result = _corpus_call(dev_alignment if dev_gold else lambda: agreement(corpus_records(), corpus_records(second=True)))
    click.echo(to_json(result))


def _short_source(source: str) -> str:
    """The file name (and record) of a local source; URLs as they are."""
    return source if "://" in source else Path(source).name


def _read(fn: Any, db: str | None) -> Any:
    from .store import open_store

    settings = load_settings(db=db)
    try:
        with open_store(settings.db, read_only=True) as store:
            return fn(store)
    except OrewireError as exc:
        _fail(exc)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str, widths: dict[str, int] | None) -> None:
    if fmt == "json":
        click.echo(to_json(rows))
    elif fmt == "csv":
        click.echo(to_csv(rows), nl=False)
    else:
        _console().print(render_table(rows, columns, title=title, widths=widths))


def run() -> None:
    """The console entry point: ``main`` with a last line of defence, so no traceback reaches a user.

    An unexpected exception is a bug: its traceback goes to a log file, the user gets one line naming
    it and the file, and the exit status is 4.
    """
    import duckdb

    try:
        main()
    except (KeyboardInterrupt, SystemExit):
        raise
    except duckdb.Error as exc:  # a damaged file found while reading or writing it: not a bug of ours
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        click.echo(f"orewire: the database could not be read or written ({first}). The file may be damaged: "
                   "restore it from a copy, or ingest again into a new --db.", err=True)
        sys.exit(EXIT_STORE)
    except Exception as exc:  # noqa: BLE001 - the one place every failure is caught
        log = _crash_log(exc)
        click.echo(f"orewire: internal error ({type(exc).__name__}: {str(exc)[:200]}). "
                   f"The details are in {log}; please report it.", err=True)
        sys.exit(EXIT_INTERNAL)


def _crash_log(exc: BaseException) -> str:
    import os
    import tempfile
    import time
    import traceback

    folder = Path(os.environ.get("OREWIRE_LOG_DIR") or Path(tempfile.gettempdir()) / "orewire-logs")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}.log"
        path.write_text("orewire " + __version__ + " " + " ".join(sys.argv) + "\n" +
                        "".join(traceback.format_exception(exc)), encoding="utf-8", errors="backslashreplace")
        return str(path)
    except OSError:
        return "(no log could be written)"


if __name__ == "__main__":  # pragma: no cover
    run()
