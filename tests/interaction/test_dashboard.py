"""The handlers' dashboard panel: their own sites' counts, nobody else's."""

import re

from django.test import Client

from redesign.interaction.admin.dashboard import due_counts

from .conftest import make_question


def panel_numbers(user) -> dict:
    """The panel's counts as the dashboard shows them to the user, by link filter."""
    client = Client()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    found = re.findall(r'\?(?:status|deadline)=(\w+)"><strong>(\d+)</strong>', html)
    return {key: int(value) for key, value in found}


def test_the_panel_counts_the_users_sites_only(board, other_board):
    """那坡's reviewer sees 那坡's overdue and waiting questions; 靖西's sees only 靖西's."""
    make_question(board, days_ago=20)  # waiting and overdue
    make_question(board, days_ago=75, status="assigned")  # overdue and near the line
    make_question(board, days_ago=2, status="drafted")
    make_question(other_board, days_ago=1)
    napo = panel_numbers(board.reviewer)
    assert napo["overdue"] == 2 and napo["veto"] == 1 and napo["new"] == 1
    assert napo["drafted"] == 1
    jingxi = panel_numbers(other_board.reviewer)
    assert jingxi["new"] == 1 and jingxi["overdue"] == 0 and jingxi["veto"] == 0


def test_the_counts_take_one_query(board, django_assert_num_queries):
    """One aggregate, however many questions."""
    for days in (1, 20, 80):
        make_question(board, days_ago=days)
    board.reviewer.is_superuser = True  # the scope needs no page-permission lookups
    with django_assert_num_queries(1):
        due_counts(board.reviewer)


def test_informants_get_no_panel(board):
    """No handling right, no panel."""
    client = Client()
    client.force_login(board.informant)
    assert "interaction-questions" not in client.get("/admin/").content.decode()
