"""check_wording: a rule added after publication reaches the pages already live."""

import pytest
from django.core.management import CommandError, call_command

from redesign.guarantee.models import WordingFinding, WordingRule
from tests.conftest import add_article, column_of


@pytest.mark.django_db
def test_a_new_rule_reaches_live_pages_when_the_command_runs(county, other_county, capsys):
    article = add_article(column_of(county, "yaowen"), "县里召开推进会，落实乡村振兴战咯")
    add_article(column_of(other_county, "yaowen"), "靖西乡村振兴战咯推进会")
    WordingRule.objects.create(correct="乡村振兴战略", wrong_forms="乡村振兴战咯")
    assert not WordingFinding.objects.exists()  # published before the rule existed
    call_command("check_wording", "--site", "napo.localhost", "--dry-run")
    assert "1 个页面有用语错误 1 处（试运行，未保存）" in capsys.readouterr().out
    assert not WordingFinding.objects.exists()
    call_command("check_wording", "--site", "napo.localhost")
    assert [f.page_id for f in WordingFinding.objects.all()] == [article.pk]
    call_command("check_wording")
    assert WordingFinding.objects.count() == 2


@pytest.mark.django_db
def test_an_unknown_site_is_a_clear_error(county):
    with pytest.raises(CommandError, match="nowhere.localhost"):
        call_command("check_wording", "--site", "nowhere.localhost")
