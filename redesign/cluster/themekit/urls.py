"""/_styleguide/: the style guide's route (included by redesign/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [path("", views.styleguide, name="styleguide")]
