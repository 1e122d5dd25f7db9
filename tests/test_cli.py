"""The command line itself: help, version, usage errors (no database needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pgdoc import __version__
from pgdoc.cli import cli
from tests.helpers import run


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"pgdoc, version {__version__}"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "pgdoc " in out.split("Options:")[0], f"{command} --help shows no example"
    for option in ("--config", "--output", "--dsn", "--quiet", "--verbose"):
        assert option in out


def test_top_level_help_lists_commands_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("sync", "list", "check", "Exit codes", "PGPASSWORD"):
        assert word in out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "sync", "--no-such-flag")
    assert code == 2 and "No such option" in err and "Traceback" not in err


def test_bad_config_file_exits_2_naming_file_and_line(tmp_path, capsys) -> None:
    cfg = tmp_path / "pgdoc.yaml"
    cfg.write_text("output: docs\nouptut: x\n")
    code, _, err = run(capsys, "list", "-c", str(cfg))
    assert code == 2
    assert f"{cfg}:2: unknown key 'ouptut' (did you mean 'output'?)" in err


def test_module_entry_point_runs() -> None:
    proc = subprocess.run([sys.executable, "-m", "pgdoc", "--version"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_client_tool_that_fails_to_say_its_version_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # What Debian's wrapper does when no postgresql-client package is installed.
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for tool in ("psql", "pg_dump"):
        (bindir / tool).write_text(
            "#!/bin/sh\necho 'Error: You must install at least one postgresql-client-<version>"
            " package' >&2\nexit 2\n")
        (bindir / tool).chmod(0o755)
    config = tmp_path / "pgdoc.yaml"
    config.write_text(f"pg_bin_dir: {bindir}\n")
    code, _, err = run(capsys, "sync", "--full", "-c", str(config), "-o",
                       str(tmp_path / "docs"))
    assert code == 3, err
    # psql, which connects first, fails first; the line quotes what the wrapper said.
    assert "failed: Error: You must install at least one" in err \
        or "--version failed (exit 2): Error: You must install at least one" in err, err
    assert "RAN:" not in err and "STDOUT" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2, err  # the error and its hint


@pytest.mark.parametrize("command", ["sync", "check", "list"])
def test_output_that_is_not_a_folder_is_a_usage_error(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for target in ("/dev/null", str(tmp_path / "a-file")):
        Path(tmp_path / "a-file").write_text("x\n")
        code, _, err = run(capsys, command, "-o", target)
        assert code == 2, err
        # click names a regular file itself; a device passes its check, not pgdoc's.
        assert (f"the output folder {target} is not a folder" in err
                or f"Directory '{target}' is a file" in err), err
        assert "Traceback" not in err
