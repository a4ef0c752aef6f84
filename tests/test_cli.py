"""The command line as a scheduler or an administrator meets it: exit codes and one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from desktop.data.engine import open_database


def safegrid(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desktop", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("safegrid: error:"), result.stderr
    return lines[0]


def test_demo_loads_once_then_refuses_without_force(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = safegrid("--db", url, "demo", "--seed", "3")
    assert first.returncode == 0, first.stderr
    assert "1274 grids" in first.stdout
    again = safegrid("--db", url, "demo")
    assert "--force" in _one_line_error(again)
    assert safegrid("--db", url, "demo", "--if-empty").returncode == 0
    assert safegrid("--db", url, "demo", "--force").returncode == 0


def test_user_add_reads_the_password_from_stdin_never_argv(tmp_path):
    url = f"sqlite:///{tmp_path / 'u.db'}"
    added = safegrid("--db", url, "user", "add", "liu", "--role", "duty", "--name", "刘洋", stdin="s3cret-pass\n")
    assert added.returncode == 0, added.stderr
    listed = safegrid("--db", url, "user", "list")
    assert "liu\tduty\t刘洋" in listed.stdout
    short = safegrid("--db", url, "user", "add", "ma", "--role", "viewer", stdin="short\n")
    assert "password" in _one_line_error(short)


def test_unreachable_database_is_one_line(tmp_path):
    err = _one_line_error(safegrid("--db", "postgresql+psycopg://postgres@127.0.0.1:1/none", "db", "upgrade"))
    assert "cannot reach" in err


def test_wrong_credentials_are_one_line():
    if not os.environ.get("SAFEGRID_TEST_PG_URL"):
        pytest.skip("SAFEGRID_TEST_PG_URL not set")
    err = _one_line_error(safegrid("--db", "postgresql+psycopg://no_such_role@127.0.0.1:5432/test", "db", "upgrade"))
    assert "no_such_role" in err


def test_a_database_from_a_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'n.db'}"
    assert safegrid("--db", url, "db", "upgrade").returncode == 0
    db = open_database(url)
    with db.write_engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999')"))
    db.dispose()
    assert "newer" in _one_line_error(safegrid("--db", url, "demo"))
    status = safegrid("--db", url, "db", "status")
    assert status.returncode != 0 and "newer" in status.stdout


def test_not_a_url_is_one_line():
    assert "unsupported" in _one_line_error(safegrid("--db", "mysql://x/y", "db", "upgrade"))


def test_help_lists_every_command_though_a_launch_parses_only_the_window_options():
    result = safegrid("--help")
    assert result.returncode == 0
    for command in ("db", "demo", "escalate", "user", "report", "receive", "simulate"):
        assert command in result.stdout
    wrong = safegrid("--lang", "zh", "bogus-command")
    assert wrong.returncode == 2 and "bogus-command" in wrong.stderr
