"""URLs that fall through the reader edge to Django: the desk and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("desk/", include("bulletin.newsroom.urls")),
    path("admin/", admin.site.urls),
]
