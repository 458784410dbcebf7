"""/_zh/: the 简体/繁體 switch, a plain link that sets the visitor's choice and goes back."""

from django.urls import path

from .variants import HANS, HANT, switch_variant

urlpatterns = [
    path("hant/", switch_variant, {"variant": HANT}, name="zh_hant"),
    path("hans/", switch_variant, {"variant": HANS}, name="zh_hans"),
]
