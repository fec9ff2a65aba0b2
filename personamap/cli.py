"""The `personamap` command: open the editor, or work on project files without a window.

Exit codes: 0 success, 1 the input file is bad or unreadable, 2 wrong usage. Every failure is
one clear line on stderr, never a traceback. Every message goes out through `terminal.say`,
so a title or a file name with control characters or bidi overrides cannot forge lines or
recolour the terminal. Heavy libraries (Qt, reportlab) load only for the
subcommands that need them, so `check` and `--version` stay fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .terminal import json_text, say

if TYPE_CHECKING:
    from .model import Project

EXIT_OK, EXIT_BAD_FILE, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = (
    "sample",
    "new",
    "templates",
    "check",
    "export",
    "import",
    "schema",
    "data",
    "lint",
    "insights",
    "map",
    "cluster",
    "host",
    "join",
)


class CliError(Exception):
    """A failure to report with the given exit code: one line, or one per problem of a file."""

    def __init__(self, message: str | list[str], code: int = EXIT_BAD_FILE) -> None:
        self.lines = [message] if isinstance(message, str) else list(message)
        super().__init__("\n".join(self.lines))
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliError(f"{self.prog}: {message} (see --help)", EXIT_USAGE)


_USAGE = "personamap [FILE] [--present]\n       personamap COMMAND [options]"
_EDITOR_HELP = """\
open the editor (no COMMAND):
  personamap                  the start page: recent files, templates, the sample
  personamap FILE             open the project FILE (.personamap)
  personamap FILE --present   open FILE and present it full screen (workshop mode)

Run 'personamap COMMAND --help' for a command's options."""


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="personamap",
        usage=_USAGE,
        description="Offline editor for personas, empathy maps and customer-journey maps.",
        epilog=_EDITOR_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"personamap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog="personamap")

    p = sub.add_parser("sample", help="write the bundled sample project to FILE")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument("--open", action="store_true", help="then open it in the editor (keeps an existing FILE)")

    p = sub.add_parser("new", help="create a new project FILE from a template")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--template", default="blank", metavar="NAME", help="see 'personamap templates'")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    sub.add_parser("templates", help="list the project templates, one a line, the name first")

    p = sub.add_parser("check", help="validate FILE and summarise what it holds")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser(
        "export",
        help="export FILE as PDF (posters, deck, cards, boards), PNG, SVG, Mermaid, Markdown, HTML or CSV",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--format",
        default="pdf",
        choices=["pdf", "png", "svg", "mermaid", "markdown", "html", "csv"],
        help="output format (default: pdf)",
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="PATH",
        help="the file to write (png/svg making several pictures: a folder, created if missing)",
    )
    p.add_argument(
        "--what",
        default="all",
        metavar="WHAT",
        help="all, personas, persona:NAME, cards, empathy[:NAME], journey[:NAME], board:NAME, boards, votes, "
        "health "
        "(png/svg: also card:NAME, a persona's canvas card) (markdown/html: all, personas, persona:NAME, "
        "journeys, journey:NAME) (mermaid: all, journey:NAME) (csv: personas, journey:NAME, votes) "
        "(default: all)",
    )
    p.add_argument(
        "--page-size", default="A4", metavar="SIZE", help="A4..A0, Letter, Tabloid, 18x24in (default: A4)"
    )
    p.add_argument("--orientation", default="auto", choices=["auto", "portrait", "landscape"])
    p.add_argument(
        "--tile", metavar="CxR", help="journeys, boards: spread the poster over C×R sheets (3x2) or auto"
    )
    p.add_argument("--bleed", type=float, default=0.0, metavar="MM", help="bleed around each page, in mm")
    p.add_argument("--crop-marks", action="store_true", help="add crop marks outside the bleed")
    p.add_argument("--grayscale", action="store_true", help="print every colour as grey")
    p.add_argument("--dpi", type=float, metavar="N", help="png: dots per inch, 72 to 600 (default: 150)")
    p.add_argument(
        "--width", type=int, metavar="PX", help="png: the image width in pixels (instead of --dpi)"
    )
    p.add_argument("--transparent", action="store_true", help="png/svg: no white background")

    p = sub.add_parser("import", help="make a project from a Mermaid journey or a persona or journey table")
    p.add_argument("source", type=Path, metavar="SOURCE", help=".mmd, .mermaid, .md, .csv or .xlsx")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="PROJECT", help="the new project to write")
    where.add_argument("--into", type=Path, metavar="PROJECT", help="an existing project to add to")
    p.add_argument("--format", choices=["mermaid", "csv", "xlsx"], help="(default: from the extension)")
    p.add_argument("--as", dest="table_as", choices=["personas", "journey"], help="tables: what a row is")
    p.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first)")
    p.add_argument("--skip-bad", action="store_true", help="import the rest, with a warning per bad line")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    sub.add_parser("schema", help="print the JSON Schema (2020-12) of the project file format")
    p = sub.add_parser("host", help="host a live workshop session on FILE for participants on the network")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--bind", metavar="ADDR", help="the address to listen on (default: the LAN interface)")
    p.add_argument("--port", type=int, default=0, metavar="N", help="the port (default: a free one)")
    p.add_argument("--pin", metavar="PIN", help="the PIN participants enter (default: a random one, printed)")
    p.add_argument("--no-window", action="store_true", help="run without the editor window")
    p = sub.add_parser("join", help="join a live session as a participant (scriptable)")
    p.add_argument("url", metavar="URL")
    p.add_argument("--pin", required=True, metavar="PIN")
    p.add_argument("--name", default="Participant", metavar="NAME", help="your display name")
    p.add_argument("--add-note", metavar="TEXT", help="add a sticky note with TEXT")
    p.add_argument("--stage", metavar="NAME", help="where the note goes (default: the focused place)")
    p.add_argument("--vote", metavar="NOTE_ID", help="give a dot to the note NOTE_ID")

    p = sub.add_parser("lint", help="what in FILE is unfounded, stale, too broad or missing (advice)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.add_argument("--strict", action="store_true", help="exit 3 when there is a warning or an error")
    p = sub.add_parser("insights", help="coverage of journeys, evidence per persona, the buying committee")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the insights as JSON")
    p = sub.add_parser("map", help="lay out the personas and their relations on a board")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--board", required=True, metavar="NAME", help="the board to lay the relation map out on")
    p.add_argument("--layout", default="layered", choices=["layered", "spring"], help="(default: layered)")
    p = sub.add_parser("cluster", help="group a board's sticky notes by what they say (affinity groups)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--board", required=True, metavar="NAME", help="the board whose notes to group")
    p.add_argument("--json", action="store_true", help="print the groups as JSON")
    p.add_argument("--apply", action="store_true", help="move each group together under a header, and save")

    p = sub.add_parser("data", help="research data: profile a survey, analytics or CRM table")
    data_sub = p.add_subparsers(dest="data_command", metavar="ACTION", parser_class=_Parser)
    p = data_sub.add_parser("profile", help="what TABLE (CSV or .xlsx) holds, column by column")
    p.add_argument("table", type=Path, metavar="TABLE")
    _sheet_and_json(p, "the profile")
    p = data_sub.add_parser(
        "segment", help="add TABLE to PROJECT as a data source, with one draft persona per segment"
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--data", type=Path, required=True, metavar="TABLE", help="the table (CSV or .xlsx)")
    p.add_argument(
        "--columns", metavar="A,B,…", help="the columns to segment by (default: all usable non-personal ones)"
    )
    p.add_argument("--k", default="auto", metavar="N|auto", help="how many segments (default: auto, 2 to 8)")
    p.add_argument("--seed", type=int, default=0, metavar="N", help="the random seed (default: 0)")
    _sheet_and_json(p, "the result")
    p = data_sub.add_parser(
        "refresh", help="read the next wave of a table into PROJECT's data source and report the drift"
    )
    p.add_argument("project", type=Path, metavar="PROJECT")
    p.add_argument("--data", type=Path, required=True, metavar="TABLE", help="the new wave (CSV or .xlsx)")
    _sheet_and_json(p, "the result")
    return parser


def _sheet_and_json(parser: argparse.ArgumentParser, printed: str) -> None:
    """The options every `data` action shares: which workbook sheet, and JSON output."""
    parser.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first)")
    parser.add_argument("--json", action="store_true", help=f"print {printed} as JSON")


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="personamap", usage=_USAGE, description="Open the editor.")
    parser.add_argument("file", type=Path, nargs="?", metavar="FILE", help="the project to open")
    parser.add_argument("--present", action="store_true", help="start presenting FILE (workshop mode)")
    parser.add_argument("--version", action="version", version=f"personamap {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # personamap uses no pydantic plugins; looking them up scans every installed package's
    # metadata (~45 ms of start-up), so the command turns the lookup off for its own process.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and (args_list[0] in SUBCOMMANDS or args_list[0] in ("-h", "--help")):
            args = _build_parser().parse_args(args_list)
            return _run_command(args)
        opened = _open_parser().parse_args(args_list)
        if opened.present and opened.file is None:
            raise CliError("personamap: --present needs a FILE", EXIT_USAGE)
        return _open_editor(opened.file, present=opened.present)
    except CliError as exc:
        for line in exc.lines:
            say(line, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `personamap check FILE | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "templates":
        return _cmd_templates()
    if args.command == "check":
        return _cmd_check(args.file, as_json=args.json)
    if args.command == "sample":
        return _cmd_sample(args.file, force=args.force, then_open=args.open)
    if args.command == "new":
        return _cmd_new(args.file, template=args.template, force=args.force)
    if args.command == "export":
        return _cmd_export(args)
    if args.command == "data" and args.data_command == "profile":
        return _cmd_data_profile(args.table, sheet=args.sheet, as_json=args.json)
    if args.command == "data" and args.data_command in ("segment", "refresh"):
        from .cli_data import data_command

        return data_command(args, CliError)
    if args.command == "data":
        raise CliError("personamap data: no action given (see personamap data --help)", EXIT_USAGE)
    if args.command == "import":
        from .cli_import import import_command

        return import_command(args, CliError)
    if args.command == "schema":
        from .cli_schema import schema_command

        return schema_command(args, CliError)
    if args.command == "host":
        from .cli_live import host_command

        return host_command(args, CliError, lambda pin: _host_in_editor(args, pin))
    if args.command == "join":
        from .cli_join import join_command

        return join_command(args, CliError)
    if args.command == "lint":
        from .cli_lint import lint_command

        return lint_command(args, CliError)
    if args.command == "insights":
        from .cli_insights import insights_command

        return insights_command(args, CliError)
    if args.command == "map":
        from .cli_map import map_command

        return map_command(args, CliError)
    if args.command == "cluster":
        from .cli_cluster import cluster_command

        return cluster_command(args, CliError)
    raise CliError("personamap: no command given (see --help)", EXIT_USAGE)


def _load(path: Path) -> Project:
    from .io import ProjectFileError, load
    from .model.image_header import refused_images

    try:
        project = load(path)
    except ProjectFileError as exc:
        raise CliError(exc.lines()) from None
    for place, message in refused_images(project):  # drawn as placeholders, named here
        say(f"{path}: {place}: warning: {message}", file=sys.stderr)
    return project


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.is_dir():
        raise CliError(f"{path}: is a folder; give a file name such as {path / 'project.personamap'}")
    if path.exists() and not force:
        raise CliError(f"{path}: already exists; use --force to overwrite it")


def _cmd_templates() -> int:
    from .resources import list_templates

    for info in list_templates():
        say(info.name, info.title, info.description, sep="\t")
    return EXIT_OK


def _cmd_sample(path: Path, *, force: bool, then_open: bool) -> int:
    from .resources import sample_path

    if not (then_open and path.is_file() and not force):
        _refuse_overwrite(path, force)
        _copy_project(sample_path(), path)
        say(f"Wrote the sample project to {path}")
    return _open_editor(path) if then_open else EXIT_OK


def _cmd_new(path: Path, *, template: str, force: bool) -> int:
    from .resources import list_templates

    templates = {t.name.lower(): t for t in list_templates()}
    info = templates.get(template.lower())
    if info is None:
        names = ", ".join(sorted(templates))
        raise CliError(f"personamap new: no template named {template!r} (choose one of: {names})", EXIT_USAGE)
    _refuse_overwrite(path, force)
    _copy_project(info.path, path, fresh=True)
    say(f"Created {path} from the template {info.name!r}")
    return EXIT_OK


def _copy_project(source: Path, target: Path, *, fresh: bool = False) -> None:
    """Write a bundled project to `target` through the atomic save path.

    A project made from a template gets a fresh identity and today's dates; the sample keeps
    its own so that it stays the documented example.
    """
    from .io import ProjectFileError, save
    from .model.copying import instantiate

    project = _load(source)
    if fresh:
        project = instantiate(project)
    if not target.parent.exists():
        raise CliError(f"{target}: the folder {target.parent} does not exist")
    try:
        save(project, target, backup=False)
    except ProjectFileError as exc:
        raise CliError(exc.lines()) from None


def _cmd_check(path: Path, *, as_json: bool) -> int:
    from .model.summary import summarize

    summary = summarize(_load(path))
    if as_json:
        print(json_text({"file": str(path), "valid": True, **summary}))
    else:
        say(f"{path}: valid personamap project “{summary['title']}”")
        width = max(len(k) for k in summary["counts"])
        for key, value in summary["counts"].items():
            say(f"  {key.replace('_', ' '):<{width}}  {value}")
        for name in summary["overdue_for_review"]:
            say(f"  review overdue: {name}")
    return EXIT_OK


def _cmd_data_profile(path: Path, *, sheet: str | None, as_json: bool) -> int:
    from .data.columns import TableError
    from .data.profile import profile, summary_lines
    from .data.read import read_table

    try:
        data = profile(read_table(path, sheet))
    except TableError as exc:
        raise CliError(str(exc)) from None
    if as_json:
        print(json_text(data))
    else:
        for line in summary_lines(data):
            say(line)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    """Headless export; PDF needs no Qt, PNG/SVG run Qt offscreen (no display needed)."""
    if args.format == "csv" and args.what.strip().lower() == "votes":
        return _cmd_export_csv(args)
    if args.format in ("mermaid", "markdown", "html", "csv"):
        from .cli_share import share_command

        return share_command(args, _load, CliError)
    if args.format != "pdf":
        from .export.raster.cli import export_command

        return export_command(args, _load, CliError)
    if args.dpi is not None or args.width is not None or args.transparent:
        raise CliError("personamap export: --dpi, --width and --transparent apply to png/svg", EXIT_USAGE)
    from .export import ExportError, PageSizeError, PdfOptions, export_pdf

    if not 0 <= args.bleed <= 20:
        raise CliError(f"personamap export: --bleed {args.bleed:g} is out of range (0 to 20 mm)", EXIT_USAGE)
    out: Path = args.out
    if out.is_dir():
        raise CliError(f"{out}: is a folder; give a file name such as {out / 'personas.pdf'}", EXIT_USAGE)
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise CliError(f"{out}: the folder {out.parent} does not exist")
    project = _load(args.file)
    options = PdfOptions(
        what=args.what,
        page_size=args.page_size,
        orientation=args.orientation,
        tile=args.tile,
        bleed_mm=args.bleed,
        crop_marks=args.crop_marks,
        grayscale=args.grayscale,
    )
    try:
        result = export_pdf(project, out, options)
    except (ExportError, PageSizeError) as exc:
        raise CliError(f"personamap export: {exc}", EXIT_USAGE) from None
    except OSError as exc:
        raise CliError(f"{out}: cannot write the PDF: {exc.strerror or exc}") from None
    for warning in result.warnings:
        say(f"personamap export: warning: {warning}", file=sys.stderr)
    say(f"Wrote {result.pages} page{'s' if result.pages != 1 else ''} to {out}")
    return EXIT_OK


def _cmd_export_csv(args: argparse.Namespace) -> int:
    """The dot-vote results as CSV (workshop mode): `--what votes`."""
    from .model.votes_report import votes_csv

    project = _load(args.file)
    try:
        args.out.write_text(votes_csv(project), encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{args.out}: cannot write the CSV: {exc.strerror or exc}") from None
    say(f"Wrote the votes to {args.out}")
    return EXIT_OK


def _host_in_editor(args: argparse.Namespace, pin: str) -> int:
    """`personamap host FILE` with the window: the editor opens FILE hosting the session."""
    from .live.server import lan_address

    try:
        from .ui.app import _platform_guard
        from .ui.live_host.hosted import run_hosted

        _platform_guard()
    except (ImportError, RuntimeError) as exc:
        raise CliError(f"personamap host: the editor cannot start: {exc} (or use --no-window)") from None
    return run_hosted(args.file, args.bind or lan_address(), args.port, pin)


def _open_editor(path: Path | None, present: bool = False) -> int:
    if path is not None and not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise CliError(f"{path}: {what}")
    try:
        from .ui.app import run
    except ImportError as exc:  # Qt missing or broken on this machine
        raise CliError(f"personamap: the editor cannot start: {exc}", EXIT_BAD_FILE) from None
    return run(path, present=present) if present else run(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
