"""The desk's URLs, mounted at /desk/ by the project."""

from django.urls import path

from .views import auth, desk

app_name = "newsroom"

urlpatterns = [
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-out/", auth.sign_out, name="sign-out"),
    path("", desk.liveblogs, name="liveblogs"),
]
