"""Every `--help` screen shows flags as flags: no flag is rendered as if it took a value."""

from typer.main import get_command
from typer.testing import CliRunner

from newsflow.cli import app

runner = CliRunner()


def test_no_help_screen_shows_a_flag_taking_a_boolean() -> None:
    # typer 0.29 renders every flag, --help included, as "--flag <bool>"; users read that as
    # "--flag true". The pinned typer must not, on the top screen or any subcommand's.
    screens = [runner.invoke(app, ["--help"])]
    screens += [runner.invoke(app, [name, "--help"])
                for name in get_command(app).commands]  # type: ignore[attr-defined]
    for screen in screens:
        assert screen.exit_code == 0
        assert "--help" in screen.output
        assert "<bool>" not in screen.output
