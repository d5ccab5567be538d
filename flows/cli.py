"""The ``factwatch`` command line."""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from errors import FactwatchError, SourceError, StorageError, UsageError

if TYPE_CHECKING:
    from ingest.sources import SourcesFile

app = typer.Typer(
    name="factwatch",
    help="Watch web pages, extract dated events and entities, reconcile sources, publish Parquet tables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Benchmarks on public datasets; the last line of output is one JSON object.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _err(message: str) -> None:
    """One line on stderr (page text and server messages shown, never obeyed, by the terminal)."""
    from reports.terminal import printable

    typer.echo(f"factwatch: {printable(str(message), one_line=True)}", err=True)


def one_line_errors(command):
    """A command whose FactwatchError (errors/) ends it with one line on stderr
    and the error's exit code: the one place the command line catches them."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactwatchError as exc:
            _err(str(exc))
            raise typer.Exit(exc.exit_code) from None

    return wrapper


_AS_PROGRAM = False  # set by main(): the real command, not a test calling the app in process


def data_location(data: str | Path | None, config: SourcesFile | None = None) -> str:
    """``--data`` as given (a local path or an object-store URL such as s3://bucket/prefix), else
    ``[settings] data`` of the sources file read (a relative path: beside that file), else ``.``;
    a local path comes back absolute."""
    from store.filesystem import is_url, open_storage

    if data is None and config is not None:
        configured = config.settings.data
        if configured != "." and not is_url(configured):
            return str((config.file.resolve().parent / configured).resolve())
        data = configured
    data = str(data if data is not None else ".")
    if is_url(data):
        try:
            open_storage(data)
        except StorageError as exc:
            raise UsageError(str(exc)) from None
        return data
    data_dir(Path(data))
    return str(Path(data).resolve())


def data_dir(path: Path, *, must_exist: bool = False, writable: bool = False) -> Path:
    """``--data`` checked before anything runs: a directory (created for a run), writable for a run."""
    import os
    import tempfile

    if path.exists() and not path.is_dir():
        raise UsageError(f"--data {path} is a file, not a directory: point --data at the folder holding raw/ and curated/")
    if must_exist and not path.is_dir():
        raise UsageError(f"--data {path} does not exist: point --data at the folder holding raw/ and curated/")
    if writable:
        try:
            path.mkdir(parents=True, exist_ok=True)
            for sub in ("raw", "curated", "cache", ".staging"):
                if (path / sub).exists() and not (path / sub).is_dir():
                    raise StorageError(f"{path / sub} is not a directory: move it aside so the run can use the name")
            with tempfile.TemporaryFile(dir=path):
                pass
            for sub in ("raw", "curated", "cache"):
                if (path / sub).is_dir() and not os.access(path / sub, os.W_OK | os.X_OK):
                    raise StorageError(f"cannot write to {path / sub}: permission denied")
        except OSError as exc:
            raise StorageError(f"cannot write to {exc.filename or path}: {exc.strerror or exc}") from None
    return path


def _curated(data: str | Path | None):
    from store.curated_store import CuratedStore
    from store.filesystem import open_storage

    # (a missing local dir: the store says no run has been published there)
    return CuratedStore(open_storage(data_location(data)).sub("curated"))


def _resolved_run(curated, run_id: str | None) -> str:
    """The run ``--run`` names, or the one the tables stand on now (a warning when that is not ``current``)."""
    resolved = curated.resolve_run(run_id)
    if resolved.warning:
        _err(f"warning: {resolved.warning}")
    return resolved.run_id


class Runner(str, Enum):
    local = "local"
    dask = "dask"


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


# Options several commands share, declared once.
SOURCES_OPTION = typer.Option(Path("sources.toml"), "--sources", "-s", help="The sources file.")
RUN_DATA_OPTION = typer.Option(None, "--data", "-d", help="Data dir holding raw/ and curated/: a local path or "
                               "s3://bucket/prefix (default: [settings] data, else .).")
CURATED_DATA_OPTION = typer.Option(".", "--data", "-d", help="Data dir holding curated/: a local path or s3://bucket/prefix.")
REPORTED_RUN_OPTION = typer.Option(None, "--run", help="Run to report (default: the current one).")


@app.command()
@one_line_errors
def run(
    sources: Path = SOURCES_OPTION,
    data: str | None = RUN_DATA_OPTION,
    wait: float | None = typer.Option(None, "--wait", help="Seconds to wait for another run's lock (default: settings.lock_wait)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as one JSON object."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show Prefect's run logs (stderr)."),
    runner: Runner = typer.Option(Runner.local, "--runner", help="Where tasks run: this process, or a Dask cluster."),
    dask_address: str | None = typer.Option(None, "--dask-address", help="Scheduler of an existing Dask cluster, "
                                            "e.g. tcp://10.0.0.5:8786 (default: a local cluster)."),
) -> None:
    """One run: fetch every source, read what changed, reconcile, publish."""
    import os

    from ingest.sources import load_sources

    config = load_sources(sources)  # a bad file fails here, before anything is fetched or written
    data = data_location(data, config)
    from store.filesystem import is_url

    if not is_url(data):
        data_dir(Path(data), writable=True)
    if not verbose:  # the bars, the summary and the error lines say it; Prefect's logs still reach its API and UI
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
    if _AS_PROGRAM:
        from flows import termination
        from flows.child_guard import start_watchdog

        termination.arm()
        start_watchdog()
    from flows import progress
    from flows.pipeline import run_flow

    if runner is Runner.dask:
        from flows.pipeline import dask_task_runner

        run_flow = run_flow.with_options(task_runner=dask_task_runner(dask_address))
    elif dask_address:
        raise UsageError("--dask-address needs --runner dask")

    bars = None if (quiet or as_json or not sys.stderr.isatty()) else progress.RichProgress()
    try:
        if bars is not None:
            with bars:
                progress.set_reporter(bars)
                summary = run_flow(str(sources.resolve()), data, lock_wait=wait)
        else:
            summary = run_flow(str(sources.resolve()), data, lock_wait=wait)
    finally:
        progress.set_reporter(None)
    if as_json:
        typer.echo(json.dumps(asdict(summary) | {"exit_code": summary.exit_code}, default=str))
    elif not quiet:
        print_summary(summary)
    for warning in summary.warnings:
        _err(f"warning: {warning}")
    for sid, error in summary.errors:
        _err(f"source {sid}: {error}")
    raise typer.Exit(summary.exit_code)


def print_summary(s) -> None:
    """The run's summary table (stdout)."""
    from rich.console import Console
    from rich.table import Table

    curated = s.curated_dir  # a local folder or an object-store URL
    title = f"factwatch run {s.run_id}: {s.status}"
    rows = [
        ("sources", f"{s.sources_total} ({s.new} new, {s.changed} changed, {s.unchanged} unchanged, {s.failed} failed)"),
        ("documents", f"{s.documents} ({s.documents_read} read this run)"),
        ("events", str(s.events)),
        ("facts", f"{s.facts} ({s.conflicts} conflicting)"),
        ("changes", f"{s.changes} since the previous run"),
        ("tables", f"{curated}/history/{s.run_id}/ (current: {curated}/current.json)" if "://" in curated
         else f"{curated}/*.parquet (this run: {curated}/history/{s.run_id}/)"),
        ("report", f"{curated}/reports/{s.run_id}.html"),
    ]
    if not sys.stdout.isatty():  # scripts and logs get plain lines, never truncated
        typer.echo("\n".join([title] + [f"  {k:<10} {v}" for k, v in rows]))
        return
    table = Table(title=title, title_justify="left", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for k, v in rows:
        table.add_row(k, v)
    Console().print(table)


@app.command()
@one_line_errors
def diff(
    data: str = CURATED_DATA_OPTION,
    run_id: str | None = REPORTED_RUN_OPTION,
    against: str | None = typer.Option(None, "--against", help="Run to compare with (default: the one before --run)."),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Which facts changed between two runs."""
    from reports.changes import build_diff, render_diff

    curated = _curated(data)
    report = build_diff(curated, _resolved_run(curated, run_id), against)
    typer.echo(render_diff(report, fmt.value))


class SqlFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
@one_line_errors
def report(
    data: str = CURATED_DATA_OPTION,
    run_id: str | None = REPORTED_RUN_OPTION,
    open_it: bool = typer.Option(False, "--open", help="Open the report in the web browser."),
) -> None:
    """Write the HTML report of a run (curated/reports/<run_id>.html) and print its path."""
    from reports.html_report import write_run_report

    curated = _curated(data)
    path = write_run_report(curated, _resolved_run(curated, run_id))
    if isinstance(path, str):  # on an object store
        typer.echo(path)
        if open_it:
            _err("the report is on an object store: download it to open it")
        return
    typer.echo(str(path.resolve()))
    if open_it:
        import webbrowser

        if not webbrowser.open(path.resolve().as_uri()):
            _err("no web browser found to open the report; open the path above")


@app.command()
@one_line_errors
def sql(
    query: str = typer.Argument(..., help='A DuckDB query, e.g. "SELECT status, count(*) FROM facts GROUP BY status".'),
    data: str = CURATED_DATA_OPTION,
    fmt: SqlFormat = typer.Option(SqlFormat.table, "--format", "-f", help="Output format."),
    run_id: str | None = typer.Option(None, "--run", help="Bind the table views to this run (default: the current one)."),
) -> None:
    """SQL over the tables: each current table is a view (facts, events, ...); history_<table> holds every run's copy."""
    from reports.sql import format_result, rich_table, run_query

    curated = _curated(data)
    result = run_query(curated, query, _resolved_run(curated, run_id))
    if fmt is SqlFormat.table:
        from rich.console import Console

        Console(soft_wrap=False).print(rich_table(result))
    else:
        typer.echo(format_result(result, fmt.value))


@app.command()
@one_line_errors
def serve(
    sources: Path = SOURCES_OPTION,
    data: str | None = RUN_DATA_OPTION,
    cron: str | None = typer.Option(None, "--cron", help="Cron schedule, e.g. '0 6 * * 1' (Mondays 06:00)."),
    interval: float | None = typer.Option(None, "--interval", help="Seconds between runs."),
    wait: float = typer.Option(300.0, "--wait", help="Seconds a scheduled run waits for another run's lock."),
) -> None:
    """Run on a schedule, as a deployment on the Prefect server at PREFECT_API_URL."""
    from ingest.sources import load_sources

    if (cron is None) == (interval is None):
        raise UsageError("give exactly one of --cron EXPR or --interval SECONDS")
    config = load_sources(sources)
    from flows.serve import serve as serve_flow

    serve_flow(sources, data_location(data, config), cron=cron, interval=interval, lock_wait=wait)


@app.command()
@one_line_errors
def clean(target: str = typer.Argument(..., help="A local file or an http(s) URL.")) -> None:
    """Print the clean main text of one page."""
    from extractors.clean import NotReadable, clean_page

    if target.startswith(("http://", "https://")):
        from ingest.fetch import fetch_url, make_client
        from ingest.settings import Settings
        from ingest.sources import Source

        settings = Settings()
        with make_client(settings) as client:
            out = fetch_url(Source(id="clean", url=target), settings, client)
        if not out.ok:
            raise SourceError(out.error or "fetch failed")
        content, ctype = out.content or b"", out.content_type
    else:
        try:
            content, ctype = Path(target).read_bytes(), None
        except OSError as exc:
            raise SourceError(f"cannot read {target}: {exc.strerror or exc}") from None
    try:
        page = clean_page(content, content_type=ctype, url=target)
    except NotReadable as exc:
        raise SourceError(f"{target}: {exc}") from None
    if page.title:
        typer.echo(f"# {page.title}", err=True)
    typer.echo(page.text)


def _eval_dir(directory: Path) -> None:
    if not directory.is_dir():
        raise UsageError(f"{directory} is not a directory: give the folder of the dataset")


def _print_eval(metrics: dict, *tables: str) -> None:
    """An eval's output: its tables, then its figures as one JSON object, the last line (what scripts read)."""
    for table in tables:
        typer.echo(table)
    typer.echo(json.dumps(metrics))


@eval_app.command("boilerplate")
@one_line_errors
def eval_boilerplate(
    directory: Path = typer.Argument(..., help="A dataset dir in ScrapingHub or WCXB layout."),
    compare: list[str] = typer.Option([], "--compare", help="Also score these extractors side by side (trafilatura)."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N pages."),
) -> None:
    """Main-text extraction quality (F1 and friends)."""
    from evaluation.boilerplate_eval import run_boilerplate_eval

    _eval_dir(directory)
    report = run_boilerplate_eval(directory, compare=compare, limit=limit)
    _print_eval(report.metrics, report.table())


@eval_app.command("dates")
@one_line_errors
def eval_dates(directory: Path = typer.Argument(..., help="A folder of TimeML .tml files (searched recursively).")) -> None:
    """Temporal expression quality, TempEval-3 metrics."""
    from evaluation.timex_eval import run_dates_eval

    _eval_dir(directory)
    report = run_dates_eval(directory)
    _print_eval(report.metrics, report.table())


@eval_app.command("truth")
@one_line_errors
def eval_truth(
    directories: list[Path] = typer.Argument(
        None,
        help="Folders with claims.csv + gold.csv (or book.txt + book_golden.txt), or a folder of such folders.",
    ),
    generated: bool = typer.Option(
        False, "--generated", help="Add the generated regimes (copiers, one big accurate source, many small ones, mirrors, flights)."
    ),
    select: bool = typer.Option(
        False, "--select", help="Choose the parameters by leave-one-dataset-out: in-sample and held-out accuracy per set."
    ),
) -> None:
    """Truth discovery accuracy beside majority vote, on every data set given."""
    from evaluation.truth_eval import run_cli

    for directory in directories or []:
        _eval_dir(directory)
    try:
        text, metrics = run_cli(directories or [], generated=generated, select=select)
    except (FileNotFoundError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    _print_eval(metrics, text)


@eval_app.command("statements")
@one_line_errors
def eval_statements(
    directories: list[Path] = typer.Argument(..., help="Label dirs (one YAML per page) or facts subject folders "
                                             "(gold.yaml + pages/), or a folder of subjects."),
    pages: Path = typer.Option(None, "--pages", help="Benchmark pages of a label dir (html/, ground-truth); "
                               "default the set's own ([pages] benchmark in its scoring.toml), else "
                               "../shared/eval/boilerplate/wcxb-dev beside the repo (or under $FACTWATCH_SHARED)."),
    errors: int = typer.Option(0, "--errors", help="Also list this many false positives and misses (stderr)."),
    folds: str = typer.Option(None, "--folds", help="'site': also cross-validate the switchable rules by site "
                              "(each rule kept for a held-out site only when it helps on the other sites)."),
    rules: str = typer.Option(None, "--rules", help="With --folds: comma-separated rules to switch "
                              "(default all of extractors.rule_switches.RULES but its PARTICIPANT_RULES)."),
    per_site: bool = typer.Option(False, "--per-site", help="With --folds: one line per site fold."),
) -> None:
    """Dated statements against hand-made labels: precision, recall, date, trigger, participants per page type."""
    from evaluation.statements_eval import LabelError, error_lines, run_folds_eval, run_statements_eval

    for directory in directories:
        _eval_dir(directory)
    if folds is not None:
        if folds != "site":
            raise UsageError(f"--folds {folds}: only 'site' folds are known")
        try:
            folded = run_folds_eval(directories, pages,
                                    [r.strip() for r in rules.split(",") if r.strip()] if rules else None)
        except (LabelError, ValueError) as exc:
            raise UsageError(str(exc)) from None
        _print_eval(folded.metrics(), folded.table(per_site))
        return
    try:
        report = run_statements_eval(directories, pages)
    except LabelError as exc:
        raise UsageError(str(exc)) from None
    for line in error_lines(report, errors) if errors else []:
        typer.echo(line, err=True)
    _print_eval(report.metrics, report.table())


@eval_app.command("attachment")
@one_line_errors
def eval_attachment(
    directory: Path = typer.Argument(..., help="A folder of TimeML .tml files with TLINKs (TimeBank/AQUAINT)."),
    errors: int = typer.Option(0, "--errors", "--misses", help="Also list this many links factwatch got wrong, "
                               "with factwatch's triggers for the date and the baseline's verb (stderr)."),
    cv: bool = typer.Option(False, "--cv", help="Also cross-validate the trigger rules' switches: chosen on one "
                            "half of the documents, scored on the other (and the other way round)."),
) -> None:
    """Event-date attachment: is the event a date is linked to the trigger of factwatch's statement? Beside a head-verb baseline."""
    from evaluation.attachment_eval import cv_table, error_lines, run_attachment_eval

    _eval_dir(directory)
    report = run_attachment_eval(directory, cv=cv)
    for line in error_lines(report, errors):
        typer.echo(line, err=True)
    _print_eval(report.metrics, report.table(), *([cv_table(report.metrics["cv"])] if cv else []))


@eval_app.command("facts")
@one_line_errors
def eval_facts(
    directory: Path = typer.Argument(..., help="A subject folder (gold.yaml + pages/), or a folder of them: "
                                     "every subject is scored, e.g. ../shared/eval/facts."),
    loso: bool = typer.Option(False, "--loso", help="Also leave one subject out: clustering parameters chosen "
                              "on the other subjects, scored on the held-out one."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List split happenings, false merges, "
                                 "wrong preferred values and spurious/missed changes."),
) -> None:
    """Statements, fact identity (pairwise, B³, merged whole, false merges), preferred values and
    version-pair changes against a hand-made gold."""
    from evaluation.facts_eval import run_facts_eval

    _eval_dir(directory)
    report = run_facts_eval(directory, loso=loso)
    _print_eval(report.metrics, report.table(verbose=verbose))


def main() -> None:
    """The ``factwatch`` program: every error is one line naming its cause, with its exit code."""
    import os

    from flows.termination import Terminated, terminated

    global _AS_PROGRAM
    _AS_PROGRAM = True
    try:
        app()
    except Terminated:  # (the handler said so)
        sys.exit(143)
    except KeyboardInterrupt:
        if terminated():  # SIGTERM, unwound as another interrupt
            sys.exit(143)
        _err("interrupted")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last word on anything the commands did not name
        if os.environ.get("FACTWATCH_DEBUG"):
            raise
        _err(describe(exc))
        sys.exit(143 if terminated() else exit_code_of(exc))
    except BaseException as exc:
        if type(exc).__name__ == "TerminationSignal":  # Prefect's word for SIGTERM (the handler said so)
            sys.exit(143)
        raise


def describe(exc: BaseException) -> str:
    """One line naming the cause of ``exc``."""
    from store.filesystem import store_error_message

    if (message := store_error_message(exc)) is not None:
        return message
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot use {exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if _is_named(exc):
        return text
    return (f"unexpected error: {type(exc).__name__}: {text} "
            "(set FACTWATCH_DEBUG=1 for the traceback, and please report it)")


def _is_named(exc: BaseException) -> bool:
    return isinstance(exc, FactwatchError)


def exit_code_of(exc: BaseException) -> int:
    return exc.exit_code if isinstance(exc, FactwatchError) else 1


if __name__ == "__main__":
    main()
