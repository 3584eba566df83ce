"""The desk's URLs, mounted at /desk/ by the project."""

from django.urls import path

from .views import auth, desk, drafts, key_points, liveblogs, posts, preview

app_name = "newsroom"

urlpatterns = [
    path("sign-in/", auth.sign_in, name="sign-in"),
    path("sign-out/", auth.sign_out, name="sign-out"),
    path("", liveblogs.index, name="liveblogs"),
    path("<slug:slug>/", desk.desk, name="desk"),
    path("<slug:slug>/end/", liveblogs.end, name="end"),
    path("<slug:slug>/posts/", desk.compose, name="compose"),
    path("<slug:slug>/digest-headline/", desk.digest, name="digest-headline"),
    path("<slug:slug>/preview/", preview.preview, name="preview"),
    path("<slug:slug>/posts/<int:number>/edit/", posts.edit, name="edit"),
    path("<slug:slug>/posts/<int:number>/pin/", posts.pin, name="pin"),
    path("<slug:slug>/posts/<int:number>/unpin/", posts.unpin, name="unpin"),
    path("<slug:slug>/posts/<int:number>/retract/", posts.retract, name="retract"),
    path("<slug:slug>/drafts/<int:pk>/", drafts.draft, name="draft"),
    path("<slug:slug>/drafts/<int:pk>/approve/", drafts.approve, name="approve"),
    path("<slug:slug>/drafts/<int:pk>/return/", drafts.return_to_reporter, name="return"),
    path("<slug:slug>/key-points/", key_points.key_points, name="key-points"),
]
