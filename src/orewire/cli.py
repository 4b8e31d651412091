"""The ``orewire`` command line: thin wrappers over the library.

Exit codes: 0 success; 1 failed work, or ``ingest`` finished but quarantined some
input (see the quarantine table); 2 usage errors.
"""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import HTML_EXTRACTORS, load_settings
from .errors import OrewireError
from .model import EventType
from .output import FORMATS, render_table, to_csv, to_json

SAMPLE_DIR = Path(__file__).parent / "data" / "sample"


def db_option(fn: Any) -> Any:
    return click.option("--db", default=None, envvar="OREWIRE_DB", show_default="orewire.duckdb",
                        help="DuckDB file to use.")(fn)


def format_option(default: str = "table") -> Any:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
                        help="Output format: a table for people, JSON or CSV for programs.")


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _fail(exc: OrewireError) -> None:
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
def ingest(targets: tuple[str, ...], db: str | None, workers: str, html_extractor: str | None,
           retrieved_at: str | None, quiet: bool, no_extract: bool) -> None:
    """Read TARGETS (files, folders, globs, URLs; any of them .gz) into the database.

    Formats: plain-text page dumps, HTML, JSON Lines, RSS/Atom feeds, WARC. Inputs
    that cannot be used are listed, kept in the quarantine table with the reason,
    and make the exit status 1; everything else is stored. Running the same
    command twice stores nothing new.
    """
    from .runner import ingest as run_ingest
    from .store import open_store

    try:
        settings = load_settings(db=db, workers=_workers(workers), html_extractor=html_extractor)
        fetched_at = _parse_time(retrieved_at)
        with open_store(settings.db) as store:
            report = _run_with_progress(run_ingest, targets, store, settings, fetched_at, quiet, not no_extract)
    except OrewireError as exc:
        _fail(exc)
        return
    _print_summary(report, settings.db)
    sys.exit(report.exit_code)


def _run_with_progress(run_ingest: Any, targets: Any, store: Any, settings: Any, fetched_at: Any, quiet: bool,
                       extract: bool = True) -> Any:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = _console(stderr=True)

    def on_quarantine(q: Any) -> None:
        style = "red" if q.action == "rejected" else "yellow"
        err.print(f"[{style}]{q.action}[/{style}] {q.reason}: {q.detail}", soft_wrap=True, markup=True)

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  disable=quiet, transient=True) as progress:
        task = progress.add_task("reading…", total=None)

        def on_batch(r: Any) -> None:
            progress.update(task, description=f"read {r.read:,}  new {r.new:,}  articles {r.articles:,}  events {r.events:,}  "
                                              f"quarantined {r.rejected:,}  {r.rate:,.0f}/s")

        return run_ingest(targets, store, settings, fetched_at=fetched_at, extract=extract, on_batch=on_batch,
                          on_quarantine=on_quarantine)


def _print_summary(report: Any, db: str) -> None:
    click.echo(
        f"read {report.read}, new {report.new}, duplicate {report.duplicate}, articles {report.articles}, events {report.events}, "
        f"quarantined {report.rejected} (recovered {report.recovered}), "
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
@click.option("--limit", type=int, help="At most this many.")
def articles(db: str | None, fmt: str, source: str | None, search: str | None, since: datetime | None,
             until: datetime | None, language: str | None, limit: int | None) -> None:
    """List stored articles, newest first."""
    from .query import ArticleFilter, list_articles

    flt = ArticleFilter(source=source, search=search, since=since.date() if since else None,
                        until=until.date() if until else None, language=language, limit=limit)
    rows = _read(lambda store: list_articles(store, flt), db)
    if fmt == "json":
        click.echo(to_json(rows))
    elif fmt == "csv":
        click.echo(to_csv(rows), nl=False)
    else:
        cols = ["id", "published", "dateline", "language", "title", "source"]
        shown = [{**r, "id": r["id"][:12], "source": _short_source(r["source"])} for r in rows]
        _console().print(render_table(shown, cols, title=f"{len(rows)} articles",
                                      widths={"title": 60, "source": 40}))


@main.command()
@db_option
@format_option()
@click.option("--type", "etype", type=click.Choice([t.value for t in EventType], case_sensitive=False), help="Event type.")
@click.option("--commodity", help="Lexicon id, e.g. antimony, rare_earths.")
@click.option("--country", help="ISO 3166 alpha-3 code among actors or counterparts, e.g. CHN.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="On or after this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="On or before this date.")
@click.option("--polarity", type=click.Choice(["asserted", "denied"]), help="Only asserted, or only denied, events.")
@click.option("--limit", type=int, help="At most this many.")
def events(db: str | None, fmt: str, etype: str | None, commodity: str | None, country: str | None, since: datetime | None,
           until: datetime | None, polarity: str | None, limit: int | None) -> None:
    """List extracted events with their evidence, the quoted words highlighted in context."""
    from .query import EventFilter, list_events

    flt = EventFilter(type=etype, commodity=commodity, country=country, since=since.date() if since else None,
                      until=until.date() if until else None, polarity=polarity, limit=limit)
    rows = _read(lambda store: list_events(store, flt), db)
    if fmt == "json":
        click.echo(to_json([{**r, "evidence": [{k: v for k, v in e.items() if k not in ("before", "after")}
                                                 for e in r["evidence"]]} for r in rows]))
    elif fmt == "csv":
        click.echo(to_csv([{**r, "evidence": " | ".join(e["quote"] for e in r["evidence"])} for r in rows]), nl=False)
    else:
        _print_events(rows)


def _print_events(rows: list[dict[str, Any]]) -> None:
    from rich.text import Text

    console = _console()
    console.print(f"[bold]{len(rows)} events[/bold]")
    for r in rows:
        head = f"{r['type']}{'/' + r['subtype'] if r['subtype'] else ''}"
        denied = " [red](denied)[/red]" if r["polarity"] == "denied" else ""
        console.print(f"\n[bold cyan]{head}[/bold cyan]{denied}  {r['occurred'] or '?'}  status {r['status'] or '-'}  "
                      f"actors {', '.join(r['actors']) or '-'} -> {', '.join(r['counterparts']) or '-'}  "
                      f"commodities {', '.join(r['commodities']) or '-'}"
                      + (f"  ${r['amount_usd']:,.0f}" if r["amount_usd"] else ""), markup=True, highlight=False)
        for e in r["evidence"]:
            line = Text("   … ")
            line.append(" ".join((e["before"] or "").split()[-8:]) + " ")
            line.append(" ".join(e["quote"].split()), style="bold yellow")
            line.append(" " + " ".join((e["after"] or "").split()[:6]) + " …")
            line.append(f"  [{_short_source(e['source'])}]", style="dim")
            console.print(line)


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
@click.option("--limit", type=int, default=None)
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
        with open_store(settings.db) as store:
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
    click.echo("Next: orewire events   |   orewire show ID   |   orewire articles --format json   |   orewire quarantine")


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


if __name__ == "__main__":  # pragma: no cover
    main()
