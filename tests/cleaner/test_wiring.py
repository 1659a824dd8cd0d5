"""The cleaner built from settings: kinds to keep are checked at start and reach the options."""

from pathlib import Path

import pytest

from newsflow.app import cleaner_stage
from newsflow.errors import ConfigError
from newsflow.settings import Settings


def test_unknown_kind_to_keep_fails_at_start(tmp_path: Path) -> None:
    settings = Settings(cleaner_keep_kinds=["photo_credit", "adverts"],
                        database_url=f"sqlite:///{tmp_path / 's.sqlite'}")
    with pytest.raises(ConfigError, match=r"unknown kinds \['adverts'\]"):
        cleaner_stage(settings)


def test_kinds_to_keep_and_template_rule_reach_the_stage(tmp_path: Path) -> None:
    settings = Settings(cleaner_keep_kinds=["photo_credit", "template"], template_min_pages=6,
                        template_min_share=0.5, database_url=f"sqlite:///{tmp_path / 's.sqlite'}")
    stage = cleaner_stage(settings)
    assert stage.options.disabled_kinds == {"photo_credit", "template"}
    assert (stage.memory.rule.min_pages, stage.memory.rule.min_share) == (6, 0.5)
