from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "bulletin.newsroom"
    label = "newsroom"
    verbose_name = "Newsroom desk"
