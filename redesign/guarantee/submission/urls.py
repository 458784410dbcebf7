"""The 投稿 routes, mounted at /tougao/ on every county host."""

from django.urls import path

from . import views

app_name = "guarantee_submission"

urlpatterns = [
    path("", views.submission_list, name="list"),
    path("new/", views.submission_new, name="new"),
    path("login/", views.SubmissionLoginView.as_view(), name="login"),
    path("logout/", views.SubmissionLogoutView.as_view(), name="logout"),
]
