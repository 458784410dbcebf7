"""The board answers at /hudong/ whatever the 互动 column's own slug is."""

from redesign.core.column_types import ColumnType
from redesign.core.models import ColumnPage


def test_an_interaction_column_under_another_slug_sends_visitors_to_the_board(client, board):
    """An imported site's 互动交流 at /hdjl/: its page redirects to /hudong/, which answers."""
    column = ColumnPage.objects.get(column_type=ColumnType.INTERACTION)
    column.slug = "hdjl"
    column.save_revision().publish()
    response = client.get("/hdjl/", HTTP_HOST=board.host)
    assert (response.status_code, response["Location"]) == (302, "/hudong/")
    assert client.get("/hudong/", HTTP_HOST=board.host).status_code == 200


def test_an_unknown_filter_value_filters_nothing_and_says_nothing(client, board):
    """?category=xyz&department=abc: the plain list, with no 清除条件 or result count claimed."""
    html = client.get("/hudong/?category=xyz&department=abc", HTTP_HOST=board.host).content
    assert "清除条件" not in html.decode()
