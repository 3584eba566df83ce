from django.apps import AppConfig


class LiveBlogsConfig(AppConfig):
    name = "bulletin.liveblogs"
    label = "liveblogs"
    verbose_name = "Live blogs"
