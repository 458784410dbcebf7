"""/hudong/: the message board's public routes."""

from django.urls import path

from . import views

app_name = "interaction"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.detail, name="detail"),
    path("ask/", views.ask, name="ask"),
    path("ask/done/", views.receipt, name="receipt"),
    path("chaxun/", views.status, name="status"),
]
