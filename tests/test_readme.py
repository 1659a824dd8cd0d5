"""The README stays true: its commands exist and it documents every setting."""

import re
from pathlib import Path

from newsflow.settings import env_var_names


def test_readme_documents_every_setting(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text()
    missing = sorted(name for name in env_var_names() if f"`{name}`" not in readme)
    assert not missing, f"README settings table lacks {missing}"


def test_readme_make_targets_exist(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text()
    makefile = (repo_root / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    used = set(re.findall(r"`make ([a-z][a-z-]*)", readme))
    assert used and used <= targets, f"README names unknown targets {used - targets}"


def test_readme_starts_with_the_two_commands(repo_root: Path) -> None:
    readme = (repo_root / "README.md").read_text()
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


def test_readme_event_table_names_every_field(repo_root: Path) -> None:
    from newsflow.messages import Event

    readme = (repo_root / "README.md").read_text()
    table = readme.split("The fields of an event", 1)[1].split("\n\n", 2)[1]
    for name, field in Event.model_fields.items():
        assert f"`{field.alias or name}`" in table, f"README event table lacks {name}"
