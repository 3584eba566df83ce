"""URLs that fall through the reader edge to Django: the admin for now."""

from django.contrib import admin
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
]
