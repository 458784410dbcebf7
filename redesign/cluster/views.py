"""Error views of the cluster that must work even when the database does not."""

from django.http import HttpRequest, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from .themes import default_theme_name, use_theme


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponseServerError:
    """Render the default theme's standalone 500 page without touching the database."""
    with use_theme(default_theme_name()):
        template = loader.get_template("500.html")
    return HttpResponseServerError(template.render())
